package dev.kubegenerate.kubernetes;

import static dev.kubegenerate.kubernetes.ManifestValidatorValuesTest.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.model.KubernetesVersion;
import dev.kubegenerate.model.Violation;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A committed manifest is read as kubectl reads it (go-yaml, YAML 1.1), where that differs from
 * YAML 1.2: what kubectl applies is not invalid, and what it refuses is.
 */
class ManifestValidatorYamlTest {

  @Test
  void validate_singleQuoteEscapeInDoubleQuotes_isReadAsKubectlReadsIt() {
    String text =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: c}
        data:
          greeting: "it\\'s here"
          plain: it\\'s
          escaped: "a backslash \\\\' then a quote"
        """;
    assertEquals(List.of(), check("1.36", text));
  }

  @Test
  void validate_afterASingleQuoteEscape_violationsKeepTheirColumns() {
    String text =
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers: [{name: "it\\'s", image: x, imagePullPolicy: always}]
        """;
    List<Violation> found =
        new ManifestValidator(KubernetesVersion.of("1.36"), true, CustomResources.NONE)
            .validate(text);
    assertEquals(1, found.size(), found.toString());
    int column = text.lines().toList().get(4).indexOf("always") + 1;
    assertEquals(List.of(5, column), List.of(found.get(0).line(), found.get(0).column()));
  }

  @Test
  void validate_anEscapeKubectlRefusesToo_isNotValidYaml() {
    List<String> found =
        check("1.36", "apiVersion: v1\nkind: ConfigMap\ndata:\n  a: \"it\\'s \\q\"\n");
    assertEquals(1, found.size(), found.toString());
    assertTrue(found.get(0).startsWith("invalid error 4 : not valid YAML: found unknown escape"));
  }

  /**
   * NEL, LS and PS end a comment for kubectl: what follows on the same line for a YAML 1.2 reader
   * is a field kubectl applies, and is validated, at the line kubectl counts.
   */
  @Test
  void validate_aFieldBehindACommentThatAYaml11BreakEnds_isValidated() {
    String text =
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c # reviewed\u2028  labels: [a, b]\n"
            + "data: # none\u0085  k: 7\n";
    assertEquals(
        List.of(
            "invalid error 5 metadata.labels: expected an object, got a list",
            "invalid error 7 data.k: expected a string, got integer 7; quote it"),
        check("1.36", text));
  }

  /** go-yaml reads {@code yes}, {@code on}, {@code n} as booleans: a string field refuses them. */
  @Test
  void validate_unquotedYaml11Boolean_inAStringField_isInvalid() {
    String text =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: c, labels: {enabled: yes}}
        data:
          a: on
          b: "yes"
          c: No
          d: 'off'
          e: true
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: s}
        stringData:
          flag: Y
        """;
    assertEquals(
        List.of(
            "invalid error 3 metadata.labels.enabled: expected a string, got yes,"
                + " which kubectl reads as a boolean (YAML 1.1); quote it",
            "invalid error 5 data.a: expected a string, got on,"
                + " which kubectl reads as a boolean (YAML 1.1); quote it",
            "invalid error 7 data.c: expected a string, got No,"
                + " which kubectl reads as a boolean (YAML 1.1); quote it",
            "invalid error 9 data.e: expected a string, got boolean true; quote it",
            "invalid error 15 stringData.flag: expected a string, kubectl reads the value as a"
                + " boolean (YAML 1.1); quote it (the value is not shown: it is Secret data)"),
        check("1.36", text));
  }

  /**
   * snakeyaml-engine tags a plain {@code ${NAME}} for substitution; kubectl reads a string, as
   * manifests that a script fills in (envsubst) hold them.
   */
  @Test
  void validate_placeholderLikeAnEnvironmentVariable_isAString() {
    String text =
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          serviceAccountName: ${KSA_NAME}
          containers:
            - name: a
              image: ${IMAGE}
              ports:
                - containerPort: 80
                  protocol: ${P}
        """;
    assertEquals(
        List.of(
            "invalid error 11 spec.containers[0].ports[0].protocol:"
                + " \"${P}\" is not one of SCTP, TCP, UDP"),
        check("1.36", text));
  }

  /** A file full of kubectl's escapes is read in bounded time: two scans, one rewrite. */
  @Test
  void validate_manyEscapes_boundedTime() {
    StringBuilder quotes = new StringBuilder("apiVersion: v1\nkind: ConfigMap\ndata:\n");
    StringBuilder slashes = new StringBuilder(quotes);
    for (int i = 0; i < 40_000; i++) {
      quotes.append("  k").append(i).append(": \"\\' \\L\"\n");
      slashes.append("  k").append(i).append(": \"\\'\\/\"\n");
    }
    List<String> read =
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> check("1.36", quotes.toString()));
    assertEquals(List.of(), read);
    List<String> refused =
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> check("1.36", slashes.toString()));
    assertEquals(
        List.of(
            "invalid error 4 : not valid YAML as kubectl reads it: found unknown escape character /"
                + " (write / without the backslash)"),
        refused);
  }
}
