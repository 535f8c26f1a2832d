package dev.kubegenerate.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON the build writes of the built-in library's YAML gives every template as its YAML does.
 */
class BuiltInValuesTest {

  private static final Path TEMPLATES = Path.of("templates");

  @TempDir Path tmp;

  @Test
  void everyLibraryFile_readsFromItsJsonAsFromItsYaml() throws Exception {
    List<Path> yamls;
    try (Stream<Path> files = Files.walk(TEMPLATES, 2)) {
      yamls = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
    assertTrue(yamls.size() > 20, yamls.toString());
    for (Path yaml : yamls) {
      Object value = BuiltInValues.yaml(Files.readString(yaml), yaml.toString());
      assertTrue(
          BuiltInValues.same(value, BuiltInValues.value(BuiltInValues.json(value))),
          yaml.toString());
    }
  }

  @Test
  void everyTemplate_isTheSameReadFromTheBuildsJson() throws Exception {
    Path copy = tmp.resolve("templates");
    copyTree(TEMPLATES, copy);
    BuiltInValues.main(new String[] {copy.toString()});
    assertTrue(Files.exists(copy.resolve("web/template.json")));
    assertTrue(Files.exists(copy.resolve(TemplateReader.SHARED_FOLDER + "/pod-template.json")));
    TemplateFiles yaml = TemplateFiles.onDisk(TEMPLATES, TEMPLATES, "built-in");
    TemplateFiles json = TemplateFiles.onDisk(copy, copy, "built-in");
    for (String name : yaml.folders()) {
      String shown = "built-in template " + name;
      assertEquals(
          TemplateReader.read(name, yaml, shown, "built-in", false, yaml),
          TemplateReader.read(name, json, shown, "built-in", false, json),
          name);
    }
  }

  @Test
  void numbersKeepTheTypesTheYamlReaderGivesThem() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("int", 3);
    value.put("long", 5_000_000_000L);
    value.put("big", new java.math.BigInteger("123456789012345678901234567890"));
    value.put("double", 0.5);
    value.put("order", new ArrayList<>(List.of("b", "a")));
    value.put("null", null);
    assertTrue(BuiltInValues.same(value, BuiltInValues.value(BuiltInValues.json(value))));
    assertFalse(BuiltInValues.same(Map.of("n", 3), Map.of("n", 3L)), "Integer is not Long");
  }

  @Test
  void aValueJsonCannotHold_failsTheBuild() {
    assertThrows(IllegalStateException.class, () -> BuiltInValues.json(Map.of("n", Double.NaN)));
    assertThrows(IllegalStateException.class, () -> BuiltInValues.json(Map.of(1, "one")));
  }

  private static void copyTree(Path from, Path to) throws Exception {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.writeString(target, Files.readString(f, StandardCharsets.UTF_8));
        }
      }
    }
  }
}
