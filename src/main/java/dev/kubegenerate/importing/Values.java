package dev.kubegenerate.importing;

import dev.kubegenerate.model.JsonTrees;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether two field values are the same as the API server stores them: numbers by value, an
 * int-or-string's number and its text alike ({@code 8080} and {@code "8080"}), quantities by value
 * ({@code 500m} and {@code 0.5}, {@code 1Gi} and {@code 1024Mi}); maps whatever their order.
 */
final class Values {

  private static final Pattern QUANTITY =
      Pattern.compile(
          "([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?");

  private Values() {}

  static boolean sameValue(Object a, Object b) {
    return JsonTrees.equal(a, b, false, Values::sameLeaf);
  }

  /** Equal, or both numbers (or quantities) of the same value. */
  private static boolean sameLeaf(Object a, Object b) {
    if (Objects.equals(a, b)) {
      return true;
    }
    BigDecimal x = number(a);
    BigDecimal y = number(b);
    return x != null && y != null && x.compareTo(y) == 0;
  }

  /** A number, or a string that is a quantity, as its value; null otherwise. */
  private static BigDecimal number(Object value) {
    if (value instanceof Number n
        && !(value instanceof Double d && (d.isNaN() || d.isInfinite()))) {
      return new BigDecimal(n.toString());
    }
    if (!(value instanceof String s) || s.length() > 40) {
      return null;
    }
    Matcher m = QUANTITY.matcher(s);
    if (!m.matches()) {
      return null;
    }
    BigDecimal base = new BigDecimal(m.group(1).startsWith(".") ? "0" + m.group(1) : m.group(1));
    String suffix = m.group(2);
    if (suffix == null) {
      return base;
    }
    return switch (suffix) {
      case "n" -> base.movePointLeft(9);
      case "u" -> base.movePointLeft(6);
      case "m" -> base.movePointLeft(3);
      case "k" -> base.movePointRight(3);
      case "M" -> base.movePointRight(6);
      case "G" -> base.movePointRight(9);
      case "T" -> base.movePointRight(12);
      case "P" -> base.movePointRight(15);
      case "E" -> base.movePointRight(18);
      default ->
          base.multiply(BigDecimal.valueOf(1024).pow(1 + "KMGTPE".indexOf(suffix.charAt(0))));
    };
  }
}
