package dev.kubegenerate.report;

import dev.kubegenerate.model.FileResult;
import dev.kubegenerate.model.LineRange;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.model.ObjectImpact;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.model.Report;
import dev.kubegenerate.model.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reports with one file of each kind, as the checker would produce them. */
public final class ReportFixtures {

  public static final String FIX = "kube-generate --update";

  private ReportFixtures() {}

  /** A file result with a diff when {@code diff} is not null. */
  public static FileResult file(String path, Status status, String diff, LineRange... lines) {
    int line = lines.length > 0 ? lines[0].start() : 1;
    int end = lines.length > 0 ? lines[0].end() : 1;
    String annotated = status == Status.MISSING ? "kube-generate.yaml" : path;
    return new FileResult(
        ManifestPath.of(path),
        status,
        "kube-generate.yaml",
        Optional.of("autoscale"),
        Optional.of("production"),
        Optional.empty(),
        Optional.empty(),
        Optional.ofNullable(diff),
        List.of(lines),
        new FileResult.Location(annotated, line, end),
        List.of(),
        List.of());
  }

  /** A diff that changes line 12 of {@code path}. */
  public static String diff(String path) {
    return "--- a/"
        + path
        + "\n+++ b/"
        + path
        + "\n@@ -11,3 +11,3 @@\n   replicas: 2\n"
        + "-  image: ghcr.io/example/people:1.2\n+  image: ghcr.io/example/people:1.3\n"
        + "   port: 3000\n";
  }

  /** One file of every status, failing on the default statuses. */
  public static Report everyKind() {
    return report(Status.defaultFailOn(), everyKindFiles()).withImpact(List.of(staleImpact()));
  }

  /** What regenerating the stale file of {@link #everyKind()} does: its pods restart. */
  public static ObjectImpact staleImpact() {
    return new ObjectImpact(
        "qa",
        ManifestPath.of("kubernetes/qa/deployment-web.yaml"),
        "Deployment",
        java.util.Optional.of("shop"),
        "web",
        ObjectImpact.Change.UPDATED,
        List.of("/spec/template/spec/containers/0/image"),
        true,
        List.of(),
        false,
        false);
  }

  /** The files of {@link #everyKind()}. */
  public static List<FileResult> everyKindFiles() {
    String he = "kubernetes/production/deployment-web.yaml";
    String st = "kubernetes/qa/deployment-web.yaml";
    String mi = "kubernetes/sandbox/namespace.yaml";
    String or = "kubernetes/qa/cronjob-old.yaml";
    String un = "kubernetes/qa/extra.yaml";
    return List.of(
        file("kubernetes/production/configmap.yaml", Status.OK, null),
        file(he, Status.HAND_EDITED, diff(he), new LineRange(12, 12)),
        file(st, Status.STALE, diff(st), new LineRange(12, 12)),
        file(
            mi,
            Status.MISSING,
            "--- /dev/null\n+++ b/" + mi + "\n@@ -0,0 +1,1 @@\n+kind: Namespace\n",
            new LineRange(14, 15)),
        file(
            or,
            Status.ORPHANED,
            "--- a/" + or + "\n+++ /dev/null\n@@ -1,1 +0,0 @@\n-kind: CronJob\n"),
        file(un, Status.UNMANAGED, null),
        file("kubernetes/production/external-secret.yaml", Status.HANDWRITTEN, null));
  }

  /** A report of {@code files}, sorted by path as the checker sorts them. */
  public static Report report(java.util.Set<Status> failOn, List<FileResult> files) {
    List<FileResult> sorted = new ArrayList<>(files);
    sorted.sort(java.util.Comparator.comparing(FileResult::path));
    return new Report(sorted, List.of(), failOn, FIX);
  }

  /** A clean report of one file. */
  public static Report clean() {
    return report(
        Status.defaultFailOn(),
        List.of(file("kubernetes/production/configmap.yaml", Status.OK, null)));
  }

  /** A report whose input could not be checked. */
  public static Report error() {
    return new Report(
        List.of(),
        List.of(
            new Problem(
                "kube-generate.yaml",
                3,
                5,
                "unknown template 'autoscal' (did you mean autoscale?)")),
        Status.defaultFailOn(),
        FIX);
  }
}
