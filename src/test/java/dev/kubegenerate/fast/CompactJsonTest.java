package dev.kubegenerate.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The bundled API data's reader reads any JSON Jackson writes as Jackson reads it: the same maps in
 * the same order, lists, strings with every escape, whole numbers as longs, others as doubles,
 * booleans and null.
 */
class CompactJsonTest {

  private static final ObjectMapper JACKSON = new ObjectMapper();

  @Provide
  Arbitrary<Object> values() {
    Arbitrary<Object> scalars =
        Arbitraries.oneOf(
            Arbitraries.strings()
                .withChars("\"\\\b\t\n\f\r\u0000\u001f\u2028 aé€{}[],:")
                .ofMaxLength(20)
                .map(s -> (Object) s),
            Arbitraries.longs().map(l -> (Object) l),
            Arbitraries.doubles().between(-1e9, 1e9).map(d -> (Object) d),
            Arbitraries.of(true, false).map(b -> (Object) b),
            Arbitraries.just(null));
    return Arbitraries.recursive(
        () -> scalars,
        inner ->
            Arbitraries.oneOf(
                inner.list().ofMaxSize(4).map(l -> (Object) l),
                Arbitraries.maps(Arbitraries.strings().alpha().ofMaxLength(6), inner)
                    .ofMaxSize(4)
                    .map(m -> (Object) new LinkedHashMap<>(m))),
        3);
  }

  @Property(tries = 1000)
  void parse_readsWhatJacksonWritesAsJacksonReadsIt(@ForAll("values") Object value)
      throws Exception {
    String json = JACKSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    assertEquals(normal(JACKSON.readValue(json, Object.class)), normal(CompactJson.parse(json)));
  }

  /** Jackson reads small whole numbers as Integer: compare numbers by kind and value. */
  private static Object normal(Object value) {
    if (value instanceof Integer i) {
      return (long) i;
    }
    if (value instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(k, normal(v)));
      return List.of(
          out.keySet().stream().toList(),
          out.values().stream().map(v -> v == null ? "null" : v).toList());
    }
    if (value instanceof List<?> l) {
      return l.stream().map(v -> v == null ? "null" : normal(v)).toList();
    }
    return value;
  }
}
