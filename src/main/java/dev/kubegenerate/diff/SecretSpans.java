package dev.kubegenerate.diff;

import dev.kubegenerate.yaml.KubernetesView;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Finds what of a text must be hidden because it belongs to a Kubernetes {@code Secret}, by reading
 * the text as YAML 1.2 (which JSON is, too) rather than by its layout: any mapping with {@code
 * kind: Secret}, at any depth and in any document, however it is spelt (flow or block, quoted or
 * escaped keys, tags, {@code ? data} keys, anchors and aliases, CR line breaks).
 *
 * <p>Marks each character of the text with a {@link Level}: what is under {@code data} and {@code
 * stringData} (values, comments among them, the definition of an anchor an alias there points to)
 * is hidden, the keys of those mappings stay readable. A scalar that itself holds a Secret (a
 * {@code last-applied-configuration} annotation, a manifest inside a ConfigMap) is hidden whole.
 * Where a document does not parse, everything from its first line is hidden when the rest of the
 * text could spell {@code Secret} at all. Where Kubernetes' YAML 1.1 reader could see another
 * structure than YAML 1.2 (its line breaks, byte-order marks), the text is read both ways, and
 * hidden whole when the two disagree.
 */
final class SecretSpans {

  /** How a character is shown; a later, stronger level wins except over {@link #VALUE}. */
  enum Level {
    /** Shown as it is. */
    SHOWN,
    /** Inside a Secret's data: hidden, except whitespace and YAML indicators. */
    AROUND,
    /** A key of a Secret's data mapping: shown. */
    KEY,
    /** A value: hidden, except line breaks and indentation. */
    VALUE
  }

  /** How deep a scalar holding YAML of its own is read again. */
  private static final int NESTED_DEPTH = 2;

  private final String text;
  private final Level[] levels;
  private final int[] charIndex;
  private final Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
  // a node reached again through an alias is hidden already: without this an alias DAG (each
  // level two aliases of the one below) is walked once per path, 2^levels times
  private final Set<Node> hidden = Collections.newSetFromMap(new IdentityHashMap<>());
  private boolean found;

  private SecretSpans(String text) {
    this.text = text;
    this.levels = new Level[text.length()];
    Arrays.fill(levels, Level.SHOWN);
    this.charIndex = charIndexes(text);
  }

  /**
   * Whether the text could spell {@code Secret} at all: literally, or through an escape. A line
   * that starts with {@code #} is a comment to every YAML reader, and a generated file's marker
   * line names parameters such as {@code envFromSecrets}: reading every pod's file as YAML for that
   * alone doubled the time of a large update. The shortcut holds only for text whose one line break
   * is LF: a reader that takes CR, NEL, LS or PS for a line break could end the comment early.
   */
  static boolean couldHoldSecret(String text) {
    if (text.indexOf('\\') >= 0) {
      return true;
    }
    int at = text.indexOf("Secret");
    if (at < 0) {
      return false;
    }
    if (!onlyLineFeeds(text)) {
      return true;
    }
    for (; at >= 0; at = text.indexOf("Secret", at + 6)) {
      if (text.charAt(text.lastIndexOf('\n', at) + 1) != '#') {
        return true;
      }
    }
    return false;
  }

  private static boolean onlyLineFeeds(String text) {
    return text.indexOf('\r') < 0
        && text.indexOf('\u0085') < 0
        && text.indexOf('\u2028') < 0
        && text.indexOf('\u2029') < 0;
  }

  /** The level of every character of {@code text}; {@code null} when nothing is hidden. */
  static Level[] of(String text) {
    return of(text, 0);
  }

  /**
   * Reads the text as written and, where they could differ, as Kubernetes reads it ({@link
   * KubernetesView}); when the two readings hide different characters, everything is hidden.
   */
  private static Level[] of(String text, int depth) {
    if (!couldHoldSecret(text)) {
      return null;
    }
    Level[] asWritten = read(text, depth);
    KubernetesView view = KubernetesView.ofEveryLine(text);
    if (view == null) {
      return asWritten;
    }
    if (!view.undecidable()
        && Arrays.equals(
            asWritten, view.toOriginal(read(view.text(), depth), Level.SHOWN, Level[]::new))) {
      return asWritten;
    }
    Level[] all = new Level[text.length()];
    Arrays.fill(all, Level.AROUND);
    return all;
  }

  private static Level[] read(String text, int depth) {
    SecretSpans spans = new SecretSpans(text);
    spans.read(depth);
    return spans.found ? spans.levels : null;
  }

  private void read(int depth) {
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel("text")
            .setAllowDuplicateKeys(true)
            .setCodePointLimit(Integer.MAX_VALUE)
            .setUseMarks(true)
            .build();
    int parsedTo = 0;
    try {
      Iterator<Node> documents =
          new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
      while (documents.hasNext()) {
        Node document = documents.next();
        visit(document, depth);
        parsedTo = Math.max(parsedTo, end(document));
      }
    } catch (RuntimeException | StackOverflowError e) {
      // not YAML from here on: a leak must not depend on validity, so hide the rest if it could
      // hold a Secret at all, from the start of the line where the failing document begins
      String rest = text.substring(parsedTo);
      if (couldHoldSecret(rest)) {
        int from = text.lastIndexOf('\n', Math.max(parsedTo - 1, 0));
        mark(from < 0 || parsedTo == 0 ? 0 : from + 1, text.length(), Level.AROUND);
      }
    }
  }

  private void visit(Node node, int depth) {
    if (!seen.add(node)) {
      return;
    }
    if (node instanceof MappingNode mapping) {
      List<NodeTuple> entries = withMerged(mapping);
      boolean secret =
          entries.stream()
              .anyMatch(
                  t -> isScalar(t.getKeyNode(), "kind") && isScalar(t.getValueNode(), "Secret"));
      for (NodeTuple t : entries) {
        if (secret
            && (isScalar(t.getKeyNode(), "data") || isScalar(t.getKeyNode(), "stringData"))) {
          hideData(t);
        }
      }
      for (NodeTuple t : mapping.getValue()) {
        visit(t.getKeyNode(), depth);
        visit(t.getValueNode(), depth);
      }
    } else if (node instanceof SequenceNode sequence) {
      sequence.getValue().forEach(n -> visit(n, depth));
    } else if (node instanceof ScalarNode scalar
        && depth < NESTED_DEPTH
        && scalar.getValue().indexOf(':') >= 0
        && of(scalar.getValue(), depth + 1) != null) {
      // YAML or JSON inside a string, such as kubectl's last-applied-configuration
      hideValue(scalar);
    }
  }

  /**
   * The entries of a mapping with those it merges in through {@code <<} keys: YAML 1.2 has no merge
   * keys, but Kubernetes' YAML reader (YAML 1.1) does, so {@code <<: *base} can make a Secret or
   * give it its data.
   */
  private static List<NodeTuple> withMerged(MappingNode mapping) {
    List<NodeTuple> out = new ArrayList<>();
    Set<Node> merged = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<MappingNode> pending = new ArrayDeque<>(List.of(mapping));
    while (!pending.isEmpty()) {
      MappingNode m = pending.pop();
      if (!merged.add(m)) {
        continue;
      }
      for (NodeTuple t : m.getValue()) {
        out.add(t);
        if (isScalar(t.getKeyNode(), "<<")) {
          if (t.getValueNode() instanceof MappingNode base) {
            pending.push(base);
          } else if (t.getValueNode() instanceof SequenceNode bases) {
            bases.getValue().stream()
                .filter(MappingNode.class::isInstance)
                .forEach(b -> pending.push((MappingNode) b));
          }
        }
      }
    }
    return out;
  }

  /** Hides the value of {@code data:} and whatever lies between the key and the value's end. */
  private void hideData(NodeTuple entry) {
    int from = end(entry.getKeyNode());
    int to = end(entry.getValueNode());
    if (to > from) {
      mark(from, to, Level.AROUND);
    }
    hideValue(entry.getValueNode());
  }

  /** Hides a value wherever it was written (an alias's anchor too), keeping mapping keys. */
  private void hideValue(Node node) {
    found = true;
    if (!hidden.add(node)) {
      return;
    }
    if (node instanceof MappingNode mapping) {
      mark(start(node), end(node), Level.AROUND);
      for (NodeTuple t : mapping.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode) {
          mark(start(t.getKeyNode()), end(t.getKeyNode()), Level.KEY);
        } else {
          hideValue(t.getKeyNode());
        }
        hideValue(t.getValueNode());
      }
    } else if (node instanceof SequenceNode sequence) {
      mark(start(node), end(node), Level.AROUND);
      sequence.getValue().forEach(this::hideValue);
    } else {
      mark(start(node), end(node), Level.VALUE);
    }
  }

  private void mark(int from, int to, Level level) {
    for (int i = from; i < to && i < levels.length; i++) {
      // a value stays hidden even where it is also a key (an alias used as both)
      boolean stronger =
          level == Level.VALUE
              || levels[i] != Level.VALUE && level.ordinal() >= levels[i].ordinal();
      if (stronger) {
        levels[i] = level;
      }
    }
    if (level != Level.SHOWN) {
      found = true;
    }
  }

  private static boolean isScalar(Node node, String value) {
    return node instanceof ScalarNode s && s.getValue().equals(value);
  }

  private int start(Node node) {
    return node.getStartMark().map(this::index).orElse(0);
  }

  private int end(Node node) {
    return node.getEndMark().map(this::index).orElse(text.length());
  }

  /** Marks count code points; the text is indexed by chars. */
  private int index(Mark mark) {
    int codePoint = Math.max(0, mark.getIndex());
    if (charIndex == null) {
      return Math.min(codePoint, text.length());
    }
    return codePoint < charIndex.length ? charIndex[codePoint] : text.length();
  }

  /** The char index of each code point, or {@code null} when they are the same. */
  private static int[] charIndexes(String text) {
    if (text.codePointCount(0, text.length()) == text.length()) {
      return null;
    }
    int[] out = new int[text.codePointCount(0, text.length()) + 1];
    int cp = 0;
    for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
      out[cp++] = i;
    }
    out[cp] = text.length();
    return out;
  }
}
