package dev.kubegenerate.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kubegenerate.model.KubernetesVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    Path kubectl =
        List.of("/usr/bin/kubectl", "/usr/local/bin/kubectl").stream()
            .map(Path::of)
            .filter(Files::isExecutable)
            .findFirst()
            .orElse(null);
    assumeTrue(kubectl != null, "kubectl is not installed");
    Process p =
        new ProcessBuilder(
                kubectl.toString(),
                "apply",
                "--dry-run=client",
                "--validate=false",
                "--server=http://127.0.0.1:9",
                "-f",
                "-")
            .redirectErrorStream(true)
            .start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(text.getBytes(StandardCharsets.UTF_8));
    }
    String out;
    try (InputStream o = p.getInputStream()) {
      out = new String(o.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("kubectl did not finish");
    }
    // past the text, kubectl asks the (absent) server for the kinds it serves
    return !out.contains("error parsing");
  }
}
