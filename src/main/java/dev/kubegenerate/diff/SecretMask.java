package dev.kubegenerate.diff;

/**
 * Masks the values under {@code data} and {@code stringData} of every Kubernetes {@code Secret} in
 * a text, keeping every line break in place so line numbers stay true and a diff of the masked
 * texts lines up with the real one.
 *
 * <p>Which characters belong to a Secret is decided by structure ({@link SecretSpans}: the text
 * read as YAML 1.2, so any encoding a parser accepts counts), not by line patterns. Each run of
 * hidden characters becomes one {@value #MASK}; indentation, line breaks and the keys of the data
 * mapping stay, so a reader still sees which entry changed. Text that does not parse is masked from
 * the first line that could belong to a Secret to its end.
 */
public final class SecretMask {

  /** What a masked value reads as. */
  public static final String MASK = "***";

  private static final String INDICATORS = "{}[],:?-";

  private SecretMask() {}

  /** The text with every Secret value replaced by {@value #MASK}; the same lines and endings. */
  public static String mask(String text) {
    SecretSpans.Level[] levels = SecretSpans.of(text);
    if (levels == null) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    boolean lineStart = true;
    boolean hiding = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      // CR alone breaks a line in YAML too, and the diff keeps it as part of its line
      boolean lineBreak = c == '\n' || c == '\r';
      boolean indentation = lineStart && (c == ' ' || c == '\t');
      boolean shown =
          switch (levels[i]) {
            case SHOWN, KEY -> true;
            case AROUND -> lineBreak || Character.isWhitespace(c) || INDICATORS.indexOf(c) >= 0;
            case VALUE -> lineBreak || indentation;
          };
      if (shown) {
        out.append(c);
        hiding = false;
      } else if (!hiding) {
        out.append(MASK);
        hiding = true;
      }
      lineStart = lineBreak || lineStart && indentation;
    }
    return out.toString();
  }
}
