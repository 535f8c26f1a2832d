package dev.kubegenerate.kubernetes;

import dev.kubegenerate.model.KubernetesVersion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The API data bundled in the jar ({@code kube-generate/kubernetes/}, written by the build-time
 * tool described in its README): {@code api.txt} is read once per process; a release's {@code
 * definitions-<release>.txt.gz} only when a manifest of that release is validated, and each
 * definition is parsed only when used.
 */
final class BundledApis {

  static final String FOLDER = "/kube-generate/kubernetes/";

  /** One row of the lifecycle table. */
  record Lifecycle(String deprecatedIn, String removedIn, String replacement) {}

  /** Each release and where its data comes from (a bundled document, or derived). */
  final Map<KubernetesVersion, String> releases = new TreeMap<>();

  /** Per release: {@code apiVersion kind} served, to its definition's name (may be empty). */
  final Map<KubernetesVersion, Map<String, String>> served = new HashMap<>();

  final Map<String, Lifecycle> lifecycle = new LinkedHashMap<>();

  private BundledApis(BufferedReader in) throws IOException {
    Map<String, List<KubernetesVersion>> versionLists = new HashMap<>();
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      String kind = f[0];
      switch (kind) {
        case "release" -> {
          KubernetesVersion v = KubernetesVersion.of(f[1]);
          releases.put(v, f[2]);
          served.put(v, new HashMap<>());
        }
        case "kind" ->
            versionLists
                .computeIfAbsent(f[1], BundledApis::versions)
                .forEach(v -> served.get(v).put(f[2], f[3]));
        case "lifecycle" -> lifecycle.put(f[1], new Lifecycle(f[2], f[3], f[4]));
        default -> throw new IllegalStateException("bundled API data: unknown line kind " + kind);
      }
    }
  }

  /** The definitions of one release, by name, as JSON text. */
  Map<String, String> definitions(KubernetesVersion version) {
    Map<String, String> out = new HashMap<>(1024);
    try (BufferedReader in = open("definitions-" + version + ".txt.gz")) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        int tab = line.indexOf('\t');
        if (tab > 0 && !line.startsWith("#")) {
          out.put(line.substring(0, tab), line.substring(tab + 1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static BufferedReader open(String name) {
    InputStream raw = BundledApis.class.getResourceAsStream(FOLDER + name);
    if (raw == null) {
      throw new IllegalStateException("bundled API data missing: " + FOLDER + name);
    }
    try {
      InputStream in = name.endsWith(".gz") ? new java.util.zip.GZIPInputStream(raw, 1 << 16) : raw;
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
      try (BufferedReader in = open("api.txt")) {
        return new BundledApis(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
