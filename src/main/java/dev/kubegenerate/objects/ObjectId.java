package dev.kubegenerate.objects;

import java.util.Objects;

/**
 * Who an object is to the cluster it is applied to: the same cluster, API group, kind, namespace
 * and name is the same object, whatever its API version or the file that holds it.
 *
 * @param cluster the cluster folder the object is applied to; empty when none
 * @param group the API group, empty for the core group ({@code v1})
 * @param kind e.g. {@code Deployment}
 * @param namespace {@code metadata.namespace}, empty when absent
 * @param name {@code metadata.name}
 */
public record ObjectId(String cluster, String group, String kind, String namespace, String name) {

  public ObjectId {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
  }

  /** The group of an {@code apiVersion}: {@code apps} of {@code apps/v1}, empty of {@code v1}. */
  public static String groupOf(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  /** {@code namespace/name}, or the name alone for an object without a namespace. */
  public String qualifiedName() {
    return namespace.isEmpty() ? name : namespace + "/" + name;
  }
}
