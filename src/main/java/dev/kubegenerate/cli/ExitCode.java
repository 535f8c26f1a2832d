package dev.kubegenerate.cli;

import dev.kubegenerate.model.Result;

/**
 * The exit codes of every command, in one place.
 *
 * <table>
 *   <caption>Exit codes</caption>
 *   <tr><th>code</th><th>meaning</th></tr>
 *   <tr><td>0</td><td>clean: nothing to change, no finding that fails</td></tr>
 *   <tr><td>1</td><td>findings: a diff to apply, or a finding in {@code --fail-on}</td></tr>
 *   <tr><td>2</td><td>the input could not be checked: bad config, template error, usage error, I/O error</td></tr>
 * </table>
 */
public final class ExitCode {

  public static final int CLEAN = 0;
  public static final int FINDINGS = 1;
  public static final int ERROR = 2;

  private ExitCode() {}

  /** The exit code of a run with this verdict. */
  public static int of(Result result) {
    return switch (result) {
      case CLEAN -> CLEAN;
      case FINDINGS -> FINDINGS;
      case ERROR -> ERROR;
    };
  }
}
