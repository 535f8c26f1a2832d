package dev.kubegenerate.report;

import dev.kubegenerate.fast.JsonString;
import dev.kubegenerate.model.EditFix;
import dev.kubegenerate.model.FileResult;
import dev.kubegenerate.model.JsonPointer;
import dev.kubegenerate.render.ConfigWriter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The words for what in the config would keep a hand edit, shared by the text report, the
 * annotations, the summary and the comment: one sentence per fix, a patch's YAML after its
 * sentence. A Secret's values are never in them.
 */
final class FixText {

  /** Fields named in a sentence; the JSON report lists them all. */
  private static final int MAX_FIELDS = 5;

  /** Values longer than this are cut in a sentence. */
  private static final int MAX_VALUE = 60;

  private FixText() {}

  /** The heading above a file's fixes. */
  static String heading(FileResult file, String fixCommand) {
    return "To keep the edit, change " + file.config() + " as follows, then run: " + fixCommand;
  }

  /**
   * Every fix of a file as plain lines: its sentence, then a patch's YAML indented below it; none
   * when it has no fixes.
   */
  static List<String> lines(FileResult file, String indent) {
    List<String> out = new java.util.ArrayList<>();
    for (EditFix fix : file.fixes()) {
      out.add(indent + sentence(fix, file.config()));
      if (!fix.patch().isEmpty()) {
        fix.patch().lines().forEach(l -> out.add(indent + "    " + l));
      }
    }
    return out;
  }

  /** The fixes after an annotation's message: a line break, then each fix's lines; or nothing. */
  static String annotation(FileResult file) {
    return file.fixes().isEmpty() ? "" : "\n" + String.join("\n", lines(file, ""));
  }

  /** The fixes as a markdown list, each patch in a YAML block; empty when there are none. */
  static String markdown(FileResult file, String fixCommand) {
    if (file.fixes().isEmpty()) {
      return "";
    }
    StringBuilder out =
        new StringBuilder(MarkdownText.inline(heading(file, fixCommand))).append("\n\n");
    for (EditFix fix : file.fixes()) {
      out.append("* ").append(MarkdownText.inline(sentence(fix, file.config()))).append('\n');
      if (!fix.patch().isEmpty()) {
        out.append('\n').append(indented(MarkdownText.fence("yaml", fix.patch()))).append('\n');
      }
    }
    return out.append('\n').toString();
  }

  private static String indented(String block) {
    return block.lines().map(l -> l.isEmpty() ? l : "  " + l).collect(Collectors.joining("\n"));
  }

  /** What one fix says, without its patch's YAML. */
  static String sentence(EditFix fix, String config) {
    String where = " in " + (fix.everyCluster() ? "every cluster" : fix.cluster());
    String entry = fix.named() ? "the entry " + fix.entry() : "the " + fix.entry() + " entry";
    String line = " (" + config + " line " + fix.line() + ")";
    return switch (fix.kind()) {
      case KEY ->
          edits(fix)
              + where
              + ": set "
              + fix.key()
              + ": "
              + fix.value().map(FixText::value).orElse("null")
              + " on "
              + entry
              + line
              + also(fix);
      case PATCH ->
          edits(fix)
              + where
              + ": no parameter renders "
              + (fix.fields().size() == 1 ? "it" : "them")
              + "; add this patch to "
              + fix.key()
              + " of "
              + entry
              + line
              + also(fix)
              + ":";
      case SECRET ->
          "a Secret value changed in "
              + fix.cluster()
              + " ("
              + fix.object()
              + ": "
              + fix.fields().stream().map(f -> path(f.pointer())).collect(Collectors.joining(", "))
              + "); its value is not shown, and no fix is suggested with it";
      case NONE ->
          isWholeObject(fix)
              ? fix.object()
                  + " was added by hand in "
                  + fix.cluster()
                  + "; no patch adds an object: move it to a file of its own and list that"
                  + " under handwritten:"
              : edits(fix)
                  + " in "
                  + fix.cluster()
                  + ": neither a parameter nor a patch of "
                  + entry
                  + " was found that renders "
                  + (fix.fields().size() == 1 ? "it" : "them")
                  + "; move "
                  + (fix.fields().size() == 1 ? "it" : "them")
                  + " into the config by hand";
    };
  }

  private static boolean isWholeObject(EditFix fix) {
    return fix.fields().size() == 1 && fix.fields().get(0).pointer().isEmpty();
  }

  private static String also(EditFix fix) {
    return fix.alsoChanges().isEmpty()
        ? ""
        : "; this also changes " + String.join(", ", fix.alsoChanges());
  }

  /**
   * The object and its edited fields: {@code Deployment web spec.replicas 2 -> 3}, {@code x added
   * (v)}, {@code x removed}.
   */
  private static String edits(EditFix fix) {
    int more = fix.fields().size() - MAX_FIELDS;
    return fix.object()
        + " "
        + fix.fields().stream()
            .limit(MAX_FIELDS)
            .map(
                f -> {
                  if (f.pointer().isEmpty()) {
                    return "removed";
                  }
                  String path = path(f.pointer());
                  if (f.from().isPresent() && f.to().isPresent()) {
                    return path + " " + value(f.from().get()) + " -> " + value(f.to().get());
                  }
                  return f.to()
                      .map(v -> path + " added (" + value(v) + ")")
                      .orElse(path + " removed");
                })
            .collect(Collectors.joining(", "))
        + (more > 0 ? " and " + more + " more fields" : "");
  }

  /** A JSON pointer as a field path: {@code spec.containers[0].image}. */
  static String path(String pointer) {
    StringBuilder b = new StringBuilder();
    for (String token : JsonPointer.tokens(pointer)) {
      if (!token.isEmpty() && token.chars().allMatch(Character::isDigit) && b.length() > 0) {
        b.append('[').append(token).append(']');
      } else if (token.matches("[A-Za-z0-9_-]+")) {
        b.append(b.length() > 0 ? "." : "").append(token);
      } else {
        b.append('[');
        JsonString.quote(token, b);
        b.append(']');
      }
    }
    return b.toString();
  }

  /** A value in flow style on one line, cut when long. */
  static String value(Object v) {
    String s = flow(v);
    return s.length() <= MAX_VALUE ? s : s.substring(0, MAX_VALUE - 1) + "…";
  }

  private static String flow(Object v) {
    return ConfigWriter.oneLine(v);
  }
}
