package dev.kubegenerate.render;

import dev.kubegenerate.config.InputException;
import dev.kubegenerate.config.InputText;
import dev.kubegenerate.config.YamlNodes;
import dev.kubegenerate.model.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/** Reads one template folder: {@code template.yaml} plus its {@code *.yaml.peb} bodies. */
final class TemplateReader {

  static final String SPEC_FILE = "template.yaml";
  static final String BODY_SUFFIX = ".yaml.peb";

  private TemplateReader() {}

  /** The built-in fragments' folder, inside the built-in library. */
  static final String SHARED_FOLDER = "_shared";

  /**
   * @param shared the built-in library's {@code _shared} folder, the only place fragments come
   *     from: a template names a fragment, never a file, so {@code uses:} cannot read anything else
   */
  static TemplateSpec read(String name, Path folder, String shownAs, String origin, Path shared) throws InputException {
    String specShown = shownAs + "/" + SPEC_FILE;
    String text = InputText.read(folder.resolve(SPEC_FILE), specShown);
    Object loaded;
    try {
      loaded = new Load(YamlNodes.safeSettings(specShown)).loadFromString(text);
    } catch (YamlEngineException e) {
      throw new InputException(Problem.of(specShown, "malformed YAML: " + e.getMessage().strip().replaceAll("\\s*\\R\\s*", " ")));
    }
    if (!(loaded instanceof Map<?, ?> spec)) {
      throw new InputException(Problem.of(specShown, "must be a map with description, parameters and files"));
    }
    List<Problem> problems = new ArrayList<>();
    String description = String.valueOf(Optional.ofNullable(spec.get("description")).orElse(""));
    List<ParameterSpec> parameters = parameters(spec.get("parameters"), specShown, problems);
    List<TemplateSpec.Body> bodies = bodies(spec.get("files"), folder, shownAs, specShown, problems);
    String example = spec.get("example") instanceof String s ? s : "";
    String component = spec.get("component") instanceof String c ? c : null;
    List<TemplateSpec.Fragment> fragments = Fragments.read(spec.get("uses"), shared, specShown, parameters, problems);
    if (component == null && fragments.stream().anyMatch(f -> f.name().equals(Fragments.POD_TEMPLATE))) {
      // every pod needs a component label, or two entries' selectors could overlap
      problems.add(Problem.of(specShown, "a template that uses pod-template needs component: its role,"
          + " the app.kubernetes.io/component of an entry with no name (such as web or worker)"));
    }
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
    return new TemplateSpec(name, description, parameters, bodies, example, origin, component, fragments);
  }

  static List<ParameterSpec> parameters(Object declared, String shown, List<Problem> problems) {
    List<ParameterSpec> out = new ArrayList<>();
    if (declared == null) {
      return out;
    }
    if (!(declared instanceof List<?> list)) {
      problems.add(Problem.of(shown, "parameters must be a list of {name, type, required, default, description}"));
      return out;
    }
    for (Object item : list) {
      if (!(item instanceof Map<?, ?> p) || !(p.get("name") instanceof String pname)) {
        problems.add(Problem.of(shown, "each parameter needs a name"));
        continue;
      }
      Optional<ParameterType> type = ParameterType.fromId(String.valueOf(p.get("type")));
      if (type.isEmpty()) {
        problems.add(Problem.of(shown, "parameter " + pname + " has unknown type \"" + p.get("type")
            + "\"; use " + ParameterType.ids()));
        continue;
      }
      List<String> allowed = new ArrayList<>();
      if (p.get("values") instanceof List<?> values) {
        values.forEach(v -> allowed.add(String.valueOf(v)));
      }
      if (type.get() == ParameterType.ENUM && allowed.isEmpty()) {
        problems.add(Problem.of(shown, "enum parameter " + pname + " needs values: [the allowed values]"));
        continue;
      }
      String kubernetesType = p.get("kubernetesType") instanceof String k ? k : null;
      if (kubernetesType != null && type.get() != ParameterType.OBJECT && type.get() != ParameterType.LIST) {
        problems.add(Problem.of(shown, "parameter " + pname + ": kubernetesType needs type object or list"));
        continue;
      }
      String description = p.get("description") == null ? "" : String.valueOf(p.get("description"));
      ParameterSpec declaredSpec = new ParameterSpec(pname, type.get(), Boolean.TRUE.equals(p.get("required")), null,
          description, allowed, kubernetesType);
      Object def = p.get("default");
      if (def != null && declaredSpec.coerce(def).isEmpty()) {
        problems.add(Problem.of(shown, "default of parameter " + pname + " " + declaredSpec.mismatch(def)));
        continue;
      }
      out.add(new ParameterSpec(pname, type.get(), declaredSpec.required(), def == null ? null : declaredSpec.coerce(def).get(),
          description, allowed, kubernetesType));
    }
    return out;
  }

  private static List<TemplateSpec.Body> bodies(Object files, Path folder, String shownAs, String specShown, List<Problem> problems) {
    List<String> names = new ArrayList<>();
    if (files instanceof List<?> list) {
      list.forEach(f -> names.add(String.valueOf(f)));
    } else {
      // no explicit order: every body in the folder, by name
      try (Stream<Path> s = Files.list(folder)) {
        s.map(p -> p.getFileName().toString())
            .filter(f -> f.endsWith(BODY_SUFFIX))
            .sorted()
            .forEach(f -> names.add(f.substring(0, f.length() - BODY_SUFFIX.length())));
      } catch (IOException e) {
        problems.add(Problem.of(shownAs, "cannot list bodies: " + e.getMessage()));
      }
    }
    List<TemplateSpec.Body> out = new ArrayList<>();
    for (String body : names) {
      String bodyShown = shownAs + "/" + body + BODY_SUFFIX;
      if (!body.matches("[a-z0-9][a-z0-9-]*")) {
        problems.add(Problem.of(specShown, "body name \"" + body + "\" must be lower-case letters, digits and '-'"));
        continue;
      }
      try {
        out.add(new TemplateSpec.Body(body, InputText.read(folder.resolve(body + BODY_SUFFIX), bodyShown), bodyShown));
      } catch (InputException e) {
        problems.addAll(e.problems());
      }
    }
    if (out.isEmpty() && problems.isEmpty()) {
      problems.add(Problem.of(specShown, "the template has no bodies (*" + BODY_SUFFIX + ")"));
    }
    return out;
  }
}
