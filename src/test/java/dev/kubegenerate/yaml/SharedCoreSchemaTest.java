package dev.kubegenerate.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/** The shared schema's resolver against snakeyaml-engine's own core schema resolver. */
class SharedCoreSchemaTest {

  private static final ScalarResolver CORE = new CoreSchema().getScalarResolver();

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "",
            " ",
            "~",
            "null",
            "Null",
            "NULL",
            "true",
            "False",
            "<<",
            "${X}",
            "${ X:-y }",
            "0",
            "-1",
            "+1",
            "0o17",
            "0x1F",
            "1.5",
            ".5",
            "-.inf",
            ".NaN",
            "1e3",
            "name",
            "namespace",
            "template",
            "\u0000",
            "08",
            "nul"),
        Arbitraries.strings().withChars("nutrlfaseNTF~<$:{}-+.0189eExoi \u00e9").ofMaxLength(6),
        Arbitraries.strings().all().ofMaxLength(4));
  }

  @Property(tries = 5000)
  void resolve_isTheCoreSchemasResolution(
      @ForAll("values") String value, @ForAll boolean implicit) {
    ScalarResolver shared = SharedCoreSchema.INSTANCE.getScalarResolver();
    assertEquals(CORE.resolve(value, implicit), shared.resolve(value, implicit), value);
    // again, as the resolver remembers short values it met
    assertEquals(CORE.resolve(value, implicit), shared.resolve(value, implicit), value);
  }

  @Test
  void getScalarResolver_isOneResolverForEveryRead() {
    assertSame(
        SharedCoreSchema.INSTANCE.getScalarResolver(),
        SharedCoreSchema.INSTANCE.getScalarResolver());
    assertEquals(
        List.copyOf(new CoreSchema().getSchemaTagConstructors().keySet()).size(),
        SharedCoreSchema.INSTANCE.getSchemaTagConstructors().size());
  }
}
