package dev.kubegenerate.check;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;

/**
 * Runs a job for each thing a search finds, on a pool, while the search goes on; once it ends, the
 * searching thread runs the jobs no worker has started yet, so every core works from the first find
 * to the last result (the search for a thousand configs no longer keeps all but one core idle).
 *
 * <p>Used by one thread: the one that searches, submits and collects.
 */
final class AsFound<T> {

  private final Executor pool;
  private final List<FutureTask<T>> jobs = new ArrayList<>();

  AsFound(Executor pool) {
    this.pool = pool;
  }

  /** Starts {@code job} on the pool as soon as a worker is free. */
  void submit(Callable<T> job) {
    FutureTask<T> task = new FutureTask<>(job);
    jobs.add(task);
    pool.execute(task);
  }

  /**
   * Every job's result, in submission order. This thread runs the jobs no worker has started, the
   * newest first, while the workers take the oldest; a job runs once, whoever starts it.
   */
  List<T> results() {
    for (int i = jobs.size() - 1; i >= 0; i--) {
      jobs.get(i).run();
    }
    List<T> results = new ArrayList<>(jobs.size());
    for (FutureTask<T> job : jobs) {
      results.add(result(job));
    }
    return results;
  }

  /** Stops the jobs not started yet: the search failed, and their results would be thrown away. */
  void cancel() {
    jobs.forEach(job -> job.cancel(false));
  }

  private static <T> T result(FutureTask<T> job) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return job.get();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } catch (ExecutionException e) {
      // the job's own failure, as a sequential run would have thrown it
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (CancellationException e) {
      throw new IllegalStateException("a job was cancelled before its result was collected", e);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
