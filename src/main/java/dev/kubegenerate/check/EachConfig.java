package dev.kubegenerate.check;

import dev.kubegenerate.config.Config;
import dev.kubegenerate.config.ConfigLoader;
import dev.kubegenerate.kubernetes.KubernetesApi;
import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.Problem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Finds the configs of a run and takes each through the {@link ConfigPipeline}: one config
 * directly, or with {@code --all} each on the pool as soon as the search finds it (configs own
 * disjoint folders, so they are independent). Outcomes come in path order, so output and messages
 * are those of a sequential run; every config's problems are collected before failing.
 */
final class EachConfig {

  private EachConfig() {}

  /**
   * The outcome of every config of the run.
   *
   * @throws InputException when no config is found, or any config could not be loaded or rendered
   */
  static List<ConfigOutcome> run(RunRequest request, boolean validateCommitted, Progress progress)
      throws InputException {
    return run(request, validateCommitted, progress, outcome -> outcome);
  }

  /**
   * What {@code next} makes of every config's outcome, on the thread that ran its pipeline as soon
   * as it is done, so a run need not hold every outcome at once (an update stages each config's
   * files and keeps their paths).
   *
   * @param next the stage after the pipeline; also given the outcomes of configs that failed
   * @throws InputException when no config is found, or any config could not be loaded or rendered
   */
  static <T> List<T> run(
      RunRequest request,
      boolean validateCommitted,
      Progress progress,
      Function<ConfigOutcome, T> next)
      throws InputException {
    Path root = request.root();
    ConfigPipeline pipeline =
        new ConfigPipeline(
            root,
            request.templates(),
            validateCommitted,
            new ConfigLoader(root, KubernetesApi.supported()));
    List<Done<T>> outcomes;
    if (request.all()) {
      ScannedTree tree = ScannedTree.empty(root);
      outcomes =
          asFound(
              root,
              Path.of(request.configFile()).getFileName().toString(),
              tree,
              file -> Done.of(pipeline.run(file, true, tree), next),
              progress);
    } else {
      Path file = root.resolve(request.configFile());
      boolean plainName = Path.of(request.configFile()).getParent() == null;
      if (plainName && !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
        suggestAll(root, request.configFile());
      }
      outcomes = List.of(Done.of(pipeline.run(file, false, ScannedTree.none()), next));
      progress.advance("rendering", 1, 1);
    }
    if (outcomes.isEmpty()) {
      throw new InputException(
          Problem.of(
              ".",
              "no "
                  + request.configFile()
                  + " found below this folder; run `kube-generate init` to create one"));
    }
    List<Problem> errors = new ArrayList<>();
    List<OutputOverlap.Folder> configs = new ArrayList<>();
    for (Done<T> outcome : outcomes) {
      errors.addAll(outcome.errors());
      outcome.folder().ifPresent(configs::add);
    }
    errors.addAll(OutputOverlap.find(configs));
    if (!errors.isEmpty()) {
      throw new InputException(errors);
    }
    return outcomes.stream().map(Done::next).toList();
  }

  /**
   * A config after its pipeline and the stage after it: what the run checks across configs (not the
   * config itself, which the stage may let go), and what the stage made of it.
   */
  private record Done<T>(Optional<OutputOverlap.Folder> folder, List<Problem> errors, T next) {

    static <T> Done<T> of(ConfigOutcome outcome, Function<ConfigOutcome, T> next) {
      return new Done<>(
          outcome.config().map(OutputOverlap.Folder::of), outcome.errors(), next.apply(outcome));
    }
  }

  /** One config's pipeline. */
  @FunctionalInterface
  private interface Step<T> {
    T run(Path file);
  }

  /**
   * Finds every config named {@code name} and runs each on the pool as soon as it is found; the
   * outcomes come in file order.
   */
  private static <T> List<T> asFound(
      Path root, String name, ScannedTree tree, Step<T> step, Progress progress)
      throws InputException {
    AsFound<T> work = new AsFound<>(ForkJoinPool.commonPool());
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
                  T outcome = step.run(file);
                  // the total grows while the search goes on; it is final once it ends
                  progress.advance("rendering", done.incrementAndGet(), found.get());
                  return outcome;
                });
          });
    } catch (InputException | RuntimeException e) {
      work.cancel();
      throw e;
    }
    List<T> outcomes = work.results();
    Integer[] order = new Integer[files.size()];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparing(files::get));
    List<T> sorted = new ArrayList<>(order.length);
    for (int i : order) {
      sorted.add(outcomes.get(i));
    }
    return sorted;
  }

  /** At a monorepo's root without a config of its own: name the configs below and {@code --all}. */
  private static void suggestAll(Path root, String configFile) throws InputException {
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

  /** The configs of outcomes that loaded. */
  static List<Config> configs(List<ConfigOutcome> outcomes) {
    return outcomes.stream().map(ConfigOutcome::config).flatMap(Optional::stream).toList();
  }
}
