package dev.kubegenerate.generate;

import dev.kubegenerate.config.Config;
import dev.kubegenerate.config.Entry;
import dev.kubegenerate.config.Param;
import dev.kubegenerate.config.Patch;
import dev.kubegenerate.fast.JsonLiteral;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.render.Marker;
import dev.kubegenerate.template.TemplateSpec;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code inputs=} fingerprint of a generated file (SPEC §4, §8.3): the SHA-256 of what the
 * repository contributes to this one file, and of nothing the tool contributes. A file whose render
 * changed while this fingerprint, recomputed over the names its marker records, did not was changed
 * by kube-generate alone ({@code outdated}); a change the file's render did not read leaves the
 * file byte-identical.
 *
 * <p>The fingerprinted text is one JSON object with its fields in this fixed order:
 *
 * <pre>
 * {"kube-generate-inputs":2,             the format of this text
 *  "config":"kube-generate.yaml",        the config's file name, which the marker repeats
 *  "path":"kubernetes/production/deployment-web.yaml",   from the config's folder
 *  "template":"autoscale",
 *  "templateFiles":"&lt;sha256&gt;"|null,      a repository template's files; null for the tool's
 *  "cluster":"production",
 *  "kubernetesVersion":"1.34"|null,      the cluster's version as the config sets it; null: the tool's
 *  "set":{"app":"people","image":...},   each config key the render read (the marker's reads=, sorted)
 *                                        that the config gives a value, with that value
 *  "patches":[...]}                      the patches whose target is an object of this file, if any
 * </pre>
 *
 * <p>A read name is a parameter ({@code values}, the entry and {@code overrides.<cluster>} merged
 * as parameters merge, maps key by key; never the template's default, which is the tool's), {@code
 * app}, or, for a pod whose template carries ConfigMap hashes, {@code configMap/<name>} (whether
 * this config renders that ConfigMap for the pod's cluster and namespace) and {@code
 * configMap/<name>/<key>} for each key that ConfigMap's render read, valued as that ConfigMap's
 * entry gives it. A parameter set to null is in, as null: it leaves out what a default or {@code
 * values} would have written, so it is the repository's choice. Parameter values keep the config's
 * order, because a template may iterate over them.
 */
public final class InputsFingerprint {

  /** The format number written first; a change of the text above changes it. */
  static final int FORMAT = 2;

  /** How the names of a ConfigMap's reads start. */
  static final String CONFIG_MAP = "configMap/";

  private final Config config;
  // the config's folder with a trailing slash, "" at the root: stripped from every path
  private final String folderPrefix;
  private final String configPart;
  // the JSON text of each name the config gives, per entry and cluster: a thousand apps' files
  // read some seventy names each, and most of them the config gives nothing
  private final Map<Entry, Map<String, Given>> given = new IdentityHashMap<>();
  // each parameter's value as the config writes it, converted once: values serve every entry
  private final Map<Param, Object> converted = new IdentityHashMap<>();
  private final Map<Param, String> written = new IdentityHashMap<>();
  private ConfigMapHashes configMaps = new ConfigMapHashes();
  private WholeConfigInputs wholeConfig;
  private final Map<Entry, WholeConfigInputs.ForEntry> wholeConfigByEntry = new IdentityHashMap<>();

  public InputsFingerprint(Config config) {
    this.config = config;
    this.folderPrefix = config.folder() == null ? "" : config.folder().value() + "/";
    this.configPart =
        "{\"kube-generate-inputs\":"
            + FORMAT
            + ",\"config\":"
            + JsonLiteral.canonical(config.fileName());
  }

  /** The ConfigMaps whose reads a pod's {@code configMap/...} names stand for. */
  void configMaps(ConfigMapHashes hashes) {
    this.configMaps = hashes;
  }

  /**
   * A file's inputs.
   *
   * @param patches the patches of the entry and the cluster whose target is an object of the file
   * @param reads the config keys its render read
   * @param namespace the namespace the entry's pods are in, where their ConfigMaps are looked up
   */
  FileInputs file(
      Entry entry,
      TemplateSpec template,
      String cluster,
      ManifestPath path,
      List<Patch> patches,
      ReadSet reads,
      String namespace) {
    return new FileInputs(this, entry, template, cluster, path, patches, reads, namespace);
  }

  /** The fingerprint of {@code file} over {@code names}, lower-case hex. */
  String fingerprint(FileInputs file, ReadSet names) {
    return Marker.sha256(text(file, names));
  }

  /** The fingerprinted text itself, for tests and for anyone checking the format. */
  synchronized String text(FileInputs file, ReadSet names) {
    Given given = given(file.entry(), file.cluster());
    StringBuilder out = new StringBuilder(256);
    out.append(configPart)
        .append(",\"path\":")
        .append(JsonLiteral.canonical(fromConfig(file.path())))
        .append(",\"template\":")
        .append(JsonLiteral.canonical(file.template().name()))
        .append(",\"templateFiles\":")
        .append(file.template().repositoryFiles().map(JsonLiteral::canonical).orElse("null"))
        .append(",\"cluster\":")
        .append(JsonLiteral.canonical(file.cluster()))
        .append(",\"kubernetesVersion\":")
        .append(
            config
                .versionOf(file.cluster())
                .map(v -> JsonLiteral.canonical(v.toString()))
                .orElse("null"))
        .append(",\"set\":{");
    // the few names the config gives, looked up among the many read: sorted, as the marker is
    java.util.SortedSet<String> found = given.names();
    if (!names.configMaps().isEmpty()) {
      found = new java.util.TreeSet<>(found);
      found.addAll(names.configMaps());
    }
    String comma = "";
    for (String name : found) {
      if (names.contains(name)) {
        String value = given.entry(name, file);
        if (!value.isEmpty()) {
          out.append(comma).append(value);
          comma = ",";
        }
      }
    }
    out.append('}').append(WholeConfigInputs.patches("patches", file.patches())).append('}');
    return out.toString();
  }

  /**
   * What the config gives an entry's files in a cluster: the names it sets ({@code app}, and every
   * parameter of {@code values}, the entry or the override), sorted, and each name's {@code
   * "name":value} text once asked ({@code ""} when a {@code configMap/...} name has none).
   */
  private final class Given {
    private final Entry entry;
    private final String cluster;
    private final java.util.SortedSet<String> names;
    private final Map<String, String> texts = new HashMap<>();

    Given(Entry entry, String cluster) {
      this.entry = entry;
      this.cluster = cluster;
      java.util.SortedSet<String> set = new java.util.TreeSet<>(config.values().keySet());
      set.addAll(entry.params().keySet());
      set.addAll(entry.overrides().getOrDefault(cluster, Map.of()).keySet());
      set.add("app");
      this.names = java.util.Collections.unmodifiableSortedSet(set);
    }

    java.util.SortedSet<String> names() {
      return names;
    }

    String entry(String name, FileInputs file) {
      // a ConfigMap is the file's cluster's, whichever clusters share this
      boolean configMap = name.startsWith(CONFIG_MAP);
      return texts.computeIfAbsent(
          configMap ? file.cluster() + "\n" + name : name,
          k -> {
            String value =
                configMap
                    ? json(value(entry, file.cluster(), file.namespace(), name))
                    : parameterJson(entry, cluster, name);
            return value.isEmpty() ? "" : JsonLiteral.canonical(name) + ":" + value;
          });
    }
  }

  private Given given(Entry entry, String cluster) {
    Map<String, Given> byCluster = given.computeIfAbsent(entry, e -> new HashMap<>());
    // the clusters without an override of their own give the same: one for them all
    String key = entry.overrides().containsKey(cluster) ? cluster : "";
    return byCluster.computeIfAbsent(key, k -> new Given(entry, cluster));
  }

  private static String json(Object given) {
    return given == NOT_GIVEN ? "" : JsonLiteral.canonical(given == NULL ? null : given);
  }

  /** What the config gives {@code name}: {@link #NOT_GIVEN}, {@link #NULL}, or the value. */
  private Object value(Entry entry, String cluster, String namespace, String name) {
    if (name.startsWith(CONFIG_MAP)) {
      return configMap(cluster, namespace, name.substring(CONFIG_MAP.length()));
    }
    if (name.equals("app")) {
      return config.app();
    }
    return parameter(entry, cluster, name);
  }

  /**
   * The JSON text of a parameter (or {@code app}): a value one level alone sets is written once for
   * every entry it reaches (most of {@code values}).
   */
  private String parameterJson(Entry entry, String cluster, String name) {
    if (name.equals("app")) {
      return JsonLiteral.canonical(config.app());
    }
    Param only = null;
    int levels = 0;
    for (Map<String, Param> level :
        List.of(
            config.values(), entry.params(), entry.overrides().getOrDefault(cluster, Map.of()))) {
      Param p = level.get(name);
      if (p != null) {
        only = p;
        levels++;
      }
    }
    if (levels == 1) {
      return written.computeIfAbsent(
          only,
          p -> json(merge(NOT_GIVEN, converted.computeIfAbsent(p, WholeConfigInputs::value))));
    }
    return json(parameter(entry, cluster, name));
  }

  /** A parameter as {@code values}, the entry and the cluster's override give it, merged. */
  private Object parameter(Entry entry, String cluster, String name) {
    Object merged = NOT_GIVEN;
    for (Map<String, Param> level :
        List.of(
            config.values(), entry.params(), entry.overrides().getOrDefault(cluster, Map.of()))) {
      Param p = level.get(name);
      if (p != null) {
        merged = merge(merged, converted.computeIfAbsent(p, WholeConfigInputs::value));
      }
    }
    return merged;
  }

  private static final Object NOT_GIVEN = new Object();
  private static final Object NULL = new Object();

  /**
   * {@code configMap/<name>}: whether this config renders it; {@code configMap/<name>/<key>}: what
   * that ConfigMap's entry gives the key.
   */
  private Object configMap(String cluster, String namespace, String rest) {
    // a ConfigMap's name has no slash (a DNS subdomain): the first one ends it
    int slash = rest.indexOf('/');
    String name = slash < 0 ? rest : rest.substring(0, slash);
    Optional<ConfigMapHashes.Source> source = configMaps.source(cluster, namespace, name);
    if (source.isEmpty()) {
      return NOT_GIVEN;
    }
    if (slash < 0) {
      return true;
    }
    String key = rest.substring(slash + 1);
    if (key.startsWith(CONFIG_MAP)) {
      return NOT_GIVEN; // a ConfigMap's own render carries no ConfigMap hash
    }
    return value(source.get().entry(), cluster, namespace, key);
  }

  /**
   * Parameters merge as {@link ParameterResolver} merges them: maps key by key, anything else
   * replaced; a null parameter is {@link #NULL}.
   */
  private static Object merge(Object old, Object now) {
    return now == null ? NULL : mergeValue(old, now);
  }

  @SuppressWarnings("unchecked")
  private static Object mergeValue(Object old, Object now) {
    if (old instanceof Map<?, ?> before && now instanceof Map<?, ?> after) {
      Map<Object, Object> out = new LinkedHashMap<>((Map<Object, Object>) before);
      for (Map.Entry<?, ?> e : after.entrySet()) {
        Object key = e.getKey();
        out.put(key, out.containsKey(key) ? mergeValue(out.get(key), e.getValue()) : e.getValue());
      }
      return out;
    }
    return now;
  }

  /**
   * The path from the config's folder: {@code outputDir} may lead out of it ({@code ../deploy}),
   * and the path then climbs out the same way from any folder the tool runs in.
   */
  private String fromConfig(ManifestPath path) {
    return fromConfig(folderPrefix, path);
  }

  /** {@code path} from the folder {@code folderPrefix} names (empty, or ending in a slash). */
  static String fromConfig(String folderPrefix, ManifestPath path) {
    String value = path.value();
    if (value.startsWith(folderPrefix)) {
      return value.substring(folderPrefix.length());
    }
    return java.nio.file.Path.of(folderPrefix)
        .relativize(java.nio.file.Path.of(value))
        .toString()
        .replace('\\', '/');
  }

  /**
   * Whether {@code marked} is the whole-config fingerprint a release before per-file inputs wrote
   * for this file (today's, or with the path from where it ran): computed only for such a marker.
   */
  synchronized boolean wholeConfig(FileInputs file, String marked) {
    if (wholeConfig == null) {
      wholeConfig = new WholeConfigInputs(config);
    }
    WholeConfigInputs.ForEntry forEntry =
        wholeConfigByEntry.computeIfAbsent(
            file.entry(), e -> wholeConfig.forEntry(e, file.template()));
    return marked.equals(forEntry.of(file.cluster(), file.path()))
        || marked.equals(forEntry.former(file.cluster(), file.path()).value());
  }
}
