package dev.kubegenerate.render;

import dev.kubegenerate.yaml.YamlNodes;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

/**
 * Reads rendered text into plain values straight from the parser's events, skipping the node tree a
 * general load builds: rendering parses every body it writes, so this is the hot path. Text with
 * tags, anchors or aliases (which no built-in template writes) is left to the general loader, so
 * its meaning never depends on which path read it.
 */
final class RenderedYaml {

  private RenderedYaml() {}

  /** Thrown when the text needs the general loader. */
  private static final class NeedsGeneralLoader extends RuntimeException {
    NeedsGeneralLoader() {
      super(null, null, false, false);
    }
  }

  /**
   * The documents of {@code text}, null documents included; empty when the general loader must read
   * it.
   */
  static Optional<List<Object>> read(String text, LoadSettings settings) {
    try {
      return Optional.of(
          new Builder(settings.getSchema().getScalarResolver())
              .build(new Parse(settings).parseString(text)));
    } catch (NeedsGeneralLoader e) {
      return Optional.empty();
    }
  }

  /** Assembles maps, lists and scalars from events. */
  private static final class Builder {
    private final ScalarResolver resolver;
    private final Deque<Object> open = new ArrayDeque<>();
    private final Deque<Object> pendingKeys = new ArrayDeque<>();
    private final List<Object> documents = new ArrayList<>();
    private static final Object NO_KEY = new Object();

    Builder(ScalarResolver resolver) {
      this.resolver = resolver;
    }

    List<Object> build(Iterable<Event> events) {
      Object document = null;
      for (Event event : events) {
        if (event instanceof NodeEvent node && node.getAnchor().isPresent()) {
          throw new NeedsGeneralLoader();
        }
        switch (event.getEventId()) {
          case DocumentStart -> document = null;
          case DocumentEnd -> documents.add(document);
          case Alias -> throw new NeedsGeneralLoader();
          case MappingStart -> {
            tooDeep(event);
            explicitTag(((org.snakeyaml.engine.v2.events.CollectionStartEvent) event).getTag());
            open.push(new LinkedHashMap<>());
            pendingKeys.push(NO_KEY);
          }
          case SequenceStart -> {
            tooDeep(event);
            explicitTag(((org.snakeyaml.engine.v2.events.CollectionStartEvent) event).getTag());
            open.push(new ArrayList<>());
          }
          case MappingEnd -> {
            pendingKeys.pop();
            document = add(open.pop(), document);
          }
          case SequenceEnd -> document = add(open.pop(), document);
          case Scalar -> document = add(scalar((ScalarEvent) event), document);
          default -> {
            // stream start and end, comments: nothing to build
          }
        }
      }
      return documents;
    }

    /** Adds a finished value to the collection being built, or makes it the document. */
    @SuppressWarnings("unchecked")
    private Object add(Object value, Object document) {
      if (open.isEmpty()) {
        return value;
      }
      Object parent = open.peek();
      if (parent instanceof List<?> list) {
        ((List<Object>) list).add(value);
      } else {
        Object key = pendingKeys.pop();
        if (key == NO_KEY) {
          pendingKeys.push(value);
        } else {
          Map<Object, Object> map = (Map<Object, Object>) parent;
          if (map.containsKey(key)) {
            throw new YamlEngineException("found duplicate key " + key);
          }
          map.put(key, value);
          pendingKeys.push(NO_KEY);
        }
      }
      return document;
    }

    /** The writer and every later reader recurse per level: refuse what the loader refuses. */
    private void tooDeep(Event event) {
      if (open.size() >= YamlNodes.MAX_DEPTH) {
        throw YamlNodes.tooDeep(event);
      }
    }

    private static void explicitTag(Optional<String> tag) {
      if (tag.isPresent() && !tag.get().equals("!")) {
        throw new NeedsGeneralLoader();
      }
    }

    private Object scalar(ScalarEvent event) {
      explicitTag(event.getTag());
      String value = event.getValue();
      Tag tag = resolver.resolve(value, event.getImplicit().canOmitTagInPlainScalar());
      if (tag.equals(Tag.STR)) {
        return value;
      }
      if (tag.equals(Tag.NULL)) {
        return null;
      }
      if (tag.equals(Tag.BOOL)) {
        return Boolean.valueOf(value.toLowerCase(Locale.ROOT));
      }
      if (tag.equals(Tag.INT)) {
        return integer(value);
      }
      if (tag.equals(Tag.FLOAT)) {
        return floating(value);
      }
      throw new NeedsGeneralLoader();
    }

    private static Object integer(String value) {
      String v = value.startsWith("+") ? value.substring(1) : value;
      BigInteger n;
      if (v.startsWith("0x")) {
        n = new BigInteger(v.substring(2), 16);
      } else if (v.startsWith("0o")) {
        n = new BigInteger(v.substring(2), 8);
      } else {
        n = new BigInteger(v);
      }
      if (n.bitLength() < 32) {
        return n.intValue();
      }
      return n.bitLength() < 64 ? (Object) n.longValue() : n;
    }

    private static Object floating(String value) {
      String v = value.toLowerCase(Locale.ROOT);
      if (v.endsWith(".inf")) {
        return v.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      }
      if (v.equals(".nan")) {
        return Double.NaN;
      }
      return Double.valueOf(value);
    }
  }
}
