import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a synthetic monorepo of N apps, each with a {@code kube-generate.yaml} over three
 * clusters, for the benchmark (see bench/README.md).
 *
 * <p>Run with nothing but a JDK: {@code java bench/GenerateRepo.java OUT_DIR APPS [SEED]}. The
 * same seed gives the same repository, so runs on different days compare. Every app gets a
 * realistic mix: a namespace, a service account, a web server with an autoscaler, most get a
 * worker, a config map, a disruption budget and an ingress, some a gRPC service and cron jobs,
 * with per-cluster overrides. The mix averages about ten files per cluster, so 1,000 apps give
 * about 30,000 manifests, the scale the issue asks about.
 */
public final class GenerateRepo {

  private static final List<String> CLUSTERS = List.of("sandbox", "qa", "production");

  private GenerateRepo() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2 || args.length > 3) {
      System.err.println("usage: java bench/GenerateRepo.java OUT_DIR APPS [SEED]");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    int apps = Integer.parseInt(args[1]);
    long seed = args.length == 3 ? Long.parseLong(args[2]) : 42L;
    Files.createDirectories(out);
    for (int i = 1; i <= apps; i++) {
      String app = String.format("app-%04d", i);
      Path dir = out.resolve("apps").resolve(app);
      Files.createDirectories(dir);
      // one Random per app, seeded by its index, so app 7 is the same in a 10-app and a 1,000-app repo
      write(dir.resolve("kube-generate.yaml"), config(app, new Random(seed * 1_000_003L + i)));
    }
    System.out.println("wrote " + apps + " apps under " + out.resolve("apps"));
  }

  /** One app's kube-generate.yaml. */
  static String config(String app, Random r) {
    Yaml y = new Yaml();
    String team = "team-" + (char) ('a' + r.nextInt(12));
    String image = "ghcr.io/example/" + app;
    String tag = ":" + (1 + r.nextInt(9)) + "." + r.nextInt(30) + "." + r.nextInt(10);
    y.line(0, "app: " + app);
    y.line(0, "clusters: [" + String.join(", ", CLUSTERS) + "]");
    y.line(0, "values:");
    y.line(1, "labels: {team: " + team + "}");
    y.line(0, "generates:");

    y.line(1, "- namespace: {}");
    y.line(1, "- service-account: {}");

    // the web server every app has; most replace its own disruption budget with a stricter one
    boolean budget = r.nextInt(100) < 75;
    y.line(1, "- autoscale:");
    y.line(3, "name: web");
    if (budget) {
      y.line(3, "disruptionBudget: false");
    }
    y.line(3, "image: " + image + tag);
    y.line(3, "port: " + pick(r, 3000, 8080, 8000, 9292));
    y.line(3, "serviceAccount: " + app);
    resources(y, r, 3);
    y.line(3, "env:");
    y.line(4, "LOG_LEVEL: info");
    y.line(4, "DATABASE_POOL: \"" + (5 + r.nextInt(20)) + "\"");
    if (r.nextBoolean()) {
      y.line(4, "FEATURE_FLAGS: " + pick(r, "search,export", "beta", "none"));
    }
    y.line(3, "overrides:");
    y.line(4, "sandbox: {replicas: 1}");
    y.line(4, "production: {replicas: " + (3 + r.nextInt(8)) + "}");

    if (r.nextInt(100) < 85) {
      y.line(1, "- worker:");
      y.line(3, "name: " + pick(r, "sidekiq", "consumer", "jobs", "indexer"));
      y.line(3, "subdir: worker");
      y.line(3, "image: " + image + tag);
      y.line(3, "command: [bundle, exec, sidekiq]");
      y.line(3, "serviceAccount: " + app);
      resources(y, r, 3);
      y.line(3, "overrides:");
      y.line(4, "production: {replicas: " + (2 + r.nextInt(4)) + "}");
    }
    if (r.nextInt(100) < 30) {
      y.line(1, "- grpc:");
      y.line(3, "name: api");
      y.line(3, "image: " + image + "-api" + tag);
      y.line(3, "port: 50051");
      y.line(3, "serviceAccount: " + app);
      resources(y, r, 3);
    }
    if (r.nextInt(100) < 80) {
      y.line(1, "- config-map:");
      y.line(3, "name: settings");
      y.line(3, "data:");
      y.line(4, "TIMEZONE: UTC");
      y.line(4, "REGION: " + pick(r, "eu-west-1", "us-east-1", "ap-south-1"));
      y.line(4, "OWNER: " + team);
    }
    if (budget) {
      y.line(1, "- pod-disruption-budget:");
      y.line(3, "name: web");
      y.line(3, "minAvailable: 1");
      y.line(3, "clusters: [qa, production]");
    }
    if (r.nextInt(100) < 90) {
      y.line(1, "- ingress:");
      y.line(3, "name: web");
      y.line(3, "host: " + app + ".example.com");
      y.line(3, "service: web");
      y.line(3, "overrides:");
      for (String c : List.of("sandbox", "qa")) {
        y.line(4, c + ": {host: " + app + "." + c + ".example.com}");
      }
    }
    int cronjobs = r.nextInt(100) < 60 ? 1 + r.nextInt(2) : 0;
    for (int c = 0; c < cronjobs; c++) {
      y.line(1, "- cronjob:");
      y.line(3, "name: " + (c == 0 ? "daily-report" : "cleanup"));
      y.line(3, "image: " + image + tag);
      y.line(3, "schedule: \"" + r.nextInt(60) + " " + r.nextInt(24) + " * * *\"");
      y.line(3, "command: [bin/rails, runner, " + (c == 0 ? "Report.daily" : "Cleanup.run") + "]");
      if (c == 1) {
        y.line(3, "clusters: [production]");
      }
    }
    return y.toString();
  }

  private static void resources(Yaml y, Random r, int depth) {
    int cpu = pick(r, 50, 100, 250, 500);
    int mem = pick(r, 128, 256, 512, 1024);
    y.line(depth, "resources:");
    y.line(depth + 1, "requests: {cpu: " + cpu + "m, memory: " + mem + "Mi}");
    y.line(depth + 1, "limits: {memory: " + mem * 2 + "Mi}");
  }

  @SafeVarargs
  private static <T> T pick(Random r, T... choices) {
    return choices[r.nextInt(choices.length)];
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Indented lines, two spaces a level. */
  private static final class Yaml {
    private final List<String> lines = new ArrayList<>();

    void line(int depth, String text) {
      lines.add("  ".repeat(depth) + text);
    }

    @Override
    public String toString() {
      return String.join("\n", lines) + "\n";
    }
  }
}
