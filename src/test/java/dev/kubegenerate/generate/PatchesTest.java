package dev.kubegenerate.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An entry's patches change what it renders, per cluster, and every way a patch can be wrong is a
 * located error in kube-generate.yaml with nothing written; a template's locks hold.
 */
class PatchesTest {

  @TempDir Path repo;

  private CliRunner.Result update(String entries) throws Exception {
    Files.createDirectories(repo.resolve("tpl"));
    Files.writeString(
        repo.resolve("kube-generate.yaml"),
        "app: shop\nkubernetesVersion: \"1.34\"\nclusters: [qa, production]\n"
            + "templates: [tpl]\ngenerates:\n"
            + entries);
    return CliRunner.run(repo, "--update");
  }

  private String read(String path) throws Exception {
    return Files.readString(repo.resolve(path));
  }

  @Test
  void strategicMerge_mergesAContainerByNameAndKeepsTheRest() throws Exception {
    CliRunner.Result r =
        update(
            """
              - worker:
                  name: jobs
                  image: example/jobs:1
                  sidecars: [{name: proxy, image: "example/proxy:1"}]
                  patches:
                    - target: {kind: Deployment}
                      merge:
                        spec:
                          template:
                            spec:
                              containers:
                                - {name: jobs, workingDir: /srv, env: [{name: EXTRA, value: "1"}]}
            """);
    assertEquals(0, r.exit(), r.err());
    String deployment = read("kubernetes/qa/deployment-jobs.yaml");
    assertTrue(deployment.contains("workingDir: /srv"), deployment);
    assertTrue(deployment.contains("name: EXTRA"), deployment);
    // the rest of the container is kept: its image, security context, and the sidecar
    assertTrue(deployment.contains("image: example/jobs:1"), deployment);
    assertTrue(deployment.contains("allowPrivilegeEscalation: false"), deployment);
    assertTrue(deployment.contains("name: proxy"), deployment);
    assertEquals(0, CliRunner.run(repo, "check").exit());
  }

  @Test
  void jsonPatchAndPerClusterPatches_applyInOrder() throws Exception {
    CliRunner.Result r =
        update(
            """
              - autoscale:
                  name: web
                  image: example/web:1
                  patches:
                    - target: {kind: Service, name: shop-web}
                      json: [{op: add, path: /spec/externalTrafficPolicy, value: Local},
                             {op: replace, path: /spec/type, value: LoadBalancer}]
                  overrides:
                    production:
                      patches:
                        - target: {kind: HorizontalPodAutoscaler}
                          merge: {spec: {maxReplicas: 30}}
            """);
    assertEquals(0, r.exit(), r.err());
    assertTrue(read("kubernetes/qa/service-web.yaml").contains("type: LoadBalancer"));
    assertTrue(read("kubernetes/qa/service-web.yaml").contains("externalTrafficPolicy: Local"));
    assertTrue(
        read("kubernetes/production/horizontal-pod-autoscaler-web.yaml")
            .contains("maxReplicas: 30"));
    assertFalse(
        read("kubernetes/qa/horizontal-pod-autoscaler-web.yaml").contains("maxReplicas: 30"));
    // a changed patch is the repository's change: the files are stale, not outdated
    update(
        """
          - autoscale:
              name: web
              image: example/web:1
        """
            .replace(
                "example/web:1",
                "example/web:1\n      patches: [{target: {kind: Service}, merge: {spec: {sessionAffinity: ClientIP}}}]"));
    Files.writeString(
        repo.resolve("kube-generate.yaml"), read("kube-generate.yaml").replace("ClientIP", "None"));
    CliRunner.Result check = CliRunner.run(repo, "check", "--format", "json");
    assertTrue(check.out().contains("\"status\": \"stale\""), check.out());
  }

  @Test
  void aTargetMatchingNothing_isALocatedErrorAndNothingIsWritten() throws Exception {
    CliRunner.Result r =
        update(
            """
              - worker:
                  name: jobs
                  image: example/jobs:1
                  patches:
                    - target: {kind: Deploymnet}
                      merge: {spec: {minReadySeconds: 5}}
            """);
    assertEquals(2, r.exit());
    assertEquals(
        "kube-generate.yaml:10:11: this patch's target (Deploymnet) matches no object the worker"
            + " entry renders in any of its clusters\n",
        r.err());
    assertFalse(Files.exists(repo.resolve("kubernetes")));
  }

  @Test
  void aMalformedPatchAndOneMakingTheObjectInvalid_areLocatedErrors() throws Exception {
    CliRunner.Result r =
        update(
            """
              - worker:
                  name: jobs
                  image: example/jobs:1
                  patches:
                    - target: {kind: Deployment}
                      json: [{op: remove, path: /spec/nothing}]
                    - target: {kind: Deployment}
                    - target: {kind: Deployment}
                      merge: {spec: {replicas: many}}
            """);
    assertEquals(2, r.exit());
    assertTrue(
        r.err()
            .contains(
                "kube-generate.yaml:11:18: JSON patch operation: /spec/nothing does not exist"),
        r.err());
    assertTrue(
        r.err().contains("kube-generate.yaml:12:11: a patch has exactly one of merge:"), r.err());
    assertFalse(Files.exists(repo.resolve("kubernetes")));

    r =
        update(
            """
              - worker:
                  name: jobs
                  image: example/jobs:1
                  patches:
                    - target: {kind: Deployment}
                      merge: {spec: {replicas: many}}
            """);
    assertEquals(2, r.exit());
    assertTrue(
        r.err()
            .startsWith(
                "kube-generate.yaml:10:11: template worker with this entry's patches renders"
                    + " kubernetes/qa/deployment-jobs.yaml, which Kubernetes 1.34 (cluster qa)"
                    + " rejects: spec.replicas:"),
        r.err());
  }

  @Test
  void aPatchOnALockedPath_isRefused_andOneBesideIt_isApplied() throws Exception {
    Path template = Files.createDirectories(repo.resolve("tpl/locked-worker"));
    for (String file : new String[] {"template.yaml", "deployment.yaml.peb"}) {
      Files.copy(Path.of("templates/worker").resolve(file), template.resolve(file));
    }
    Files.writeString(
        template.resolve("template.yaml"),
        Files.readString(template.resolve("template.yaml"))
            + "locked:\n  - /spec/template/spec/securityContext\n"
            + "  - {kind: Deployment, path: /spec/template/spec/containers/*/securityContext}\n");
    CliRunner.Result r =
        update(
            """
              - locked-worker:
                  name: jobs
                  image: example/jobs:1
                  patches:
                    - target: {kind: Deployment}
                      merge: {spec: {template: {spec: {terminationGracePeriodSeconds: 60}}}}
                    - target: {kind: Deployment}
                      merge: {spec: {template: {spec: {containers: [{name: jobs, securityContext: {privileged: true}}]}}}}
            """);
    assertEquals(2, r.exit());
    assertEquals(
        "kube-generate.yaml:12:11: patch 2 changes"
            + " /spec/template/spec/containers/0/securityContext/privileged of Deployment shop-jobs,"
            + " which template locked-worker locks (Deployment"
            + " /spec/template/spec/containers/*/securityContext); the platform team that owns the"
            + " template decides it\n",
        r.err());

    r =
        update(
            """
              - locked-worker:
                  name: jobs
                  image: example/jobs:1
                  patches:
                    - target: {kind: Deployment}
                      merge: {spec: {template: {spec: {terminationGracePeriodSeconds: 60}}}}
            """);
    assertEquals(0, r.exit(), r.err());
    assertTrue(
        read("kubernetes/qa/deployment-jobs.yaml").contains("terminationGracePeriodSeconds: 60"));
  }

  @Test
  void aPatchDeletingAnObject_leavesItsFileOut() throws Exception {
    CliRunner.Result r =
        update(
            """
              - autoscale:
                  name: web
                  image: example/web:1
                  patches:
                    - target: {kind: PodDisruptionBudget}
                      merge: {$patch: delete}
            """);
    assertEquals(0, r.exit(), r.err());
    assertFalse(Files.exists(repo.resolve("kubernetes/qa/pod-disruption-budget-web.yaml")));
    assertTrue(Files.exists(repo.resolve("kubernetes/qa/deployment-web.yaml")));
  }
}
