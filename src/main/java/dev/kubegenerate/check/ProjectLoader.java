package dev.kubegenerate.check;

import dev.kubegenerate.config.Config;
import dev.kubegenerate.config.ConfigLoader;
import dev.kubegenerate.kubernetes.CustomResources;
import dev.kubegenerate.kubernetes.KubernetesApi;
import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.render.SandboxedEngine;
import dev.kubegenerate.render.TemplateLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Finds the configs of a run, loads them and renders them; every problem is collected. */
public final class ProjectLoader {

  private final Path root;
  private final Generator generator = new Generator(new SandboxedEngine());

  public ProjectLoader(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /**
   * Loads the configs of a run.
   *
   * @param configFile the config's file name ({@code -f}), relative to the root
   * @param all find every config of that name below the root
   * @param extraTemplates template folders given on the command line, searched after the config's
   *     own
   */
  public Project load(String configFile, boolean all, List<Path> extraTemplates)
      throws InputException {
    return load(configFile, all, TemplateFolders.repository(extraTemplates), Progress.NONE);
  }

  /**
   * As {@link #load(String, boolean, List)}, with the tool's template folders too, telling {@code
   * progress} as each config is rendered.
   */
  public Project load(
      String configFile, boolean all, TemplateFolders extraTemplates, Progress progress)
      throws InputException {
    Loaded<List<RenderedFile>> loaded =
        load(
            configFile,
            all,
            extraTemplates,
            progress,
            (config, rendered, validators, tree) -> rendered);
    return new Project(loaded.configs(), loaded.results(), loaded.validators(), loaded.tree());
  }

  /** A step for each config, on the core that rendered it, right after its render. */
  @FunctionalInterface
  public interface AfterRender<T> {
    /**
     * What the run keeps of the config instead of its rendered files.
     *
     * @param tree what the search for configs has seen so far (it may still be going on)
     */
    T apply(
        Config config, List<RenderedFile> rendered, ClusterValidators validators, ScannedTree tree);
  }

  /**
   * The configs of a run and what a step made of each one's render, in config order.
   *
   * @param tree what the search for configs saw of the repository, to list output folders from
   */
  public record Loaded<T>(
      List<Config> configs, List<T> results, List<ClusterValidators> validators, ScannedTree tree) {

    public Loaded {
      configs = List.copyOf(configs);
      results = List.copyOf(results);
      validators = List.copyOf(validators);
    }
  }

  /**
   * As {@link #load(String, boolean, TemplateFolders, Progress)}, keeping only what {@code after}
   * makes of each config's render: the check compares each config's files as soon as they are
   * rendered, so the text of an up-to-date file is dropped at once instead of being held for the
   * whole run (issue 13).
   *
   * @param after runs once per config that rendered, on the core that rendered it
   */
  public <T> Loaded<T> load(
      String configFile,
      boolean all,
      TemplateFolders extraTemplates,
      Progress progress,
      AfterRender<T> after)
      throws InputException {
    ScannedTree tree = all ? ScannedTree.empty(root) : ScannedTree.none();
    ConfigLoader loader = new ConfigLoader(root, KubernetesApi.supported());
    List<Outcome<T>> outcomes;
    if (all) {
      outcomes =
          loadAsFound(
              Path.of(configFile).getFileName().toString(),
              tree,
              file -> loadOne(loader, file, true, extraTemplates, after, tree),
              progress);
    } else {
      Path file = root.resolve(configFile);
      boolean plainName = Path.of(configFile).getParent() == null;
      if (plainName && !Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        suggestAll(configFile);
      }
      outcomes = List.of(loadOne(loader, file, false, extraTemplates, after, tree));
      progress.advance("rendering", 1, 1);
    }
    if (outcomes.isEmpty()) {
      throw new InputException(
          Problem.of(
              ".",
              "no "
                  + configFile
                  + " found below this folder; run `kube-generate init` to create one"));
    }
    List<Problem> problems = new ArrayList<>();
    List<Config> configs = new ArrayList<>();
    List<T> results = new ArrayList<>();
    List<ClusterValidators> validators = new ArrayList<>();
    for (Outcome<T> outcome : outcomes) {
      problems.addAll(outcome.problems());
      if (outcome.config() != null) {
        configs.add(outcome.config());
        results.add(outcome.result());
        validators.add(outcome.validators());
      }
    }
    problems.addAll(OutputOverlap.find(configs));
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
    return new Loaded<>(configs, results, validators, tree);
  }

  /**
   * Finds every config named {@code name} and loads and renders each on the pool as soon as it is
   * found (configs are independent, issue 6); the outcomes come in file order, so output and
   * messages stay the same as a sequential run's.
   */
  private <T> List<Outcome<T>> loadAsFound(
      String name, ScannedTree tree, Function<Path, Outcome<T>> loadOne, Progress progress)
      throws InputException {
    AsFound<Outcome<T>> work = new AsFound<>(ForkJoinPool.commonPool());
    AtomicInteger found = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    List<Path> files = new ArrayList<>();
    try {
      ConfigSearch.find(
          root,
          name,
          tree,
          file -> {
            files.add(file);
            found.incrementAndGet();
            work.submit(
                () -> {
                  Outcome<T> outcome = loadOne.apply(file);
                  // the total grows while the search goes on; it is final once it ends
                  progress.advance("rendering", done.incrementAndGet(), found.get());
                  return outcome;
                });
          });
    } catch (InputException | RuntimeException e) {
      work.cancel();
      throw e;
    }
    List<Outcome<T>> outcomes = work.results();
    Integer[] order = new Integer[files.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparing(files::get));
    List<Outcome<T>> sorted = new ArrayList<>(order.length);
    for (int i : order) {
      sorted.add(outcomes.get(i));
    }
    return sorted;
  }

  /** At a monorepo's root without a config of its own: name the configs below and {@code --all}. */
  private void suggestAll(String configFile) throws InputException {
    List<String> below =
        ConfigSearch.find(
                root, Path.of(configFile).getFileName().toString(), ScannedTree.none(), file -> {})
            .stream()
            .map(f -> root.relativize(f).toString().replace('\\', '/'))
            .toList();
    if (below.isEmpty()) {
      return;
    }
    String shown =
        below.size() <= 3
            ? String.join(", ", below)
            : String.join(", ", below.subList(0, 3)) + ", ...";
    throw new InputException(
        Problem.of(
            configFile,
            "no such config here, but "
                + below.size()
                + " below this folder ("
                + shown
                + "); run with --all to handle them all, or -C to one of them"));
  }

  /** One config's load and render: the config and its files when it rendered, and its problems. */
  private record Outcome<T>(
      Config config, T result, ClusterValidators validators, List<Problem> problems) {}

  /**
   * @param found the search for configs found {@code file} as a regular file, following no link
   */
  private <T> Outcome<T> loadOne(
      ConfigLoader loader,
      Path file,
      boolean found,
      TemplateFolders extraTemplates,
      AfterRender<T> after,
      ScannedTree tree) {
    Path absolute = file.toAbsolutePath().normalize();
    if (!absolute.startsWith(root)
        || absolute.getParent() == null
        || !absolute.getParent().startsWith(root)) {
      // paths in reports and every write are relative to the -C folder, so the config must be in it
      return new Outcome<>(
          null,
          null,
          null,
          List.of(
              Problem.of(
                  root.relativize(absolute).toString(),
                  "the config is outside the folder being worked in; run with -C at the repository root")));
    }
    if (!found && !Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return new Outcome<>(
          null,
          null,
          null,
          List.of(
              Problem.of(
                  root.relativize(file.toAbsolutePath().normalize()).toString(),
                  "no such config; run `kube-generate init` to create one, or name it with -f")));
    }
    List<Problem> problems = new ArrayList<>();
    try {
      ConfigLoader.Loaded loaded = found ? loader.loadFound(file) : loader.load(file);
      problems.addAll(loaded.problems());
      Config config = loaded.config();
      // SPEC §3: the config's own folders first, then --templates, then the tool's
      List<Path> dirs = new ArrayList<>(config.templateDirs());
      dirs.addAll(extraTemplates.repository());
      TemplateLibrary library = TemplateLibrary.with(dirs, extraTemplates.tool(), root);
      ClusterValidators validators =
          new ClusterValidators(config, CustomResources.load(root, config.schemaDirs()));
      List<RenderedFile> rendered = generator.render(config, library, validators);
      return new Outcome<>(
          config, after.apply(config, rendered, validators, tree), validators, problems);
    } catch (InputException e) {
      problems.addAll(e.problems());
      return new Outcome<>(null, null, null, problems);
    }
  }
}
