package dev.kubegenerate.engine;

import io.pebbletemplates.pebble.error.PebbleException;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;

/**
 * What one render of one body may spend: wall-clock time, and the size of any value it builds or
 * prints. A hostile body can double a string forty times or nest loops a billion iterations deep
 * without printing a byte, so the output limit alone bounds neither memory nor time.
 */
final class RenderBudget {

  /** Characters any single value may expand to: as much as a whole body may render. */
  static final int MAX_VALUE_CHARS = SandboxedEngine.MAX_OUTPUT;

  /** How a message about running out of time starts. */
  static final String OUT_OF_TIME = "rendering took longer than";

  private final long deadline;
  private final Duration time;
  private final String template;

  RenderBudget(Duration time, String template) {
    this.time = time;
    this.deadline = System.nanoTime() + time.toNanos();
    this.template = template;
  }

  /**
   * Checkpoints left before the clock is read again: a body passes thousands (every node, loop
   * iteration and filter call), each a few microseconds apart, and reading the clock at each was 1%
   * of a 1,000-app check. A hostile body still stops within a few milliseconds of its time.
   */
  private int untilClock;

  private static final int CHECKPOINTS_PER_CLOCK = 32;

  /** Fails once the body has used its time. */
  void checkTime(int line) {
    if (--untilClock > 0) {
      return;
    }
    untilClock = CHECKPOINTS_PER_CLOCK;
    if (System.nanoTime() - deadline > 0 || Thread.currentThread().isInterrupted()) {
      throw exceeded(OUT_OF_TIME + " " + time.toSeconds() + " s (a loop too large?)", line);
    }
  }

  /** Fails when a writer a macro or block renders into has grown past the limit. */
  void checkWriter(Writer writer, int line) {
    if (writer instanceof StringWriter s && s.getBuffer().length() > MAX_VALUE_CHARS) {
      throw tooLarge(line);
    }
  }

  /** {@code value}, after checking that it would print to at most the limit. */
  <T> T measured(T value, int line) {
    if (size(value, line) > MAX_VALUE_CHARS) {
      throw tooLarge(line);
    }
    return value;
  }

  /** Fails unless {@code extra} more characters on top of {@code size} stay within the limit. */
  void checkGrowth(long size, long extra, int line) {
    if (size + extra > MAX_VALUE_CHARS || extra < 0 || size < 0) {
      throw tooLarge(line);
    }
  }

  /**
   * About how many characters {@code value} prints to, counted without printing it and without
   * recursion, stopping just past the limit: lists that hold themselves twice per level would
   * otherwise take exponential time and memory to walk.
   */
  long size(Object value, int line) {
    // most values measured are strings: no work list for them
    if (value instanceof CharSequence s) {
      return s.length();
    }
    if (value == null) {
      return 0;
    }
    long total = 0;
    int steps = 0;
    Deque<Object> pending = new ArrayDeque<>();
    // measuring the list of null parameters is the engine's look, not the template's read of it
    pending.push(value instanceof NameList.Watched w ? w.unwatched() : value);
    while (!pending.isEmpty()) {
      Object v = pending.pop();
      if (++steps % 4096 == 0) {
        checkTime(line);
      }
      if (v instanceof CharSequence s) {
        total += s.length();
      } else if (v instanceof Object[] array) {
        pending.push(java.util.Arrays.asList(array));
      } else if (v instanceof Collection<?> c) {
        total += 2 + c.size();
        pushAll(pending, c, total);
      } else if (v instanceof Map<?, ?> m) {
        total += 2 + 2L * m.size();
        if (total <= MAX_VALUE_CHARS) {
          pushAll(pending, m.keySet(), total);
          pushAll(pending, m.values(), total);
        }
      } else if (v instanceof Map.Entry<?, ?> e) {
        pending.push(e.getKey() == null ? "" : e.getKey());
        pending.push(e.getValue() == null ? "" : e.getValue());
      } else if (v != null) {
        // numbers, booleans, Pebble's SafeString: short or already a string
        total += String.valueOf(v).length();
      }
      if (total > MAX_VALUE_CHARS) {
        return total;
      }
    }
    return total;
  }

  private static void pushAll(Deque<Object> pending, Collection<?> items, long total) {
    if (total > MAX_VALUE_CHARS) {
      return;
    }
    for (Object item : items) {
      pending.push(item == null ? "" : item);
    }
  }

  private PebbleException tooLarge(int line) {
    return exceeded(
        "a value grows beyond "
            + (MAX_VALUE_CHARS >> 20)
            + " MiB (repeated ~, replace, join or nested lists?)",
        line);
  }

  private PebbleException exceeded(String message, int line) {
    return new PebbleException(null, message, line, template);
  }
}
