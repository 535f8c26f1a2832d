package dev.kubegenerate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.template.TemplateSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** A reused render is the text rendering afresh gives, whatever the context holds. */
class RenderMemoTest {

  private static final SandboxedEngine ENGINE = new SandboxedEngine();

  /** Templates whose reads depend on the values read, iterate maps, or write the context. */
  private static final List<TemplateSpec.Body> BODIES =
      List.of(
          body("a: {{ a | json }}{% if a == 1 %} b: {{ b | json }}{% endif %}"),
          body("{% for e in m %}{{ e.key }}={{ e.value }} {% endfor %}"),
          body("{{ (m | default({})) | json }} {{ l | json }}"),
          body("{% set a = 5 %}{{ a }} {{ b }}"),
          body("{% if c is null %}none{% else %}{{ c | json }}{% endif %}"),
          body("{{ l | length }} {{ l | first | json }}"));

  /** A map with its entries in the order given: names and values alternating. */
  private static Map<String, Object> inOrder(Object... namesAndValues) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      out.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return out;
  }

  private static TemplateSpec.Body body(String source) {
    return new TemplateSpec.Body("test", source, "test.yaml.peb");
  }

  @Provide
  Arbitrary<List<Map<String, Object>>> contexts() {
    Map<String, Object> xy = inOrder("x", 1L, "y", 2L);
    Map<String, Object> yx = inOrder("y", 2L, "x", 1L);
    Arbitrary<Map<String, Object>> context =
        Combinators.combine(
                Arbitraries.of(1L, 2L, 1, "1"),
                Arbitraries.of("x", "y"),
                Arbitraries.of(xy, yx, Map.of("x", 1L)),
                Arbitraries.of(List.of(1L, 2L), List.of(2L, 1L), new ArrayList<>(List.of(1L, 2L))),
                // absent, present but null, or a string
                Arbitraries.of("absent", "null", "c"))
            .as(
                (a, b, m, l, c) -> {
                  Map<String, Object> ctx = new LinkedHashMap<>();
                  ctx.put("a", a);
                  ctx.put("b", b);
                  ctx.put("m", m);
                  ctx.put("l", l);
                  if (!c.equals("absent")) {
                    ctx.put("c", c.equals("null") ? null : c);
                  }
                  return ctx;
                });
    return context.list().ofMinSize(2).ofMaxSize(8);
  }

  @Property(tries = 300)
  void render_givesWhatRenderingAfreshGives(@ForAll("contexts") List<Map<String, Object>> contexts)
      throws Exception {
    RenderMemo memo = new RenderMemo(ENGINE);
    for (Map<String, Object> context : contexts) {
      for (TemplateSpec.Body body : BODIES) {
        String fresh = renderOrError(body, new LinkedHashMap<>(context), null);
        assertEquals(fresh, renderOrError(body, context, memo), body.source() + " " + context);
      }
    }
  }

  private static String renderOrError(
      TemplateSpec.Body body, Map<String, Object> context, RenderMemo memo) {
    try {
      return memo == null ? ENGINE.render(body, context) : memo.render(body, context);
    } catch (SandboxedEngine.RenderException e) {
      return "error: " + e.getMessage();
    }
  }

  @Test
  void render_reusesARenderWhenOnlyUnreadValuesDiffer() throws Exception {
    RenderMemo memo = new RenderMemo(ENGINE);
    TemplateSpec.Body body = BODIES.get(0);
    assertEquals("a: 2", memo.render(body, context(2L, "x")));
    assertEquals("a: 2", memo.render(body, context(2L, "y"))); // b is not read when a is 2
    assertEquals(1, memo.rendered());
    assertEquals("a: 1 b: \"x\"", memo.render(body, context(1L, "x")));
    assertEquals("a: 1 b: \"y\"", memo.render(body, context(1L, "y"))); // now b is read
    assertEquals(3, memo.rendered());
  }

  @Test
  void render_aRenderThatWritesTheContextIsNeverReusedAndItsWriteIsKept() throws Exception {
    RenderMemo memo = new RenderMemo(ENGINE);
    Map<String, Object> first = context(1L, "x");
    assertEquals("5 x", memo.render(BODIES.get(3), first));
    assertEquals("5 x", memo.render(BODIES.get(3), context(1L, "x")));
    assertEquals(2, memo.rendered());
    assertEquals(5L, ((Number) first.get("a")).longValue(), "the set reached the context");
  }

  @Test
  void renderReading_recordsTheNamesTheRenderLookedUp_andAReuseRecordsTheSame() throws Exception {
    RenderMemo memo = new RenderMemo(ENGINE);
    TemplateSpec.Body body = BODIES.get(0);
    RenderMemo.Render two = memo.renderReading(body, context(2L, "x"));
    assertEquals(List.of("a"), List.copyOf(two.reads().names())); // b is not read when a is 2
    RenderMemo.Render one = memo.renderReading(body, context(1L, "x"));
    assertEquals(List.of("a", "b"), List.copyOf(one.reads().names()));
    assertEquals(one.reads(), memo.renderReading(body, context(1L, "x")).reads());
    assertEquals(2, memo.rendered());
  }

  @Test
  void renderReading_aNameList_recordsTheNamesTestedInIt_notTheList() throws Exception {
    RenderMemo memo = new RenderMemo(ENGINE);
    Map<String, Object> context = context(1L, "x");
    context.put("unset", new NameList(List.of("namespace", "probes")));
    RenderMemo.Render tested =
        memo.renderReading(
            body("{{ unset contains \"namespace\" }} {{ unset contains \"strategy\" }}"), context);
    assertEquals("true false", tested.text());
    assertEquals(List.of("namespace", "strategy"), List.copyOf(tested.reads().tested()));
    assertFalse(tested.reads().allNames());
    // any other use of the list reads every name in it
    RenderMemo.Render counted = memo.renderReading(body("{{ unset | length }}"), context);
    assertEquals("2", counted.text());
    assertTrue(counted.reads().allNames());
    RenderMemo.Render iterated =
        memo.renderReading(body("{% for n in unset %}{{ n }} {% endfor %}"), context);
    assertTrue(iterated.reads().allNames());
  }

  @Test
  void renderReading_aWriteOfTheContext_isAReadOfItAsAWhole() throws Exception {
    RenderMemo memo = new RenderMemo(ENGINE);
    // a set of a name the context holds writes it there; of a new one, only the render's own scope
    assertTrue(memo.renderReading(BODIES.get(3), context(1L, "x")).reads().whole());
    Map<String, Object> without = context(1L, "x");
    without.remove("a");
    without.put("z", 1L);
    assertFalse(
        memo.renderReading(body("{% set q = 5 %}{{ q }} {{ z }}"), without).reads().whole());
  }

  @Test
  void same_mapsInOrderAndValuesOfTheSameClass() {
    assertFalse(
        RenderMemo.same(List.of(Map.of("a", 1L)), new ArrayList<>(List.of(Map.of("a", 1L)))));
    assertTrue(RenderMemo.same(List.of(1L, "x"), List.of(1L, "x")));
    assertFalse(RenderMemo.same(1L, 1));
    Map<String, Object> ab = inOrder("a", 1L, "b", 2L);
    Map<String, Object> ba = inOrder("b", 2L, "a", 1L);
    assertTrue(ab.equals(ba));
    assertFalse(RenderMemo.same(ab, ba));
    assertTrue(RenderMemo.same(ab, new LinkedHashMap<>(ab)));
  }

  @Test
  void same_boundedForLargeAndCyclicValues() {
    List<Object> large = new ArrayList<>();
    List<Object> copy = new ArrayList<>();
    for (long i = 0; i < RenderMemo.MAX_COMPARED; i++) {
      large.add(1000 + i);
      copy.add(1000 + i);
    }
    assertFalse(RenderMemo.same(large, copy), "past the bound: rendered again");
    List<Object> cyclic = new ArrayList<>();
    cyclic.add(cyclic);
    List<Object> other = new ArrayList<>();
    other.add(other);
    assertFalse(RenderMemo.same(cyclic, other));
  }

  @Test
  void render_keepsABoundedNumberOfRendersPerBody() throws Exception {
    RenderMemo memo = new RenderMemo(ENGINE);
    TemplateSpec.Body body = BODIES.get(0);
    for (long a = 10; a < 10 + RenderMemo.MAX_KEPT + 2; a++) {
      memo.render(body, context(a, "x"));
    }
    int rendered = memo.rendered();
    memo.render(body, context(10L, "x")); // kept
    memo.render(body, context(10L + RenderMemo.MAX_KEPT, "x")); // not kept: rendered again
    assertEquals(rendered + 1, memo.rendered());
  }

  private static Map<String, Object> context(Object a, Object b) {
    Map<String, Object> ctx = new LinkedHashMap<>();
    ctx.put("a", a);
    ctx.put("b", b);
    return ctx;
  }
}
