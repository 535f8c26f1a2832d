package dev.kubegenerate.fast;

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
public final class RenderedYaml {

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
  public static Optional<List<Object>> read(String text, LoadSettings settings) {
    return read(text, settings, true);
  }

  /**
   * As {@link #read(String, LoadSettings)}; {@code fast} false reads the text with the YAML scanner
   * alone, without the plain block and inline JSON readers (for tests that compare both ways).
   */
  public static Optional<List<Object>> read(String text, LoadSettings settings, boolean fast) {
    ScalarResolver resolver = settings.getSchema().getScalarResolver();
    if (fast && text.length() <= settings.getCodePointLimit()) {
      Optional<Object> plain = PlainBlockYaml.read(text, value -> plain(resolver, value));
      if (plain.isPresent()) {
        List<Object> documents = new ArrayList<>(1);
        documents.add(plain.get());
        return Optional.of(documents);
      }
      Optional<InlineJson.Extracted> extracted =
          InlineJson.extract(text, value -> plain(resolver, value));
      if (extracted.isPresent()) {
        try {
          Builder builder = new Builder(resolver, extracted.get());
          List<Object> documents =
              builder.build(new Parse(settings).parseString(extracted.get().text()));
          if (builder.tookEveryValue()) {
            return Optional.of(documents);
          }
        } catch (RuntimeException e) {
          // the original text is the reference: its meaning, and its error where it has one
        }
      }
    }
    try {
      return Optional.of(new Builder(resolver, null).build(new Parse(settings).parseString(text)));
    } catch (NeedsGeneralLoader e) {
      return Optional.empty();
    }
  }

  /**
   * The one document of plain block text ({@link PlainBlockYaml}: one entry a line, plain words and
   * JSON literals), its plain scalars typed by {@code plainScalar}; empty when the text is not
   * such, and a general reader must read it.
   */
  public static Optional<Object> plainBlock(
      String text, java.util.function.Function<String, Object> plainScalar) {
    return PlainBlockYaml.read(text, plainScalar);
  }

  /** What a plain scalar {@code value} is, by the YAML 1.2 core schema of {@code resolver}. */
  private static Object plain(ScalarResolver resolver, String value) {
    return Builder.resolved(resolver, value, true);
  }

  /** Assembles maps, lists and scalars from events. */
  private static final class Builder {
    private final ScalarResolver resolver;

    /** The inline JSON values of the text being read, or null. */
    private final InlineJson.Extracted inline;

    /** Which of {@link #inline}'s values were put in place. */
    private final boolean[] taken;

    private int takenCount;
    private final Deque<Object> open = new ArrayDeque<>();
    private final Deque<Object> pendingKeys = new ArrayDeque<>();
    private final List<Object> documents = new ArrayList<>();
    private static final Object NO_KEY = new Object();

    Builder(ScalarResolver resolver, InlineJson.Extracted inline) {
      this.resolver = resolver;
      this.inline = inline;
      this.taken = inline == null ? new boolean[0] : new boolean[inline.values().size()];
    }

    /** Whether every inline JSON value was met once, as a whole plain value. */
    boolean tookEveryValue() {
      return takenCount == taken.length;
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
          case Scalar -> {
            ScalarEvent scalar = (ScalarEvent) event;
            document = add(inlineValue(scalar).orElseGet(() -> scalar(scalar)), document);
          }
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
          if (value == null) {
            // a null key (`~: x`): the deque holds no null, and the general loader reads it
            throw new NeedsGeneralLoader();
          }
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

    /**
     * The inline JSON value a placeholder stands for; empty for any other scalar. A placeholder
     * anywhere but as a whole plain value (a key, a tagged scalar) ends this reading.
     */
    private Optional<Object> inlineValue(ScalarEvent event) {
      String value = event.getValue();
      if (inline == null || !value.startsWith(InlineJson.PREFIX)) {
        return Optional.empty();
      }
      boolean isKey =
          !open.isEmpty() && open.peek() instanceof Map<?, ?> && pendingKeys.peek() == NO_KEY;
      if (isKey
          || !event.isPlain()
          || event.getTag().isPresent()
          || !event.getImplicit().canOmitTagInPlainScalar()) {
        throw new NeedsGeneralLoader();
      }
      int index;
      try {
        index = Integer.parseInt(value.substring(InlineJson.PREFIX.length()));
      } catch (NumberFormatException e) {
        throw new NeedsGeneralLoader();
      }
      if (index < 0
          || index >= taken.length
          || taken[index]
          // its collections open one level below the other: as deep as the text would nest them
          || open.size() + inline.depths().get(index) - 1 >= YamlNodes.MAX_DEPTH) {
        throw new NeedsGeneralLoader();
      }
      taken[index] = true;
      takenCount++;
      return Optional.of(inline.values().get(index));
    }

    private Object scalar(ScalarEvent event) {
      explicitTag(event.getTag());
      return resolved(resolver, event.getValue(), event.getImplicit().canOmitTagInPlainScalar());
    }

    /** A scalar's value by the YAML 1.2 core schema. */
    static Object resolved(ScalarResolver resolver, String value, boolean implicit) {
      Tag tag = resolver.resolve(value, implicit);
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
