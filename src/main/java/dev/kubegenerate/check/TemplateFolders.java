package dev.kubegenerate.check;

import java.nio.file.Path;
import java.util.List;

/**
 * The template folders of a run besides each config's own (SPEC §3).
 *
 * @param repository folders inside the repository ({@code --templates}), absolute: their templates'
 *     files are the repository's input, so a change to them makes files {@code stale}
 * @param tool the tool's folders ({@code KUBE_GENERATE_TEMPLATES}), absolute, searched after the
 *     repository's and before the built-in library: a change to them makes files {@code outdated}
 */
public record TemplateFolders(List<Path> repository, List<Path> tool) {

  public TemplateFolders {
    repository = List.copyOf(repository);
    tool = List.copyOf(tool);
  }

  /** Only repository folders. */
  public static TemplateFolders repository(List<Path> folders) {
    return new TemplateFolders(folders, List.of());
  }
}
