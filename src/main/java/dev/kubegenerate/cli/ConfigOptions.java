package dev.kubegenerate.cli;

import dev.kubegenerate.config.Config;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code -f FILE} and {@code --all}: which configs a run reads, on this command or its parent. */
final class ConfigOptions {

  static final String NAME = "configs";

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "-f",
      paramLabel = "FILE",
      description = "The config file (default: kube-generate.yaml).")
  String configFile;

  @Option(
      names = "--all",
      description = "Handle every kube-generate.yaml below DIR in one run (monorepos).")
  boolean all;

  /** The config file's name, relative to the folder of the run. */
  String configFile() {
    if (configFile != null) {
      return configFile;
    }
    return Mixins.ofParent(mixee, NAME, ConfigOptions.class)
        .map(ConfigOptions::configFile)
        .orElse(Config.DEFAULT_FILE);
  }

  /** Whether every config below the folder is handled. */
  boolean all() {
    return all
        || Mixins.ofParent(mixee, NAME, ConfigOptions.class).map(ConfigOptions::all).orElse(false);
  }
}
