package dev.kubegenerate.yaml;

import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.Problem;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/** Parses YAML text into a node tree that keeps source positions, with safe limits. */
public final class YamlNodes {

  /** Few real configs use aliases; a handful of them is enough to build a billion-laughs bomb. */
  public static final int MAX_ALIASES = 50;

  /**
   * Real manifests nest about 20 levels (CRD schemas about 40); every reader of YAML, the recursive
   * ones included, stays far from the stack's end below this.
   */
  public static final int MAX_DEPTH = 128;

  private YamlNodes() {}

  /**
   * A loader for untrusted YAML: {@link #safeSettings} plus the nesting limit. Use it instead of
   * {@code new Load(settings)}, whose recursion a deep document overflows.
   */
  public static Load loader(LoadSettings settings) {
    return new Load(settings) {
      @Override
      protected Composer createComposer(String text) {
        return new Composer(settings, parser(settings, text));
      }

      // Load's own loadAllFromString builds its composer privately, past createComposer
      @Override
      public Iterable<Object> loadAllFromString(String text) {
        Composer composer = createComposer(text);
        StandardConstructor constructor = new StandardConstructor(settings);
        return () ->
            new java.util.Iterator<>() {
              @Override
              public boolean hasNext() {
                return composer.hasNext();
              }

              @Override
              public Object next() {
                return constructor.constructSingleDocument(Optional.of(composer.next()));
              }
            };
      }
    };
  }

  /**
   * The parser every reader of untrusted YAML composes from: events as snakeyaml-engine reads them,
   * refused past {@link #MAX_DEPTH} levels. Use it with {@code new Composer(settings, ...)}.
   */
  public static org.snakeyaml.engine.v2.parser.Parser parser(LoadSettings settings, String text) {
    return new DepthLimitedParser(new ParserImpl(settings, new StreamReader(settings, text)));
  }

  /** The located error for a collection that opens one level deeper than {@link #MAX_DEPTH}. */
  public static MarkedYamlEngineException tooDeep(org.snakeyaml.engine.v2.events.Event event) {
    return DepthLimitedParser.tooDeep(event);
  }

  /** Settings for untrusted YAML: no duplicate keys, no recursive keys, few aliases. */
  public static LoadSettings safeSettings(String label) {
    return safeSettings(label, true);
  }

  /**
   * As {@link #safeSettings(String)}; without {@code marks} (line and column of every token), which
   * allocate several times more, for text that is read again with them to locate an error.
   */
  public static LoadSettings safeSettings(String label, boolean marks) {
    return LoadSettings.builder()
        .setLabel(label)
        .setAllowDuplicateKeys(false)
        .setAllowRecursiveKeys(false)
        .setMaxAliasesForCollections(MAX_ALIASES)
        .setCodePointLimit(InputText.MAX_BYTES)
        .setUseMarks(marks)
        .setSchema(SharedCoreSchema.INSTANCE)
        .build();
  }

  /** Composes the single document of {@code text}; empty when the text holds no document. */
  public static Optional<Node> compose(String text, String file) throws InputException {
    LoadSettings settings = safeSettings(file);
    try {
      Composer composer = new Composer(settings, parser(settings, text));
      Optional<Node> node = composer.getSingleNode();
      return node;
    } catch (MarkedYamlEngineException e) {
      throw new InputException(problemAt(file, e));
    } catch (YamlEngineException e) {
      String message = oneLine(e.getMessage());
      if (message.startsWith("Number of aliases")) {
        message =
            "too many aliases (more than " + MAX_ALIASES + "); such YAML can expand without bound";
      }
      throw new InputException(Problem.of(file, "malformed YAML: " + message));
    }
  }

  /** A located problem from a parser exception. */
  public static Problem problemAt(String file, MarkedYamlEngineException e) {
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

  /**
   * A parser failure in one line, without the parser's snippet of the text around it: the text may
   * be a rendered Secret, and an error message goes to every log and annotation.
   */
  public static String withoutSnippet(YamlEngineException e) {
    if (e instanceof MarkedYamlEngineException marked) {
      String problem = marked.getProblem() == null ? "syntax error" : marked.getProblem();
      return oneLine(problem)
          + marked
              .getProblemMark()
              .map(m -> " (line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1) + ")")
              .orElse("");
    }
    return oneLine(e.getMessage());
  }

  /** A problem located at a node's start. */
  public static Problem at(String file, Node node, String message) {
    Optional<Mark> mark = node.getStartMark();
    return new Problem(
        file,
        mark.map(m -> m.getLine() + 1).orElse(0),
        mark.map(m -> m.getColumn() + 1).orElse(0),
        message);
  }

  /** The 1-based line a node starts on, or 0. */
  public static int line(Node node) {
    return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
  }

  static String oneLine(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
