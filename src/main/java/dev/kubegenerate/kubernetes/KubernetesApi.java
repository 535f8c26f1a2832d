package dev.kubegenerate.kubernetes;

import dev.kubegenerate.model.KubernetesVersion;
import dev.kubegenerate.model.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * What one Kubernetes release serves and the schemas of its types, from the bundled data. A
 * definition is parsed the first time a manifest or a parameter uses it.
 *
 * <p>The public API, for one release {@code api = KubernetesApi.of(version)}:
 *
 * <ul>
 *   <li>{@link #serves(String, String) api.serves("apps/v1", "Deployment")}: whether the release
 *       serves an apiVersion/kind; {@link #servesKind(String, String) api.servesKind("apps",
 *       "Deployment")}: in any version of the group; {@link #isBuiltInGroup(String)
 *       isBuiltInGroup("example.com")}: whether a group is Kubernetes' own (false: a custom
 *       resource's).
 *   <li>{@link #definitionOf(String, String) api.definitionOf("apps/v1", "Deployment")}: the
 *       OpenAPI definition of a kind, {@code io.k8s.api.apps.v1.Deployment}.
 *   <li>{@link #merge(String, String, String) api.merge("apps/v1", "Deployment",
 *       "/spec/template/spec/containers")}: how a field merges under a strategic merge patch, found
 *       by a JSON pointer from the kind's root through fields, map values and list items (an index,
 *       {@code *} or {@code -}): {@link FieldMerge} with merge key {@code name} and strategy {@code
 *       merge}; {@code .../containers/*}{@code /ports}: key {@code containerPort}; {@code .../env}:
 *       {@code name}; {@code /spec/template/spec/tolerations}: {@link FieldMerge#NONE} (replaced as
 *       a whole). Empty for a kind the release does not serve (custom resources: RFC 7386 merge) or
 *       a path its schema does not have. {@link #merge(String, String)
 *       api.merge("io.k8s.api.core.v1.PodSpec", "volumes")} asks one definition's field.
 *   <li>{@link #validate(String, Node, String)}: a value of kube-generate.yaml against a
 *       definition.
 * </ul>
 *
 * <p>Thread-safe: one instance per release is shared by every config of a run.
 */
public final class KubernetesApi {

  private static final Map<KubernetesVersion, KubernetesApi> BY_VERSION = new ConcurrentHashMap<>();

  private final KubernetesVersion version;
  private final Map<String, String> served;
  private final Map<String, String> rawDefinitions;
  private final Map<String, Optional<Schema>> parsed = new ConcurrentHashMap<>();

  private KubernetesApi(KubernetesVersion version, BundledApis data) {
    this.version = version;
    this.served = data.served.get(version);
    this.rawDefinitions = data.definitions(version);
  }

  /** The releases kube-generate has data for, oldest first. */
  public static List<KubernetesVersion> supported() {
    return List.copyOf(BundledApis.get().releases.keySet());
  }

  /** {@code 1.30, 1.31, ...}: for messages. */
  public static String supportedList() {
    return supported().stream().map(KubernetesVersion::toString).collect(Collectors.joining(", "));
  }

  /** The newest supported release: what validation uses when a config names none. */
  public static KubernetesVersion newest() {
    List<KubernetesVersion> all = supported();
    return all.get(all.size() - 1);
  }

  /**
   * Where a release's data comes from: the release of its OpenAPI document, or how it was derived.
   */
  public static String source(KubernetesVersion version) {
    return BundledApis.get().releases.getOrDefault(version, "");
  }

  /** The API of a supported release; throws for one {@link #supported()} does not list. */
  public static KubernetesApi of(KubernetesVersion version) {
    BundledApis data = BundledApis.get();
    if (!data.releases.containsKey(version)) {
      throw new IllegalArgumentException(
          "no API data for Kubernetes " + version + " (supported: " + supportedList() + ")");
    }
    return BY_VERSION.computeIfAbsent(version, v -> new KubernetesApi(v, data));
  }

  public KubernetesVersion version() {
    return version;
  }

  /** Whether this release serves {@code apiVersion}/{@code kind}. */
  public boolean serves(String apiVersion, String kind) {
    return served.containsKey(apiVersion + " " + kind);
  }

  /**
   * Whether this release serves {@code kind} in some version of {@code group} ({@code ""} for the
   * core group).
   */
  public boolean servesKind(String group, String kind) {
    for (String served : served.keySet()) {
      int space = served.indexOf(' ');
      if (served.substring(space + 1).equals(kind)
          && ApiLifecycle.group(served.substring(0, space)).equals(group)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code group} ({@code apps}, {@code ""} for the core group) belongs to Kubernetes
   * itself in any bundled release; false for a custom resource's group.
   */
  public static boolean isBuiltInGroup(String group) {
    return ApiLifecycle.get().isBuiltIn(group.isEmpty() ? "v1" : group + "/v1");
  }

  /**
   * How the field {@code pointer} names in an object of {@code apiVersion}/{@code kind} merges
   * under a strategic merge patch (see the class comment).
   *
   * @param pointer a JSON pointer from the object's root, {@code /spec/template/spec/containers};
   *     list items as an index, {@code *} or {@code -}
   * @return the field's merge metadata, {@link FieldMerge#NONE} when it has none; empty when this
   *     release does not serve the kind or its schema has no such field
   */
  public Optional<FieldMerge> merge(String apiVersion, String kind, String pointer) {
    return definitionOf(apiVersion, kind)
        .flatMap(this::schema)
        .flatMap(root -> SchemaPath.walk(root, pointer, this::schema))
        .map(s -> s.merge().orElse(FieldMerge.NONE));
  }

  /**
   * How {@code field} of the definition {@code definitionName} merges, e.g. {@code
   * io.k8s.api.core.v1.PodSpec} and {@code volumes}: merge key {@code name}, strategies {@code
   * merge} and {@code retainKeys}.
   *
   * @return the field's merge metadata, {@link FieldMerge#NONE} when it has none; empty when the
   *     release has no such definition or field
   */
  public Optional<FieldMerge> merge(String definitionName, String field) {
    return schema(definitionName)
        .flatMap(
            s -> Optional.ofNullable(SchemaPath.resolve(s, this::schema).properties().get(field)))
        .map(s -> s.merge().orElse(FieldMerge.NONE));
  }

  /** Every {@code apiVersion kind} this release serves. */
  Iterable<String> servedKinds() {
    return served.keySet();
  }

  /** The definition of a served kind, e.g. {@code io.k8s.api.apps.v1.Deployment}. */
  public Optional<String> definitionOf(String apiVersion, String kind) {
    String name = served.get(apiVersion + " " + kind);
    return name == null || name.isEmpty() ? Optional.empty() : Optional.of(name);
  }

  /** Whether this release has the OpenAPI definition {@code name}. */
  public boolean hasDefinition(String name) {
    return rawDefinitions.containsKey(name);
  }

  /** The schema of a definition, parsed on first use. */
  Optional<Schema> schema(String name) {
    return parsed.computeIfAbsent(
        name,
        n -> {
          String json = rawDefinitions.get(n);
          @SuppressWarnings("unchecked")
          Map<String, Object> raw =
              json == null
                  ? null
                  : (Map<String, Object>) dev.kubegenerate.fast.CompactJson.parse(json);
          return raw == null ? Optional.empty() : Optional.of(Schema.from(raw, false));
        });
  }

  /**
   * Validates a value from a YAML file against an OpenAPI definition of this release, as the API
   * server would decode it: unknown fields (strict), types, required fields, int-or-string and
   * quantities.
   *
   * <p>For a template parameter declared {@code kubernetesType:
   * io.k8s.api.core.v1.ResourceRequirements}, pass the parameter's value node as the config loader
   * holds it (snakeyaml-engine, with marks); for a list parameter call it once per item. Each
   * violation carries the line and column of the offending node in that file and its path below
   * {@code pathPrefix}, e.g. prefix {@code resources} gives {@code resources.requests.cpu}.
   *
   * @param definitionName an OpenAPI definition name, see {@link #hasDefinition}
   * @param value the value's node; a null node is valid (as an omitted field)
   * @param pathPrefix the value's own path, empty for none
   * @return the violations (rule {@code invalid}), in document order; empty when valid
   * @throws IllegalArgumentException when this release has no such definition
   */
  public List<Violation> validate(String definitionName, Node value, String pathPrefix) {
    Schema schema =
        schema(definitionName)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "Kubernetes " + version + " has no definition " + definitionName));
    List<Violation> out = new ArrayList<>();
    new SchemaValidator(
            this::schema, new Walk(out, Walk.MAX_VIOLATIONS), SchemaValidator.Policy.BUILT_IN)
        .validate(schema, value, FieldPath.root(pathPrefix), value);
    return out;
  }
}
