package dev.kubegenerate.engine;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What one render read of its context: the names it looked up, the names it tested in a {@link
 * NameList}, and whether it read more than names (the context as a whole, or a name list other than
 * by membership), in which case it may depend on anything the context holds.
 *
 * @param names the context's names the render looked up, in the order it first did (a view: the
 *     caller hands over the set it filled)
 * @param tested the names it asked a {@link NameList} about
 * @param allNames whether it used a name list other than by membership (its size, its items)
 * @param whole whether it read or wrote the context as a whole
 */
public record Reads(Set<String> names, Set<String> tested, boolean allNames, boolean whole) {

  public Reads {
    names = java.util.Collections.unmodifiableSet(names);
    tested = java.util.Collections.unmodifiableSet(tested);
  }

  /** The context a render sees, noting each read; reads and writes pass through. */
  static final class Recorder extends java.util.AbstractMap<String, Object> {

    /** A missing name's value, as the memo compares it. */
    static final Object ABSENT = new Object();

    private final Map<String, Object> context;
    // each name read, with the value it had (ABSENT when missing): the memo compares them
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Set<String> tested = new LinkedHashSet<>();
    private boolean allNames;
    private boolean whole;

    Recorder(Map<String, Object> context) {
      this.context = context;
    }

    /** Each name read and its value then. */
    Map<String, Object> readValues() {
      return values;
    }

    boolean readWhole() {
      return whole;
    }

    /** What the render read; the recorder is done with once it is asked (nothing is copied). */
    Reads reads() {
      return new Reads(values.keySet(), tested, allNames, whole);
    }

    void tested(Object name) {
      tested.add(String.valueOf(name));
    }

    void readAllNames() {
      allNames = true;
    }

    private void read(Object key) {
      if (key instanceof String name) {
        if (!values.containsKey(name)) {
          values.put(name, context.containsKey(name) ? context.get(name) : ABSENT);
        }
      } else {
        whole = true;
      }
    }

    @Override
    public Object get(Object key) {
      read(key);
      Object value = context.get(key);
      return value instanceof NameList names ? names.watchedBy(this) : value;
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
