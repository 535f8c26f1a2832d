package dev.kubegenerate.fast;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kubegenerate.yaml.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * A value as one JSON literal, byte for byte as Jackson's {@code ObjectMapper} writes it.
 *
 * <p>The {@code json} filter runs for almost every value of every body, and creating an {@code
 * ObjectMapper} costs a few hundred milliseconds of class loading at start-up, so the value types a
 * config can hold (strings, numbers, booleans, null, lists and maps of them) are written here, and
 * only anything else falls back to Jackson.
 */
public final class JsonLiteral {

  private JsonLiteral() {}

  /** The JSON text of {@code value}. */
  public static String of(Object value) throws JsonProcessingException {
    StringBuilder out = new StringBuilder();
    if (write(value, out)) {
      return out.toString();
    }
    // Json is loaded only here, when a value needs Jackson
    return Json.WRITER.writeValueAsString(value);
  }

  /**
   * The JSON text of a value a config can hold, for fingerprints: never Jackson, and a value JSON
   * cannot hold (a non-finite number) is written as its string.
   */
  public static String canonical(Object value) {
    StringBuilder out = new StringBuilder();
    if (write(value, out)) {
      return out.toString();
    }
    out.setLength(0);
    string(String.valueOf(value), out);
    return out.toString();
  }

  /** Appends {@code value}; false when it holds a type left to Jackson. */
  private static boolean write(Object value, StringBuilder out) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      string(s, out);
    } else if (value instanceof Boolean
        || value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigInteger
        || value instanceof BigDecimal) {
      out.append(value);
    } else if (value instanceof Double d && Double.isFinite(d)) {
      out.append(d.doubleValue());
    } else if (value instanceof Float f && Float.isFinite(f)) {
      out.append(f.floatValue());
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        // Jackson refuses a null key; let it say so in its own words
        if (e.getKey() == null) {
          return false;
        }
        if (!first) {
          out.append(',');
        }
        first = false;
        string(e.getKey().toString(), out);
        out.append(':');
        if (!write(e.getValue(), out)) {
          return false;
        }
      }
      out.append('}');
    } else if (value instanceof Collection<?> list) {
      out.append('[');
      boolean first = true;
      for (Object item : list) {
        if (!first) {
          out.append(',');
        }
        first = false;
        if (!write(item, out)) {
          return false;
        }
      }
      out.append(']');
    } else {
      return false;
    }
    return true;
  }

  private static void string(String s, StringBuilder out) {
    JsonString.quote(s, out);
  }
}
