package dev.kubegenerate.model;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One object of a manifest breaking a rule of its cluster's Kubernetes version (SPEC §6).
 *
 * @param rule which rule
 * @param severity how serious it is before {@code --fail-on} is applied
 * @param line 1-based line of the offending field (of the object when the object itself is wrong)
 * @param column 1-based column, or 0 when unknown
 * @param path the field's path in the object, e.g. {@code spec.template.spec.containers[0].image}
 * @param message one line saying what is wrong and how to fix it
 */
public record Violation(
    Rule rule, Severity severity, int line, int column, String path, String message) {

  public Violation {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    message = message.replace("\r", "\\r").replace("\n", "\\n");
    line = Math.max(line, 1);
  }

  /**
   * The rules a manifest is checked against; the ids are those of {@code --fail-on} and the JSON
   * report.
   */
  public enum Rule {
    INVALID("invalid"),
    REMOVED_API("removed-api"),
    DEPRECATED_API("deprecated-api"),
    /** A custom resource whose kind has no schema: told once per kind, never a failure. */
    NO_SCHEMA("no-schema"),
    /**
     * A preStop sleep at or above the termination grace period: SIGTERM and SIGKILL come at once.
     */
    PRESTOP_GRACE("prestop-grace"),
    /** A PodDisruptionBudget that allows no disruption at the replicas the app runs. */
    PDB_BLOCKS_DRAIN("pdb-blocks-drain");

    private final String id;

    Rule(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }

    public static Optional<Rule> fromId(String id) {
      return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }

    /** Whether {@code --fail-on} may name the rule: a notice never fails. */
    public boolean canFail() {
      return this != NO_SCHEMA;
    }

    /**
     * Whether the rule's findings are warnings, which fail only when {@code --fail-on} names the
     * rule: an API that still works, and the two rules of what keeps an app up during a rollout or
     * a node drain (at {@code --update} too).
     */
    public boolean warns() {
      return this == DEPRECATED_API || this == PRESTOP_GRACE || this == PDB_BLOCKS_DRAIN;
    }

    /** Whether {@code --update} names the rule's findings in what it renders. */
    public boolean warnsAtUpdate() {
      return this == PRESTOP_GRACE || this == PDB_BLOCKS_DRAIN;
    }

    /** The rules that fail unless {@code --fail-on} says otherwise: not {@code deprecated-api}. */
    public static java.util.Set<Rule> defaultFailOn() {
      return java.util.EnumSet.of(INVALID, REMOVED_API);
    }
  }

  /**
   * {@code ERROR} fails the check when its rule is in {@code --fail-on}; {@code WARNING} fails only
   * for a rule that warns by default ({@link Rule#warns}) named in {@code --fail-on}, so a removed
   * API of a config with no Kubernetes version stays a warning; {@code NOTICE} never fails.
   */
  public enum Severity {
    ERROR("error"),
    WARNING("warning"),
    NOTICE("notice");

    private final String id;

    Severity(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }
}
