package dev.kubegenerate.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code schemas:} folders are the pull request's input: nothing outside the repository is
 * read.
 */
class CustomResourcesTest {

  private static final String CRD =
      """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata: {name: widgets.example.com}
      spec:
        group: example.com
        names: {kind: Widget, plural: widgets}
        versions:
          - name: v1
            served: true
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec: {type: object, properties: {size: {type: integer}}}
          - name: v0
            served: false
            schema:
              openAPIV3Schema: {type: object}
      """;

  @TempDir Path temp;

  @Test
  void load_servedVersionsOfEveryDefinition() throws Exception {
    Path repo = Files.createDirectories(temp.resolve("repo"));
    Files.createDirectories(repo.resolve("crds/nested"));
    Files.writeString(
        repo.resolve("crds/nested/widget.yaml"), "apiVersion: v1\nkind: ConfigMap\n---\n" + CRD);
    CustomResources crds = CustomResources.load(repo, List.of(repo.resolve("crds")));
    assertEquals(1, crds.size(), "v0 is not served");
    assertEquals(true, crds.schema("example.com/v1", "Widget").isPresent());
  }

  @Test
  void load_folderLinkedOutOfTheRepository_isALocatedError() throws IOException {
    Path repo = Files.createDirectories(temp.resolve("repo"));
    Path outside = Files.createDirectories(temp.resolve("outside"));
    Files.writeString(outside.resolve("widget.yaml"), CRD);
    Files.createSymbolicLink(repo.resolve("crds"), outside);
    InputException e =
        assertThrows(
            InputException.class, () -> CustomResources.load(repo, List.of(repo.resolve("crds"))));
    assertEquals(
        List.of(
            Problem.of(
                "crds",
                "the schemas folder leads out of the repository through a symbolic link;"
                    + " kube-generate reads nothing outside it")),
        e.problems());
  }

  @Test
  void load_fileLinkInTheFolder_isNeverRead() throws Exception {
    Path repo = Files.createDirectories(temp.resolve("repo"));
    Path outside = Files.createDirectories(temp.resolve("outside"));
    Files.writeString(outside.resolve("widget.yaml"), CRD);
    Files.createDirectories(repo.resolve("crds"));
    Files.createSymbolicLink(repo.resolve("crds/widget.yaml"), outside.resolve("widget.yaml"));
    assertEquals(0, CustomResources.load(repo, List.of(repo.resolve("crds"))).size());
  }

  @Test
  void load_missingFolderOrBrokenYaml_locatedErrors() throws IOException {
    Path repo = Files.createDirectories(temp.resolve("repo"));
    Files.createDirectories(repo.resolve("crds"));
    Files.writeString(repo.resolve("crds/bad.yaml"), "a: [1\n");
    InputException e =
        assertThrows(
            InputException.class,
            () -> CustomResources.load(repo, List.of(repo.resolve("nope"), repo.resolve("crds"))));
    assertEquals(
        List.of(
            "crds/bad.yaml:2:1: malformed YAML: expected ',' or ']', but got <stream end>",
            "nope: no such schemas folder"),
        e.problems().stream().map(Problem::format).toList());
  }
}
