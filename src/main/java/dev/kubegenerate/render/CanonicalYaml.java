package dev.kubegenerate.render;

import dev.kubegenerate.fast.RenderedYaml;
import dev.kubegenerate.yaml.YamlNodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

/**
 * The one way kube-generate writes YAML: two-space indent, sequences indented under their key, keys
 * in the order written, strings quoted only when needed, {@code ---} between documents, LF line
 * endings and one trailing newline.
 *
 * <p>"Needed" is judged by YAML 1.1 as well as 1.2, because Kubernetes' YAML reader follows 1.1:
 * {@code yes}, {@code on}, {@code 0755} or {@code 2026-01-01} stay strings only when quoted. Keys
 * whose value is null are dropped, so a template can write an optional value unconditionally.
 */
public final class CanonicalYaml {

  /** Immutable and costly to build (its schema compiles patterns): one for every render. */
  private static final LoadSettings LOAD_SETTINGS = YamlNodes.safeSettings("rendered");

  /**
   * Rendered text is read without marks, which allocate several times more than the values, and
   * again with them only when it fails, to say where.
   */
  private static final LoadSettings UNMARKED = YamlNodes.safeSettings("rendered", false);

  private CanonicalYaml() {}

  /**
   * Values and characters a rendered text may expand to. Aliases let 1 MiB of text stand for far
   * more (50 aliases nest to tens of millions of nodes); a body that rendered at most 1 MiB and
   * means what it says stays well below both.
   */
  static final int MAX_NODES = 1_000_000;

  static final int MAX_CHARS = 8 << 20;

  /** Thrown when a rendered text expands past {@link #MAX_NODES} or {@link #MAX_CHARS}. */
  public static final class TooLarge
      extends org.snakeyaml.engine.v2.exceptions.YamlEngineException {
    TooLarge() {
      super(
          "the rendered YAML expands through aliases to more than "
              + MAX_NODES
              + " values or "
              + (MAX_CHARS >> 20)
              + " MiB");
    }
  }

  /**
   * Whether a one-line string can be written plain in block context and read back as the same
   * string by YAML 1.1 and 1.2 readers (Kubernetes' and kube-generate's).
   */
  public static boolean isPlainString(String s) {
    return CanonicalWriter.isPlainSafe(s) && !CanonicalWriter.readAsOtherType(s);
  }

  /** Parses {@code text} (one or more documents) and writes it back canonically. */
  public static String format(String text) {
    return write(documents(text));
  }

  /**
   * Canonical text and the nodes composing it gives (YAML 1.2 core schema, without marks), for a
   * reader of the text that can take its nodes instead.
   *
   * @param nodes empty when composing the text would fail (it nests too deep), or when the text is
   *     longer than a manifest ever is: read the text then
   */
  public record Composed(String text, Optional<List<Node>> nodes) {}

  /** As {@link #format}, with the nodes of what was written. */
  public static Composed formatComposed(String text) {
    return write(documents(text), LOAD_SETTINGS.getSchema().getScalarResolver());
  }

  /**
   * The documents of canonical text, as values to change and write again with {@link
   * #formatComposed(List)}.
   */
  public static List<Object> read(String canonical) {
    return documents(canonical);
  }

  /** As {@link #formatComposed(String)}, for documents already read. */
  public static Composed formatComposed(List<Object> documents) {
    int[] nodes = {0};
    List<Object> cleaned = new ArrayList<>(documents.size());
    for (Object doc : documents) {
      if (doc != null) {
        cleaned.add(dropNulls(doc, nodes));
      }
    }
    return write(cleaned, LOAD_SETTINGS.getSchema().getScalarResolver());
  }

  /** The documents of {@code text} without null documents and without keys whose value is null. */
  private static List<Object> documents(String text) {
    try {
      return documents(text, UNMARKED);
    } catch (TooLarge e) {
      throw e;
    } catch (YamlEngineException e) {
      return documents(text, LOAD_SETTINGS); // throws the same error, located
    }
  }

  /**
   * The one document of a rendered fragment (null for none), read as {@link #format} reads a body;
   * an error is thrown as snakeyaml's loader reports it.
   */
  public static Object readOne(String text) {
    try {
      List<Object> documents = RenderedYaml.read(text, UNMARKED).orElse(null);
      if (documents != null && documents.size() <= 1) {
        return documents.isEmpty() ? null : documents.get(0);
      }
    } catch (YamlEngineException e) {
      // read again below, with marks, to report it
    }
    return YamlNodes.loader(LOAD_SETTINGS).loadFromString(text);
  }

  private static List<Object> documents(String text, LoadSettings settings) {
    int[] nodes = {0};
    List<Object> documents = new ArrayList<>();
    Iterable<Object> parsed =
        RenderedYaml.read(text, settings)
            .<Iterable<Object>>map(docs -> docs)
            .orElseGet(() -> YamlNodes.loader(settings).loadAllFromString(text));
    for (Object doc : parsed) {
      if (doc != null) {
        documents.add(dropNulls(doc, nodes));
      }
    }
    return documents;
  }

  /** Writes already parsed documents canonically; empty text for no documents. */
  public static String write(List<Object> documents) {
    return write(documents, null).text();
  }

  /** The documents written, with their nodes when {@code resolver} is given. */
  private static Composed write(List<Object> documents, ScalarResolver resolver) {
    StringBuilder out = new StringBuilder();
    List<Node> nodes = new ArrayList<>(documents.size());
    for (Object doc : documents) {
      if (!out.isEmpty()) {
        out.append("---\n");
      }
      boolean composing = resolver != null && out.length() <= CanonicalWriter.MAX_COMPOSED_CHARS;
      CanonicalWriter.Composed written = CanonicalWriter.composed(doc, composing ? resolver : null);
      out.append(written.text());
      if (out.length() > MAX_CHARS) {
        throw new TooLarge();
      }
      nodes.add(written.node());
    }
    boolean composed = !nodes.contains(null) && out.length() <= CanonicalWriter.MAX_COMPOSED_CHARS;
    return new Composed(out.toString(), composed ? Optional.of(nodes) : Optional.empty());
  }

  @SuppressWarnings("unchecked")
  private static Object dropNulls(Object value, int[] nodes) {
    if (++nodes[0] > MAX_NODES) {
      throw new TooLarge();
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (e.getValue() != null) {
          out.put(e.getKey(), dropNulls(e.getValue(), nodes));
        }
      }
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(item -> out.add(dropNulls(item, nodes)));
      return out;
    }
    return value;
  }
}
