package dev.kubegenerate.kubernetes;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value of a Kubernetes quantity ({@code 500m}, {@code 0.5}, {@code 1Gi}, {@code 1e3}), as
 * {@code k8s.io/apimachinery/pkg/api/resource} reads it: so {@code 500m} equals {@code 0.5} and
 * {@code 1Gi} equals {@code 1024Mi}.
 */
public final class Quantity {

  // the grammar of resource.ParseQuantity: a signed decimal number, then one suffix or exponent
  private static final Pattern TEXT =
      Pattern.compile(
          "([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?[0-9]{1,9})?");

  private static final Map<String, BigDecimal> SUFFIXES =
      Map.ofEntries(
          Map.entry("n", new BigDecimal("1e-9")),
          Map.entry("u", new BigDecimal("1e-6")),
          Map.entry("m", new BigDecimal("1e-3")),
          Map.entry("k", new BigDecimal("1e3")),
          Map.entry("M", new BigDecimal("1e6")),
          Map.entry("G", new BigDecimal("1e9")),
          Map.entry("T", new BigDecimal("1e12")),
          Map.entry("P", new BigDecimal("1e15")),
          Map.entry("E", new BigDecimal("1e18")),
          Map.entry("Ki", BigDecimal.valueOf(1L << 10)),
          Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
          Map.entry("Gi", BigDecimal.valueOf(1L << 30)),
          Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
          Map.entry("Pi", BigDecimal.valueOf(1L << 50)),
          Map.entry("Ei", BigDecimal.valueOf(1L << 60)));

  private Quantity() {}

  /**
   * The value of a quantity written as text or as a number; empty when it is not a quantity. A
   * value longer than any real quantity is not read (an exponent of a billion would take its time).
   */
  public static Optional<BigDecimal> value(Object written) {
    if (written instanceof Long || written instanceof java.math.BigInteger) {
      return Optional.of(new BigDecimal(written.toString()));
    }
    if (written instanceof Double d) {
      return Double.isFinite(d) ? Optional.of(BigDecimal.valueOf(d)) : Optional.empty();
    }
    if (!(written instanceof String s) || s.length() > 64) {
      return Optional.empty();
    }
    Matcher m = TEXT.matcher(s);
    if (!m.matches()) {
      return Optional.empty();
    }
    BigDecimal number = new BigDecimal(m.group(1));
    String suffix = m.group(2);
    if (suffix == null) {
      return Optional.of(number);
    }
    BigDecimal scale = SUFFIXES.get(suffix);
    if (scale != null) {
      return Optional.of(number.multiply(scale));
    }
    int exponent = Integer.parseInt(suffix.substring(1).replace("+", ""));
    return Math.abs(exponent) > 1000
        ? Optional.empty()
        : Optional.of(number.scaleByPowerOfTen(exponent));
  }

  /** Whether two written quantities have the same value; false when either is no quantity. */
  public static boolean sameValue(Object a, Object b) {
    Optional<BigDecimal> x = value(a);
    Optional<BigDecimal> y = value(b);
    return x.isPresent() && y.isPresent() && x.get().compareTo(y.get()) == 0;
  }
}
