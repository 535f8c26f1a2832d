package dev.kubegenerate.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kubegenerate.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same repository renders the same bytes whatever the machine's default locale. */
class BoundsLocaleTest {

  private final Locale saved = Locale.getDefault();

  @TempDir Path repo;

  @AfterEach
  void restoreLocale() {
    Locale.setDefault(saved);
  }

  @Test
  void update_underATurkishDefaultLocale_writesWhatTheRootLocaleWrites() throws Exception {
    Path tpl = Files.createDirectories(repo.resolve("tpl/cased"));
    Files.writeString(
        tpl.resolve("template.yaml"), "description: Changes case.\nfiles: [config-map]\n");
    // `upper` of an i, `lower` of an I, and YAML's .INF read back: all differ under tr-TR's
    // dotted and dotless i when the default locale leaks in (a kind without a schema: a ConfigMap
    // has no spec, and an invalid render is refused)
    Files.writeString(
        tpl.resolve("config-map.yaml.peb"),
        """
        apiVersion: example.com/v1
        kind: Cased
        metadata:
          name: {{ "config" | lower }}
        data:
          upper: {{ "idle" | upper | json }}
          lower: {{ "INFO" | lower | json }}
          title: {{ "istanbul" | capitalize | json }}
        spec:
          limit: .INF
        """);
    Files.writeString(
        repo.resolve("kube-generate.yaml"),
        "clusters: [qa]\ntemplates: [tpl]\ngenerates:\n  - cased: {}\n");

    Locale.setDefault(Locale.ROOT);
    assertEquals(0, CliRunner.run(repo, "--update").exit());
    Path written = repo.resolve("kubernetes/qa/config-map.yaml");
    String expected = Files.readString(written);
    Files.delete(written);

    Locale.setDefault(Locale.forLanguageTag("tr-TR"));
    CliRunner.Result turkish = CliRunner.run(repo, "--update");

    assertEquals("", turkish.err());
    assertEquals(expected, Files.readString(written));
    assertEquals(
        true, expected.contains("upper: IDLE\n") && expected.contains("lower: info\n"), expected);
  }
}
