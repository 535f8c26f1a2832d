package dev.kubegenerate.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The json filter's writer must give exactly the bytes Jackson gives, which it replaces. */
class JsonLiteralTest {

  private static final ObjectMapper JACKSON = new ObjectMapper();

  @Test
  void of_scalars_areJsonLiterals() throws Exception {
    assertEquals("null", JsonLiteral.of(null));
    assertEquals("\"web\"", JsonLiteral.of("web"));
    assertEquals("3000", JsonLiteral.of(3000L));
    assertEquals("true", JsonLiteral.of(true));
    assertEquals("1.5", JsonLiteral.of(1.5));
    assertEquals(
        "123456789012345678901234567890",
        JsonLiteral.of(new BigInteger("123456789012345678901234567890")));
  }

  @Test
  void of_stringWithQuotesAndControlCharacters_isEscapedLikeJackson() throws Exception {
    assertEquals(
        "\"a: \\\"b\\\"\\n\\tc\\\\d\\u0001\\u001F\u00e9\u2028\"",
        JsonLiteral.of("a: \"b\"\n\tc\\d\u0001\u001f\u00e9\u2028"));
  }

  @Test
  void of_nestedMapsAndLists_keepOrderWithoutSpaces() throws Exception {
    Map<String, Object> resources = new LinkedHashMap<>();
    resources.put("requests", new LinkedHashMap<>(Map.of("cpu", "100m")));
    resources.put("limits", List.of("a", 1L, false));
    assertEquals(
        "{\"requests\":{\"cpu\":\"100m\"},\"limits\":[\"a\",1,false]}", JsonLiteral.of(resources));
  }

  @Test
  void of_valuesLeftToJackson_matchJackson() throws Exception {
    Map<String, Object> nullKey = new HashMap<>();
    nullKey.put(null, "x");
    for (Object v :
        List.of(Double.NaN, Float.POSITIVE_INFINITY, new int[] {1, 2}, Map.entry("k", "v"))) {
      assertEquals(JACKSON.writeValueAsString(v), JsonLiteral.of(v));
    }
    // Jackson refuses a null key, and so does the filter: a template error, not a silent guess
    assertThrows(JsonProcessingException.class, () -> JsonLiteral.of(nullKey));
  }

  @Provide
  Arbitrary<Object> values() {
    Arbitrary<Object> scalars =
        Arbitraries.oneOf(
            Arbitraries.strings().all().ofMaxLength(12).map(s -> (Object) s),
            Arbitraries.strings()
                .withChars("\"\\\n\r\t\b\f\u0000\u001f\u007f\u2028\ud83d\ude00 :#{}[]")
                .ofMaxLength(8)
                .map(s -> (Object) s),
            Arbitraries.longs().map(l -> (Object) l),
            Arbitraries.integers().map(i -> (Object) i),
            Arbitraries.doubles().map(d -> (Object) d),
            Arbitraries.bigIntegers()
                .between(BigInteger.ONE.shiftLeft(70).negate(), BigInteger.ONE.shiftLeft(70))
                .map(b -> (Object) b),
            Arbitraries.bigDecimals().map(b -> (Object) b),
            Arbitraries.of(true, false).map(b -> (Object) b),
            Arbitraries.just(null));
    return Arbitraries.recursive(
        () -> scalars,
        inner ->
            Arbitraries.oneOf(
                inner.list().ofMaxSize(4).map(l -> (Object) new ArrayList<>(l)),
                Arbitraries.maps(Arbitraries.strings().ofMaxLength(6), inner)
                    .ofMaxSize(4)
                    .map(m -> (Object) new LinkedHashMap<>(m))),
        0,
        3);
  }

  @Property(tries = 500)
  void of_anyConfigValue_equalsJackson(@ForAll("values") Object value) throws Exception {
    assertEquals(
        JACKSON.writeValueAsString(value),
        JsonLiteral.of(value),
        () -> Arrays.deepToString(new Object[] {value}));
  }
}
