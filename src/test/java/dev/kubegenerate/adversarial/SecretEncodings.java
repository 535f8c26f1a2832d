package dev.kubegenerate.adversarial;

import java.util.List;
import java.util.function.Function;

/**
 * One Secret written in the encodings a YAML 1.2 or JSON parser reads alike, and in those
 * Kubernetes' YAML 1.1 reader alone reads as a Secret; each takes the value to hide and returns a
 * document (or several) holding it under {@code data} or {@code stringData}. The value never
 * appears elsewhere in the text except where an encoding defines it (an anchor).
 */
final class SecretEncodings {

  private SecretEncodings() {}

  /** Every encoding, named. */
  static final List<Encoding> ALL =
      List.of(
          new Encoding(
              "block",
              v ->
                  "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  token: "
                      + v
                      + "\n"),
          new Encoding(
              "flow over lines",
              v ->
                  "{apiVersion: v1, kind: Secret,\n metadata: {name: s},\n stringData: {token:\n   "
                      + v
                      + "}}\n"),
          new Encoding(
              "pretty JSON",
              v ->
                  "{\n  \"kind\": \"Secret\",\n  \"data\": {\n    \"token\": \""
                      + v
                      + "\"\n  }\n}\n"),
          new Encoding(
              "JSON split over lines",
              v -> "{\"kind\"\n:\n\"Secret\",\"data\"\n:{\"token\"\n:\n\"" + v + "\"}}\n"),
          new Encoding(
              "tags", v -> "kind: !!str Secret\n!!str data: !!map\n  token: !!str " + v + "\n"),
          new Encoding(
              "alias to a value",
              v ->
                  "metadata:\n  labels:\n    x: &v "
                      + v
                      + "\nkind: Secret\nstringData:\n  token: *v\n"),
          new Encoding(
              "alias for kind",
              v -> "metadata: {annotations: {k: &k Secret}}\nkind: *k\ndata: {token: " + v + "}\n"),
          new Encoding(
              "alias for data", v -> "base: &d {token: " + v + "}\nkind: Secret\ndata: *d\n"),
          new Encoding(
              "quoted keys", v -> "\"kind\": \"Secret\"\n'data':\n  \"tok\\x65n\": '" + v + "'\n"),
          new Encoding(
              "escaped keys",
              v -> "\"\\x6bind\": \"\\u0053ecret\"\n\"\\x64ata\": {t: \"" + v + "\"}\n"),
          new Encoding("complex keys", v -> "? kind\n: Secret\n? data\n: ? token\n  : " + v + "\n"),
          new Encoding(
              "comments",
              v ->
                  "kind: Secret # c\ndata: # "
                      + v
                      + "\n  # old: "
                      + v
                      + "\n  token: "
                      + v
                      + " # "
                      + v
                      + "\n"),
          new Encoding(
              "List items",
              v ->
                  "apiVersion: v1\nkind: List\nitems:\n- kind: ConfigMap\n  data: {a: b}\n- kind: Secret\n  data:\n    token: "
                      + v
                      + "\n"),
          new Encoding(
              "second document",
              v ->
                  "kind: ConfigMap\ndata: {a: b}\n---\nkind: Secret\nstringData:\n  t: "
                      + v
                      + "\n...\n"),
          new Encoding(
              "block scalar", v -> "kind: Secret\nstringData:\n  t: |\n    line\n    " + v + "\n"),
          new Encoding(
              "folded scalar",
              v -> "kind: Secret\nstringData:\n  t: >-\n    first\n\n    " + v + "\n"),
          new Encoding(
              "escaped line break in kind", v -> "kind: \"Sec\\\n  ret\"\ndata: {t: " + v + "}\n"),
          new Encoding(
              "line separator in a comment",
              v -> "# note\u2028kind: nothing\nkind: Secret\ndata:\n  t: \"" + v + "\"\n"),
          new Encoding(
              "kind through a merge key",
              v -> "meta: &m {kind: Secret}\n<<: *m\ndata: {t: " + v + "}\n"),
          new Encoding(
              "data through a merge key",
              v -> "d: &d {data: {t: " + v + "}}\nkind: Secret\n<<: [*d]\n"),
          new Encoding("data before kind", v -> "data:\n  t: " + v + "\nkind: Secret\n"),
          new Encoding("sequence under data", v -> "kind: Secret\ndata:\n- " + v + "\n"),
          new Encoding(
              "nested in an annotation",
              v ->
                  "kind: ConfigMap\nmetadata:\n  annotations:\n    last: '{\"kind\":\"Secret\",\"data\":{\"a\":\""
                      + v
                      + "\"}}'\n"),
          new Encoding(
              "plain multi-line value",
              v -> "kind: Secret\nstringData:\n  t: first\n    " + v + "\n"),
          new Encoding("does not parse", v -> "kind: Secret\ndata:\n  t: " + v + "\n  : [\n"),
          // Kubernetes reads YAML 1.1, where NEL, LS and PS end a line (and so a comment) too
          new Encoding(
              "next line ends a comment",
              v ->
                  "apiVersion: v1\nmetadata: {name: s} # x\u0085kind: Secret\ndata:\n  t: "
                      + v
                      + "\n"),
          new Encoding(
              "line separator ends a comment before data",
              v -> "kind: Secret\ndata: # x\u2028  t: " + v + "\n"),
          new Encoding(
              "paragraph separator ends a comment",
              v -> "# x\u2029kind: Secret\nstringData: {t: " + v + "}\n"),
          new Encoding(
              "line separator in a value",
              v -> "kind: Secret\nstringData:\n  t: a\u2028  " + v + "\n"),
          // Kubernetes splits a stream at "---" lines and drops a byte-order mark at each start
          new Encoding(
              "byte-order mark after a document marker",
              v -> "kind: ConfigMap\n---\n\uFEFFkind: Secret\ndata:\n  t: " + v + "\n"),
          new Encoding(
              "byte-order mark before every line",
              v -> "\uFEFFkind: Secret\n\uFEFFdata:\n\uFEFF  t: " + v + "\n"));

  /** A named encoding. */
  record Encoding(String name, Function<String, String> write) {
    /** The document for {@code value} with {@code lineBreak} between lines. */
    String of(String value, String lineBreak) {
      return write.apply(value).replace("\n", lineBreak);
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
