package dev.kubegenerate.fast;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The plain block reader gives what snakeyaml gives, or nothing: for block texts as bodies render
 * them, and for the same texts bent in every way a template could bend them.
 */
class PlainBlockYamlTest {

  private static final LoadSettings SETTINGS = BothReaders.SETTINGS;

  private static void assertReadsAlike(String text) {
    BothReaders.assertReadsAlike(text);
  }

  private static boolean takenByThePlainReader(String text) {
    return PlainBlockYaml.read(
            text, v -> RenderedYaml.read(v, SETTINGS, false).orElseThrow().get(0))
        .isPresent();
  }

  private static final List<String> KEYS =
      List.of(
          "name",
          "app.kubernetes.io/name",
          "a_b",
          "3000",
          "08",
          "true",
          "yes",
          "null",
          "x1",
          "\"quoted key\"",
          "\"a: b\"",
          "\"\"",
          "\"k\\\"q\"",
          "Name",
          "name2",
          "k-8");

  private static final List<String> VALUES =
      List.of(
          "web",
          "apps/v1",
          "3000",
          "08",
          "1e3",
          "1.5",
          "0x1F",
          "0o17",
          "true",
          "True",
          "yes",
          "no",
          "null",
          "Null",
          "2026-01-01",
          "kube-generate",
          "a.b_c/d-e",
          "\"text: here # not\"",
          "\"\"",
          "{}",
          "[]",
          "{\"cpu\":\"100m\",\"memory\":\"128Mi\"}",
          "[1,\"two\",{\"three\":3}]",
          "\"\\u0001\\t\\\"\"",
          "-1",
          "~",
          ".inf",
          "\"x\"",
          "{\"a\":{\"b\":[]}}",
          "NaN",
          "infinity",
          "[ALL]",
          "[a, b]",
          "[ a ,b ]",
          "[1, true, null]",
          "[a b]",
          "[a,]",
          "[a, [b]]",
          "[x-y.z]",
          // what block values hold besides plain words: a colon, a percent sign, a comma, ...
          "25%",
          "/",
          "/healthz",
          "search,export",
          "ghcr.io/example/app:1.2.3",
          "app@sha256:0123abcd",
          "a=b",
          "1:30",
          "1,000",
          "+12",
          "a+b",
          "x:",
          "x:y:",
          "a:b:c",
          "http://x:8080/p",
          "%x",
          ",a",
          "@a",
          "=",
          ":a");

  /** A random block text: mappings and sequences, as bodies render them. */
  private static String text(Random random) {
    StringBuilder out = new StringBuilder();
    mapping(random, out, 0, 0, 1 + random.nextInt(4));
    return out.toString();
  }

  private static void mapping(Random random, StringBuilder out, int indent, int depth, int n) {
    for (int i = 0; i < n; i++) {
      String key = KEYS.get(random.nextInt(KEYS.size()));
      out.append(" ".repeat(indent)).append(key).append(':');
      entryValue(random, out, indent, depth);
    }
  }

  private static void entryValue(Random random, StringBuilder out, int indent, int depth) {
    int kind = depth > 3 ? 0 : random.nextInt(5);
    if (kind <= 1) {
      out.append(' ').append(VALUES.get(random.nextInt(VALUES.size()))).append('\n');
    } else if (kind == 2) {
      out.append('\n');
      mapping(random, out, indent + 2 + random.nextInt(2) * 2, depth + 1, 1 + random.nextInt(3));
    } else if (kind == 3) {
      out.append('\n');
      sequence(random, out, indent + (random.nextBoolean() ? 2 : 0), depth + 1);
    } else {
      out.append('\n'); // an empty value
    }
  }

  private static void sequence(Random random, StringBuilder out, int indent, int depth) {
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      out.append(" ".repeat(indent)).append("- ");
      if (random.nextBoolean() || depth > 3) {
        out.append(VALUES.get(random.nextInt(VALUES.size()))).append('\n');
      } else {
        String key = KEYS.get(random.nextInt(KEYS.size()));
        out.append(key).append(':');
        entryValue(random, out, indent + 2, depth + 1);
        if (random.nextBoolean()) {
          mapping(random, out, indent + 2, depth + 1, 1);
        }
      }
    }
  }

  /** One of the ways a template could bend a line. */
  private static String bend(Random random, String text) {
    String[] lines = text.split("\n", -1);
    int at = random.nextInt(lines.length);
    String line = lines[at];
    String bent =
        switch (random.nextInt(12)) {
          case 0 -> " " + line;
          case 1 -> line.startsWith(" ") ? line.substring(1) : line;
          case 2 -> line + "   ";
          case 3 -> line + " # comment";
          case 4 -> line + "\n" + line;
          case 5 -> line + "\n  continued words";
          case 6 -> "\t" + line;
          case 7 -> line + "\n# comment \u0001 with a control character";
          case 8 -> "---\n" + line;
          case 9 -> line + "\n    # a comment anywhere\n";
          case 10 -> line.replace(": ", ":");
          default -> line + "\n- stray item";
        };
    lines[at] = bent;
    return String.join("\n", lines);
  }

  @Property(tries = 400)
  void aRenderedBlockTextReadsAsSnakeyamlReadsIt(@ForAll long seed) {
    Random random = new Random(seed);
    String text = text(random);
    assertReadsAlike(text);
    for (int i = 0; i < 3; i++) {
      assertReadsAlike(bend(random, text));
    }
  }

  @Test
  void theTextsBodiesRenderAreTakenByThePlainReader() {
    String body =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: "app-web"
          labels:
            app.kubernetes.io/name: "app"
            "team": "payments"
        spec:
          # a comment
          replicas: 3
          template: {"spec":{"containers":[{"name":"web","image":"x:1"}]}}
          ports:
            - name: http
              containerPort: 8080
          args:
          - "--port"
          - 8080
        """;
    assertTrue(takenByThePlainReader(body));
    assertReadsAlike(body);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a: 1\n  b: 2\n",
        "a:\n  - x\n  b: 2\n",
        "a: 1\n- x\n",
        "- a\nb: 1\n",
        "a:\n    b: 1\n  c: 2\n",
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "a: |\n  text\n",
        "a: 'single'\n",
        "a: b: c\n",
        "a:b\n",
        "? a\n: b\n",
        "a: [x, y]\n",
        "a: 1\na: 2\n",
        "\uFEFFa: 1\n",
        "a: 1\r\nb: 2\r\n",
        "a: x y\n",
        "   a: 1\n  b: 2\n",
        "- - a\n",
        "-\n  a: 1\n",
        "- a: 1\n   b: 2\n",
        "",
        "# only a comment\n"
      })
  void oddTextsReadAsSnakeyamlReadsThem(String text) {
    assertReadsAlike(text);
  }
}
