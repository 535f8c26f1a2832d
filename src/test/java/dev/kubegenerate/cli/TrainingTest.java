package dev.kubegenerate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The launcher's ahead-of-time cache is only as good as its training: a training app that no longer
 * renders (a template parameter renamed, a config key dropped) would leave a cache of the error
 * path, and the launcher keeps no cache of a failed training.
 */
class TrainingTest {

  @Test
  void everyStepOfTheTrainingGivesTheExitCodeItShould() throws IOException {
    assertEquals(List.of(), Training.run());
  }

  @Test
  void everyTrainingAppIsBundledInTheJar() throws IOException {
    for (String app : Training.APPS) {
      try (InputStream config =
          Training.class.getResourceAsStream(
              "/kube-generate/training/" + app + "/kube-generate.yaml")) {
        assertNotNull(config, app);
        assertTrue(
            new String(config.readAllBytes(), StandardCharsets.UTF_8).contains("generates:"), app);
      }
    }
  }
}
