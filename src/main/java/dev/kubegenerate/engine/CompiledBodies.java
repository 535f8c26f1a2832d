package dev.kubegenerate.engine;

import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Compiled template bodies by their source, shared by the process: a compiled template holds no
 * render's state, and every config of a monorepo uses the same built-in bodies. Bounded by the
 * total length of the sources it holds, least recently used first out, so a process that renders
 * many repositories' own templates (a long test run, a server) does not grow without end.
 */
final class CompiledBodies {

  /** About 200 times the built-in library's sources. */
  static final long MAX_SOURCE_CHARS = 16L << 20;

  private final Map<String, PebbleTemplate> bySource = new LinkedHashMap<>(64, 0.75f, true);
  private long chars;

  /** The compiled {@code source}, compiled now (outside the lock) when not held. */
  PebbleTemplate get(String source, Function<String, PebbleTemplate> compile) {
    synchronized (this) {
      PebbleTemplate held = bySource.get(source);
      if (held != null) {
        return held;
      }
    }
    PebbleTemplate compiled = compile.apply(source);
    synchronized (this) {
      if (bySource.putIfAbsent(source, compiled) == null) {
        chars += source.length();
        var eldest = bySource.entrySet().iterator();
        while (chars > MAX_SOURCE_CHARS && bySource.size() > 1 && eldest.hasNext()) {
          chars -= eldest.next().getKey().length();
          eldest.remove();
        }
      }
      PebbleTemplate held = bySource.get(source);
      return held != null ? held : compiled;
    }
  }
}
