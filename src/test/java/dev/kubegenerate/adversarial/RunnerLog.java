package dev.kubegenerate.adversarial;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a step's output as the Actions runner does (actions/runner, ActionCommandManager): a line
 * whose text, leading whitespace trimmed, starts with {@code ::} is a command {@code ::name
 * props::data}; failing that, {@code ##[name props]data} anywhere in a line is one (the legacy
 * form); after {@code ::stop-commands::TOKEN} only {@code ::TOKEN::} is obeyed. The runner splits
 * output at CR, LF and CRLF.
 */
final class RunnerLog {

  /** A command the runner obeyed. */
  record Command(
      String name, Map<String, String> properties, String data, boolean legacy, String line) {}

  private RunnerLog() {}

  /** Every command the runner would obey in {@code output}, fence commands included. */
  static List<Command> obeyed(String output) {
    List<Command> out = new ArrayList<>();
    String stopToken = null;
    for (String line : output.split("\r\n|\r|\n", -1)) {
      Command c = parse(line);
      if (c == null) {
        continue;
      }
      if (stopToken != null) {
        if (c.name().equalsIgnoreCase(stopToken)) {
          stopToken = null;
          out.add(c);
        }
        continue;
      }
      if (c.name().equalsIgnoreCase("stop-commands")) {
        stopToken = c.data();
      }
      out.add(c);
    }
    return out;
  }

  /**
   * The commands in {@code output} that the tool did not mean: a legacy command, a command other
   * than an annotation or a fence, an annotation whose title is not the tool's, or one whose
   * message starts with {@code marker} (text planted by the attacker).
   */
  static List<Command> forged(String output, String marker) {
    Set<String> annotations = Set.of("error", "warning", "notice");
    List<Command> forged = new ArrayList<>();
    boolean fenceOpen = false;
    for (Command c : obeyed(output)) {
      if (c.legacy()) {
        forged.add(c);
      } else if (c.name().equals("stop-commands")) {
        fenceOpen = true;
      } else if (fenceOpen) {
        fenceOpen = false; // the token that ends the fence
      } else if (!annotations.contains(c.name())
          || !c.properties().getOrDefault("title", "").startsWith("kube-generate")
          || c.data().startsWith(marker)) {
        forged.add(c);
      }
    }
    return forged;
  }

  private static Command parse(String line) {
    String trimmed = line.stripLeading();
    if (trimmed.startsWith("::")) {
      int end = trimmed.indexOf("::", 2);
      if (end > 2) {
        return command(trimmed.substring(2, end), trimmed.substring(end + 2), false, line);
      }
      return null;
    }
    int prefix = line.indexOf("##[");
    if (prefix >= 0) {
      int end = line.indexOf(']', prefix);
      if (end > prefix + 3) {
        return command(line.substring(prefix + 3, end), line.substring(end + 1), true, line);
      }
    }
    return null;
  }

  private static Command command(String section, String data, boolean legacy, String line) {
    int space = section.indexOf(' ');
    String name = space < 0 ? section : section.substring(0, space);
    Map<String, String> props = new LinkedHashMap<>();
    if (space >= 0) {
      for (String p : section.substring(space + 1).split(",")) {
        int eq = p.indexOf('=');
        if (eq > 0) {
          props.put(p.substring(0, eq), unescape(p.substring(eq + 1)));
        }
      }
    }
    return new Command(name, props, unescape(data), legacy, line);
  }

  private static String unescape(String s) {
    return s.replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%");
  }
}
