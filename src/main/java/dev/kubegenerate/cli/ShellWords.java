package dev.kubegenerate.cli;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Words of a command line as a POSIX shell reads them back: a path with a space stays one word. */
final class ShellWords {

  /** Characters no POSIX shell gives a meaning to; a word made only of them needs no quotes. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  private ShellWords() {}

  /** {@code word}, single-quoted unless it is plain; a quote inside becomes {@code '\''}. */
  static String quote(String word) {
    if (PLAIN.matcher(word).matches()) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }

  /** The words joined by spaces, each quoted as needed. */
  static String join(List<String> words) {
    return words.stream().map(ShellWords::quote).collect(Collectors.joining(" "));
  }
}
