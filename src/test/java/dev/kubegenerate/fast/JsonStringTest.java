package dev.kubegenerate.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The JSON report and the {@code json} filter quote strings byte for byte as Jackson does. */
class JsonStringTest {

  private static final ObjectMapper JACKSON = new ObjectMapper();

  @Provide
  Arbitrary<String> strings() {
    // every character, and the ones that need escaping much more often than chance gives them
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(40),
        Arbitraries.strings()
            .withChars("\"\\\b\t\n\f\r\u0000\u0001\u001f\u007f\u2028 aé€")
            .ofMaxLength(40));
  }

  @Property(tries = 2000)
  void quote_isJacksonsStringLiteral(@ForAll("strings") String s) throws JsonProcessingException {
    StringBuilder out = new StringBuilder();
    JsonString.quote(s, out);
    assertEquals(JACKSON.writeValueAsString(s), out.toString());
  }
}
