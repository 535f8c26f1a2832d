package dev.kubegenerate.objects;

import java.util.List;

/**
 * Which fields identify an item of a list that Kubernetes merges by key (strategic merge patch):
 * such lists are compared item by item, so a container inserted first changes one item, not all.
 */
public interface MergeKeys {

  /**
   * The fields whose values identify an item of the list at {@code pointer}, or none when the list
   * is compared by position.
   *
   * @param pointer the list's JSON pointer from the object's root, {@code *} for an item of an
   *     enclosing list: {@code /spec/template/spec/containers/*}{@code /ports}
   */
  List<String> of(String apiVersion, String kind, String pointer);
}
