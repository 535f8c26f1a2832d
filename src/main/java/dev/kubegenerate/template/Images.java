package dev.kubegenerate.template;

import java.util.regex.Pattern;

/**
 * Container image references and whether they are pinned: a tag other than {@code latest}, or a
 * digest. An unpinned image changes under a running Deployment and makes a rollback restart
 * different code.
 */
public final class Images {

  private static final Pattern DIGEST =
      Pattern.compile("@[a-z0-9]+([+._-][a-z0-9]+)*:[a-fA-F0-9]{32,}$");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

  private Images() {}

  public static boolean isPinned(String image) {
    return unpinnedReason(image) == null;
  }

  /** Why an image is not pinned, as the end of "parameter image of template x ...", or null. */
  static String unpinnedReason(String image) {
    if (image.isBlank() || image.chars().anyMatch(Character::isWhitespace)) {
      return "must be an image reference such as ghcr.io/example/app:1.4.2, not \"" + image + "\"";
    }
    if (image.contains("@")) {
      return DIGEST.matcher(image).find()
          ? null
          : "has a malformed digest: \"" + image + "\" (expected @sha256:<64 hex digits>)";
    }
    // a colon after the last slash is a tag; one before it is a registry port (localhost:5000/app)
    String last = image.substring(image.lastIndexOf('/') + 1);
    int colon = last.indexOf(':');
    if (colon < 0) {
      return "must be pinned: \""
          + image
          + "\" has no tag, so every pull may get other code;"
          + " add a version tag ("
          + image
          + ":1.2.3) or a digest (@sha256:...)";
    }
    String tag = last.substring(colon + 1);
    if (tag.equals("latest")) {
      return "must be pinned: \""
          + image
          + "\" uses the tag latest, which moves;"
          + " use a version tag or a digest (@sha256:...)";
    }
    if (!TAG.matcher(tag).matches()) {
      return "has a malformed tag \"" + tag + "\" (letters, digits, '_', '.' and '-', at most 128)";
    }
    return null;
  }
}
