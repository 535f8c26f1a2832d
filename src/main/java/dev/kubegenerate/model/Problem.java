package dev.kubegenerate.model;

import java.util.Objects;

/**
 * One reason the input could not be checked: a config or template error, located where known.
 *
 * @param file the file, relative to the folder the run started in (empty when not about a file)
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 * @param message one line saying what is wrong and how to fix it
 */
public record Problem(String file, int line, int column, String message) {

  public Problem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
    // one line each: a message must never carry a line break into the terminal or a log
    message = message.replace("\r", "\\r").replace("\n", "\\n");
  }

  /** A problem about a whole file. */
  public static Problem of(String file, String message) {
    return new Problem(file, 0, 0, message);
  }

  /** {@code file:line:column: message}, leaving out what is unknown. */
  public String format() {
    StringBuilder b = new StringBuilder();
    if (!file.isEmpty()) {
      b.append(file).append(':');
      if (line > 0) {
        b.append(line).append(':');
        if (column > 0) {
          b.append(column).append(':');
        }
      }
      b.append(' ');
    }
    return b.append(message).toString();
  }
}
