package dev.kubegenerate.objects;

import java.util.List;

/**
 * Which fields identify an item of a list that Kubernetes merges by key (strategic merge patch):
 * such lists are compared item by item, so a container inserted first changes one item, not all.
 */
public interface MergeKeys {

  /**
   * The fields whose values identify an item of the list at {@code path}, or none when the list is
   * compared by position.
   *
   * @param path the list's field names from the object's root; {@link
   *     dev.kubegenerate.kubernetes.FieldTypes#ITEM} stands for an item of an enclosing list, e.g.
   *     {@code [spec, template, spec, containers, [], ports]}
   */
  List<String> of(String apiVersion, String kind, List<String> path);
}
