package dev.kubegenerate.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The type of a template parameter, and the check that a value has it. */
public enum ParameterType {
  STRING("string", "a string"),
  INTEGER("integer", "an integer"),
  BOOLEAN("boolean", "true or false"),
  LIST("list", "a list of strings"),
  MAP("map", "a map of names to values"),
  OBJECT("object", "a map");

  private final String id;
  private final String expected;

  ParameterType(String id, String expected) {
    this.id = id;
    this.expected = expected;
  }

  /** The name used in template.yaml and the JSON Schema. */
  public String id() {
    return id;
  }

  /** Looks a type up by its name in template.yaml. */
  public static Optional<ParameterType> fromId(String id) {
    for (ParameterType t : values()) {
      if (t.id.equals(id)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /**
   * The value as the template sees it, or empty when it is of the wrong type. Map values that
   * are scalars become strings, as environment variables and labels must be.
   */
  public Optional<Object> coerce(Object value) {
    return switch (this) {
      case STRING -> value instanceof String ? Optional.of(value) : Optional.empty();
      // beyond 64 bits no Kubernetes field can hold it
      case INTEGER -> value instanceof Long || value instanceof Integer ? Optional.of(value) : Optional.empty();
      case BOOLEAN -> value instanceof Boolean ? Optional.of(value) : Optional.empty();
      case LIST -> stringList(value);
      case MAP -> stringMap(value);
      case OBJECT -> value instanceof Map ? Optional.of(value) : Optional.empty();
    };
  }

  /** "must be a string, not the integer 3" style description of the mismatch. */
  public String mismatch(Object value) {
    if (this == MAP && value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!isScalar(e.getValue())) {
          return "must be a map of names to single values; \"" + e.getKey() + "\" is " + describe(e.getValue());
        }
      }
    }
    if (this == LIST && value instanceof List<?> list) {
      for (Object item : list) {
        if (!isScalar(item)) {
          return "must be a list of single values, not a list holding " + describe(item);
        }
      }
    }
    String hint = this == STRING && (value instanceof Number || value instanceof Boolean) ? " (quote it: \"" + value + "\")" : "";
    return "must be " + expected + ", not " + describe(value) + hint;
  }

  static String describe(Object value) {
    if (value == null) {
      return "empty";
    }
    if (value instanceof String s) {
      return "the string \"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
    }
    if (value instanceof Boolean b) {
      return "the boolean " + b;
    }
    if (value instanceof Number n) {
      return "the number " + n;
    }
    if (value instanceof List) {
      return "a list";
    }
    return "a map";
  }

  private static Optional<Object> stringList(Object value) {
    if (!(value instanceof List<?> list)) {
      return Optional.empty();
    }
    List<String> out = new ArrayList<>();
    for (Object item : list) {
      if (!isScalar(item)) {
        return Optional.empty();
      }
      out.add(String.valueOf(item));
    }
    return Optional.of(out);
  }

  private static Optional<Object> stringMap(Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      return Optional.empty();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!isScalar(e.getValue())) {
        return Optional.empty();
      }
      out.put(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
    }
    return Optional.of(out);
  }

  private static boolean isScalar(Object v) {
    return v instanceof String || v instanceof Number || v instanceof Boolean;
  }
}
