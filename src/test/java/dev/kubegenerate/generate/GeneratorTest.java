package dev.kubegenerate.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.check.Renders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clusters with equal parameters share one render of a body; a body that reads the cluster, or an
 * override, still gets each cluster its own text.
 */
class GeneratorTest {

  @TempDir Path repo;

  private List<RenderedFile> render(String config) throws Exception {
    Files.writeString(repo.resolve("kube-generate.yaml"), config);
    return Renders.of(repo, "kube-generate.yaml");
  }

  private static String body(RenderedFile f) {
    // the rest after the two marker lines
    String c = f.content();
    return c.substring(c.indexOf('\n', c.indexOf('\n') + 1) + 1);
  }

  @Test
  void render_bodyReadingTheCluster_differsPerCluster() throws Exception {
    Path tpl = Files.createDirectories(repo.resolve("tpl/where"));
    Files.writeString(
        tpl.resolve("template.yaml"),
        """
        description: Names the cluster it is rendered for.
        files: [config-map]
        parameters:
          - name: name
            type: string
        """);
    Files.writeString(
        tpl.resolve("config-map.yaml.peb"),
        """
        {% set here = cluster %}
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ name | json }}
        data:
          where: {{ here | json }}
        """);

    List<RenderedFile> files =
        render(
            """
        clusters: [sandbox, qa, production]
        templates: [tpl]
        generates:
          - where: {name: x}
        """);

    assertEquals(
        List.of("sandbox", "qa", "production"), files.stream().map(RenderedFile::cluster).toList());
    for (RenderedFile f : files) {
      assertTrue(body(f).endsWith("data:\n  where: " + f.cluster() + "\n"), f.content());
    }
  }

  @Test
  void render_overrideForOneCluster_onlyThatClusterDiffers() throws Exception {
    List<RenderedFile> files =
        render(
            """
        clusters: [sandbox, qa, production]
        generates:
          - worker:
              name: jobs
              image: example/jobs:1
              overrides:
                production: {replicas: 7}
        """);

    assertEquals(3, files.size());
    assertEquals(body(files.get(0)), body(files.get(1)));
    assertTrue(files.get(2).content().contains("replicas: 7\n"), files.get(2).content());
    assertTrue(files.get(0).content().contains("replicas: 1\n"), files.get(0).content());
  }

  private static final String WITH_SETTINGS =
      """
      app: people
      clusters: [production]
      generates:
        - config-map: {name: settings, data: {TIME_ZONE: %s}}
        - config-map: {name: other, data: {A: b}}
        - worker: {name: jobs, image: "example/jobs:1", envFromConfigMaps: [people-settings]}
        - worker: {name: mail, image: "example/jobs:1", volumes: [{name: c, configMap: {name: people-settings}}]}
        - worker: {name: plain, image: "example/jobs:1"}
      """;

  private static String hashOf(RenderedFile f) {
    var m =
        java.util.regex.Pattern.compile("kube-generate/config-hash: (\\w+)").matcher(f.content());
    return m.find() ? m.group(1) : null;
  }

  private static RenderedFile file(List<RenderedFile> files, String name) {
    return files.stream()
        .filter(f -> f.path().toString().endsWith("/" + name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void render_aConfigMapAlikeInEveryCluster_givesEachClustersPodsItsHash() throws Exception {
    List<RenderedFile> files =
        render(
            WITH_SETTINGS
                .formatted("Europe/Berlin")
                .replace("clusters: [production]", "clusters: [sandbox, production]"));
    List<String> hashes =
        files.stream()
            .filter(f -> f.path().toString().endsWith("/deployment-jobs.yaml"))
            .map(GeneratorTest::hashOf)
            .toList();
    assertEquals(2, hashes.size());
    assertTrue(hashes.get(0) != null && hashes.get(0).equals(hashes.get(1)), hashes.toString());
  }

  @Test
  void render_podReadingAConfigMap_rollsWhenItsDataChanges() throws Exception {
    List<RenderedFile> berlin = render(WITH_SETTINGS.formatted("Europe/Berlin"));
    List<RenderedFile> again = render(WITH_SETTINGS.formatted("Europe/Berlin"));
    List<RenderedFile> paris = render(WITH_SETTINGS.formatted("Europe/Paris"));

    String hash = hashOf(file(berlin, "deployment-jobs.yaml"));
    assertTrue(
        hash != null && hash.matches("[0-9a-f]{16}"),
        file(berlin, "deployment-jobs.yaml").content());
    assertEquals(
        hash,
        hashOf(file(berlin, "deployment-mail.yaml")),
        "a volume reads the ConfigMap as envFrom does");
    assertEquals(hash, hashOf(file(again, "deployment-jobs.yaml")), "the same data, the same hash");
    assertTrue(
        !hash.equals(hashOf(file(paris, "deployment-jobs.yaml"))),
        "new data, new hash, so the pods roll");
    assertEquals(
        null,
        hashOf(file(berlin, "deployment-plain.yaml")),
        "a pod that reads no ConfigMap has no hash");
  }

  @Test
  void render_customTemplateUsingThePodTemplate_getsTheSharedParameters() throws Exception {
    Path tpl = Files.createDirectories(repo.resolve("tpl/daemon"));
    Files.writeString(
        tpl.resolve("template.yaml"),
        """
        description: One pod per node.
        component: agent
        files: [daemon-set]
        uses:
          pod-template: {portName: metrics}
        parameters:
          - name: name
            type: string
        """);
    Files.writeString(
        tpl.resolve("daemon-set.yaml.peb"),
        """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: {{ app | json }}
        spec:
          selector:
            matchLabels: {app.kubernetes.io/component: {{ component | json }}}
          template: {{ podTemplate | json }}
        """);

    List<RenderedFile> files =
        render(
            """
        app: people
        clusters: [production]
        templates: [tpl]
        generates:
          - daemon: {image: "example/agent:1", port: 9100, tolerations: [{operator: Exists}]}
        """);

    String out = files.get(0).content();
    assertTrue(out.contains("app.kubernetes.io/component: agent\n"), out);
    assertTrue(out.contains("- name: metrics\n              containerPort: 9100\n"), out);
    assertTrue(out.contains("tolerations:\n        - operator: Exists\n"), out);
  }

  @Test
  void load_unknownFragment_isAnErrorNamingTheKnownOnes() throws Exception {
    Path tpl = Files.createDirectories(repo.resolve("tpl/odd"));
    Files.writeString(
        tpl.resolve("template.yaml"),
        """
        description: Asks for a file.
        files: [x]
        uses: {../../etc/passwd: {}}
        """);
    Files.writeString(tpl.resolve("x.yaml.peb"), "a: 1\n");
    Files.writeString(
        repo.resolve("kube-generate.yaml"), "clusters: [qa]\ntemplates: [tpl]\ngenerates: []\n");

    var e =
        org.junit.jupiter.api.Assertions.assertThrows(
            dev.kubegenerate.model.InputException.class,
            () -> Renders.of(repo, "kube-generate.yaml"));
    assertEquals(
        "tpl/odd/template.yaml: unknown fragment \"../../etc/passwd\" in uses; the library has pod-template",
        e.problems().get(0).file() + ": " + e.problems().get(0).message());
  }

  @Test
  void render_bodySeesEachClustersKubernetesVersion() throws Exception {
    Path tpl = Files.createDirectories(repo.resolve("tpl/budget"));
    Files.writeString(
        tpl.resolve("template.yaml"),
        """
        description: A disruption budget, on the API the cluster serves.
        files: [pod-disruption-budget]
        parameters:
          - name: name
            type: string
        """);
    Files.writeString(
        tpl.resolve("pod-disruption-budget.yaml.peb"),
        """
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata:
          name: {{ name | json }}
          annotations:
            version: {{ kubernetes.version | json }}
            minor: "{{ kubernetes.minor }}"
        spec:
          minAvailable: 1
        """);

    List<RenderedFile> files =
        render(
            """
        kubernetesVersion: "1.34"
        clusters:
          sandbox: {kubernetesVersion: "1.36"}
          qa: {}
          production: {kubernetesVersion: "1.30"}
        templates: [tpl]
        generates:
          - budget: {name: x}
        """);

    assertEquals(
        List.of("sandbox 1.36 36", "qa 1.34 34", "production 1.30 30"),
        files.stream()
            .map(
                f ->
                    f.cluster()
                        + " "
                        + body(f)
                            .replaceAll(
                                "(?s).*version: \"([0-9.]+)\"\n    minor: \"([0-9]+)\".*", "$1 $2"))
            .toList());
  }

  @Test
  void render_withoutAnyVersion_bodiesSeeTheNewestSupported() throws Exception {
    Path tpl = Files.createDirectories(repo.resolve("tpl/v"));
    Files.writeString(
        tpl.resolve("template.yaml"),
        "description: Says the version.\nfiles: [config-map]\nparameters: []\n");
    Files.writeString(
        tpl.resolve("config-map.yaml.peb"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: v}\n"
            + "data: {version: {{ kubernetes.version | json }}}\n");
    List<RenderedFile> files = render("clusters: [qa]\ntemplates: [tpl]\ngenerates:\n  - v: {}\n");
    assertTrue(body(files.get(0)).endsWith("data:\n  version: \"1.36\"\n"), files.get(0).content());
  }

  @Test
  void render_twoTemplatesRenderingTheSameText_eachFileNamesItsOwnTemplate() throws Exception {
    for (String name : List.of("first", "second")) {
      Path tpl = Files.createDirectories(repo.resolve("tpl/" + name));
      Files.writeString(
          tpl.resolve("template.yaml"), "description: The same text.\nfiles: [" + name + "]\n");
      Files.writeString(
          tpl.resolve(name + ".yaml.peb"),
          "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: same\n");
    }

    List<RenderedFile> files =
        render(
            """
        clusters: [sandbox]
        templates: [tpl]
        generates:
          - first: {}
          - second: {}
        """);

    assertEquals(List.of("first", "second"), files.stream().map(RenderedFile::template).toList());
    for (RenderedFile f : files) {
      assertTrue(
          f.content().contains("# kube-generate: template=" + f.template() + " "), f.content());
    }
  }

  /**
   * YAML 1.2 reads 08 as the integer 8 and snakeyaml reads ${X} as a tag: written plain, a
   * ConfigMap's data would be refused as "got integer" by the check's own validation.
   */
  @Test
  void render_configMapDataThatReadsAsAnotherTypeUnquoted_isQuotedAndValid() throws Exception {
    List<RenderedFile> files =
        render(
            """
            clusters: [qa]
            generates:
              - config-map:
                  name: settings
                  data: {ZONE: "08", NEG: "-09", HOME: "${HOME}"}
            """);
    String body = body(files.get(0));
    assertTrue(body.endsWith("data:\n  ZONE: \"08\"\n  NEG: \"-09\"\n  HOME: \"${HOME}\"\n"), body);
    assertEquals(List.of(), files.get(0).violations());
  }

  @Test
  void render_numberLikeValuesOfStringParameters_keepTheirText() throws Exception {
    Path tpl = Files.createDirectories(repo.resolve("tpl/texts"));
    Files.writeString(
        tpl.resolve("template.yaml"),
        """
        description: Strings that look like numbers.
        files: [config-map]
        parameters:
          - {name: version, type: string}
          - {name: data, type: map}
          - {name: args, type: list}
        """);
    // a kind without a schema: a list under annotations is what this test writes, not a valid
    // ConfigMap
    Files.writeString(
        tpl.resolve("config-map.yaml.peb"),
        """
        apiVersion: example.com/v1
        kind: Texts
        metadata:
          name: texts
          annotations: {version: {{ version | json }}, args: {{ args | json }}}
        data: {{ data | json }}
        """);

    List<RenderedFile> files =
        render(
            """
        clusters: [qa]
        templates: [tpl]
        values:
          version: 1.10
        generates:
          - texts:
              data: {VERSION: 1.10, ZIP: 007, SCI: 1e3, HEX: 0x1F, OCT: 0o17, ON: true, BIG: 123456789012345678901234567890}
              args: [1.10, 007, 0x1F, +12, .5]
        """);

    assertEquals(
        """
        apiVersion: example.com/v1
        kind: Texts
        metadata:
          name: texts
          annotations:
            version: "1.10"
            args:
              - "1.10"
              - "007"
              - "0x1F"
              - "+12"
              - ".5"
        data:
          VERSION: "1.10"
          ZIP: "007"
          SCI: "1e3"
          HEX: "0x1F"
          OCT: "0o17"
          "ON": "true"
          BIG: "123456789012345678901234567890"
        """,
        body(files.get(0)));
  }
}
