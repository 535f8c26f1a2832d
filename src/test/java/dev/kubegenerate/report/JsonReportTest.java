package dev.kubegenerate.report;

import static dev.kubegenerate.report.SampleReport.file;
import static dev.kubegenerate.report.SampleReport.generated;
import static dev.kubegenerate.report.SampleReport.marker;
import static dev.kubegenerate.report.SampleReport.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubegenerate.model.EditFix;
import dev.kubegenerate.model.FileResult;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.model.Report;
import dev.kubegenerate.model.Status;
import dev.kubegenerate.model.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonReportTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void render_cleanReport_exactTextOfSpecSection6() {
    String body = "kind: Namespace\n";
    Report report =
        report(
            List.of(
                generated(
                    "kubernetes/sandbox/namespace.yaml",
                    Status.OK,
                    marker("namespace", body),
                    marker("namespace", body))));
    assertEquals(
        """
        {
          "schemaVersion": 1,
          "result": "clean",
          "files": [
            {
              "path": "kubernetes/sandbox/namespace.yaml",
              "status": "ok",
              "config": "kube-generate.yaml",
              "template": "autoscale",
              "cluster": "sandbox",
              "violations": []
            }
          ],
          "errors": [],
          "counts": {
            "ok": 1,
            "stale": 0,
            "outdated": 0,
            "hand-edited": 0,
            "missing": 0,
            "orphaned": 0,
            "unmanaged": 0,
            "handwritten": 0,
            "invalid": 0,
            "removed-api": 0,
            "deprecated-api": 0
          }
        }
        """,
        JsonReport.render(report));
  }

  @Test
  void render_everyStatus_everyFileListedDiffAndLinesOnlyWhenDiffering() throws Exception {
    JsonNode root = JSON.readTree(JsonReport.render(everyStatus()));
    assertEquals(List.of("schemaVersion", "result", "files", "errors", "counts"), fieldNames(root));
    assertEquals(1, root.get("schemaVersion").intValue());
    assertEquals("findings", root.get("result").textValue());
    assertEquals(7, root.get("files").size());
    for (JsonNode f : root.get("files")) {
      String status = f.get("status").textValue();
      boolean differs = !status.equals("ok") && !status.equals("handwritten");
      assertEquals(differs, f.has("diff"), f.toString());
      assertEquals(differs, f.has("lines"), f.toString());
      assertEquals("kube-generate.yaml", f.get("config").textValue());
    }
    JsonNode edited = byPath(root, "kubernetes/production/deployment-web.yaml");
    assertEquals(
        List.of("path", "status", "config", "template", "cluster", "diff", "lines", "violations"),
        fieldNames(edited));
    assertEquals("hand-edited", edited.get("status").textValue());
    assertEquals("production", edited.get("cluster").textValue());
    assertEquals("[{\"start\":6,\"end\":6}]", edited.get("lines").toString());
    assertTrue(
        edited
            .get("diff")
            .textValue()
            .startsWith(
                "--- a/kubernetes/production/deployment-web.yaml\n"
                    + "+++ b/kubernetes/production/deployment-web.yaml\n"
                    + "@@ -3,5 +3,5 @@\n"));
    JsonNode missing = byPath(root, "kubernetes/qa/service-web.yaml");
    assertEquals("[]", missing.get("lines").toString());
    assertFalse(edited.has("configLine"), "only a missing file points into the config");
    assertTrue(missing.get("diff").textValue().startsWith("--- /dev/null\n"));
    JsonNode handwritten = byPath(root, "kubernetes/qa/external-secret.yaml");
    assertFalse(handwritten.has("template"), "template only when known");
    assertEquals(
        "{\"ok\":1,\"stale\":1,\"outdated\":0,\"hand-edited\":1,\"missing\":1,\"orphaned\":1,\"unmanaged\":1,\"handwritten\":1,"
            + "\"invalid\":0,\"removed-api\":0,\"deprecated-api\":0}",
        root.get("counts").toString());
  }

  @Test
  void render_violations_perFileWithTheirSeverityForThisRun_andCountedByFile() throws Exception {
    String body = "kind: Namespace\n";
    FileResult ok =
        generated(
            "kubernetes/qa/pdb.yaml",
            Status.OK,
            marker("namespace", body),
            marker("namespace", body));
    Violation removed =
        new Violation(
            Violation.Rule.REMOVED_API,
            Violation.Severity.ERROR,
            3,
            13,
            "apiVersion",
            "policy/v1beta1 PodDisruptionBudget was removed in Kubernetes 1.25; use policy/v1");
    Violation deprecated =
        new Violation(
            Violation.Rule.DEPRECATED_API, Violation.Severity.WARNING, 9, 13, "apiVersion", "old");
    Report report =
        new Report(
            List.of(ok.withViolations(List.of(removed, deprecated))),
            List.of(),
            Status.defaultFailOn(),
            "kube-generate --update");
    JsonNode root = JSON.readTree(JsonReport.render(report));
    assertEquals("findings", root.get("result").textValue());
    assertEquals(
        "[{\"rule\":\"removed-api\",\"severity\":\"error\",\"line\":3,\"path\":\"apiVersion\","
            + "\"message\":\"policy/v1beta1 PodDisruptionBudget was removed in Kubernetes 1.25; use policy/v1\"},"
            + "{\"rule\":\"deprecated-api\",\"severity\":\"warning\",\"line\":9,\"path\":\"apiVersion\",\"message\":\"old\"}]",
        root.get("files").get(0).get("violations").toString());
    assertEquals(
        List.of(0, 1, 1),
        List.of(
            root.get("counts").get("invalid").intValue(),
            root.get("counts").get("removed-api").intValue(),
            root.get("counts").get("deprecated-api").intValue()));
    Report narrowed =
        new Report(
            report.files(),
            List.of(),
            Status.defaultFailOn(),
            "kube-generate --update",
            java.util.Set.of(Violation.Rule.INVALID));
    JsonNode warned = JSON.readTree(JsonReport.render(narrowed));
    assertEquals(
        "clean", warned.get("result").textValue(), "a rule left out of --fail-on only warns");
    assertEquals(
        "warning", warned.get("files").get(0).get("violations").get(0).get("severity").textValue());
  }

  @Test
  void render_secretInFile_valueNeverInOutput() {
    String committed = marker("secret", "kind: Secret\ndata:\n  password: aHVudGVyMg==\n");
    String rendered = marker("secret", "kind: Secret\ndata:\n  password: c2VjcmV0\n");
    String json =
        JsonReport.render(
            report(
                List.of(
                    generated("kubernetes/qa/secret-db.yaml", Status.STALE, committed, rendered))));
    assertFalse(json.contains("aHVudGVyMg=="), json);
    assertFalse(json.contains("c2VjcmV0"), json);
    assertTrue(json.contains("\\n-  password: ***\\n+  password: ***\\n"), json);
    assertTrue(
        json.contains("\"lines\": [\n        {\n          \"start\": 5,\n          \"end\": 5\n"),
        json);
  }

  @Test
  void render_errors_allFourFieldsAndResultError() throws Exception {
    Report report =
        report(
            List.of(),
            new Problem(
                "kube-generate.yaml",
                3,
                5,
                "unknown template \"autoscal\"; did you mean autoscale?"),
            Problem.of("kube-generate.yaml", "cannot read: permission denied"));
    JsonNode root = JSON.readTree(JsonReport.render(report));
    assertEquals("error", root.get("result").textValue());
    assertEquals(
        "[{\"file\":\"kube-generate.yaml\",\"line\":3,\"column\":5,\"message\":\"unknown template"
            + " \\\"autoscal\\\"; did you mean"
            + " autoscale?\"},{\"file\":\"kube-generate.yaml\",\"line\":0,\"column\":0,\"message\":\"cannot"
            + " read: permission denied\"}]",
        root.get("errors").toString());
    assertEquals("[]", root.get("files").toString());
  }

  @Test
  void render_anyReport_sameTextAsJacksonsPrettyPrinter() throws Exception {
    // the renderer wrote through Jackson before; consumers may compare bytes, so it still must
    String awkward =
        "quote \" backslash \\ tab \t cr \r bell \u0007 nul \u0000 del \u007f"
            + " é 漢 😀 line\u2028sep </script>";
    Report withErrors =
        report(
            List.of(
                generated(
                    "kubernetes/qa/" + "a.yaml",
                    Status.STALE,
                    marker("autoscale", "kind: A\nnote: " + awkward + "\n"),
                    marker("autoscale", "kind: A\n"))),
            new Problem("kube-generate.yaml", 3, 5, awkward),
            Problem.of("", "no file"));
    Violation removed =
        new Violation(
            Violation.Rule.REMOVED_API,
            Violation.Severity.ERROR,
            3,
            13,
            "apiVersion",
            "removed in 1.25; use \"policy/v1\"");
    Violation notice =
        new Violation(Violation.Rule.DEPRECATED_API, Violation.Severity.NOTICE, 9, 1, "", awkward);
    List<FileResult> violating = new ArrayList<>(everyStatus().files());
    violating.set(0, violating.get(0).withViolations(List.of(removed, notice)));
    Report withViolations =
        new Report(violating, List.of(), Status.defaultFailOn(), "kube-generate --update");
    for (Report report : List.of(everyStatus(), withErrors, withViolations, report(List.of()))) {
      assertEquals(JacksonOracle.render(report), JsonReport.render(report));
    }
  }

  /** The renderer as it was written with Jackson's ObjectMapper and pretty printer. */
  private static final class JacksonOracle {
    static String render(Report report) throws Exception {
      com.fasterxml.jackson.databind.node.ObjectNode root = JSON.createObjectNode();
      root.put("schemaVersion", JsonReport.SCHEMA_VERSION);
      root.put("result", report.result().id());
      com.fasterxml.jackson.databind.node.ArrayNode files = root.putArray("files");
      for (FileResult f : report.files()) {
        com.fasterxml.jackson.databind.node.ObjectNode node = files.addObject();
        node.put("path", f.path().value());
        node.put("status", f.status().id());
        node.put("config", f.config());
        if (f.status() == Status.MISSING) {
          node.put("configLine", f.annotationLine().line());
        }
        f.template().ifPresent(t -> node.put("template", t));
        f.cluster().ifPresent(c -> node.put("cluster", c));
        f.diff()
            .filter(d -> !d.isEmpty())
            .ifPresent(
                d -> {
                  node.put("diff", d);
                  com.fasterxml.jackson.databind.node.ArrayNode lines = node.putArray("lines");
                  f.lines()
                      .forEach(r -> lines.addObject().put("start", r.start()).put("end", r.end()));
                });
        com.fasterxml.jackson.databind.node.ArrayNode violations = node.putArray("violations");
        for (Violation v : f.violations()) {
          violations
              .addObject()
              .put("rule", v.rule().id())
              .put("severity", JsonReport.severity(report, v))
              .put("line", v.line())
              .put("path", v.path())
              .put("message", v.message());
        }
      }
      com.fasterxml.jackson.databind.node.ArrayNode errors = root.putArray("errors");
      for (Problem p : report.errors()) {
        errors
            .addObject()
            .put("file", p.file())
            .put("line", p.line())
            .put("column", p.column())
            .put("message", p.message());
      }
      com.fasterxml.jackson.databind.node.ObjectNode counts = root.putObject("counts");
      for (Status status : Status.reportOrder()) {
        counts.put(status.id(), report.counts().get(status));
      }
      report.ruleCounts().forEach((rule, n) -> counts.put(rule.id(), n));
      return print(root);
    }

    /** A document as Jackson's pretty printer writes it. */
    static String print(com.fasterxml.jackson.databind.JsonNode root) throws Exception {
      com.fasterxml.jackson.core.util.DefaultIndenter indenter =
          new com.fasterxml.jackson.core.util.DefaultIndenter("  ", "\n");
      com.fasterxml.jackson.core.util.Separators separators =
          com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
              .withObjectFieldValueSpacing(com.fasterxml.jackson.core.util.Separators.Spacing.AFTER)
              .withObjectEmptySeparator("")
              .withArrayEmptySeparator("");
      return JSON.writer(
                  new com.fasterxml.jackson.core.util.DefaultPrettyPrinter(separators)
                      .withObjectIndenter(indenter)
                      .withArrayIndenter(indenter))
              .writeValueAsString(root)
          + "\n";
    }
  }

  @Test
  void render_fixes_sameTextAsJacksonsPrettyPrinter() throws Exception {
    String awkward = "quote \" tab \t nul \u0000 漢 😀 </script>";
    Map<String, Object> nested = new java.util.LinkedHashMap<>();
    nested.put("cpu", "500m");
    nested.put("ratio", 0.5);
    nested.put("on", true);
    nested.put("list", List.of(1L, awkward));
    EditFix key =
        new EditFix(
            "Deployment shop-web",
            "production",
            List.of(
                new EditFix.Field("/spec/replicas", Optional.of(2L), Optional.of(3L)),
                new EditFix.Field("/metadata/labels/x", Optional.empty(), Optional.of(awkward))),
            EditFix.Kind.KEY,
            false,
            "web",
            true,
            "overrides.production.resources",
            Optional.of(nested),
            "",
            12,
            List.of("kubernetes/production/hpa-web.yaml"));
    EditFix patch =
        new EditFix(
            "Service shop-web",
            "production",
            List.of(new EditFix.Field("/spec/x", Optional.of(awkward), Optional.empty())),
            EditFix.Kind.PATCH,
            true,
            "autoscale",
            false,
            "patches",
            Optional.empty(),
            "- target: {kind: Service, name: shop-web}\n  merge: {spec: {x: null}}\n",
            9,
            List.of());
    EditFix secret =
        new EditFix(
            "Secret db",
            "qa",
            List.of(new EditFix.Field("/data/password", Optional.empty(), Optional.empty())),
            EditFix.Kind.SECRET,
            false,
            "db",
            true,
            "",
            Optional.empty(),
            "",
            0,
            List.of());
    List<FileResult> files = new ArrayList<>(everyStatus().files());
    files.set(0, files.get(0).withFixes(List.of(key, patch, secret)));
    String text =
        JsonReport.render(
            new Report(files, List.of(), Status.defaultFailOn(), "kube-generate --update"));
    com.fasterxml.jackson.databind.JsonNode root = JSON.readTree(text);
    assertEquals(JacksonOracle.print(root), text);
    com.fasterxml.jackson.databind.JsonNode fixes = root.get("files").get(0).get("fixes");
    assertEquals(3, fixes.size());
    assertEquals("key", fixes.get(0).get("fix").asText());
    assertEquals(0.5, fixes.get(0).get("value").get("ratio").asDouble());
    assertEquals(false, fixes.get(0).get("fields").get(1).has("from"));
    assertEquals("patches", fixes.get(1).get("under").asText());
    assertEquals(false, fixes.get(2).get("fields").get(0).has("to"));
    assertEquals(false, fixes.get(2).has("key"));
  }

  @Test
  void render_sameReportTwice_sameBytes() {
    assertEquals(JsonReport.render(everyStatus()), JsonReport.render(everyStatus()));
  }

  /** One file of each status. */
  static Report everyStatus() {
    String base = "kind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n";
    List<FileResult> files = new ArrayList<>();
    files.add(
        generated(
            "kubernetes/production/deployment-web.yaml",
            Status.HAND_EDITED,
            marker("autoscale", base.replace("spec:", "spec: # edited")),
            marker("autoscale", base)));
    files.add(
        generated(
            "kubernetes/qa/deployment-web.yaml",
            Status.STALE,
            marker("autoscale", base),
            marker("autoscale", base.replace("2", "3"))));
    files.add(
        generated(
            "kubernetes/sandbox/deployment-web.yaml",
            Status.OK,
            marker("autoscale", base),
            marker("autoscale", base)));
    files.add(
        file(
            "kubernetes/qa/service-web.yaml",
            Status.MISSING,
            Optional.of("autoscale"),
            Optional.empty(),
            Optional.of(marker("autoscale", "kind: Service\n"))));
    files.add(
        file(
            "kubernetes/staging/deployment-web.yaml",
            Status.ORPHANED,
            Optional.of("autoscale"),
            Optional.of(marker("autoscale", base)),
            Optional.empty()));
    files.add(
        file(
            "kubernetes/qa/notes.yaml",
            Status.UNMANAGED,
            Optional.empty(),
            Optional.of("kind: ConfigMap\n"),
            Optional.empty()));
    files.add(
        file(
            "kubernetes/qa/external-secret.yaml",
            Status.HANDWRITTEN,
            Optional.empty(),
            Optional.of("kind: ExternalSecret\n"),
            Optional.empty()));
    return report(files);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static JsonNode byPath(JsonNode root, String path) {
    for (JsonNode f : root.get("files")) {
      if (f.get("path").textValue().equals(path)) {
        return f;
      }
    }
    throw new AssertionError("no file " + path);
  }

  @Test
  void missingFile_carriesTheLineOfTheEntryThatProducesIt() throws Exception {
    FileResult missing =
        new FileResult(
            ManifestPath.of("kubernetes/qa/deployment-web.yaml"),
            Status.MISSING,
            "apps/shop/kube-generate.yaml",
            Optional.of("autoscale"),
            Optional.of("qa"),
            Optional.empty(),
            Optional.of("kind: Deployment\n"),
            Optional.of("--- /dev/null\n+++ b/kubernetes/qa/deployment-web.yaml\n"),
            List.of(),
            new FileResult.Location("apps/shop/kube-generate.yaml", 9, 9),
            List.of(),
            List.of());
    JsonNode file =
        new ObjectMapper()
            .readTree(
                JsonReport.render(
                    new Report(
                        List.of(missing), List.of(), Status.defaultFailOn(), ReportFixtures.FIX)))
            .at("/files/0");
    assertEquals("apps/shop/kube-generate.yaml", file.get("config").textValue());
    assertEquals(9, file.get("configLine").intValue());
  }
}
