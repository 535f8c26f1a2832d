package dev.kubegenerate.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The one canonical form of every generated manifest (SPEC §3). */
class CanonicalYamlTest {

  @Test
  void format_writesTheCanonicalStyle() {
    String messy = "kind:   Deployment\r\nspec: {replicas: 2, containers: [{name: web, args: [a, b]}]}\r\nempty: {}\r\nnone: null";
    assertEquals("""
        kind: Deployment
        spec:
          replicas: 2
          containers:
            - name: web
              args:
                - a
                - b
        empty: {}
        """, CanonicalYaml.format(messy));
  }

  @Test
  void format_quotesStringsThatYaml11WouldReadAsOtherTypes() {
    String in = "a: \"yes\"\nb: \"on\"\nc: \"0755\"\nd: \"2026-01-01\"\ne: \"3000\"\nf: \"1.5\"\ng: \"~\"\nh: plain text\ni: \"1:20\"\n";
    assertEquals("a: \"yes\"\nb: \"on\"\nc: \"0755\"\nd: \"2026-01-01\"\ne: \"3000\"\nf: \"1.5\"\ng: \"~\"\nh: plain text\ni: \"1:20\"\n",
        CanonicalYaml.format(in));
  }

  @Test
  void format_keepsKeyOrderAndSeparatesDocuments() {
    assertEquals("z: 1\na: 2\n---\nkind: B\n", CanonicalYaml.format("---\nz: 1\na: 2\n---\n---\nkind: B\n...\n"));
  }

  @Test
  void format_isIdempotent() {
    String in = "metadata:\n  name: x\n  annotations: {note: \"multi\\nline\\ntext\"}\ndata:\n  key: ': colon'\n  'true': 'false'\n";
    String once = CanonicalYaml.format(in);
    assertEquals(once, CanonicalYaml.format(once));
  }

  @Test
  void format_writesMultiLineStringsAsLiteralBlocks() {
    assertEquals("data:\n  script: |\n    echo one\n    echo two\n", CanonicalYaml.format("data: {script: \"echo one\\necho two\\n\"}"));
  }

  @Test
  void format_emptyTextHasNoDocuments() {
    assertEquals("", CanonicalYaml.format("\n# only a comment\n"));
  }

  @Test
  void readAsOtherType_everySpecialForm() {
    for (String s : java.util.List.of("y", "Yes", "NO", "on", "Off", "~", "null", "=", "<<", "-0b101", "+0755", "0x1F", "-12",
        "1:20", ".5", "-.inf", ".NaN", "1e5", "+1.5e-3", "2026-01-01", "190:20:30.15")) {
      assertEquals(true, CanonicalYaml.readAsOtherType(s), s);
    }
    for (String s : java.util.List.of("", "web", "apps/v1", "ghcr.io/example/people:1.2", "yesterday", "100m", "a-0001", "namespace", "nulls", "trueish")) {
      assertEquals(false, CanonicalYaml.readAsOtherType(s), s);
    }
  }

  @Property(tries = 3000)
  void readAsOtherType_agreesWithTheFullPattern(
      @ForAll @StringLength(max = 12) @Chars({'y', 'e', 's', 'n', 'o', 'O', 'N', 'f', 'T', 'u', 'l', '~', '=', '<', '-', '+',
          '.', '0', '1', '5', '7', '9', 'b', 'x', 'a', 'E', ':', '_', 'i', 'I', ' ', 'T', 'z'}) String s) {
    assertEquals(CanonicalYaml.YAML11_SPECIAL.matcher(s).matches(), CanonicalYaml.readAsOtherType(s), s);
  }
}
