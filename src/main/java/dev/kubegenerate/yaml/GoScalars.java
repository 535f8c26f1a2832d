package dev.kubegenerate.yaml;

import java.math.BigInteger;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * Plain scalars as Kubernetes reads them: sigs.k8s.io/yaml decodes manifests with its copy of
 * go-yaml v2, which follows YAML 1.1 where it differs from 1.2 ({@code yes}, {@code on} and {@code
 * y} are booleans, {@code 0755} is octal, {@code 1_000} is a thousand, {@code <<} merges) and Go's
 * number syntax ({@code 0o17}, {@code 1e3}). Timestamps stay strings, as go-yaml v2 decodes them
 * into a generic value. {@code GoScalarsTest} holds this to {@code kubectl}'s own reading.
 */
public final class GoScalars {

  /** The schema whose resolver types plain scalars this way; quoted scalars stay strings. */
  public static final Schema SCHEMA =
      new Schema() {
        private final ScalarResolver resolver =
            (value, implicit) -> implicit ? tag(value) : Tag.STR;

        @Override
        public ScalarResolver getScalarResolver() {
          return resolver;
        }

        @Override
        public Map<Tag, ConstructNode> getSchemaTagConstructors() {
          return Map.of();
        }
      };

  private static final Set<String> TRUE =
      Set.of("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON");
  private static final Set<String> FALSE =
      Set.of("n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF");
  private static final Set<String> NULL = Set.of("", "~", "null", "Null", "NULL");
  private static final Map<String, Double> SPECIAL_FLOATS =
      Map.ofEntries(
          Map.entry(".nan", Double.NaN),
          Map.entry(".NaN", Double.NaN),
          Map.entry(".NAN", Double.NaN),
          Map.entry(".inf", Double.POSITIVE_INFINITY),
          Map.entry(".Inf", Double.POSITIVE_INFINITY),
          Map.entry(".INF", Double.POSITIVE_INFINITY),
          Map.entry("+.inf", Double.POSITIVE_INFINITY),
          Map.entry("+.Inf", Double.POSITIVE_INFINITY),
          Map.entry("+.INF", Double.POSITIVE_INFINITY),
          Map.entry("-.inf", Double.NEGATIVE_INFINITY),
          Map.entry("-.Inf", Double.NEGATIVE_INFINITY),
          Map.entry("-.INF", Double.NEGATIVE_INFINITY));

  // go-yaml v2's yamlStyleFloat; a value starting with '.' is given to ParseFloat as it is
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern DOT_FLOAT = Pattern.compile("\\.[0-9]+([eE][-+]?[0-9]+)?");

  private GoScalars() {}

  /**
   * The tag go-yaml v2 gives a plain scalar. A plain {@code <<} key merges, but is typed a string
   * here: the composer would otherwise merge it by YAML's rule (the mapping's own keys win), not in
   * the order written as go-yaml does ({@link KubernetesYaml} does that).
   */
  static Tag tag(String value) {
    if (NULL.contains(value)) {
      return Tag.NULL;
    }
    char c = value.charAt(0);
    // only these first characters make go-yaml look further; anything else is a string
    boolean number = c == '+' || c == '-' || (c >= '0' && c <= '9');
    if (!number && c != '.' && "yYnNtTfFoO~".indexOf(c) < 0) {
      return Tag.STR;
    }
    // every boolean, null and special float is at most five characters long: most words are not
    if (value.length() <= 5 && (TRUE.contains(value) || FALSE.contains(value))) {
      return Tag.BOOL;
    }
    if (value.length() <= 5 && SPECIAL_FLOATS.containsKey(value)) {
      return Tag.FLOAT;
    }
    if (c == '.') {
      return DOT_FLOAT.matcher(value).matches() && finite(value) ? Tag.FLOAT : Tag.STR;
    }
    if (!number) {
      return Tag.STR;
    }
    return integer(value) != null ? Tag.INT : isFloat(value) ? Tag.FLOAT : Tag.STR;
  }

  /**
   * The value go-yaml v2 gives a plain scalar: null, a Boolean, a Long, a Double, or the text
   * itself. {@code <<} is the text too: only a mapping's key merges.
   */
  public static Object plain(String value) {
    Tag tag = tag(value);
    if (tag.equals(Tag.STR)) {
      return value;
    }
    if (tag.equals(Tag.NULL)) {
      return null;
    }
    if (tag.equals(Tag.BOOL)) {
      return bool(value);
    }
    return tag.equals(Tag.INT) ? integer(value) : floating(value);
  }

  /** The value of a plain scalar go-yaml v2 reads as a boolean; null when it is not one. */
  public static Boolean bool(String value) {
    return TRUE.contains(value) ? Boolean.TRUE : FALSE.contains(value) ? Boolean.FALSE : null;
  }

  /**
   * The value of an integer scalar as go-yaml v2 reads it (underscores dropped, then Go's {@code
   * ParseInt(s, 0, 64)}, then {@code ParseUint}, then binary): a Long, or past it a Double, as
   * Kubernetes' JSON decoding keeps an integer beyond int64; null when it is not an integer.
   */
  static Number integer(String value) {
    String plain = value.replace("_", "");
    boolean negative = plain.startsWith("-");
    boolean signed = negative || plain.startsWith("+");
    String digits = signed ? plain.substring(1) : plain;
    int radix = 10;
    String body = digits;
    if (digits.length() > 1 && digits.charAt(0) == '0') {
      char p = Character.toLowerCase(digits.charAt(1));
      radix = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 8;
      body = p == 'x' || p == 'o' || p == 'b' ? digits.substring(2) : digits.substring(1);
    }
    if (body.isEmpty()) {
      return null;
    }
    for (int i = 0; i < body.length(); i++) {
      if (body.charAt(i) > 127 || Character.digit(body.charAt(i), radix) < 0) {
        return null;
      }
    }
    BigInteger n = new BigInteger(body, radix);
    n = negative ? n.negate() : n;
    // ParseInt's int64, else ParseUint's uint64 (which takes no sign)
    if (n.bitLength() < 64) {
      return n.longValue();
    }
    return !signed && n.bitLength() <= 64 ? (Number) n.doubleValue() : null;
  }

  /** The value of a float scalar (a plain one, or one tagged {@code !!float}); null when none. */
  static Double floating(String value) {
    Double special = SPECIAL_FLOATS.get(value);
    if (special != null) {
      return special;
    }
    String plain = value.startsWith(".") ? value : value.replace("_", "");
    if (!(plain.startsWith(".") ? DOT_FLOAT : FLOAT).matcher(plain).matches() || !finite(plain)) {
      return null;
    }
    return Double.parseDouble(plain);
  }

  private static boolean isFloat(String value) {
    String plain = value.replace("_", "");
    return FLOAT.matcher(plain).matches() && finite(plain);
  }

  // Go's ParseFloat fails on a value out of range, and go-yaml then reads it as a string
  private static boolean finite(String text) {
    return Double.isFinite(Double.parseDouble(text));
  }
}
