package dev.kubegenerate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class StopCommandsTest {

  @Test
  void fence_commandsInTheText_areInsideTheFence() {
    Iterator<String> tokens = List.of("t1").iterator();

    List<String> lines =
        StopCommands.fence("-  x: 1\n::error::fake\n##[warning]fake", tokens::next);

    assertEquals(
        List.of("::stop-commands::t1", "-  x: 1", "::error::fake", "##[warning]fake", "::t1::"),
        lines);
  }

  @Test
  void fence_tokenInTheText_drawsAnother() {
    Iterator<String> tokens = List.of("abc", "xyz").iterator();

    List<String> lines = StopCommands.fence("::abc::\n", tokens::next);

    assertEquals(List.of("::stop-commands::xyz", "::abc::", "::xyz::"), lines);
  }

  @Test
  void fence_randomTokens_differ() {
    String a = StopCommands.fence("x").get(0);
    assertTrue(a.matches("::stop-commands::kube-generate-[0-9a-f]{32}"), a);
    assertNotEquals(a, StopCommands.fence("x").get(0));
  }
}
