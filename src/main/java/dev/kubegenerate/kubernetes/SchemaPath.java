package dev.kubegenerate.kubernetes;

import java.util.Optional;
import java.util.function.Function;

/**
 * Walks a schema along a JSON pointer ({@code /spec/template/spec/containers/0/ports}) to the field
 * it names: through references, fields, map values and list items (an index, {@code *} or {@code
 * -}).
 */
final class SchemaPath {

  private SchemaPath() {}

  /** The schema of the field {@code pointer} names below {@code root}; empty when none. */
  static Optional<Schema> walk(
      Schema root, String pointer, Function<String, Optional<Schema>> definitions) {
    if (!pointer.isEmpty() && !pointer.startsWith("/")) {
      throw new IllegalArgumentException("not a JSON pointer: " + pointer);
    }
    Schema at = root;
    Schema field = root;
    for (String raw : pointer.isEmpty() ? new String[0] : pointer.substring(1).split("/", -1)) {
      String segment = raw.replace("~1", "/").replace("~0", "~");
      at = resolve(at, definitions);
      if (at.items().isPresent() && isItem(segment)) {
        at = at.items().get();
        field = at;
        continue;
      }
      Schema next = at.properties().get(segment);
      if (next == null && at.values().isPresent()) {
        next = at.values().get();
      }
      if (next == null) {
        return Optional.empty();
      }
      at = next;
      field = next;
    }
    return Optional.of(field);
  }

  private static boolean isItem(String segment) {
    return segment.equals("*") || segment.equals("-") || segment.matches("0|[1-9][0-9]{0,8}");
  }

  /** The schema a reference stands for; metadata written beside a reference stays on the field. */
  static Schema resolve(Schema s, Function<String, Optional<Schema>> definitions) {
    Schema at = s;
    for (int hops = 0; at.ref().isPresent() && hops < 10; hops++) {
      at = definitions.apply(at.ref().get()).orElse(Schema.ANY);
    }
    return at;
  }
}
