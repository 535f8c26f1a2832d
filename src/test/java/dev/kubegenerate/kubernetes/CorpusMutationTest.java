package dev.kubegenerate.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.model.Violation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Deliberate mistakes in valid real manifests of the corpus, each of which the API server refuses:
 * null for a required field, a value outside an enum, bytes that are not base64, a misspelt kind,
 * an unknown field, a wrong type. Every one is {@code invalid}, at the field that holds it.
 */
class CorpusMutationTest {

  private static final Set<String> WORKLOADS =
      Set.of("Deployment", "StatefulSet", "DaemonSet", "Job", "ReplicaSet");

  /** One mistake: its name, the kinds it applies to, and what it does (returns the path). */
  private record Mutation(
      String name, Set<String> kinds, Function<Map<String, Object>, String> apply) {}

  private static final List<Mutation> MUTATIONS =
      List.of(
          new Mutation(
              "containers null",
              WORKLOADS,
              o -> {
                podSpec(o).put("containers", null);
                return "spec.template.spec.containers";
              }),
          new Mutation(
              "container name null",
              WORKLOADS,
              o -> {
                container(o).put("name", null);
                return "spec.template.spec.containers[0].name";
              }),
          new Mutation(
              "imagePullPolicy outside its enum",
              WORKLOADS,
              o -> {
                container(o).put("imagePullPolicy", "always");
                return "spec.template.spec.containers[0].imagePullPolicy";
              }),
          new Mutation(
              "port protocol outside its enum",
              WORKLOADS,
              o -> {
                container(o).put("ports", List.of(Map.of("containerPort", 80, "protocol", "tcp")));
                return "spec.template.spec.containers[0].ports[0].protocol";
              }),
          new Mutation(
              "containerPort a string",
              WORKLOADS,
              o -> {
                container(o).put("ports", List.of(Map.of("containerPort", "8080")));
                return "spec.template.spec.containers[0].ports[0].containerPort";
              }),
          new Mutation(
              "unknown container field",
              WORKLOADS,
              o -> {
                container(o).put("imagePolicy", "Always");
                return "spec.template.spec.containers[0].imagePolicy";
              }),
          new Mutation(
              "misspelt kind",
              Set.of("Deployment", "StatefulSet", "Service", "ConfigMap", "Secret", "DaemonSet"),
              o -> {
                String kind = (String) o.get("kind");
                o.put(
                    "kind",
                    kind.substring(0, 2) + kind.charAt(3) + kind.charAt(2) + kind.substring(4));
                return "kind";
              }),
          new Mutation(
              "service type outside its enum",
              Set.of("Service"),
              o -> {
                map(o, "spec").put("type", "Loadbalancer");
                return "spec.type";
              }),
          new Mutation(
              "service port a list",
              Set.of("Service"),
              o -> {
                map(o, "spec").put("ports", List.of(Map.of("port", List.of(80))));
                return "spec.ports[0].port";
              }),
          new Mutation(
              "binaryData not base64",
              Set.of("ConfigMap"),
              o -> {
                o.put("binaryData", Map.of("blob", "not base64!"));
                return "binaryData.blob";
              }),
          new Mutation(
              "Secret data not base64",
              Set.of("Secret"),
              o -> {
                o.put("data", Map.of("token", "c2VjcmV0!"));
                return "data.token";
              }),
          new Mutation(
              "metadata a string",
              Set.of("Service", "ConfigMap", "Secret"),
              o -> {
                o.put("metadata", "name");
                return "metadata";
              }));

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> o, String key) {
    return (Map<String, Object>) o.computeIfAbsent(key, k -> new LinkedHashMap<>());
  }

  private static Map<String, Object> podSpec(Map<String, Object> o) {
    return map(map(map(o, "spec"), "template"), "spec");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> container(Map<String, Object> o) {
    return ((List<Map<String, Object>>) podSpec(o).get("containers")).get(0);
  }

  /** Valid single-object manifests of the corpus, a few of each kind, with each mistake. */
  @SuppressWarnings("unchecked")
  static Stream<Arguments> mutants() throws IOException {
    List<Arguments> out = new ArrayList<>();
    Map<String, Integer> perKind = new LinkedHashMap<>();
    Set<String> valid = new HashSet<>();
    for (String line :
        Files.readAllLines(CorpusTest.CORPUS.resolve("expected.txt"), StandardCharsets.UTF_8)) {
      String[] f = line.split("\\s+");
      if (f.length > 1 && f[1].equals("ok")) {
        valid.add(f[0]);
      }
    }
    for (String file : CorpusTest.files()) {
      if (!valid.contains(file) || !file.endsWith(".yaml")) {
        continue;
      }
      List<Object> docs = new ArrayList<>();
      new Load(LoadSettings.builder().build())
          .loadAllFromString(Files.readString(CorpusTest.CORPUS.resolve(file)))
          .forEach(docs::add);
      if (docs.size() != 1 || !(docs.get(0) instanceof Map<?, ?> doc)) {
        continue;
      }
      String kind = String.valueOf(doc.get("kind"));
      if (perKind.merge(kind, 1, Integer::sum) > 4) {
        continue;
      }
      for (Mutation m : MUTATIONS) {
        if (m.kinds().contains(kind)) {
          out.add(Arguments.of(file, m.name()));
        }
      }
    }
    assertTrue(out.size() >= 50, out.size() + " mutants");
    return out.stream();
  }

  @SuppressWarnings("unchecked")
  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("mutants")
  void mutant_isInvalidAtTheMutatedField(String file, String mutation) throws IOException {
    Map<String, Object> doc =
        (Map<String, Object>)
            new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(CorpusTest.CORPUS.resolve(file)));
    Mutation m = MUTATIONS.stream().filter(x -> x.name().equals(mutation)).findFirst().get();
    String path = m.apply().apply(doc);
    String text = new Dump(DumpSettings.builder().build()).dumpToString(doc);
    List<Violation> found =
        new ManifestValidator(KubernetesApi.newest(), true, CustomResources.NONE).validate(text);
    assertEquals(
        List.of(path),
        found.stream()
            .filter(v -> v.rule() == Violation.Rule.INVALID && v.path().equals(path))
            .map(Violation::path)
            .distinct()
            .toList(),
        found + "\n" + text);
  }
}
