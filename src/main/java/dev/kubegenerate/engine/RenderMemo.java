package dev.kubegenerate.engine;

import dev.kubegenerate.template.TemplateSpec;
import dev.kubegenerate.yaml.YamlNodes;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

  /** A rendered text and the values its render read, {@link #ABSENT} for a missing name. */
  private record Rendered(Map<String, Object> reads, String text) {}

  private static final Object ABSENT = new Object();

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
    List<Rendered> earlier = renders.computeIfAbsent(body, b -> new ArrayList<>(2));
    if (!engine.isOutOfTime()) { // else the engine refuses it, as it refuses every render then
      for (Rendered r : earlier) {
        if (readsSame(r.reads(), context)) {
          return r.text();
        }
      }
    }
    ReadRecorder recorder = new ReadRecorder(context);
    rendered++;
    String text = engine.render(body, recorder);
    if (!recorder.whole && earlier.size() < MAX_KEPT) {
      earlier.add(new Rendered(recorder.reads, text));
    }
    return text;
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

  /**
   * The context as the engine sees it, noting each name read and its value; reading it as a whole
   * (its size, keys or entries) or writing to it is noted too, and passed on.
   */
  private static final class ReadRecorder extends AbstractMap<String, Object> {
    private final Map<String, Object> context;
    private final Map<String, Object> reads = new LinkedHashMap<>();
    private boolean whole;

    ReadRecorder(Map<String, Object> context) {
      this.context = context;
    }

    private void read(Object key) {
      if (key instanceof String name) {
        if (!reads.containsKey(name)) {
          reads.put(name, context.containsKey(name) ? context.get(name) : ABSENT);
        }
      } else {
        whole = true;
      }
    }

    @Override
    public Object get(Object key) {
      read(key);
      return context.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      read(key);
      return context.containsKey(key);
    }

    @Override
    public Object put(String key, Object value) {
      whole = true;
      return context.put(key, value);
    }

    @Override
    public Object remove(Object key) {
      whole = true;
      return context.remove(key);
    }

    @Override
    public int size() {
      whole = true;
      return context.size();
    }

    @Override
    public boolean isEmpty() {
      whole = true;
      return context.isEmpty();
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
      whole = true;
      return context.entrySet();
    }
  }
}
