package dev.kubegenerate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The class-data archive the launcher ({@code bin/kube-generate}) started the run with, named by
 * the system property {@value #PROPERTY}. The JVM checks an archive against the jar and skips one
 * that does not match without a word; the launcher cannot tell, since a jar rebuilt into the same
 * place keeps its time stamp (the build is reproducible). So the run tells: an archive the JVM did
 * not map is deleted, and the launcher writes a new one after the next run.
 */
public final class ClassDataArchive {

  static final String PROPERTY = "kube-generate.archive";

  private ClassDataArchive() {}

  /** Deletes the launcher's archive when this JVM runs without class sharing; never fails. */
  public static void forgetIfUnused() {
    String archive = System.getProperty(PROPERTY);
    // "mixed mode, sharing" when the archive was mapped
    String vm = System.getProperty("java.vm.info", "");
    if (archive == null || archive.isEmpty() || vm.contains("sharing")) {
      return;
    }
    try {
      Files.deleteIfExists(Path.of(archive));
    } catch (IOException | RuntimeException e) {
      // another run deleted it, or the cache is read-only: the run's result stands either way
    }
  }
}
