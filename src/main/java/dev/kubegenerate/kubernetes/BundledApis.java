package dev.kubegenerate.kubernetes;

import dev.kubegenerate.model.KubernetesVersion;
import java.io.IOException;
import java.io.BufferedReader;
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
 * The API data bundled in the jar ({@code kube-generate/kubernetes/api.txt}, written by the
 * build-time tool described in its README): read once per process; a release's definitions are
 * indexed only when a manifest of that release is validated, and parsed only when used.
 *
 * <p>The file is plain text: the jar compresses it (to about 27 KB), and a change to it reviews
 * as a text diff.
 */
final class BundledApis {

  static final String RESOURCE = "/kube-generate/kubernetes/api.txt";

  /** One row of the lifecycle table. */
  record Lifecycle(String deprecatedIn, String removedIn, String replacement) {}

  /** One definition's text and the releases that share it. */
  private record Definition(String releases, String name, String json) {}

  /** Each release and where its data comes from (a bundled document, or derived). */
  final Map<KubernetesVersion, String> releases = new TreeMap<>();
  /** Per release: {@code apiVersion kind} served, to its definition's name (may be empty). */
  final Map<KubernetesVersion, Map<String, String>> served = new HashMap<>();
  final Map<String, Lifecycle> lifecycle = new LinkedHashMap<>();
  private final List<Definition> definitions = new ArrayList<>();

  private BundledApis(BufferedReader in) throws IOException {
    Map<String, List<KubernetesVersion>> versionLists = new HashMap<>();
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int tab = line.indexOf('\t');
      String kind = line.substring(0, tab);
      if (kind.equals("definition")) {
        // the JSON is most of the file: cut off the three fields before it, never split it
        int second = line.indexOf('\t', tab + 1);
        int third = line.indexOf('\t', second + 1);
        definitions.add(new Definition(line.substring(tab + 1, second), line.substring(second + 1, third), line.substring(third + 1)));
        continue;
      }
      String[] f = line.split("\t", -1);
      switch (kind) {
        case "release" -> {
          KubernetesVersion v = KubernetesVersion.of(f[1]);
          releases.put(v, f[2]);
          served.put(v, new HashMap<>());
        }
        case "kind" -> versionLists.computeIfAbsent(f[1], BundledApis::versions).forEach(v -> served.get(v).put(f[2], f[3]));
        case "lifecycle" -> lifecycle.put(f[1], new Lifecycle(f[2], f[3], f[4]));
        default -> throw new IllegalStateException("bundled API data: unknown line kind " + kind);
      }
    }
  }

  /** The definitions of one release, by name, as JSON text. */
  Map<String, String> definitions(KubernetesVersion version) {
    String wanted = version.toString();
    Map<String, String> out = new HashMap<>(1024);
    for (Definition d : definitions) {
      if (listed(d.releases(), wanted)) {
        out.put(d.name(), d.json());
      }
    }
    return out;
  }

  /** Whether the comma list {@code releases} names {@code wanted}. */
  private static boolean listed(String releases, String wanted) {
    int at = releases.indexOf(wanted);
    while (at >= 0) {
      int end = at + wanted.length();
      if ((at == 0 || releases.charAt(at - 1) == ',') && (end == releases.length() || releases.charAt(end) == ',')) {
        return true;
      }
      at = releases.indexOf(wanted, end);
    }
    return false;
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
      InputStream raw = BundledApis.class.getResourceAsStream(RESOURCE);
      if (raw == null) {
        throw new IllegalStateException("bundled API data missing: " + RESOURCE);
      }
      try (BufferedReader in = new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8), 1 << 16)) {
        return new BundledApis(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
