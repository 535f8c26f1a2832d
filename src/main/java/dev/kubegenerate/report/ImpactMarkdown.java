package dev.kubegenerate.report;

import dev.kubegenerate.model.ObjectImpact;
import dev.kubegenerate.model.ObjectImpact.Change;
import dev.kubegenerate.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The impact of a regeneration as a pull-request body (SPEC §8.4): a verdict first ("3 objects
 * change in 2 clusters; pods of shop-web restart; nothing is deleted; nothing immutable"), a table
 * of the objects, then each object's changed fields collapsed, cut to GitHub's 65,536 characters
 * with a note saying what was left out. Every name comes from the repository and is escaped.
 */
public final class ImpactMarkdown {

  /** GitHub's limit for a pull-request body or comment, in characters. */
  public static final int LIMIT_CHARS = PullRequestComment.LIMIT_CHARS;

  /** Room kept for the note about what was left out. */
  private static final int NOTE_ROOM = 400;

  /** The most names a verdict lists before it counts the rest. */
  private static final int NAMES = 3;

  private ImpactMarkdown() {}

  /** The body for {@code impacts}, or for the errors that stopped the render. */
  public static String render(List<ObjectImpact> impacts, List<Problem> errors) {
    return render(impacts, errors, LIMIT_CHARS);
  }

  /** As {@link #render(List, List)} with another limit, for tests of the cut. */
  static String render(List<ObjectImpact> impacts, List<Problem> errors, int limit) {
    int budget = limit - NOTE_ROOM;
    StringBuilder out = new StringBuilder();
    if (!errors.isEmpty()) {
      out.append("### ❌ kube-generate: the manifests could not be generated\n\n");
      int left = errors.size();
      for (Problem p : errors) {
        String line = "- " + MarkdownText.inline(cut(p.format())) + "\n";
        if (out.length() + line.length() > budget) {
          break;
        }
        out.append(line);
        left--;
      }
      return out.append(left > 0 ? note(left + " errors") : "").toString();
    }
    out.append("### kube-generate: what this regeneration changes\n\n");
    int rowsLeft = section(out, impacts, String::length, budget);
    int detailsLeft = details(out, impacts, budget);
    if (rowsLeft > 0 || detailsLeft > 0) {
      List<String> what = new ArrayList<>();
      if (rowsLeft > 0) {
        what.add(rowsLeft + (rowsLeft == 1 ? " row" : " rows") + " of the table");
      }
      if (detailsLeft > 0) {
        what.add(
            "the changed fields of " + detailsLeft + (detailsLeft == 1 ? " object" : " objects"));
      }
      out.append(note(String.join(" and ", what)));
    }
    return out.toString();
  }

  /**
   * Appends the verdict and the table of objects, as many rows as fit {@code budget} (measured by
   * {@code measure}); returns how many rows did not fit.
   */
  static int section(
      StringBuilder out, List<ObjectImpact> impacts, ToIntFunction<String> measure, int budget) {
    out.append(verdict(impacts)).append("\n\n");
    if (impacts.isEmpty()) {
      return 0;
    }
    String header =
        "| Cluster | Object | Change | Pods restart | Immutable fields |\n| --- | --- | --- | --- | --- |\n";
    out.append(header);
    int used = measure.applyAsInt(out.toString());
    int left = impacts.size();
    for (ObjectImpact i : impacts) {
      String row = row(i);
      int size = measure.applyAsInt(row);
      if ((long) used + size > budget) {
        break;
      }
      out.append(row);
      used += size;
      left--;
    }
    out.append('\n');
    return left;
  }

  /** One sentence: how many objects change where, whose pods restart, deletions, refusals. */
  static String verdict(List<ObjectImpact> impacts) {
    if (impacts.isEmpty()) {
      return "No Kubernetes object changes.";
    }
    List<String> parts = new ArrayList<>();
    long clusters = impacts.stream().map(ObjectImpact::cluster).distinct().count();
    boolean named = impacts.stream().anyMatch(i -> !i.cluster().isEmpty());
    parts.add(
        count(impacts.size(), "object changes", "objects change")
            + (named ? " in " + count(clusters, "cluster", "clusters") : ""));
    List<String> restarting =
        impacts.stream().filter(ObjectImpact::restarts).map(ObjectImpact::name).distinct().toList();
    parts.add(
        restarting.isEmpty() ? "no pods restart" : "pods of " + names(restarting) + " restart");
    List<String> scaled =
        impacts.stream().filter(ObjectImpact::capacity).map(ObjectImpact::name).distinct().toList();
    if (!scaled.isEmpty()) {
      parts.add("capacity changes for " + names(scaled));
    }
    List<String> cron =
        impacts.stream().filter(ObjectImpact::nextRun).map(ObjectImpact::name).distinct().toList();
    if (!cron.isEmpty()) {
      parts.add("the next run of " + names(cron) + " changes");
    }
    long deleted = impacts.stream().filter(i -> i.change() == Change.DELETED).count();
    parts.add(
        deleted == 0
            ? "nothing is deleted"
            : count(deleted, "object is", "objects are") + " deleted");
    long refused = impacts.stream().filter(i -> !i.immutable().isEmpty()).count();
    parts.add(
        refused == 0
            ? "nothing immutable"
            : count(refused, "object changes", "objects change")
                + " immutable fields: applying fails until "
                + (refused == 1 ? "it is" : "they are")
                + " deleted and re-created");
    return String.join("; ", parts) + ".";
  }

  private static String row(ObjectImpact i) {
    String change =
        i.change().id() + (i.capacity() ? " (capacity)" : "") + (i.nextRun() ? " (next run)" : "");
    String immutable =
        i.immutable().isEmpty()
            ? ""
            : "⚠️ "
                + MarkdownText.inline(
                    String.join(", ", i.immutable().subList(0, Math.min(2, i.immutable().size())))
                        + (i.immutable().size() > 2
                            ? " and " + (i.immutable().size() - 2) + " more"
                            : ""));
    return "| "
        + MarkdownText.inline(i.cluster())
        + " | "
        + MarkdownText.inline(i.kind() + " " + i.qualifiedName())
        + " | "
        + change
        + " | "
        + (i.restarts() ? "yes" : "")
        + " | "
        + immutable
        + " |\n";
  }

  /** Appends each updated object's fields, collapsed; returns how many did not fit. */
  private static int details(StringBuilder out, List<ObjectImpact> impacts, int budget) {
    List<ObjectImpact> updated =
        impacts.stream().filter(i -> i.change() == Change.UPDATED).toList();
    if (updated.isEmpty()) {
      return 0;
    }
    String open = "<details><summary>Changed fields</summary>\n\n";
    String close = "</details>\n";
    if (out.length() + open.length() + close.length() > budget) {
      return updated.size();
    }
    out.append(open);
    int left = updated.size();
    for (ObjectImpact i : updated) {
      String block =
          MarkdownText.inline(
                  (i.cluster().isEmpty() ? "" : i.cluster() + ": ")
                      + i.kind()
                      + " "
                      + i.qualifiedName()
                      + " in "
                      + i.file().value())
              + "\n\n"
              + MarkdownText.fence("", String.join("\n", i.fields()))
              + "\n";
      if (out.length() + block.length() + close.length() > budget) {
        break;
      }
      out.append(block);
      left--;
    }
    out.append(close);
    return left;
  }

  /** {@code a}, {@code a and b}, {@code a, b and c}, {@code a, b, c and 2 more}. */
  private static String names(List<String> names) {
    List<String> shown = names.stream().limit(NAMES).map(MarkdownText::inline).toList();
    if (names.size() > NAMES) {
      return String.join(", ", shown) + " and " + (names.size() - NAMES) + " more";
    }
    if (shown.size() == 1) {
      return shown.get(0);
    }
    return String.join(", ", shown.subList(0, shown.size() - 1))
        + " and "
        + shown.get(shown.size() - 1);
  }

  private static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  private static String cut(String text) {
    int end = MarkdownReport.MAX_PROBLEM_CHARS;
    if (text.length() <= end) {
      return text;
    }
    return text.substring(0, Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end)
        + " …";
  }

  private static String note(String what) {
    return "\n> [!NOTE]\n> Left out to stay within GitHub's size limit: "
        + what
        + ". The job's log lists every object (`kube-generate --update` prints a line for each),"
        + " and `kube-generate --format json` before the update gives every changed field.\n";
  }
}
