package dev.kubegenerate.cli;

import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/** Finds the parent command's instance of a mixin, for options given before the subcommand. */
final class Mixins {

  private Mixins() {}

  static <T> Optional<T> ofParent(CommandSpec mixee, String name, Class<T> type) {
    CommandSpec parent = mixee == null ? null : mixee.parent();
    if (parent == null || !parent.mixins().containsKey(name)) {
      return Optional.empty();
    }
    Object mixin = parent.mixins().get(name).userObject();
    return type.isInstance(mixin) ? Optional.of(type.cast(mixin)) : Optional.empty();
  }
}
