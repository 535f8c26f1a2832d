package dev.kubegenerate.generate;

import dev.kubegenerate.config.Config;
import dev.kubegenerate.config.Entry;
import dev.kubegenerate.config.Param;
import dev.kubegenerate.config.Patch;
import dev.kubegenerate.fast.JsonLiteral;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.render.Marker;
import dev.kubegenerate.template.TemplateSpec;
import dev.kubegenerate.yaml.NodeValues;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The whole-config {@code inputs=} fingerprint that releases before per-file inputs wrote (SPEC §4,
 * v2): the SHA-256 of everything the repository contributes to a file's config, entry and cluster,
 * and of nothing the tool contributes. Today's files carry {@link InputsFingerprint}'s instead;
 * this one is computed only to classify a file whose marker still holds it, which stays valid: a
 * file whose render changed while this fingerprint did not was changed by kube-generate alone
 * ({@code outdated}).
 *
 * <p>The fingerprinted text is one JSON object with its fields in this fixed order:
 *
 * <pre>
 * {"kube-generate-inputs":1,            the format of this text
 *  "app":"people",                      the app name (written or defaulted from the folder)
 *  "config":"kube-generate.yaml",       the config's file name, which the marker repeats
 *  "values":{...},                      every key of values:
 *  "template":"autoscale",
 *  "templateFiles":"<sha256>"|null,     a repository template's files; null for the tool's
 *  "entry":{...},                       the entry's parameters (not clusters, overrides, subdir)
 *  "cluster":"production",
 *  "kubernetesVersion":"1.34"|null,     the cluster's version as the config sets it; null: the tool's
 *  "override":{...},                    overrides.&lt;this cluster&gt;
 *  "path":"kubernetes/production/deployment-web.yaml"}   (holds outputDir and subdir)
 * </pre>
 *
 * <p>The path is the file's path from the config's folder, so a file's fingerprint is the same
 * whether the tool runs in the app's folder or at a monorepo's root with {@code --all}. Releases
 * before this one wrote the path from the folder the tool ran in; for a config in a subfolder that
 * gave another fingerprint, which {@link Former} computes, so such files are {@code outdated}, not
 * {@code stale}. For a config at the root both paths are the same text.
 *
 * <p>Parameter maps are written with their names sorted: which order a config lists parameters in
 * never reaches the output. A parameter's value keeps the config's order, because a template may
 * iterate over it (an {@code env} map becomes a list in that order). A parameter set to null
 * ({@code preStopSleep: null}, or nothing: {@code replicas:}) is in, as null: it leaves out what a
 * default or {@code values} would have written, so it is the repository's choice. Every key of
 * {@code values} is in, not only those the template declares: which parameters a template declares
 * is the tool's business, and a release that starts using a value must not turn the repository's
 * files {@code stale}. Template defaults are never in: they are the tool's.
 */
public final class WholeConfigInputs {

  /** The format number written first; a change of the text above changes it. */
  static final int FORMAT = 1;

  private final Config config;
  // the config's folder with a trailing slash, "" at the root: stripped from every path
  private final String folderPrefix;
  private final String configPart;
  // the digest of the parts every file shares, cloned per file: most files of a large repository
  // share their config's and entry's text, so only the cluster's part is hashed per file
  private final MessageDigest configDigest;

  /** The part every file of {@code config} shares. */
  public WholeConfigInputs(Config config) {
    this.config = config;
    this.folderPrefix = config.folder() == null ? "" : config.folder().value() + "/";
    this.configPart =
        "{\"kube-generate-inputs\":"
            + FORMAT
            + ",\"app\":"
            + JsonLiteral.canonical(config.app())
            + ",\"config\":"
            + JsonLiteral.canonical(config.fileName())
            + ",\"values\":"
            + parameters(config.values());
    this.configDigest = Marker.newSha256();
    configDigest.update(configPart.getBytes(StandardCharsets.UTF_8));
  }

  /** The fingerprints of the files of one entry. */
  public ForEntry forEntry(Entry entry, TemplateSpec template) {
    return new ForEntry(entry, configPart + entryPart(entry, template));
  }

  private static String entryPart(Entry entry, TemplateSpec template) {
    return ",\"template\":"
        + JsonLiteral.canonical(template.name())
        + ",\"templateFiles\":"
        + template.repositoryFiles().map(JsonLiteral::canonical).orElse("null")
        + ",\"entry\":"
        + parameters(entry.params())
        + patches("patches", entry.patches());
  }

  /**
   * An entry's or an override's patches, which are the repository's: only written when there are
   * some, so the fingerprint of every file without patches stays what earlier releases wrote.
   */
  static String patches(String field, List<Patch> patches) {
    if (patches.isEmpty()) {
      return "";
    }
    List<Object> shown = new java.util.ArrayList<>();
    for (Patch p : patches) {
      Map<String, Object> target = new java.util.LinkedHashMap<>();
      target.put("kind", p.kind());
      p.name().ifPresent(n -> target.put("name", n));
      Map<String, Object> item = new java.util.LinkedHashMap<>();
      item.put("target", target);
      p.merge().ifPresent(m -> item.put("merge", m));
      p.json().ifPresent(j -> item.put("json", j));
      shown.add(item);
    }
    return ",\"" + field + "\":" + JsonLiteral.canonical(shown);
  }

  private String filePart(Entry entry, String cluster, ManifestPath path) {
    return clusterPart(entry, cluster) + pathPart(fromConfig(path));
  }

  /**
   * The path from the config's folder: {@code outputDir} may lead out of it ({@code ../deploy}),
   * and the path then climbs out the same way from any folder the tool runs in.
   */
  private String fromConfig(ManifestPath path) {
    return InputsFingerprint.fromConfig(folderPrefix, path);
  }

  private String clusterPart(Entry entry, String cluster) {
    return ",\"cluster\":"
        + JsonLiteral.canonical(cluster)
        + ",\"kubernetesVersion\":"
        + config.versionOf(cluster).map(v -> JsonLiteral.canonical(v.toString())).orElse("null")
        + ",\"override\":"
        + parameters(entry.overrides().getOrDefault(cluster, Map.of()))
        + patches("overridePatches", entry.overridePatches().getOrDefault(cluster, List.of()));
  }

  private static String pathPart(String path) {
    return ",\"path\":" + JsonLiteral.canonical(path) + "}";
  }

  /** The fingerprinted text itself, for tests and for anyone checking the format. */
  String text(Entry entry, TemplateSpec template, String cluster, ManifestPath path) {
    return configPart + entryPart(entry, template) + filePart(entry, cluster, path);
  }

  /** One entry's share of the fingerprint; {@link #of} gives each of its files' fingerprints. */
  public final class ForEntry {
    private final Entry entry;
    // the config's and the entry's parts, which every file of the entry starts with
    private final String sharedPart;
    private final MessageDigest entryDigest;
    // and of the cluster's part, shared by the entry's files for that cluster
    private final Map<String, MessageDigest> clusterDigests = new java.util.HashMap<>();
    private final Map<String, String> clusterParts = new java.util.HashMap<>();

    private ForEntry(Entry entry, String sharedPart) {
      this.entry = entry;
      this.sharedPart = sharedPart;
      this.entryDigest = copy(configDigest);
      entryDigest.update(
          sharedPart.substring(configPart.length()).getBytes(StandardCharsets.UTF_8));
    }

    /** The fingerprint, lower-case hex, of the file at {@code path} for {@code cluster}. */
    public String of(String cluster, ManifestPath path) {
      MessageDigest digest =
          copy(
              clusterDigests.computeIfAbsent(
                  cluster,
                  c -> {
                    MessageDigest d = copy(entryDigest);
                    d.update(clusterPart(c).getBytes(StandardCharsets.UTF_8));
                    return d;
                  }));
      digest.update(pathPart(fromConfig(path)).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest());
    }

    /** The fingerprint releases before this one wrote for the same file; computed when asked. */
    public Former former(String cluster, ManifestPath path) {
      return new Former(sharedPart, clusterPart(cluster), path.value());
    }

    private String clusterPart(String cluster) {
      return clusterParts.computeIfAbsent(
          cluster, c -> WholeConfigInputs.this.clusterPart(entry, c));
    }
  }

  /**
   * The fingerprint of the same inputs as releases before this one wrote it: with the path from the
   * folder the tool ran in. Kept as its parts and hashed only when a file's fingerprint differs
   * from today's; equal when the parts are.
   */
  public static final class Former {
    private final String sharedPart;
    private final String clusterPart;
    private final String runPath;

    private Former(String sharedPart, String clusterPart, String runPath) {
      this.sharedPart = sharedPart;
      this.clusterPart = clusterPart;
      this.runPath = runPath;
    }

    /** The fingerprint, lower-case hex. */
    public String value() {
      return Marker.sha256(sharedPart + clusterPart + pathPart(runPath));
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Former f
          && f.runPath.equals(runPath)
          && f.clusterPart.equals(clusterPart)
          && f.sharedPart.equals(sharedPart);
    }

    @Override
    public int hashCode() {
      return 31 * runPath.hashCode() + clusterPart.hashCode();
    }
  }

  private static MessageDigest copy(MessageDigest digest) {
    try {
      return (MessageDigest) digest.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
    }
  }

  private static String parameters(Map<String, Param> params) {
    Map<String, Object> sorted = new TreeMap<>();
    for (Param p : params.values()) {
      sorted.put(p.name(), value(p));
    }
    return JsonLiteral.canonical(new LinkedHashMap<>(sorted));
  }

  static Object value(Param p) {
    try {
      return NodeValues.toJava(p.value());
    } catch (NodeValues.ValueException e) {
      // the config's loader reports the value itself; the fingerprint only needs to be stable
      return "!invalid:" + e.getMessage();
    }
  }
}
