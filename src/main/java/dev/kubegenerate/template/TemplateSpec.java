package dev.kubegenerate.template;

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
 * @param component the template's role ({@code web}, {@code worker}): the {@code
 *     app.kubernetes.io/component} label of an entry with no {@code name} (null: none)
 * @param fragments built-in fragments rendered before the bodies, each into one variable
 * @param locked the parts of its objects no patch of an entry may change
 */
public record TemplateSpec(
    String name,
    String description,
    List<ParameterSpec> parameters,
    List<Body> bodies,
    String example,
    String origin,
    Optional<String> repositoryFiles,
    String component,
    List<Fragment> fragments,
    List<Lock> locked) {

  /**
   * The variables kube-generate puts in every body's context besides the parameters: no parameter
   * may take one of these names. {@code unset} lists the parameters the config set to null.
   */
  public static final List<String> CONTEXT_NAMES =
      List.of("app", "cluster", "kubernetes", "component", "configHash", "unset");

  public TemplateSpec {
    parameters = List.copyOf(parameters);
    bodies = List.copyOf(bodies);
    fragments = List.copyOf(fragments);
    locked = List.copyOf(locked);
  }

  /**
   * A part of a template's objects that patches may not change: {@code locked:} in template.yaml, a
   * JSON pointer ({@code *} for any one key or list item), maybe only for one kind.
   *
   * @param kind the kind of object it applies to; empty for every object of the template
   * @param pointer the locked subtree, such as {@code /spec/template/spec/securityContext}
   */
  public record Lock(Optional<String> kind, String pointer) {
    /** Whether the lock applies to an object of this kind. */
    public boolean appliesTo(String objectKind) {
      return kind.map(k -> k.equals(objectKind)).orElse(true);
    }

    /** The lock as template.yaml writes it and messages show it. */
    public String shown() {
      return kind.map(k -> k + " ").orElse("") + pointer;
    }
  }

  /** Whether the template creates pods: it renders the built-in pod template. */
  public boolean createsPods() {
    return fragments.stream().anyMatch(f -> f.name().equals(Fragments.POD_TEMPLATE));
  }

  /**
   * A built-in snippet shared by several templates, such as the pod template. It is rendered with
   * the body's context plus {@code settings}, parsed as YAML and given to the bodies as {@code
   * variable}, which they write with {@code | json}: no text is pasted, so indentation and line
   * numbers of the bodies stay their own.
   *
   * @param name the fragment's name ({@code pod-template})
   * @param variable the context variable holding its value ({@code podTemplate})
   * @param body its Pebble source
   * @param settings the template's constants for it ({@code portName: grpc})
   */
  public record Fragment(
      String name, String variable, Body body, java.util.Map<String, Object> settings) {
    public Fragment {
      settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
    }
  }

  /** One of the tool's own templates (built-in, or from {@code KUBE_GENERATE_TEMPLATES}). */
  public TemplateSpec(
      String name,
      String description,
      List<ParameterSpec> parameters,
      List<Body> bodies,
      String example,
      String origin) {
    this(
        name,
        description,
        parameters,
        bodies,
        example,
        origin,
        Optional.empty(),
        null,
        List.of(),
        List.of());
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
