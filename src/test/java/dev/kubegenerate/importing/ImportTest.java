package dev.kubegenerate.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubegenerate.cli.CliRunner;
import dev.kubegenerate.objects.ManifestObject;
import dev.kubegenerate.objects.Manifests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kube-generate import} on a real app nobody here wrote (Online Boutique, in a sandbox and a
 * production variant) and on shapes it lacks: every original object is rendered with every field,
 * names, namespaces, selectors and container names unchanged, nothing that runs changes, the check
 * is clean right after, and the config is short.
 */
class ImportTest {

  private static final Path BOUTIQUE = Path.of("testdata/import-online-boutique/repo");

  @TempDir Path repo;

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }

  /**
   * Every object of every manifest below {@code kubernetes/}, by cluster, kind, namespace, name.
   */
  private static Map<String, Map<String, Object>> objects(Path root) throws IOException {
    Map<String, Map<String, Object>> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root.resolve("kubernetes"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        String cluster = root.resolve("kubernetes").relativize(f).getName(0).toString();
        for (ManifestObject o :
            Manifests.read(Files.readString(f), cluster, f.toString()).objects()) {
          out.put(
              cluster + " " + o.id().kind() + " " + o.id().namespace() + "/" + o.id().name(),
              o.body());
        }
      }
    }
    return out;
  }

  @Test
  void onlineBoutique_everyObjectUnchanged_checkClean_configShort() throws Exception {
    copy(BOUTIQUE, repo);
    Map<String, Map<String, Object>> before = objects(repo);
    long originalLines;
    try (Stream<Path> files = Files.list(repo.resolve("kubernetes/sandbox"))) {
      originalLines = 0;
      for (Path f : files.toList()) {
        originalLines +=
            Files.readAllLines(f).stream()
                .filter(l -> !l.strip().startsWith("#") && !l.isBlank())
                .count();
      }
    }

    CliRunner.Result r = CliRunner.run(repo, "import", "--format", "json");

    assertEquals(0, r.exit(), r.err());
    JsonNode residual = new ObjectMapper().readTree(r.out());
    assertEquals(before.size(), residual.get("objects").size(), "every original object is listed");
    assertEquals(70, residual.at("/counts/identical").asInt(), r.out());
    Map<String, Map<String, Object>> after = objects(repo);
    assertEquals(before.keySet(), after.keySet(), "no object lost, renamed or added");
    for (Map.Entry<String, Map<String, Object>> e : before.entrySet()) {
      List<String> differences = new ArrayList<>();
      differences(e.getValue(), after.get(e.getKey()), "", differences);
      assertEquals(List.of(), differences, e.getKey());
    }
    CliRunner.Result check = CliRunner.run(repo, "check");
    assertEquals(0, check.exit(), check.out() + check.err());
    long configLines = Files.readAllLines(repo.resolve("kube-generate.yaml")).size();
    assertTrue(
        configLines * 2 <= originalLines,
        "the config for both clusters, "
            + configLines
            + " lines, is at most half of one cluster's "
            + originalLines);

    CliRunner.Result again = CliRunner.run(repo, "import");
    assertEquals(2, again.exit(), "a second import refuses to overwrite the config");
    assertTrue(again.err().contains("kube-generate.yaml: already exists"), again.err());
  }

  @Test
  void aFolderNameThatIsNoKubernetesName_getsAValidAppName() throws Exception {
    Path app = repo.resolve("Shop_Front.v2");
    copy(BOUTIQUE, app);

    CliRunner.Result r = CliRunner.run(app, "import");

    assertEquals(0, r.exit(), r.err());
    assertTrue(
        Files.readAllLines(app.resolve("kube-generate.yaml")).contains("app: shop-front-v2"),
        Files.readString(app.resolve("kube-generate.yaml")));
    assertEquals(0, CliRunner.run(app, "check").exit());
  }

  /**
   * Every field of the original, with its value (quantities by value), is in the rendered object;
   * the render adds nothing but metadata.
   */
  @SuppressWarnings("unchecked")
  private static void differences(Object original, Object rendered, String at, List<String> out) {
    if (original instanceof Map<?, ?> o && rendered instanceof Map<?, ?> r) {
      for (Map.Entry<?, ?> e : o.entrySet()) {
        if (e.getValue() != null) {
          differences(e.getValue(), r.get(e.getKey()), at + "/" + e.getKey(), out);
        }
      }
      for (Object key : r.keySet()) {
        if (!o.containsKey(key) && !(at + "/" + key).matches("/metadata/(labels|annotations)")) {
          out.add("added " + at + "/" + key);
        }
      }
    } else if (original instanceof List<?> o
        && rendered instanceof List<?> r
        && o.size() == r.size()) {
      for (int i = 0; i < o.size(); i++) {
        differences(o.get(i), r.get(i), at + "/" + i, out);
      }
    } else if (!Values.sameValue(original, rendered)) {
      out.add(at + ": " + original + " became " + rendered);
    }
  }

  @Test
  void shapes_versionsBehindOneServiceNamespacedNodePortCapabilitiesTmpfs() throws Exception {
    Path sandbox = Files.createDirectories(repo.resolve("kubernetes/sandbox"));
    Files.writeString(sandbox.resolve("app.yaml"), SHAPES);
    Path production = Files.createDirectories(repo.resolve("kubernetes/production"));
    Files.writeString(
        production.resolve("app.yaml"),
        SHAPES.replace(":1.20.2", ":1.20.3").replace("replicas: 1", "replicas: 4"));
    Map<String, Map<String, Object>> before = objects(repo);

    CliRunner.Result r = CliRunner.run(repo, "import", "--format", "json");

    assertEquals(0, r.exit(), r.err());
    JsonNode residual = new ObjectMapper().readTree(r.out());
    for (JsonNode o : residual.get("objects")) {
      String kind = o.get("kind").asText();
      String status = o.get("status").asText();
      if (kind.equals("Secret")) {
        // no template writes a Secret: its values would sit in the config
        assertEquals("handwritten", status, o.toString());
      } else {
        assertFalse(status.equals("handwritten"), o.toString());
        assertFalse(o.path("restarts").asBoolean(), o.toString());
      }
    }
    Map<String, Map<String, Object>> after = objects(repo);
    assertEquals(before.keySet(), after.keySet());
    for (Map.Entry<String, Map<String, Object>> e : before.entrySet()) {
      List<String> differences = new ArrayList<>();
      differences(e.getValue(), after.get(e.getKey()), "", differences);
      assertEquals(List.of(), differences, e.getKey());
    }
    String config = Files.readString(repo.resolve("kube-generate.yaml"));
    assertFalse(config.contains("hunter2"), "a Secret's data never goes into the config");
    assertTrue(config.contains("handwritten:"), config);
    CliRunner.Result check = CliRunner.run(repo, "check");
    assertEquals(0, check.exit(), check.out() + check.err());
  }

  private static final String SHAPES =
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: reviews
        namespace: shop
        labels: {app: reviews, service: reviews}
      spec:
        type: NodePort
        ports:
        - {port: 9080, name: http, nodePort: 30080}
        selector: {app: reviews}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: reviews-v1
        namespace: shop
        labels: {app: reviews, version: v1}
      spec:
        replicas: 1
        selector:
          matchLabels: {app: reviews, version: v1}
        template:
          metadata:
            labels: {app: reviews, version: v1}
          spec:
            containers:
            - name: reviews
              image: docker.io/istio/examples-bookinfo-reviews-v1:1.20.2
              env:
              - {name: LOG_DIR, value: /tmp/logs}
              - name: POD_IP
                valueFrom: {fieldRef: {fieldPath: status.podIP}}
              ports:
              - containerPort: 9080
              securityContext:
                capabilities: {add: [NET_BIND_SERVICE], drop: [ALL]}
              volumeMounts:
              - {name: tmp, mountPath: /tmp}
            volumes:
            - name: tmp
              emptyDir: {medium: Memory, sizeLimit: 64Mi}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: reviews-v2
        namespace: shop
        labels: {app: reviews, version: v2}
      spec:
        replicas: 1
        selector:
          matchLabels: {app: reviews, version: v2}
        template:
          metadata:
            labels: {app: reviews, version: v2}
          spec:
            containers:
            - name: reviews
              image: docker.io/istio/examples-bookinfo-reviews-v2:1.20.2
              ports:
              - containerPort: 9080
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: db
        namespace: shop
      spec:
        serviceName: db
        replicas: 1
        selector:
          matchLabels: {app: db}
        template:
          metadata:
            labels: {app: db}
          spec:
            containers:
            - name: postgres
              image: postgres:16.3
              ports:
              - {containerPort: 5432, name: postgres}
              volumeMounts:
              - {name: data, mountPath: /var/lib/postgresql/data}
        volumeClaimTemplates:
        - metadata: {name: data}
          spec:
            accessModes: [ReadWriteOnce]
            resources: {requests: {storage: 1Gi}}
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: db
        namespace: shop
      spec:
        clusterIP: None
        selector: {app: db}
        ports:
        - {port: 5432, name: postgres}
      ---
      apiVersion: v1
      kind: Secret
      metadata:
        name: db
        namespace: shop
      stringData:
        password: hunter2
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: shop
        namespace: shop
      spec:
        rules:
        - host: shop.example.com
          http:
            paths:
            - path: /
              pathType: Prefix
              backend: {service: {name: reviews, port: {number: 9080}}}
      """;
}
