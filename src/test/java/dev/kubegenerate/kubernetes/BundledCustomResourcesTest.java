package dev.kubegenerate.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The custom resources the built-in templates write are validated with no {@code schemas:} folder,
 * against their projects' definitions bundled in the jar; a config's own definition of the same
 * kind comes first.
 */
class BundledCustomResourcesTest {

  @TempDir Path temp;

  /** What the library renders for the examples and a golden case: valid, and validated. */
  @Test
  void validate_whatTheLibraryWrites_noViolationAndNoMissingSchema() throws Exception {
    for (String file :
        List.of(
            "examples/ledger/kubernetes/production/service-monitor.yaml",
            "examples/ledger/kubernetes/production/external-secret-database.yaml",
            "testdata/template-http-route/after/kubernetes/production/http-route-web.yaml")) {
      assertEquals(
          List.of(),
          ManifestValidatorValuesTest.check("1.36", Files.readString(Path.of(file))),
          file);
    }
  }

  private static String bundled(String release) {
    return " (by the definition of "
        + release
        + " bundled with kube-generate; to check against your cluster's, add its"
        + " CustomResourceDefinition to a `schemas:` folder)";
  }

  /**
   * What a bundled definition finds is a warning: the cluster may run another release of it, with
   * fields this one lacks, so the required check never fails on it.
   */
  @Test
  void validate_aWrongFieldOfEachBundledKind_isAWarningThatNamesTheRelease() {
    assertEquals(
        List.of(
            "invalid warning 4 spec.endpoints: expected a list, got an object"
                + bundled("prometheus-operator v0.93.0")),
        ManifestValidatorValuesTest.check(
            "1.36",
            "apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: {name: m}\n"
                + "spec: {selector: {}, endpoints: {port: http}}\n"));
    assertEquals(
        List.of(
            "invalid warning 4 spec.refreshInterval: expected a string, got integer 5; quote it"
                + bundled("external-secrets v2.9.0")),
        ManifestValidatorValuesTest.check(
            "1.36",
            "apiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata: {name: e}\n"
                + "spec: {refreshInterval: 5}\n"));
    assertEquals(
        List.of(
            "invalid warning 4 spec.hostnames: expected a list, got string \"example.com\""
                + bundled("Gateway API v1.6.1")),
        ManifestValidatorValuesTest.check(
            "1.36",
            "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r}\n"
                + "spec: {hostnames: example.com}\n"));
  }

  /** An older release of a definition in the config's own folder is the one that counts. */
  @Test
  void validate_theConfigsOwnDefinition_comesFirst() throws Exception {
    Path repo = Files.createDirectories(temp.resolve("repo"));
    Files.createDirectories(repo.resolve("crds"));
    Files.writeString(
        repo.resolve("crds/servicemonitor.yaml"),
        """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: servicemonitors.monitoring.coreos.com}
        spec:
          group: monitoring.coreos.com
          names: {kind: ServiceMonitor, plural: servicemonitors}
          versions:
            - name: v1
              served: true
              schema:
                openAPIV3Schema:
                  type: object
                  properties:
                    spec: {type: object, properties: {endpoints: {type: object}}}
        """);
    CustomResources own = CustomResources.load(repo, List.of(repo.resolve("crds")));
    assertEquals(
        List.of(),
        ManifestValidatorValuesTest.check(
            "1.36",
            "apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: {name: m}\n"
                + "spec: {endpoints: {port: http}}\n",
            own));
    // and what the config's own definition finds is an error, as for any custom resource
    assertEquals(
        List.of("invalid error 4 spec.endpoints: expected an object, got a list"),
        ManifestValidatorValuesTest.check(
            "1.36",
            "apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: {name: m}\n"
                + "spec: {endpoints: [{port: http}]}\n",
            own));
  }
}
