package dev.kubegenerate.kubernetes;

import dev.kubegenerate.model.KubernetesVersion;
import dev.kubegenerate.model.Violation;
import dev.kubegenerate.model.Violation.Rule;
import dev.kubegenerate.model.Violation.Severity;
import dev.kubegenerate.yaml.YamlNodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Checks every object of a manifest file for one cluster's Kubernetes version (SPEC §6): reads the
 * text as kubectl would, each document's keys written twice, then each object ({@link
 * ObjectValidator}).
 */
public final class ManifestValidator {

  private final KubernetesApi api;
  private final ObjectValidator objects;

  /**
   * @param version the cluster's version
   * @param versionConfigured false when the config names no version: a removed API is then only a
   *     warning, since the cluster may be older than the newest release used for validation
   * @param custom schemas of custom resources
   */
  public ManifestValidator(
      KubernetesVersion version, boolean versionConfigured, CustomResources custom) {
    this.api = KubernetesApi.of(version);
    this.objects = new ObjectValidator(api, versionConfigured, custom);
  }

  public KubernetesVersion version() {
    return api.version();
  }

  /**
   * Reading with source marks (line and column on every token and node) allocates several times
   * more than without, and almost every file is valid: read without them first, and again with them
   * only to locate what was found.
   */
  private static final int CODE_POINT_LIMIT = dev.kubegenerate.yaml.InputText.MAX_BYTES;

  private static final LoadSettings UNMARKED = settings(false);

  private static final LoadSettings MARKED = settings(true);

  private static LoadSettings settings(boolean marks) {
    return LoadSettings.builder()
        .setLabel("manifest")
        .setAllowDuplicateKeys(false)
        .setAllowRecursiveKeys(false)
        .setMaxAliasesForCollections(YamlNodes.MAX_ALIASES)
        .setCodePointLimit(CODE_POINT_LIMIT)
        .setUseMarks(marks)
        .setSchema(dev.kubegenerate.yaml.SharedCoreSchema.INSTANCE)
        .build();
  }

  /**
   * The violations of every object in {@code text} (one or more YAML documents, or JSON), in
   * document order.
   */
  public List<Violation> validate(String text) {
    KubectlYaml.Reading reading =
        KubectlYaml.read(text.startsWith("\uFEFF") ? text.substring(1) : text, MARKED);
    if (reading.refused().isPresent()) {
      return List.of(reading.refused().get());
    }
    String body = reading.text();
    // the first reading only asks whether there is anything to report: it stops at the first
    // violation, and the second, with marks, is the one walk that reports
    return validate(body, UNMARKED, 1).isEmpty()
        ? List.of()
        : validate(body, MARKED, Walk.MAX_VIOLATIONS);
  }

  /**
   * As {@link #validate(String)}, for text whose nodes are already known: they are validated
   * instead of reading the text, which is read only to locate what they show (nodes carry no
   * lines).
   *
   * @param composed the nodes composing {@code text} gives under the YAML 1.2 core schema, as
   *     {@code CanonicalYaml.formatComposed} builds them for what it wrote; empty when composing it
   *     fails, and then the text is read as {@link #validate(String)} reads it
   */
  public List<Violation> validate(String text, Optional<List<Node>> composed) {
    // past the reader's length limit the text is read, and the limit reported, as ever
    if (composed.isEmpty() || text.length() >= CODE_POINT_LIMIT / 2) {
      return validate(text);
    }
    List<Violation> found = new ArrayList<>();
    for (Node doc : composed.get()) {
      if (!found.isEmpty()) {
        break;
      }
      if (!SchemaValidator.isNull(doc)) {
        objects.validate(doc, FieldPath.root(""), new Walk(found, 1));
      }
    }
    return found.isEmpty() ? found : validate(text);
  }

  private List<Violation> validate(String body, LoadSettings settings, int limit) {
    List<Violation> out = new ArrayList<>();
    try {
      // the shared depth-limited parser: composing recurses once per level, deeper input would
      // overflow the stack
      Composer composer = new Composer(settings, YamlNodes.parser(settings, body));
      while (composer.hasNext() && out.size() < limit) {
        Node doc = composer.next();
        if (!SchemaValidator.isNull(doc)) {
          // one budget for every walk over the document
          Walk walk = new Walk(out, limit);
          // a tree the canonical writer built never repeats a key: text read from a file may
          DuplicateKeys.find(doc, FieldPath.root(""), walk);
          objects.validate(doc, FieldPath.root(""), walk);
        }
      }
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(1);
      String problem = oneLine(e.getProblem());
      out.add(
          new Violation(
              Rule.INVALID,
              Severity.ERROR,
              line,
              0,
              "",
              problem.startsWith("nested more than") ? problem : "not valid YAML: " + problem));
    } catch (YamlEngineException e) {
      out.add(
          new Violation(
              Rule.INVALID,
              Severity.ERROR,
              1,
              0,
              "",
              "not valid YAML: " + oneLine(e.getMessage())));
    }
    return out;
  }

  private static String oneLine(String s) {
    return s == null ? "syntax error" : s.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
