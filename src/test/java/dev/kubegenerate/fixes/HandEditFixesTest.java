package dev.kubegenerate.fixes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubegenerate.cli.CliRunner;
import dev.kubegenerate.objects.CompareOptions;
import dev.kubegenerate.objects.Comparison;
import dev.kubegenerate.objects.Manifests;
import dev.kubegenerate.render.Marker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand-edited file's report names what in the config would produce the edit, on the shipped
 * ledger example and on Online Boutique taken over by {@code import}; a suggestion pasted into the
 * config makes {@code --update} keep the edit and the check clean.
 */
class HandEditFixesTest {

  @TempDir Path repo;

  @Test
  void replicasEditedInOneCluster_namesTheOverrideAndItsLine() throws IOException {
    ledger();
    edit("kubernetes/production/deployment-queue.yaml", "  replicas: 2\n", "  replicas: 5\n");
    CliRunner.Result r = CliRunner.run(repo, "check");
    assertEquals(1, r.exit(), r.err());
    assertTrue(
        r.out()
            .contains(
                "  Deployment ledger-queue spec.replicas 2 -> 5 in production: set"
                    + " overrides.production.replicas: 5 on the entry queue (kube-generate.yaml line "
                    + lineOf("- worker: {name: queue")
                    + ")\n"),
        r.out());
    // the fix command stays: the edit is kept by the config, then the files are regenerated
    assertTrue(r.out().contains("then run: kube-generate --update\n"), r.out());

    // the annotation and the summary (which the comment shares) say the same
    Path summary = repo.resolve("summary.md");
    CliRunner.Result github =
        CliRunner.run(repo, "check", "--format", "github", "--summary", summary.toString());
    String set = "set overrides.production.replicas: 5 on the entry queue";
    assertTrue(
        github.out().lines().anyMatch(l -> l.startsWith("::error ") && l.contains(set)),
        github.out());
    assertTrue(Files.readString(summary).contains(set), Files.readString(summary));
  }

  @Test
  void imageEditedInEveryCluster_namesTheEntryKey_andPastedKeepsTheFiles() throws IOException {
    ledger();
    for (String cluster : List.of("staging", "production")) {
      edit(
          "kubernetes/" + cluster + "/deployment.yaml",
          "image: ghcr.io/example/ledger:2.7.0",
          "image: ghcr.io/example/ledger:2.7.1");
    }
    JsonNode fix = onlyFix("kubernetes/staging/deployment.yaml");
    assertEquals("key", fix.get("fix").asText());
    assertEquals("image", fix.get("key").asText());
    assertEquals("ghcr.io/example/ledger:2.7.1", fix.get("value").asText());
    assertTrue(fix.get("everyCluster").asBoolean());
    assertEquals(lineOf("- autoscale:"), fix.get("line").asInt());
    assertEquals(
        "/spec/template/spec/containers/0/image", fix.get("fields").get(0).get("field").asText());
    assertEquals("ghcr.io/example/ledger:2.7.0", fix.get("fields").get(0).get("from").asText());

    // pasted on the entry: the update keeps both edited bodies byte for byte
    String before = body("kubernetes/production/deployment.yaml");
    editConfig(
        "      command: [/ledger, serve]\n",
        "      image: ghcr.io/example/ledger:2.7.1\n      command: [/ledger, serve]\n");
    assertRoundTrip();
    assertEquals(before, body("kubernetes/production/deployment.yaml"));
  }

  @Test
  void addedAnnotation_namesAPatch_andPastedKeepsTheFile() throws IOException {
    ledger();
    edit(
        "kubernetes/staging/service.yaml",
        "spec:\n",
        "  annotations:\n    team: payments\nspec:\n");
    CliRunner.Result text = CliRunner.run(repo, "check");
    assertTrue(
        text.out()
            .contains(
                "  Service ledger metadata.annotations added ({team: payments}) in staging: no"
                    + " parameter renders it; add this patch to overrides.staging.patches of the"
                    + " autoscale entry (kube-generate.yaml line "
                    + lineOf("- autoscale:")
                    + "):\n"
                    + "      - target: {kind: Service, name: ledger}\n"
                    + "        merge: {metadata: {annotations: {team: payments}}}\n"),
        text.out());
    JsonNode fix = onlyFix("kubernetes/staging/service.yaml");
    assertEquals("patch", fix.get("fix").asText());
    assertEquals("overrides.staging.patches", fix.get("under").asText());

    String edited = body("kubernetes/staging/service.yaml");
    editConfig(
        "        production: {replicas: 3, maxReplicas: 12}\n",
        "        production: {replicas: 3, maxReplicas: 12}\n"
            + "        staging:\n"
            + "          patches:\n"
            + indent(fix.get("patch").asText(), "            "));
    assertRoundTrip();
    assertEquals(edited, body("kubernetes/staging/service.yaml"));
  }

  @Test
  void realApp_replicasResourcesAndAnArg() throws IOException {
    onlineBoutique();
    edit("kubernetes/production/deployment-frontend.yaml", "replicas: 3", "replicas: 4");
    edit("kubernetes/sandbox/deployment-adservice.yaml", "cpu: 200m", "cpu: 250m");
    edit(
        "kubernetes/sandbox/deployment-emailservice.yaml",
        "        - name: server\n",
        "        - name: server\n          args: [--verbose]\n");
    CliRunner.Result r = CliRunner.run(repo, "check");
    assertEquals(1, r.exit(), r.err());
    assertTrue(
        r.out()
            .contains(
                "Deployment frontend spec.replicas 3 -> 4 in production: set"
                    + " overrides.production.replicas: 4 on the entry frontend (kube-generate.yaml"
                    + " line "
                    + lineOf("production: {image: frontend:v0.10.1, replicas: 3}")
                    + ")"),
        r.out());
    assertTrue(
        r.out()
            .contains(
                "Deployment adservice spec.template.spec.containers[0].resources.requests.cpu 200m"
                    + " -> 250m in sandbox: set overrides.sandbox.resources.requests.cpu: 250m on"
                    + " the entry adservice"),
        r.out());
    JsonNode arg = onlyFix("kubernetes/sandbox/deployment-emailservice.yaml");
    assertEquals("patch", arg.get("fix").asText());
    assertEquals(
        "- target: {kind: Deployment, name: emailservice}\n"
            + "  merge: {spec: {template: {spec: {containers: [{name: server, args: [--verbose]}]}}}}\n",
        arg.get("patch").asText());

    // the patch pasted under the sandbox override, the other edits reverted by the update
    String edited =
        Files.readString(repo.resolve("kubernetes/sandbox/deployment-emailservice.yaml"));
    editConfig(
        "      overrides: {production: {image: emailservice:v0.10.1}, sandbox: {image: emailservice}}\n",
        "      overrides:\n"
            + "        production: {image: emailservice:v0.10.1}\n"
            + "        sandbox:\n"
            + "          image: emailservice\n"
            + "          patches:\n"
            + indent(arg.get("patch").asText(), "            "));
    // the two edits reverted, and the file the patch writes in another order of its fields
    assertRoundTripOverwriting(
        "kubernetes/production/deployment-frontend.yaml",
        "kubernetes/sandbox/deployment-adservice.yaml",
        "kubernetes/sandbox/deployment-emailservice.yaml");
    String kept = Files.readString(repo.resolve("kubernetes/sandbox/deployment-emailservice.yaml"));
    // the patch adds args after the container's other fields: the same object, written in order
    assertEquals(
        List.of(),
        Comparison.compare(
            Manifests.read(edited, "sandbox", "f").objects(),
            Manifests.read(kept, "sandbox", "f").objects(),
            CompareOptions.byValues()));
  }

  @Test
  void secretEdit_neverShowsTheValue() throws IOException {
    Files.createDirectories(repo.resolve("platform/secret"));
    Files.writeString(
        repo.resolve("platform/secret/template.yaml"),
        """
        description: A Secret for tests.
        files: [secret]
        parameters:
          - {name: name, type: string, required: true, description: Name.}
          - {name: password, type: string, required: true, description: Password.}
        """);
    Files.writeString(
        repo.resolve("platform/secret/secret.yaml.peb"),
        """
        apiVersion: v1
        kind: Secret
        metadata:
          name: {{ name | json }}
        stringData:
          password: {{ password | json }}
        data:
          token: {{ "b2xkLXRva2Vu" | json }}
        """);
    Files.writeString(
        repo.resolve("kube-generate.yaml"),
        """
        app: vault
        clusters: [qa]
        templates: [platform]
        generates:
          - secret: {name: db, password: hunter2-old}
        """);
    assertEquals(0, CliRunner.run(repo, "--update").exit());
    edit("kubernetes/qa/secret-db.yaml", "hunter2-old", "hunter2-new");
    edit("kubernetes/qa/secret-db.yaml", "b2xkLXRva2Vu", "bmV3LXRva2Vu");
    String summary = repo.resolve("summary.md").toString();
    for (String format : List.of("text", "json", "github")) {
      CliRunner.Result r = CliRunner.run(repo, "check", "--format", format, "--summary", summary);
      String all = r.out() + r.err() + Files.readString(Path.of(summary));
      assertTrue(all.contains("a Secret value changed in qa (Secret db: "), format + ": " + all);
      for (String secret : List.of("hunter2", "b2xkLXRva2Vu", "bmV3LXRva2Vu", "old-token")) {
        assertFalse(all.contains(secret), format + " shows " + secret + ": " + all);
      }
    }
  }

  /**
   * Kubernetes reads a byte-order mark at a line's start as nothing and U+2028 as a line break, so
   * what follows is a value under stringData for it, and may be another key of the Secret for the
   * reader the fixes compare with: no field of a Secret has its value shown.
   */
  @Test
  void secretEditBehindABomOrALineSeparator_neverShowsTheValue() throws IOException {
    Files.createDirectories(repo.resolve("platform/secret"));
    Files.writeString(
        repo.resolve("platform/secret/template.yaml"),
        """
        description: A Secret for tests.
        files: [secret]
        parameters:
          - {name: name, type: string, required: true, description: Name.}
        """);
    Files.writeString(
        repo.resolve("platform/secret/secret.yaml.peb"),
        """
        apiVersion: v1
        kind: Secret
        metadata:
          name: {{ name | json }}
        stringData:
          token: none
        """);
    Files.writeString(
        repo.resolve("kube-generate.yaml"),
        """
        app: vault
        clusters: [qa]
        templates: [platform]
        generates:
          - secret: {name: db}
        """);
    assertEquals(0, CliRunner.run(repo, "--update").exit());
    edit(
        "kubernetes/qa/secret-db.yaml",
        "  token: none",
        "  token: s3cr3t-one # c\u2028  extra: s3cr3t-two\n\ufeff  more: s3cr3t-three");
    String summary = repo.resolve("summary.md").toString();
    for (String format : List.of("text", "json", "github")) {
      CliRunner.Result r = CliRunner.run(repo, "check", "--format", format, "--summary", summary);
      assertEquals(1, r.exit(), r.err());
      String all = r.out() + r.err() + Files.readString(Path.of(summary));
      assertTrue(all.contains("a Secret value changed in qa (Secret db: "), format + ": " + all);
      assertFalse(all.contains("s3cr3t"), format + " shows a Secret's value: " + all);
    }
  }

  @Test
  void hostileEdit_isBoundedAndKeepsTheVerdict() throws IOException {
    ledger();
    StringBuilder annotations = new StringBuilder("  annotations:\n");
    for (int i = 0; i < 5000; i++) {
      annotations.append("    a").append(i).append(": \"v").append(i).append("\"\n");
    }
    StringBuilder containers = new StringBuilder("      containers:\n");
    for (int i = 0; i < 2000; i++) {
      containers.append("        - ").append(i).append('\n');
    }
    for (String cluster : List.of("staging", "production")) {
      String path = "kubernetes/" + cluster + "/deployment.yaml";
      String text = Files.readString(repo.resolve(path));
      text = text.replace("spec:\n  selector:", annotations + "spec:\n  selector:");
      text = text.replaceAll("(?s)      containers:\n.*?(?=      volumes:)", containers.toString());
      Files.writeString(repo.resolve(path), text);
    }
    CliRunner.Result r =
        assertTimeoutPreemptively(
            java.time.Duration.ofSeconds(60),
            () -> CliRunner.run(repo, "check", "--format", "json"));
    assertEquals(1, r.exit(), r.err());
    assertEquals("", r.err());
    assertTrue(r.out().contains("\"status\": \"hand-edited\""), r.out());
  }

  @Test
  void noHandEdit_noFixes() throws IOException {
    ledger();
    CliRunner.Result r = CliRunner.run(repo, "check", "--format", "json");
    assertEquals(0, r.exit(), r.out());
    assertFalse(r.out().contains("\"fixes\""), r.out());
  }

  private JsonNode onlyFix(String path) throws IOException {
    CliRunner.Result r = CliRunner.run(repo, "check", "--format", "json");
    for (JsonNode f : new ObjectMapper().readTree(r.out()).get("files")) {
      if (f.get("path").asText().equals(path)) {
        assertEquals(1, f.get("fixes").size(), f.toString());
        return f.get("fixes").get(0);
      }
    }
    throw new AssertionError(path + " not in " + r.out());
  }

  /**
   * The fixes pasted: the update writes the edited files' marker lines again and, as their bodies
   * are today's render, warns of no hand edit it overwrote; then the check is clean.
   */
  private void assertRoundTrip() {
    assertRoundTripOverwriting();
  }

  /** As {@link #assertRoundTrip}, with the update warning that it overwrote these hand edits. */
  private void assertRoundTripOverwriting(String... overwritten) {
    CliRunner.Result update = CliRunner.run(repo, "--update");
    assertEquals(0, update.exit(), update.out() + update.err());
    assertEquals(
        List.of(overwritten),
        update
            .err()
            .lines()
            .filter(l -> l.contains("edited by hand"))
            .map(l -> l.substring(0, l.indexOf(':')))
            .toList(),
        update.err());
    CliRunner.Result check = CliRunner.run(repo, "check");
    assertEquals(0, check.exit(), check.out() + check.err());
  }

  private void ledger() throws IOException {
    copy(Path.of("examples/ledger"), repo);
  }

  /** Online Boutique's manifests, taken over by import: a config nobody wrote by hand. */
  private void onlineBoutique() throws IOException {
    copy(Path.of("testdata/import-online-boutique/repo"), repo);
    CliRunner.Result r = CliRunner.run(repo, "import");
    assertEquals(0, r.exit(), r.out() + r.err());
  }

  private int lineOf(String text) throws IOException {
    List<String> lines = Files.readAllLines(repo.resolve("kube-generate.yaml"));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(text + " not in the config");
  }

  private String body(String path) throws IOException {
    return Marker.body(Files.readString(repo.resolve(path)));
  }

  private void edit(String path, String from, String to) throws IOException {
    Path p = repo.resolve(path);
    String text = Files.readString(p);
    assertTrue(text.contains(from), path + " lacks " + from);
    int at = text.indexOf(from);
    Files.writeString(p, text.substring(0, at) + to + text.substring(at + from.length()));
  }

  private void editConfig(String from, String to) throws IOException {
    edit("kube-generate.yaml", from, to);
  }

  private static String indent(String text, String by) {
    return text.lines().map(l -> by + l + "\n").reduce("", String::concat);
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
