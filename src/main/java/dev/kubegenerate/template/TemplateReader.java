package dev.kubegenerate.template;

import dev.kubegenerate.fast.JsonLiteral;
import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.Names;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.render.Marker;
import dev.kubegenerate.yaml.YamlNodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Reads one template folder: {@code template.yaml} plus its {@code *.yaml.peb} bodies. */
final class TemplateReader {

  static final String SPEC_FILE = "template.yaml";
  static final String BODY_SUFFIX = ".yaml.peb";

  private TemplateReader() {}

  /** The built-in fragments' folder, inside the built-in library. */
  static final String SHARED_FOLDER = "_shared";

  /**
   * Reads the template in {@code folder}.
   *
   * @param repository whether the folder is inside the repository, so its files are an input of
   *     every file the template renders
   * @param files the library the folder {@code name} is in
   * @param builtIn the built-in library, whose {@code _shared} folder is the only place fragments
   *     come from: a template names a fragment, never a file, so {@code uses:} cannot read anything
   *     else
   */
  static TemplateSpec read(
      String name,
      TemplateFiles files,
      String shownAs,
      String origin,
      boolean repository,
      TemplateFiles builtIn)
      throws InputException {
    String specShown = shownAs + "/" + SPEC_FILE;
    // the folder itself may be a link: it must stay under its root, as every file in it
    files.checkFolder(name, shownAs);
    String text = files.read(name, SPEC_FILE, specShown);
    Optional<Object> built =
        files == builtIn ? BuiltInValues.read(builtIn, name, SPEC_FILE) : Optional.empty();
    Object loaded;
    try {
      loaded =
          built.isPresent()
              ? built.get()
              : YamlNodes.loader(YamlNodes.safeSettings(specShown)).loadFromString(text);
    } catch (org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException e) {
      throw new InputException(YamlNodes.problemAt(specShown, e));
    } catch (YamlEngineException e) {
      throw new InputException(
          Problem.of(specShown, "malformed YAML: " + YamlNodes.withoutSnippet(e)));
    }
    if (!(loaded instanceof Map<?, ?> spec)) {
      throw new InputException(
          Problem.of(specShown, "must be a map with description, parameters and files"));
    }
    List<Problem> problems = new ArrayList<>();
    String description = String.valueOf(Optional.ofNullable(spec.get("description")).orElse(""));
    List<ParameterSpec> parameters = parameters(spec.get("parameters"), specShown, problems);
    plainNameDefaults(parameters, text, specShown, problems);
    List<TemplateSpec.Body> bodies =
        bodies(spec.get("files"), files, name, shownAs, specShown, problems);
    String example = spec.get("example") instanceof String s ? s : "";
    String component = spec.get("component") instanceof String c ? c : null;
    List<TemplateSpec.Fragment> fragments =
        Fragments.read(spec.get("uses"), builtIn, specShown, parameters, problems);
    if (component == null
        && fragments.stream().anyMatch(f -> f.name().equals(Fragments.POD_TEMPLATE))) {
      // every pod needs a component label, or two entries' selectors could overlap
      problems.add(
          Problem.of(
              specShown,
              "a template that uses pod-template needs component: its role,"
                  + " the app.kubernetes.io/component of an entry with no name (such as web or worker)"));
    }
    List<TemplateSpec.Lock> locked = locks(spec.get("locked"), specShown, problems);
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
    Optional<String> digest =
        repository ? Optional.of(filesDigest(text, bodies)) : Optional.empty();
    return new TemplateSpec(
        name,
        description,
        parameters,
        bodies,
        example,
        origin,
        digest,
        component,
        fragments,
        locked);
  }

  /**
   * {@code locked:}: JSON pointers, each alone or as {@code {kind: Deployment, path: /spec/...}}.
   */
  private static List<TemplateSpec.Lock> locks(
      Object declared, String shown, List<Problem> problems) {
    List<TemplateSpec.Lock> out = new ArrayList<>();
    if (declared == null) {
      return out;
    }
    if (!(declared instanceof List<?> list)) {
      problems.add(
          Problem.of(shown, "locked must be a list of JSON pointers such as /spec/template"));
      return out;
    }
    for (Object item : list) {
      Optional<String> kind = Optional.empty();
      Object path = item;
      if (item instanceof Map<?, ?> m) {
        kind = m.get("kind") instanceof String k ? Optional.of(k) : Optional.empty();
        path = m.get("path");
      }
      if (!(path instanceof String pointer) || !pointer.startsWith("/")) {
        problems.add(
            Problem.of(
                shown,
                "locked: "
                    + item
                    + " is not a JSON pointer such as /spec/template/spec/securityContext"
                    + " (or {kind: Deployment, path: ...})"));
        continue;
      }
      out.add(new TemplateSpec.Lock(kind, pointer));
    }
    return out;
  }

  /**
   * The SHA-256 of the files the template is made of, as the canonical JSON object {@code {"<file
   * name>":"<text>",...}} with the names sorted: the spec file and every body.
   */
  private static String filesDigest(String specText, List<TemplateSpec.Body> bodies) {
    java.util.TreeMap<String, String> files = new java.util.TreeMap<>();
    files.put(SPEC_FILE, specText);
    for (TemplateSpec.Body body : bodies) {
      files.put(body.name() + BODY_SUFFIX, body.source());
    }
    return Marker.sha256(JsonLiteral.canonical(files));
  }

  static List<ParameterSpec> parameters(Object declared, String shown, List<Problem> problems) {
    List<ParameterSpec> out = new ArrayList<>();
    if (declared == null) {
      return out;
    }
    if (!(declared instanceof List<?> list)) {
      problems.add(
          Problem.of(
              shown, "parameters must be a list of {name, type, required, default, description}"));
      return out;
    }
    for (Object item : list) {
      if (!(item instanceof Map<?, ?> p) || !(p.get("name") instanceof String pname)) {
        problems.add(Problem.of(shown, "each parameter needs a name"));
        continue;
      }
      if (TemplateSpec.CONTEXT_NAMES.contains(pname)) {
        problems.add(
            Problem.of(
                shown,
                "parameter "
                    + pname
                    + " has the name of a variable every body sees ("
                    + String.join(", ", TemplateSpec.CONTEXT_NAMES)
                    + "); choose another"));
        continue;
      }
      Optional<ParameterType> type = ParameterType.fromId(String.valueOf(p.get("type")));
      if (type.isEmpty()) {
        problems.add(
            Problem.of(
                shown,
                "parameter "
                    + pname
                    + " has unknown type \""
                    + p.get("type")
                    + "\"; use "
                    + ParameterType.ids()));
        continue;
      }
      List<String> allowed = new ArrayList<>();
      if (p.get("values") instanceof List<?> values) {
        values.forEach(v -> allowed.add(String.valueOf(v)));
      }
      if (type.get() == ParameterType.ENUM && allowed.isEmpty()) {
        problems.add(
            Problem.of(shown, "enum parameter " + pname + " needs values: [the allowed values]"));
        continue;
      }
      String kubernetesType = p.get("kubernetesType") instanceof String k ? k : null;
      if (kubernetesType != null
          && type.get() != ParameterType.OBJECT
          && type.get() != ParameterType.LIST) {
        problems.add(
            Problem.of(shown, "parameter " + pname + ": kubernetesType needs type object or list"));
        continue;
      }
      String description = p.get("description") == null ? "" : String.valueOf(p.get("description"));
      ParameterSpec declaredSpec =
          new ParameterSpec(
              pname,
              type.get(),
              Boolean.TRUE.equals(p.get("required")),
              null,
              description,
              allowed,
              kubernetesType,
              !Boolean.FALSE.equals(p.get("nullable")));
      Object def = p.get("default");
      if (def != null && declaredSpec.coerce(def).isEmpty()) {
        problems.add(
            Problem.of(shown, "default of parameter " + pname + " " + declaredSpec.mismatch(def)));
        continue;
      }
      out.add(
          new ParameterSpec(
              pname,
              type.get(),
              declaredSpec.required(),
              def == null ? null : declaredSpec.coerce(def).get(),
              description,
              allowed,
              kubernetesType,
              declaredSpec.nullable()));
    }
    return out;
  }

  /**
   * The defaults of {@code name} and {@code namespace} obey the rule their values in a config obey:
   * {@code name} becomes part of every output path, so a default like {@code ../x} would write
   * outside the cluster folder.
   */
  private static void plainNameDefaults(
      List<ParameterSpec> parameters, String text, String shown, List<Problem> problems)
      throws InputException {
    for (ParameterSpec p : parameters) {
      boolean named = p.name().equals("name") || p.name().equals("namespace");
      if (named && p.defaultValue() instanceof String value && !Names.isDnsLabel(value)) {
        Node at =
            YamlNodes.compose(text, shown).flatMap(doc -> defaultNode(doc, p.name())).orElse(null);
        String message =
            "default of parameter "
                + p.name()
                + " \""
                + value
                + "\" is not a plain path segment"
                + " (a Kubernetes name: lower-case letters, digits and '-', at most 63)";
        problems.add(at == null ? Problem.of(shown, message) : YamlNodes.at(shown, at, message));
      }
    }
  }

  /** The node of {@code parameters[name=...].default}, for the error's position. */
  private static Optional<Node> defaultNode(Node document, String parameter) {
    if (!(document instanceof MappingNode top)) {
      return Optional.empty();
    }
    return top.getValue().stream()
        .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("parameters"))
        .map(NodeTuple::getValueNode)
        .filter(SequenceNode.class::isInstance)
        .flatMap(seq -> ((SequenceNode) seq).getValue().stream())
        .filter(MappingNode.class::isInstance)
        .map(item -> ((MappingNode) item).getValue())
        .filter(
            fields ->
                fields.stream()
                    .anyMatch(
                        t ->
                            t.getKeyNode() instanceof ScalarNode k
                                && k.getValue().equals("name")
                                && t.getValueNode() instanceof ScalarNode v
                                && v.getValue().equals(parameter)))
        .flatMap(
            fields ->
                fields.stream()
                    .filter(
                        t ->
                            t.getKeyNode() instanceof ScalarNode k
                                && k.getValue().equals("default")))
        .map(NodeTuple::getValueNode)
        .findFirst();
  }

  private static List<TemplateSpec.Body> bodies(
      Object declared,
      TemplateFiles files,
      String folder,
      String shownAs,
      String specShown,
      List<Problem> problems) {
    List<String> names = new ArrayList<>();
    if (declared instanceof List<?> list) {
      list.forEach(f -> names.add(String.valueOf(f)));
    } else {
      // no explicit order: every body in the folder, by name
      try {
        files.list(folder).stream()
            .filter(f -> f.endsWith(BODY_SUFFIX))
            .forEach(f -> names.add(f.substring(0, f.length() - BODY_SUFFIX.length())));
      } catch (InputException e) {
        problems.add(Problem.of(shownAs, e.problems().get(0).message()));
      }
    }
    List<TemplateSpec.Body> out = new ArrayList<>();
    for (String body : names) {
      String bodyShown = shownAs + "/" + body + BODY_SUFFIX;
      if (!body.matches("[a-z0-9][a-z0-9-]*")) {
        problems.add(
            Problem.of(
                specShown,
                "body name \"" + body + "\" must be lower-case letters, digits and '-'"));
        continue;
      }
      try {
        out.add(
            new TemplateSpec.Body(
                body, files.read(folder, body + BODY_SUFFIX, bodyShown), bodyShown));
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
