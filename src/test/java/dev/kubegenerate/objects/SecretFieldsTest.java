package dev.kubegenerate.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.kubegenerate.model.ObjectImpact;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;

/** A Secret's changed keys are named; its values never appear in what a comparison says. */
class SecretFieldsTest {

  @Property(tries = 200)
  void secretValues_neverInTheChangedFields(
      @ForAll @AlphaChars @StringLength(min = 12, max = 40) String was,
      @ForAll @AlphaChars @StringLength(min = 12, max = 40) String now,
      @ForAll @AlphaChars @StringLength(min = 12, max = 40) String nested) {
    String before =
        """
        apiVersion: v1
        kind: Secret
        metadata: {name: token, namespace: shop}
        immutable: true
        data: {token: %s, other: same}
        stringData:
          config: {password: %s}
        """
            .formatted(was, nested);
    String after =
        """
        apiVersion: v1
        kind: Secret
        metadata: {name: token, namespace: shop}
        immutable: true
        data: {token: %s, other: same, added: %s}
        stringData:
          config: {password: %s}
        """
            .formatted(now, now, nested + "x");
    List<ObjectImpact> impacts =
        Comparison.compare(
                ComparisonTest.objects(before),
                ComparisonTest.objects(after),
                CompareOptions.exact())
            .stream()
            .map(Impact::of)
            .toList();
    ObjectImpact i = impacts.get(0);
    List<String> expected =
        was.equals(now)
            ? List.of("/data/added", "/stringData/config")
            : List.of("/data/token", "/data/added", "/stringData/config");
    assertEquals(expected, i.fields());
    assertEquals(expected, i.immutable());
    String said = i.toString();
    for (String value : List.of(was, now, nested)) {
      assertFalse(said.contains(value), said);
    }
  }
}
