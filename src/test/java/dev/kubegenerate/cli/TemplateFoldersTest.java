package dev.kubegenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * KUBE_GENERATE_TEMPLATES: searched after --templates and before the built-in library (SPEC §3).
 */
class TemplateFoldersTest {

  @TempDir Path repo;
  @TempDir Path tool;

  private void template(Path folder, String description) throws IOException {
    Path t = Files.createDirectories(folder.resolve("namespace"));
    Files.writeString(
        t.resolve("template.yaml"), "description: " + description + "\nfiles: [namespace]\n");
    Files.writeString(
        t.resolve("namespace.yaml.peb"), "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n");
  }

  @Test
  void templates_searchOrder_repositoryThenEnvironmentThenBuiltIn() throws IOException {
    Path second = Files.createDirectories(tool.resolve("second"));
    template(second, "from the second tool folder");
    template(tool.resolve("first"), "from the first tool folder");
    Map<String, String> env =
        Map.of(
            "KUBE_GENERATE_TEMPLATES",
            tool.resolve("first") + File.pathSeparator + File.pathSeparator + second);

    assertTrue(
        CliRunner.run(repo, "templates", "namespace")
            .out()
            .startsWith("namespace - Namespace the app"));
    assertTrue(
        CliRunner.run(repo, env, "templates", "namespace")
            .out()
            .startsWith("namespace - from the first tool folder"));
    template(repo.resolve("own"), "from the repository");
    assertTrue(
        CliRunner.run(repo, env, "--templates", "own", "templates", "namespace")
            .out()
            .startsWith("namespace - from the repository"));
  }

  @Test
  void templates_environmentFolderMissing_isAnErrorNamingIt() {
    Path missing = tool.resolve("nowhere");
    CliRunner.Result r =
        CliRunner.run(repo, Map.of("KUBE_GENERATE_TEMPLATES", missing.toString()), "templates");
    assertEquals(2, r.exit());
    assertEquals(
        missing + ": template folder of KUBE_GENERATE_TEMPLATES does not exist\n",
        r.err().replaceFirst("^kube-generate: ", ""));
  }
}
