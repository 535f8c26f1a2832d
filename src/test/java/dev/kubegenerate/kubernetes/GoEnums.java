package dev.kubegenerate.kubernetes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the enums of the Kubernetes API from its Go sources (the {@code k8s.io/api} module): a
 * string type marked {@code // +enum} takes the values of the constants declared with that type in
 * its package, and every struct field of that type (directly, as a pointer or as a list item) is
 * one of them. This is how Kubernetes' OpenAPI generator makes its "Possible enum values", which
 * the published swagger documents of recent releases no longer carry.
 *
 * <p>The sources are gofmt'ed, so a line-based reading suffices: {@code type X string}, {@code
 * const} blocks, {@code type S struct} blocks closed by a {@code }} at the line's start, fields
 * {@code Name Type `json:"name,..."`}, and {@code inline} embedded structs.
 */
final class GoEnums {

  private static final Pattern PACKAGE_FILE =
      Pattern.compile("([a-z0-9]+/v[0-9]+(?:(?:alpha|beta)[0-9]+)?)/[a-z0-9_]+\\.go");
  private static final Pattern TYPE_STRING = Pattern.compile("^type (\\w+) string\\s*$");
  private static final Pattern TYPE_STRUCT = Pattern.compile("^type (\\w+) struct \\{\\s*$");
  private static final Pattern CONST_LINE =
      Pattern.compile("^\\s*(?:const\\s+)?\\w+\\s+(\\w+)\\s*=\\s*\"([^\"\\\\]*)\"");
  private static final Pattern FIELD =
      Pattern.compile("^\\t(?:(\\w+)\\s+)?((?:\\*|\\[\\])*)([\\w.]+)\\s+`json:\"([^\",]*)[^`]*`");
  private static final Pattern IMPORT =
      Pattern.compile("^\\s*(?:import\\s+)?(\\w+\\s+)?\"k8s\\.io/api/([a-z0-9]+/v\\w+)\"");

  /** A field of a struct: its JSON name (empty when inlined), its type and the type's package. */
  private record Field(String json, String typePackage, String type, boolean inline) {}

  /** Per package ({@code core/v1}): enum types and their values, structs and their fields. */
  private final Map<String, Map<String, TreeSet<String>>> enums = new HashMap<>();

  private final Map<String, Map<String, List<Field>>> structs = new HashMap<>();

  private GoEnums() {}

  /**
   * The enum values of every field of the module's types, by OpenAPI definition name and JSON field
   * name.
   *
   * @param sources the module's non-generated Go files, by path ({@code core/v1/types.go})
   */
  static Map<String, Map<String, List<String>>> read(Map<String, String> sources) {
    GoEnums g = new GoEnums();
    Map<String, Map<String, String>> constants = new HashMap<>();
    sources.forEach(
        (path, text) -> {
          Matcher m = PACKAGE_FILE.matcher(path);
          if (m.matches()) {
            g.file(m.group(1), text, constants.computeIfAbsent(m.group(1), k -> new HashMap<>()));
          }
        });
    // a constant's type is known only once every file of its package has been read
    constants.forEach(
        (pkg, byName) ->
            byName.forEach(
                (nameAndType, value) -> {
                  String type = nameAndType.substring(nameAndType.indexOf(' ') + 1);
                  TreeSet<String> values = g.enums.getOrDefault(pkg, Map.of()).get(type);
                  if (values != null) {
                    values.add(value);
                  }
                }));
    Map<String, Map<String, List<String>>> out = new TreeMap<>();
    g.structs.forEach(
        (pkg, types) ->
            types
                .keySet()
                .forEach(
                    struct -> {
                      Map<String, List<String>> fields = new TreeMap<>();
                      g.collect(pkg, struct, fields, 0);
                      if (!fields.isEmpty()) {
                        out.put("io.k8s.api." + pkg.replace('/', '.') + "." + struct, fields);
                      }
                    }));
    return out;
  }

  private void collect(String pkg, String struct, Map<String, List<String>> out, int depth) {
    List<Field> fields = structs.getOrDefault(pkg, Map.of()).get(struct);
    if (fields == null || depth > 10) {
      return;
    }
    for (Field f : fields) {
      if (f.inline()) {
        collect(f.typePackage(), f.type(), out, depth + 1);
        continue;
      }
      TreeSet<String> values = enums.getOrDefault(f.typePackage(), Map.of()).get(f.type());
      if (values != null && !values.isEmpty()) {
        out.put(f.json(), List.copyOf(values));
      }
    }
  }

  private void file(String pkg, String text, Map<String, String> constants) {
    Map<String, String> imports = new HashMap<>();
    String[] lines = text.split("\n", -1);
    boolean inConst = false;
    boolean inImport = false;
    String struct = null;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (struct != null) {
        if (line.startsWith("}")) {
          struct = null;
        } else {
          field(pkg, struct, line, imports);
        }
        continue;
      }
      if (line.startsWith("import (")) {
        inImport = true;
        continue;
      }
      if (inImport || line.startsWith("import ")) {
        Matcher m = IMPORT.matcher(line);
        if (m.find()) {
          String path = m.group(2);
          String alias =
              m.group(1) == null ? path.substring(path.lastIndexOf('/') + 1) : m.group(1).strip();
          imports.put(alias, path);
        }
        inImport = inImport && !line.startsWith(")");
        continue;
      }
      if (line.startsWith("const (")) {
        inConst = true;
        continue;
      }
      if (inConst && line.startsWith(")")) {
        inConst = false;
        continue;
      }
      if (inConst || line.startsWith("const ")) {
        Matcher m = CONST_LINE.matcher(line);
        if (m.find()) {
          constants.put(constName(line) + " " + m.group(1), m.group(2));
        }
        continue;
      }
      Matcher s = TYPE_STRUCT.matcher(line);
      if (s.matches()) {
        struct = s.group(1);
        structs.computeIfAbsent(pkg, k -> new HashMap<>()).put(struct, new ArrayList<>());
        continue;
      }
      Matcher t = TYPE_STRING.matcher(line);
      if (t.matches() && markedEnum(lines, i)) {
        enums.computeIfAbsent(pkg, k -> new HashMap<>()).put(t.group(1), new TreeSet<>());
      }
    }
  }

  private static String constName(String line) {
    String s = line.strip();
    if (s.startsWith("const ")) {
      s = s.substring(6).strip();
    }
    return s.substring(0, s.indexOf(' ') < 0 ? s.length() : s.indexOf(' '));
  }

  /** Whether the comment block right above line {@code i} holds {@code +enum}. */
  private static boolean markedEnum(String[] lines, int i) {
    for (int j = i - 1; j >= 0 && lines[j].startsWith("//"); j--) {
      if (lines[j].strip().equals("// +enum")) {
        return true;
      }
    }
    return false;
  }

  private void field(String pkg, String struct, String line, Map<String, String> imports) {
    Matcher m = FIELD.matcher(line);
    if (!m.find()) {
      return;
    }
    String type = m.group(3);
    String typePackage = pkg;
    int dot = type.indexOf('.');
    if (dot > 0) {
      typePackage = imports.get(type.substring(0, dot));
      type = type.substring(dot + 1);
      if (typePackage == null) {
        return; // a type of another module (apimachinery): no enums bundled from there
      }
    }
    String json = m.group(4);
    boolean embedded = m.group(1) == null;
    boolean inline = embedded && json.isEmpty();
    if (json.isEmpty() && !inline || json.equals("-")) {
      return;
    }
    // a map of enum values is not an enum field; only plain, pointer and list types are
    if (m.group(2).contains("[][]")) {
      return;
    }
    structs.get(pkg).get(struct).add(new Field(json, typePackage, type, inline));
  }
}
