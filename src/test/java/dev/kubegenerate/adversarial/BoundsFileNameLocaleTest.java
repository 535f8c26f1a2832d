package dev.kubegenerate.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file name that is not ASCII under {@code kubernetes/}, checked by a JVM started under {@code
 * LANG=C}, whose file names are ASCII: a verdict in one line, never a crash; under a UTF-8 locale
 * the same repository checks as usual.
 */
@DisabledOnOs(OS.WINDOWS)
class BoundsFileNameLocaleTest {

  @TempDir Path repoDir;

  private record Run(int exit, String out, String err) {}

  /** The CLI in a JVM of its own, with the locale variables {@code lang} and {@code lcAll}. */
  private Run run(String lcAll, String... args) throws Exception {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.kubegenerate.Main"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(repoDir.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG"));
    pb.environment().put("LANG", "C");
    pb.environment().put("LC_ALL", lcAll);
    Path out = Files.createTempFile("out", ".txt");
    Path err = Files.createTempFile("err", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("no verdict within 60 s");
    }
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void nonAsciiFileName_underLangC_oneLineNeverACrash() throws Exception {
    HostileRepo repo = HostileRepo.withSecretTemplate(repoDir, "s3cr3t");
    assertEquals(0, run("C.UTF-8", "--update").exit());
    repo.write(
        "kubernetes/qa/café-é.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n");

    Run c = run("C", "check");
    assertEquals(2, c.exit(), c.out() + c.err());
    assertEquals(1, c.err().lines().count(), c.err());
    assertTrue(c.err().contains("LC_ALL=C.UTF-8"), c.err());
    assertFalse(c.err().contains("internal error"), c.err());

    Run utf8 = run("C.UTF-8", "check");
    assertEquals(1, utf8.exit(), utf8.out() + utf8.err());
    assertTrue(utf8.out().contains("kubernetes/qa/café-é.yaml"), utf8.out());
  }
}
