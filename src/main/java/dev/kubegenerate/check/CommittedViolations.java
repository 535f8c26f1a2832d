package dev.kubegenerate.check;

import dev.kubegenerate.generate.RenderedFile;
import dev.kubegenerate.kubernetes.ManifestValidator;
import dev.kubegenerate.model.Violation;
import java.util.List;

/**
 * What a committed file's objects break. Every manifest under an output folder is validated; a file
 * equal to its render shares the render's result. A file that could not be read says so: a required
 * check must not pass, as hand-written, a file it never looked at (one over 1 MiB may hold any
 * number of objects). A link is a warning: it may lead to another manifest of the repository, which
 * kubectl follows.
 */
final class CommittedViolations {

  private CommittedViolations() {}

  /**
   * @param render today's render of the file's path, or null
   */
  static List<Violation> of(
      CommittedFile committed, RenderedFile render, ManifestValidator validator) {
    if (committed.text().isEmpty()) {
      return committed
          .unreadable()
          .map(
              why ->
                  List.of(
                      new Violation(
                          Violation.Rule.INVALID,
                          committed.link() ? Violation.Severity.WARNING : Violation.Severity.ERROR,
                          1,
                          0,
                          "",
                          "not validated: " + why)))
          .orElse(List.of());
    }
    String text = committed.text().get();
    return render != null && text.equals(render.content())
        ? render.violations()
        : validator.validate(text);
  }
}
