package dev.kubegenerate.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

class StrictManifestReaderTest {

  private static final String CONFIG_MAP =
      """
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: people, namespace: people}
      """;

  @Test
  void read_validDocuments_givesModelObjects() {
    var objects =
        StrictManifestReader.read(
            CONFIG_MAP
                + "data: {FEATURE: \"on\"}\n---\n"
                + """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: people, namespace: people}
        spec: {replicas: 2, strategy: {rollingUpdate: {maxSurge: 25%}}}
        """);
    assertEquals("on", assertInstanceOf(ConfigMap.class, objects.get(0)).getData().get("FEATURE"));
    assertEquals(2, assertInstanceOf(Deployment.class, objects.get(1)).getSpec().getReplicas());
  }

  @Test
  void read_unknownField_fails() {
    var e =
        assertThrows(
            StrictManifestReader.InvalidManifestException.class,
            () ->
                StrictManifestReader.read(
                    CONFIG_MAP.replace("namespace: people", "namespace: people, lables: {a: b}")));
    assertTrue(
        e.getMessage().startsWith("v1/ConfigMap: Unrecognized field \"lables\""), e.getMessage());
  }

  @Test
  void read_nestedUnknownField_fails() {
    var e =
        assertThrows(
            StrictManifestReader.InvalidManifestException.class,
            () ->
                StrictManifestReader.read(
                    """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: people, namespace: people}
        spec: {template: {spec: {containers: [{name: web, image: x, readOnlyRootFileSystem: true}]}}}
        """));
    assertTrue(
        e.getMessage()
            .startsWith("apps/v1/Deployment: Unrecognized field \"readOnlyRootFileSystem\""),
        e.getMessage());
  }

  @Test
  void read_yaml11BooleanForString_fails() {
    // kubectl reads YAML 1.1: an unquoted on is a boolean there, and ConfigMap values must be
    // strings
    var e =
        assertThrows(
            StrictManifestReader.InvalidManifestException.class,
            () -> StrictManifestReader.read(CONFIG_MAP + "data: {FEATURE: on}\n"));
    assertTrue(e.getMessage().contains("Boolean"), e.getMessage());
  }

  @Test
  void read_stringForInteger_fails() {
    var e =
        assertThrows(
            StrictManifestReader.InvalidManifestException.class,
            () ->
                StrictManifestReader.read(
                    """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: people, namespace: people}
        spec: {replicas: "2"}
        """));
    assertTrue(
        e.getMessage().contains("Cannot coerce String value (\"2\") to `java.lang.Integer`"),
        e.getMessage());
  }

  @Test
  void read_removedApiVersion_fails() {
    var e =
        assertThrows(
            StrictManifestReader.InvalidManifestException.class,
            () ->
                StrictManifestReader.read(
                    """
        apiVersion: extensions/v1beta1
        kind: Ingress
        metadata: {name: people, namespace: people}
        """));
    assertEquals("not a current API version and kind: extensions/v1beta1/Ingress", e.getMessage());
  }

  @Test
  void read_noDocument_fails() {
    var e =
        assertThrows(
            StrictManifestReader.InvalidManifestException.class,
            () -> StrictManifestReader.read("# nothing\n"));
    assertEquals("no document", e.getMessage());
  }
}
