package dev.kubegenerate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class WorkflowCommandTest {

  @Test
  void escapeData_percentFirstThenLineBreaks() {
    assertEquals("100%25%0D%0Adone%250A: a,b", WorkflowCommand.escapeData("100%\r\ndone%0A: a,b"));
  }

  @Test
  void escapeProperty_alsoColonAndComma() {
    assertEquals("a%2Cb%3Ac%25d%0A", WorkflowCommand.escapeProperty("a,b:c%d\n"));
  }

  @Test
  void format_emptyPropertiesLeftOut() {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("title", "t");
    props.put("file", "");
    props.put("line", "3");
    assertEquals(
        "::warning title=t,line=3::m", new WorkflowCommand("warning", props, "m").format());
  }

  @Test
  void format_noProperties() {
    assertEquals("::notice::hello%0Aworld", WorkflowCommand.of("notice", "hello\nworld").format());
  }

  // escaping keeps any text on one line and inside its property, and loses nothing

  @Property
  void escapeProperty_oneLineNoSeparatorsAndReversible(
      @ForAll
          @Chars({'%', ',', ':', '\r', '\n', '#', '[', ']', '=', ' '})
          @CharRange(from = 'a', to = 'c')
          @StringLength(max = 30)
          String value) {
    String escaped = WorkflowCommand.escapeProperty(value);

    assertFalse(escaped.contains("\n") || escaped.contains("\r"));
    assertFalse(escaped.contains(",") || escaped.contains(":"));
    assertEquals(value, percentDecode(escaped));
  }

  @Property
  void escapeData_oneLineAndReversible(
      @ForAll @Chars({'%', ',', ':', '\r', '\n', '0', 'A', 'D'}) @StringLength(max = 30)
          String value) {
    String escaped = WorkflowCommand.escapeData(value);

    assertFalse(escaped.contains("\n") || escaped.contains("\r"));
    assertEquals(value, percentDecode(escaped));
  }

  // one pass from left to right, as a correct reader of %XX escapes decodes
  private static String percentDecode(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
