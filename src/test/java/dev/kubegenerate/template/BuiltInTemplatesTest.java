package dev.kubegenerate.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The library's promises that hold across templates: shared parameters declared alike. */
class BuiltInTemplatesTest {

  private static final Path TEMPLATES = Path.of("templates");
  private static final List<String> POD_TEMPLATES =
      List.of("autoscale", "grpc", "worker", "cronjob");

  /** Shared pod parameters and their types (SPEC: same names and meaning in every pod template). */
  private static final Map<String, String> POD_PARAMETERS =
      Map.ofEntries(
          Map.entry("image", "image"),
          Map.entry("command", "list"),
          Map.entry("args", "list"),
          Map.entry("env", "map"),
          Map.entry("envFromConfigMaps", "list"),
          Map.entry("envFromSecrets", "list"),
          Map.entry("envFrom", "list of EnvFromSource"),
          Map.entry("resources", "ResourceRequirements"),
          Map.entry("replicas", "integer"),
          Map.entry("serviceAccount", "string"),
          Map.entry("port", "integer"),
          Map.entry("probes", "map of startup, readiness, liveness to Probe"),
          Map.entry("runAsUser", "integer"),
          Map.entry("readOnlyRootFilesystem", "boolean"),
          Map.entry("podAnnotations", "map"),
          Map.entry("podLabels", "map"),
          Map.entry("volumes", "list of Volume"),
          Map.entry("volumeMounts", "list of VolumeMount"),
          Map.entry("writableTmp", "boolean"),
          Map.entry("sidecars", "list of Container"),
          Map.entry("initContainers", "list of Container"),
          Map.entry("nodeSelector", "map"),
          Map.entry("tolerations", "list of Toleration"),
          Map.entry("affinity", "Affinity"),
          Map.entry("priorityClassName", "string"),
          Map.entry("topologySpread", "boolean"),
          Map.entry("terminationGracePeriodSeconds", "integer"),
          Map.entry("preStopSleep", "integer"),
          Map.entry("imagePullPolicy", "enum (Always, IfNotPresent, Never)"),
          Map.entry("podSecurityContext", "PodSecurityContext"),
          Map.entry("securityContext", "SecurityContext"));

  /** Parameters a pod template may declare itself, with its own default and description. */
  private static final Set<String> OWN = Set.of("replicas", "port", "probes", "preStopSleep");

  static Stream<String> templates() throws IOException {
    return KubernetesValidityTest.templateNames();
  }

  @Test
  void podTemplates_declareSharedParametersAlike() throws Exception {
    TemplateLibrary library = TemplateLibrary.builtIn();
    Map<String, ParameterSpec> first = new LinkedHashMap<>();
    for (String template : POD_TEMPLATES) {
      TemplateSpec spec = library.get(template).orElseThrow();
      assertTrue(spec.createsPods(), template + " renders the shared pod template");
      for (Map.Entry<String, String> shared : POD_PARAMETERS.entrySet()) {
        ParameterSpec p = spec.parameter(shared.getKey()).orElse(null);
        assertNotNull(p, template + " does not declare " + shared.getKey());
        assertEquals(shared.getValue(), p.shownType(), template + "." + shared.getKey() + " type");
        if (!OWN.contains(shared.getKey())) {
          ParameterSpec seen = first.putIfAbsent(shared.getKey(), p);
          if (seen != null) {
            assertEquals(
                seen,
                p,
                template + "." + shared.getKey() + " differs from " + POD_TEMPLATES.get(0));
          }
        }
      }
      assertTrue(spec.parameter("image").orElseThrow().required(), template + ".image is required");
    }
  }

  @Test
  void nonPodTemplates_doNotRenderThePodTemplate() throws Exception {
    for (TemplateSpec spec : TemplateLibrary.builtIn().all().values()) {
      assertEquals(POD_TEMPLATES.contains(spec.name()), spec.createsPods(), spec.name());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templates")
  void template_declaresMetadataParameters(String template) throws IOException {
    Map<String, Map<?, ?>> declared = parameters(template);
    List<String> expected =
        template.equals("namespace")
            ? List.of("namespace", "labels", "annotations")
            : List.of("name", "namespace", "labels", "annotations");
    assertEquals(
        expected,
        List.copyOf(declared.keySet()).subList(0, expected.size()),
        template + ": first parameters");
    assertEquals("map", declared.get("labels").get("type"));
    assertEquals("map", declared.get("annotations").get("type"));
    assertEquals("string", declared.get("namespace").get("type"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templates")
  void template_isDocumentedAndHasExactlyItsBodies(String template) throws IOException {
    Map<?, ?> spec = spec(template);
    assertTrue(
        spec.get("description") instanceof String d && !d.isBlank() && !d.contains("\n"),
        template + ": description");
    assertTrue(
        spec.get("example") instanceof String e && e.startsWith("- " + template + ":"),
        template + ": example");
    for (Map<?, ?> p : parameters(template).values()) {
      assertTrue(
          p.get("description") instanceof String d && !d.isBlank() && !d.contains("\n"),
          template + "." + p.get("name") + ": one-line description");
    }
    Set<String> bodies = new TreeSet<>();
    try (Stream<Path> files = Files.list(TEMPLATES.resolve(template))) {
      files
          .map(f -> f.getFileName().toString())
          .filter(f -> f.endsWith(".yaml.peb"))
          .forEach(f -> bodies.add(f.substring(0, f.length() - ".yaml.peb".length())));
    }
    assertEquals(
        new TreeSet<>((List<?>) spec.get("files")),
        bodies,
        template + ": files lists every body, and only those");
  }

  private static Map<?, ?> spec(String template) throws IOException {
    Object loaded =
        StrictManifestReader.yaml11()
            .load(Files.readString(TEMPLATES.resolve(template).resolve("template.yaml")));
    return assertInstanceOf(Map.class, loaded, template + ": template.yaml is not a map");
  }

  /** Declared parameters by name, in declaration order. */
  private static Map<String, Map<?, ?>> parameters(String template) throws IOException {
    Map<String, Map<?, ?>> out = new LinkedHashMap<>();
    for (Object p : (List<?>) spec(template).get("parameters")) {
      Map<?, ?> parameter = (Map<?, ?>) p;
      out.put((String) parameter.get("name"), parameter);
    }
    return out;
  }
}
