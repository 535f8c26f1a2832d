import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Says where a kube-generate run spends its time, from a JFR recording of it.
 *
 * <p>{@code java bench/ProfileSummary.java run.jfr [TOP]} prints two tables of CPU samples
 * ({@code jdk.ExecutionSample}): by area (the code the sample is in, counted once per sample
 * for every area on its stack, so a YAML parse called from the checker counts for both), the
 * project's own methods by inclusive time, and the top methods by self time. Areas are the project's packages and the libraries it uses.
 */
public final class ProfileSummary {

  /** Package prefixes, first match wins within a frame; the label says what the code does. */
  private static final List<String[]> AREAS = List.of(
      new String[] {"dev.kubegenerate.config.", "config loading"},
      new String[] {"dev.kubegenerate.render.", "rendering (kube-generate)"},
      new String[] {"dev.kubegenerate.check.", "check (kube-generate)"},
      new String[] {"dev.kubegenerate.diff.", "diff (kube-generate)"},
      new String[] {"dev.kubegenerate.report.", "report renderers"},
      new String[] {"dev.kubegenerate.cli.", "cli"},
      new String[] {"io.pebbletemplates.", "Pebble templates"},
      new String[] {"org.snakeyaml.", "snakeyaml-engine (parse/emit)"},
      new String[] {"com.github.difflib.", "java-diff-utils"},
      new String[] {"com.fasterxml.jackson.", "Jackson"},
      new String[] {"picocli.", "picocli"},
      new String[] {"sun.security.provider.SHA", "SHA-256"},
      new String[] {"java.util.regex.", "regex"},
      new String[] {"sun.nio.", "file I/O"},
      new String[] {"java.nio.file.", "file I/O"},
      new String[] {"java.lang.ClassLoader", "class loading"},
      new String[] {"jdk.internal.loader.", "class loading"},
      new String[] {"java.util.concurrent.ForkJoin", "fork/join scheduling"});

  private ProfileSummary() {}

  public static void main(String[] args) throws IOException {
    int top = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    Map<String, Integer> areas = new HashMap<>();
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> ours = new HashMap<>();
    int samples = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
      if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
        continue;
      }
      RecordedStackTrace st = e.getStackTrace();
      if (st == null || st.getFrames().isEmpty()) {
        continue;
      }
      samples++;
      List<RecordedFrame> frames = st.getFrames();
      self.merge(name(frames.get(0)), 1, Integer::sum);
      Set<String> seen = new HashSet<>();
      Set<String> seenOurs = new HashSet<>();
      for (RecordedFrame f : frames) {
        String n = name(f);
        if (n.startsWith("dev.kubegenerate.") && !n.startsWith("dev.kubegenerate.cli.") && seenOurs.add(n)) {
          ours.merge(n, 1, Integer::sum);
        }
        String area = area(f.getMethod().getType().getName() + "." + f.getMethod().getName());
        if (area != null && seen.add(area)) {
          areas.merge(area, 1, Integer::sum);
        }
      }
    }
    System.out.println(samples + " CPU samples (JFR samples each busy thread every 10-20 ms)");
    System.out.println();
    print("area (inclusive)", areas, samples, areas.size());
    System.out.println();
    print("kube-generate method (inclusive)", ours, samples, top);
    System.out.println();
    print("method (self)", self, samples, top);
  }

  private static void print(String title, Map<String, Integer> counts, int total, int limit) {
    System.out.printf("| %s | samples | share |%n|---|---:|---:|%n", title);
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(limit)
        .forEach(e -> System.out.printf("| %s | %d | %.0f%% |%n",
            e.getKey().replace("|", "\\|"), e.getValue(), 100.0 * e.getValue() / Math.max(total, 1)));
  }

  private static String name(RecordedFrame f) {
    return f.getMethod().getType().getName() + "." + f.getMethod().getName();
  }

  private static String area(String method) {
    for (String[] a : AREAS) {
      if (method.startsWith(a[0])) {
        return a[1];
      }
    }
    return null;
  }
}
