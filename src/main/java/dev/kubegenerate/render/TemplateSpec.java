package dev.kubegenerate.render;

import java.util.List;
import java.util.Optional;

/**
 * One template: its declared parameters and one body per output file.
 *
 * @param name the name entries use ({@code - autoscale: ...})
 * @param description one line
 * @param parameters declared parameters, in declaration order
 * @param bodies the bodies, in output order
 * @param example an example entry, as YAML text
 * @param origin where the template was loaded from, for messages ({@code built-in} or a folder)
 * @param repositoryFiles for a template from a folder inside the repository, the digest of its
 *     files (they are the repository's input, SPEC §4); empty for the tool's own templates
 */
public record TemplateSpec(
    String name, String description, List<ParameterSpec> parameters, List<Body> bodies, String example, String origin,
    Optional<String> repositoryFiles) {

  public TemplateSpec {
    parameters = List.copyOf(parameters);
    bodies = List.copyOf(bodies);
  }

  /** One of the tool's own templates (built-in, or from {@code KUBE_GENERATE_TEMPLATES}). */
  public TemplateSpec(
      String name, String description, List<ParameterSpec> parameters, List<Body> bodies, String example, String origin) {
    this(name, description, parameters, bodies, example, origin, Optional.empty());
  }

  /** The declared parameter called {@code name}. */
  public Optional<ParameterSpec> parameter(String name) {
    return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** The names of all declared parameters. */
  public List<String> parameterNames() {
    return parameters.stream().map(ParameterSpec::name).toList();
  }

  /**
   * One output file's template text.
   *
   * @param name the file name without extension ({@code deployment})
   * @param source the Pebble source
   * @param shownAs the body's file, for error messages
   */
  public record Body(String name, String source, String shownAs) {}
}
