package dev.kubegenerate.model;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean ...?" for misspelt names, by edit distance. */
public final class Suggestions {

  private Suggestions() {}

  /** The known names close to {@code name}, nearest first, at most three. */
  public static List<String> nearest(String name, Collection<String> known) {
    int limit = Math.max(2, name.length() / 3);
    return known.stream()
        .filter(
            k ->
                distance(name.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT)) <= limit
                    || k.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT))
                    || name.toLowerCase(Locale.ROOT).startsWith(k.toLowerCase(Locale.ROOT)))
        .sorted(Comparator.comparingInt((String k) -> distance(name, k)).thenComparing(k -> k))
        .limit(3)
        .toList();
  }

  /** {@code " (did you mean a or b?)"}, or empty when nothing is close. */
  public static String didYouMean(String name, Collection<String> known) {
    List<String> near = nearest(name, known);
    if (near.isEmpty()) {
      return "";
    }
    return " (did you mean " + String.join(" or ", near) + "?)";
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
