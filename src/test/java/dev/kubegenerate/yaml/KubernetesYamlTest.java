package dev.kubegenerate.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubegenerate.model.InputException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Manifest text read as Kubernetes reads it, held to {@code kubectl}'s own reading. */
class KubernetesYamlTest {

  @TempDir Path temp;

  private static Map<?, ?> data(String yaml) throws InputException {
    List<Object> docs = KubernetesYaml.documents(yaml, "m.yaml");
    assertEquals(1, docs.size());
    return (Map<?, ?>) ((Map<?, ?>) docs.get(0)).get("data");
  }

  @Test
  void documents_yaml11ScalarsAsGoYamlV2ReadsThem() throws InputException {
    Map<?, ?> data =
        data(
            """
            data:
              a: yes
              b: 0755
              c: y
              d: 1:30
              e: 2024-01-01
              f: 1e3
              g: 0x1F
              h: 1_000
              i: .5
              j: 0o17
              k: "yes"
              l: off
              m: 08
              nil: ~
              o: !!str 0755
              n: key
            """);
    assertEquals(true, data.get("a"));
    assertEquals(493L, data.get("b"));
    assertEquals(true, data.get("c"));
    assertEquals("1:30", data.get("d"));
    assertEquals("2024-01-01", data.get("e"));
    assertEquals(1000.0, data.get("f"));
    assertEquals(31L, data.get("g"));
    assertEquals(1000L, data.get("h"));
    assertEquals(0.5, data.get("i"));
    assertEquals(15L, data.get("j"));
    assertEquals("yes", data.get("k"));
    assertEquals(false, data.get("l"));
    assertEquals(8.0, data.get("m"));
    assertTrue(data.containsKey("nil") && data.get("nil") == null);
    // a key too: go-yaml v2 reads `n` as false, and JSON keys are strings
    assertEquals("key", data.get("false"));
    assertEquals("0755", data.get("o"));
  }

  @Test
  void documents_mergeKeysInOrderWrittenAndTheLastDuplicateWins() throws InputException {
    Map<?, ?> data =
        data(
            """
            data:
              a: 1
              a: 2
              base: &b {x: 1, z: 5}
              m1:
                x: 0
                <<: *b
              m2:
                <<: *b
                x: 0
              m3:
                <<: [{x: 1}, {x: 2, w: 3}]
              k: {0x10: a, true: b}
            """);
    assertEquals(2L, data.get("a"));
    assertEquals(Map.of("x", 1L, "z", 5L), data.get("m1"));
    assertEquals(Map.of("x", 0L, "z", 5L), data.get("m2"));
    assertEquals(Map.of("x", 1L, "w", 3L), data.get("m3"));
    assertEquals(Map.of("16", "a", "true", "b"), data.get("k"));
  }

  @Test
  void documents_badInputIsALocatedProblem() {
    InputException e =
        assertThrows(
            InputException.class, () -> KubernetesYaml.documents("a: [1\nb: 2\n", "x.yaml"));
    assertTrue(e.problems().get(0).format().startsWith("x.yaml:"), e.problems().toString());
    InputException infinity =
        assertThrows(InputException.class, () -> KubernetesYaml.documents("a: .inf\n", "i.yaml"));
    assertEquals(
        "i.yaml:1:4: \".inf\" is a number JSON cannot hold", infinity.problems().get(0).format());
    InputException nullKey =
        assertThrows(InputException.class, () -> KubernetesYaml.documents("~: 1\n", "y.yaml"));
    assertEquals("y.yaml:1:1: map keys must be single values", nullKey.problems().get(0).format());
  }

  @Test
  void documents_recursiveOrExplodingAliasesStopQuickly() {
    String bomb =
        "a: &a [x, x, x, x, x, x, x, x, x]\n"
            + "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
            + "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
            + "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
            + "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n";
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          assertThrows(InputException.class, () -> KubernetesYaml.documents(bomb, "b.yaml"));
          assertThrows(
              InputException.class, () -> KubernetesYaml.documents("a: &a [*a]\n", "r.yaml"));
        });
  }

  /** Many plain scalars, read here and by kubectl: the same values, key for key. */
  @Test
  void documents_plainScalarsAsKubectlReadsThem() throws Exception {
    List<String> scalars =
        new ArrayList<>(
            List.of(
                "yes",
                "No",
                "ON",
                "off",
                "y",
                "n",
                "Y",
                "N",
                "true",
                "False",
                "~",
                "null",
                "0755",
                "08",
                "0x1F",
                "0X1f",
                "0o17",
                "0b101",
                "-0b101",
                "+12",
                "-12",
                "1_000",
                "1e3",
                "1E-2",
                ".5",
                "-.5",
                "+.5e2",
                "1.",
                "1.5.2",
                "0.0",
                "-0",
                "9223372036854775807",
                "9223372036854775808",
                "18446744073709551616",
                "-9223372036854775809",
                "1:30",
                "2024-01-01",
                "0x",
                "0b",
                "1e400",
                "0_1",
                "12abc",
                "+",
                "-",
                ".",
                "0.",
                "00",
                "007",
                "0xG",
                "1__0",
                "+0x10",
                "-0o7",
                "0e0",
                "1e+3",
                ".e3"));
    scalars.removeIf(s -> s.equals("-") || s.equals("+") || s.equals("."));
    Random random = new Random(7);
    String alphabet = "0123456789+-._xobeEyYnNoO";
    for (int i = 0; i < 600; i++) {
      StringBuilder s = new StringBuilder();
      int length = 1 + random.nextInt(6);
      for (int j = 0; j < length; j++) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      // a lone "-" or one followed by a space starts a list: no plain scalar
      if (!s.toString().equals("-") && !s.toString().equals(".")) {
        scalars.add(s.toString());
      }
    }
    StringBuilder yaml =
        new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: t\ndata:\n");
    for (int i = 0; i < scalars.size(); i++) {
      yaml.append("  k").append(i).append(": ").append(scalars.get(i)).append('\n');
    }
    Map<?, ?> ours;
    try {
      ours = data(yaml.toString());
    } catch (InputException e) {
      throw new AssertionError(e.problems().toString());
    }
    Map<?, ?> theirs = (Map<?, ?>) kubectl(yaml.toString()).get("data");
    for (int i = 0; i < scalars.size(); i++) {
      String key = "k" + i;
      assertEquals(normal(theirs.get(key)), normal(ours.get(key)), "the scalar " + scalars.get(i));
    }
  }

  private static Object normal(Object v) {
    if (v instanceof Number n && !(v instanceof Double d && !Double.isFinite(d))) {
      return new BigDecimal(n.toString()).stripTrailingZeros();
    }
    return v;
  }

  /** The object as {@code kubectl} reads it from a file, offline. */
  private Map<?, ?> kubectl(String yaml) throws IOException, InterruptedException {
    Path file = temp.resolve("m.yaml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    Process p;
    try {
      p =
          new ProcessBuilder(
                  "kubectl", "annotate", "--local", "-f", file.toString(), "x=y", "-o", "json")
              .redirectErrorStream(false)
              .start();
    } catch (IOException e) {
      Assumptions.abort("kubectl is not installed: " + e.getMessage());
      throw e;
    }
    byte[] out = p.getInputStream().readAllBytes();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), err);
    return new ObjectMapper().readValue(out, LinkedHashMap.class);
  }
}
