package dev.kubegenerate.github;

import dev.kubegenerate.model.FailOn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The GitHub Action's inputs, read from the {@code INPUT_*} variables the runner sets, and the
 * check's command line they stand for.
 *
 * <p>The image has no shell, so this is the whole entry point's logic: every value is trimmed (as
 * the Actions toolkit does), checked, and turned into arguments. The tokens ({@code github-token},
 * {@code autofix-token}) are read by the GitHub publisher itself; they never become arguments and
 * never appear in an error message.
 *
 * @param workingDirectory the folder the check runs in, relative to the workspace ({@code .} for
 *     the workspace itself)
 * @param config the config file, when not the default {@code kube-generate.yaml}
 * @param all whether to check every {@code kube-generate.yaml} below the working directory
 * @param failOn the statuses and rules that fail the check, by name; empty for the check's default
 * @param comment whether to keep the pull-request comment up to date
 * @param templates an extra template folder, when given
 * @param update run {@code kube-generate --update} instead of the check (the scheduled workflow)
 * @param autofix commit the regeneration of a failing check to the pull request's branch
 */
public record ActionInputs(
    String workingDirectory,
    Optional<String> config,
    boolean all,
    List<String> failOn,
    boolean comment,
    Optional<String> templates,
    boolean update,
    boolean autofix) {

  /** Every input this class reads, in the order action.yml declares them. */
  public static final List<String> NAMES =
      List.of(
          "config",
          "working-directory",
          "all",
          "fail-on",
          "comment",
          "github-token",
          "templates",
          "update",
          "autofix",
          "autofix-token");

  static final String DEFAULT_CONFIG = "kube-generate.yaml";

  // the YAML 1.2 core schema booleans, exactly what @actions/core's getBooleanInput accepts
  private static final List<String> TRUE = List.of("true", "True", "TRUE");
  private static final List<String> FALSE = List.of("false", "False", "FALSE");
  private static final Pattern LIST_SEPARATOR = Pattern.compile("[,\\n]");

  public ActionInputs {
    failOn = List.copyOf(failOn);
  }

  /** Reads the inputs from the environment; absent or blank inputs take action.yml's defaults. */
  public static ActionInputs parse(Map<String, String> env) {
    Inputs in = new Inputs(env);
    return new ActionInputs(
        in.path("working-directory").orElse("."),
        in.path("config").filter(c -> !c.equals(DEFAULT_CONFIG)),
        in.bool("all", false),
        in.statuses("fail-on"),
        in.bool("comment", true),
        in.path("templates"),
        in.bool("update", false),
        in.bool("autofix", false));
  }

  /** The check's arguments for the inputs in {@code env}; see {@link #arguments()}. */
  public static List<String> from(Map<String, String> env) {
    return parse(env).arguments();
  }

  /**
   * The command line after the program name: global options, then {@code check} and its options.
   * The format is always {@code github}, whatever {@code GITHUB_ACTIONS} says. With {@code update},
   * the global options and {@code --update --format github} (the impact of the update goes to the
   * job summary and the output {@code impact}): the check's own inputs do not apply.
   */
  public List<String> arguments() {
    List<String> args = new ArrayList<>();
    if (!workingDirectory.equals(".")) {
      args.addAll(List.of("-C", workingDirectory));
    }
    config.ifPresent(c -> args.addAll(List.of("-f", c)));
    if (all) {
      args.add("--all");
    }
    if (update) {
      templates.ifPresent(t -> args.addAll(List.of("--templates", t)));
      args.addAll(List.of("--update", "--format", "github"));
      return List.copyOf(args);
    }
    args.addAll(List.of("check", "--format", "github"));
    if (!failOn.isEmpty()) {
      args.addAll(List.of("--fail-on", String.join(",", failOn)));
    }
    if (comment) {
      args.add("--comment");
    }
    if (autofix) {
      args.add("--autofix");
    }
    templates.ifPresent(t -> args.addAll(List.of("--templates", t)));
    return List.copyOf(args);
  }

  /** The variable the runner sets for an input: upper case, spaces to {@code _}, dashes kept. */
  public static String variable(String input) {
    return "INPUT_" + input.replace(' ', '_').toUpperCase(Locale.ROOT);
  }

  /** Reads and checks single inputs; knows the tokens so that no message can repeat them. */
  private static final class Inputs {
    private final Map<String, String> env;
    private final Map<String, String> tokens = new java.util.LinkedHashMap<>();

    Inputs(Map<String, String> env) {
      this.env = env;
      for (String name : List.of("github-token", "autofix-token")) {
        value(name).ifPresent(t -> tokens.put(name, t));
      }
    }

    Optional<String> value(String input) {
      String raw = env.get(variable(input));
      return raw == null || raw.isBlank() ? Optional.empty() : Optional.of(raw.strip());
    }

    boolean bool(String input, boolean otherwise) {
      Optional<String> v = value(input);
      if (v.isEmpty()) {
        return otherwise;
      }
      if (TRUE.contains(v.get()) || FALSE.contains(v.get())) {
        return TRUE.contains(v.get());
      }
      throw invalid(input, "must be true or false, got " + quote(v.get()));
    }

    /** A path inside the workspace: the container sees nothing else of the runner. */
    Optional<String> path(String input) {
      Optional<String> v = value(input);
      if (v.isEmpty()) {
        return v;
      }
      String p = v.get();
      for (Map.Entry<String, String> t : tokens.entrySet()) {
        if (p.contains(t.getValue())) {
          throw invalid(input, "must not contain the " + t.getKey());
        }
      }
      if (p.chars().anyMatch(Character::isISOControl)) {
        throw invalid(input, "must be a single line, got " + quote(p));
      }
      String normal = p.replaceAll("/+", "/").replaceAll("^(\\./)+", "").replaceAll("(?<=.)/$", "");
      boolean escapes = Arrays.asList(normal.split("/")).contains("..");
      if (normal.startsWith("/") || normal.matches("^[A-Za-z]:.*") || escapes) {
        throw invalid(input, "must be a relative path inside the repository, got " + quote(p));
      }
      return Optional.of(normal.isEmpty() ? "." : normal);
    }

    /** Names of statuses and rules ({@code --fail-on}), each once, in the order given. */
    List<String> statuses(String input) {
      List<String> out = new ArrayList<>();
      for (String part : LIST_SEPARATOR.split(value(input).orElse(""))) {
        String id = part.strip();
        if (id.isEmpty()) {
          continue;
        }
        try {
          FailOn.parse(id);
        } catch (IllegalArgumentException e) {
          throw invalid(
              input,
              "has an unknown status or rule "
                  + quote(id)
                  + "; use a comma list of: "
                  + FailOn.known().replace("statuses: ", "").replace("; rules:", ","));
        }
        if (!out.contains(id)) {
          out.add(id);
        }
      }
      return out;
    }

    /** A value for a message: quoted, on one line, with the tokens masked as the runner does. */
    String quote(String value) {
      String shown = value;
      for (String token : tokens.values()) {
        shown = shown.replace(token, "***");
      }
      return '"'
          + shown
              .replace("\\", "\\\\")
              .replace("\"", "\\\"")
              .replace("\r", "\\r")
              .replace("\n", "\\n")
          + '"';
    }

    InvalidInputException invalid(String input, String problem) {
      return new InvalidInputException(variable(input) + " " + problem);
    }
  }

  /** A usage error in the action's inputs; its message is one line that names the input. */
  public static final class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    InvalidInputException(String message) {
      super(message);
    }
  }
}
