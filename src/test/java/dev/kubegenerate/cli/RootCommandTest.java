package dev.kubegenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Usage mistakes at the command line: each says what went wrong and what to type instead. */
class RootCommandTest {

  private static final String CONFIG = "app: a\nclusters: [qa]\ngenerates:\n  - namespace: {}\n";

  @TempDir Path dir;

  @Test
  void misspeltSubcommand_suggestsTheNearest() {
    CliRunner.Result r = CliRunner.run(dir, "chek");
    assertEquals(2, r.exit());
    assertEquals(
        "kube-generate: unknown command 'chek' (did you mean check?)\nTry 'kube-generate --help' for usage.\n",
        r.err());
  }

  @Test
  void misspeltSubcommandAfterOptions_suggestsTheNearest() {
    CliRunner.Result r = CliRunner.run(dir, "-C", ".", "templats");
    assertEquals(2, r.exit());
    assertTrue(
        r.err().startsWith("kube-generate: unknown command 'templats' (did you mean templates?)\n"),
        r.err());
  }

  @Test
  void misspeltOption_suggestsTheNearest() {
    CliRunner.Result r = CliRunner.run(dir, "check", "--fail-no", "stale");
    assertEquals(2, r.exit());
    assertTrue(
        r.err()
            .startsWith(
                "kube-generate: Unknown options: '--fail-no', 'stale' (did you mean --fail-on?)\n"),
        r.err());
  }

  @Test
  void missingFolder_isOneLineExit2() {
    for (List<String> args :
        List.of(
            List.of("-C", "nowhere"),
            List.of("-C", "nowhere", "check"),
            List.of("check", "-C", "nowhere"),
            List.of("-C", "nowhere", "--update"),
            List.of("init", "-C", "nowhere"))) {
      CliRunner.Result r = CliRunner.run(dir, args.toArray(String[]::new));
      assertEquals(2, r.exit(), args.toString());
      assertEquals("kube-generate: -C nowhere: no such folder\n", r.err(), args.toString());
      assertEquals("", r.out(), args.toString());
    }
    assertFalse(Files.exists(dir.resolve("nowhere")), "init creates no folder");
  }

  @Test
  void folderThatIsAFile_isOneLineExit2() throws Exception {
    Files.writeString(dir.resolve("file"), "x");
    CliRunner.Result r = CliRunner.run(dir, "-C", "file", "check");
    assertEquals(2, r.exit());
    assertEquals("kube-generate: -C file: not a folder\n", r.err());
  }

  @Test
  void folderGivenBeforeOrAfterTheSubcommand_isUsed() throws Exception {
    Path app = Files.createDirectories(dir.resolve("app"));
    Files.writeString(app.resolve("kube-generate.yaml"), CONFIG);
    assertEquals(0, CliRunner.run(dir, "-C", "app", "--update").exit());
    assertEquals(0, CliRunner.run(dir, "-C", "app", "check").exit());
    assertEquals(0, CliRunner.run(dir, "check", "-C", "app").exit());
  }

  @Test
  void monorepoRootWithoutConfig_suggestsAll() throws Exception {
    for (String app : List.of("apps/people", "apps/shop")) {
      Files.createDirectories(dir.resolve(app));
      Files.writeString(dir.resolve(app).resolve("kube-generate.yaml"), CONFIG);
    }
    CliRunner.Result r = CliRunner.run(dir, "check");
    assertEquals(2, r.exit());
    assertEquals(
        "kube-generate.yaml: no such config here, but 2 below this folder (apps/people/kube-generate.yaml,"
            + " apps/shop/kube-generate.yaml); run with --all to handle them all, or -C to one of them\n",
        r.err());
    assertEquals(0, CliRunner.run(dir, "--all", "--update").exit());
    assertEquals(0, CliRunner.run(dir, "--all", "check").exit());
  }

  @Test
  void help_listsOnlyTheOptionsACommandUses() {
    assertOptions(
        CliRunner.run(dir, "check", "--help").out(),
        List.of("-C=DIR", "-f=FILE", "--all", "--templates", "--format"),
        List.of("--update"));
    assertOptions(
        CliRunner.run(dir, "templates", "--help").out(),
        List.of("-C=DIR", "--templates"),
        List.of("-f=FILE", "--all", "--update"));
    assertOptions(
        CliRunner.run(dir, "schema", "--help").out(),
        List.of("-C=DIR", "--templates"),
        List.of("-f=FILE", "--all", "--update"));
    assertOptions(
        CliRunner.run(dir, "init", "--help").out(),
        List.of("-C=DIR", "-f=FILE"),
        List.of("--templates", "--all", "--update"));
  }

  @Test
  void optionThatMeansNothingToACommand_isAUsageError() {
    CliRunner.Result r = CliRunner.run(dir, "schema", "--all");
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith("kube-generate: Unknown option: '--all'"), r.err());
  }

  private static void assertOptions(String help, List<String> listed, List<String> absent) {
    for (String option : listed) {
      assertTrue(help.contains(option), "help lists " + option + ":\n" + help);
    }
    for (String option : absent) {
      assertFalse(help.contains(option), "help does not list " + option + ":\n" + help);
    }
  }
}
