package dev.kubegenerate.cli;

import java.security.MessageDigest;
import java.util.List;

/**
 * Does, on a second core while the main thread parses the command line, the one piece of start-up
 * work that measurably shortens a one-app check: the first time an annotation of a type is read,
 * the JVM writes and loads a proxy class for that type, about 10 ms each before any code is
 * compiled, and picocli reads five types on the main thread.
 *
 * <p>Rendering a sample app here as well, to warm the template engine, the YAML code and the
 * schemas, was measured and dropped: the main thread met the same code at the same time (and the
 * JIT's threads compete for the same two cores), so a one-app check was no faster and used more
 * CPU.
 *
 * <p>Nothing it does is observable; a failure here is met again, and reported, by the run. The
 * thread is a daemon: it never delays the process's exit.
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
    // a plain check is read without picocli: its annotations are read by no one
    boolean annotations = PlainCheck.read(args).isEmpty();
    Thread thread = new Thread(() -> run(annotations), "kube-generate-preload");
    thread.setDaemon(true);
    // below the main thread's priority: on one core the run comes first
    thread.setPriority(Thread.NORM_PRIORITY - 1);
    thread.start();
  }

  /**
   * The first time an annotation of a type is read, the JVM writes and loads a proxy class for that
   * type, about 10 ms each before any code is compiled; picocli reads five types on the main
   * thread. The fields of the commands a check builds (CommandModel builds only the command a run
   * names) are read here meanwhile, in the reverse of picocli's order (which starts with
   * {@code @Command} and the root's mixins), so each type is spun once, by whichever thread asks
   * first, and mostly by this one; a type no check reads ({@code @Parameters}) is left alone.
   */
  private static final List<Class<?>> ANNOTATED =
      List.of(CheckCommand.class, TemplateOption.class, ConfigOptions.class);

  private static void run(boolean annotations) {
    try {
      for (Class<?> type : annotations ? ANNOTATED : List.<Class<?>>of()) {
        for (java.lang.reflect.Field field : type.getDeclaredFields()) {
          field.getAnnotations();
        }
      }
      // the security providers' set-up, which the first checksum would otherwise wait for
      MessageDigest.getInstance("SHA-256").digest(new byte[1]);
    } catch (Exception | LinkageError e) {
      // the run meets the same failure and reports it with its context
    }
  }
}
