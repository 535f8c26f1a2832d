package dev.kubegenerate.kubernetes;

import dev.kubegenerate.model.Violation.Rule;
import dev.kubegenerate.model.Violation.Severity;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Checks one Kubernetes object for a release: whether the release serves its API (removed,
 * deprecated, not yet served, a misspelt kind), then the object against its schema, built-in or a
 * custom resource's.
 */
final class ObjectValidator {

  static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

  private final KubernetesApi api;
  private final boolean versionConfigured;
  private final CustomResources custom;
  private final Map<String, Schema> customRoots = new HashMap<>();

  /** See {@link ManifestValidator#ManifestValidator}. */
  ObjectValidator(KubernetesApi api, boolean versionConfigured, CustomResources custom) {
    this.api = api;
    this.versionConfigured = versionConfigured;
    this.custom = custom;
  }

  /** Adds the violations of the object {@code doc} (of each item of a {@code v1 List}). */
  void validate(Node doc, FieldPath path, Walk walk) {
    if (walk.done()) {
      return;
    }
    if (!(doc instanceof MappingNode)) {
      walk.add(
          Violations.invalid(
              doc,
              path,
              "expected a Kubernetes object (a map with apiVersion and kind), got "
                  + ValueChecks.describe(doc)));
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
        validate(items.getValue().get(i), path.field("items").index(i), walk);
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
    if (verdict.status() != ApiLifecycle.Status.CUSTOM) {
      OutageRules.check(kind, doc, path, walk);
    }
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
}
