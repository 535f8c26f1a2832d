package dev.kubegenerate.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.testing.GitRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The checked-out commit as read from .git, against what git itself says. */
class GitHeadTest {

  private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

  @TempDir Path dir;

  private GitRepo repo() throws Exception {
    GitRepo repo = GitRepo.init(dir.resolve("repo"));
    repo.commit(Map.of("services/people/kube-generate.yaml", "apps: []\n"));
    repo.commit(Map.of("services/people/README", "second\n"));
    return repo;
  }

  private static String revParse(GitRepo repo) throws Exception {
    return repo.git("rev-parse", "HEAD").output().strip();
  }

  private static Optional<String> head(Path folder, Path top) {
    return GitHead.of(folder, Optional.of(top)).checkout().commit();
  }

  @Test
  void of_branchCheckedOut_theBranchesCommitAsGitSaysIt() throws Exception {
    GitRepo repo = repo();
    Path service = repo.root().resolve("services/people");

    GitHead head = GitHead.of(service, Optional.of(dir));

    assertEquals(Optional.of(revParse(repo)), head.checkout().commit());
    assertEquals(Optional.of(repo.root().toRealPath()), head.repositoryRoot());
  }

  @Test
  void of_detachedHead_asActionsCheckoutOfAShaLeavesIt() throws Exception {
    GitRepo repo = repo();
    String first = repo.git("rev-parse", "HEAD~1").output().strip();
    repo.git("checkout", "-q", "--detach", first);

    assertEquals(Optional.of(first), head(repo.root(), dir));
  }

  @Test
  void of_packedRefs_resolvedThroughThem() throws Exception {
    GitRepo repo = repo();
    repo.git("pack-refs", "--all", "--prune");
    assertTrue(Files.exists(repo.root().resolve(".git/packed-refs")));

    assertEquals(Optional.of(revParse(repo)), head(repo.root(), dir));
  }

  @Test
  void of_linkedWorktree_headInItsFolderBranchInTheCommonOne() throws Exception {
    GitRepo repo = repo();
    Path other = dir.resolve("other");
    assertEquals(0, repo.git("worktree", "add", "-q", "-b", "topic", other.toString()).code());
    assertTrue(Files.isRegularFile(other.resolve(".git")), "a .git file");

    assertEquals(Optional.of(revParse(repo)), head(other, dir));
  }

  @Test
  void of_noGitFolderUpToTheWorkspace_saysSo() throws IOException {
    Path workspace = Files.createDirectories(dir.resolve("ws/app"));

    GitHead head = GitHead.of(workspace, Optional.of(dir.resolve("ws")));

    assertEquals(Optional.empty(), head.repositoryRoot());
    assertTrue(head.checkout().problem().startsWith("no .git folder"), head.toString());
  }

  private Path dotGit(String headText) throws IOException {
    Path git = Files.createDirectories(dir.resolve("r/.git"));
    Files.writeString(git.resolve("HEAD"), headText);
    return git;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ref: refs/heads/../../../etc/passwd\n",
        "ref: /etc/passwd\n",
        "ref: refs/heads/a\\b\n",
        "ref: refs/heads/.hidden\n",
        "ref: HEAD\n",
        "ref: refs/heads/x\u0000y\n",
        "not a commit\n",
        "0123456789abcdef\n",
        ""
      })
  void of_hostileOrBrokenHead_noCommit(String text) throws Exception {
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          Path git = dotGit(text);
          Files.createDirectories(git.resolve("refs/heads"));
          assertEquals(Optional.empty(), head(git.getParent(), dir));
        });
  }

  @Test
  void of_refsThatPointAtEachOther_boundedNoCommit() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          Path git = dotGit("ref: refs/heads/a\n");
          Path heads = Files.createDirectories(git.resolve("refs/heads"));
          Files.writeString(heads.resolve("a"), "ref: refs/heads/b\n");
          Files.writeString(heads.resolve("b"), "ref: refs/heads/a\n");

          assertEquals(Optional.empty(), head(git.getParent(), dir));
        });
  }

  @Test
  void of_hugeHeadOrEndlessPackedRefsLine_boundedNoCommit() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () -> {
          Path git = dotGit(SHA + "\n" + "x".repeat(10_000));
          assertEquals(Optional.empty(), head(git.getParent(), dir));

          Files.writeString(git.resolve("HEAD"), "ref: refs/heads/main\n");
          Files.writeString(
              git.resolve("packed-refs"),
              "x".repeat(3_000_000) + " refs/heads/main\n" + SHA + " refs/heads/other\n");
          assertEquals(Optional.empty(), head(git.getParent(), dir));

          Files.writeString(
              git.resolve("packed-refs"),
              "# pack-refs with: peeled fully-peeled sorted\n"
                  + "^"
                  + SHA
                  + "\n"
                  + SHA
                  + " refs/heads/main\n");
          assertEquals(Optional.of(SHA), head(git.getParent(), dir));
        });
  }

  @Test
  void of_headIsALink_notFollowed() throws IOException {
    Path git = Files.createDirectories(dir.resolve("r/.git"));
    Path elsewhere = Files.writeString(dir.resolve("elsewhere"), SHA + "\n");
    Files.createSymbolicLink(git.resolve("HEAD"), elsewhere);

    assertEquals(Optional.empty(), head(git.getParent(), dir));
  }

  @Test
  void of_upperCaseDetachedSha_lowerCased() throws IOException {
    Path git = dotGit(SHA.toUpperCase(java.util.Locale.ROOT) + "\n");
    assertEquals(Optional.of(SHA), head(git.getParent(), dir));
  }
}
