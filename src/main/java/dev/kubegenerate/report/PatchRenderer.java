package dev.kubegenerate.report;

import dev.kubegenerate.diff.DiffResult;
import dev.kubegenerate.diff.GitPath;
import dev.kubegenerate.diff.TextDiff;
import dev.kubegenerate.model.FileResult;
import dev.kubegenerate.model.Report;
import java.util.Optional;

/**
 * The {@code --patch} file: one git-style patch that turns the committed tree into the expected
 * one, so that {@code git apply} followed by the check is clean.
 *
 * <p>Stale and hand-edited files get today's render, missing ones are created, orphaned and
 * unmanaged ones deleted (a hand-written file is kept by listing it under {@code handwritten:}); ok
 * and handwritten files are left alone. Built from the unmasked texts: a patch that masked Secret
 * values would write {@code ***} into the repository. A file whose committed text could not be read
 * (a link or a binary file) cannot be patched as text and is left out.
 */
public final class PatchRenderer {

  private PatchRenderer() {}

  /** The patch, or {@code ""} when there is nothing to change. */
  public static String render(Report report) {
    StringBuilder out = new StringBuilder();
    for (FileResult f : report.files()) {
      switch (f.status()) {
        case STALE, OUTDATED, HAND_EDITED -> {
          if (f.committed().isPresent() && f.rendered().isPresent()) {
            file(f, f.committed(), f.rendered(), "", out);
          }
        }
        case MISSING ->
            f.rendered()
                .ifPresent(
                    r -> file(f, Optional.empty(), f.rendered(), "new file mode 100644\n", out));
        case ORPHANED, UNMANAGED ->
            f.committed()
                .ifPresent(
                    c ->
                        file(
                            f, f.committed(), Optional.empty(), "deleted file mode 100644\n", out));
        case OK, HANDWRITTEN -> {}
      }
    }
    return out.toString();
  }

  private static void file(
      FileResult f,
      Optional<String> committed,
      Optional<String> expected,
      String mode,
      StringBuilder out) {
    DiffResult diff = TextDiff.compute(f.path(), committed, expected);
    if (!diff.differs()) {
      return;
    }
    out.append("diff --git ")
        .append(GitPath.quoted("a/", f.path()))
        .append(' ')
        .append(GitPath.quoted("b/", f.path()))
        .append('\n')
        .append(mode);
    String unified = diff.unified();
    if (unified.contains("\n@@ ")) {
      out.append(unified);
    }
    // an empty file created or deleted has no hunk, and git wants no ---/+++ lines then either
  }
}
