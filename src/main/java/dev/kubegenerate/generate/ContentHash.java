package dev.kubegenerate.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kubegenerate.fast.JsonLiteral;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A short, stable hash of a value's JSON form, for annotations that roll pods when it changes. */
public final class ContentHash {

  private ContentHash() {}

  /** The first 16 hex digits of the SHA-256 of {@code value} written as JSON. */
  public static String of(Object value) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(JsonLiteral.of(value).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException | JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
