package dev.kubegenerate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
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
    assertEquals("::warning title=t,line=3::m", new WorkflowCommand("warning", props, "m").format());
  }

  @Test
  void format_noProperties() {
    assertEquals("::notice::hello%0Aworld", WorkflowCommand.of("notice", "hello\nworld").format());
  }
}
