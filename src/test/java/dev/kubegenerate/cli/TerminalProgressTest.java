package dev.kubegenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress line: only for runs over a second, at most ten updates a second, erased at the end. */
class TerminalProgressTest {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private final AtomicLong now = new AtomicLong(5_000_000_000L);

  private String shown() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private void advanceMillis(long millis) {
    now.addAndGet(millis * 1_000_000L);
  }

  @Test
  void configDone_shortRun_showsNothing() {
    TerminalProgress progress = new TerminalProgress(err, true, now::get);
    advanceMillis(900);
    progress.configDone(1, 2);
    progress.configDone(2, 2);
    progress.finish();
    assertEquals("", shown());
  }

  @Test
  void configDone_longRun_rewritesOneLineThrottledAndErasesIt() {
    TerminalProgress progress = new TerminalProgress(err, true, now::get);
    advanceMillis(1_000);
    progress.configDone(10, 100);
    advanceMillis(50);
    progress.configDone(11, 100); // within 100 ms of the last update: skipped
    advanceMillis(60);
    progress.configDone(12, 100);
    progress.configDone(100, 100); // the last one always shows
    progress.finish();
    assertEquals("\rRendering 10/100 configs\rRendering 12/100 configs\rRendering 100/100 configs\r\033[K", shown());
  }

  @Test
  void configDone_notATerminal_showsNothing() {
    TerminalProgress progress = new TerminalProgress(err, false, now::get);
    advanceMillis(5_000);
    progress.configDone(1, 1);
    progress.finish();
    assertEquals("", shown());
  }

  @Test
  void on_terminalOutsideActions_shows() {
    TerminalProgress progress = TerminalProgress.on(terminal(java.util.Map.of()), now::get);
    advanceMillis(2_000);
    progress.configDone(1, 1);
    assertEquals("\rRendering 1/1 configs", shown());
  }

  @Test
  void on_insideGitHubActions_showsNothing() {
    TerminalProgress progress = TerminalProgress.on(terminal(java.util.Map.of("GITHUB_ACTIONS", "true")), now::get);
    advanceMillis(2_000);
    progress.configDone(1, 1);
    progress.finish();
    assertEquals("", shown());
  }

  private Terminal terminal(java.util.Map<String, String> env) {
    return new Terminal(System.out, err, env, java.nio.file.Path.of("."), true);
  }
}
