package dev.kubegenerate.model;

import java.util.ArrayList;
import java.util.List;

/**
 * JSON pointers (RFC 6901) naming fields of an object, such as {@code
 * /spec/template/spec/containers/0/image} or {@code /metadata/labels/app.kubernetes.io~1name}.
 */
public final class JsonPointer {

  private JsonPointer() {}

  /** {@code base} extended by one field name or list index, escaped as RFC 6901 says. */
  public static String append(String base, String token) {
    if (token.indexOf('~') < 0 && token.indexOf('/') < 0) {
      return base + "/" + token;
    }
    return base + "/" + token.replace("~", "~0").replace("/", "~1");
  }

  /** {@code base} extended by a list index. */
  public static String append(String base, int index) {
    return base + "/" + index;
  }

  /** The unescaped tokens of a pointer; none for the whole document ({@code ""}). */
  public static List<String> tokens(String pointer) {
    List<String> out = new ArrayList<>();
    if (pointer.isEmpty()) {
      return out;
    }
    for (String raw : pointer.substring(1).split("/", -1)) {
      out.add(raw.replace("~1", "/").replace("~0", "~"));
    }
    return out;
  }

  /**
   * Whether {@code pointer} names {@code pattern}'s field or one below it; a token {@code *} in the
   * pattern matches any one token.
   */
  public static boolean under(String pointer, String pattern) {
    List<String> p = tokens(pointer);
    List<String> q = tokens(pattern);
    if (p.size() < q.size()) {
      return false;
    }
    for (int i = 0; i < q.size(); i++) {
      if (!q.get(i).equals("*") && !q.get(i).equals(p.get(i))) {
        return false;
      }
    }
    return true;
  }
}
