package dev.kubegenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubegenerate.render.Marker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The image-bump patterns of docs/bots.md, taken from the page itself: Renovate's regex manager
 * finds every image of a config and its bump regenerates cleanly; Dependabot's reason to skip the
 * config holds for every example; Flux's markers never reach a generated file.
 */
class BotsTest {

  private static final Path DOC = Path.of("docs/bots.md");

  /** Images in every place a config holds them. */
  private static final String CONFIG =
      """
      app: shop
      clusters: [qa, production]
      values:
        image: ghcr.io/example/shop:1.0.0 # {"$imagepolicy": "flux-system:shop"}
      generates:
        - web:
            name: api
            sidecars:
              - {name: proxy, image: "registry.example.com:5000/proxy:2.1"}
            overrides:
              production:
                image: 'ghcr.io/example/shop:1.0.0-hotfix@sha256:%s'
        - worker:
            name: jobs
            image: docker.io/library/busybox:1.36
            command: [sleep, "3600"]
      """
          .formatted("a".repeat(64));

  @TempDir Path repo;

  @Test
  void renovatesRegex_findsEveryImageOfTheConfig() throws IOException {
    List<String> found = new ArrayList<>();
    Matcher m = renovate().matcher(CONFIG);
    while (m.find()) {
      found.add(
          m.group("depName")
              + " "
              + m.group("currentValue")
              + (m.group("currentDigest") == null ? "" : " @digest"));
    }
    assertEquals(
        List.of(
            "ghcr.io/example/shop 1.0.0",
            "registry.example.com:5000/proxy 2.1",
            "ghcr.io/example/shop 1.0.0-hotfix @digest",
            "docker.io/library/busybox 1.36"),
        found);
  }

  @Test
  void renovatesBump_regenerated_checksClean_andRewritesOnlyTheFilesWithTheImage()
      throws IOException {
    Files.writeString(repo.resolve("kube-generate.yaml"), CONFIG);
    assertEquals(0, CliRunner.run(repo, "--update").exit());
    Map<String, String> before = manifests();

    // what Renovate writes: the matched currentValue replaced, nothing else
    Matcher m = renovate().matcher(CONFIG);
    assertTrue(m.find());
    String bumped =
        CONFIG.substring(0, m.start("currentValue"))
            + "1.0.1"
            + CONFIG.substring(m.end("currentValue"));
    Files.writeString(repo.resolve("kube-generate.yaml"), bumped);
    assertEquals(1, CliRunner.run(repo, "check").exit(), "the bump alone is stale");
    assertEquals(0, CliRunner.run(repo, "--update").exit());
    assertEquals(0, CliRunner.run(repo, "check").exit());

    Set<String> changed = new TreeSet<>();
    manifests()
        .forEach(
            (path, text) -> {
              if (!text.equals(before.get(path))) {
                changed.add(path);
                assertNotEquals(Marker.body(before.get(path)), Marker.body(text), path);
              }
            });
    // production's api runs its override's image, the worker its own
    assertEquals(Set.of("kubernetes/qa/deployment-api.yaml"), changed);
  }

  @Test
  void renovatesFilePattern_isTheConfig_neverAGeneratedFile() throws IOException {
    JsonNode manager = renovateConfig().get("customManagers").get(0);
    String literal = manager.get("managerFilePatterns").get(0).asText();
    assertTrue(literal.startsWith("/") && literal.endsWith("/"), literal);
    Pattern files = Pattern.compile(literal.substring(1, literal.length() - 1));
    assertTrue(files.matcher("kube-generate.yaml").find());
    assertTrue(files.matcher("apps/shop/kube-generate.yaml").find());
    assertFalse(files.matcher("kubernetes/qa/deployment-api.yaml").find());
    assertFalse(files.matcher("my-kube-generate.yaml").find());
    assertTrue(renovateConfig().get("ignorePaths").toString().contains("**/kubernetes/**"));
  }

  /** Dependabot reads a YAML file whose first document has a top-level apiVersion and kind. */
  @Test
  void dependabotsReasonToSkipTheConfig_holdsForEveryExample() throws IOException {
    List<Path> configs;
    try (Stream<Path> walk = Files.walk(Path.of("examples"))) {
      configs = walk.filter(p -> p.getFileName().toString().equals("kube-generate.yaml")).toList();
    }
    assertFalse(configs.isEmpty());
    for (Path config : configs) {
      Object first =
          new Load(LoadSettings.builder().build())
              .loadAllFromString(Files.readString(config))
              .iterator()
              .next();
      Map<?, ?> top = (Map<?, ?>) first;
      assertNull(top.get("apiVersion"), config.toString());
      assertNull(top.get("kind"), config.toString());
    }
  }

  @Test
  void fluxsMarkers_neverReachAGeneratedFile() throws IOException {
    Files.writeString(repo.resolve("kube-generate.yaml"), CONFIG);
    CliRunner.Result update = CliRunner.run(repo, "--update");
    assertEquals(0, update.exit(), update.err());
    Map<String, String> files = manifests();
    assertFalse(files.isEmpty());
    files.forEach((path, text) -> assertFalse(text.contains("$imagepolicy"), path));
  }

  private static Pattern renovate() throws IOException {
    return Pattern.compile(
        renovateConfig().get("customManagers").get(0).get("matchStrings").get(0).asText());
  }

  /** The Renovate configuration as docs/bots.md shows it. */
  private static JsonNode renovateConfig() throws IOException {
    String doc = Files.readString(DOC);
    int start = doc.indexOf("```json\n");
    int end = doc.indexOf("```", start + 8);
    return new ObjectMapper().readTree(doc.substring(start + 8, end));
  }

  private Map<String, String> manifests() throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(repo.resolve("kubernetes"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.put(repo.relativize(f).toString().replace('\\', '/'), Files.readString(f));
      }
    }
    return out;
  }
}
