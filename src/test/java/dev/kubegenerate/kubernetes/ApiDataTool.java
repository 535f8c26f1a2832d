package dev.kubegenerate.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Build-time tool: turns the Kubernetes OpenAPI documents, pluto's lifecycle table and the enum
 * table read from Kubernetes' Go sources ({@link EnumTableTool}) into the compact API data bundled
 * with kube-generate ({@code kube-generate/kubernetes/}).
 *
 * <p>Run it with {@code ./mvnw -o test -Dtest=ApiDataToolTest -Dapidata.update=true} when the
 * reference data changes; the same test fails when the committed file is not what this tool writes.
 * The format is described in {@code src/main/resources/kube-generate/kubernetes/README.md}.
 */
public final class ApiDataTool {

  /** Only what validation and strategic merge read survives; descriptions are most of the bytes. */
  private static final Set<String> KEPT =
      Set.of(
          "type",
          "format",
          "properties",
          "required",
          "items",
          "$ref",
          "additionalProperties",
          "enum",
          "x-kubernetes-patch-merge-key",
          "x-kubernetes-patch-strategy",
          "x-kubernetes-list-type",
          "x-kubernetes-list-map-keys");

  private static final Pattern SPEC_NAME =
      Pattern.compile("kubernetes-(1\\.(\\d+))\\.(\\d+)\\.json\\.gz");

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private ApiDataTool() {}

  /** {@code java ... ApiDataTool DATA_DIR OUT_DIR}: writes the compact data. */
  public static void main(String[] args) throws IOException {
    for (Map.Entry<String, String> file : generate(Path.of(args[0])).entrySet()) {
      write(Path.of(args[1]).resolve(file.getKey()), file.getValue());
    }
  }

  /**
   * Writes one file of the data, gzipped when its name says so (no name, no time: same text, same
   * bytes).
   */
  static void write(Path file, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (file.getFileName().toString().endsWith(".gz")) {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      try (java.util.zip.GZIPOutputStream gz =
          new java.util.zip.GZIPOutputStream(out) {
            {
              def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
            }
          }) {
        gz.write(bytes);
      }
      bytes = out.toByteArray();
    }
    Files.write(file, bytes);
  }

  /** Reads one file of the data, gunzipped when its name says so. */
  static String read(Path file) throws IOException {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in =
            file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** One release read from its OpenAPI document. */
  private record Release(
      String version,
      String source,
      Set<String> served,
      Map<String, String> kinds,
      Map<String, String> definitions) {}

  /** The compact data's files, by name, for the reference data in {@code dataDir}. */
  public static Map<String, String> generate(Path dataDir) throws IOException {
    List<Path> specs = new ArrayList<>();
    try (var files = Files.list(dataDir.resolve("kubernetes-openapi"))) {
      files
          .filter(p -> SPEC_NAME.matcher(p.getFileName().toString()).matches())
          .forEach(specs::add);
    }
    specs.sort((a, b) -> Integer.compare(minor(a), minor(b)));
    TreeMap<Integer, Release> releases = new TreeMap<>();
    for (Path spec : specs) {
      Matcher m = SPEC_NAME.matcher(spec.getFileName().toString());
      m.matches();
      releases.put(
          Integer.parseInt(m.group(2)), read(m.group(1), m.group(1) + "." + m.group(3), spec));
    }
    List<Lifecycle> lifecycle = lifecycle(dataDir.resolve("pluto-versions.yaml"));
    // a release with no bundled document between two that have one is derived from both (README)
    for (int minor = releases.firstKey() + 1; minor < releases.lastKey(); minor++) {
      if (!releases.containsKey(minor)) {
        releases.put(
            minor,
            derive(
                minor,
                releases.floorEntry(minor).getValue(),
                releases.ceilingEntry(minor).getValue(),
                lifecycle));
      }
    }
    String enums = Files.readString(EnumTableTool.TABLE, StandardCharsets.UTF_8);
    return write(releases, lifecycle, enums);
  }

  private static int minor(Path spec) {
    Matcher m = SPEC_NAME.matcher(spec.getFileName().toString());
    return m.matches() ? Integer.parseInt(m.group(2)) : 0;
  }

  private static Release read(String version, String source, Path spec) throws IOException {
    JsonNode doc;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(spec))) {
      doc = JSON.readTree(in);
    }
    Set<String> served = new TreeSet<>();
    Map<String, String> kinds = new TreeMap<>();
    for (JsonNode path : doc.get("paths")) {
      for (JsonNode operation : path) {
        JsonNode gvk = operation.get("x-kubernetes-group-version-kind");
        if (gvk != null) {
          served.add(key(gvk));
        }
      }
    }
    Map<String, String> definitions = new TreeMap<>();
    Iterator<Map.Entry<String, JsonNode>> defs = doc.get("definitions").fields();
    while (defs.hasNext()) {
      Map.Entry<String, JsonNode> d = defs.next();
      definitions.put(d.getKey(), JSON.writeValueAsString(strip(d.getValue())));
      JsonNode gvks = d.getValue().get("x-kubernetes-group-version-kind");
      if (gvks != null) {
        for (JsonNode gvk : gvks) {
          if (served.contains(key(gvk))) {
            kinds.put(key(gvk), d.getKey());
          }
        }
      }
    }
    return new Release(version, source, served, kinds, reachable(kinds.values(), definitions));
  }

  private static final Pattern REF = Pattern.compile("\"\\$ref\":\"([^\"]+)\"");

  /**
   * Only definitions a served kind uses, directly or through others: nothing else is ever
   * validated.
   */
  private static Map<String, String> reachable(
      java.util.Collection<String> roots, Map<String, String> definitions) {
    Map<String, String> out = new TreeMap<>();
    java.util.Deque<String> todo = new java.util.ArrayDeque<>(roots);
    while (!todo.isEmpty()) {
      String name = todo.pop();
      String body = definitions.get(name);
      if (body == null || out.containsKey(name)) {
        continue;
      }
      out.put(name, body);
      Matcher m = REF.matcher(body);
      while (m.find()) {
        todo.push(m.group(1));
      }
    }
    return out;
  }

  /**
   * {@code policy/v1 PodDisruptionBudget}, {@code v1 Pod}: the apiVersion and kind of a manifest.
   */
  private static String key(JsonNode gvk) {
    String group = gvk.get("group").asText();
    String version = gvk.get("version").asText();
    return (group.isEmpty() ? version : group + "/" + version) + " " + gvk.get("kind").asText();
  }

  private static JsonNode strip(JsonNode schema) {
    ObjectNode out = JSON.createObjectNode();
    for (String field : new TreeSet<>(KEPT)) {
      JsonNode value = schema.get(field);
      // a list without a list type is atomic, for server-side apply as for strategic merge
      if (value == null
          || field.equals("x-kubernetes-list-type") && value.asText().equals("atomic")) {
        continue;
      }
      switch (field) {
        case "properties" -> {
          ObjectNode props = JSON.createObjectNode();
          new TreeMap<String, JsonNode>(toMap(value)).forEach((k, v) -> props.set(k, strip(v)));
          out.set(field, props);
        }
        case "items", "additionalProperties" ->
            out.set(field, value.isObject() ? strip(value) : value);
        case "$ref" -> out.put(field, value.asText().replace("#/definitions/", ""));
        default -> out.set(field, value);
      }
    }
    return out;
  }

  private static Map<String, JsonNode> toMap(JsonNode object) {
    Map<String, JsonNode> map = new LinkedHashMap<>();
    object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue()));
    return map;
  }

  /** One row of the lifecycle table, Kubernetes' own APIs only (other components version apart). */
  private record Lifecycle(
      String apiVersion, String kind, String deprecatedIn, String removedIn, String replacement) {
    String key() {
      return apiVersion + " " + kind;
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Lifecycle> lifecycle(Path table) throws IOException {
    Map<String, Object> doc =
        (Map<String, Object>)
            new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(table, StandardCharsets.UTF_8));
    List<Lifecycle> out = new ArrayList<>();
    for (Map<String, Object> row : (List<Map<String, Object>>) doc.get("deprecated-versions")) {
      if (!"k8s".equals(row.get("component"))) {
        continue;
      }
      out.add(
          new Lifecycle(
              String.valueOf(row.get("version")),
              String.valueOf(row.get("kind")),
              minorOf(row.get("deprecated-in")),
              minorOf(row.get("removed-in")),
              row.get("replacement-api") == null
                  ? ""
                  : String.valueOf(row.get("replacement-api"))));
    }
    out.sort((a, b) -> a.key().compareTo(b.key()));
    return out;
  }

  /** {@code v1.25.0} to {@code 1.25}; empty when the table leaves it open. */
  private static String minorOf(Object release) {
    if (release == null || String.valueOf(release).isBlank()) {
      return "";
    }
    Matcher m = Pattern.compile("v?(\\d+)\\.(\\d+).*").matcher(String.valueOf(release).strip());
    return m.matches() ? m.group(1) + "." + m.group(2) : "";
  }

  /**
   * A release without a bundled document: serves what either neighbour serves, unless the lifecycle
   * table says it was removed by then (unknown is served: a required check must not invent a
   * removal); definitions come from the older neighbour, new ones from the newer.
   */
  private static Release derive(
      int minor, Release older, Release newer, List<Lifecycle> lifecycle) {
    Set<String> served = new TreeSet<>(older.served());
    served.addAll(newer.served());
    for (Lifecycle row : lifecycle) {
      if (!row.removedIn().isEmpty() && Integer.parseInt(row.removedIn().substring(2)) <= minor) {
        served.remove(row.key());
      }
    }
    Map<String, String> kinds = new TreeMap<>(newer.kinds());
    kinds.putAll(older.kinds());
    kinds.keySet().retainAll(served);
    Map<String, String> definitions = new TreeMap<>(newer.definitions());
    definitions.putAll(older.definitions());
    return new Release(
        "1." + minor,
        "derived from " + older.source() + ", " + newer.source() + " and the lifecycle table",
        served,
        kinds,
        definitions);
  }

  /**
   * A definition with the enum values of its fields (the release's rows of the enum table): on the
   * field, or on its items for a list. Keys stay sorted, as {@link #strip} writes them.
   */
  static String withEnums(String json, Map<String, List<String>> fields) throws IOException {
    ObjectNode definition = (ObjectNode) JSON.readTree(json);
    JsonNode properties = definition.get("properties");
    boolean changed = false;
    for (Map.Entry<String, List<String>> field : fields.entrySet()) {
      JsonNode property = properties == null ? null : properties.get(field.getKey());
      if (property == null) {
        continue;
      }
      JsonNode target = property.has("items") ? property.get("items") : property;
      if (target instanceof ObjectNode o && "string".equals(o.path("type").asText())) {
        com.fasterxml.jackson.databind.node.ArrayNode values = o.putArray("enum");
        field.getValue().forEach(values::add);
        changed = true;
      }
    }
    return changed ? JSON.writeValueAsString(sorted(definition)) : json;
  }

  private static JsonNode sorted(JsonNode node) {
    if (node instanceof ObjectNode o) {
      ObjectNode out = JSON.createObjectNode();
      new TreeMap<>(toMap(o)).forEach((k, v) -> out.set(k, sorted(v)));
      return out;
    }
    return node;
  }

  /** {@code api.txt} and one definitions file per release. */
  private static Map<String, String> write(
      TreeMap<Integer, Release> releases, List<Lifecycle> lifecycle, String enumTable)
      throws IOException {
    Map<String, String> files = new TreeMap<>();
    StringBuilder api = new StringBuilder();
    api.append(
        "# kube-generate Kubernetes API data; generated by ApiDataTool, do not edit (README.md)\n");
    for (Release r : releases.values()) {
      api.append("release\t").append(r.version()).append('\t').append(r.source()).append('\n');
    }
    Map<String, List<String>> kindLines = new TreeMap<>();
    for (Release r : releases.values()) {
      for (String served : r.served()) {
        kindLines
            .computeIfAbsent(
                served + "\t" + r.kinds().getOrDefault(served, ""), k -> new ArrayList<>())
            .add(r.version());
      }
      StringBuilder defs =
          new StringBuilder(
              "# the OpenAPI definitions of Kubernetes "
                  + r.version()
                  + " that validation reads; generated by ApiDataTool, do not edit (README.md)\n");
      Map<String, Map<String, List<String>>> enums =
          EnumTableTool.forRelease(enumTable, r.version());
      for (Map.Entry<String, String> d : r.definitions().entrySet()) {
        String body =
            enums.containsKey(d.getKey())
                ? withEnums(d.getValue(), enums.get(d.getKey()))
                : d.getValue();
        defs.append(d.getKey()).append('\t').append(body).append('\n');
      }
      files.put("definitions-" + r.version() + ".txt.gz", defs.toString());
    }
    kindLines.forEach(
        (line, versions) ->
            api.append("kind\t")
                .append(String.join(",", versions))
                .append('\t')
                .append(line)
                .append('\n'));
    for (Lifecycle row : lifecycle) {
      api.append("lifecycle\t")
          .append(row.apiVersion())
          .append(' ')
          .append(row.kind())
          .append('\t')
          .append(row.deprecatedIn())
          .append('\t')
          .append(row.removedIn())
          .append('\t')
          .append(row.replacement())
          .append('\n');
    }
    files.put("api.txt", api.toString());
    return files;
  }
}
