package dev.kubegenerate.patch;

import java.util.ArrayList;
import java.util.List;

/** RFC 6901 JSON pointers: {@code /spec/template/spec/containers/0/image}, {@code ~1} for '/'. */
public final class JsonPointer {

  private JsonPointer() {}

  /** The reference tokens of a pointer; {@code ""} is the whole document (no token). */
  public static List<String> parse(String pointer) throws PatchException {
    List<String> tokens = new ArrayList<>();
    if (pointer.isEmpty()) {
      return tokens;
    }
    if (!pointer.startsWith("/")) {
      throw new PatchException("\"" + pointer + "\" is not a JSON pointer: it must start with /");
    }
    for (String raw : pointer.substring(1).split("/", -1)) {
      if (raw.matches(".*~(?![01]).*")) {
        throw new PatchException(
            "\"" + pointer + "\" is not a JSON pointer: ~ must be followed by 0 or 1");
      }
      tokens.add(raw.replace("~1", "/").replace("~0", "~"));
    }
    return tokens;
  }

  /** The pointer of some tokens. */
  public static String format(List<String> tokens) {
    String out = "";
    for (String t : tokens) {
      out = append(out, t);
    }
    return out;
  }

  /** The pointer of some tokens followed by one more (the object comparison's escaping). */
  public static String append(String pointer, String token) {
    return dev.kubegenerate.model.JsonPointer.append(pointer, token);
  }
}
