package dev.kubegenerate.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The tool's one Jackson configuration. Only the immutable reader and writer leave this class, so
 * no caller can reconfigure what another relies on. Loaded on first use: a run that writes no JSON
 * never pays for Jackson's start-up.
 */
public final class Json {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Reads JSON text into trees. */
  public static final ObjectReader READER = MAPPER.reader();

  /** Writes values and trees as compact JSON. */
  public static final ObjectWriter WRITER = MAPPER.writer();

  private Json() {}

  /** {@code value} (maps, lists, strings, numbers, booleans) as a JSON tree. */
  public static JsonNode tree(Object value) {
    return MAPPER.valueToTree(value);
  }

  /** A new, empty JSON object. */
  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }
}
