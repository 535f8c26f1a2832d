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

  /** A custom resource's enum may list thousands of values: a message names a few. */
  @Test
  void validate_valueOutsideAHugeEnum_aBoundedMessage() throws Exception {
    Path repo = Files.createDirectories(temp.resolve("repo"));
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      values
          .append(i == 0 ? "" : ", ")
          .append("zone-")
          .append(i)
          .append("-")
          .append("x".repeat(50));
    }
    Files.createDirectories(repo.resolve("crds"));
    Files.writeString(
        repo.resolve("crds/widget.yaml"),
        CRD.replace(
            "properties: {size: {type: integer}}",
            "properties: {size: {type: integer}, zone: {type: string, enum: [" + values + "]}}"));
    CustomResources crds = CustomResources.load(repo, List.of(repo.resolve("crds")));
    List<String> found =
        ManifestValidatorValuesTest.check(
            "1.36",
            "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {zone: mars}\n",
            crds);
    assertEquals(1, found.size(), found.toString());
    assertEquals(
        "invalid error 4 spec.zone: \"mars\" is not one of zone-0-"
            + "x".repeat(33)
            + "..., zone-1-"
            + "x".repeat(33)
            + "..., zone-2-"
            + "x".repeat(33)
            + "..., zone-3-"
            + "x".repeat(33)
            + "..., zone-4-"
            + "x".repeat(33)
            + "..., zone-5-"
            + "x".repeat(33)
            + "... ... (4994 more)",
        found.get(0));
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
