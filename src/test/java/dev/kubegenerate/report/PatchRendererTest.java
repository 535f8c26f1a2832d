package dev.kubegenerate.report;

import static dev.kubegenerate.report.SampleReport.file;
import static dev.kubegenerate.report.SampleReport.generated;
import static dev.kubegenerate.report.SampleReport.marker;
import static dev.kubegenerate.report.SampleReport.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubegenerate.cli.CliRunner;
import dev.kubegenerate.model.FileResult;
import dev.kubegenerate.model.Report;
import dev.kubegenerate.model.Status;
import dev.kubegenerate.testing.GitRepo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatchRendererTest {

  private static final String BASE =
      "kind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n";

  @TempDir Path temp;

  @Test
  void render_everyStatus_gitApplyMakesTheTreeExpected() throws Exception {
    List<FileResult> files = new ArrayList<>();
    String edited = marker("autoscale", BASE.replace("replicas: 2", "replicas: 9"));
    files.add(
        generated(
            "kubernetes/production/deployment-web.yaml",
            Status.HAND_EDITED,
            edited,
            marker("autoscale", BASE)));
    files.add(
        generated(
            "kubernetes/qa/deployment-web.yaml",
            Status.STALE,
            marker("autoscale", BASE),
            marker("autoscale", BASE.replace("2", "3"))));
    files.add(
        generated(
            "kubernetes/qa/crlf.yaml",
            Status.HAND_EDITED,
            marker("autoscale", BASE).replace("\n", "\r\n"),
            marker("autoscale", BASE)));
    files.add(
        generated(
            "kubernetes/qa/no-final-newline.yaml",
            Status.HAND_EDITED,
            marker("autoscale", BASE).stripTrailing(),
            marker("autoscale", BASE)));
    files.add(
        generated(
            "kubernetes/qa/bom.yaml",
            Status.HAND_EDITED,
            "\uFEFF" + marker("autoscale", BASE),
            marker("autoscale", BASE)));
    files.add(
        generated(
            "kubernetes/qa/secret-db.yaml",
            Status.STALE,
            marker("secret", "kind: Secret\ndata:\n  password: b2xk\n"),
            marker("secret", "kind: Secret\ndata:\n  password: bmV3\n")));
    files.add(
        generated(
            "kubernetes/sandbox/deployment-web.yaml",
            Status.OK,
            marker("autoscale", BASE),
            marker("autoscale", BASE)));
    files.add(
        file(
            "kubernetes/qa/service-web.yaml",
            Status.MISSING,
            Optional.of("autoscale"),
            Optional.empty(),
            Optional.of(marker("autoscale", "kind: Service\n"))));
    files.add(
        file(
            "kubernetes/new-cluster/worker/deployment-sidekiq.yaml",
            Status.MISSING,
            Optional.of("worker"),
            Optional.empty(),
            Optional.of(marker("worker", BASE))));
    files.add(
        file(
            "kubernetes/staging/deployment-web.yaml",
            Status.ORPHANED,
            Optional.of("autoscale"),
            Optional.of(marker("autoscale", BASE)),
            Optional.empty()));
    files.add(
        file(
            "kubernetes/qa/notes.yaml",
            Status.UNMANAGED,
            Optional.empty(),
            Optional.of("kind: ConfigMap\r\ndata:\r\n  a: b"),
            Optional.empty()));
    files.add(
        file(
            "kubernetes/qa/empty.yaml",
            Status.UNMANAGED,
            Optional.empty(),
            Optional.of(""),
            Optional.empty()));
    files.add(
        file(
            "kubernetes/qa/my notes.yaml",
            Status.UNMANAGED,
            Optional.empty(),
            Optional.of("x: 1\n"),
            Optional.empty()));
    files.add(
        file(
            "kubernetes/qa/external-secret.yaml",
            Status.HANDWRITTEN,
            Optional.empty(),
            Optional.of("kind: ExternalSecret\r\n"),
            Optional.empty()));
    Report report = report(files);

    GitRepo repo = GitRepo.init(temp.resolve("repo"));
    Map<String, String> committed = new TreeMap<>();
    Map<String, String> expected = new TreeMap<>();
    for (FileResult f : files) {
      f.committed().ifPresent(c -> committed.put(f.path().value(), c));
      Optional<String> after =
          switch (f.status()) {
            case OK, HANDWRITTEN -> f.committed();
            default -> f.rendered();
          };
      after.ifPresent(a -> expected.put(f.path().value(), a));
    }
    committed.put("README.md", "not a manifest\n");
    expected.put("README.md", "not a manifest\n");
    repo.commit(committed);

    String patch = PatchRenderer.render(report);
    repo.apply(patch);

    assertEquals(expected, repo.tree());
    assertTrue(patch.contains("+  password: bmV3\n"), "the patch carries real values, not masks");
    assertEquals(
        "",
        repo.git(
                "status",
                "--porcelain",
                "--",
                "kubernetes/sandbox",
                "kubernetes/qa/external-secret.yaml")
            .output());
  }

  @Test
  void render_missingAndOrphaned_gitFileModes() {
    Report report =
        report(
            List.of(
                file(
                    "k/qa/a.yaml",
                    Status.MISSING,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of("a: 1\n")),
                file(
                    "k/qa/b.yaml",
                    Status.ORPHANED,
                    Optional.empty(),
                    Optional.of("b: 1"),
                    Optional.empty())));
    assertEquals(
        """
        diff --git a/k/qa/a.yaml b/k/qa/a.yaml
        new file mode 100644
        --- /dev/null
        +++ b/k/qa/a.yaml
        @@ -0,0 +1 @@
        +a: 1
        diff --git a/k/qa/b.yaml b/k/qa/b.yaml
        deleted file mode 100644
        --- a/k/qa/b.yaml
        +++ /dev/null
        @@ -1 +0,0 @@
        -b: 1
        \\ No newline at end of file
        """,
        PatchRenderer.render(report));
  }

  @Test
  void render_nothingToChange_emptyString() {
    Report report =
        report(
            List.of(
                generated("k/qa/a.yaml", Status.OK, BASE, BASE),
                file(
                    "k/qa/b.yaml",
                    Status.HANDWRITTEN,
                    Optional.empty(),
                    Optional.of("b: 1\n"),
                    Optional.empty())));
    assertEquals("", PatchRenderer.render(report));
    assertEquals("", PatchRenderer.render(report(List.of())));
  }

  @Test
  void render_unreadableCommittedFile_leftOut() {
    // the checker keeps a link or binary file's text empty: no text patch can replace it
    Report report =
        report(
            List.of(
                file(
                    "k/qa/a.yaml",
                    Status.HAND_EDITED,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of("a: 1\n"))));
    assertEquals("", PatchRenderer.render(report));
  }

  /**
   * The "done when": in the example repository, hand-edit a production manifest, change an
   * override without regenerating, drop in a hand-written file, remove a cluster (and delete,
   * re-encode and truncate a few more); the real check finds it all, and its patch, applied with
   * git, makes the next check exit 0.
   */
  @Test
  void render_realCheckOfTheEditedExample_gitApplyThenCheckIsClean() throws Exception {
    GitRepo repo = GitRepo.init(temp.resolve("people"));
    Path example = Path.of("examples/people");
    Map<String, String> files = new HashMap<>();
    try (Stream<Path> walk = Files.walk(example)) {
      for (Path f : walk.filter(Files::isRegularFile).toList()) {
        files.put(
            example.relativize(f).toString().replace('\\', '/'),
            Files.readString(f, StandardCharsets.UTF_8));
      }
    }
    String production = "kubernetes/production/deployment-web.yaml";
    files.put(production, files.get(production).replace("memory: 512Mi", "memory: 1Gi"));
    assertTrue(files.get(production).contains("memory: 1Gi"), "the edit took");
    files.put(
        "kube-generate.yaml",
        files
            .get("kube-generate.yaml")
            .replace("maxReplicas: 20", "maxReplicas: 30")
            .replace("clusters: [sandbox, qa, production]", "clusters: [qa, production]"));
    files.put("kubernetes/qa/debug-pod.yaml", "apiVersion: v1\nkind: Pod\n");
    files.remove("kubernetes/qa/service-web.yaml");
    String crlf = "kubernetes/qa/config-map-settings.yaml";
    files.put(crlf, files.get(crlf).replace("\n", "\r\n"));
    String truncated = "kubernetes/qa/namespace.yaml";
    files.put(truncated, files.get(truncated).stripTrailing());
    repo.commit(files);

    CliRunner.Result check =
        CliRunner.run(repo.root(), "check", "--format", "json", "--patch", "fix.patch");
    assertEquals(1, check.exit(), check.err());
    JsonNode counts = new ObjectMapper().readTree(check.out()).get("counts");
    assertEquals(3, counts.get("hand-edited").intValue(), counts.toString());
    // overrides.production changed maxReplicas: only the file whose render read it, the
    // autoscaler, is stale (the service and disruption budget read other keys)
    assertEquals(1, counts.get("stale").intValue(), counts.toString());
    assertEquals(1, counts.get("missing").intValue(), counts.toString());
    assertEquals(1, counts.get("unmanaged").intValue(), counts.toString());
    assertTrue(counts.get("orphaned").intValue() >= 8, counts.toString());

    repo.apply(Files.readString(repo.root().resolve("fix.patch"), StandardCharsets.UTF_8));

    CliRunner.Result after = CliRunner.run(repo.root(), "check");
    assertEquals(0, after.exit(), after.out() + after.err());
  }
}
