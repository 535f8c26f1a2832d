package dev.kubegenerate.cli;

import dev.kubegenerate.kubernetes.KubernetesApi;
import dev.kubegenerate.render.CanonicalYaml;
import dev.kubegenerate.render.SandboxedEngine;
import dev.kubegenerate.render.TemplateLibrary;
import dev.kubegenerate.render.TemplateSpec;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

/**
 * Does, on a second core while the main thread parses the command line, the one-time work every
 * rendering run needs and no input can change: reading the built-in template library and the
 * bundled Kubernetes API data, and loading the classes of the template engine, the YAML parser and
 * SHA-256. A one-app check is mostly such start-up work (issue 13), and picocli's model, built
 * meanwhile, keeps the main thread busy for as long.
 *
 * <p>Nothing it does is observable: the run itself reads the same data through the same
 * process-wide holders, which the JVM initialises once whichever thread comes first, and meets and
 * reports any failure itself. The thread is a daemon: it never delays the process's exit.
 */
public final class Preload {

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
      // in the order a run needs them, so both threads take the JVM's class locks alike
      TemplateLibrary library = TemplateLibrary.builtIn();
      CanonicalYaml.format(
          new SandboxedEngine()
              .render(
                  new TemplateSpec.Body("preload", "a: {{ b | default(1) }}\n", "preload"),
                  Map.of("b", "c")));
      KubernetesApi.of(KubernetesApi.newest());
      MessageDigest.getInstance("SHA-256").digest(new byte[1]);
      // each built-in template is read once, by whichever thread asks first
      library.all();
    } catch (Exception | LinkageError e) {
      // the run meets the same failure and reports it with its context
    }
  }
}
