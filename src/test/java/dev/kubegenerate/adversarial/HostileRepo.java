package dev.kubegenerate.adversarial;

import dev.kubegenerate.cli.CliRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A repository a pull request controls: a config, a repository template and committed manifests,
 * checked through the whole CLI in every output mode, with every output collected in one text.
 */
final class HostileRepo {

  /** A template whose body is a Secret with the parameter {@code value} under stringData. */
  static final String SECRET_TEMPLATE =
      """
      description: A Secret.
      parameters:
        - {name: name, type: string, required: true, description: Name.}
        - {name: value, type: string, required: true, description: The value.}
      """;

  static final String SECRET_BODY =
      """
      apiVersion: v1
      kind: Secret
      metadata:
        name: {{ name | json }}
      stringData:
        token: {{ value | json }}
      """;

  final Path root;

  HostileRepo(Path root) {
    this.root = root;
  }

  /** A repository rendering one Secret from its own template into kubernetes/qa. */
  static HostileRepo withSecretTemplate(Path root, String value) throws IOException {
    HostileRepo repo = new HostileRepo(root);
    repo.write(
        "kube-generate.yaml",
        """
        app: shop
        clusters: [qa]
        templates: [platform/templates]
        generates:
          - secret: {name: creds, value: %s}
        """
            .formatted(jsonString(value)));
    repo.write("platform/templates/secret/template.yaml", SECRET_TEMPLATE);
    repo.write("platform/templates/secret/secret.yaml.peb", SECRET_BODY);
    return repo;
  }

  static String jsonString(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20 || c == 0x2028 || c == 0x2029) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }

  Path write(String relative, String text) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** What every mode of one check printed and wrote, and the exit codes. */
  /**
   * Everything collected.
   *
   * @param all every output of every run, files included
   * @param exits each run's exit code
   * @param byMode all outputs of one mode
   * @param logs what the runner reads of each run inside Actions: stdout, then stderr
   * @param patch the patch written by the run that asked for one
   */
  record Outputs(
      String all,
      List<Integer> exits,
      Map<String, String> byMode,
      List<String> logs,
      String patch) {}

  /**
   * Runs {@code kube-generate} with {@code args} (plus {@code check} in text, JSON and GitHub mode
   * with and without GITHUB_ACTIONS, the diff mode and a patch) and collects everything the runs
   * printed or wrote: stdout, stderr, the job summary, the step outputs, the JSON report file and
   * the patch.
   */
  Outputs everyMode(Path runnerTemp, String... args) throws IOException {
    Map<String, String> byMode = new HashMap<>();
    List<Integer> exits = new ArrayList<>();
    List<String> logs = new ArrayList<>();
    String[][] modes = {
      {"diff"},
      {"check", "--format", "text"},
      {"check", "--format", "json"},
      {"check", "--format", "github", "--summary", "summary-local.md", "--patch", "fix.patch"},
    };
    for (boolean actions : new boolean[] {false, true}) {
      for (String[] mode : modes) {
        Path summary = Files.createTempFile(runnerTemp, "summary", ".md");
        Path outputs = Files.createTempFile(runnerTemp, "outputs", ".txt");
        Map<String, String> env =
            actions
                ? Map.of(
                    "GITHUB_ACTIONS",
                    "true",
                    "GITHUB_STEP_SUMMARY",
                    summary.toString(),
                    "GITHUB_OUTPUT",
                    outputs.toString(),
                    "RUNNER_TEMP",
                    runnerTemp.toString())
                : Map.of();
        List<String> all = new ArrayList<>(List.of(args));
        if (!mode[0].equals("diff")) {
          all.addAll(List.of(mode));
        }
        CliRunner.Result r = CliRunner.run(root, env, all.toArray(String[]::new));
        exits.add(r.exit());
        if (actions) {
          logs.add(r.out());
          logs.add(r.err());
        }
        StringBuilder text = new StringBuilder(r.out()).append('\n').append(r.err()).append('\n');
        text.append(Files.readString(summary))
            .append('\n')
            .append(Files.readString(outputs))
            .append('\n');
        byMode.put((actions ? "actions " : "") + String.join(" ", mode), text.toString());
      }
    }
    StringBuilder all = new StringBuilder();
    byMode.values().forEach(all::append);
    try (var files = Files.list(runnerTemp)) {
      for (Path f :
          files
              .filter(p -> p.getFileName().toString().startsWith("kube-generate-report-"))
              .toList()) {
        all.append(Files.readString(f)).append('\n');
      }
    }
    Path summary = root.resolve("summary-local.md");
    if (Files.exists(summary)) {
      all.append(Files.readString(summary));
      Files.delete(summary);
    }
    Path patchFile = root.resolve("fix.patch");
    String patch = Files.exists(patchFile) ? Files.readString(patchFile) : "";
    Files.deleteIfExists(patchFile);
    return new Outputs(all.toString(), exits, byMode, logs, patch);
  }
}
