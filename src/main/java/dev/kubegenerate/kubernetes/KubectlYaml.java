package dev.kubegenerate.kubernetes;

import dev.kubegenerate.model.Violation;
import dev.kubegenerate.model.Violation.Rule;
import dev.kubegenerate.model.Violation.Severity;
import dev.kubegenerate.yaml.GoScalars;
import dev.kubegenerate.yaml.KubernetesView;
import dev.kubegenerate.yaml.YamlNodes;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Where kubectl's YAML reader (go-yaml v2, YAML 1.1) and YAML 1.2 part ways on a manifest: a
 * committed manifest is judged as kubectl reads it, since that is what reaches the cluster.
 *
 * <ul>
 *   <li>Escapes in double-quoted strings: kubectl takes {@code \'}, {@code \L}, {@code \P} and an
 *       escaped tab, which YAML 1.2's reader refuses; it refuses {@code \/}, which YAML 1.2 takes.
 *   <li>The plain words YAML 1.1 reads as booleans ({@code yes}, {@code on}, {@code n}, ...), which
 *       YAML 1.2 reads as strings: kubectl sends a boolean, which a string field refuses.
 *   <li>Line breaks: YAML 1.1 also ends a line (and so a comment) at NEL, LS and PS, and skips a
 *       byte-order mark at the start of any line ({@link KubernetesView}), so a line a YAML 1.2
 *       reader takes for part of a comment may be a key kubectl applies.
 * </ul>
 *
 * <p>A text that starts with <code>{</code> is JSON to kubectl and read as such: none of this
 * applies.
 */
public final class KubectlYaml {

  /** Settings with marks, which locate escapes, for {@link #asYaml12(String)}. */
  private static final LoadSettings MARKED = YamlNodes.safeSettings("manifest", true);

  private static final String UNKNOWN_ESCAPE = "found unknown escape character ";

  private KubectlYaml() {}

  /**
   * What the validator reads.
   *
   * @param text the text to parse with YAML 1.2: the file's, with its YAML 1.1 line breaks as LF
   *     ({@link KubernetesView#readable}) and kubectl's own escapes turned into escapes of the same
   *     length YAML 1.2 knows, so every line stays
   * @param refused why kubectl refuses to parse the text, where YAML 1.2 would not
   */
  record Reading(String text, Optional<Violation> refused) {}

  /**
   * Reads {@code original} as kubectl would parse it.
   *
   * @param marked settings with marks, which locate escapes
   */
  static Reading read(String original, LoadSettings marked) {
    if (isJson(original)) {
      return new Reading(original, Optional.empty());
    }
    // NEL, LS and PS end a line for kubectl, and a byte-order mark may start any line
    String text = KubernetesView.readable(original);
    if (!mayHoldKubectlEscapes(text)) {
      return new Reading(text, Optional.empty());
    }
    String readable = text;
    try {
      scan(text, marked);
    } catch (MarkedYamlEngineException e) {
      int at = refusedEscape(text, e);
      if (at < 0) {
        return new Reading(text, Optional.empty());
      }
      readable = rewrite(text, at);
    } catch (YamlEngineException e) {
      return new Reading(text, Optional.empty());
    }
    try {
      return new Reading(readable, scan(readable, marked));
    } catch (YamlEngineException e) {
      // the rewrite did not make it readable: the file's own error is the one to tell
      return new Reading(text, Optional.empty());
    }
  }

  /**
   * {@code text} with kubectl's own escapes in double-quoted strings turned into YAML 1.2's (see
   * {@link #read}), so that a YAML 1.2 reader gets the values kubectl gets; the text itself when it
   * has none.
   */
  public static String asYaml12(String text) {
    return read(text, MARKED).text();
  }

  /** Whether kubectl reads a scalar that YAML 1.2 reads as a string as a boolean. */
  static boolean readsAsBoolean(ScalarNode node) {
    // YAML 1.2 reads true and false as booleans too: a string here is one of YAML 1.1's others
    return node.getScalarStyle() == ScalarStyle.PLAIN
        && node.getTag().equals(Tag.STR)
        && GoScalars.bool(node.getValue()) != null;
  }

  /** kubectl's test: JSON when the first character that is not white space is <code>{</code>. */
  static boolean isJson(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c) && c != '\uFEFF') {
        return c == '{';
      }
    }
    return false;
  }

  private static boolean mayHoldKubectlEscapes(String text) {
    return text.contains("\\'")
        || text.contains("\\/")
        || text.contains("\\L")
        || text.contains("\\P")
        || text.contains("\\\t");
  }

  /**
   * Scans the events of {@code text}; the refusal of a {@code \/} escape in a double-quoted string,
   * if there is one.
   */
  private static Optional<Violation> scan(String text, LoadSettings marked) {
    ParserImpl events = new ParserImpl(marked, new StreamReader(marked, text));
    while (events.hasNext()) {
      Event e = events.next();
      if (e instanceof ScalarEvent s
          && s.getScalarStyle() == ScalarStyle.DOUBLE_QUOTED
          && s.getStartMark().isPresent()
          && s.getEndMark().isPresent()) {
        int from = text.offsetByCodePoints(0, s.getStartMark().get().getIndex());
        int to = text.offsetByCodePoints(0, s.getEndMark().get().getIndex());
        int slash = escaped(text, from, to, '/');
        if (slash >= 0) {
          int line = (int) text.substring(0, slash).chars().filter(c -> c == '\n').count() + 1;
          return Optional.of(
              new Violation(
                  Rule.INVALID,
                  Severity.ERROR,
                  line,
                  0,
                  "",
                  "not valid YAML as kubectl reads it: found unknown escape character /"
                      + " (write / without the backslash)"));
        }
      }
    }
    return Optional.empty();
  }

  /** The index of the first {@code \c} escape in {@code [from, to)} of {@code text}, or -1. */
  private static int escaped(String text, int from, int to, char c) {
    int backslashes = 0;
    for (int i = from; i < to; i++) {
      char x = text.charAt(i);
      if (x == c && backslashes % 2 == 1) {
        return i;
      }
      backslashes = x == '\\' ? backslashes + 1 : 0;
    }
    return -1;
  }

  /** The index of the backslash of an escape kubectl takes and YAML 1.2 refused, or -1. */
  private static int refusedEscape(String text, MarkedYamlEngineException e) {
    String problem = e.getProblem();
    if (problem == null
        || !problem.startsWith(UNKNOWN_ESCAPE)
        || e.getProblemMark().isEmpty()
        || "'LP\t".indexOf(problem.charAt(UNKNOWN_ESCAPE.length())) < 0) {
      return -1;
    }
    int at = text.offsetByCodePoints(0, e.getProblemMark().get().getIndex()) - 1;
    return at >= 0 && text.charAt(at) == '\\' ? at : -1;
  }

  /**
   * From {@code at} on, kubectl's escapes as YAML 1.2's of the same length: {@code \'} as {@code
   * \"}, {@code \L} and {@code \P} (line and paragraph separators) as {@code \n}, an escaped tab as
   * {@code \t}. No verdict depends on the difference (no enum value, base64 text or quantity holds
   * a quote or a line break). An escape before {@code at} is not in a double-quoted string: the
   * reader took it.
   */
  private static String rewrite(String text, int at) {
    StringBuilder out = new StringBuilder(text.length());
    out.append(text, 0, at);
    int backslashes = 0;
    for (int i = at; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean escape = backslashes % 2 == 1;
      out.append(
          !escape
              ? c
              : switch (c) {
                case '\'' -> '"';
                case 'L', 'P' -> 'n';
                case '\t' -> 't';
                default -> c;
              });
      backslashes = c == '\\' ? backslashes + 1 : 0;
    }
    return out.toString();
  }
}
