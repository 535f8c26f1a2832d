package dev.kubegenerate.generate;

import dev.kubegenerate.config.Entry;
import dev.kubegenerate.config.Patch;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.template.TemplateSpec;
import java.util.Collection;
import java.util.List;

/**
 * One rendered file's inputs (SPEC §8.3): the config keys its render read, its fingerprint over
 * them, and the same fingerprint over other names, so the check can recompute it over the names a
 * committed marker records.
 */
public final class FileInputs {

  private final InputsFingerprint owner;
  private final Entry entry;
  private final TemplateSpec template;
  private final String cluster;
  private final ManifestPath path;
  private final List<Patch> patches;
  private final String namespace;
  private final ReadSet reads;
  private volatile String value;

  FileInputs(
      InputsFingerprint owner,
      Entry entry,
      TemplateSpec template,
      String cluster,
      ManifestPath path,
      List<Patch> patches,
      ReadSet reads,
      String namespace) {
    this.owner = owner;
    this.entry = entry;
    this.template = template;
    this.cluster = cluster;
    this.path = path;
    this.patches = List.copyOf(patches);
    this.namespace = namespace;
    this.reads = reads;
  }

  /**
   * The fingerprint over today's reads, lower-case hex: what the marker records. Worked out when
   * first asked: a check of a file that is today's render never asks.
   */
  public String value() {
    String v = value;
    if (v == null) {
      v = owner.fingerprint(this, reads);
      value = v;
    }
    return v;
  }

  /** The config keys today's render read, sorted: the marker's {@code reads=}. */
  public List<String> reads() {
    return reads.names();
  }

  /** The same keys as the marker lists them, comma-separated. */
  public String readsText() {
    return reads.joined();
  }

  /** The fingerprint over {@code names} (a committed marker's), with today's config. */
  public String over(Collection<String> names) {
    ReadSet set = ReadSet.of(names);
    return set.equals(reads) ? value() : owner.fingerprint(this, set);
  }

  /** The fingerprinted text over {@code names}, for tests and for anyone checking the format. */
  String text(Collection<String> names) {
    return owner.text(this, ReadSet.of(names));
  }

  /**
   * Whether {@code marked} is the whole-config fingerprint a release before per-file inputs would
   * write for this file today: such a marker stays valid (SPEC §8.6).
   */
  public boolean matchesWholeConfig(String marked) {
    return owner.wholeConfig(this, marked);
  }

  Entry entry() {
    return entry;
  }

  TemplateSpec template() {
    return template;
  }

  String cluster() {
    return cluster;
  }

  ManifestPath path() {
    return path;
  }

  List<Patch> patches() {
    return patches;
  }

  String namespace() {
    return namespace;
  }
}
