package dev.kubegenerate.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.core.DisallowExtensionCustomizerBuilder;
import io.pebbletemplates.pebble.loader.StringLoader;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pebble, locked down for templates that may come from an untrusted pull request: no method
 * calls on Java objects, no includes (so no file access), no functions that touch the class
 * path or threads, undefined variables are errors, and output is bounded.
 */
public final class SandboxedEngine {

  /** A body that renders more than this is broken or hostile. */
  static final int MAX_OUTPUT = 1 << 20;

  private final PebbleEngine engine =
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
          .registerExtensionCustomizer(
              new DisallowExtensionCustomizerBuilder()
                  .disallowedTokenParserTags(List.of("include", "import", "from", "extends", "embed", "parallel", "block"))
                  .disallowedFunctionKeys(List.of("i18n", "range", "parent", "block"))
                  .build())
          .extension(new KubeGenerateExtension())
          .build();

  private final Map<String, PebbleTemplate> compiled = new ConcurrentHashMap<>();

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

  /** Renders {@code body} with {@code context}. */
  public String render(TemplateSpec.Body body, Map<String, Object> context) throws RenderException {
    try {
      PebbleTemplate template = compiled.computeIfAbsent(body.source(), engine::getTemplate);
      StringWriter out = new StringWriter();
      template.evaluate(out, context);
      return out.toString();
    } catch (PebbleException e) {
      Integer line = e.getLineNumber();
      String message = e.getPebbleMessage() == null ? e.getMessage() : e.getPebbleMessage();
      throw new RenderException(message.strip().replaceAll("\\s*\\R\\s*", " "), line == null ? 0 : line);
    } catch (IOException | RuntimeException e) {
      throw new RenderException(String.valueOf(e.getMessage()), 0);
    } catch (StackOverflowError e) {
      // Pebble parses and evaluates recursively: a deeply nested expression or a macro calling
      // itself ends here; the stack has unwound, so carrying on is safe
      throw new RenderException("the template nests too deeply (a macro calling itself, or deeply nested expressions)", 0);
    }
  }

  /** Adds the {@code json} filter: any value as one JSON literal, which is valid YAML. */
  private static final class KubeGenerateExtension extends AbstractExtension {
    @Override
    public Map<String, Filter> getFilters() {
      return Map.of("json", new JsonFilter());
    }
  }

  /** {@code {{ value | json }}}: quoting that no value can break out of. */
  private static final class JsonFilter implements Filter {
    @Override
    public List<String> getArgumentNames() {
      return List.of();
    }

    @Override
    public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line)
        throws PebbleException {
      try {
        return JsonLiteral.of(input);
      } catch (JsonProcessingException e) {
        throw new PebbleException(e, "cannot write value as JSON", line, self.getName());
      }
    }
  }
}
