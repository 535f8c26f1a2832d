package dev.kubegenerate.diff;

import java.util.ArrayList;
import java.util.List;

/** Masks the values of a flow mapping written on one line, {@code {a: x, b: y}}. */
final class FlowMapping {

  private FlowMapping() {}

  /**
   * {@code {a: MASK, b: MASK}} for a mapping that opens and closes here (nested values go whole);
   * {@code {MASK} } when it continues on later lines, which are masked line by line.
   */
  static String mask(String flow, String mask) {
    String trailer = flow.endsWith(",") ? "," : "";
    String body = trailer.isEmpty() ? flow : flow.substring(0, flow.length() - 1).strip();
    if (!body.endsWith("}")) {
      return "{" + mask;
    }
    List<String> masked = new ArrayList<>();
    for (String entry : entries(body.substring(1, body.length() - 1))) {
      YamlLine line = YamlLine.of(entry.strip());
      masked.add(line.hasKey() ? line.body().substring(0, line.valueStart()) + mask : mask);
    }
    return "{" + String.join(", ", masked) + "}" + trailer;
  }

  /** Splits at the commas that are outside quotes and nested brackets. */
  private static List<String> entries(String inner) {
    List<String> entries = new ArrayList<>();
    int depth = 0;
    char quote = 0;
    int start = 0;
    for (int i = 0; i < inner.length(); i++) {
      char c = inner.charAt(i);
      if (quote != 0) {
        if (c == '\\' && quote == '"') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        depth--;
      } else if (c == ',' && depth == 0) {
        entries.add(inner.substring(start, i));
        start = i + 1;
      }
    }
    if (!inner.substring(start).isBlank()) {
      entries.add(inner.substring(start));
    }
    return entries;
  }
}
