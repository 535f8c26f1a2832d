package dev.kubegenerate.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.kubernetes.CustomResources;
import dev.kubegenerate.kubernetes.ManifestValidator;
import dev.kubegenerate.model.KubernetesVersion;
import dev.kubegenerate.yaml.YamlNodes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** The one canonical form of every generated manifest (SPEC §3). */
class CanonicalYamlTest {

  @Test
  void format_writesTheCanonicalStyle() {
    String messy =
        "kind:   Deployment\r\nspec: {replicas: 2, containers: [{name: web, args: [a, b]}]}\r\nempty: {}\r\nnone: null";
    assertEquals(
        """
        kind: Deployment
        spec:
          replicas: 2
          containers:
            - name: web
              args:
                - a
                - b
        empty: {}
        """,
        CanonicalYaml.format(messy));
  }

  @Test
  void format_quotesStringsThatYaml11WouldReadAsOtherTypes() {
    String in =
        "a: \"yes\"\nb: \"on\"\nc: \"0755\"\nd: \"2026-01-01\"\ne: \"3000\"\nf: \"1.5\"\ng: \"~\"\nh: plain text\ni: \"1:20\"\n";
    assertEquals(
        "a: \"yes\"\nb: \"on\"\nc: \"0755\"\nd: \"2026-01-01\"\ne: \"3000\"\nf: \"1.5\"\ng: \"~\"\nh: plain text\ni: \"1:20\"\n",
        CanonicalYaml.format(in));
  }

  @Test
  void format_keepsKeyOrderAndSeparatesDocuments() {
    assertEquals(
        "z: 1\na: 2\n---\nkind: B\n",
        CanonicalYaml.format("---\nz: 1\na: 2\n---\n---\nkind: B\n...\n"));
  }

  @Test
  void format_isIdempotent() {
    String in =
        "metadata:\n  name: x\n  annotations: {note: \"multi\\nline\\ntext\"}\ndata:\n  key: ': colon'\n  'true': 'false'\n";
    String once = CanonicalYaml.format(in);
    assertEquals(once, CanonicalYaml.format(once));
  }

  @Test
  void format_writesMultiLineStringsAsLiteralBlocks() {
    assertEquals(
        "data:\n  script: |\n    echo one\n    echo two\n",
        CanonicalYaml.format("data: {script: \"echo one\\necho two\\n\"}"));
  }

  @Test
  void format_emptyTextHasNoDocuments() {
    assertEquals("", CanonicalYaml.format("\n# only a comment\n"));
  }

  private static final LoadSettings CORE = YamlNodes.safeSettings("test");

  private static final ManifestValidator VALIDATOR =
      new ManifestValidator(
          KubernetesVersion.parse("1.34").orElseThrow(), true, CustomResources.NONE);

  /** Strings a reader may take for another type, or that need quoting, beside ordinary ones. */
  private static final List<String> TRICKY =
      List.of(
          "08",
          "-09",
          "0009",
          "007",
          "1_000",
          "0o17",
          "0x1F",
          "0xZ",
          ".5",
          "5.",
          "1e5",
          "+.inf",
          ".NaN",
          "${X}",
          "${ X:-y }",
          "$X",
          "null",
          "~",
          "",
          " ",
          "yes",
          "On",
          "2026-01-01",
          "1:20",
          "<<",
          "=",
          "a: b",
          "a #b",
          "- x",
          "it's",
          "x\ny",
          "tail\n",
          " lead\nx",
          "100m",
          "256Mi",
          "web",
          "über",
          "tab\tin");

  /** Text is read without marks first; an error is still reported where it is. */
  @Test
  void format_errorsInRenderedTextAreLocated() {
    for (String[] bad :
        new String[][] {
          {"a: 1\nb: [x, y\n", "3"},
          {"a: 1\nb: &x {c: 1}\nb: *x\n", "3"},
          {"a:\n  - " + "[".repeat(YamlNodes.MAX_DEPTH) + "\n", "2"}
        }) {
      MarkedYamlEngineException e =
          assertThrows(MarkedYamlEngineException.class, () -> CanonicalYaml.format(bad[0]));
      assertEquals(
          bad[1],
          e.getProblemMark().map(m -> String.valueOf(m.getLine() + 1)).orElse("none"),
          e.getMessage());
    }
  }

  @Test
  void readOne_readsWhatTheLoaderReadsAndReportsItsErrors() {
    String text = "a: [1, 0x10, 1.5, yes, true, ~, \"08\", 9999999999]\nb: {c: d}\n";
    assertEquals(
        new Load(YamlNodes.safeSettings("t")).loadFromString(text), CanonicalYaml.readOne(text));
    assertEquals(null, CanonicalYaml.readOne(""));
    MarkedYamlEngineException two =
        assertThrows(
            MarkedYamlEngineException.class, () -> CanonicalYaml.readOne("a: 1\n---\nb: 2\n"));
    assertEquals(2, two.getProblemMark().orElseThrow().getLine() + 1, two.getMessage());
    MarkedYamlEngineException bad =
        assertThrows(MarkedYamlEngineException.class, () -> CanonicalYaml.readOne("a: 1\na: 2\n"));
    assertTrue(bad.getProblem().contains("duplicate key"), bad.getMessage());
  }

  @Provide
  Arbitrary<List<Object>> documents() {
    Arbitrary<String> strings =
        Arbitraries.oneOf(
            Arbitraries.of(TRICKY),
            Arbitraries.strings().withChars("0189-+._${}:~ aeExX\n#'\"").ofMaxLength(6));
    Arbitrary<Object> scalars =
        Arbitraries.oneOf(
            strings.map(s -> (Object) s),
            Arbitraries.longs().map(n -> (Object) n),
            Arbitraries.integers().map(n -> (Object) n),
            Arbitraries.bigIntegers()
                .between(BigInteger.ONE.shiftLeft(70).negate(), BigInteger.ONE.shiftLeft(70))
                .map(n -> (Object) n),
            Arbitraries.of(
                0.5,
                -1.0e-7,
                1.0e21,
                Double.NaN,
                Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY),
            Arbitraries.of(true, false).map(b -> (Object) b));
    Arbitrary<Object> keys =
        Arbitraries.oneOf(strings.map(s -> (Object) s), Arbitraries.longs().map(n -> (Object) n));
    Arbitrary<Object> inner =
        Arbitraries.oneOf(
            scalars,
            Arbitraries.maps(keys, scalars).ofMaxSize(3).map(m -> (Object) new LinkedHashMap<>(m)),
            // null items stay in lists (only keys whose value is null are dropped)
            scalars.injectNull(0.1).list().ofMaxSize(3).map(l -> (Object) l));
    Arbitrary<Object> doc =
        Arbitraries.oneOf(
            inner,
            Arbitraries.maps(keys, inner).ofMaxSize(4).map(m -> (Object) new LinkedHashMap<>(m)),
            inner.list().ofMaxSize(3).map(l -> (Object) l));
    // a multi-line string as a whole document is written as a literal block at indent 0, which
    // snakeyaml does not read back; no manifest is one
    return doc.filter(d -> !(d instanceof String s && s.indexOf('\n') >= 0))
        .list()
        .ofMinSize(1)
        .ofMaxSize(3);
  }

  @Property(tries = 1000)
  void formatComposed_nodesEqualComposingTheWrittenText(
      @ForAll("documents") List<Object> documents) {
    assertComposedAsWritten(documents);
  }

  /** Plain words skip the resolver's patterns when they start with a letter: still strings. */
  @Property(tries = 2000)
  void formatComposed_plainWordsComposeAsTheTextDoes(
      @ForAll
          @StringLength(min = 1, max = 6)
          @Chars({
            't', 'r', 'u', 'e', 'f', 'a', 'l', 's', 'n', 'T', 'R', 'U', 'E', 'F', 'A', 'L', 'S',
            'N', 'y', 'o', 'O', 'Y', '~', '<', '$', '{', '}', '.', '0', '8', '-', 'x', 'i', 'I'
          })
          String word) {
    Map<Object, Object> doc = new LinkedHashMap<>();
    doc.put(word, word);
    assertComposedAsWritten(List.of(doc, word));
  }

  private static void assertComposedAsWritten(List<Object> documents) {
    String text = CanonicalYaml.write(documents);
    List<String> composed = new ArrayList<>();
    Composer composer = new Composer(CORE, YamlNodes.parser(CORE, text));
    while (composer.hasNext()) {
      composed.add(shape(composer.next()));
    }
    List<String> built = new ArrayList<>();
    for (Object doc : documents) {
      built.add(shape(CanonicalWriter.composed(doc, CORE.getSchema().getScalarResolver()).node()));
    }
    assertEquals(composed, built, text);
  }

  /**
   * A Deployment whose typed fields hold any scalar: the violations found as the text gives them.
   */
  @Provide
  Arbitrary<String> deployments() {
    Arbitrary<Object> scalars =
        Arbitraries.oneOf(
            Arbitraries.of(TRICKY).map(s -> (Object) s),
            Arbitraries.longs().between(-3, 1L << 40).map(n -> (Object) n),
            Arbitraries.of(0.5, true, "3", 3).map(v -> (Object) v));
    return Combinators.combine(scalars, scalars, scalars, scalars, scalars, scalars)
        .as(
            (name, replicas, port, cpu, env, label) ->
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %s
                  labels: {app: %s}
                spec:
                  replicas: %s
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers:
                        - name: web
                          image: nginx
                          ports: [{containerPort: %s}]
                          resources: {requests: {cpu: %s}}
                          env: [{name: A, value: %s}]
                """
                    .formatted(
                        json(name), json(label), json(replicas), json(port), json(cpu), json(env)));
  }

  @Property(tries = 300)
  void formatComposed_validatingNodesFindsWhatReadingTheTextFinds(
      @ForAll("deployments") String rendered) {
    CanonicalYaml.Composed canonical = CanonicalYaml.formatComposed(rendered);
    String file = Marker.wrap("kube-generate.yaml", "web", canonical.text(), "0".repeat(64));
    assertEquals(VALIDATOR.validate(file), VALIDATOR.validate(file, canonical.nodes()), file);
  }

  @Test
  void formatComposed_tooDeepToComposeIsReadAndReportedAsTheTextIs() {
    // an alias can place a value deeper than the rendered text nests; written out it is too deep
    Object deep = "x";
    for (int i = 0; i < YamlNodes.MAX_DEPTH + 2; i++) {
      deep = List.of(deep);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("apiVersion", "v1");
    doc.put("kind", "ConfigMap");
    doc.put("metadata", Map.of("name", "x", "annotations", Map.of("a", deep)));
    assertEquals(null, CanonicalWriter.composed(doc, CORE.getSchema().getScalarResolver()).node());
    String text = CanonicalYaml.write(List.of(doc));
    var violations = VALIDATOR.validate(text, Optional.empty());
    assertEquals(VALIDATOR.validate(text), violations);
    assertTrue(violations.get(0).message().contains("nested more than"), violations.toString());
  }

  @Test
  void formatComposed_noNodesForTextLongerThanAManifest() {
    String line = "- " + "x".repeat(100) + "\n";
    String small = line.repeat(10);
    String large = line.repeat(CanonicalWriter.MAX_COMPOSED_CHARS / line.length() + 1);
    String oneLongValue = "k: " + "v".repeat(CanonicalWriter.MAX_COMPOSED_CHARS) + "\n";
    assertTrue(CanonicalYaml.formatComposed(small).nodes().isPresent());
    assertEquals(Optional.empty(), CanonicalYaml.formatComposed(large).nodes());
    assertEquals(Optional.empty(), CanonicalYaml.formatComposed(oneLongValue).nodes());
    assertEquals(Optional.empty(), CanonicalYaml.formatComposed(small + "---\n" + large).nodes());
    assertEquals(CanonicalYaml.format(large), CanonicalYaml.formatComposed(large).text());
  }

  /** A scalar as the flow-style JSON the template would print (strings quoted). */
  private static String json(Object v) {
    if (v instanceof String s) {
      return "\""
          + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t")
          + "\"";
    }
    return String.valueOf(v);
  }

  /** The tree's structure, tags and scalar texts. */
  private static String shape(Node node) {
    if (node instanceof ScalarNode s) {
      return s.getTag().getValue() + "(" + s.getValue() + ")";
    }
    if (node instanceof SequenceNode seq) {
      return seq.getValue().stream().map(CanonicalYamlTest::shape).toList().toString();
    }
    StringBuilder b = new StringBuilder("{");
    for (NodeTuple t : ((MappingNode) node).getValue()) {
      b.append(shape(t.getKeyNode())).append(": ").append(shape(t.getValueNode())).append(", ");
    }
    return b.append('}').toString();
  }
}
