import dev.kubegenerate.kubernetes.CustomResources;
import dev.kubegenerate.kubernetes.KubernetesApi;
import dev.kubegenerate.kubernetes.ManifestValidator;
import dev.kubegenerate.model.KubernetesVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Validation throughput: every manifest under a generated repository's apps, validated for one
 * Kubernetes version, on one thread and on every core, after one warm-up pass.
 *
 * <pre>
 *   java bench/GenerateRepo.java /tmp/repo 1000 && kube-generate -C /tmp/repo --all --update
 *   java -cp target/kube-generate.jar bench/ValidationThroughput.java /tmp/repo [1.36]
 * </pre>
 *
 * Prints objects, files, seconds, objects per second (and per CPU second on one thread): the figure to set beside kubeconform's
 * published one (50,714 resources in 38.7 s user + 1.2 s system: about 1,270 per CPU second, whole
 * process). JVM start-up is not included here; bench/validation measures the whole process.
 */
public class ValidationThroughput {
  public static void main(String[] args) throws Exception {
    Path repo = Path.of(args[0]);
    KubernetesVersion version = args.length > 1 ? KubernetesVersion.of(args[1]) : KubernetesApi.newest();
    List<String> texts;
    try (Stream<Path> files = Files.walk(repo)) {
      texts = files.filter(p -> p.toString().contains("/kubernetes/") && p.toString().endsWith(".yaml"))
          .map(ValidationThroughput::read).toList();
    }
    long objects = texts.stream().mapToLong(t -> t.lines().filter(l -> l.startsWith("apiVersion:")).count()).sum();
    ManifestValidator validator = new ManifestValidator(version, true, CustomResources.NONE);
    long violations = texts.stream().mapToLong(t -> validator.validate(t).size()).sum(); // warm-up
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    for (boolean parallel : List.of(false, true)) {
      long start = System.nanoTime();
      long cpuStart = threads.getCurrentThreadCpuTime();
      long found = (parallel ? texts.parallelStream() : texts.stream()).mapToLong(t -> validator.validate(t).size()).sum();
      double seconds = (System.nanoTime() - start) / 1e9;
      // on a shared machine wall time depends on the load; one thread's CPU time does not
      String cpu = parallel ? "" : String.format(", %.3f CPU s, %.0f objects per CPU second",
          (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9, objects / ((threads.getCurrentThreadCpuTime() - cpuStart) / 1e9));
      System.out.printf("%s: %d objects in %d files, %.3f s, %.0f objects/s%s, %d violations (warm-up found %d)%n",
          parallel ? "all " + Runtime.getRuntime().availableProcessors() + " cores" : "one thread",
          objects, texts.size(), seconds, objects / seconds, cpu, found, violations);
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
