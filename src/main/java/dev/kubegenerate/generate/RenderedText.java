package dev.kubegenerate.generate;

import dev.kubegenerate.render.Marker;

/**
 * A rendered file's text, its marker included, written out only when asked: the marker's
 * fingerprint costs a hash of the file's inputs, and a check of a file that is today's render never
 * needs it ({@link #isFile}).
 */
public final class RenderedText {

  private final String configName;
  private final String template;
  private final String body;
  private final String bodySha256;
  private final FileInputs inputs;
  private volatile String text;

  RenderedText(
      String configName, String template, String body, String bodySha256, FileInputs inputs) {
    this.configName = configName;
    this.template = template;
    this.body = body;
    this.bodySha256 = bodySha256;
    this.inputs = inputs;
  }

  /** The whole file, marker included. */
  public String get() {
    String t = text;
    if (t == null) {
      t =
          Marker.wrapHashed(
              configName, template, body, bodySha256, inputs.value(), inputs.readsText());
      text = t;
    }
    return t;
  }

  /** The file below its two marker lines. */
  public String body() {
    return body;
  }

  /** The marker's first line, with its line break. */
  public String firstLine() {
    return Marker.firstLine(configName);
  }

  /**
   * Whether {@code committed} is this file: the same text, or the same but for the fingerprint on
   * its marker (today's body under its intact marker, the same template and keys read), which a
   * check counts as up to date whatever the fingerprint (SPEC §8.6).
   */
  public boolean isFile(String committed) {
    String t = text;
    if (t != null) {
      return t.equals(committed);
    }
    return Marker.wrapsSameBody(
        committed, configName, template, body, bodySha256, inputs.readsText());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RenderedText r && r.get().equals(get());
  }

  @Override
  public int hashCode() {
    return get().hashCode();
  }

  @Override
  public String toString() {
    return get();
  }
}
