package dev.kubegenerate.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One GitHub Actions workflow command line ({@code ::error file=F,line=L::message}), escaped
 * exactly as the Actions toolkit ({@code @actions/core}) escapes it.
 *
 * <p>Escaping keeps untrusted text (file names, messages) inside the one command line: a line break
 * would start a new line that the runner reads as a command of its own. A {@code ##[} inside a
 * well-formed {@code ::} command is harmless, because the runner parses a line as a {@code ::}
 * command first and only falls back to the legacy {@code ##[} form when that fails.
 *
 * @param command {@code error}, {@code warning}, {@code notice}, ...
 * @param properties in output order; empty values are left out, as the toolkit does
 * @param message the text after {@code ::}
 */
public record WorkflowCommand(String command, Map<String, String> properties, String message) {

  public WorkflowCommand {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(message, "message");
    properties = new LinkedHashMap<>(properties);
  }

  @Override
  public Map<String, String> properties() {
    return java.util.Collections.unmodifiableMap(properties);
  }

  /** The command without properties. */
  public static WorkflowCommand of(String command, String message) {
    return new WorkflowCommand(command, Map.of(), message);
  }

  /** The line to print, without the line break. */
  public String format() {
    StringBuilder b = new StringBuilder("::").append(command);
    if (!properties.isEmpty()) {
      b.append(' ');
      boolean first = true;
      for (Map.Entry<String, String> p : properties.entrySet()) {
        if (p.getValue() == null || p.getValue().isEmpty()) {
          continue;
        }
        if (!first) {
          b.append(',');
        }
        first = false;
        b.append(p.getKey()).append('=').append(escapeProperty(p.getValue()));
      }
    }
    return b.append("::").append(escapeData(message)).toString();
  }

  /** Escapes a message: {@code %}, CR and LF, in that order. */
  public static String escapeData(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** Escapes a property value: as {@link #escapeData} plus {@code :} and {@code ,}. */
  public static String escapeProperty(String s) {
    return escapeData(s).replace(":", "%3A").replace(",", "%2C");
  }
}
