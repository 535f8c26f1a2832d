package dev.kubegenerate.kubernetes;

import dev.kubegenerate.model.Suggestions;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * What the API server checks of a scalar beyond its YAML type: one of an enum's values, base64 for
 * a {@code byte} field, a quantity's grammar. Messages stay within a budget whatever the schema
 * holds: a custom resource's enum may list thousands of values, and every message goes to logs,
 * annotations and comments.
 */
final class ValueChecks {

  /** Values listed in a message; the rest are counted. */
  static final int LISTED = 6;

  /** Characters shown of one value in a message. */
  static final int SHOWN = 40;

  /** Above this many allowed values no "did you mean" is looked for (edit distances cost). */
  private static final int SUGGESTED_FROM = 1000;

  /** Kubernetes' quantity grammar: a signed decimal number and an optional suffix. */
  private static final Pattern QUANTITY_TEXT =
      Pattern.compile(
          "[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(([KMGTPE]i)|[numkMGTPE]|([eE][+-]?[0-9]+))?");

  private ValueChecks() {}

  /**
   * The tag a scalar has for kubectl: snakeyaml-engine tags a plain {@code ${NAME}} as an
   * environment variable to substitute, which is no YAML 1.2 type; kubectl reads a string.
   */
  static Tag tag(ScalarNode node) {
    Tag tag = node.getTag();
    return tag.equals(Tag.ENV_TAG) ? Tag.STR : tag;
  }

  /** Why a node is no quantity ({@code 100m}, {@code 0.5}, {@code 1Gi}); empty when it is one. */
  static Optional<String> notAQuantity(Node node) {
    if (node instanceof ScalarNode sc) {
      Tag tag = tag(sc);
      if (tag.equals(Tag.INT)
          || tag.equals(Tag.FLOAT)
          || tag.equals(Tag.STR) && QUANTITY_TEXT.matcher(sc.getValue()).matches()) {
        return Optional.empty();
      }
      if (tag.equals(Tag.STR)) {
        return Optional.of(
            quoted(sc.getValue()) + " is not a quantity (e.g. 100m, 0.5, 256Mi, 1Gi)");
      }
    }
    return Optional.of("expected a quantity (e.g. 100m, 256Mi), got " + describe(node));
  }

  /** What a node holds, as a user would say it: {@code string "8080"}, {@code a list}. */
  static String describe(Node node) {
    if (node instanceof MappingNode) {
      return "an object";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    ScalarNode sc = (ScalarNode) node;
    Tag tag = tag(sc);
    String bare = cut(sc.getValue());
    return tag.equals(Tag.STR)
        ? "string \"" + bare + "\""
        : tag.equals(Tag.INT)
            ? "integer " + bare
            : tag.equals(Tag.FLOAT)
                ? "number " + bare
                : tag.equals(Tag.BOOL) ? "boolean " + bare : "a value tagged " + tag.getValue();
  }

  /** {@code "tcp" is not one of SCTP, TCP, UDP (did you mean TCP?)}. */
  static String notOneOf(String value, List<Object> allowed) {
    return quoted(value) + " is not one of " + listing(allowed) + suggestion(value, allowed);
  }

  /** {@code A, B, C, D, E, F ... (12 more)}. */
  static String listing(List<?> values) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < values.size() && i < LISTED; i++) {
      b.append(i == 0 ? "" : ", ").append(cut(String.valueOf(values.get(i))));
    }
    if (values.size() > LISTED) {
      b.append(" ... (").append(values.size() - LISTED).append(" more)");
    }
    return b.toString();
  }

  private static String suggestion(String value, List<Object> allowed) {
    if (allowed.size() > SUGGESTED_FROM || value.length() > SHOWN) {
      return "";
    }
    Optional<String> same =
        allowed.stream().map(String::valueOf).filter(value::equalsIgnoreCase).findFirst();
    Optional<String> near =
        same.or(
            () ->
                Suggestions.nearest(value, allowed.stream().map(String::valueOf).toList()).stream()
                    .findFirst());
    return near.map(n -> " (did you mean " + cut(n) + "?)").orElse("");
  }

  /** The value in double quotes, cut to {@link #SHOWN} characters. */
  static String quoted(String value) {
    return "\"" + cut(value) + "\"";
  }

  /** The value cut to {@link #SHOWN} characters. */
  static String cut(String value) {
    return value.length() > SHOWN ? value.substring(0, SHOWN) + "..." : value;
  }

  /**
   * Whether Kubernetes decodes {@code value} as bytes: standard base64 with padding, line breaks
   * ignored (Go's {@code encoding/json} for {@code []byte}). Java's decoder would also take it
   * unpadded.
   */
  static boolean isBase64(String value) {
    int n = 0;
    int padding = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\n' || c == '\r') {
        continue;
      }
      n++;
      if (c == '=') {
        padding++;
      } else if (padding > 0 || !isBase64Digit(c)) {
        return false;
      }
    }
    return n % 4 == 0 && padding <= 2;
  }

  private static boolean isBase64Digit(char c) {
    return c >= 'A' && c <= 'Z'
        || c >= 'a' && c <= 'z'
        || c >= '0' && c <= '9'
        || c == '+'
        || c == '/';
  }
}
