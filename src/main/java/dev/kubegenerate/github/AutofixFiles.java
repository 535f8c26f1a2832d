package dev.kubegenerate.github;

import dev.kubegenerate.github.AutofixDecision.Go;
import dev.kubegenerate.github.AutofixDecision.Scope;
import dev.kubegenerate.github.AutofixDecision.Step;
import dev.kubegenerate.github.AutofixDecision.Stop;
import dev.kubegenerate.model.AutofixOutcome;
import dev.kubegenerate.model.AutofixOutcome.Reason;
import dev.kubegenerate.model.ManifestPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The files of an autofix commit, as a pure function of the decision's scope and the regeneration:
 * only the scope's files, paths from the repository root, every one under an output folder and none
 * under {@code .github/}, within the size autofix commits.
 */
public final class AutofixFiles {

  /** The most files one autofix commit writes or deletes. */
  public static final int MAX_FILES = 200;

  /** The most bytes (UTF-8, before base64) one autofix commit writes. */
  public static final long MAX_BYTES = 5L << 20;

  private AutofixFiles() {}

  /**
   * The commit's files: the regeneration's files of {@code scope}, paths from the repository root.
   *
   * @param prefix the checked folder relative to the repository root, empty for the root itself
   */
  public static Step<FileChanges> of(
      Scope scope, Regeneration regeneration, String prefix, String checked) {
    Map<String, String> additions = new LinkedHashMap<>();
    List<String> deletions = new ArrayList<>();
    for (ManifestPath p : new TreeSet<>(scope.writes())) {
      String content = regeneration.writes().get(p);
      if (content == null) {
        return disagree(p, checked);
      }
      Optional<AutofixOutcome> outside = outside(p, regeneration, prefix, checked);
      if (outside.isPresent()) {
        return new Stop<>(outside.get());
      }
      additions.put(join(prefix, p), content);
    }
    for (ManifestPath p : new TreeSet<>(scope.deletes())) {
      if (!regeneration.deletes().contains(p)) {
        return disagree(p, checked);
      }
      Optional<AutofixOutcome> outside = outside(p, regeneration, prefix, checked);
      if (outside.isPresent()) {
        return new Stop<>(outside.get());
      }
      deletions.add(join(prefix, p));
    }
    FileChanges changes = new FileChanges(additions, deletions);
    if (changes.files() > MAX_FILES || changes.bytes() > MAX_BYTES) {
      return new Stop<>(
          AutofixOutcome.refused(
              Reason.TOO_LARGE,
              changes.files()
                  + " files and "
                  + mebibytes(changes.bytes())
                  + "; autofix commits at most "
                  + MAX_FILES
                  + " files and "
                  + mebibytes(MAX_BYTES),
              checked));
    }
    return new Go<>(changes);
  }

  private static Optional<AutofixOutcome> outside(
      ManifestPath p, Regeneration regeneration, String prefix, String checked) {
    boolean under = regeneration.outputDirs().stream().anyMatch(p::startsWith);
    String first = join(prefix, p).split("/", 2)[0].toLowerCase(Locale.ROOT);
    // workflows run with the repository's secrets: never written by a commit a config steers
    if (!under || first.equals(".github") || first.equals(".git")) {
      return Optional.of(AutofixOutcome.refused(Reason.OUTSIDE_OUTPUT, join(prefix, p), checked));
    }
    return Optional.empty();
  }

  private static <T> Stop<T> disagree(ManifestPath p, String checked) {
    return new Stop<>(
        AutofixOutcome.failed(
            "the regeneration and the check disagree about " + p + "; run the check again",
            checked));
  }

  private static String join(String prefix, ManifestPath p) {
    return prefix.isEmpty() ? p.value() : prefix + "/" + p.value();
  }

  private static String mebibytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1 << 20));
  }
}
