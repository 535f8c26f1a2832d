package dev.kubegenerate.yaml;

import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.Problem;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/** Parses YAML text into a node tree that keeps source positions, with safe limits. */
public final class YamlNodes {

  /** Few real configs use aliases; a handful of them is enough to build a billion-laughs bomb. */
  static final int MAX_ALIASES = 50;

  private YamlNodes() {}

  /** Settings for untrusted YAML: no duplicate keys, no recursive keys, few aliases. */
  public static LoadSettings safeSettings(String label) {
    return LoadSettings.builder()
        .setLabel(label)
        .setAllowDuplicateKeys(false)
        .setAllowRecursiveKeys(false)
        .setMaxAliasesForCollections(MAX_ALIASES)
        .setCodePointLimit(InputText.MAX_BYTES)
        .setUseMarks(true)
        .setSchema(new org.snakeyaml.engine.v2.schema.CoreSchema())
        .build();
  }

  /** Composes the single document of {@code text}; empty when the text holds no document. */
  public static Optional<Node> compose(String text, String file) throws InputException {
    LoadSettings settings = safeSettings(file);
    try {
      Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
      Optional<Node> node = composer.getSingleNode();
      return node;
    } catch (MarkedYamlEngineException e) {
      throw new InputException(problemAt(file, e));
    } catch (YamlEngineException e) {
      String message = oneLine(e.getMessage());
      if (message.startsWith("Number of aliases")) {
        message = "too many aliases (more than " + MAX_ALIASES + "); such YAML can expand without bound";
      }
      throw new InputException(Problem.of(file, "malformed YAML: " + message));
    }
  }

  /** A located problem from a parser exception. */
  static Problem problemAt(String file, MarkedYamlEngineException e) {
    Optional<Mark> mark = e.getProblemMark();
    String problem = e.getProblem() == null ? "syntax error" : e.getProblem();
    if (problem.contains("found another document")) {
      problem = "a second document starts here; the file must hold one (remove the `---` line)";
    }
    return new Problem(
        file,
        mark.map(m -> m.getLine() + 1).orElse(0),
        mark.map(m -> m.getColumn() + 1).orElse(0),
        "malformed YAML: " + oneLine(problem));
  }

  /** A problem located at a node's start. */
  public static Problem at(String file, Node node, String message) {
    Optional<Mark> mark = node.getStartMark();
    return new Problem(
        file, mark.map(m -> m.getLine() + 1).orElse(0), mark.map(m -> m.getColumn() + 1).orElse(0), message);
  }

  /** The 1-based line a node starts on, or 0. */
  public static int line(Node node) {
    return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
  }

  static String oneLine(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
