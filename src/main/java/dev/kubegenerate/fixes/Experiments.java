package dev.kubegenerate.fixes;

import dev.kubegenerate.config.Config;
import dev.kubegenerate.generate.ClusterValidators;
import dev.kubegenerate.generate.Generator;
import dev.kubegenerate.generate.RenderedFile;
import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.template.TemplateLibrary;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Renders variants of one config, each at most once, and at most {@value #MAX_RENDERS} per config:
 * a suggestion is kept only when rendering the config with it gives the edit, which holds for any
 * template, but each costs a render of the whole config.
 */
final class Experiments {

  /**
   * Renders one config's suggestions may take: a few per edited field of a few files, enough for a
   * hand edit, bounded for a pull request that edits every file.
   */
  static final int MAX_RENDERS = 40;

  /**
   * The time one config's experiments may take, however slow its templates: a repository's template
   * may take up to its render budget each time, and a suggestion is not worth stalling the check.
   */
  static final Duration TIME_BUDGET = Duration.ofSeconds(5);

  /** Makes a variant; it may fail as loading a config does. */
  interface Variant {
    Config make() throws InputException;
  }

  private final Generator generator;
  private final TemplateLibrary library;
  private final ClusterValidators validators;
  private final Map<String, Optional<Map<ManifestPath, String>>> done = new HashMap<>();
  private int left = MAX_RENDERS;
  private final long deadline = System.nanoTime() + TIME_BUDGET.toNanos();

  Experiments(Generator generator, TemplateLibrary library, ClusterValidators validators) {
    this.generator = generator;
    this.library = library;
    this.validators = validators;
  }

  /**
   * Every file the variant renders, by path; empty when it does not render (a value the template
   * refuses, a patch that breaks a lock or makes an invalid object) or the budget (renders or time)
   * is spent.
   *
   * @param key says what the variant is: the same key gives the same variant
   */
  Optional<Map<ManifestPath, String>> render(String key, Variant variant) {
    Optional<Map<ManifestPath, String>> known = done.get(key);
    if (known != null) {
      return known;
    }
    if (left <= 0 || System.nanoTime() - deadline > 0) {
      return Optional.empty();
    }
    left--;
    Optional<Map<ManifestPath, String>> out;
    try {
      Map<ManifestPath, String> files = new LinkedHashMap<>();
      for (RenderedFile f : generator.render(variant.make(), library, validators)) {
        files.put(f.path(), f.content());
      }
      out = Optional.of(files);
    } catch (InputException e) {
      out = Optional.empty();
    }
    done.put(key, out);
    return out;
  }
}
