package dev.kubegenerate.github;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Whether a pull request's branch name is one autofix commits to: a plain branch name by git's
 * {@code check-ref-format} rules, and nothing GitHub could read as another ref ({@code
 * refs/heads/main} names the branch {@code main} to some of its APIs).
 */
final class BranchName {

  private static final int MAX_BYTES = 255;
  private static final String FORBIDDEN = " ~^:?*[\\";

  private BranchName() {}

  /** Why autofix does not commit to {@code name}, or empty when it may. */
  static Optional<String> problem(String name) {
    if (name.isEmpty()) {
      return Optional.of("the event names no branch");
    }
    if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return Optional.of("longer than " + MAX_BYTES + " bytes");
    }
    if (name.startsWith("refs/") || name.equals("HEAD") || name.equals("@")) {
      return Optional.of("reads as a ref other than the branch");
    }
    if (name.startsWith("-")) {
      return Optional.of("starts with '-'");
    }
    for (int i = 0; i < name.length(); ) {
      int c = name.codePointAt(i);
      if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
        return Optional.of("holds a control or formatting character");
      }
      if (FORBIDDEN.indexOf(c) >= 0) {
        return Optional.of("holds a character git forbids in a branch name");
      }
      i += Character.charCount(c);
    }
    if (name.contains("..") || name.contains("@{") || name.contains("//")) {
      return Optional.of("holds '..', '@{' or '//'");
    }
    if (name.startsWith("/") || name.endsWith("/") || name.endsWith(".")) {
      return Optional.of("starts or ends with '/', or ends with '.'");
    }
    for (String part : name.split("/")) {
      if (part.startsWith(".") || part.endsWith(".lock")) {
        return Optional.of("has a part that starts with '.' or ends with '.lock'");
      }
    }
    return Optional.empty();
  }

  /** The name for a message: quoted, cut short, every control character visible. */
  static String shown(String name) {
    StringBuilder b = new StringBuilder("'");
    name.codePoints()
        .limit(80)
        .forEach(
            c -> {
              if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                b.append(String.format(java.util.Locale.ROOT, "\\u%04x", c));
              } else {
                b.appendCodePoint(c);
              }
            });
    return b.append(name.codePointCount(0, name.length()) > 80 ? "…'" : "'").toString();
  }
}
