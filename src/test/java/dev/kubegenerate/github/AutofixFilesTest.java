package dev.kubegenerate.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.github.AutofixDecision.Go;
import dev.kubegenerate.github.AutofixDecision.Scope;
import dev.kubegenerate.github.AutofixDecision.Step;
import dev.kubegenerate.github.AutofixDecision.Stop;
import dev.kubegenerate.model.AutofixOutcome;
import dev.kubegenerate.model.AutofixOutcome.Kind;
import dev.kubegenerate.model.AutofixOutcome.Reason;
import dev.kubegenerate.model.ManifestPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The files of an autofix commit: only the failing findings', within the folders and the size. */
class AutofixFilesTest {

  private static final String HEAD = AutofixDecisionTest.HEAD;
  private static final String STALE = "kubernetes/qa/deployment-web.yaml";
  private static final String MISSING = "kubernetes/sandbox/namespace.yaml";
  private static final String ORPHANED = "kubernetes/qa/cronjob-old.yaml";
  private static final String OUTDATED = "kubernetes/production/service-web.yaml";

  private static Regeneration regeneration(Map<ManifestPath, String> writes) {
    return new Regeneration(
        writes, List.of(ManifestPath.of(ORPHANED)), List.of(ManifestPath.of("kubernetes")));
  }

  private static Map<ManifestPath, String> writes() {
    Map<ManifestPath, String> w = new LinkedHashMap<>();
    w.put(ManifestPath.of(STALE), "kind: Deployment\n");
    w.put(ManifestPath.of(MISSING), "kind: Namespace\n");
    w.put(ManifestPath.of(OUTDATED), "kind: Service\n");
    return w;
  }

  private static Scope scopeOfRegenerable() {
    Step<Scope> step =
        AutofixDecision.decide(
                AutofixDecisionTest.regenerable(),
                Optional.of(AutofixDecisionTest.PR),
                AutofixDecisionTest.AT_HEAD)
            .orElseThrow();
    return ((Go<Scope>) step).value();
  }

  @Test
  void changes_onlyTheScopesFiles_fromTheRepositoryRoot() {
    Step<FileChanges> step =
        AutofixFiles.of(scopeOfRegenerable(), regeneration(writes()), "services/people", HEAD);

    FileChanges changes = ((Go<FileChanges>) step).value();
    assertEquals(
        Map.of(
            "services/people/" + STALE, "kind: Deployment\n",
            "services/people/" + MISSING, "kind: Namespace\n"),
        changes.additions(),
        "the outdated warning's file stays");
    assertEquals(List.of("services/people/" + ORPHANED), changes.deletions());
  }

  @Test
  void changes_fileOutsideTheOutputFolders_refused() {
    Scope scope = new Scope(Set.of(ManifestPath.of("kube-generate.yaml")), Set.of());
    Map<ManifestPath, String> w = Map.of(ManifestPath.of("kube-generate.yaml"), "x: 1\n");

    Step<FileChanges> step = AutofixFiles.of(scope, regeneration(w), "", HEAD);

    AutofixOutcome o = ((Stop<FileChanges>) step).outcome();
    assertEquals(Optional.of(Reason.OUTSIDE_OUTPUT), o.reason());
    assertEquals("kube-generate.yaml", o.detail());
  }

  @Test
  void changes_outputFolderUnderDotGithub_refused() {
    ManifestPath workflow = ManifestPath.of(".github/workflows/deploy.yaml");
    Regeneration regen =
        new Regeneration(
            Map.of(workflow, "on: push\n"), List.of(), List.of(ManifestPath.of(".github")));

    for (String prefix : List.of("", ".GitHub/x")) {
      Step<FileChanges> step =
          AutofixFiles.of(new Scope(Set.of(workflow), Set.of()), regen, prefix, HEAD);
      assertEquals(
          Optional.of(Reason.OUTSIDE_OUTPUT), ((Stop<FileChanges>) step).outcome().reason());
    }
  }

  @Test
  void changes_regenerationDisagreesWithTheCheck_fails() {
    Map<ManifestPath, String> w = writes();
    w.remove(ManifestPath.of(MISSING));

    Step<FileChanges> step = AutofixFiles.of(scopeOfRegenerable(), regeneration(w), "", HEAD);

    assertEquals(Kind.FAILED, ((Stop<FileChanges>) step).outcome().kind());
  }

  @Test
  void changes_tooManyFilesOrBytes_refusedSayingTheLimits() {
    Map<ManifestPath, String> many = new LinkedHashMap<>();
    for (int i = 0; i <= AutofixFiles.MAX_FILES; i++) {
      many.put(ManifestPath.of("kubernetes/qa/f" + i + ".yaml"), "x\n");
    }
    Map<ManifestPath, String> big =
        Map.of(ManifestPath.of(STALE), "x".repeat((int) AutofixFiles.MAX_BYTES + 1));

    for (Map<ManifestPath, String> w : List.of(many, big)) {
      Step<FileChanges> step =
          AutofixFiles.of(new Scope(w.keySet(), Set.of()), regeneration(w), "", HEAD);
      AutofixOutcome o = ((Stop<FileChanges>) step).outcome();
      assertEquals(Optional.of(Reason.TOO_LARGE), o.reason());
      assertTrue(o.detail().endsWith("autofix commits at most 200 files and 5.0 MiB"), o.detail());
    }
  }

  @Test
  void changes_atTheLimits_goesOn() {
    Map<ManifestPath, String> w = new LinkedHashMap<>();
    for (int i = 0; i < AutofixFiles.MAX_FILES; i++) {
      w.put(ManifestPath.of("kubernetes/qa/f" + i + ".yaml"), "x\n");
    }
    Step<FileChanges> step =
        AutofixFiles.of(new Scope(w.keySet(), Set.of()), regeneration(w), "", HEAD);
    assertEquals(200, ((Go<FileChanges>) step).value().files());
  }
}
