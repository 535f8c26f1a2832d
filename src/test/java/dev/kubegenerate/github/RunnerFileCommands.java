package dev.kubegenerate.github;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code GITHUB_OUTPUT} file by the rules of the Actions runner's file-command reader:
 * {@code name=value} lines, or {@code name<<DELIM}, the value's lines, then a line equal to {@code
 * DELIM}; whichever of {@code =} and {@code <<} comes first decides; a missing delimiter is an
 * error. Lines end in LF or CRLF.
 */
public final class RunnerFileCommands {

  private RunnerFileCommands() {}

  public static Map<String, String> parse(String content) {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> lines = content.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isEmpty()) {
        continue;
      }
      int eq = line.indexOf('=');
      int heredoc = line.indexOf("<<");
      if (eq >= 0 && (heredoc < 0 || eq < heredoc)) {
        String key = line.substring(0, eq);
        if (key.isEmpty()) {
          throw new IllegalArgumentException(
              "Invalid format '" + line + "'. Name must not be empty");
        }
        out.put(key, line.substring(eq + 1));
      } else if (heredoc >= 0) {
        String key = line.substring(0, heredoc);
        String delimiter = line.substring(heredoc + 2);
        if (key.isEmpty() || delimiter.isEmpty()) {
          throw new IllegalArgumentException("Invalid format '" + line + "'");
        }
        List<String> value = new java.util.ArrayList<>();
        boolean closed = false;
        for (i++; i < lines.size(); i++) {
          if (lines.get(i).equals(delimiter)) {
            closed = true;
            break;
          }
          value.add(lines.get(i));
        }
        if (!closed) {
          throw new IllegalArgumentException("Matching delimiter not found '" + delimiter + "'");
        }
        out.put(key, String.join("\n", value));
      } else {
        throw new IllegalArgumentException("Invalid format '" + line + "'");
      }
    }
    return out;
  }
}
