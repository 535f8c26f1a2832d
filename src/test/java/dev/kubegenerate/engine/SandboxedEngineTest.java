package dev.kubegenerate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.template.TemplateSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A template from an untrusted pull request must not run code, read files or see the environment.
 */
class SandboxedEngineTest {

  private final SandboxedEngine engine = new SandboxedEngine();

  private String render(String source, Map<String, Object> context)
      throws SandboxedEngine.RenderException {
    return engine.render(new TemplateSpec.Body("test", source, "test.yaml.peb"), context);
  }

  @Test
  void render_jsonFilterQuotesEveryValue() throws Exception {
    Map<String, Object> ctx = new LinkedHashMap<>();
    ctx.put("image", "evil\"\nkind: Secret");
    ctx.put("env", Map.of("A", "1"));
    ctx.put("port", 3000L);
    assertEquals(
        "image: \"evil\\\"\\nkind: Secret\" env: {\"A\":\"1\"} port: 3000",
        render("image: {{ image | json }} env: {{ env | json }} port: {{ port | json }}", ctx));
  }

  @Test
  void render_methodCallOnJavaObjectIsRefused() {
    Map<String, Object> ctx = Map.of("name", "web");
    for (String source :
        List.of(
            "{{ name.getClass().getName() }}",
            "{{ name.class }}",
            "{{ name.getBytes() }}",
            "{{ name.toUpperCase() }}")) {
      SandboxedEngine.RenderException e =
          assertThrows(SandboxedEngine.RenderException.class, () -> render(source, ctx), source);
      assertTrue(
          e.getMessage().contains("denied") || e.getMessage().contains("can not be accessed"),
          e.getMessage());
    }
  }

  @Test
  void render_cannotReachTheRuntimeThroughAnyValue() {
    Map<String, Object> ctx = Map.of("m", Map.of("a", "b"));
    assertThrows(
        SandboxedEngine.RenderException.class,
        () ->
            render("{{ m.getClass().forName('java.lang.Runtime').getRuntime().exec('id') }}", ctx));
  }

  @Test
  void render_includeOfAFileIsRefused(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOKEN=s3cr3t");
    for (String source :
        List.of(
            "{% include '" + secret + "' %}",
            "{% import '" + secret + "' %}",
            "{% extends '" + secret + "' %}")) {
      SandboxedEngine.RenderException e =
          assertThrows(
              SandboxedEngine.RenderException.class, () -> render(source, Map.of()), source);
      assertFalse(e.getMessage().contains("s3cr3t"));
    }
  }

  @Test
  void render_environmentIsNotVisible() {
    // no variable, function or filter exposes the process environment or system properties
    for (String source :
        List.of("{{ env.PATH }}", "{{ System.getenv('PATH') }}", "{{ i18n('x', 'y') }}")) {
      assertThrows(SandboxedEngine.RenderException.class, () -> render(source, Map.of()), source);
    }
  }

  @Test
  void render_undefinedVariableIsAnErrorWithItsLine() {
    SandboxedEngine.RenderException e =
        assertThrows(
            SandboxedEngine.RenderException.class,
            () -> render("a: 1\nb: {{ missing }}\n", Map.of()));
    assertEquals(2, e.line());
    assertTrue(e.getMessage().contains("missing"), e.getMessage());
  }

  @Test
  void render_hugeOutputIsStopped() {
    Map<String, Object> ctx =
        Map.of("items", java.util.Collections.nCopies(20_000, "x".repeat(100)));
    assertThrows(
        SandboxedEngine.RenderException.class,
        () -> render("{% for i in items %}{{ i }}{% endfor %}", ctx));
  }

  @Test
  void render_mapEntriesCanBeIterated() throws Exception {
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("A", "1");
    env.put("B", "2");
    assertEquals(
        "A=1;B=2;",
        render("{% for e in env %}{{ e.key }}={{ e.value }};{% endfor %}", Map.of("env", env)));
  }

  @Test
  void render_disallowedTagsAndFunctionsStayDisallowedNextToTheBudget() {
    // Pebble keeps only the last extension customizer registered; the budget's must not undo these
    for (String source :
        List.of(
            "{{ range(0, 3) }}",
            "{% include 'x' %}",
            "{% block b %}{% endblock %}",
            "{{ parent() }}")) {
      assertThrows(SandboxedEngine.RenderException.class, () -> render(source, Map.of()), source);
    }
  }

  @Test
  void render_aValueGrowingPastTheLimitIsStoppedAtItsLine() {
    SandboxedEngine.RenderException e =
        assertThrows(
            SandboxedEngine.RenderException.class,
            () ->
                render(
                    "{% set s = 'xxxxxxxx' %}\n"
                        + "{% set s = s ~ s %}\n".repeat(30)
                        + "{{ s | length }}",
                    Map.of()));
    assertTrue(e.getMessage().contains("grows beyond 1 MiB"), e.getMessage());
    assertEquals(19, e.line()); // 8 * 2^18 characters pass 1 MiB at the 18th doubling, on line 19
  }
}
