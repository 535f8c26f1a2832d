package dev.kubegenerate.update;

import java.util.regex.Pattern;

/**
 * The names of the temporary files an update stages beside their targets ({@code
 * .<name>.<digits>.kube-generate.tmp}): the check fails on one an interrupted update left, and the
 * next update removes it.
 */
public final class StagedFiles {

  /** Suffix of every staged file. */
  static final String SUFFIX = ".kube-generate.tmp";

  private static final Pattern NAME = Pattern.compile("\\..+\\.[0-9]+" + Pattern.quote(SUFFIX));

  private StagedFiles() {}

  /** Whether {@code fileName} is the name of a file an update stages. */
  public static boolean isStaged(String fileName) {
    return NAME.matcher(fileName).matches();
  }
}
