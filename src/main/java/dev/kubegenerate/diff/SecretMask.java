package dev.kubegenerate.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Masks the values under {@code data} and {@code stringData} of every Kubernetes {@code Secret} in
 * a text, keeping every line (and line ending) in place so line numbers stay true.
 *
 * <p>Line-based and guided by indentation rather than a YAML parser, because the text to mask is
 * often a hand-edited file that no longer parses, and a leak must not depend on validity. A mapping
 * holding {@code kind: Secret} at any depth counts (top-level documents, items of a {@code List},
 * pretty-printed JSON); its {@code data}/{@code stringData} values, block scalars, nested lines and
 * comments become {@code ***}, keys stay readable. When in doubt it masks more.
 */
public final class SecretMask {

  /** What a masked value reads as. */
  public static final String MASK = "***";

  private static final Pattern SECRET_VALUE = Pattern.compile("([\"']?)Secret\\1\\s*,?\\s*(#.*)?");
  private static final Pattern BLOCK_SCALAR = Pattern.compile("[|>][0-9+-]*\\s*(#.*)?");
  private static final Pattern FLOW_SECRET =
      Pattern.compile("[{,]\\s*[\"']?kind[\"']?\\s*:\\s*[\"']?Secret\\b");
  private static final Pattern FLOW_DATA =
      Pattern.compile("[{,]\\s*[\"']?(data|stringData)[\"']?\\s*:\\s*");

  private SecretMask() {}

  /** The text with every Secret value replaced by {@value #MASK}; same line count and endings. */
  public static String mask(String text) {
    List<String> raw = TextDiff.lines(text);
    List<String> endings = new ArrayList<>();
    List<YamlLine> lines = new ArrayList<>();
    String bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
    for (int i = 0; i < raw.size(); i++) {
      String line = raw.get(i);
      int cut = line.length();
      if (line.endsWith("\n")) {
        cut--;
      }
      if (cut > 0 && line.charAt(cut - 1) == '\r') {
        cut--;
      }
      endings.add(line.substring(cut));
      lines.add(YamlLine.of(line.substring(i == 0 ? bom.length() : 0, cut)));
    }
    String[] bodies = lines.stream().map(YamlLine::body).toArray(String[]::new);
    // the mapping last masked at each key column: a repeated kind in it must not rescan it
    Map<Integer, int[]> masked = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      YamlLine line = lines.get(i);
      if (line.hasKey()
          && line.key().equals("kind")
          && SECRET_VALUE.matcher(line.value()).matches()) {
        int[] done = masked.get(line.keyColumn());
        if (done == null || i < done[0] || i >= done[1]) {
          masked.put(line.keyColumn(), maskMapping(lines, i, bodies));
        }
      } else if (FLOW_SECRET.matcher(line.body()).find()) {
        bodies[i] = maskFlowLine(bodies[i]);
      }
    }
    StringBuilder out = new StringBuilder(text.length()).append(bom);
    for (int i = 0; i < bodies.length; i++) {
      out.append(bodies[i]).append(endings.get(i));
    }
    return out.toString();
  }

  /**
   * Masks {@code data}/{@code stringData} among the keys of the mapping holding line {@code at};
   * returns the mapping's lines, {@code [from, to)}.
   */
  private static int[] maskMapping(List<YamlLine> lines, int at, String[] bodies) {
    int column = lines.get(at).keyColumn();
    int from = at;
    if (!lines.get(at).dashed()) {
      for (int j = at - 1; j >= 0; j--) {
        YamlLine line = lines.get(j);
        if (line.blank() || line.comment()) {
          continue;
        }
        if (line.documentMarker() || line.indent() < column && line.keyColumn() != column) {
          break;
        }
        from = j;
        if (line.indent() < column) {
          break; // "- first: key" opens this mapping
        }
      }
    }
    int to = at + 1;
    for (; to < lines.size(); to++) {
      YamlLine line = lines.get(to);
      if (!line.blank() && !line.comment() && (line.documentMarker() || line.indent() < column)) {
        break;
      }
    }
    for (int j = from; j < to; j++) {
      YamlLine line = lines.get(j);
      if (line.keyColumn() == column
          && (line.key().equals("data") || line.key().equals("stringData"))) {
        maskBlock(lines, j, to, bodies);
      }
    }
    return new int[] {from, to};
  }

  /** Masks the value of the key at {@code at} and every line that belongs to it. */
  private static void maskBlock(List<YamlLine> lines, int at, int to, String[] bodies) {
    YamlLine head = lines.get(at);
    bodies[at] = head.body().substring(0, head.valueStart()) + maskValue(head.value());
    int column = head.keyColumn();
    int childColumn = -1;
    for (int j = at + 1; j < to; j++) {
      YamlLine line = lines.get(j);
      if (line.blank()) {
        continue;
      }
      String indent = line.body().substring(0, line.indent());
      if (line.comment()) {
        // a comment among the values may hold an old one; one beside the mapping's keys does not
        if (line.indent() > column) {
          bodies[j] = indent + "# " + MASK;
        }
        continue;
      }
      boolean sequenceItem = line.indent() == column && line.dashed();
      if (line.documentMarker()
          || line.indent() < column
          || line.indent() == column && !sequenceItem) {
        return;
      }
      if (childColumn < 0) {
        childColumn = line.indent();
      }
      if (line.indent() == childColumn && line.hasKey() && !line.dashed()) {
        bodies[j] = line.body().substring(0, line.valueStart()) + maskValue(line.value());
      } else {
        bodies[j] = line.body().substring(0, line.content()) + MASK;
      }
    }
  }

  /** A masked form of one value that keeps what holds no secret: structure, nulls, indicators. */
  static String maskValue(String value) {
    String v = value.strip();
    if (v.isEmpty()
        || v.startsWith("#")
        || List.of("{", "[", "{}", "[]", "{},", "[],", "null", "~").contains(v)) {
      return value;
    }
    if (BLOCK_SCALAR.matcher(v).matches()) {
      return v.split("\\s")[0];
    }
    String comma = v.endsWith(",") ? "," : "";
    if (v.startsWith("{")) {
      return FlowMapping.mask(v, MASK);
    }
    if (v.startsWith("[")) {
      boolean closed = v.endsWith("]") || v.endsWith("],");
      return "[" + MASK + (closed ? "]" : "") + comma;
    }
    return MASK + comma;
  }

  /** A Secret written in flow style or minified JSON on one line: all after its data key goes. */
  private static String maskFlowLine(String body) {
    var data = FLOW_DATA.matcher(body);
    return data.find() ? body.substring(0, data.end()) + MASK : body;
  }
}
