package io.flowport.worker;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * At most {@code max} asynchronous requests at once; the rest wait in a queue and are sent as
 * earlier ones answer. Submitting never blocks: the tracker's one thread goes on listing while a
 * burst of wakes is published.
 */
final class InFlight {

  private final int max;
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger draining = new AtomicInteger();
  private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();

  InFlight(int max) {
    this.max = max;
  }

  /** Sends the request now or once a slot frees; the stage completes as the request's does. */
  <T> CompletionStage<T> submit(Supplier<CompletionStage<T>> request) {
    CompletableFuture<T> done = new CompletableFuture<>();
    waiting.add(() -> {
      CompletionStage<T> sent;
      try {
        sent = request.get();
      } catch (RuntimeException e) {
        done.completeExceptionally(e);
        release();
        return;
      }
      sent.whenComplete((r, e) -> {
        release();
        if (e != null) {
          done.completeExceptionally(e);
        } else {
          done.complete(r);
        }
      });
    });
    drain();
    return done;
  }

  /** Requests sent and not yet answered. */
  int running() {
    return running.get();
  }

  private void release() {
    running.decrementAndGet();
    drain();
  }

  /**
   * Sends queued requests while there are slots. One caller drains at a time and the others only
   * tell it to go round again, so a request that answers at once does not recurse into the next.
   */
  private void drain() {
    if (draining.getAndIncrement() != 0) {
      return;
    }
    int missed = 1;
    do {
      while (running.get() < max) {
        Runnable next = waiting.poll();
        if (next == null) {
          break;
        }
        running.incrementAndGet();
        next.run();
      }
      missed = draining.addAndGet(-missed);
    } while (missed != 0);
  }
}
