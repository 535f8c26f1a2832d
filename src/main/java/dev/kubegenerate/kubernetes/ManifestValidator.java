package dev.kubegenerate.kubernetes;

import dev.kubegenerate.model.KubernetesVersion;
import dev.kubegenerate.model.Violation;
import dev.kubegenerate.model.Violation.Rule;
import dev.kubegenerate.model.Violation.Severity;
import dev.kubegenerate.yaml.YamlNodes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Checks every object of a manifest file for one cluster's Kubernetes version (SPEC §6): removed
 * and deprecated APIs, then the object against its schema (built-in, or a custom resource's).
 */
public final class ManifestValidator {

  static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

  private final KubernetesApi api;
  private final boolean versionConfigured;
  private final CustomResources custom;
  private final Map<String, Schema> customRoots = new HashMap<>();

  /**
   * @param version the cluster's version
   * @param versionConfigured false when the config names no version: a removed API is then only a
   *     warning, since the cluster may be older than the newest release used for validation
   * @param custom schemas of custom resources
   */
  public ManifestValidator(
      KubernetesVersion version, boolean versionConfigured, CustomResources custom) {
    this.api = KubernetesApi.of(version);
    this.versionConfigured = versionConfigured;
    this.custom = custom;
  }

  public KubernetesVersion version() {
    return api.version();
  }

  /**
   * Reading with source marks (line and column on every token and node) allocates several times
   * more than without, and almost every file is valid: read without them first, and again with them
   * only to locate what was found.
   */
  private static final int CODE_POINT_LIMIT = dev.kubegenerate.yaml.InputText.MAX_BYTES;

  private static final LoadSettings UNMARKED = settings(false);

  private static final LoadSettings MARKED = settings(true);

  private static LoadSettings settings(boolean marks) {
    return LoadSettings.builder()
        .setLabel("manifest")
        .setAllowDuplicateKeys(false)
        .setAllowRecursiveKeys(false)
        .setMaxAliasesForCollections(YamlNodes.MAX_ALIASES)
        .setCodePointLimit(CODE_POINT_LIMIT)
        .setUseMarks(marks)
        .setSchema(dev.kubegenerate.yaml.SharedCoreSchema.INSTANCE)
        .build();
  }

  /**
   * The violations of every object in {@code text} (one or more YAML documents, or JSON), in
   * document order.
   */
  public List<Violation> validate(String text) {
    KubectlYaml.Reading reading =
        KubectlYaml.read(text.startsWith("\uFEFF") ? text.substring(1) : text, MARKED);
    if (reading.refused().isPresent()) {
      return List.of(reading.refused().get());
    }
    String body = reading.text();
    // the first reading only asks whether there is anything to report: it stops at the first
    // violation, and the second, with marks, is the one walk that reports
    return validate(body, UNMARKED, 1).isEmpty()
        ? List.of()
        : validate(body, MARKED, Walk.MAX_VIOLATIONS);
  }

  /**
   * As {@link #validate(String)}, for text whose nodes are already known: they are validated
   * instead of reading the text, which is read only to locate what they show (nodes carry no
   * lines).
   *
   * @param composed the nodes composing {@code text} gives under the YAML 1.2 core schema, as
   *     {@code CanonicalYaml.formatComposed} builds them for what it wrote; empty when composing it
   *     fails, and then the text is read as {@link #validate(String)} reads it
   */
  public List<Violation> validate(String text, Optional<List<Node>> composed) {
    // past the reader's length limit the text is read, and the limit reported, as ever
    if (composed.isEmpty() || text.length() >= CODE_POINT_LIMIT / 2) {
      return validate(text);
    }
    List<Violation> found = new ArrayList<>();
    for (Node doc : composed.get()) {
      if (!found.isEmpty()) {
        break;
      }
      if (!SchemaValidator.isNull(doc)) {
        object(doc, FieldPath.root(""), new Walk(found, 1));
      }
    }
    return found.isEmpty() ? found : validate(text);
  }

  private List<Violation> validate(String body, LoadSettings settings, int limit) {
    List<Violation> out = new ArrayList<>();
    try {
      // the shared depth-limited parser: composing recurses once per level, deeper input would
      // overflow the stack
      Composer composer = new Composer(settings, YamlNodes.parser(settings, body));
      while (composer.hasNext() && out.size() < limit) {
        Node doc = composer.next();
        if (!SchemaValidator.isNull(doc)) {
          // one budget for every walk over the document
          Walk walk = new Walk(out, limit);
          // a tree the canonical writer built never repeats a key: text read from a file may
          DuplicateKeys.find(doc, FieldPath.root(""), walk);
          object(doc, FieldPath.root(""), walk);
        }
      }
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(1);
      String problem = oneLine(e.getProblem());
      out.add(
          new Violation(
              Rule.INVALID,
              Severity.ERROR,
              line,
              0,
              "",
              problem.startsWith("nested more than") ? problem : "not valid YAML: " + problem));
    } catch (YamlEngineException e) {
      out.add(
          new Violation(
              Rule.INVALID,
              Severity.ERROR,
              1,
              0,
              "",
              "not valid YAML: " + oneLine(e.getMessage())));
    }
    return out;
  }

  private void object(Node doc, FieldPath path, Walk walk) {
    if (walk.done()) {
      return;
    }
    if (!(doc instanceof MappingNode)) {
      walk.add(
          Violations.invalid(
              doc,
              path,
              "expected a Kubernetes object (a map with apiVersion and kind), got "
                  + SchemaValidator.describe(doc)));
      return;
    }
    String apiVersion = CustomResources.text(doc, "apiVersion");
    String kind = CustomResources.text(doc, "kind");
    if (apiVersion == null || kind == null) {
      walk.add(
          Violations.invalid(
              doc,
              path,
              "missing required field \"" + (apiVersion == null ? "apiVersion" : "kind") + "\""));
      return;
    }
    if (apiVersion.equals("v1")
        && kind.equals("List")
        && CustomResources.field(doc, "items") instanceof SequenceNode items) {
      for (int i = 0; i < items.getValue().size(); i++) {
        object(items.getValue().get(i), path.field("items").index(i), walk);
      }
      return;
    }
    ApiLifecycle.Verdict verdict = ApiLifecycle.get().judge(api.version(), apiVersion, kind);
    if (!lifecycle(verdict, doc, path, walk)) {
      return;
    }
    Optional<Schema> schema =
        verdict.status() == ApiLifecycle.Status.CUSTOM
            ? customRoot(apiVersion, kind)
            : api.definitionOf(apiVersion, kind).flatMap(api::schema);
    if (schema.isEmpty()) {
      if (verdict.status() == ApiLifecycle.Status.CUSTOM) {
        walk.add(
            Violations.at(
                Rule.NO_SCHEMA,
                Severity.NOTICE,
                CustomResources.field(doc, "apiVersion"),
                path.field("apiVersion").toString(),
                ValueChecks.cut(apiVersion)
                    + " "
                    + ValueChecks.cut(kind)
                    + " has no schema, so it is not validated; add its CustomResourceDefinition to a `schemas:` folder"));
      }
      return;
    }
    SchemaValidator.Policy policy =
        new SchemaValidator.Policy(
            Set.of("status"),
            // a violation message quotes the value, and a Secret's values are never shown
            "Secret".equals(kind) ? Set.of("data", "stringData") : Set.of(),
            verdict.status() != ApiLifecycle.Status.CUSTOM,
            true);
    new SchemaValidator(api::schema, walk, policy).validate(schema.get(), doc, path, doc);
  }

  /**
   * Adds the violation of a removed, deprecated or unserved API; false when the object's schema is
   * not to be checked.
   */
  private boolean lifecycle(ApiLifecycle.Verdict verdict, Node doc, FieldPath path, Walk walk) {
    Node at = CustomResources.field(doc, "apiVersion");
    String apiPath = path.field("apiVersion").toString();
    switch (verdict.status()) {
      case REMOVED -> {
        walk.add(
            Violations.at(
                Rule.REMOVED_API,
                versionConfigured ? Severity.ERROR : Severity.WARNING,
                at,
                apiPath,
                verdict.message()
                    + (versionConfigured
                        ? ""
                        : " (no kubernetesVersion is set; checked against "
                            + api.version()
                            + ")")));
        return false;
      }
      case NOT_SERVED -> {
        walk.add(Violations.at(Rule.INVALID, Severity.ERROR, at, apiPath, verdict.message()));
        return false;
      }
      case UNKNOWN_KIND -> {
        walk.add(
            Violations.at(
                Rule.INVALID,
                Severity.ERROR,
                CustomResources.field(doc, "kind"),
                path.field("kind").toString(),
                verdict.message()));
        return false;
      }
      case DEPRECATED -> {
        walk.add(
            Violations.at(Rule.DEPRECATED_API, Severity.WARNING, at, apiPath, verdict.message()));
        return true;
      }
      default -> {
        return true;
      }
    }
  }

  /** A custom resource's schema, with the apiVersion, kind and metadata every object has. */
  private Optional<Schema> customRoot(String apiVersion, String kind) {
    String key = apiVersion + " " + kind;
    synchronized (customRoots) {
      if (customRoots.containsKey(key)) {
        return Optional.of(customRoots.get(key));
      }
    }
    Optional<Schema> crd = custom.schema(apiVersion, kind);
    if (crd.isEmpty()) {
      return crd;
    }
    Schema s = crd.get();
    Map<String, Schema> properties = new HashMap<>(s.properties());
    // a custom resource's schema rarely declares the fields every object has
    properties.put("apiVersion", Schema.STRING);
    properties.put("kind", Schema.STRING);
    properties.put("metadata", Schema.reference(OBJECT_META));
    Schema root =
        new Schema(
            s.type(),
            s.format(),
            Map.copyOf(properties),
            s.required(),
            s.items(),
            s.values(),
            s.closed() || s.values().isEmpty() && !s.properties().isEmpty(),
            Optional.empty(),
            s.enumValues(),
            false,
            Optional.empty());
    synchronized (customRoots) {
      customRoots.put(key, root);
    }
    return Optional.of(root);
  }

  private static String oneLine(String s) {
    return s == null ? "syntax error" : s.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
