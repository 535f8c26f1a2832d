package dev.kubegenerate.check;

import dev.kubegenerate.config.Config;
import dev.kubegenerate.config.ConfigLoader;
import dev.kubegenerate.engine.SandboxedEngine;
import dev.kubegenerate.fixes.HandEditFixes;
import dev.kubegenerate.generate.ClusterValidators;
import dev.kubegenerate.generate.Generator;
import dev.kubegenerate.generate.RenderedFile;
import dev.kubegenerate.kubernetes.CustomResources;
import dev.kubegenerate.model.Classified;
import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.template.TemplateLibrary;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One config, from its file to the verdict on each file of its output folder: load, render (which
 * validates each render for its cluster), list the committed files, classify. Runs on whichever
 * core the run gives it; the render's texts are dropped as soon as the files are classified, so a
 * run holds only the texts of files that differ.
 */
final class ConfigPipeline {

  private final Path root;
  private final TemplateFolders templates;
  private final boolean validateCommitted;
  private final ConfigLoader loader;
  private final Generator generator = new Generator(new SandboxedEngine());

  /**
   * @param validateCommitted validate every committed file that differs from its render (the
   *     check); an update needs only the statuses
   */
  ConfigPipeline(
      Path root, TemplateFolders templates, boolean validateCommitted, ConfigLoader loader) {
    this.root = root;
    this.templates = templates;
    this.validateCommitted = validateCommitted;
    this.loader = loader;
  }

  /**
   * A config and today's render of it.
   *
   * @param library the templates its entries name
   * @param validators the config's manifest validators, one per cluster
   * @param files every file its entries render, in entry order, each validated for its cluster
   */
  record Rendered(
      Config config,
      TemplateLibrary library,
      ClusterValidators validators,
      List<RenderedFile> files) {}

  /**
   * Loads and renders one config: the pipeline's first two stages.
   *
   * @param found the search for configs found {@code file} as a regular file, following no link
   * @param problems receives the config's problems that did not stop its render
   * @throws InputException when the config could not be loaded or rendered
   */
  Rendered render(Path file, boolean found, List<Problem> problems) throws InputException {
    ConfigLoader.Loaded loaded = found ? loader.loadFound(file) : loader.load(file);
    problems.addAll(loaded.problems());
    Config config = loaded.config();
    // SPEC §3: the config's own folders first, then --templates, then the tool's
    List<Path> dirs = new ArrayList<>(config.templateDirs());
    dirs.addAll(templates.repository());
    TemplateLibrary library = TemplateLibrary.with(dirs, templates.tool(), root);
    ClusterValidators validators =
        new ClusterValidators(config, CustomResources.load(root, config.schemaDirs()));
    return new Rendered(config, library, validators, generator.render(config, library, validators));
  }

  /**
   * @param found the search for configs found {@code file} as a regular file, following no link
   * @param tree what the search for configs has seen so far, to list output folders from
   */
  ConfigOutcome run(Path file, boolean found, ScannedTree tree) {
    Path absolute = file.toAbsolutePath().normalize();
    if (!absolute.startsWith(root)
        || absolute.getParent() == null
        || !absolute.getParent().startsWith(root)) {
      // paths in reports and every write are relative to the -C folder, so the config must be in it
      return ConfigOutcome.failed(
          List.of(
              Problem.of(
                  root.relativize(absolute).toString(),
                  "the config is outside the folder being worked in; run with -C at the repository root")));
    }
    if (!found && !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return ConfigOutcome.failed(
          List.of(
              Problem.of(
                  root.relativize(absolute).toString(),
                  "no such config; run `kube-generate init` to create one, or name it with -f")));
    }
    List<Problem> errors = new ArrayList<>();
    try {
      Rendered render = render(file, found, errors);
      Config config = render.config();
      ClusterValidators validators = render.validators();
      List<RenderedFile> rendered = render.files();
      if (!errors.isEmpty()) {
        return new ConfigOutcome(Optional.of(config), List.of(), List.of(), List.of(), errors);
      }
      CommittedFiles.Listing listing;
      try {
        listing = CommittedFiles.list(root, config.outputDir(), tree);
      } catch (InputException e) {
        // the output folder itself cannot be listed (a link): reported beside the other configs
        return new ConfigOutcome(Optional.of(config), List.of(), List.of(), e.problems(), errors);
      }
      List<Classified> files =
          new Classifier(config, validateCommitted ? Optional.of(validators) : Optional.empty())
              .classify(listing.files(), rendered);
      if (validateCommitted) {
        // the check tells a person what in the config would keep each hand edit
        files =
            HandEditFixes.added(config, render.library(), validators, generator, rendered, files);
      }
      return new ConfigOutcome(
          Optional.of(config), files, listing.temporaries(), listing.problems(), errors);
    } catch (InputException e) {
      errors.addAll(e.problems());
      return ConfigOutcome.failed(errors);
    }
  }
}
