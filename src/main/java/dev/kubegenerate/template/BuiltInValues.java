package dev.kubegenerate.template;

import dev.kubegenerate.fast.CompactJson;
import dev.kubegenerate.fast.JsonString;
import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.JsonTrees;
import dev.kubegenerate.yaml.YamlNodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The values of the built-in library's YAML files (each {@code template.yaml}, each fragment's
 * declarations), written by the build as JSON beside them ({@code template.json}). The library is
 * fixed per release, and reading YAML is code a one-app check runs once, uncompiled: a tenth of its
 * main thread went to reading the few files it uses. A build without the JSON (sources run from an
 * IDE) reads the YAML, to the same values.
 */
public final class BuiltInValues {

  private static final String YAML = ".yaml";
  private static final String JSON = ".json";

  private BuiltInValues() {}

  /** The value of the YAML {@code file} in {@code folder}, from its JSON; empty without one. */
  static Optional<Object> read(TemplateFiles builtIn, String folder, String file) {
    return json(builtIn, folder, file).map(BuiltInValues::value);
  }

  /** The JSON the build wrote of the YAML {@code file} in {@code folder}; empty without one. */
  static Optional<String> json(TemplateFiles builtIn, String folder, String file) {
    if (!file.endsWith(YAML)) {
      return Optional.empty();
    }
    String json = file.substring(0, file.length() - YAML.length()) + JSON;
    try {
      return Optional.of(builtIn.read(folder, json, json));
    } catch (InputException e) {
      // not written by this build: the YAML is read
      return Optional.empty();
    }
  }

  /** The value of JSON the build wrote, typed as the YAML reader types it. */
  static Object value(String json) {
    return CompactJson.parseAsYaml(json);
  }

  /**
   * The build step: writes the JSON of every {@code .yaml} file one folder below {@code args[0]}
   * (the built-in library as the jar holds it), and fails on a value JSON cannot give back as the
   * YAML reader gives it.
   */
  public static void main(String[] args) throws IOException, InputException {
    Path library = Path.of(args[0]);
    int written = 0;
    try (Stream<Path> files = Files.walk(library, 2)) {
      for (Path yaml : files.filter(f -> f.toString().endsWith(YAML)).sorted().toList()) {
        Object value = yaml(Files.readString(yaml, StandardCharsets.UTF_8), yaml.toString());
        String json = json(value);
        if (!same(value, CompactJson.parseAsYaml(json))) {
          throw new IllegalStateException(yaml + ": its value does not survive JSON");
        }
        String name = yaml.getFileName().toString();
        Files.writeString(
            yaml.resolveSibling(name.substring(0, name.length() - YAML.length()) + JSON),
            json,
            StandardCharsets.UTF_8);
        written++;
      }
    }
    System.out.println("built-in templates: " + written + " YAML files written as JSON");
  }

  /** The value of a library file as {@link TemplateReader} and {@link Fragments} read it. */
  static Object yaml(String text, String shown) {
    return YamlNodes.loader(YamlNodes.safeSettings(shown)).loadFromString(text);
  }

  /** JSON of a YAML value, maps in their order. */
  static String json(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.append('\n').toString();
  }

  private static void write(Object value, StringBuilder out) {
    if (value instanceof Map<?, ?> map) {
      out.append('{');
      String comma = "";
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          throw new IllegalStateException("a key that is not a string: " + e.getKey());
        }
        out.append(comma);
        JsonString.quote(key, out);
        out.append(':');
        write(e.getValue(), out);
        comma = ",";
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      String comma = "";
      for (Object item : list) {
        out.append(comma);
        write(item, out);
        comma = ",";
      }
      out.append(']');
    } else if (value instanceof String s) {
      JsonString.quote(s, out);
    } else if (value == null
        || value instanceof Boolean
        || value instanceof Integer
        || value instanceof Long
        || value instanceof java.math.BigInteger
        || value instanceof Double d && Double.isFinite(d)) {
      out.append(value);
    } else {
      throw new IllegalStateException("a value JSON does not hold: " + value);
    }
  }

  /** Equal, and of the same types throughout: what the library's readers would see alike. */
  static boolean same(Object a, Object b) {
    return JsonTrees.equal(
        a, b, true, (x, y) -> Objects.equals(x, y) && (x == null || x.getClass() == y.getClass()));
  }
}
