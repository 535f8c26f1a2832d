package dev.kubegenerate.github;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of an autofix commit, paths relative to the repository root (GraphQL's {@code
 * FileChanges}).
 *
 * @param additions new contents by path, written whole
 * @param deletions paths to delete
 */
public record FileChanges(Map<String, String> additions, List<String> deletions) {

  public FileChanges {
    additions = Collections.unmodifiableMap(new LinkedHashMap<>(additions));
    deletions = List.copyOf(deletions);
  }

  /** How many files the commit touches. */
  public int files() {
    return additions.size() + deletions.size();
  }

  /** The UTF-8 size of every addition's contents, before base64. */
  public long bytes() {
    long n = 0;
    for (String content : additions.values()) {
      n += content.getBytes(StandardCharsets.UTF_8).length;
    }
    return n;
  }
}
