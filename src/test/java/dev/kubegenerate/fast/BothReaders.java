package dev.kubegenerate.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kubegenerate.yaml.YamlNodes;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Reads a rendered text both ways: with the fast readers (the plain block reader, inline JSON) and
 * with snakeyaml's scanner alone, the reference.
 */
final class BothReaders {

  static final LoadSettings SETTINGS = YamlNodes.safeSettings("test");

  private BothReaders() {}

  /** The outcome of one reading: its documents, or its error's type and message. */
  static Object outcome(String text, boolean fast) {
    try {
      Optional<List<Object>> read = RenderedYaml.read(text, SETTINGS, fast);
      return read.<Object>map(d -> d).orElse("general loader");
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }

  /** Both ways give the same documents, or fail with the same error. */
  static void assertReadsAlike(String text) {
    assertEquals(outcome(text, false), outcome(text, true), text);
  }
}
