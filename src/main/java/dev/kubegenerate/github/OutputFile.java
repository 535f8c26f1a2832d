package dev.kubegenerate.github;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Writes step outputs to {@code $GITHUB_OUTPUT} in the multi-line-safe form {@code name<<DELIM},
 * value, {@code DELIM}, as the Actions toolkit does, with a random delimiter absent from the value.
 */
public final class OutputFile {

  private static final SecureRandom RANDOM = new SecureRandom();

  private OutputFile() {}

  /** One output entry, ending in a line break. */
  public static String entry(String name, String value, Supplier<String> delimiters) {
    if (name.isEmpty() || name.contains("<<") || name.contains("=") || name.contains("\n")) {
      throw new IllegalArgumentException("bad output name: " + name);
    }
    String delimiter = delimiters.get();
    while (value.contains(delimiter) || name.contains(delimiter)) {
      delimiter = delimiters.get();
    }
    return name + "<<" + delimiter + "\n" + value + "\n" + delimiter + "\n";
  }

  /** Appends every output, in map order, to the file. */
  public static void append(Path file, Map<String, String> outputs) throws IOException {
    StringBuilder b = new StringBuilder();
    outputs.forEach((k, v) -> b.append(entry(k, v, OutputFile::randomDelimiter)));
    Files.writeString(
        file,
        b,
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND,
        StandardOpenOption.WRITE);
  }

  /** {@code ghadelimiter_} and 128 random bits, like the toolkit's delimiters. */
  static String randomDelimiter() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return "ghadelimiter_" + HexFormat.of().formatHex(bytes);
  }
}
