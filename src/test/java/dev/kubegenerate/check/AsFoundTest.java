package dev.kubegenerate.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** Jobs started as a search finds things: each runs once, results come in the order found. */
class AsFoundTest {

  @Test
  void results_withoutAFreeWorker_theCallerRunsEveryJob() {
    // a pool that never gets to the jobs: the searching thread must run them all itself
    List<Runnable> neverRun = new ArrayList<>();
    AsFound<Integer> work = new AsFound<>(neverRun::add);
    for (int i = 0; i < 5; i++) {
      int n = i;
      work.submit(() -> n * n);
    }
    assertEquals(List.of(0, 1, 4, 9, 16), work.results());
    // the pool starting them late finds them done and runs nothing twice
    neverRun.forEach(Runnable::run);
    assertEquals(List.of(0, 1, 4, 9, 16), work.results());
  }

  @Test
  void results_sharedWithAPool_eachJobRunsOnceInFoundOrder() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      int jobs = 2000;
      AtomicIntegerArray runs = new AtomicIntegerArray(jobs);
      AsFound<Integer> work = new AsFound<>(pool);
      for (int i = 0; i < jobs; i++) {
        int n = i;
        work.submit(
            () -> {
              runs.incrementAndGet(n);
              return n;
            });
      }
      List<Integer> results = work.results();
      for (int i = 0; i < jobs; i++) {
        assertEquals(i, results.get(i));
        assertEquals(1, runs.get(i), "job " + i);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void results_aJobThatFails_throwsItsOwnException() {
    IllegalArgumentException failure = new IllegalArgumentException("bad config");
    AsFound<Integer> work = new AsFound<>(r -> {});
    work.submit(() -> 1);
    work.submit(
        () -> {
          throw failure;
        });
    assertSame(failure, assertThrows(IllegalArgumentException.class, work::results));
  }
}
