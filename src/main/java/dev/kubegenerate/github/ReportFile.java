package dev.kubegenerate.github;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The JSON report's file for the {@code report} output, where later steps of the job can read it.
 */
final class ReportFile {

  private ReportFile() {}

  /**
   * Writes the JSON report to the runner's temp area and returns the path that later steps see. In
   * a container action RUNNER_TEMP names the host's folder, which the runner mounts at
   * /github/runner_temp; the file is written there and named by its host path.
   */
  static String write(ActionsEnvironment env, String json, Path containerRunnerTemp)
      throws IOException {
    Path dir;
    Path shown;
    Optional<Path> temp = env.runnerTemp();
    Optional<Path> workspace = env.workspace();
    if (temp.isPresent()
        && temp.get().startsWith(containerRunnerTemp)
        && workspace.isPresent()
        && Files.isDirectory(workspace.get())) {
      // newer runners set RUNNER_TEMP to the container's mount point, a path no later step on
      // the host can open; the workspace is mounted too, and a path relative to it works in both
      Path folder = workspace.get().resolve(GitHubPublisher.REPORT_FOLDER);
      if (Files.isSymbolicLink(folder)) {
        // the check refused the run already; never written through, whatever happened since
        throw new IOException(GitHubPublisher.REPORT_FOLDER + " is a symbolic link");
      }
      dir = Files.createDirectories(folder);
      shown = Path.of(GitHubPublisher.REPORT_FOLDER);
    } else if (temp.isPresent() && Files.isDirectory(temp.get())) {
      dir = temp.get();
      shown = dir;
    } else if (temp.isPresent() && Files.isDirectory(containerRunnerTemp)) {
      dir = containerRunnerTemp;
      shown = temp.get();
    } else {
      dir = Path.of(System.getProperty("java.io.tmpdir"));
      shown = dir;
    }
    return writeIn(dir, shown, "kube-generate-report-", ".json", json);
  }

  /**
   * Writes {@code content} to a new file in {@code dir}, readable by later steps, and returns its
   * path in {@code shown}, the folder as later steps see {@code dir}.
   */
  static String writeIn(Path dir, Path shown, String prefix, String suffix, String content)
      throws IOException {
    Path file = Files.createTempFile(dir, prefix, suffix);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      // a container action writes as root; later steps run as the runner's user and must read it
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
    return shown.resolve(file.getFileName()).toString();
  }
}
