package dev.kubegenerate.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFileTest {

  @Test
  void append_valuesWithLineBreaksAndSyntax_readBackByRunnerRules(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("output");
    Files.writeString(file, "earlier=step\n");
    Map<String, String> outputs = new LinkedHashMap<>();
    outputs.put("result", "findings");
    outputs.put("findings", "5");
    outputs.put("report", "/tmp/x=y<<EOF/report.json");
    outputs.put("note", "line one\nEOF\nname<<D\n=x\n\nlast");

    OutputFile.append(file, outputs);
    OutputFile.append(file, Map.of("again", ""));

    Map<String, String> read = RunnerFileCommands.parse(Files.readString(file));
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("earlier", "step");
    expected.putAll(outputs);
    expected.put("again", "");
    assertEquals(expected, read);
  }

  @Test
  void entry_delimiterInValue_drawsAnother() {
    Iterator<String> delimiters = List.of("ghadelimiter_1", "ghadelimiter_2").iterator();

    String entry = OutputFile.entry("note", "a\nghadelimiter_1\nb", delimiters::next);

    assertEquals("note<<ghadelimiter_2\na\nghadelimiter_1\nb\nghadelimiter_2\n", entry);
    assertEquals(Map.of("note", "a\nghadelimiter_1\nb"), RunnerFileCommands.parse(entry));
  }

  @Test
  void randomDelimiter_differsEachTime() {
    String a = OutputFile.randomDelimiter();
    assertTrue(a.matches("ghadelimiter_[0-9a-f]{32}"), a);
    assertNotEquals(a, OutputFile.randomDelimiter());
  }

  @Test
  void entry_nameThatBreaksTheSyntax_rejected() {
    assertThrows(IllegalArgumentException.class, () -> OutputFile.entry("a=b", "v", () -> "D"));
    assertThrows(IllegalArgumentException.class, () -> OutputFile.entry("", "v", () -> "D"));
  }
}
