package dev.kubegenerate.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kubegenerate.fast.JsonLiteral;
import dev.kubegenerate.template.TemplateSpec;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Extension;
import io.pebbletemplates.pebble.extension.ExtensionCustomizer;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.NodeVisitorFactory;
import io.pebbletemplates.pebble.extension.core.DisallowExtensionCustomizerBuilder;
import io.pebbletemplates.pebble.loader.StringLoader;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Pebble, locked down for templates that may come from an untrusted pull request: no method calls
 * on Java objects, no includes (so no file access), no functions that touch the class path or
 * threads, undefined variables are errors, and output is bounded. Each render has a budget (see
 * {@link RenderBudget}): {@link #BODY_TIME} of wall-clock time, and no value, printed or
 * intermediate, larger than the output limit.
 */
public final class SandboxedEngine {

  /** A body that renders more than this is broken or hostile. */
  static final int MAX_OUTPUT = 1 << 20;

  /**
   * The built-in bodies render in about a millisecond; a body still running after this is hostile.
   */
  static final Duration BODY_TIME = Duration.ofSeconds(2);

  /** Tags and functions that reach files, the class path or threads, or build unbounded lists. */
  private static final Function<Extension, ExtensionCustomizer> DISALLOWED =
      new DisallowExtensionCustomizerBuilder()
          .disallowedTokenParserTags(
              List.of("include", "import", "from", "extends", "embed", "parallel", "block"))
          .disallowedFunctionKeys(List.of("i18n", "range", "parent", "block"))
          .build();

  /**
   * The budget of the render running on each thread; set for the span of one evaluation. Static, as
   * the engine that reads it: one engine serves every run of the process.
   */
  private static final ThreadLocal<RenderBudget> BUDGETS = new ThreadLocal<>();

  /**
   * Set once a body ran out of time: the ones after it are refused at once, so a repository full of
   * slow bodies still gets its verdict in seconds, not seconds times bodies.
   */
  private final AtomicBoolean outOfTime = new AtomicBoolean();

  /**
   * Immutable once built, and the same for every run: building it and compiling a body cost more
   * than rendering one, so the process shares one, and its compiled bodies.
   */
  private static final PebbleEngine ENGINE =
      new PebbleEngine.Builder()
          // the source text itself is the template "name": nothing is ever read from disk
          .loader(new StringLoader())
          .strictVariables(true)
          // filters such as upper and lower must not depend on the machine (tr-TR's dotless i)
          .defaultLocale(java.util.Locale.ROOT)
          // keep every newline: the rendered text is YAML, and a lost newline would join two lines
          .newLineTrimming(false)
          .autoEscaping(false)
          .cacheActive(false)
          .maxRenderedSize(MAX_OUTPUT)
          .allowOverrideCoreOperators(false)
          // every method call on a Java object is refused: maps and lists are read as data only;
          // the one exception is a map entry's key and value, which `for e in map` needs
          .methodAccessValidator(SandboxedEngine::isMapEntryAccessor)
          // Pebble keeps only the last customizer registered: this one applies both
          .registerExtensionCustomizer(
              extension -> new BudgetedExtension(DISALLOWED.apply(extension), BUDGETS::get))
          .extension(new KubeGenerateExtension(BUDGETS))
          .build();

  /**
   * Compiled bodies by their source, for the process: a compiled template holds no render's state,
   * and every config of a monorepo uses the same built-in bodies.
   */
  private static final CompiledBodies COMPILED = new CompiledBodies();

  /** A template error, with the 1-based line in the body where Pebble knows it. */
  public static final class RenderException extends Exception {
    private final int line;

    RenderException(String message, int line) {
      super(message, null, false, false);
      this.line = line;
    }

    /** The body's line, or 0. */
    public int line() {
      return line;
    }
  }

  private static boolean isMapEntryAccessor(Object object, java.lang.reflect.Method method) {
    return object instanceof Map.Entry<?, ?>
        && method.getParameterCount() == 0
        && (method.getName().equals("getKey") || method.getName().equals("getValue"));
  }

  /** True once a body ran out of time: every render after it is refused. */
  boolean isOutOfTime() {
    return outOfTime.get();
  }

  /** Renders {@code body} with {@code context}. */
  public String render(TemplateSpec.Body body, Map<String, Object> context) throws RenderException {
    try {
      PebbleTemplate template = COMPILED.get(body.source(), ENGINE::getTemplate);
      if (outOfTime.get()) {
        throw new RenderException("not rendered: an earlier body ran out of time", 0);
      }
      Output out = new Output();
      BUDGETS.set(new RenderBudget(BODY_TIME, body.shownAs()));
      try {
        template.evaluate(out, context);
      } finally {
        BUDGETS.remove();
      }
      return out.toString();
    } catch (PebbleException e) {
      if (e.getPebbleMessage() != null
          && e.getPebbleMessage().startsWith(RenderBudget.OUT_OF_TIME)) {
        outOfTime.set(true);
      }
      Integer line = e.getLineNumber();
      String message = e.getPebbleMessage() == null ? e.getMessage() : e.getPebbleMessage();
      throw new RenderException(
          message.strip().replaceAll("\\s*\\R\\s*", " "), line == null ? 0 : line);
    } catch (IOException | RuntimeException e) {
      throw new RenderException(String.valueOf(e.getMessage()), 0);
    } catch (StackOverflowError e) {
      // Pebble parses and evaluates recursively: a deeply nested expression or a macro calling
      // itself ends here; the stack has unwound, so carrying on is safe
      throw new RenderException(
          "the template nests too deeply (a macro calling itself, or deeply nested expressions)",
          0);
    }
  }

  /**
   * A render's text: a StringWriter without its lock, which every one of the thousands of writes of
   * a large repository's renders took (one thread writes a render's text).
   */
  private static final class Output extends java.io.Writer {
    private final StringBuilder text = new StringBuilder(1024);

    @Override
    public void write(char[] chars, int offset, int length) {
      text.append(chars, offset, length);
    }

    @Override
    public void write(String s) {
      text.append(s);
    }

    @Override
    public void write(String s, int offset, int length) {
      text.append(s, offset, offset + length);
    }

    @Override
    public void write(int c) {
      text.append((char) c);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public String toString() {
      return text.toString();
    }
  }

  /** Adds the {@code json} filter: any value as one JSON literal, which is valid YAML. */
  private static final class KubeGenerateExtension extends AbstractExtension {
    private final ThreadLocal<RenderBudget> budgets;

    KubeGenerateExtension(ThreadLocal<RenderBudget> budgets) {
      this.budgets = budgets;
    }

    @Override
    public Map<String, Filter> getFilters() {
      // user extensions are not customized: measure by hand
      return Map.of("json", new BudgetedExtension.MeasuredFilter(new JsonFilter(), budgets::get));
    }

    @Override
    public List<NodeVisitorFactory> getNodeVisitors() {
      return List.of(template -> new BudgetVisitor((PebbleTemplateImpl) template, budgets::get));
    }
  }

  /** {@code {{ value | json }}}: quoting that no value can break out of. */
  private static final class JsonFilter implements Filter {
    @Override
    public List<String> getArgumentNames() {
      return List.of();
    }

    @Override
    public Object apply(
        Object input,
        Map<String, Object> args,
        PebbleTemplate self,
        EvaluationContext context,
        int line)
        throws PebbleException {
      try {
        return JsonLiteral.of(input);
      } catch (JsonProcessingException e) {
        throw new PebbleException(e, "cannot write value as JSON", line, self.getName());
      }
    }
  }
}
