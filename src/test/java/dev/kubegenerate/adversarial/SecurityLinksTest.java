package dev.kubegenerate.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.cli.CliRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pull request links files and folders of the repository to the runner's own files, or puts a
 * FIFO or a device where an input belongs: nothing outside the repository is read or shown, and
 * every run ends with a verdict in seconds.
 */
@DisabledOnOs(OS.WINDOWS)
class SecurityLinksTest {

  private static final String OUTSIDE = "outside-the-repository-7f3a";
  private static final Duration BOUND = Duration.ofSeconds(30);

  @TempDir Path repoDir;
  @TempDir Path outside;
  @TempDir Path runnerTemp;
  private HostileRepo repo;

  @BeforeEach
  void repository() throws IOException {
    repo = HostileRepo.withSecretTemplate(repoDir, "s3cr3t");
    // what a runner keeps beside the workspace, in text the parser would quote in an error
    Files.writeString(
        outside.resolve("secret.yaml.peb"), "kind: " + OUTSIDE + "\n: : [" + OUTSIDE + "\n");
    Files.writeString(
        outside.resolve("template.yaml"),
        "description: " + OUTSIDE + "\nparameters: [" + OUTSIDE + "\n");
    // a config that renders: the name of its Secret would show in every diff
    Files.writeString(
        outside.resolve("kube-generate.yaml"),
        Files.readString(repoDir.resolve("kube-generate.yaml"))
            .replace("name: creds", "name: " + OUTSIDE));
    Files.createDirectories(outside.resolve("qa"));
    Files.writeString(
        outside.resolve("qa/secret-creds.yaml"), "# " + OUTSIDE + "\nkind: ConfigMap\n");
    Files.writeString(outside.resolve("qa/extra.yaml"), "# " + OUTSIDE + "\nkind: ConfigMap\n");
  }

  private void assertRefused(String... args) throws IOException {
    HostileRepo.Outputs o =
        assertTimeoutPreemptively(BOUND, () -> repo.everyMode(runnerTemp, args));
    assertFalse(o.all().contains(OUTSIDE), o.all());
    assertFalse(o.patch().contains(OUTSIDE), o.patch());
    for (int exit : o.exits()) {
      assertEquals(2, exit, o.all());
    }
  }

  @Test
  void parentOfOutputDir_linkedOutside_isNeverRead() throws IOException {
    // deploy -> a folder on the runner; deploy/qa is the output folder, itself no link
    repo.write(
        "kube-generate.yaml",
        Files.readString(repoDir.resolve("kube-generate.yaml")) + "outputDir: deploy/qa\n");
    Files.createSymbolicLink(repoDir.resolve("deploy"), outside);
    assertRefused();
    CliRunner.Result r = CliRunner.run(repoDir, "check");
    assertTrue(r.err().startsWith("deploy/qa: "), r.err());
  }

  @Test
  void templateBody_linkedOutside_isNeverRead() throws IOException {
    Path body = repoDir.resolve("platform/templates/secret/secret.yaml.peb");
    Files.delete(body);
    Files.createSymbolicLink(body, outside.resolve("secret.yaml.peb"));
    assertRefused();
    assertEquals(
        "platform/templates/secret/secret.yaml.peb: a symbolic link leads out of the repository;"
            + " kube-generate reads nothing outside it\n",
        CliRunner.run(repoDir, "check").err());
  }

  @Test
  void templateSpec_linkedOutside_isNeverRead() throws IOException {
    Path spec = repoDir.resolve("platform/templates/secret/template.yaml");
    Files.delete(spec);
    Files.createSymbolicLink(spec, outside.resolve("template.yaml"));
    assertRefused();
  }

  @Test
  void templateFolder_linkedOutside_isNeverRead() throws IOException {
    Files.copy(
        repoDir.resolve("platform/templates/secret/template.yaml"),
        outside.resolve("template.yaml"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.createSymbolicLink(repoDir.resolve("platform/templates/other"), outside);
    assertRefused();
  }

  @Test
  void configTemplatesFolder_linkedOutside_isALocatedErrorOnTheConfigLine() throws IOException {
    Files.copy(
        repoDir.resolve("platform/templates/secret/template.yaml"),
        outside.resolve("template.yaml"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.createSymbolicLink(repoDir.resolve("linked"), outside);
    String config = Files.readString(repoDir.resolve("kube-generate.yaml"));
    repo.write(
        "kube-generate.yaml",
        config.replace(
            "templates: [platform/templates]", "templates: [linked, platform/templates]"));
    assertRefused();
    assertEquals(
        "kube-generate.yaml:3:13: template folder \"linked\": a symbolic link leads out of the"
            + " repository; kube-generate reads nothing outside it\n",
        CliRunner.run(repoDir, "check").err());
  }

  @Test
  void config_linkedOutside_isNeverRead() throws IOException {
    Files.delete(repoDir.resolve("kube-generate.yaml"));
    Files.createSymbolicLink(
        repoDir.resolve("kube-generate.yaml"), outside.resolve("kube-generate.yaml"));
    assertRefused();
    Files.createSymbolicLink(repoDir.resolve("other.yaml"), outside.resolve("kube-generate.yaml"));
    assertRefused("-f", "other.yaml");
  }

  @Test
  void templateBody_linkedToGitConfig_isNeverRead() throws IOException {
    // actions/checkout keeps the token in .git/config unless told not to persist it
    String token = "AUTHORIZATION: basic eC1hY2Nlc3MtdG9rZW46Z2hzX3NlY3JldA==";
    repo.write(".git/config", "[http \"https://github.com/\"]\n\textraheader = " + token + "\n");
    repo.write(".git/kube-generate.yaml", Files.readString(repoDir.resolve("kube-generate.yaml")));
    Path body = repoDir.resolve("platform/templates/secret/secret.yaml.peb");
    Files.delete(body);
    Files.createSymbolicLink(body, repoDir.resolve(".git/config"));
    HostileRepo.Outputs o = assertTimeoutPreemptively(BOUND, () -> repo.everyMode(runnerTemp));
    assertFalse(o.all().contains("eC1hY2Nlc3M"), o.all());
    o.exits().forEach(exit -> assertEquals(2, exit, o.all()));
    assertEquals(
        "platform/templates/secret/secret.yaml.peb: a symbolic link leads into the repository's"
            + " .git folder, which can hold the checkout's token; kube-generate reads no input"
            + " from it\n",
        CliRunner.run(repoDir, "check").err());
    // named directly: a config or a template folder inside .git
    CliRunner.Result r = CliRunner.run(repoDir, "-f", ".git/kube-generate.yaml", "check");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("this is in the repository's .git folder"), r.err());
  }

  @Test
  void fifoAsTemplateBody_isALocatedErrorAndNeverOpened() throws Exception {
    Path body = repoDir.resolve("platform/templates/secret/secret.yaml.peb");
    Files.delete(body);
    mkfifo(body);
    HostileRepo.Outputs o = assertTimeoutPreemptively(BOUND, () -> repo.everyMode(runnerTemp));
    o.exits().forEach(exit -> assertEquals(2, exit, o.all()));
    CliRunner.Result r = CliRunner.run(repoDir, "check");
    assertTrue(r.err().startsWith("platform/templates/secret/secret.yaml.peb: "), r.err());
    assertTrue(r.err().contains("not a regular file"), r.err());
  }

  @Test
  void fifoAsConfig_isALocatedErrorAndNeverOpened() throws Exception {
    Files.delete(repoDir.resolve("kube-generate.yaml"));
    mkfifo(repoDir.resolve("kube-generate.yaml"));
    CliRunner.Result r = assertTimeoutPreemptively(BOUND, () -> CliRunner.run(repoDir, "check"));
    assertEquals(2, r.exit());
    assertTrue(
        r.err().startsWith("kube-generate.yaml: ") && r.err().contains("not a regular file"),
        r.err());
  }

  @Test
  void fifoAsCommittedManifest_isAFindingAndNeverOpened() throws Exception {
    assertEquals(0, CliRunner.run(repoDir, "--update").exit());
    Path committed = repoDir.resolve("kubernetes/qa/secret-creds.yaml");
    Files.delete(committed);
    mkfifo(committed);
    CliRunner.Result r =
        assertTimeoutPreemptively(BOUND, () -> CliRunner.run(repoDir, "check", "--format", "json"));
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.out().contains("\"hand-edited\""), r.out());
    // a device is no input either
    Files.delete(committed);
    Files.createSymbolicLink(committed, Path.of("/dev/zero"));
    r = assertTimeoutPreemptively(BOUND, () -> CliRunner.run(repoDir, "check", "--format", "json"));
    assertEquals(1, r.exit(), r.err());
  }

  @Test
  void deviceAsConfig_isALocatedError() throws Exception {
    Files.delete(repoDir.resolve("kube-generate.yaml"));
    Files.createSymbolicLink(repoDir.resolve("kube-generate.yaml"), Path.of("/dev/zero"));
    CliRunner.Result r = assertTimeoutPreemptively(BOUND, () -> CliRunner.run(repoDir, "check"));
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith("kube-generate.yaml: "), r.err());
  }

  @Test
  void linkInsideTheRepository_isStillRead() throws IOException {
    Path body = repoDir.resolve("platform/templates/secret/secret.yaml.peb");
    Files.move(body, repoDir.resolve("platform/secret-body.peb"));
    Files.createSymbolicLink(body, Path.of("../../secret-body.peb"));
    assertEquals(0, CliRunner.run(repoDir, "--update").exit());
    assertEquals(0, CliRunner.run(repoDir, "check").exit());
  }

  @Test
  void committedManifest_linkedOutside_isAFindingAndNeverRead() throws Exception {
    assertEquals(0, CliRunner.run(repoDir, "--update").exit());
    Path committed = repoDir.resolve("kubernetes/qa/secret-creds.yaml");
    Files.delete(committed);
    Files.createSymbolicLink(committed, outside.resolve("qa/secret-creds.yaml"));
    Files.createSymbolicLink(
        repoDir.resolve("kubernetes/qa/extra.yaml"), outside.resolve("qa/extra.yaml"));
    HostileRepo.Outputs o = assertTimeoutPreemptively(BOUND, () -> repo.everyMode(runnerTemp));
    assertFalse(o.all().contains(OUTSIDE), o.all());
    assertFalse(o.patch().contains(OUTSIDE), o.patch());
    CliRunner.Result r = CliRunner.run(repoDir, "check", "--format", "json");
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.out().contains("\"hand-edited\""), r.out());
    assertTrue(r.out().contains("\"unmanaged\""), r.out());
  }

  /**
   * A file listed as hand-written that the check cannot read is not passed unseen: past the size
   * limit it may hold any number of objects, so it fails as invalid; a link is a warning, as it may
   * lead to another manifest of the repository.
   */
  @Test
  void handwrittenButUnreadable_isInvalid_aLinkIsAWarning() throws Exception {
    Files.writeString(
        repoDir.resolve("kube-generate.yaml"),
        Files.readString(repoDir.resolve("kube-generate.yaml"))
            + "handwritten: [kubernetes/qa/big.yaml, kubernetes/qa/extra.yaml]\n");
    assertEquals(0, CliRunner.run(repoDir, "--update").exit());
    Files.createSymbolicLink(
        repoDir.resolve("kubernetes/qa/extra.yaml"), outside.resolve("qa/extra.yaml"));
    CliRunner.Result linked = CliRunner.run(repoDir, "check");
    assertEquals(0, linked.exit(), linked.out());
    assertTrue(
        linked
            .out()
            .contains(
                "kubernetes/qa/extra.yaml:1: invalid: not validated: a symbolic link, which"
                    + " kube-generate never follows (warns)"),
        linked.out());
    assertFalse(linked.out().contains(OUTSIDE), linked.out());

    Files.writeString(
        repoDir.resolve("kubernetes/qa/big.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  a: "
            + "x".repeat(1 << 20)
            + "\n");
    CliRunner.Result big = CliRunner.run(repoDir, "check");
    assertEquals(1, big.exit(), big.out());
    assertTrue(
        big.out()
            .contains(
                "kubernetes/qa/big.yaml:1: invalid: not validated: file is larger than 1 MiB;"
                    + " split it up (fails)"),
        big.out());
  }

  @Test
  void folderInsideOutputDir_linkedOutside_isNeverListed() throws Exception {
    assertEquals(0, CliRunner.run(repoDir, "--update").exit());
    // kubernetes/qa.yaml -> a folder on the runner, named like a manifest
    Files.createSymbolicLink(repoDir.resolve("kubernetes/qa.yaml"), outside.resolve("qa"));
    Files.createSymbolicLink(repoDir.resolve("kubernetes/prod"), outside.resolve("qa"));
    HostileRepo.Outputs o = assertTimeoutPreemptively(BOUND, () -> repo.everyMode(runnerTemp));
    assertFalse(o.all().contains(OUTSIDE), o.all());
    assertFalse(o.all().contains("kubernetes/prod/"), o.all());
    CliRunner.Result r = CliRunner.run(repoDir, "check");
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.out().contains("unmanaged  kubernetes/qa.yaml"), r.out());
  }

  @Test
  void parentOfOutputDir_linkedInside_isStillRead() throws IOException {
    // deploy -> real-deploy, both in the repository: the files below are the repository's own
    repo.write(
        "kube-generate.yaml",
        Files.readString(repoDir.resolve("kube-generate.yaml")) + "outputDir: deploy/qa\n");
    assertEquals(0, CliRunner.run(repoDir, "--update").exit());
    Files.move(repoDir.resolve("deploy"), repoDir.resolve("real-deploy"));
    Files.createSymbolicLink(repoDir.resolve("deploy"), Path.of("real-deploy"));
    CliRunner.Result r = CliRunner.run(repoDir, "check");
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("1 manifest file checked"), r.out());
    Files.writeString(repoDir.resolve("real-deploy/qa/secret-creds.yaml"), "kind: Edited\n");
    r = CliRunner.run(repoDir, "check");
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("deploy/qa/secret-creds.yaml"), r.out());
  }

  private static void mkfifo(Path p) throws Exception {
    Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
    assertTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo");
  }
}
