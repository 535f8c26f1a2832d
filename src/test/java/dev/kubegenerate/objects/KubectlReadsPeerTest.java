package dev.kubegenerate.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubegenerate.testing.Kubectl;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The objects impact, import and the fixes compare are the objects kubectl applies, where YAML 1.1
 * and 1.2 part ways on line breaks: NEL, LS and PS end a line (and a comment) for kubectl, and a
 * byte-order mark may start any line. kubectl itself is the peer: {@code kubectl label --local -o
 * json} reads the text as {@code apply} does and prints the objects without asking a server.
 * Skipped where kubectl is not installed.
 */
class KubectlReadsPeerTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(
      strings = {
        // a key behind a comment that LS, PS or NEL ends
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a # note\u2028  namespace: kube-system\n",
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a # note\u2029  labels: {app: x}\n",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a} # n\u0085data: {k: v}\n",
        // only YAML 1.1 breaks, and a mix with CRLF
        "apiVersion: v1\u0085kind: ConfigMap\u0085metadata: {name: b}\u0085",
        "apiVersion: v1\r\nkind: ConfigMap\u2028metadata: {name: c}\r\ndata:\u2029  k: v\r\n",
        // NEL inside scalars, which kubectl reads as LF
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: d}\ndata:\n  k: \"n\u0085  m\"\n"
            + "  p: one\u0085    two\n  q: |\n    l1\u0085    l2\n",
        // a byte-order mark at the start of a line (a character of the key), of a document, and
        // of the file
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: e}\n\uFEFFdata: {k: v}\n",
        "\uFEFFapiVersion: v1\nkind: ConfigMap\nmetadata: {name: f}\n---\n\uFEFFapiVersion: v1\n"
            + "kind: ConfigMap\nmetadata: {name: g}\n",
        // a separator line of Unicode spaces, and a part of no object
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: h}\n---\u00a0\u2003\napiVersion: v1\n"
            + "kind: ConfigMap\nmetadata: {name: i}\n--- \n# nothing\n",
      })
  void objects_asKubectlReadsThem(String text) throws Exception {
    List<JsonNode> ours = new ArrayList<>();
    for (ManifestObject o : Manifests.read(text, "", "m.yaml").objects()) {
      ours.add(JSON.valueToTree(o.body()));
    }
    assertEquals(kubectlObjects(text), ours, text);
  }

  /** The objects kubectl reads from {@code text}, the label it was asked to add taken off again. */
  private static List<JsonNode> kubectlObjects(String text) throws Exception {
    // one JSON document per object, one after the other
    List<JsonNode> objects =
        JSON.readerFor(JsonNode.class).<JsonNode>readValues(kubectlLabel(text)).readAll();
    for (JsonNode o : objects) {
      ObjectNode metadata = (ObjectNode) o.get("metadata");
      ObjectNode labels = (ObjectNode) metadata.get("labels");
      labels.remove("kube-generate-peer");
      if (labels.isEmpty()) {
        metadata.remove("labels");
      }
    }
    return objects;
  }

  private static String kubectlLabel(String text) throws IOException, InterruptedException {
    Kubectl.Result read =
        Kubectl.run(
            text, false, "label", "--local", "-o", "json", "-f", "-", "kube-generate-peer=1");
    if (read.exit() != 0) {
      throw new IOException("kubectl refused the text: " + JSON.writeValueAsString(text));
    }
    return read.out();
  }
}
