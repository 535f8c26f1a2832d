package dev.kubegenerate.engine;

import dev.kubegenerate.template.TemplateSpec;
import dev.kubegenerate.yaml.YamlNodes;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Renders of one config's bodies, each reused for a later render whose context holds the same value
 * under every name the first one read. Most bodies read nothing that differs between clusters, and
 * rendering each for every cluster was a tenth of a 1,000-app check's CPU.
 *
 * <p>A render is a function of the values it reads: the template is the same, and the engine has no
 * clock, no randomness and no other input. So a render that read {@code app} and {@code replicas}
 * gives the same text for any context with equal values under those two names, whatever else
 * differs. Values are equal only when of the same class with equal content, and maps only with
 * their entries in the same order (a template iterates them). A render that read the context as a
 * whole or wrote to it (a {@code set} of a context variable) is never reused. Not thread-safe: one
 * per config, as its renders run on one thread.
 */
public final class RenderMemo {

  private final SandboxedEngine engine;
  private final Map<TemplateSpec.Body, List<Rendered>> renders = new IdentityHashMap<>();
  private int rendered;

  public RenderMemo(SandboxedEngine engine) {
    this.engine = engine;
  }

  /**
   * A rendered text, the values its render read ({@link #ABSENT} for a missing name), and what it
   * read.
   */
  private record Rendered(Map<String, Object> values, Render render) {}

  private static final Object ABSENT = Reads.Recorder.ABSENT;

  /** A body's rendered text and what its render read of the context. */
  public record Render(String text, Reads reads) {}

  /**
   * Renders kept per body, and values compared per lookup: a config with hundreds of clusters and
   * large values must not cost a comparison of everything with everything. Past either bound a
   * render runs, as without this memo.
   */
  static final int MAX_KEPT = 8;

  static final int MAX_COMPARED = 10_000;

  /** As {@link SandboxedEngine#render}, reusing an earlier render that read the same values. */
  public String render(TemplateSpec.Body body, Map<String, Object> context)
      throws SandboxedEngine.RenderException {
    return renderReading(body, context).text();
  }

  /**
   * As {@link #render}, with what the render read: a reused render read the same as the first,
   * since a render's path through its body depends only on the values it read.
   */
  public Render renderReading(TemplateSpec.Body body, Map<String, Object> context)
      throws SandboxedEngine.RenderException {
    List<Rendered> earlier = renders.computeIfAbsent(body, b -> new ArrayList<>(2));
    if (!engine.isOutOfTime()) { // else the engine refuses it, as it refuses every render then
      for (Rendered r : earlier) {
        if (readsSame(r.values(), context)) {
          return r.render();
        }
      }
    }
    Reads.Recorder recorder = new Reads.Recorder(context);
    rendered++;
    String text = engine.render(body, recorder);
    Render render = new Render(text, recorder.reads());
    if (!recorder.readWhole() && earlier.size() < MAX_KEPT) {
      earlier.add(new Rendered(recorder.readValues(), render));
    }
    return render;
  }

  /** How many renders ran, reused ones not counted. */
  int rendered() {
    return rendered;
  }

  private static boolean readsSame(Map<String, Object> reads, Map<String, Object> context) {
    int[] budget = {MAX_COMPARED};
    for (Map.Entry<String, Object> read : reads.entrySet()) {
      Object now = context.containsKey(read.getKey()) ? context.get(read.getKey()) : ABSENT;
      if (!same(read.getValue(), now, budget, 0)) {
        return false;
      }
    }
    return true;
  }

  /** Equal values of the same class; lists and maps element by element, maps in order. */
  static boolean same(Object a, Object b) {
    return same(a, b, new int[] {MAX_COMPARED}, 0);
  }

  /**
   * As {@link #same(Object, Object)}; false once {@code budget} values were compared or past the
   * nesting a config can hold, which a value that contains itself would reach.
   */
  private static boolean same(Object a, Object b, int[] budget, int depth) {
    if (a == b) {
      return true;
    }
    if (--budget[0] < 0 || depth > YamlNodes.MAX_DEPTH) {
      return false; // too large or too deep to compare: rendered again
    }
    if (a == null || b == null || a.getClass() != b.getClass()) {
      return false;
    }
    if (a instanceof Map<?, ?> x) {
      Map<?, ?> y = (Map<?, ?>) b;
      if (x.size() != y.size()) {
        return false;
      }
      Iterator<? extends Map.Entry<?, ?>> ys = y.entrySet().iterator();
      for (Map.Entry<?, ?> e : x.entrySet()) {
        Map.Entry<?, ?> f = ys.next();
        if (!same(e.getKey(), f.getKey(), budget, depth + 1)
            || !same(e.getValue(), f.getValue(), budget, depth + 1)) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof List<?> x) {
      List<?> y = (List<?>) b;
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!same(x.get(i), y.get(i), budget, depth + 1)) {
          return false;
        }
      }
      return true;
    }
    // the scalars a context holds; any other class is never taken as the same
    return (a instanceof String || a instanceof Number || a instanceof Boolean) && a.equals(b);
  }
}
