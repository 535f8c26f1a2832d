package dev.kubegenerate.model;

import java.util.regex.Pattern;

/** The naming rules for the parts of an output path and of Kubernetes object names. */
public final class Names {

  /** A folder name: letters, digits, {@code . _ -}, not starting with a dot. */
  private static final Pattern FOLDER = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,62}");

  /** RFC 1123 label, as Kubernetes requires of names that become part of object names. */
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  private Names() {}

  /** True for a plain folder name: no separator, no {@code ..}, nothing absolute. */
  public static boolean isFolderName(String s) {
    return FOLDER.matcher(s).matches();
  }

  /** True for a lower-case RFC 1123 label. */
  public static boolean isDnsLabel(String s) {
    return DNS_LABEL.matcher(s).matches();
  }
}
