package dev.kubegenerate.importing;

import dev.kubegenerate.model.ManifestPath;
import java.util.Comparator;
import java.util.List;

/** What {@code import} says of each original object (SPEC §8.2). */
public final class ImportResidual {

  /** How an original object fares. */
  public enum Status {
    /** Rendered exactly as it was stored. */
    IDENTICAL("identical"),
    /** Rendered with additions only, each listed. */
    ADDED("added"),
    /** Left in its file, with the reason. */
    HANDWRITTEN("handwritten");

    private final String id;

    Status(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  /**
   * One original object's verdict.
   *
   * @param original the object
   * @param status its fate
   * @param added the pointers the render adds, for {@code added}
   * @param restarts whether the first deploy replaces its pods (an addition to its pod template)
   * @param why why it stays hand-written
   * @param file the file that holds it afterwards: its render's, or its own
   */
  public record Item(
      Original original,
      Status status,
      List<String> added,
      boolean restarts,
      String why,
      ManifestPath file) {

    public Item {
      added = List.copyOf(added);
    }

    public String cluster() {
      return original.cluster();
    }

    public String kind() {
      return original.kind();
    }

    public String name() {
      return original.name();
    }

    public java.util.Optional<String> namespace() {
      return original.namespace();
    }

    /** {@code Deployment shop/web}. */
    public String shown() {
      return original.shown();
    }
  }

  private ImportResidual() {}

  /** Whether an added field changes a workload's pod template, so its pods roll. */
  static boolean restartsPods(String pointer) {
    return pointer.startsWith("/spec/template/") || pointer.startsWith("/spec/jobTemplate/");
  }

  static List<Item> sorted(List<Item> items) {
    return items.stream()
        .sorted(
            Comparator.comparing(Item::cluster)
                .thenComparing(Item::kind)
                .thenComparing(i -> i.namespace().orElse(""))
                .thenComparing(Item::name))
        .toList();
  }
}
