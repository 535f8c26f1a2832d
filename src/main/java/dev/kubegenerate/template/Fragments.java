package dev.kubegenerate.template;

import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.yaml.YamlNodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads the {@code uses:} of a template.yaml: built-in fragments and the parameters they declare.
 * The sandbox stays closed (no include or import): a template names one of a fixed set of fragments
 * of the tool's own library, and Java renders it; no body names a file.
 */
final class Fragments {

  static final String POD_TEMPLATE = "pod-template";

  /**
   * The fragments the built-in library ships, with their settings' defaults; any other name is an
   * error, never a path.
   */
  private static final Map<String, Map<String, Object>> KNOWN =
      Map.of(
          POD_TEMPLATE,
          defaults(
              "portName",
              "http",
              "defaultProbes",
              "none",
              "restartPolicy",
              null,
              "autoscaled",
              false));

  private static Map<String, Object> defaults(Object... keyValues) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      out.put((String) keyValues[i], keyValues[i + 1]);
    }
    return out;
  }

  private Fragments() {}

  /**
   * The fragments a template uses. Their parameter declarations are appended to {@code parameters},
   * except those the template declares itself (with its own default).
   */
  static List<TemplateSpec.Fragment> read(
      Object uses,
      TemplateFiles builtIn,
      String specShown,
      List<ParameterSpec> parameters,
      List<Problem> problems) {
    List<TemplateSpec.Fragment> out = new ArrayList<>();
    if (uses == null) {
      return out;
    }
    if (!(uses instanceof Map<?, ?> byName)) {
      problems.add(
          Problem.of(
              specShown,
              "uses must map fragment names to their settings, such as {pod-template: {portName: http}}"));
      return out;
    }
    for (Map.Entry<?, ?> e : byName.entrySet()) {
      String name = String.valueOf(e.getKey());
      if (!KNOWN.containsKey(name)) {
        problems.add(
            Problem.of(
                specShown,
                "unknown fragment \""
                    + name
                    + "\" in uses; the library has "
                    + String.join(", ", KNOWN.keySet())));
        continue;
      }
      Map<String, Object> settings = new LinkedHashMap<>(KNOWN.get(name));
      if (e.getValue() instanceof Map<?, ?> m) {
        for (Map.Entry<?, ?> setting : m.entrySet()) {
          if (!settings.containsKey(String.valueOf(setting.getKey()))) {
            problems.add(
                Problem.of(
                    specShown,
                    "fragment "
                        + name
                        + " has no setting \""
                        + setting.getKey()
                        + "\"; it has "
                        + String.join(", ", settings.keySet())));
          }
          settings.put(String.valueOf(setting.getKey()), setting.getValue());
        }
      }
      try {
        String shown = "built-in fragment " + name;
        addParameters(
            builtIn.read(TemplateReader.SHARED_FOLDER, name + ".yaml", shown + ".yaml"),
            shown + ".yaml",
            parameters,
            problems);
        String source =
            builtIn.read(
                TemplateReader.SHARED_FOLDER,
                name + TemplateReader.BODY_SUFFIX,
                shown + TemplateReader.BODY_SUFFIX);
        out.add(
            new TemplateSpec.Fragment(
                name,
                variable(name),
                new TemplateSpec.Body(name, source, shown + TemplateReader.BODY_SUFFIX),
                settings));
      } catch (InputException ex) {
        problems.addAll(ex.problems());
      }
    }
    return out;
  }

  private static void addParameters(
      String text, String shown, List<ParameterSpec> parameters, List<Problem> problems)
      throws InputException {
    // keyed by text, not a record: a record's generated hashCode costs its own start-up
    Declared declared = DECLARED.computeIfAbsent(shown + '\n' + text, key -> declared(text, shown));
    if (declared.unreadable()) {
      throw new InputException(declared.problems());
    }
    problems.addAll(declared.problems());
    Set<String> own = new java.util.HashSet<>();
    parameters.forEach(p -> own.add(p.name()));
    for (ParameterSpec p : declared.parameters()) {
      if (!own.contains(p.name())) {
        parameters.add(p);
      }
    }
  }

  /**
   * What a fragment's file declares: its parameters and their problems, or why it is unreadable.
   */
  private record Declared(
      List<ParameterSpec> parameters, List<Problem> problems, boolean unreadable) {}

  /**
   * Each fragment file read once per process, keyed by its text: every template that uses {@code
   * pod-template} would otherwise parse the same 120 lines again (10 ms of a one-app check, issue
   * 13). Fragments are the tool's own files, so the map holds one entry per fragment.
   */
  private static final Map<String, Declared> DECLARED =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static Declared declared(String text, String shown) {
    Object loaded;
    try {
      loaded = new Load(YamlNodes.safeSettings(shown)).loadFromString(text);
    } catch (YamlEngineException e) {
      return new Declared(
          List.of(),
          List.of(
              Problem.of(
                  shown,
                  "malformed YAML: " + e.getMessage().strip().replaceAll("\\s*\\R\\s*", " "))),
          true);
    }
    Object declared = loaded instanceof Map<?, ?> m ? m.get("parameters") : null;
    List<Problem> problems = new ArrayList<>();
    List<ParameterSpec> parameters = TemplateReader.parameters(declared, shown, problems);
    return new Declared(List.copyOf(parameters), List.copyOf(problems), false);
  }

  /** {@code pod-template} is the variable {@code podTemplate}. */
  static String variable(String name) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : name.toCharArray()) {
      if (c == '-') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }
}
