package dev.kubegenerate.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubegenerate.model.InputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in library reads the same from the release jar as from a folder: tests run from the
 * exploded class path, the launcher from the jar.
 */
class TemplateFilesTest {

  private static final Path TEMPLATES = Path.of("templates");
  private static final String PREFIX = "kube-generate/templates/";

  @TempDir Path tmp;

  /** A jar laid out as the build lays out the library, with a class file beside it. */
  private TemplateFiles jarOfLibrary() throws IOException {
    Path jar = tmp.resolve("kube-generate.jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream zip = new JarOutputStream(out);
        Stream<Path> files = Files.walk(TEMPLATES)) {
      zip.putNextEntry(new JarEntry("dev/kubegenerate/Main.class"));
      zip.write(new byte[] {1, 2, 3});
      for (Path file : files.sorted().toList()) {
        String name = PREFIX + TEMPLATES.relativize(file).toString().replace('\\', '/');
        if (Files.isDirectory(file)) {
          zip.putNextEntry(new JarEntry(name.endsWith("/") ? name : name + "/"));
        } else {
          zip.putNextEntry(new JarEntry(name));
          zip.write(Files.readAllBytes(file));
        }
      }
    }
    return TemplateFiles.InJar.open(jar.toFile(), PREFIX);
  }

  @Test
  void everyTemplateReadsTheSameFromTheJarAsFromTheFolder() throws Exception {
    TemplateFiles jar = jarOfLibrary();
    TemplateFiles folder = TemplateFiles.onDisk(TEMPLATES, TEMPLATES, "built-in");
    assertEquals(folder.folders(), jar.folders());
    assertTrue(jar.folders().contains("autoscale"), jar.folders().toString());
    assertTrue(!jar.folders().contains(TemplateReader.SHARED_FOLDER), "no template.yaml there");
    for (String name : folder.folders()) {
      assertEquals(folder.list(name), jar.list(name), name);
      String shown = "built-in template " + name;
      assertEquals(
          TemplateReader.read(name, folder, shown, "built-in", false, folder),
          TemplateReader.read(name, jar, shown, "built-in", false, jar),
          name);
    }
  }

  /**
   * A template name comes from the config, and the jar is read by name without its index: only a
   * folder the library lists has a template, and no name reaches another entry.
   */
  @Test
  void theJarHasATemplateExactlyWhereTheFolderHasOne() throws Exception {
    TemplateFiles jar = jarOfLibrary();
    TemplateFiles folder = TemplateFiles.onDisk(TEMPLATES, TEMPLATES, "built-in");
    List<String> names =
        List.of(
            "autoscale",
            "worker",
            TemplateReader.SHARED_FOLDER,
            "nope",
            "",
            ".",
            "..",
            "autoscale/",
            "autoscale/../worker",
            "../templates/autoscale",
            "AUTOSCALE");
    for (String name : names) {
      assertEquals(
          folder.folders().contains(name),
          jar.has(name, TemplateReader.SPEC_FILE),
          "'" + name + "'");
    }
    assertTrue(jar.has("autoscale", "deployment.yaml.peb"));
    assertTrue(!jar.has("autoscale", "../worker/template.yaml"));
    assertThrows(
        InputException.class, () -> jar.read("autoscale", "../worker/template.yaml", "shown"));
    assertThrows(InputException.class, () -> jar.read("autoscale/..", "template.yaml", "shown"));
    assertEquals(
        folder.read(TemplateReader.SHARED_FOLDER, "pod-template.yaml", "shown"),
        jar.read(TemplateReader.SHARED_FOLDER, "pod-template.yaml", "shown"));
  }

  @Test
  void aMissingFileOrFolderInTheJarIsAProblemNamingIt() throws Exception {
    TemplateFiles jar = jarOfLibrary();
    InputException file =
        assertThrows(InputException.class, () -> jar.read("autoscale", "nope.yaml.peb", "shown"));
    assertEquals("shown", file.problems().get(0).file());
    assertThrows(InputException.class, () -> jar.checkFolder("nope", "nope"));
    assertEquals(List.of(), jar.list("nope"));
  }
}
