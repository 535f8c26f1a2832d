package dev.kubegenerate.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

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
}
