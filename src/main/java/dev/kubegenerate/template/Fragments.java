package dev.kubegenerate.template;

import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.Problem;
import dev.kubegenerate.yaml.YamlNodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
  private static final Map<String, Map<String, Object>> KNOWN = known();

  /** In the order a template lists them: later fragments see earlier ones' variables. */
  private static Map<String, Map<String, Object>> known() {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    out.put("identity", Map.of());
    out.put("selector", Map.of());
    out.put(
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
    out.put("deployment", defaults("autoscaled", false));
    out.put("service", defaults("portName", "http", "appProtocol", null, "samePort", false));
    return java.util.Collections.unmodifiableMap(out);
  }

  /**
   * What each fragment's body reads of the fragments before it: a template that names only {@code
   * pod-template}, as templates written before the others existed do, gets them too.
   */
  private static final Map<String, List<String>> NEEDS =
      Map.of(
          POD_TEMPLATE,
          List.of("identity", "selector"),
          "deployment",
          List.of("identity", "selector", POD_TEMPLATE),
          "service",
          List.of("identity", "selector"));

  /**
   * The fragments a template names, each after the ones it needs (added with their default settings
   * when not named), in the library's order.
   */
  private static Map<Object, Object> withDependencies(Map<?, ?> named) {
    Map<Object, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : named.entrySet()) {
      for (String needed : NEEDS.getOrDefault(String.valueOf(e.getKey()), List.of())) {
        if (!named.containsKey(needed)) {
          out.putIfAbsent(needed, Map.of());
        }
      }
      out.put(e.getKey(), e.getValue());
    }
    Map<Object, Object> ordered = new LinkedHashMap<>();
    KNOWN
        .keySet()
        .forEach(
            k -> {
              if (out.containsKey(k)) {
                ordered.put(k, out.remove(k));
              }
            });
    ordered.putAll(out); // unknown names, reported by the caller
    return ordered;
  }

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
    // how many parameters of leading fragments the list starts with
    int leading = 0;
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
    for (Map.Entry<?, ?> e : withDependencies(byName).entrySet()) {
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
        leading =
            addParameters(
                builtIn,
                name + ".yaml",
                shown + ".yaml",
                parameters,
                problems,
                LEADING.contains(name) ? leading : -1);
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

  /**
   * The fragments whose parameters lead a template's list, before its own: what an entry is called
   * and what it selects is the first thing a reader of {@code kube-generate templates NAME} looks
   * for.
   */
  private static final Set<String> LEADING = Set.of("identity", "selector");

  /**
   * Adds a fragment's parameter declarations, except those the template declares itself.
   *
   * @param leading for a leading fragment, how many parameters already lead the list (its own go
   *     after them, moving the template's own declarations there too); -1 to append
   * @return how many parameters lead the list now
   */
  private static int addParameters(
      TemplateFiles builtIn,
      String file,
      String shown,
      List<ParameterSpec> parameters,
      List<Problem> problems,
      int leading)
      throws InputException {
    // the JSON the build wrote of it, else its YAML
    Optional<String> json = BuiltInValues.json(builtIn, TemplateReader.SHARED_FOLDER, file);
    String text =
        json.isPresent() ? json.get() : builtIn.read(TemplateReader.SHARED_FOLDER, file, shown);
    // keyed by text, not a record: a record's generated hashCode costs its own start-up
    Declared declared =
        DECLARED.computeIfAbsent(
            shown + '\n' + text, key -> declared(json.isPresent(), text, shown));
    if (declared.unreadable()) {
      throw new InputException(declared.problems());
    }
    problems.addAll(declared.problems());
    if (leading < 0) {
      Set<String> own = new java.util.HashSet<>();
      parameters.forEach(p -> own.add(p.name()));
      for (ParameterSpec p : declared.parameters()) {
        if (!own.contains(p.name())) {
          parameters.add(p);
        }
      }
      return leading;
    }
    int lead = leading;
    for (ParameterSpec p : declared.parameters()) {
      if (parameters.subList(0, lead).stream().anyMatch(q -> q.name().equals(p.name()))) {
        continue;
      }
      int at = -1;
      for (int i = lead; i < parameters.size() && at < 0; i++) {
        if (parameters.get(i).name().equals(p.name())) {
          at = i;
        }
      }
      parameters.add(lead++, at < 0 ? p : parameters.remove(at));
    }
    return lead;
  }

  /**
   * What a fragment's file declares: its parameters and their problems, or why it is unreadable.
   */
  private record Declared(
      List<ParameterSpec> parameters, List<Problem> problems, boolean unreadable) {}

  /**
   * Each fragment file read once per process, keyed by its text: every template that uses {@code
   * pod-template} would otherwise parse the same 120 lines again (10 ms of a one-app check).
   * Fragments are the tool's own files, so the map holds one entry per fragment.
   */
  private static final Map<String, Declared> DECLARED =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static Declared declared(boolean json, String text, String shown) {
    Object loaded;
    try {
      loaded =
          json
              ? BuiltInValues.value(text)
              : new Load(YamlNodes.safeSettings(shown)).loadFromString(text);
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
