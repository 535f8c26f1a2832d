package dev.kubegenerate.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The v2 parameter types accept what Kubernetes accepts and name what they expect otherwise. */
class ParameterTypeTest {

  private static final ParameterSpec MAX_UNAVAILABLE =
      new ParameterSpec("maxUnavailable", ParameterType.INT_OR_STRING, false, null, "");
  private static final ParameterSpec CPU =
      new ParameterSpec("cpu", ParameterType.QUANTITY, false, null, "");
  private static final ParameterSpec POLICY =
      new ParameterSpec(
          "concurrencyPolicy",
          ParameterType.ENUM,
          false,
          null,
          "",
          List.of("Forbid", "Allow", "Replace"),
          null);
  private static final ParameterSpec IMAGE =
      new ParameterSpec("image", ParameterType.IMAGE, true, null, "");
  private static final ParameterSpec VOLUMES =
      new ParameterSpec(
          "volumes", ParameterType.LIST, false, null, "", List.of(), "io.k8s.api.core.v1.Volume");

  @Test
  void intOrString_acceptsCountsAndPercentages() {
    assertTrue(MAX_UNAVAILABLE.coerce(0L).isPresent());
    assertTrue(MAX_UNAVAILABLE.coerce("50%").isPresent());
    assertFalse(
        MAX_UNAVAILABLE.coerce("50").isPresent(),
        "a bare number in quotes is a name to Kubernetes, not a count");
    assertFalse(MAX_UNAVAILABLE.coerce(-1L).isPresent());
    assertEquals(
        "must be an integer or a percentage such as \"25%\", not the string \"lots\"",
        MAX_UNAVAILABLE.mismatch("lots"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"250m", "1", "1.5", "512Mi", "2Gi", "1e3", "100k", ".5", "+1"})
  void quantity_acceptsKubernetesQuantities(String text) {
    assertTrue(CPU.coerce(text).isPresent(), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"lots", "1.2.3", "Mi", "512 Mi", "512MB", "", "1e"})
  void quantity_refusesOthers(String text) {
    assertFalse(CPU.coerce(text).isPresent(), text);
  }

  @Test
  void quantity_acceptsNumbers() {
    assertTrue(CPU.coerce(2L).isPresent());
    assertTrue(CPU.coerce(0.5).isPresent());
  }

  @Test
  void enum_namesTheAllowedValuesAndTheNearest() {
    assertTrue(POLICY.coerce("Replace").isPresent());
    assertEquals(
        "must be one of Forbid, Allow, Replace, not the string \"Sometimes\"",
        POLICY.mismatch("Sometimes"));
    assertEquals(
        "must be one of Forbid, Allow, Replace, not the string \"forbid\" (did you mean Forbid?)",
        POLICY.mismatch("forbid"));
    assertEquals("enum (Forbid, Allow, Replace)", POLICY.shownType());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ghcr.io/example/app:1.4.2",
        "localhost:5000/app:v2",
        "app:2024-01-01_3",
        "ghcr.io/example/app@sha256:8f3c2a1d9e4b7c6a5f0e1d2c3b4a59687766554433221100ffeeddccbbaa9988",
        "ghcr.io/example/app:1.4.2@sha256:8f3c2a1d9e4b7c6a5f0e1d2c3b4a59687766554433221100ffeeddccbbaa9988"
      })
  void image_pinnedByTagOrDigest_isAccepted(String image) {
    assertTrue(IMAGE.coerce(image).isPresent(), image);
  }

  @Test
  void image_unpinned_saysWhyAndHowToPin() {
    assertEquals(
        "must be pinned: \"ghcr.io/example/app\" has no tag, so every pull may get other code;"
            + " add a version tag (ghcr.io/example/app:1.2.3) or a digest (@sha256:...)",
        IMAGE.mismatch("ghcr.io/example/app"));
    assertEquals(
        "must be pinned: \"localhost:5000/app\" has no tag, so every pull may get other code;"
            + " add a version tag (localhost:5000/app:1.2.3) or a digest (@sha256:...)",
        IMAGE.mismatch("localhost:5000/app"));
    assertEquals(
        "must be pinned: \"app:latest\" uses the tag latest, which moves; use a version tag or a digest (@sha256:...)",
        IMAGE.mismatch("app:latest"));
    assertFalse(IMAGE.coerce("app@sha256:abc").isPresent());
    assertFalse(IMAGE.coerce("app:1.0 --privileged").isPresent());
    assertEquals(
        "must be a container image pinned by a tag or a digest, not the number 3",
        IMAGE.mismatch(3L));
  }

  @Test
  void listTiedToAKubernetesType_holdsObjectsAsWritten() {
    Map<String, Object> volume = Map.of("name", "tmp", "emptyDir", Map.of());
    assertEquals(List.of(volume), VOLUMES.coerce(List.of(volume)).orElseThrow());
    assertEquals(
        "must be a list of maps, not a list holding the string \"tmp\"",
        VOLUMES.mismatch(List.of("tmp")));
    assertEquals("list of Volume", VOLUMES.shownType());
  }
}
