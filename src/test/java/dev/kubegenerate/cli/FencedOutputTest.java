package dev.kubegenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FencedOutputTest {

  @Test
  void textCommandText_twoFencesAndTheCommandBetweenThemUnfenced() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    FencedOutput fence = new FencedOutput(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    fence.text().print("::error::forged\nno final newline");
    fence.commands().println("::warning title=kube-generate::ours");
    fence.text().println("##[error]forged");
    fence.close();

    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(8, lines.size(), lines.toString());
    assertTrue(lines.get(0).startsWith("::stop-commands::kube-generate-"), lines.get(0));
    String first = lines.get(0).substring("::stop-commands::".length());
    assertEquals(
        List.of(
            "::error::forged",
            "no final newline",
            "::" + first + "::",
            "::warning title=kube-generate::ours"),
        lines.subList(1, 5));
    String second = lines.get(5).substring("::stop-commands::".length());
    assertTrue(!second.equals(first) && lines.get(5).startsWith("::stop-commands::"), lines.get(5));
    assertEquals(List.of("##[error]forged", "::" + second + "::"), lines.subList(6, 8));
  }

  @Test
  void noText_noFence() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    FencedOutput fence = new FencedOutput(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    fence.commands().println("::notice title=kube-generate::x");
    fence.close();
    assertEquals("::notice title=kube-generate::x\n", bytes.toString(StandardCharsets.UTF_8));
  }
}
