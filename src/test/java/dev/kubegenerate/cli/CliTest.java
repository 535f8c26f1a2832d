package dev.kubegenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: help, version, usage errors, templates, schema, init. */
class CliTest {

  @TempDir Path dir;

  @Test
  void help_listsCommandsAndExitCodes() {
    CliRunner.Result r = CliRunner.run(dir, "--help");
    assertEquals(0, r.exit());
    assertTrue(r.out().contains("Usage: kube-generate"), r.out());
    for (String s :
        List.of("check", "init", "templates", "schema", "--update", "-C=DIR", "Exit codes:")) {
      assertTrue(r.out().contains(s), "help mentions " + s);
    }
  }

  @Test
  void version_printsTheVersion() {
    CliRunner.Result r = CliRunner.run(dir, "--version");
    assertEquals(0, r.exit());
    assertTrue(r.out().startsWith("kube-generate "), r.out());
  }

  @Test
  void unknownOption_isAUsageErrorOnOneLine() {
    CliRunner.Result r = CliRunner.run(dir, "--updat");
    assertEquals(2, r.exit());
    assertEquals(
        "kube-generate: Unknown option: '--updat' (did you mean --update?)\nTry 'kube-generate --help' for usage.\n",
        r.err());
  }

  @Test
  void noConfig_saysHowToStart() {
    CliRunner.Result r = CliRunner.run(dir, "--update");
    assertEquals(2, r.exit());
    assertEquals(
        "kube-generate.yaml: no such config; run `kube-generate init` to create one, or name it with -f\n",
        r.err());
  }

  @Test
  void templates_listsTheV1Library() {
    CliRunner.Result r = CliRunner.run(dir, "templates");
    assertEquals(0, r.exit());
    for (String t :
        List.of(
            "namespace",
            "autoscale",
            "worker",
            "grpc",
            "cronjob",
            "ingress",
            "service-account",
            "config-map",
            "pod-disruption-budget")) {
      assertTrue(r.out().contains("\n" + t + " - ") || r.out().startsWith(t + " - "), "lists " + t);
    }
  }

  @Test
  void templatesName_showsParametersAndAnExample() {
    CliRunner.Result r = CliRunner.run(dir, "templates", "worker");
    assertEquals(0, r.exit());
    assertTrue(
        r.out().contains("image") && r.out().contains("required") && r.out().contains("Example:"),
        r.out());
  }

  @Test
  void templatesName_showsEveryParametersTypeAndDefault_sharedOnesToo() {
    String out = CliRunner.run(dir, "templates", "cronjob").out();
    assertTrue(out.contains("(enum (Forbid, Allow, Replace), default \"Forbid\")\n"), out);
    assertTrue(out.contains("(list of Toleration)\n"), out);
    assertTrue(
        out.contains(
            "(ResourceRequirements, default {\"requests\":{\"cpu\":\"100m\",\"memory\":\"128Mi\"}})\n"),
        out);
    assertTrue(out.contains("(image, required)\n"), out);
    assertTrue(
        CliRunner.run(dir, "templates", "autoscale")
            .out()
            .contains("(int-or-string, default \"25%\")\n"));
  }

  @Test
  void templatesUnknownName_suggestsTheNearest() {
    CliRunner.Result r = CliRunner.run(dir, "templates", "wroker");
    assertEquals(2, r.exit());
    assertEquals("unknown template \"wroker\" (did you mean worker?)\n", r.err());
  }

  @Test
  void schema_typesEveryTemplatesParameters() throws Exception {
    CliRunner.Result r = CliRunner.run(dir, "schema");
    assertEquals(0, r.exit());
    JsonNode schema = new ObjectMapper().readTree(r.out());
    JsonNode entries = schema.at("/properties/generates/items/oneOf");
    long builtIn;
    try (var templates = java.nio.file.Files.list(java.nio.file.Path.of("templates"))) {
      builtIn =
          templates
              .filter(t -> java.nio.file.Files.isRegularFile(t.resolve("template.yaml")))
              .count();
    }
    assertEquals(builtIn, entries.size(), "one entry shape per built-in template");
    JsonNode autoscale = null;
    for (JsonNode e : entries) {
      if (e.at("/properties/autoscale").isObject()) {
        autoscale = e.at("/properties/autoscale/properties");
      }
    }
    assertEquals("string", autoscale.at("/image/type").asText());
    assertEquals("integer", autoscale.at("/port/type").asText());
    assertEquals(
        "integer",
        autoscale.at("/overrides/additionalProperties/properties/replicas/type").asText());
    assertEquals(
        "[\"Always\",\"IfNotPresent\",\"Never\"]",
        autoscale.at("/imagePullPolicy/enum").toString());
    assertEquals("^[0-9]+%$", autoscale.at("/maxUnavailable/oneOf/1/pattern").asText());
    assertEquals(
        "[\"1.30\",\"1.31\",\"1.32\",\"1.33\",\"1.34\",\"1.35\",\"1.36\"]",
        schema.at("/properties/kubernetesVersion/enum").toString());
    assertEquals("array", schema.at("/properties/clusters/oneOf/0/type").asText());
    assertEquals(
        schema.at("/properties/kubernetesVersion/enum"),
        schema.at(
            "/properties/clusters/oneOf/1/additionalProperties/properties/kubernetesVersion/enum"));
    assertEquals("array", schema.at("/properties/schemas/type").asText());
  }

  @Test
  void init_writesAStarterThatGenerates() throws Exception {
    Path app = Files.createDirectories(dir.resolve("My_App"));
    CliRunner.Result r = CliRunner.run(app, "init");
    assertEquals(0, r.exit(), r.err());
    String config = Files.readString(app.resolve("kube-generate.yaml"));
    assertTrue(
        config.startsWith("# yaml-language-server: $schema=kube-generate.schema.json\n"), config);
    assertTrue(config.contains("app: my-app\n"), config);
    assertTrue(config.contains("\nkubernetesVersion: \"1.36\"\n"), config);
    assertTrue(Files.isRegularFile(app.resolve("kube-generate.schema.json")));
    CliRunner.Result update = CliRunner.run(app, "--update");
    assertEquals(0, update.exit(), update.err());
    assertTrue(Files.isRegularFile(app.resolve("kubernetes/production/namespace.yaml")));
    assertEquals(2, CliRunner.run(app, "init").exit(), "init never overwrites a config");
  }

  @Test
  void check_githubFormatIsTheDefaultInActions() throws Exception {
    Files.writeString(
        dir.resolve("kube-generate.yaml"),
        "app: a\nclusters: [qa]\ngenerates:\n  - namespace: {}\n");
    CliRunner.Result r = CliRunner.run(dir, Map.of("GITHUB_ACTIONS", "true"), "check");
    assertEquals(1, r.exit());
    // a missing file is annotated on the config entry that produces it
    assertTrue(
        r.out()
            .contains(
                "::error title=kube-generate%3A missing,file=kube-generate.yaml,line=4,endLine=4::"),
        r.out());
  }

  @Test
  void hugeConfig_isRefusedWithoutReadingItAll() throws Exception {
    Files.writeString(
        dir.resolve("kube-generate.yaml"), "generates: []\n" + "# padding\n".repeat(200_000));
    CliRunner.Result r = CliRunner.run(dir, "--update");
    assertEquals(2, r.exit());
    assertEquals("kube-generate.yaml: file is larger than 1 MiB; split it up\n", r.err());
  }

  @Test
  void hugeManifest_isReportedNotRead() throws Exception {
    Files.writeString(
        dir.resolve("kube-generate.yaml"),
        "app: a\nclusters: [qa]\ngenerates:\n  - namespace: {}\n");
    Files.createDirectories(dir.resolve("kubernetes/qa"));
    Files.writeString(dir.resolve("kubernetes/qa/big.yaml"), "a: b\n".repeat(400_000));
    CliRunner.Result r = CliRunner.run(dir, "check", "--format", "json");
    assertEquals(1, r.exit());
    JsonNode report = new ObjectMapper().readTree(r.out());
    assertEquals("unmanaged", report.at("/files/0/status").asText());
    assertEquals("kubernetes/qa/big.yaml", report.at("/files/0/path").asText());
  }
}
