package dev.kubegenerate.engine;

import java.util.AbstractList;
import java.util.List;

/**
 * A list of names a body asks about one at a time ({@code unset contains "namespace"}): the render
 * memo records each name asked about as that body's read, not the whole list, so a file depends on
 * the names its body tested and on no other. Any other use of the list (its size, iterating it)
 * counts as reading every name.
 */
public final class NameList extends AbstractList<String> {

  private final List<String> names;

  public NameList(List<String> names) {
    this.names = List.copyOf(names);
  }

  @Override
  public String get(int index) {
    return names.get(index);
  }

  @Override
  public int size() {
    return names.size();
  }

  @Override
  public boolean contains(Object name) {
    return names.contains(name);
  }

  /** This list as one render sees it: each membership test and each other use noted. */
  List<String> watchedBy(Reads.Recorder recorder) {
    return new Watched(recorder);
  }

  /** The list a render is given: what the template does with it is noted. */
  final class Watched extends AbstractList<String> {
    private final Reads.Recorder recorder;

    private Watched(Reads.Recorder recorder) {
      this.recorder = recorder;
    }

    /** The list itself, for the engine's own look at it (measuring a value is no read). */
    List<String> unwatched() {
      return names;
    }

    @Override
    public String get(int index) {
      recorder.readAllNames();
      return names.get(index);
    }

    @Override
    public int size() {
      recorder.readAllNames();
      return names.size();
    }

    @Override
    public boolean contains(Object name) {
      recorder.tested(name);
      return names.contains(name);
    }
  }
}
