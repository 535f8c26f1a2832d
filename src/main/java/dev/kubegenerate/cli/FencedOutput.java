package dev.kubegenerate.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The output of one run inside GitHub Actions, where the runner obeys workflow commands in any line
 * of stdout or stderr: all text (which may name files or quote manifests a pull request controls)
 * is written inside a {@code ::stop-commands::TOKEN} fence, opened on the first byte and closed
 * before the tool's own commands and at the end of the run.
 *
 * <p>Both of the run's text streams go through the one fence on stdout: a fence on each stream
 * would not hold, because the runner reads the two pipes concurrently and may see one stream's
 * closing line before the other's text.
 */
final class FencedOutput {

  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  private final PrintStream raw;
  private boolean open;
  private String token;
  private int last = '\n';

  FencedOutput(PrintStream raw) {
    this.raw = raw;
  }

  /** A stream for text: fenced. */
  PrintStream text() {
    return new PrintStream(
        new OutputStream() {
          @Override
          public void write(int b) {
            writeText(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            writeText(b, off, len);
          }
        },
        true,
        StandardCharsets.UTF_8);
  }

  /** A stream for the tool's own workflow commands, escaped by their writer: never fenced. */
  PrintStream commands() {
    return new PrintStream(
        new OutputStream() {
          @Override
          public void write(int b) {
            writeCommand(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            writeCommand(b, off, len);
          }
        },
        true,
        StandardCharsets.UTF_8);
  }

  private synchronized void writeText(byte[] b, int off, int len) {
    if (len == 0) {
      return;
    }
    if (!open) {
      // a token the text cannot know: drawn now, after the text was written by someone else
      token = randomToken();
      raw.print((last == '\n' ? "" : "\n") + "::stop-commands::" + token + "\n");
      open = true;
    }
    raw.write(b, off, len);
    last = b[off + len - 1];
  }

  private synchronized void writeCommand(byte[] b, int off, int len) {
    close();
    raw.write(b, off, len);
    if (len > 0) {
      last = b[off + len - 1];
    }
  }

  /** Ends the fence, if one is open; the next text opens a new one. */
  synchronized void close() {
    if (open) {
      raw.print((last == '\n' ? "" : "\n") + "::" + token + "::\n");
      last = '\n';
      open = false;
    }
    raw.flush();
  }

  /** A fresh token that no text written before this call can contain. */
  static String randomToken() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return "kube-generate-" + java.util.HexFormat.of().formatHex(bytes);
  }
}
