package dev.kubegenerate.cli;

import dev.kubegenerate.check.ClusterValidators;
import dev.kubegenerate.check.Generator;
import dev.kubegenerate.config.Config;
import dev.kubegenerate.config.ConfigLoader;
import dev.kubegenerate.kubernetes.CustomResources;
import dev.kubegenerate.kubernetes.KubernetesApi;
import dev.kubegenerate.render.SandboxedEngine;
import dev.kubegenerate.render.TemplateLibrary;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;

/**
 * Does, on a second core while the main thread parses the command line, the one-time work every
 * rendering run needs and no input can change. Measured on a one-app check, cold code is most of
 * the run: its render took about 190 ms the first time in a process and 40 ms the second (issue
 * 13). So this thread renders a small app of built-in templates in memory ({@code
 * kube-generate/preload/kube-generate.yaml} on the class path): the template library is indexed,
 * the common bodies compiled, the Kubernetes API data and the schemas of the common objects read,
 * and the classes of the engine, the YAML reader and writer and SHA-256 loaded and initialised,
 * before the run asks for them.
 *
 * <p>Nothing it does is observable: it reads nothing from the repository and writes nothing; the
 * run reads the same data through the same process-wide holders, which are filled once whichever
 * thread comes first, and meets and reports any failure itself. The thread is a daemon: it never
 * delays the process's exit.
 */
public final class Preload {

  private static final String SAMPLE = "kube-generate/preload/kube-generate.yaml";

  private Preload() {}

  /** Starts the preload unless {@code args} only ask for text that needs none of it. */
  public static void startFor(String... args) {
    for (String arg : args) {
      if (List.of("--version", "-V", "--help", "-h", "help").contains(arg)) {
        return;
      }
    }
    Thread thread = new Thread(Preload::run, "kube-generate-preload");
    thread.setDaemon(true);
    // below the main thread's priority: on one core the run comes first
    thread.setPriority(Thread.NORM_PRIORITY - 1);
    thread.start();
  }

  /**
   * The first time an annotation of a type is read, the JVM writes and loads a proxy class for that
   * type, about 10 ms each before any code is compiled; picocli reads five types on the main
   * thread. The commands' fields are read here meanwhile, in the reverse of picocli's order (which
   * starts with {@code @Command} and the root's mixins), so each type is spun once, by whichever
   * thread asks first, and mostly by this one.
   */
  private static final List<Class<?>> ANNOTATED =
      List.of(
          InitCommand.class,
          TemplatesCommand.class,
          CheckCommand.class,
          TemplateOption.class,
          ConfigOptions.class);

  private static void run() {
    try {
      for (Class<?> type : ANNOTATED) {
        for (java.lang.reflect.Field field : type.getDeclaredFields()) {
          field.getAnnotations();
        }
      }
      MessageDigest.getInstance("SHA-256").digest(new byte[1]);
      renderSample();
    } catch (Exception | LinkageError e) {
      // the run meets the same failure and reports it with its context
    }
  }

  /**
   * Renders the bundled sample app in memory, for the newest Kubernetes release.
   *
   * @return the number of files rendered
   */
  static int renderSample() throws Exception {
    String text;
    try (InputStream in = Preload.class.getClassLoader().getResourceAsStream(SAMPLE)) {
      if (in == null) {
        return 0;
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    // a folder that is never read: the sample names no template or schema folder
    Path root = Path.of("kube-generate-preload").toAbsolutePath();
    Config config =
        new ConfigLoader(root, KubernetesApi.supported())
            .load(root.resolve("kube-generate.yaml"), text)
            .config();
    return new Generator(new SandboxedEngine())
        .render(
            config, TemplateLibrary.builtIn(), new ClusterValidators(config, CustomResources.NONE))
        .size();
  }
}
