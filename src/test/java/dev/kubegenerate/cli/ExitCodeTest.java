package dev.kubegenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kubegenerate.model.Result;
import org.junit.jupiter.api.Test;

/** SPEC §5: 0 clean, 1 findings, 2 the input could not be checked, for every command. */
class ExitCodeTest {

  @Test
  void of_mapsEachVerdictToTheDocumentedCode() {
    assertEquals(0, ExitCode.of(Result.CLEAN));
    assertEquals(1, ExitCode.of(Result.FINDINGS));
    assertEquals(2, ExitCode.of(Result.ERROR));
  }
}
