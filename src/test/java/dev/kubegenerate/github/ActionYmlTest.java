package dev.kubegenerate.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.w3c.dom.Element;

/** action.yml against what the entry point ({@link ActionInputs}) reads and what jib publishes. */
class ActionYmlTest {

  static Map<String, Object> load(Path file) throws IOException {
    LoadSettings settings =
        LoadSettings.builder().setAllowDuplicateKeys(false).setLabel(file.toString()).build();
    return map(new Load(settings).loadFromString(Files.readString(file)));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    assertTrue(o instanceof Map, () -> "expected a mapping, got " + o);
    return (Map<String, Object>) o;
  }

  private static Map<String, Object> inputs() throws IOException {
    return map(load(Path.of("action.yml")).get("inputs"));
  }

  @Test
  void inputs_exactlyTheOnesTheEntryPointReads() throws IOException {
    Map<String, String> valid =
        Map.of(
            "config",
            "kg.yaml",
            "working-directory",
            "app",
            "all",
            "true",
            "fail-on",
            "stale",
            "comment",
            "false",
            "github-token",
            "t0ken-value",
            "templates",
            "tpl",
            "update",
            "false",
            "autofix",
            "true",
            "autofix-token",
            "ghs_appT0ken");
    ReadRecordingEnv env = new ReadRecordingEnv();
    inputs()
        .keySet()
        .forEach(name -> env.put(ActionInputs.variable(name), valid.getOrDefault(name, "x")));

    ActionInputs.parse(env);

    Set<String> declared =
        inputs().keySet().stream()
            .map(ActionInputs::variable)
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(declared, env.reads);
    assertEquals(List.copyOf(inputs().keySet()), ActionInputs.NAMES);
  }

  @Test
  void inputs_describedOptionalAndTheirDefaultsAreTheEntryPointsDefaults() throws IOException {
    Map<String, String> runnerEnv = new HashMap<>();
    inputs()
        .forEach(
            (name, spec) -> {
              Map<String, Object> s = map(spec);
              assertFalse(
                  String.valueOf(s.get("description")).isBlank(), name + " has no description");
              assertEquals(false, s.get("required"), name + " must be optional");
              assertTrue(s.get("default") instanceof String, name + " needs a string default");
              runnerEnv.put(ActionInputs.variable(name), (String) s.get("default"));
            });

    assertEquals("${{ github.token }}", runnerEnv.get("INPUT_GITHUB-TOKEN"));
    assertEquals("true", runnerEnv.get("INPUT_COMMENT"));
    // a workflow without `with:` gets exactly what the entry point does with no inputs at all
    assertEquals(ActionInputs.parse(Map.of()), ActionInputs.parse(runnerEnv));
  }

  @Test
  void outputs_resultFindingsReportImpactDescribed() throws IOException {
    Map<String, Object> outputs = map(load(Path.of("action.yml")).get("outputs"));
    assertEquals(
        List.of("result", "findings", "report", "autofix", "autofix-commit", "impact"),
        List.copyOf(outputs.keySet()));
    outputs.forEach(
        (name, spec) ->
            assertFalse(
                String.valueOf(map(spec).get("description")).isBlank(),
                name + " has no description"));
  }

  @Test
  void runs_dockerImageThatJibPublishesForThisVersion() throws Exception {
    Map<String, Object> runs = map(load(Path.of("action.yml")).get("runs"));
    Element pom =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(Path.of("pom.xml").toFile())
            .getDocumentElement();
    String version =
        pom.getElementsByTagName("version").item(0).getTextContent().replace("-SNAPSHOT", "");
    String toImage = pom.getElementsByTagName("jib.to.image").item(0).getTextContent();

    assertEquals("docker", runs.get("using"));
    assertEquals("docker://" + toImage.replace("${project.version}", version), runs.get("image"));
    assertTrue(
        toImage.matches("ghcr\\.io/[a-z0-9-]+/kube-generate-check:\\$\\{project\\.version}"),
        toImage);
  }

  @Test
  void metadata_nameDescriptionBranding() throws IOException {
    Map<String, Object> action = load(Path.of("action.yml"));
    assertEquals("kube-generate check", action.get("name"));
    assertFalse(String.valueOf(action.get("description")).isBlank());
    Map<String, Object> branding = map(action.get("branding"));
    assertTrue(
        Set.of("white", "yellow", "blue", "green", "orange", "red", "purple", "gray-dark")
            .contains(branding.get("color")),
        "branding.color");
    assertFalse(String.valueOf(branding.get("icon")).isBlank(), "branding.icon");
  }

  /** An environment that remembers which variables were asked for. */
  private static final class ReadRecordingEnv extends LinkedHashMap<String, String> {
    private static final long serialVersionUID = 1L;
    final Set<String> reads = new TreeSet<>();

    @Override
    public String get(Object key) {
      reads.add((String) key);
      return super.get(key);
    }

    @Override
    public String getOrDefault(Object key, String otherwise) {
      reads.add((String) key);
      return super.getOrDefault(key, otherwise);
    }

    @Override
    public boolean containsKey(Object key) {
      reads.add((String) key);
      return super.containsKey(key);
    }
  }
}
