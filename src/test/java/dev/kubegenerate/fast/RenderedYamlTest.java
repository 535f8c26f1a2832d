package dev.kubegenerate.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.yaml.YamlNodes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/** The event-based reader gives exactly what snakeyaml's general loader gives. */
class RenderedYamlTest {

  private static final LoadSettings SETTINGS = YamlNodes.safeSettings("test");

  private static List<Object> general(String text) {
    List<Object> out = new ArrayList<>();
    new Load(SETTINGS).loadAllFromString(text).forEach(out::add);
    return out;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a: 1\nb: [x, 'y', \"z\"]\nc: {d: null, e: ~, f: true, g: 1.5, h: 0x1F, i: 0o17, j: -3, k: .inf}\n",
        "---\nkind: A\n---\n---\nkind: B\n...\n",
        "# only a comment\n",
        "",
        "list:\n  - a\n  - - nested\n    - 2\n  - {}\n  - []\nempty:\n",
        "text: |\n  line one\n  line two\nfolded: >\n  a\n  b\nplain: multi\n  line\n",
        "big: 123456789012345678901234567890\nlong: 12345678901\nneg: -.inf\nnan: .NaN\nexp: 1e3\n",
        "\"quoted key\": 1\n? complex\n: 2\n'0755': \"0755\"\n",
        "just a scalar\n",
        "- a\n- b\n"
      })
  void read_agreesWithTheGeneralLoader(String text) {
    assertEquals(general(text), RenderedYaml.read(text, SETTINGS).orElseThrow());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"a: &x 1\nb: *x\n", "a: !!str 123\n", "a: !custom x\n", "a: !!binary aGVsbG8=\n"})
  void read_leavesTagsAnchorsAndAliasesToTheGeneralLoader(String text) {
    assertTrue(RenderedYaml.read(text, SETTINGS).isEmpty());
  }

  @Test
  void read_duplicateKeyIsAnError() {
    assertThrows(
        YamlEngineException.class, () -> RenderedYaml.read("a: 1\nb: 2\na: 3\n", SETTINGS));
  }

  @Test
  void read_malformedTextIsAnError() {
    assertThrows(YamlEngineException.class, () -> RenderedYaml.read("a: [1, 2\nb: 3\n", SETTINGS));
  }
}
