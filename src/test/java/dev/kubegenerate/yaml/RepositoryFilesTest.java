package dev.kubegenerate.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryFilesTest {

  @Test
  void read_insideAJar_worksWithoutLinkOptions(@TempDir Path dir) throws Exception {
    // the built-in templates are read from the jar when the tool runs from it
    URI jar = URI.create("jar:" + dir.resolve("templates.jar").toUri());
    try (FileSystem fs = FileSystems.newFileSystem(jar, Map.of("create", "true"))) {
      Files.createDirectories(fs.getPath("/kube-generate/templates/worker"));
      Files.writeString(
          fs.getPath("/kube-generate/templates/worker/template.yaml"), "description: x\n");
      Path root = fs.getPath("/kube-generate/templates");
      assertEquals(
          "description: x\n",
          RepositoryFiles.read(
              root, root.resolve("worker/template.yaml"), "built-in template worker"));
      assertEquals(
          root.resolve("worker").toRealPath(),
          RepositoryFiles.folder(root, root.resolve("worker"), "worker"));
    }
  }
}
