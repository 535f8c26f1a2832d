package dev.kubegenerate.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kubegenerate.cli.Cli;
import dev.kubegenerate.cli.Terminal;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An error no code path expected (here: the standard output failing) is still one line and exit 2.
 */
class BoundsCrashTest {

  @TempDir Path dir;

  private static int runWithFailingStdout(
      Throwable failure, ByteArrayOutputStream err, Path dir, String... args) {
    OutputStream broken =
        new OutputStream() {
          @Override
          public void write(int b) {
            throw sneaky(failure);
          }
        };
    PrintStream out = new PrintStream(broken, false, StandardCharsets.UTF_8);
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    return new Cli(new Terminal(out, errStream, Map.of(), dir, false)).run(args);
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
    throw (T) t;
  }

  @Test
  void anErrorThrownAnywhere_isOneLineAndExit2() {
    for (Throwable failure :
        new Throwable[] {
          new StackOverflowError(),
          new OutOfMemoryError("Java heap space"),
          new IllegalStateException("boom\nsecond line")
        }) {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int exit = runWithFailingStdout(failure, err, dir, "templates");
      String text = err.toString(StandardCharsets.UTF_8);
      assertEquals(2, exit, text);
      assertEquals(1, text.lines().count(), text);
    }
  }
}
