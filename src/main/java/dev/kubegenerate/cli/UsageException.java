package dev.kubegenerate.cli;

/**
 * A command line that cannot run as given, found after parsing (such as {@code -C} naming no
 * folder); exit 2.
 */
final class UsageException extends RuntimeException {

  UsageException(String message) {
    super(message);
  }
}
