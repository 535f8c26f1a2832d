package dev.kubegenerate.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SecretMaskTest {

  @Test
  void mask_secretDataAndStringData_valuesMaskedKeysKept() {
    String text =
        """
        apiVersion: v1
        kind: Secret
        metadata:
          name: db
        type: Opaque
        data:
          password: c2VjcmV0
          "tls.crt": LS0tLS1CRUdJTg==
        stringData:
          url: postgres://user:hunter2@db/people
        """;
    assertEquals(
        """
        apiVersion: v1
        kind: Secret
        metadata:
          name: db
        type: Opaque
        data:
          password: ***
          "tls.crt": ***
        stringData:
          url: ***
        """,
        SecretMask.mask(text));
  }

  @Test
  void mask_aliasDagUnderData_maskedInSeconds() {
    // 24 levels of two aliases each: 49 aliases, within the reader's limit, name 2^24 paths
    StringBuilder text = new StringBuilder("kind: Secret\nmetadata:\n  labels:\n");
    text.append("    l0: &a0 [dag0value, x]\n");
    for (int i = 1; i < 25; i++) {
      text.append("    l%d: &a%d [*a%d, *a%d]\n".formatted(i, i, i - 1, i - 1));
    }
    text.append("data:\n  t: *a24\n");
    String masked =
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> SecretMask.mask(text.toString()));
    assertTrue(masked.contains("    l0: *** [***, ***]\n"), masked);
    assertFalse(masked.contains("dag0value"), masked);
  }

  @Test
  void mask_kindAfterLineSeparatorInComment_wholeTextMasked() {
    // YAML 1.2 reads "kind: Secret" as part of the comment; Kubernetes (YAML 1.1) as a key
    String text = "# note\u2028kind: Secret\ndata:\n  token: abc\n";
    assertEquals("*** ***\u2028***: ***\n***:\n  ***: ***\n", SecretMask.mask(text));
  }

  @Test
  void couldHoldSecret_aCommentLineNamingSecrets_isNoSecret_unlessAnotherLineBreakCouldEndIt() {
    // a generated file's marker line lists parameters such as envFromSecrets
    String marked = "# kube-generate: template=web reads=envFromSecrets\nkind: ConfigMap\n";
    assertFalse(SecretSpans.couldHoldSecret(marked));
    assertTrue(SecretSpans.couldHoldSecret(marked + "---\nkind: Secret\n"));
    assertTrue(SecretSpans.couldHoldSecret("  # indented: Secret\n"));
    assertTrue(SecretSpans.couldHoldSecret("# note\u2028kind: Secret\n"));
    assertTrue(SecretSpans.couldHoldSecret("# note\rkind: Secret\n"));
    assertTrue(SecretSpans.couldHoldSecret("# note\u0085kind: Secret\n"));
    assertTrue(SecretSpans.couldHoldSecret("# note\nkind: \"Secr\\x65t\"\n"));
  }

  @Test
  void mask_byteOrderMarkAtEachDocumentStart_maskedAsUsual() {
    // `cat` of files saved with a byte-order mark: both readings agree, so only values are hidden
    String text = "\uFEFFapiVersion: v1\n---\n\uFEFFapiVersion: v1\nkind: Secret\ndata: {t: abc}\n";
    assertEquals(
        "\uFEFFapiVersion: v1\n---\n\uFEFFapiVersion: v1\nkind: Secret\ndata: {t: ***}\n",
        SecretMask.mask(text));
  }

  @Test
  void mask_byteOrderMarkBeforeKind_wholeTextMasked() {
    // YAML 1.2 reads the key "\uFEFFkind"; Kubernetes drops the mark at a document's start
    String text = "kind: ConfigMap\n---\n\uFEFFkind: Secret\ndata:\n  token: abc\n";
    assertEquals("***: ***\n---\n***: ***\n***:\n  ***: ***\n", SecretMask.mask(text));
  }

  @Test
  void mask_dataBeforeKind_stillMasked() {
    assertEquals(
        "data:\n  token: ***\nkind: Secret\n",
        SecretMask.mask("data:\n  token: abc\nkind: Secret\n"));
  }

  @Test
  void mask_blockScalar_continuationLinesMaskedLineCountKept() {
    String text =
        """
        kind: Secret
        stringData:
          config.yaml: |
            user: admin
            password: hunter2

            port: 5432
          other: >-
            folded
            text
        metadata:
          name: x
        """;
    assertEquals(
        """
        kind: Secret
        stringData:
          config.yaml: ***
            ***
            ***

            ***
          other: ***
            ***
            ***
        metadata:
          name: x
        """,
        SecretMask.mask(text));
  }

  @Test
  void mask_configMapAndOtherDocuments_untouched() {
    String text =
        """
        kind: ConfigMap
        data:
          color: blue
        ---
        kind: Secret
        data:
          key: dmFsdWU=
        ---
        kind: ConfigMap
        data:
          size: large
        """;
    assertEquals(text.replace("dmFsdWU=", "***"), SecretMask.mask(text));
  }

  @Test
  void mask_invalidYaml_stillMasked() {
    String text = "kind: Secret\ndata:\n  a: [unclosed\n    b: \"open\n\tc: tab\n: weird\n";
    assertEquals(
        "***: ***\n***:\n  ***: [***\n    ***: ***\n\t***: ***\n: ***\n", SecretMask.mask(text));
  }

  @Test
  void mask_crlfBomAndNoFinalNewline_bytesAroundValuesKept() {
    String text = "\uFEFFkind: Secret\r\ndata:\r\n  a: b\r\n  c: d";
    assertEquals("\uFEFFkind: Secret\r\ndata:\r\n  a: ***\r\n  c: ***", SecretMask.mask(text));
  }

  @Test
  void mask_quotedKindAndComments_masked() {
    String text =
        "kind: \"Secret\" # the db\ndata:\n  # old: cGFzcw==\n  new: cGFzcw== # rotated\n";
    assertEquals(
        "kind: \"Secret\" # the db\ndata:\n  *** ***: ***\n  new: *** *** ***\n",
        SecretMask.mask(text));
  }

  @Test
  void mask_secretsInsideList_eachItemMasked() {
    String text =
        """
        kind: List
        items:
        - apiVersion: v1
          kind: Secret
          data:
            a: YQ==
        - kind: ConfigMap
          data:
            b: plain
        - data:
            c: Yw==
          kind: Secret
        """;
    assertEquals(text.replace("YQ==", "***").replace("Yw==", "***"), SecretMask.mask(text));
  }

  @Test
  void mask_prettyJson_valuesMasked() {
    String text =
        """
        {
          "apiVersion": "v1",
          "kind": "Secret",
          "data": {
            "password": "c2VjcmV0",
            "user": "dXNlcg=="
          },
          "type": "Opaque"
        }
        """;
    assertEquals(
        text.replace("\"c2VjcmV0\",", "***,").replace("\"dXNlcg==\"", "***"),
        SecretMask.mask(text));
  }

  @Test
  void mask_oneLineJsonAndFlowMapping_masked() {
    assertEquals(
        "{\"kind\":\"Secret\",\"data\":{\"a\":***}}\n",
        SecretMask.mask("{\"kind\":\"Secret\",\"data\":{\"a\":\"YQ==\"}}\n"));
    assertEquals(
        "kind: Secret\ndata: {a: ***, \"b\": ***}\nstringData: {}\n",
        SecretMask.mask("kind: Secret\ndata: {a: YQ==, \"b\": Yg==}\nstringData: {}\n"));
  }

  @Test
  void mask_dataAsSequenceOrScalar_masked() {
    assertEquals(
        "kind: Secret\ndata:\n- ***\n- ***\nstringData: ***\n",
        SecretMask.mask("kind: Secret\ndata:\n- one\n- two\nstringData: plain\n"));
  }

  @Test
  void mask_indentedDocument_masked() {
    assertEquals(
        "  kind: Secret\n  data:\n    a: ***\n",
        SecretMask.mask("  kind: Secret\n  data:\n    a: b\n"));
  }

  @Test
  void mask_lastAppliedConfiguration_dataInsideTheJsonMasked() {
    String text =
        """
        kind: Secret
        metadata:
          annotations:
            kubectl.kubernetes.io/last-applied-configuration: |
              {"apiVersion":"v1","data":{"password":"aHVudGVyMg=="},"kind":"Secret"}
            other: '{"kind":"Secret","stringData":{"a":"plain"}}'
        data:
          password: aHVudGVyMg==
        """;
    assertEquals(
        """
        kind: Secret
        metadata:
          annotations:
            kubectl.kubernetes.io/last-applied-configuration: ***
              ***
            other: ***
        data:
          password: ***
        """,
        SecretMask.mask(text));
  }

  @Test
  void mask_secretManifestInsideConfigMapValue_maskedToo() {
    String text = "kind: ConfigMap\ndata:\n  s.yaml: |\n    kind: Secret\n    data:\n      k: v\n";
    assertEquals(
        "kind: ConfigMap\ndata:\n  s.yaml: ***\n    ***\n    ***\n      ***\n",
        SecretMask.mask(text));
  }

  @Test
  void mask_manyKindLinesInOneMapping_linearNotQuadratic() {
    // 200,000 lines: rescanning the mapping for each kind line would take minutes
    String text = "kind: Secret\n".repeat(100_000) + "data:\n  a: b\n".repeat(50_000);
    String masked = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> SecretMask.mask(text));
    assertEquals("kind: Secret\n".repeat(100_000) + "data:\n  a: ***\n".repeat(50_000), masked);
  }

  @Test
  void mask_noSecret_sameText() {
    String text = "kind: Deployment\nspec:\n  data: x\n  template:\n    kind: Secretive\n";
    assertEquals(text, SecretMask.mask(text));
    assertEquals("", SecretMask.mask(""));
  }

  @Property(tries = 500)
  void mask_anyText_sameLinesAndLineEndings(@ForAll("yamlish") String text) {
    List<String> before = TextDiff.lines(text);
    List<String> after = TextDiff.lines(SecretMask.mask(text));
    assertEquals(before.size(), after.size(), text);
    for (int i = 0; i < before.size(); i++) {
      assertEquals(ending(before.get(i)), ending(after.get(i)), text);
    }
  }

  @Provide
  Arbitrary<String> yamlish() {
    Arbitrary<String> body =
        Arbitraries.of(
            "kind: Secret",
            "data:",
            "stringData: |",
            "  a: b",
            "  b: |",
            "    x",
            "- kind: Secret",
            "  data: {a: 1, b: [2]}",
            "---",
            "",
            "# c",
            "\"kind\": \"Secret\",",
            "{\"data\": {",
            "  - y",
            "\t z",
            "\uFEFFkind: Secret",
            "key: \"open",
            "  ? k");
    Arbitrary<String> line =
        body.flatMap(b -> Arbitraries.of("\n", "\r\n", "\r", "").map(end -> b + end));
    return line.list().ofMaxSize(20).map(lines -> String.join("", lines));
  }

  private static String ending(String line) {
    return line.endsWith("\r\n")
        ? "CRLF"
        : line.endsWith("\n") ? "LF" : line.endsWith("\r") ? "CR" : "";
  }
}
