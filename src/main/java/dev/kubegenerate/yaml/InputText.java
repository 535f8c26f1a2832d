package dev.kubegenerate.yaml;

import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a text file the way every input of kube-generate must be read: bounded in size, UTF-8 only,
 * no binary content. Anything else becomes a one-line {@link InputException}.
 */
public final class InputText {

  /** Larger configs or templates are certainly a mistake, and reading them could exhaust memory. */
  public static final int MAX_BYTES = 1 << 20;

  private InputText() {}

  /**
   * Decodes bytes already in memory with the rules of every input ({@link RepositoryFiles#read}
   * reads files).
   */
  public static String decode(byte[] bytes, String shownAs) throws InputException {
    if (bytes.length > MAX_BYTES) {
      throw new InputException(
          Problem.of(shownAs, "file is larger than " + (MAX_BYTES >> 20) + " MiB; split it up"));
    }
    boolean ascii = true;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw new InputException(
            Problem.of(shownAs, "binary file (NUL byte at offset " + i + "); expected UTF-8 text"));
      }
      ascii &= bytes[i] > 0;
    }
    if (ascii) {
      // ASCII is valid UTF-8 as it is: a copy, not a decoder per file
      return new String(bytes, StandardCharsets.US_ASCII);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InputException(Problem.of(shownAs, "not valid UTF-8 text; save the file as UTF-8"));
    }
  }

  /** The text without a leading byte-order mark, which YAML allows before a document. */
  public static String withoutBom(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /** A short reason for an I/O failure, without the Java exception class. */
  public static String describe(IOException e) {
    String kind = e.getClass().getSimpleName();
    return switch (kind) {
      case "NoSuchFileException" -> "no such file";
      case "AccessDeniedException" -> "permission denied";
      case "FileSystemException" -> e.getMessage() == null ? "file system error" : e.getMessage();
      default -> e.getMessage() == null ? kind : e.getMessage();
    };
  }
}
