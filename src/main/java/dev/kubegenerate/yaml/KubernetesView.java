package dev.kubegenerate.yaml;

import java.util.function.IntFunction;

/**
 * A text as Kubernetes' YAML reader sees it, for a reader of YAML 1.2: Kubernetes reads YAML 1.1,
 * where NEL, LS and PS end a line (and so a comment) as LF does, splits a stream at lines of {@code
 * ---} followed by any Unicode space, and drops a byte-order mark at the start of each part (one
 * anywhere else is a character of the text: kubectl reads <code>\uFEFFmetadata:</code> as a key of
 * that name). Here every such break becomes LF (CR after a CR), each such space a plain space, and
 * a byte-order mark at the start of a part is dropped, so a YAML 1.2 reader finds the structure
 * Kubernetes finds; the masker's view ({@link #ofEveryLine}) drops one at the start of any line,
 * which hides more, never less.
 *
 * @param text the text to read as YAML 1.2
 * @param origin for each char of {@code text}, the index of the char of the original it stands for
 * @param length the length of the original
 */
public record KubernetesView(String text, int[] origin, int length) {

  private static final char BOM = '\uFEFF';

  /** The view of {@code original}, or {@code null} when it reads the same under both versions. */
  public static KubernetesView of(String original) {
    return of(original, false);
  }

  /**
   * As {@link #of}, with a byte-order mark dropped at the start of any line: for the masker, which
   * hides a value wherever one of the readings could see it.
   */
  public static KubernetesView ofEveryLine(String original) {
    return of(original, true);
  }

  private static KubernetesView of(String original, boolean everyLine) {
    if (!needsView(original)) {
      return null;
    }
    StringBuilder out = new StringBuilder(original.length());
    int[] origin = new int[original.length()];
    int column = 0;
    // whether the line so far is "---" and spaces: a separator line for Kubernetes' splitter
    boolean separator = true;
    // whether this line starts a part: the first, or the one after a separator line
    boolean partStart = true;
    for (int i = 0; i < original.length(); i++) {
      char c = original.charAt(i);
      if (c == BOM && column == 0 && i > 0 && (everyLine || partStart)) {
        continue;
      }
      char previous = out.isEmpty() ? 0 : out.charAt(out.length() - 1);
      char next = i + 1 < original.length() ? original.charAt(i + 1) : 0;
      if (isYaml11Break(c)) {
        // one break for one: LF would join a CR before it, CR an LF after it
        if (previous == '\r' && next == '\n') {
          return new KubernetesView(null, null, original.length());
        }
        c = previous == '\r' ? '\r' : '\n';
      } else if (separator && column >= 3 && c > ' ' && isGoSpace(c)) {
        c = ' ';
      }
      origin[out.length()] = i;
      out.append(c);
      if (c == '\n' || c == '\r') {
        partStart = separator && column >= 3;
        column = 0;
        separator = true;
      } else {
        separator &= column < 3 ? c == '-' : c == ' ' || c == '\t';
        column++;
      }
    }
    return new KubernetesView(out.toString(), origin, original.length());
  }

  /**
   * The text a YAML 1.2 reader should read to find the structure Kubernetes finds in {@code
   * original}: its view, or {@code original} itself when it reads the same under both versions or
   * when no view could be made (a CR, then a YAML 1.1 break, then a LF). Every line of the view is
   * the line of the original Kubernetes counts, so a line number holds for both. A scalar holding
   * NEL reads as Kubernetes reads it (LF); one holding LS or PS reads a LF where Kubernetes keeps
   * the character: the same structure and types, a string that differs in that character.
   */
  public static String readable(String original) {
    KubernetesView view = of(original);
    return view == null || view.undecidable() ? original : view.text();
  }

  /** Whether no view could be made: the two readings are then taken to disagree. */
  public boolean undecidable() {
    return text == null;
  }

  /**
   * What {@code ofView} gives the view's chars, for the original's: a dropped char takes what the
   * next one has, the last ones {@code after}.
   */
  public <T> T[] toOriginal(T[] ofView, T after, IntFunction<T[]> newArray) {
    if (ofView == null) {
      return null;
    }
    T[] out = newArray.apply(length);
    int j = length - 1;
    for (int i = text.length() - 1; i >= -1; i--) {
      int to = i < 0 ? -1 : origin[i];
      for (; j > to; j--) {
        out[j] = after;
      }
      if (i >= 0) {
        out[j--] = ofView[i];
        after = ofView[i];
      }
    }
    return out;
  }

  private static boolean needsView(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isYaml11Break(c) || c == BOM && i > 0 || c > ' ' && isGoSpace(c)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isYaml11Break(char c) {
    return c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  /** Go's {@code unicode.IsSpace}, which Kubernetes' stream splitter trims a separator line by. */
  private static boolean isGoSpace(char c) {
    return c == '\t'
        || c == '\n'
        || c == 0x0B
        || c == '\f'
        || c == '\r'
        || c == 0x85
        || Character.isSpaceChar(c);
  }
}
