package dev.kubegenerate.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.yaml.YamlNodes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.representer.StandardRepresenter;

/**
 * The direct canonical writer against two oracles: snakeyaml's own emitter with the canonical
 * settings (the same bytes for ordinary values), and snakeyaml's parser (any value reads back as
 * itself, under YAML 1.2's core schema).
 */
class CanonicalWriterTest {

  private static final DumpSettings SETTINGS =
      DumpSettings.builder()
          .setIndent(2)
          .setIndicatorIndent(2)
          .setIndentWithIndicator(true)
          .setDefaultFlowStyle(FlowStyle.BLOCK)
          .setDefaultScalarStyle(ScalarStyle.PLAIN)
          .setWidth(Integer.MAX_VALUE)
          .setSplitLines(false)
          .setBestLineBreak("\n")
          .build();

  /** snakeyaml with the canonical settings, quoting what YAML 1.1 would misread. */
  private static String snakeyaml(Object value) {
    StandardRepresenter representer =
        new StandardRepresenter(SETTINGS) {
          {
            this.representers.put(
                String.class,
                data -> {
                  String s = (String) data;
                  // what YAML 1.1 or 1.2 would read as another type is double-quoted, as the writer
                  // does
                  boolean yaml11 = CanonicalWriter.readAsOtherType(s);
                  ScalarStyle style =
                      s.indexOf('\n') >= 0
                          ? ScalarStyle.LITERAL
                          : yaml11 ? ScalarStyle.DOUBLE_QUOTED : ScalarStyle.PLAIN;
                  return representScalar(Tag.STR, s, style);
                });
          }
        };
    return new Dump(SETTINGS, representer).dumpToString(value);
  }

  @Provide
  Arbitrary<Object> ordinaryDocuments() {
    Arbitrary<String> words =
        Arbitraries.oneOf(
            Arbitraries.strings()
                .withChars("abcXYZ019-_./:@ ")
                .ofMinLength(1)
                .ofMaxLength(12)
                .filter(s -> !s.startsWith(" ") && !s.endsWith(" ") && !s.endsWith(":")),
            Arbitraries.of(
                "yes",
                "on",
                "0755",
                "08",
                "${X}",
                "3000",
                "1.5",
                "2026-01-01",
                "true",
                "null",
                "~",
                "-",
                "a: b",
                "# x",
                "it's",
                "\"q\"",
                "*ref",
                "&a",
                "!tag",
                "{x}",
                "[y]",
                "%p",
                "@at",
                "`b`",
                "key:",
                "---",
                "a #b",
                "x\ny\n",
                "line\nnext",
                "trail\n\n",
                "über",
                "0x1F",
                "1e3",
                ".inf",
                "<<",
                "="));
    Arbitrary<Object> scalars =
        Arbitraries.oneOf(
            words.map(s -> (Object) s),
            Arbitraries.longs().between(-5000, 5000).map(n -> (Object) n),
            Arbitraries.of(true, false).map(b -> (Object) b));
    Arbitrary<Object> level2 =
        Arbitraries.oneOf(
            scalars,
            Arbitraries.maps(words.filter(w -> w.indexOf('\n') < 0), scalars)
                .ofMaxSize(3)
                .map(m -> (Object) new LinkedHashMap<>(m)),
            scalars.list().ofMaxSize(3).map(l -> (Object) l));
    // a list directly inside a list is written "- - a" here; snakeyaml writes "-   - a"
    Arbitrary<Object> level1 =
        Arbitraries.oneOf(
            level2,
            Arbitraries.maps(words.filter(w -> w.indexOf('\n') < 0), level2)
                .ofMaxSize(3)
                .map(m -> (Object) new LinkedHashMap<>(m)),
            level2.filter(v -> !(v instanceof List)).list().ofMaxSize(3).map(l -> (Object) l));
    // snakeyaml writes a multi-line key as a complex key (`? |`); here it is double-quoted
    Arbitrary<String> keys = words.filter(w -> w.indexOf('\n') < 0);
    return Arbitraries.maps(keys, level1)
        .ofMinSize(1)
        .ofMaxSize(4)
        .map(m -> new LinkedHashMap<>(m));
  }

  @Property(tries = 300)
  void document_equalsSnakeyamlForOrdinaryValues(@ForAll("ordinaryDocuments") Object doc) {
    assertEquals(snakeyaml(doc), CanonicalWriter.document(doc));
  }

  @Property(tries = 500)
  void document_readsBackAsTheSameValue(@ForAll("anyDocuments") Object doc) {
    String yaml = CanonicalWriter.document(doc);
    Object back = new Load(YamlNodes.safeSettings("test")).loadFromString(yaml);
    assertEquals(longs(doc), longs(back), yaml);
    assertEquals(yaml, CanonicalYaml.format(yaml), "idempotent");
  }

  /** The value with every integer as a Long: the reader picks the smallest type that fits. */
  private static Object longs(Object v) {
    if (v instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(longs(k), longs(x)));
      return out;
    }
    if (v instanceof List<?> l) {
      return l.stream().map(CanonicalWriterTest::longs).toList();
    }
    return v instanceof Integer i ? (Object) i.longValue() : v;
  }

  @Provide
  Arbitrary<Object> anyDocuments() {
    Arbitrary<String> any =
        Arbitraries.strings()
            .all()
            .ofMaxLength(10)
            .filter(
                s ->
                    s.chars()
                        .noneMatch(
                            c ->
                                c == '\r'
                                    || c == 0x85
                                    || c == 0x2028
                                    || c == 0x2029
                                    || Character.isSurrogate((char) c)));
    Arbitrary<Object> scalars =
        Arbitraries.oneOf(any.map(s -> (Object) s), Arbitraries.longs().map(n -> (Object) n));
    Arbitrary<Object> nested =
        Arbitraries.oneOf(
            scalars,
            Arbitraries.maps(any, scalars).ofMaxSize(3).map(m -> (Object) new LinkedHashMap<>(m)),
            scalars.list().ofMaxSize(3).map(l -> (Object) l));
    // a document is most often a map; a scalar or a list document (a body may render one) must
    // read back too, a multi-line string as a literal block above all
    return Arbitraries.frequencyOf(
        Tuple.of(
            8,
            Arbitraries.maps(any, nested)
                .ofMinSize(1)
                .ofMaxSize(3)
                .map(m -> (Object) new LinkedHashMap<>(m))),
        Tuple.of(2, nested));
  }

  /** A body that renders one multi-line string: its lines are indented under the document. */
  @org.junit.jupiter.api.Test
  void document_aMultiLineString_isALiteralBlockThatReadsBack() {
    String yaml = CanonicalWriter.document("line one\n  line two\n");
    assertEquals("|\n  line one\n    line two\n", yaml);
    assertEquals(
        "line one\n  line two\n", new Load(YamlNodes.safeSettings("test")).loadFromString(yaml));
  }

  @org.junit.jupiter.api.Test
  void document_nestedSequencesAndEmptyCollections() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("a", List.of(List.of("x", "z"), Map.of(), List.of()));
    doc.put("b", Map.of());
    assertEquals("a:\n  - - x\n    - z\n  - {}\n  - []\nb: {}\n", CanonicalWriter.document(doc));
  }

  @org.junit.jupiter.api.Test
  void readAsOtherType_everySpecialFormAndCommonPlainValues() {
    for (String s :
        List.of(
            "y",
            "Yes",
            "NO",
            "on",
            "Off",
            "~",
            "null",
            "=",
            "<<",
            "-0b101",
            "+0755",
            "0x1F",
            "0o17",
            "-12",
            "1:20",
            ".5",
            "-.inf",
            ".NaN",
            "1e5",
            "+1.5e-3",
            "2026-01-01",
            "190:20:30.15",
            "False",
            // YAML 1.2 reads these as 8, -9 and 18, and snakeyaml ${X} as an environment tag
            "08",
            "-09",
            "018",
            "${HOME}",
            "${PATH:-/bin}",
            // go-yaml (Kubernetes' reader) takes Go's radix prefixes in either case and drops
            // underscores; the words are quoted in any case
            "0X1F",
            "0B101",
            "0O17",
            "-0X1f",
            "0_x1F",
            "-_1",
            "3.14_15",
            "1_000",
            "1_0.5e3",
            "-_",
            "yEs",
            "oN",
            "nO",
            "tRUE",
            "NuLL",
            ".iNf",
            "+.Inf",
            ".nAn")) {
      assertEquals(true, CanonicalWriter.readAsOtherType(s), s);
    }
    for (String s :
        List.of(
            "",
            "web",
            "apps/v1",
            "ghcr.io/example/people:1.2",
            "yesterday",
            "100m",
            "0x",
            "v1_000",
            "_1",
            "namespace",
            "nulls")) {
      assertEquals(false, CanonicalWriter.readAsOtherType(s), s);
    }
  }

  /**
   * Any string written plain reads back as the same string under YAML 1.1: snakeyaml 1.x's resolver
   * (kept in snakeyaml 2) and go-yaml's, which Kubernetes reads manifests with.
   */
  @Property(tries = 5000)
  void plainString_readsBackAsItselfUnderYaml11(@ForAll("numberLike") String s) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put(s, s);
    String yaml = CanonicalWriter.document(doc);
    if (!yaml.equals(s + ": " + s + "\n")) {
      return;
    }
    Object back =
        new org.yaml.snakeyaml.Yaml(
                new org.yaml.snakeyaml.constructor.SafeConstructor(
                    new org.yaml.snakeyaml.LoaderOptions()))
            .load(yaml);
    assertEquals(Map.of(s, s), back, yaml);
    assertTrue(GoYamlResolver.isString(s), () -> "go-yaml reads " + s + " as another type");
  }

  @Provide
  Arbitrary<String> numberLike() {
    Arbitrary<String> chars =
        Arbitraries.strings()
            .withChars("0123456789_.:+-eExXoObBaAfF~<=$yYnN")
            .ofMinLength(1)
            .ofMaxLength(9);
    Arbitrary<String> words =
        Arbitraries.of(
                "y", "n", "yes", "no", "on", "off", "true", "false", "null", ".inf", "+.inf",
                "-.inf", ".nan", "~")
            .flatMap(
                w ->
                    Arbitraries.integers()
                        .between(0, (1 << w.length()) - 1)
                        .map(bits -> mixedCase(w, bits)));
    // shapes a random search met late: a dot before underscores alone
    Arbitrary<String> found = Arbitraries.of("._", "-._", "._e1", "._1");
    return Arbitraries.oneOf(chars, words, found);
  }

  private static String mixedCase(String word, int bits) {
    StringBuilder b = new StringBuilder(word.length());
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      b.append((bits >> i & 1) == 1 ? Character.toUpperCase(c) : c);
    }
    return b.toString();
  }

  @Property(tries = 3000)
  void readAsOtherType_agreesWithTheFullPattern(
      @ForAll
          @StringLength(max = 12)
          @Chars({
            'y', 'e', 's', 'n', 'o', 'O', 'N', 'f', 'T', 'u', 'l', '~', '=', '<', '-', '+', '.',
            '0', '1', '5', '7', '9', 'b', 'x', 'a', 'E', ':', '_', 'i', 'I', ' ', 'z'
          })
          String s) {
    boolean expected = CanonicalWriter.matchesOtherType(s);
    assertEquals(expected, CanonicalWriter.readAsOtherType(s), s);
    // again, as the writer remembers short strings it met
    assertEquals(expected, CanonicalWriter.readAsOtherType(s), s);
  }
}
