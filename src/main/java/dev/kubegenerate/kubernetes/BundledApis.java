package dev.kubegenerate.kubernetes;

import dev.kubegenerate.model.KubernetesVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * The API data bundled in the jar ({@code kube-generate/kubernetes/api.txt.gz}, written by the
 * build-time tool described in its README): read once per process, definitions kept as text
 * until a manifest uses them.
 */
final class BundledApis {

  static final String RESOURCE = "/kube-generate/kubernetes/api.txt.gz";

  /** One row of the lifecycle table. */
  record Lifecycle(String deprecatedIn, String removedIn, String replacement) {}

  /** Each release and where its data comes from (a bundled document, or derived). */
  final Map<KubernetesVersion, String> releases = new TreeMap<>();
  /** Per release: {@code apiVersion kind} served, to its definition's name (may be empty). */
  final Map<KubernetesVersion, Map<String, String>> served = new HashMap<>();
  /** Per release: definition name to its JSON. */
  final Map<KubernetesVersion, Map<String, String>> definitions = new HashMap<>();
  final Map<String, Lifecycle> lifecycle = new LinkedHashMap<>();

  private BundledApis(String text) {
    Map<String, List<KubernetesVersion>> versionLists = new HashMap<>();
    for (String line : text.split("\n")) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      switch (f[0]) {
        case "release" -> {
          KubernetesVersion v = KubernetesVersion.of(f[1]);
          releases.put(v, f[2]);
          served.put(v, new HashMap<>());
          definitions.put(v, new HashMap<>());
        }
        case "kind" -> versionLists.computeIfAbsent(f[1], BundledApis::versions).forEach(v -> served.get(v).put(f[2], f[3]));
        case "lifecycle" -> lifecycle.put(f[1], new Lifecycle(f[2], f[3], f[4]));
        case "definition" -> versionLists.computeIfAbsent(f[1], BundledApis::versions).forEach(v -> definitions.get(v).put(f[2], f[3]));
        default -> throw new IllegalStateException("bundled API data: unknown line kind " + f[0]);
      }
    }
  }

  private static List<KubernetesVersion> versions(String list) {
    List<KubernetesVersion> out = new ArrayList<>();
    for (String v : list.split(",")) {
      out.add(KubernetesVersion.of(v));
    }
    return out;
  }

  /** The data, read on first use. */
  static BundledApis get() {
    return Holder.INSTANCE;
  }

  private static final class Holder {
    static final BundledApis INSTANCE = load();

    private static BundledApis load() {
      try (InputStream raw = BundledApis.class.getResourceAsStream(RESOURCE)) {
        if (raw == null) {
          throw new IllegalStateException("bundled API data missing: " + RESOURCE);
        }
        try (InputStream in = new GZIPInputStream(raw, 1 << 16)) {
          return new BundledApis(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
