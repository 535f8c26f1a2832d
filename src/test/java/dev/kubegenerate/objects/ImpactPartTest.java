package dev.kubegenerate.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kubegenerate.model.FileResult;
import dev.kubegenerate.model.ManifestPath;
import dev.kubegenerate.model.ObjectImpact;
import dev.kubegenerate.model.Status;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Configs whose impacts are computed apart, each while its texts are in memory, join into exactly
 * what comparing all their files at once gives: the same objects, verdicts and order, also for an
 * object that moves from one config to another or that two configs write.
 */
class ImpactPartTest {

  private static String configMap(String name, String value) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: "
        + name
        + ", namespace: shop}\ndata: {v: \""
        + value
        + "\"}\n";
  }

  private static FileResult file(String path, String committed, String rendered) {
    return new FileResult(
        ManifestPath.of(path),
        Status.STALE,
        "kube-generate.yaml",
        Optional.empty(),
        Optional.of(path.split("/")[1]),
        Optional.ofNullable(committed),
        Optional.ofNullable(rendered),
        Optional.empty(),
        List.of(),
        new FileResult.Location(path, 1, 1),
        List.of(),
        List.of());
  }

  private static List<ObjectImpact> joined(List<List<FileResult>> parts, AtomicInteger reread) {
    return ImpactPart.join(
        parts.stream().map(ImpactPart::of).toList(),
        i -> {
          reread.incrementAndGet();
          return parts.get(i);
        });
  }

  private static List<ObjectImpact> together(List<List<FileResult>> parts) {
    return Impacts.of(parts.stream().flatMap(List::stream).toList());
  }

  @Test
  void configsSharingNoObject_joinInConfigOrder_withoutReadingAgain() {
    List<List<FileResult>> parts =
        List.of(
            List.of(
                file("a/prod/one.yaml", configMap("one", "1"), configMap("one", "2")),
                file("a/prod/gone.yaml", configMap("gone", "1"), null)),
            List.of(
                file("b/prod/new.yaml", null, configMap("new", "1")),
                file("b/prod/old.yaml", configMap("old", "1"), null)));
    AtomicInteger reread = new AtomicInteger();

    List<ObjectImpact> joined = joined(parts, reread);

    assertEquals(together(parts), joined);
    assertEquals(
        List.of("one updated", "new created", "gone deleted", "old deleted"),
        joined.stream().map(i -> i.name() + " " + i.change().id()).toList(),
        "created and updated objects first, then deleted ones, each in config order");
    assertEquals(0, reread.get());
  }

  @Test
  void anObjectMovedToAnotherConfig_isUpdated_asWhenComparedTogether() {
    List<List<FileResult>> parts =
        List.of(
            List.of(file("a/prod/web.yaml", configMap("web", "1"), null)),
            List.of(file("b/prod/web.yaml", null, configMap("web", "2"))));
    AtomicInteger reread = new AtomicInteger();

    List<ObjectImpact> joined = joined(parts, reread);

    assertEquals(together(parts), joined);
    assertEquals(1, joined.size(), joined.toString());
    assertEquals(ObjectImpact.Change.UPDATED, joined.get(0).change());
    assertEquals("b/prod/web.yaml", joined.get(0).file().value());
    assertEquals(2, reread.get(), "only the two configs that hold it are read again");
  }

  /**
   * Objects drawn from a few names, clusters and values, so that configs often share one (moved
   * from one config to another), each at most once before and once after the change.
   */
  @Property(tries = 300)
  void joined_equalsComparedTogether(@ForAll("changes") List<List<FileResult>> parts) {
    assertEquals(together(parts), joined(parts, new AtomicInteger()));
  }

  @Provide
  Arbitrary<List<List<FileResult>>> changes() {
    Arbitrary<String> object =
        Combinators.combine(
                Arbitraries.of("web", "api", "jobs", "db"), Arbitraries.of("1", "2", "3"))
            .as(ImpactPartTest::configMap);
    Arbitrary<String> text =
        object
            .list()
            .ofMinSize(0)
            .ofMaxSize(3)
            .map(objects -> objects.isEmpty() ? null : String.join("---\n", objects));
    Arbitrary<String[]> file =
        Combinators.combine(Arbitraries.of("prod", "qa"), text, text)
            .as((cluster, before, after) -> new String[] {cluster, before, after});
    return file.list()
        .ofMinSize(1)
        .ofMaxSize(3)
        .list()
        .ofMinSize(1)
        .ofMaxSize(4)
        .map(
            configs -> {
              List<List<FileResult>> parts = new ArrayList<>();
              Set<String> before = new HashSet<>();
              Set<String> after = new HashSet<>();
              for (int c = 0; c < configs.size(); c++) {
                List<FileResult> files = new ArrayList<>();
                for (int f = 0; f < configs.get(c).size(); f++) {
                  String[] spec = configs.get(c).get(f);
                  spec[1] = firstOnly(spec[0], spec[1], before);
                  spec[2] = firstOnly(spec[0], spec[2], after);
                  if (spec[1] == null && spec[2] == null) {
                    continue;
                  }
                  String path = "c" + c + "/" + spec[0] + "/f" + f + ".yaml";
                  files.add(file(path, spec[1], spec[2]));
                }
                parts.add(files);
              }
              return parts;
            });
  }

  /**
   * The objects of {@code text} not yet in {@code seen} for {@code cluster}: a tree holds an object
   * once, as the API server does (a config's output folders never overlap).
   */
  private static String firstOnly(String cluster, String text, Set<String> seen) {
    if (text == null) {
      return null;
    }
    List<String> kept = new ArrayList<>();
    for (String object : text.split("---\n")) {
      String name = object.substring(object.indexOf("name: ") + 6, object.indexOf(','));
      if (seen.add(cluster + "/" + name)) {
        kept.add(object);
      }
    }
    return kept.isEmpty() ? null : String.join("---\n", kept);
  }
}
