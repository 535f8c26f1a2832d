package dev.kubegenerate.render;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * How go-yaml v2 (through {@code sigs.k8s.io/yaml}, the reader of kubectl and the API server)
 * resolves a plain scalar, after its {@code resolve.go}: a table of words, then by the first
 * character, numbers as Go's {@code strconv} parses them once every underscore is dropped. A model
 * to test against where the real reader cannot run in-process.
 */
final class GoYamlResolver {

  private static final Set<String> WORDS =
      Set.of(
          "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON", "n", "N", "no",
          "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF", "", "~", "null", "Null",
          "NULL", ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF",
          "-.inf", "-.Inf", "-.INF", "<<");

  /** strconv.ParseInt and ParseUint with base 0, range aside. */
  private static final Pattern GO_INT =
      Pattern.compile("[-+]?(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)");

  private static final Pattern YAML_STYLE_FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

  /** strconv.ParseFloat of a text that starts with a dot. */
  private static final Pattern DOT_FLOAT = Pattern.compile("\\.[0-9_]+([eE][-+]?[0-9_]+)?");

  private static final Pattern TIMESTAMP =
      Pattern.compile("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?");

  private GoYamlResolver() {}

  /** Whether go-yaml reads the plain scalar {@code in} as a string. */
  static boolean isString(String in) {
    char c = in.isEmpty() ? 0 : in.charAt(0);
    boolean sign = c == '+' || c == '-';
    boolean digit = c >= '0' && c <= '9';
    boolean word = "yYnNtTfFoO~".indexOf(c) >= 0 && c != 0;
    if (!(sign || digit || word || c == '.' || in.isEmpty())) {
      return !in.equals("<<");
    }
    if (WORDS.contains(in)) {
      return false;
    }
    if (c == '.') {
      return !DOT_FLOAT.matcher(in).matches();
    }
    if (word) {
      return true;
    }
    if (TIMESTAMP.matcher(in).matches()) {
      return false;
    }
    String plain = in.replace("_", "");
    return !GO_INT.matcher(plain).matches() && !YAML_STYLE_FLOAT.matcher(plain).matches();
  }
}
