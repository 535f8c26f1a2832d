package dev.kubegenerate.check;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Random but valid worker entries, and the config text they make, for property tests. */
final class RandomWorkers {

  private RandomWorkers() {}

  /** A random but valid worker entry. */
  record Worker(String name, int replicas, Map<String, String> env, List<String> clusters) {}

  /** One to {@code most} workers with distinct names; env values include YAML look-alikes. */
  static Arbitrary<List<Worker>> lists(int most) {
    Arbitrary<String> names =
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8);
    Arbitrary<Map<String, String>> env =
        Arbitraries.maps(
                Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(6),
                Arbitraries.oneOf(
                    Arbitraries.strings().ofMaxLength(12).alpha(),
                    Arbitraries.of("yes", "0755", "on", "3000", "a: b", "#x")))
            .ofMaxSize(3);
    Arbitrary<List<String>> clusters =
        Arbitraries.of("sandbox", "qa", "production").set().ofMinSize(1).map(List::copyOf);
    return Combinators.combine(names, Arbitraries.integers().between(1, 9), env, clusters)
        .as(Worker::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(most)
        .uniqueElements(Worker::name);
  }

  /** The {@code generates:} entries of {@code workers}, one {@code - worker:} each. */
  static String entries(List<Worker> workers) {
    StringBuilder config = new StringBuilder();
    for (Worker w : workers) {
      config
          .append("  - worker:\n")
          .append("      name: ")
          .append(w.name())
          .append('\n')
          .append("      image: ghcr.io/example/shop:1.0\n")
          .append("      replicas: ")
          .append(w.replicas())
          .append('\n')
          .append("      clusters: [")
          .append(String.join(", ", w.clusters()))
          .append("]\n")
          .append("      env: {");
      w.env()
          .forEach(
              (k, v) ->
                  config
                      .append('"')
                      .append(k)
                      .append("\": \"")
                      .append(v.replace("\"", ""))
                      .append("\", "));
      config.append("}\n");
    }
    return config.toString();
  }
}
