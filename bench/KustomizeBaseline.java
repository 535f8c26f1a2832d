import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Builds the kustomize side of the benchmark's baseline: for each app of a rendered repository,
 * a base plus one overlay per cluster whose {@code kubectl kustomize} output is the same set of
 * objects as kube-generate's render of that cluster.
 *
 * <p>Per app, {@code OUT/apps/APP/base} and {@code OUT/apps/APP/overlays/CLUSTER}; per cluster,
 * {@code OUT/clusters/CLUSTER} over every app's overlay of that cluster. The base holds the objects every cluster has (in the version most clusters share); an
 * overlay adds the objects only some clusters have, and patches the rest with strategic-merge
 * patches that carry only the fields that differ - the layout a team writing kustomize by hand
 * would use. Deriving it from the render, rather than writing a second set of templates, keeps
 * the two sides equal as the templates change, and {@code verify} proves it.
 *
 * <pre>
 * java -cp target/kube-generate.jar bench/KustomizeBaseline.java build REPO OUT
 * java -cp target/kube-generate.jar bench/KustomizeBaseline.java verify REPO RENDERED
 * </pre>
 *
 * where RENDERED holds {@code APP/CLUSTER.yaml}, the output of {@code kubectl kustomize} for
 * that overlay. {@code verify-names} checks only that both sides hold objects of the same kinds,
 * namespaces and names: for a kustomize side written by hand (an app's own manifests before
 * {@code kube-generate import}, which adds labels and the values the API server stores).
 *
 * (snakeyaml-engine comes from the shaded jar, so nothing else is needed.)
 */
public final class KustomizeBaseline {

  private KustomizeBaseline() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 3 && args[0].equals("build")) {
      build(Path.of(args[1]), Path.of(args[2]));
    } else if (args.length == 3 && args[0].equals("verify")) {
      System.exit(verifyAll(Path.of(args[1]), Path.of(args[2]), false) ? 0 : 1);
    } else if (args.length == 3 && args[0].equals("verify-names")) {
      System.exit(verifyAll(Path.of(args[1]), Path.of(args[2]), true) ? 0 : 1);
    } else {
      System.err.println(
          "usage: KustomizeBaseline build REPO OUT | verify REPO RENDERED | verify-names REPO RENDERED");
      System.exit(2);
    }
  }

  /** Writes the base and overlays of every app under REPO/apps, and one root per cluster. */
  static void build(Path repo, Path out) throws IOException {
    int apps = 0;
    int objects = 0;
    Map<String, List<String>> overlaysByCluster = new TreeMap<>();
    for (Path app : list(repo.resolve("apps"))) {
      Map<String, Map<String, Object>> byCluster = clusters(app);
      String name = app.getFileName().toString();
      objects += writeApp(byCluster, out.resolve("apps").resolve(name));
      byCluster.keySet().forEach(c ->
          overlaysByCluster.computeIfAbsent(c, k -> new ArrayList<>()).add("../../apps/" + name + "/overlays/" + c));
      apps++;
    }
    // one root per cluster over every app's overlay: a whole monorepo in one kustomize process,
    // as --all renders it in one kube-generate process (objects of different apps live in
    // different namespaces, so they never collide)
    for (Map.Entry<String, List<String>> c : overlaysByCluster.entrySet()) {
      writeKustomization(out.resolve("clusters").resolve(c.getKey()), c.getValue(), List.of());
    }
    System.out.println("kustomize baseline: " + apps + " apps, " + objects + " objects under " + out);
  }

  /** Objects of each cluster of one app, by kind/namespace/name, read from its outputDir. */
  static Map<String, Map<String, Object>> clusters(Path app) throws IOException {
    Map<String, Map<String, Object>> byCluster = new TreeMap<>();
    for (Path cluster : list(app.resolve("kubernetes"))) {
      Map<String, Object> objects = new TreeMap<>();
      try (Stream<Path> files = Files.walk(cluster)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
          readObjects(Files.readString(f, StandardCharsets.UTF_8), objects);
        }
      }
      byCluster.put(cluster.getFileName().toString(), objects);
    }
    return byCluster;
  }

  @SuppressWarnings("unchecked")
  private static void readObjects(String yaml, Map<String, Object> into) {
    for (Object doc : new Load(LoadSettings.builder().build()).loadAllFromString(yaml)) {
      if (doc instanceof Map<?, ?> m) {
        into.put(id((Map<String, Object>) m), m);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static String id(Map<String, Object> object) {
    Map<String, Object> meta = (Map<String, Object>) object.getOrDefault("metadata", Map.of());
    return object.get("kind") + "/" + meta.getOrDefault("namespace", "") + "/" + meta.get("name");
  }

  private static int writeApp(Map<String, Map<String, Object>> byCluster, Path dir)
      throws IOException {
    Set<String> common = null;
    for (Map<String, Object> objects : byCluster.values()) {
      if (common == null) {
        common = new HashSet<>(objects.keySet());
      } else {
        common.retainAll(objects.keySet());
      }
    }
    common = common == null ? Set.of() : common;

    Map<String, Object> base = new TreeMap<>();
    for (String id : common) {
      base.put(id, majority(byCluster, id));
    }
    Path baseDir = dir.resolve("base");
    writeKustomization(baseDir, writeObjects(baseDir, base), List.of());

    int objects = 0;
    for (Map.Entry<String, Map<String, Object>> c : byCluster.entrySet()) {
      Path overlay = dir.resolve("overlays").resolve(c.getKey());
      Map<String, Object> own = new TreeMap<>();
      Map<String, Object> patches = new TreeMap<>();
      for (Map.Entry<String, Object> o : c.getValue().entrySet()) {
        Object inBase = base.get(o.getKey());
        if (inBase == null) {
          own.put(o.getKey(), o.getValue());
        } else if (!inBase.equals(o.getValue())) {
          patches.put(o.getKey(), patch(inBase, o.getValue()));
        }
      }
      List<String> resources = new ArrayList<>(List.of("../../base"));
      resources.addAll(writeObjects(overlay, own));
      List<String> patchFiles = writeObjects(overlay.resolve("patches"), patches).stream()
          .map(f -> "patches/" + f).toList();
      writeKustomization(overlay, resources, patchFiles);
      objects += c.getValue().size();
    }
    return objects;
  }

  /** The version of an object that most clusters share, so the fewest overlays patch it. */
  private static Object majority(Map<String, Map<String, Object>> byCluster, String id) {
    Map<Object, Integer> votes = new LinkedHashMap<>();
    for (Map<String, Object> objects : byCluster.values()) {
      votes.merge(objects.get(id), 1, Integer::sum);
    }
    return votes.entrySet().stream().max(Comparator.comparingInt(Map.Entry::getValue)).orElseThrow().getKey();
  }

  /** A strategic-merge patch turning {@code from} into {@code to}, keeping the object's identity. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> patch(Object from, Object to) {
    Map<String, Object> a = (Map<String, Object>) from;
    Map<String, Object> b = (Map<String, Object>) to;
    Map<String, Object> p = diff(a, b);
    Map<String, Object> meta = new LinkedHashMap<>((Map<String, Object>) p.getOrDefault("metadata", Map.of()));
    Map<String, Object> bMeta = (Map<String, Object>) b.get("metadata");
    meta.put("name", bMeta.get("name"));
    if (bMeta.containsKey("namespace")) {
      meta.put("namespace", bMeta.get("namespace"));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("apiVersion", b.get("apiVersion"));
    out.put("kind", b.get("kind"));
    out.put("metadata", meta);
    p.forEach((k, v) -> {
      if (!k.equals("metadata")) {
        out.put(k, v);
      }
    });
    return out;
  }

  /** Keys of {@code b} that differ from {@code a}; a key {@code b} lacks becomes null (delete). */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> diff(Map<String, Object> a, Map<String, Object> b) {
    Map<String, Object> p = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : b.entrySet()) {
      Object old = a.get(e.getKey());
      Object now = e.getValue();
      if (Objects.equals(old, now)) {
        continue;
      }
      if (old instanceof Map<?, ?> om && now instanceof Map<?, ?> nm) {
        p.put(e.getKey(), diff((Map<String, Object>) om, (Map<String, Object>) nm));
      } else if (old instanceof List<?> ol && now instanceof List<?> nl && sameNames(ol, nl)) {
        // lists keyed by name (containers, env) merge element by element, as kustomize does
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < nl.size(); i++) {
          Map<String, Object> on = (Map<String, Object>) ol.get(i);
          Map<String, Object> nn = (Map<String, Object>) nl.get(i);
          if (!on.equals(nn)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", nn.get("name"));
            item.putAll(diff(on, nn));
            items.add(item);
          }
        }
        p.put(e.getKey(), items);
      } else {
        // scalars, and lists without a merge key (rules, tls, command), are replaced whole
        p.put(e.getKey(), now);
      }
    }
    for (String k : a.keySet()) {
      if (!b.containsKey(k)) {
        p.put(k, null);
      }
    }
    return p;
  }

  private static boolean sameNames(List<?> a, List<?> b) {
    if (a.size() != b.size() || a.isEmpty()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!(a.get(i) instanceof Map<?, ?> x) || !(b.get(i) instanceof Map<?, ?> y)
          || x.get("name") == null || !x.get("name").equals(y.get("name"))) {
        return false;
      }
    }
    return true;
  }

  @SuppressWarnings("unchecked")
  private static List<String> writeObjects(Path dir, Map<String, Object> objects) throws IOException {
    List<String> names = new ArrayList<>();
    Map<String, Integer> used = new HashMap<>();
    Files.createDirectories(dir);
    for (Object o : objects.values()) {
      Map<String, Object> m = (Map<String, Object>) o;
      Map<String, Object> meta = (Map<String, Object>) m.get("metadata");
      String stem = (m.get("kind") + "-" + meta.get("name")).toLowerCase();
      int n = used.merge(stem, 1, Integer::sum);
      String file = (n == 1 ? stem : stem + "-" + n) + ".yaml";
      Files.writeString(dir.resolve(file), dump(m), StandardCharsets.UTF_8);
      names.add(file);
    }
    return names;
  }

  private static void writeKustomization(Path dir, List<String> resources, List<String> patches)
      throws IOException {
    Files.createDirectories(dir);
    Map<String, Object> k = new LinkedHashMap<>();
    k.put("apiVersion", "kustomize.config.k8s.io/v1beta1");
    k.put("kind", "Kustomization");
    k.put("resources", resources);
    if (!patches.isEmpty()) {
      k.put("patches", patches.stream().map(p -> Map.of("path", p)).toList());
    }
    Files.writeString(dir.resolve("kustomization.yaml"), dump(k), StandardCharsets.UTF_8);
  }

  private static String dump(Object o) {
    return new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build()).dumpToString(o);
  }

  /** Verifies every RENDERED/APP/CLUSTER.yaml; true when all match (by identity alone: names). */
  static boolean verifyAll(Path repo, Path rendered, boolean names) throws IOException {
    int overlays = 0;
    boolean ok = true;
    for (Path app : list(rendered)) {
      try (Stream<Path> files = Files.list(app)) {
        for (Path f : files.sorted().toList()) {
          String cluster = f.getFileName().toString().replaceFirst("\\.yaml$", "");
          ok &= verify(repo, app.getFileName().toString(), cluster, f, names);
          overlays++;
        }
      }
    }
    System.out.println("kustomize baseline: " + overlays + " overlays checked, "
        + (ok ? "same objects as kube-generate" : "DIFFERENT from kube-generate"));
    return ok && overlays > 0;
  }

  /** True when kustomize's output for one overlay holds exactly the objects kube-generate rendered. */
  static boolean verify(Path repo, String app, String cluster, Path kustomized, boolean names)
      throws IOException {
    Map<String, Object> expected = clusters(repo.resolve("apps").resolve(app)).get(cluster);
    Map<String, Object> actual = new TreeMap<>();
    readObjects(Files.readString(kustomized, StandardCharsets.UTF_8), actual);
    if (names ? expected.keySet().equals(actual.keySet()) : expected.equals(actual)) {
      return true;
    }
    if (names) {
      System.err.println(app + "/" + cluster + ": kube-generate " + expected.keySet()
          + "\n  kustomize " + actual.keySet());
      return false;
    }
    Set<String> ids = new java.util.TreeSet<>(expected.keySet());
    ids.addAll(actual.keySet());
    for (String id : ids) {
      if (!Objects.equals(expected.get(id), actual.get(id))) {
        System.err.println(app + "/" + cluster + ": " + id + " differs\n  kube-generate: "
            + expected.get(id) + "\n  kustomize:     " + actual.get(id));
      }
    }
    return false;
  }

  private static List<Path> list(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isDirectory).sorted().toList();
    }
  }
}
