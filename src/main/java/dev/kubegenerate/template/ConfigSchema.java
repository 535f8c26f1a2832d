package dev.kubegenerate.template;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubegenerate.kubernetes.KubernetesApi;
import dev.kubegenerate.model.InputException;
import dev.kubegenerate.yaml.Json;

/**
 * The JSON Schema (draft 2020-12) of {@code kube-generate.yaml} for a template library, so editors
 * can validate and complete configs; each template's parameters are typed.
 */
public final class ConfigSchema {

  private static final String PLAIN_NAME = "^[A-Za-z0-9_][A-Za-z0-9._-]{0,62}$";

  private ConfigSchema() {}

  /** The schema as pretty-printed JSON with a final newline. */
  public static String render(TemplateLibrary library) throws InputException {
    ObjectNode root = Json.object();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.put("$id", "https://kube-generate.dev/schema/kube-generate.json");
    root.put("title", "kube-generate.yaml");
    root.put("type", "object");
    root.put("additionalProperties", false);
    root.putArray("required").add("generates");
    ObjectNode props = root.putObject("properties");
    string(props, "app", "Application name; default: the name of the folder holding this file.")
        .put("pattern", "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$");
    string(
        props,
        "outputDir",
        "Folder of the generated manifests, relative to this file; default: kubernetes.");
    ObjectNode version =
        string(
            props,
            "kubernetesVersion",
            "Kubernetes version (MAJOR.MINOR) of every cluster, unless the cluster sets its own; manifests are validated for it."
                + " Default: the newest supported, with removed APIs only warned.");
    ArrayNode supported = version.putArray("enum");
    KubernetesApi.supported().forEach(v -> supported.add(v.toString()));
    ArrayNode clusterForms = props.putObject("clusters").putArray("oneOf");
    clusterList(clusterForms.addObject(), "The clusters an entry targets when it names none.");
    ObjectNode map = clusterForms.addObject();
    map.put(
        "description",
        "The clusters an entry targets when it names none, each with its own settings.");
    map.put("type", "object");
    map.putObject("propertyNames").put("pattern", PLAIN_NAME);
    ObjectNode cluster = map.putObject("additionalProperties");
    cluster.putArray("type").add("object").add("null");
    cluster.put("additionalProperties", false);
    cluster
        .putObject("properties")
        .set(
            "kubernetesVersion",
            version
                .deepCopy()
                .put("description", "Kubernetes version of this cluster (MAJOR.MINOR)."));
    ObjectNode schemas = props.putObject("schemas");
    schemas.put(
        "description",
        "Folders of CustomResourceDefinition manifests whose schemas validate custom resources.");
    schemas.put("type", "array");
    schemas.putObject("items").put("type", "string");
    ObjectNode templates = props.putObject("templates");
    templates.put("description", "Extra template folders, searched before the built-in ones.");
    templates.put("type", "array");
    templates.putObject("items").put("type", "string");
    ObjectNode values = props.putObject("values");
    values.put("description", "Parameters given to every entry whose template declares them.");
    values.put("type", "object");
    ObjectNode handwritten = props.putObject("handwritten");
    handwritten.put("description", "Globs of hand-written manifests that the check accepts.");
    handwritten.put("type", "array");
    handwritten.putObject("items").put("type", "string");
    string(
        props,
        "manualAnnotation",
        "Annotation key whose value `manual` marks a manifest as hand-managed.");
    ObjectNode generates = props.putObject("generates");
    generates.put("description", "What to generate: each item names one template.");
    generates.put("type", "array");
    ArrayNode oneOf = generates.putObject("items").putArray("oneOf");
    for (TemplateSpec t : library.all().values()) {
      oneOf.add(entry(t));
    }
    try {
      return Json.WRITER.withDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode entry(TemplateSpec t) {
    ObjectNode item = Json.object();
    item.put("type", "object");
    item.put("additionalProperties", false);
    item.putArray("required").add(t.name());
    ObjectNode body = item.putObject("properties").putObject(t.name());
    body.put("description", t.description());
    body.putArray("type").add("object").add("null");
    body.put("additionalProperties", false);
    ObjectNode props = body.putObject("properties");
    for (ParameterSpec p : t.parameters()) {
      ObjectNode param = type(props.putObject(p.name()), p);
      param.put("description", p.description() + (p.required() ? " (required)" : ""));
      if (p.defaultValue() != null) {
        param.set("default", Json.tree(p.defaultValue()));
      }
    }
    clusterList(props, "clusters", "Clusters this entry targets; default: the top-level clusters.");
    props
        .putObject("subdir")
        .put("type", "string")
        .put("pattern", PLAIN_NAME)
        .put("description", "A folder below the cluster folder.");
    patches(props.putObject("patches"));
    ObjectNode overrides = props.putObject("overrides");
    overrides.put("type", "object");
    overrides.put("description", "Per-cluster parameters, keyed by cluster.");
    ObjectNode perCluster = overrides.putObject("additionalProperties");
    perCluster.put("type", "object");
    perCluster.put("additionalProperties", false);
    perCluster.set(
        "properties",
        props.deepCopy().without(java.util.List.of("clusters", "subdir", "overrides")));
    return item;
  }

  /** {@code patches:}: a target and a strategic merge patch or RFC 6902 operations. */
  private static void patches(ObjectNode node) {
    node.put("type", "array");
    node.put(
        "description",
        "Changes to the objects this entry renders, after the template: each a target and a"
            + " strategic merge patch (merge) or RFC 6902 operations (json).");
    ObjectNode item = node.putObject("items");
    item.put("type", "object");
    item.put("additionalProperties", false);
    item.putArray("required").add("target");
    ObjectNode props = item.putObject("properties");
    ObjectNode target = props.putObject("target");
    target.put("type", "object");
    target.put("additionalProperties", false);
    target.putArray("required").add("kind");
    ObjectNode targetProps = target.putObject("properties");
    targetProps.putObject("kind").put("type", "string").put("description", "The objects' kind.");
    targetProps
        .putObject("name")
        .put("type", "string")
        .put("description", "The object's metadata.name; absent: every object of the kind.");
    props
        .putObject("merge")
        .put("type", "object")
        .put(
            "description",
            "A strategic merge patch: lists merge by the API's merge keys, null deletes.");
    ObjectNode json = props.putObject("json");
    json.put("type", "array");
    json.put("description", "RFC 6902 operations: add, remove, replace, move, copy, test.");
    ObjectNode op = json.putObject("items");
    op.put("type", "object");
    op.putArray("required").add("op").add("path");
    ObjectNode opProps = op.putObject("properties");
    opProps
        .putObject("op")
        .putArray("enum")
        .add("add")
        .add("remove")
        .add("replace")
        .add("move")
        .add("copy")
        .add("test");
    opProps.putObject("path").put("type", "string");
    opProps.putObject("from").put("type", "string");
    ArrayNode oneOf = item.putArray("oneOf");
    oneOf.addObject().putArray("required").add("merge");
    oneOf.addObject().putArray("required").add("json");
  }

  private static ObjectNode type(ObjectNode node, ParameterSpec spec) {
    switch (spec.type()) {
      case STRING, IMAGE -> node.put("type", "string");
      case ENUM -> {
        node.put("type", "string");
        ArrayNode values = node.putArray("enum");
        spec.allowed().forEach(values::add);
      }
      case INT_OR_STRING -> {
        ArrayNode oneOf = node.putArray("oneOf");
        oneOf.addObject().put("type", "integer").put("minimum", 0);
        oneOf.addObject().put("type", "string").put("pattern", "^[0-9]+%$");
      }
      case QUANTITY -> node.putArray("type").add("string").add("number");
      case INTEGER -> node.put("type", "integer");
      case BOOLEAN -> node.put("type", "boolean");
      case LIST -> {
        node.put("type", "array");
        if (spec.kubernetesType() != null) {
          node.putObject("items").put("type", "object");
        } else {
          node.putObject("items").putArray("type").add("string").add("number").add("boolean");
        }
      }
      case MAP -> {
        node.put("type", "object");
        node.putObject("additionalProperties")
            .putArray("type")
            .add("string")
            .add("number")
            .add("boolean")
            .add("null");
      }
      case ENV -> {
        node.put("type", "object");
        ArrayNode oneOf = node.putObject("additionalProperties").putArray("oneOf");
        oneOf.addObject().putArray("type").add("string").add("number").add("boolean").add("null");
        ObjectNode valueFrom = oneOf.addObject();
        valueFrom.put("type", "object");
        valueFrom.putArray("required").add("valueFrom");
        valueFrom.putObject("properties").putObject("valueFrom").put("type", "object");
        valueFrom.put("additionalProperties", false);
      }
      case OBJECT -> {
        node.put("type", "object");
        if (!spec.allowed().isEmpty()) {
          // the keys an object parameter lists, such as probes' startup, readiness, liveness
          ObjectNode keys = node.putObject("properties");
          spec.allowed().forEach(k -> keys.putObject(k).putArray("type").add("object").add("null"));
          node.put("additionalProperties", false);
        }
      }
    }
    return node;
  }

  private static ObjectNode string(ObjectNode props, String name, String description) {
    ObjectNode node = props.putObject(name);
    node.put("type", "string");
    node.put("description", description);
    return node;
  }

  private static void clusterList(ObjectNode props, String name, String description) {
    clusterList(props.putObject(name), description);
  }

  private static void clusterList(ObjectNode node, String description) {
    node.put("description", description);
    node.put("type", "array");
    node.put("uniqueItems", true);
    node.putObject("items").put("type", "string").put("pattern", PLAIN_NAME);
  }
}
