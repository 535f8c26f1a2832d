package dev.kubegenerate.github;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** The step's job summary file ({@code GITHUB_STEP_SUMMARY}), which every publisher appends to. */
final class JobSummary {

  private JobSummary() {}

  /**
   * Appends {@code markdown} and a line break when the runner gives a summary file; a failure is a
   * warning in {@code warnings}, never an end to the step's other outputs.
   */
  static void append(ActionsEnvironment env, String markdown, List<String> warnings) {
    env.stepSummary()
        .ifPresent(
            file -> {
              try {
                Files.writeString(
                    file,
                    markdown + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
              } catch (IOException | RuntimeException e) {
                warnings.add("could not append the job summary: " + e);
              }
            });
  }
}
