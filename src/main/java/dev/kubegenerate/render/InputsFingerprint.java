package dev.kubegenerate.render;

import dev.kubegenerate.config.Config;
import dev.kubegenerate.config.Entry;
import dev.kubegenerate.config.NodeValues;
import dev.kubegenerate.config.Param;
import dev.kubegenerate.model.ManifestPath;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code inputs=} fingerprint of a generated file (SPEC §4): the SHA-256 of everything the
 * repository contributes to it, and of nothing the tool contributes, so a file whose render
 * changed while its fingerprint did not was changed by kube-generate alone ({@code outdated}).
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
 *  "override":{...},                    overrides.&lt;this cluster&gt;
 *  "path":"kubernetes/production/deployment-web.yaml"}   (holds outputDir and subdir)
 * </pre>
 *
 * <p>Parameter maps are written with their names sorted: which order a config lists parameters in
 * never reaches the output. A parameter's value keeps the config's order, because a template may
 * iterate over it (an {@code env} map becomes a list in that order). A parameter set to nothing
 * ({@code replicas:}) means "use the default" and is left out, as if not written. Every key of
 * {@code values} is in, not only those the template declares: which parameters a template
 * declares is the tool's business, and a release that starts using a value must not turn the
 * repository's files {@code stale}. Template defaults are never in: they are the tool's.
 */
public final class InputsFingerprint {

  /** The format number written first; a change of the text above changes it. */
  static final int FORMAT = 1;

  private final String configPart;

  /** The part every file of {@code config} shares. */
  public InputsFingerprint(Config config) {
    this.configPart = "{\"kube-generate-inputs\":" + FORMAT
        + ",\"app\":" + JsonLiteral.canonical(config.app())
        + ",\"config\":" + JsonLiteral.canonical(config.fileName())
        + ",\"values\":" + parameters(config.values());
  }

  /** The part every file of {@code entry} shares; pass it to {@link #of}. */
  public String entryPart(Entry entry, TemplateSpec template) {
    return ",\"template\":" + JsonLiteral.canonical(template.name())
        + ",\"templateFiles\":" + template.repositoryFiles().map(JsonLiteral::canonical).orElse("null")
        + ",\"entry\":" + parameters(entry.params());
  }

  /** The fingerprint, lower-case hex, of one file of an entry. */
  public String of(String entryPart, Entry entry, String cluster, ManifestPath path) {
    return Marker.sha256(text(entryPart, entry, cluster, path));
  }

  /** The fingerprinted text itself, for tests and for anyone checking the format. */
  String text(String entryPart, Entry entry, String cluster, ManifestPath path) {
    return configPart + entryPart
        + ",\"cluster\":" + JsonLiteral.canonical(cluster)
        + ",\"override\":" + parameters(entry.overrides().getOrDefault(cluster, Map.of()))
        + ",\"path\":" + JsonLiteral.canonical(path.value()) + "}";
  }

  private static String parameters(Map<String, Param> params) {
    Map<String, Object> sorted = new TreeMap<>();
    for (Param p : params.values()) {
      Object value = value(p);
      if (value != null) {
        sorted.put(p.name(), value);
      }
    }
    return JsonLiteral.canonical(new LinkedHashMap<>(sorted));
  }

  private static Object value(Param p) {
    try {
      return NodeValues.toJava(p.value());
    } catch (NodeValues.ValueException e) {
      // the config's loader reports the value itself; the fingerprint only needs to be stable
      return "!invalid:" + e.getMessage();
    }
  }
}
