package dev.kubegenerate.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kubegenerate.model.KubernetesVersion;
import dev.kubegenerate.testing.Kubectl;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The validator reads a manifest's YAML as kubectl does: kubectl itself (client-side, no cluster:
 * it reads the text before it asks a server anything) refuses to parse exactly the texts the
 * validator calls "not valid YAML". Skipped where kubectl is not installed.
 */
class KubectlYamlPeerTest {

  private static final String HEAD =
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n";

  /** Double-quoted escapes, YAML 1.2's and go-yaml's, and some that neither takes. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"it\\'s\"",
        "\"\\q\"",
        "\"\\/\"",
        "'it''s'",
        "\"\\x41\\u263A\\U0001F600\"",
        "\"\\N\\_\\L\\P\\e\\ \\0\\a\\v\"",
        "\"\\'\\\\'\"",
        "\"\\c\"",
        "it\\'s",
        "\"\\x4\"",
        "\"\\L\\P\\\t\"",
        "\"a\\/b\" # \\/",
        "[\"\\/\"]",
      })
  void parse_sameVerdictAsKubectl(String value) throws Exception {
    assertSameVerdict(HEAD + "  a: " + value + "\n");
  }

  /** kubectl reads a text that starts with <code>{</code> as JSON, with JSON's escapes. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"data\": {\"a\": \"\\/\"}}",
        "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"data\": {\"a\": \"\\'\"}}",
        "  {\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"data\": {\"a\": \"\\u00e9\"}}",
      })
  void parseJson_sameVerdictAsKubectl(String text) throws Exception {
    assertSameVerdict(text);
  }

  private static void assertSameVerdict(String text) throws Exception {
    boolean kubectlParses = kubectlParses(text);
    boolean weParse =
        new ManifestValidator(KubernetesVersion.of("1.36"), true, CustomResources.NONE)
            .validate(text).stream().noneMatch(v -> v.message().startsWith("not valid YAML"));
    assertEquals(kubectlParses, weParse, text);
  }

  private static boolean kubectlParses(String text) throws IOException, InterruptedException {
    // past the text, kubectl asks the (absent) server for the kinds it serves
    return !Kubectl.run(
            text,
            true,
            "apply",
            "--dry-run=client",
            "--validate=false",
            "--server=http://127.0.0.1:9",
            "-f",
            "-")
        .out()
        .contains("error parsing");
  }
}
