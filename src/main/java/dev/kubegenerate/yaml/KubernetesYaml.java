package dev.kubegenerate.yaml;

import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Manifest text as Kubernetes reads it (kubectl, Argo CD and Flux all go through sigs.k8s.io/yaml):
 * each document converted to JSON-like values (maps, lists, String, Long, Double, Boolean, null) by
 * {@link GoScalars}' rules, with go-yaml v2's merge keys ({@code <<}, applied in the order written)
 * and duplicate keys (the last one wins). Read under the same limits as every other YAML: {@link
 * YamlNodes#safeSettings}, the depth limit and {@link NodeValues}' bounds on what aliases may
 * expand to.
 */
public final class KubernetesYaml {

  private static final LoadSettings UNMARKED = settings(false);

  private static final LoadSettings MARKED = settings(true);

  private int visited;
  private long chars;
  private int depth;

  private KubernetesYaml() {}

  private static LoadSettings settings(boolean marks) {
    return LoadSettings.builder()
        .setLabel("manifest")
        .setAllowDuplicateKeys(true)
        .setAllowRecursiveKeys(false)
        .setMaxAliasesForCollections(YamlNodes.MAX_ALIASES)
        .setCodePointLimit(InputText.MAX_BYTES)
        .setUseMarks(marks)
        .setSchema(GoScalars.SCHEMA)
        .build();
  }

  /**
   * The documents of {@code text} as values, empty documents left out.
   *
   * @param file how the text is named in a problem
   * @throws InputException a located problem when the text is not YAML Kubernetes reads
   */
  public static List<Object> documents(String text, String file) throws InputException {
    String body = InputText.withoutBom(text);
    try {
      return read(body, UNMARKED, file);
    } catch (YamlEngineException | InputException e) {
      // read again with source marks, which cost several times more, only to say where
      try {
        read(body, MARKED, file);
      } catch (MarkedYamlEngineException located) {
        throw new InputException(YamlNodes.problemAt(file, located));
      } catch (YamlEngineException again) {
        throw new InputException(
            Problem.of(file, "malformed YAML: " + YamlNodes.withoutSnippet(again)));
      }
      throw e instanceof InputException input
          ? input
          : new InputException(
              Problem.of(
                  file, "malformed YAML: " + YamlNodes.withoutSnippet((YamlEngineException) e)));
    }
  }

  private static List<Object> read(String body, LoadSettings settings, String file)
      throws InputException {
    List<Object> out = new ArrayList<>();
    Composer composer = new Composer(settings, YamlNodes.parser(settings, body));
    while (composer.hasNext()) {
      Node doc = composer.next();
      try {
        Object value = new KubernetesYaml().convert(doc);
        if (value != null) {
          out.add(value);
        }
      } catch (NodeValues.ValueException e) {
        throw new InputException(YamlNodes.at(file, e.node(), e.getMessage()));
      }
    }
    return out;
  }

  private Object convert(Node node) throws NodeValues.ValueException {
    if (depth > YamlNodes.MAX_DEPTH) {
      // the text nests less, or the parser would have refused it: aliases built this
      throw new NodeValues.ValueException(
          node, "value nests more than " + YamlNodes.MAX_DEPTH + " levels (recursive aliases?)");
    }
    if (++visited > NodeValues.MAX_NODES) {
      throw new NodeValues.ValueException(
          node,
          "value expands to more than " + NodeValues.MAX_NODES + " nodes (too many aliases?)");
    }
    if (node instanceof ScalarNode s) {
      chars += s.getValue().length();
      if (chars > NodeValues.MAX_CHARS) {
        throw new NodeValues.ValueException(node, "value expands to more than 1 MiB of text");
      }
      return scalar(s);
    }
    if (node instanceof SequenceNode seq) {
      List<Object> list = new ArrayList<>(seq.getValue().size());
      depth++;
      for (Node item : seq.getValue()) {
        list.add(convert(item));
      }
      depth--;
      return list;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    depth++;
    mapping((MappingNode) node, out);
    depth--;
    return out;
  }

  private void mapping(MappingNode map, Map<String, Object> out) throws NodeValues.ValueException {
    for (NodeTuple t : map.getValue()) {
      Node key = t.getKeyNode();
      if (key instanceof ScalarNode k && k.isPlain() && k.getValue().equals("<<")) {
        merge(t.getValueNode(), out);
        continue;
      }
      out.put(key(key), convert(t.getValueNode()));
    }
  }

  /** go-yaml v2: a merged mapping overwrites what is set so far; of a list, the first wins. */
  private void merge(Node value, Map<String, Object> out) throws NodeValues.ValueException {
    if (value instanceof MappingNode m) {
      mapping(m, out);
    } else if (value instanceof SequenceNode seq) {
      List<Node> items = seq.getValue();
      for (int i = items.size() - 1; i >= 0; i--) {
        if (!(items.get(i) instanceof MappingNode m)) {
          throw new NodeValues.ValueException(items.get(i), "a merge key (<<) takes maps only");
        }
        mapping(m, out);
      }
    } else {
      throw new NodeValues.ValueException(value, "a merge key (<<) takes a map or a list of maps");
    }
  }

  /** A key as sigs.k8s.io/yaml turns it into a JSON key. */
  private static String key(Node node) throws NodeValues.ValueException {
    String key = node instanceof ScalarNode s ? jsonKey(scalar(s)) : null;
    if (key == null) {
      throw new NodeValues.ValueException(node, "map keys must be single values");
    }
    return key;
  }

  /** The JSON key sigs.k8s.io/yaml makes of a key's value; null for one it refuses. */
  private static String jsonKey(Object key) {
    if (key instanceof String || key instanceof Boolean || key instanceof Long) {
      return key.toString();
    }
    if (key instanceof Double d && Double.isFinite(d)) {
      return d == Math.rint(d) && Math.abs(d) < 1e21 ? Long.toString(d.longValue()) : d.toString();
    }
    return null;
  }

  /**
   * A document another reader built with {@link GoScalars#plain} for its plain scalars, made what
   * this class would make of the same text: keys as JSON keys. Empty where the two could differ (a
   * key merging or refused, a number JSON cannot hold): then this class must read the text.
   */
  public static java.util.Optional<Object> asJson(Object document) {
    try {
      return java.util.Optional.ofNullable(json(document, 0));
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }

  private static Object json(Object value, int depth) {
    if (depth > YamlNodes.MAX_DEPTH) {
      throw new IllegalArgumentException();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String key = "<<".equals(e.getKey()) ? null : jsonKey(e.getKey());
        if (key == null || out.containsKey(key)) {
          throw new IllegalArgumentException();
        }
        out.put(key, json(e.getValue(), depth + 1));
      }
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object item : list) {
        out.add(json(item, depth + 1));
      }
      return out;
    }
    if (value instanceof Double d && !Double.isFinite(d)) {
      throw new IllegalArgumentException();
    }
    return value;
  }

  private static Object scalar(ScalarNode s) throws NodeValues.ValueException {
    Tag tag = s.getTag();
    String v = s.getValue();
    Object value;
    if (tag.equals(Tag.NULL)) {
      return null;
    } else if (tag.equals(Tag.BOOL)) {
      value = GoScalars.bool(v);
    } else if (tag.equals(Tag.INT)) {
      value = GoScalars.integer(v);
    } else if (tag.equals(Tag.FLOAT)) {
      value = GoScalars.floating(v);
      if (value instanceof Double d && !Double.isFinite(d)) {
        // sigs.k8s.io/yaml converts to JSON, which has no infinity and no NaN
        throw new NodeValues.ValueException(s, "\"" + v + "\" is a number JSON cannot hold");
      }
    } else {
      // strings, and any other tag: the text as written
      value = v;
    }
    if (value == null) {
      throw new NodeValues.ValueException(
          s, "\"" + v + "\" is not a valid " + tag.getValue().replace(Tag.PREFIX, "!!"));
    }
    return value;
  }
}
