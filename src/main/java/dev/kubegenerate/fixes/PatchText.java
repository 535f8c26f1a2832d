package dev.kubegenerate.fixes;

import dev.kubegenerate.render.ConfigWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** One item of {@code patches:} as a person pastes it under the entry. */
final class PatchText {

  private PatchText() {}

  /**
   * {@code - target: {kind: Deployment, name: shop-web}} and its {@code merge:}, in flow style
   * where it fits on a line.
   */
  static String of(String kind, String name, Map<String, Object> merge) {
    Map<String, Object> target = new LinkedHashMap<>();
    target.put("kind", kind);
    target.put("name", name);
    String text = new ConfigWriter().entry(2, "target", target).entry(2, "merge", merge).text();
    return "- " + text.substring(2);
  }
}
