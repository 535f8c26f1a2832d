package dev.kubegenerate.report;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * Fences untrusted text (diffs, manifest lines, error messages naming files) so that the Actions
 * runner reads none of it as a workflow command, for output in GitHub mode that is not itself an
 * annotation. The runner obeys {@code ::stop-commands::TOKEN} until a line {@code ::TOKEN::}.
 */
public final class StopCommands {

  private static final SecureRandom RANDOM = new SecureRandom();

  private StopCommands() {}

  /** The lines to print: the fence, {@code text}'s lines, the end of the fence. */
  public static List<String> fence(String text) {
    return fence(text, StopCommands::randomToken);
  }

  /** As {@link #fence(String)} with tokens from {@code tokens}, for tests. */
  static List<String> fence(String text, Supplier<String> tokens) {
    String token = tokens.get();
    // a token found in the text could end the fence early, so draw until it is absent
    while (token.isEmpty() || text.contains(token)) {
      token = tokens.get();
    }
    List<String> lines = new ArrayList<>();
    lines.add("::stop-commands::" + token);
    text.lines().forEach(lines::add);
    lines.add("::" + token + "::");
    return lines;
  }

  /** A fresh token that no text written before this call can contain. */
  public static String randomToken() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return "kube-generate-" + HexFormat.of().formatHex(bytes);
  }
}
