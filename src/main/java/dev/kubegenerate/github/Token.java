package dev.kubegenerate.github;

import java.util.Objects;

/**
 * The GitHub token. Kept in its own type so that it never lands in a message by accident: {@link
 * #toString()} does not show it, and {@link #redact} removes it from any text that might hold it.
 */
public record Token(String value) {

  public Token {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("empty token");
    }
  }

  /** The {@code Authorization} header value. */
  String bearer() {
    return "Bearer " + value;
  }

  /** {@code text} with every occurrence of the token replaced by {@code ***}. */
  public String redact(String text) {
    return text.replace(value, "***");
  }

  @Override
  public String toString() {
    return "Token[***]";
  }
}
