package dev.kubegenerate.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes release as {@code MAJOR.MINOR}, e.g. {@code 1.34}; the patch level never changes
 * which APIs are served.
 */
public record KubernetesVersion(int major, int minor) implements Comparable<KubernetesVersion> {

  private static final Pattern FORMAT =
      Pattern.compile("(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})");

  /** Parses {@code 1.34}; empty for anything else ({@code v1.34}, {@code 1.34.1}, {@code 1}). */
  public static Optional<KubernetesVersion> parse(String text) {
    Matcher m = FORMAT.matcher(text);
    return m.matches()
        ? Optional.of(
            new KubernetesVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
        : Optional.empty();
  }

  /** Parses a version written as {@code 1.34} in bundled data; fails on anything else. */
  public static KubernetesVersion of(String text) {
    return parse(text)
        .orElseThrow(() -> new IllegalArgumentException("not a Kubernetes version: " + text));
  }

  @Override
  public int compareTo(KubernetesVersion other) {
    return major != other.major
        ? Integer.compare(major, other.major)
        : Integer.compare(minor, other.minor);
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }

  // Written out, as in every record a check hashes at start-up: a record's generated equals and
  // hashCode are bootstrapped through method handles on first use, about 12 ms of a one-app
  // check for the first records hashed.
  @Override
  public boolean equals(Object other) {
    return other instanceof KubernetesVersion v && v.major == major && v.minor == minor;
  }

  @Override
  public int hashCode() {
    return 31 * major + minor;
  }
}
