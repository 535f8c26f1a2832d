package dev.kubegenerate.render;

import dev.kubegenerate.config.YamlNodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.representer.StandardRepresenter;

/**
 * The one way kube-generate writes YAML: two-space indent, sequences indented under their key,
 * keys in the order written, strings quoted only when needed, {@code ---} between documents,
 * LF line endings and one trailing newline.
 *
 * <p>"Needed" is judged by YAML 1.1 as well as 1.2, because Kubernetes' YAML reader follows 1.1:
 * {@code yes}, {@code on}, {@code 0755} or {@code 2026-01-01} stay strings only when quoted.
 * Keys whose value is null are dropped, so a template can write an optional value
 * unconditionally.
 */
public final class CanonicalYaml {

  private static final Pattern YAML11_SPECIAL = Pattern.compile(
      "y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"
          + "|~|null|Null|NULL|=|<<"
          + "|[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"
          + "|[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+"
          + "|[-+]?([0-9][0-9_]*)?\\.[0-9.]*([eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\\.[0-9_]*"
          + "|[-+]?[0-9]+[eE][-+]?[0-9]+"
          + "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)"
          + "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt \\t].*)?");

  private static final DumpSettings SETTINGS = DumpSettings.builder()
      .setIndent(2)
      .setIndicatorIndent(2)
      .setIndentWithIndicator(true)
      .setDefaultFlowStyle(FlowStyle.BLOCK)
      .setDefaultScalarStyle(ScalarStyle.PLAIN)
      .setWidth(Integer.MAX_VALUE)
      .setSplitLines(false)
      .setBestLineBreak("\n")
      .setMultiLineFlow(false)
      .build();

  private CanonicalYaml() {}

  /** Parses {@code text} (one or more documents) and writes it back canonically. */
  public static String format(String text) {
    List<Object> documents = new ArrayList<>();
    for (Object doc : new Load(YamlNodes.safeSettings("rendered")).loadAllFromString(text)) {
      if (doc != null) {
        documents.add(dropNulls(doc));
      }
    }
    return write(documents);
  }

  /** Writes already parsed documents canonically; empty text for no documents. */
  public static String write(List<Object> documents) {
    StringBuilder out = new StringBuilder();
    for (Object doc : documents) {
      if (!out.isEmpty()) {
        out.append("---\n");
      }
      // a new Dump per document: Dump keeps state between calls
      out.append(new Dump(SETTINGS, new Representer()).dumpToString(doc));
    }
    return out.toString();
  }

  @SuppressWarnings("unchecked")
  private static Object dropNulls(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (e.getValue() != null) {
          out.put(e.getKey(), dropNulls(e.getValue()));
        }
      }
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(item -> out.add(dropNulls(item)));
      return out;
    }
    return value;
  }

  /** Strings: literal blocks for multi-line text, quotes where YAML 1.1 would read another type. */
  private static final class Representer extends StandardRepresenter {
    Representer() {
      super(SETTINGS);
      this.representers.put(String.class, data -> {
        String s = (String) data;
        ScalarStyle style = ScalarStyle.PLAIN;
        if (s.indexOf('\n') >= 0) {
          style = ScalarStyle.LITERAL;
        } else if (YAML11_SPECIAL.matcher(s).matches()) {
          style = ScalarStyle.DOUBLE_QUOTED;
        }
        return representScalar(Tag.STR, s, style);
      });
    }
  }
}
