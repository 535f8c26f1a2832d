package dev.kubegenerate.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.yaml.YamlNodes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading a JSON literal of a rendered text without the YAML scanner gives exactly what the scanner
 * gives: the same value, or the same error, wherever the literal stands.
 */
class InlineJsonTest {

  private static void assertReadsAlike(String text) {
    BothReaders.assertReadsAlike(text);
  }

  /** Where a body may print a literal: every place YAML reads a line differently. */
  private static List<String> placements(String json) {
    return List.of(
        "key: " + json + "\n",
        "kind: A\nspec:\n  template: " + json + "\nafter: 1\n",
        "list:\n  - " + json + "\n  - - " + json + "\n",
        json + "\n",
        "a: 1\n---\nb: " + json + "   \n",
        "key: " + json + " # a comment\n",
        "# key: " + json + "\nz: 1\n",
        "text: |\n  inner: " + json + "\n",
        "text: \"quoted\n  more: " + json + "\n  end\"\n",
        "plain words\n  more: " + json + "\n",
        json + ": 1\n",
        "? " + json + "\n: 1\n",
        "key: !!str " + json + "\n",
        "key: &anchor " + json + "\n",
        "key:\n" + json + "\n",
        "\"quoted: key\": " + json + "\n",
        "deep:\n" + "  x:\n".repeat(1) + "    y: " + json + "\n");
  }

  @Property(tries = 300)
  void aLiteralReadsAsTheScannerReadsIt(@ForAll("values") Object value) throws Exception {
    String json = JsonLiteral.of(value);
    for (String text : placements(json)) {
      assertReadsAlike(text);
    }
  }

  @Provide
  Arbitrary<Object> values() {
    Arbitrary<String> strings =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(12),
            Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(8),
            Arbitraries.of(
                "",
                "yes",
                "0755",
                "1e3",
                "null",
                "~",
                "a\"b",
                "c\\d",
                "\u2028",
                "\u0085",
                "\ufeff",
                "\ud83d\ude00",
                "\ud83d",
                "tab\there",
                "x".repeat(1100),
                "#",
                ": ",
                "- "));
    Arbitrary<Object> scalars =
        Arbitraries.oneOf(
            strings.map(s -> (Object) s),
            Arbitraries.integers().map(i -> (Object) i),
            Arbitraries.longs().map(l -> (Object) l),
            Arbitraries.bigIntegers()
                .between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
                .map(b -> (Object) b),
            Arbitraries.doubles().map(d -> (Object) d),
            Arbitraries.of(true, false).map(b -> (Object) b),
            Arbitraries.just(null));
    // three levels of lists and maps, so pod-template-like nesting is common and stacks stay short
    Arbitrary<Object> level = scalars;
    for (int i = 0; i < 3; i++) {
      Arbitrary<Object> inner = level;
      level =
          Arbitraries.oneOf(
              scalars,
              inner.list().ofMaxSize(4).map(l -> (Object) l),
              Arbitraries.maps(strings, inner)
                  .ofMaxSize(4)
                  .map(m -> (Object) new LinkedHashMap<>(m)));
    }
    return Arbitraries.oneOf(
        level.list().ofMinSize(1).ofMaxSize(4).map(l -> (Object) l),
        Arbitraries.maps(strings, level)
            .ofMinSize(1)
            .ofMaxSize(4)
            .map(m -> (Object) new LinkedHashMap<>(m)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"a\":1,\"a\":2,\"padding\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}",
        "{\"a\":1,\"b\":[1,2,{\"c\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}]}",
        "[1, 2, 3, \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"]",
        "{\"a\":\"\\u0001\\n\\t\\\"\\\\\\/\",\"b\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}",
        "{\"a\":01,\"b\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}",
        "{\"a\":1.,\"b\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}",
        "{\"a\":-0.0e-0,\"b\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}",
        "{\"a\":\t1,\"b\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}",
        "{\"a\":1 ,\"b\" : \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" }",
        "{\"a\":1,\"b\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\",}",
        "{\"a\":TRUE,\"b\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}",
        "{\"a\":\"\u007f\",\"b\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}"
      })
  void hostileOrOddLiteralsReadAsTheScannerReadsThem(String json) {
    for (String text : placements(json)) {
      assertReadsAlike(text);
    }
  }

  @Property(tries = 20)
  void nestingAtTheDepthLimitFailsAlike(@ForAll("depths") int depth) {
    String json = "[".repeat(depth) + "\"" + "x".repeat(60) + "\"" + "]".repeat(depth);
    String indented = "a:\n  b:\n    c: " + json + "\n";
    assertReadsAlike(indented);
    assertReadsAlike("key: " + json + "\n");
  }

  @Provide
  Arbitrary<Integer> depths() {
    return Arbitraries.integers().between(YamlNodes.MAX_DEPTH - 4, YamlNodes.MAX_DEPTH + 2);
  }

  /** The case the extraction exists for: a body's pod template, taken out and read the same. */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aPodTemplateIsTakenOutOfTheText(boolean withLabels) throws Exception {
    Map<String, Object> container = new LinkedHashMap<>();
    container.put("name", "web");
    container.put("image", "registry.example/app:1.0.0");
    container.put("ports", List.of(Map.of("containerPort", 8080, "name", "http")));
    Map<String, Object> pod = new LinkedHashMap<>();
    pod.put("metadata", withLabels ? Map.of("labels", Map.of("app", "x")) : Map.of());
    pod.put("spec", Map.of("containers", new ArrayList<>(List.of(container))));
    String text = "kind: Deployment\nspec:\n  template: " + JsonLiteral.of(pod) + "\n";
    InlineJson.Extracted extracted =
        InlineJson.extract(text, v -> v).orElseThrow(() -> new AssertionError("not extracted"));
    assertEquals(
        "kind: Deployment\nspec:\n  template: " + InlineJson.PREFIX + "0\n", extracted.text());
    assertTrue(extracted.depths().get(0) >= 5, extracted.depths().toString());
    assertReadsAlike(text);
  }
}
