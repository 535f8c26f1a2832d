package dev.kubegenerate.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The type of a template parameter, and the check that a value has it. */
public enum ParameterType {
  STRING("string", "a string"),
  INTEGER("integer", "an integer"),
  BOOLEAN("boolean", "true or false"),
  LIST("list", "a list of strings"),
  MAP("map", "a map of names to values"),
  OBJECT("object", "a map"),
  INT_OR_STRING("int-or-string", "an integer or a percentage such as \"25%\""),
  QUANTITY("quantity", "a Kubernetes quantity such as 250m, 1.5, 512Mi or 2Gi"),
  ENUM("enum", "one of the allowed values"),
  IMAGE("image", "a container image pinned by a tag or a digest");

  /**
   * Kubernetes' quantity grammar: a decimal number, then a binary or decimal suffix or an exponent.
   */
  private static final Pattern QUANTITY_TEXT =
      Pattern.compile(
          "[+-]?(\\d+(\\.\\d*)?|\\.\\d+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\\d+)?");

  private static final Pattern PERCENT = Pattern.compile("\\d+%");

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

  /** Every type's name, for the message about an unknown one. */
  public static String ids() {
    List<String> ids = new ArrayList<>();
    for (ParameterType t : values()) {
      ids.add(t.id);
    }
    return String.join(", ", ids);
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
   * The value as the template sees it, or empty when it is of the wrong type. Map values that are
   * scalars become strings, as environment variables and labels must be.
   *
   * @param allowed the allowed values of an enum (ignored by other types)
   * @param objectItems whether a list holds objects (a list tied to a Kubernetes type) rather than
   *     strings
   */
  public Optional<Object> coerce(Object value, List<String> allowed, boolean objectItems) {
    return switch (this) {
      case STRING -> value instanceof String ? Optional.of(value) : Optional.empty();
      // beyond 64 bits no Kubernetes field can hold it
      case INTEGER -> isInteger(value) ? Optional.of(value) : Optional.empty();
      case BOOLEAN -> value instanceof Boolean ? Optional.of(value) : Optional.empty();
      case LIST -> objectItems ? objectList(value) : stringList(value);
      case MAP -> stringMap(value);
      // the keys an object lists are checked with the config's nodes, each at its own line
      case OBJECT -> value instanceof Map ? Optional.of(value) : Optional.empty();
      case INT_OR_STRING ->
          isInteger(value) && ((Number) value).longValue() >= 0
                  || value instanceof String s && PERCENT.matcher(s).matches()
              ? Optional.of(value)
              : Optional.empty();
      case QUANTITY -> isQuantity(value) ? Optional.of(value) : Optional.empty();
      case ENUM ->
          value instanceof String s && allowed.contains(s) ? Optional.of(value) : Optional.empty();
      case IMAGE ->
          value instanceof String s && Images.isPinned(s) ? Optional.of(value) : Optional.empty();
    };
  }

  /** "must be a string, not the integer 3" style description of the mismatch. */
  public String mismatch(Object value, List<String> allowed, boolean objectItems) {
    if (this == MAP && value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!isScalar(e.getValue())) {
          return "must be a map of names to single values; \""
              + e.getKey()
              + "\" is "
              + describe(e.getValue());
        }
      }
    }
    if (this == LIST && value instanceof List<?> list) {
      for (Object item : list) {
        if (objectItems && !(item instanceof Map)) {
          return "must be a list of maps, not a list holding " + describe(item);
        }
        if (!objectItems && !isScalar(item)) {
          return "must be a list of single values, not a list holding " + describe(item);
        }
      }
    }
    if (this == ENUM) {
      return "must be one of "
          + String.join(", ", allowed)
          + ", not "
          + describe(value)
          + (value instanceof String s
              ? dev.kubegenerate.model.Suggestions.didYouMean(s, allowed)
              : "");
    }
    if (this == IMAGE && value instanceof String s) {
      return Images.unpinnedReason(s);
    }
    if (this == LIST && objectItems) {
      return "must be a list of maps, not " + describe(value);
    }
    String hint =
        (this == STRING || this == ENUM) && (value instanceof Number || value instanceof Boolean)
            ? " (quote it: \"" + value + "\")"
            : "";
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

  private static boolean isInteger(Object value) {
    return value instanceof Long || value instanceof Integer;
  }

  /**
   * Whether a value is a quantity as Kubernetes parses one: {@code cpu: 1}, {@code memory: 512Mi}.
   */
  public static boolean isQuantity(Object value) {
    if (isInteger(value)) {
      return true;
    }
    if (value instanceof Double d) {
      return !d.isNaN() && !d.isInfinite();
    }
    return value instanceof String s && s.length() <= 64 && QUANTITY_TEXT.matcher(s).matches();
  }

  private static Optional<Object> objectList(Object value) {
    if (!(value instanceof List<?> list)) {
      return Optional.empty();
    }
    for (Object item : list) {
      if (!(item instanceof Map)) {
        return Optional.empty();
      }
    }
    return Optional.of(value);
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
