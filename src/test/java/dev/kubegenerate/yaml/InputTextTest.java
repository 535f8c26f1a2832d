package dev.kubegenerate.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kubegenerate.model.InputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every input is decoded as strict UTF-8, whether it is plain ASCII or not. */
class InputTextTest {

  private static String decode(byte[] bytes) throws InputException {
    return InputText.decode(bytes, "kubernetes/qa/a.yaml");
  }

  private static String message(byte[] bytes) {
    return assertThrows(InputException.class, () -> decode(bytes)).problems().get(0).format();
  }

  @Test
  void decode_asciiAndUtf8_keepEveryCharacter() throws InputException {
    assertEquals(
        "kind: ConfigMap\r\n", decode("kind: ConfigMap\r\n".getBytes(StandardCharsets.UTF_8)));
    String text = "\uFEFFname: café \u2603 \uD83D\uDE80\n";
    assertEquals(text, decode(text.getBytes(StandardCharsets.UTF_8)));
    assertEquals("", decode(new byte[0]));
  }

  @Test
  void decode_malformedUtf8_isRefused() {
    assertEquals(
        "kubernetes/qa/a.yaml: not valid UTF-8 text; save the file as UTF-8",
        message(new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'}));
    // an ASCII start does not let a bad byte at the end through
    assertEquals(
        "kubernetes/qa/a.yaml: not valid UTF-8 text; save the file as UTF-8",
        message(new byte[] {'a', ':', ' ', 'b', (byte) 0xC3}));
  }

  @Test
  void decode_nulByte_isRefusedWithItsOffset() {
    assertEquals(
        "kubernetes/qa/a.yaml: binary file (NUL byte at offset 2); expected UTF-8 text",
        message(new byte[] {'a', ':', 0, 'b'}));
  }
}
