package dev.kubegenerate.check;

import dev.kubegenerate.model.InputException;
import dev.kubegenerate.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Runs one step for every config on every core. Configs own disjoint folders, so the steps are
 * independent; results come back in config order, and every config's problems are kept.
 */
final class EachConfig {

  /** One config's step. */
  @FunctionalInterface
  interface Step<T> {
    T apply(int index) throws InputException;
  }

  /** The results of the configs whose step succeeded, in order, and every problem of the others. */
  record Outcomes<T>(List<T> results, List<Problem> problems) {}

  private EachConfig() {}

  static <T> Outcomes<T> run(int count, Step<T> step, Runnable afterEach) {
    List<Object> outcomes =
        IntStream.range(0, count)
            .parallel()
            .mapToObj(
                i -> {
                  Object outcome;
                  try {
                    outcome = step.apply(i);
                  } catch (InputException e) {
                    outcome = e;
                  }
                  afterEach.run();
                  return outcome;
                })
            .toList();
    List<T> results = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (Object outcome : outcomes) {
      if (outcome instanceof InputException e) {
        problems.addAll(e.problems());
      } else {
        @SuppressWarnings("unchecked")
        T result = (T) outcome;
        results.add(result);
      }
    }
    return new Outcomes<>(results, problems);
  }
}
