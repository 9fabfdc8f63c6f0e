package io.flowport.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** The wake publications' limit: at most N at once, the rest queued, and the caller never blocks. */
class InFlightTest {

  @Test
  void atMostMaxAreSentAndTheRestGoAsEarlierOnesAnswer() {
    InFlight limit = new InFlight(2);
    List<CompletableFuture<String>> sent = new ArrayList<>();
    List<CompletionStage<String>> stages = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      // Returns at once although only two may be in flight.
      stages.add(limit.submit(() -> {
        CompletableFuture<String> f = new CompletableFuture<>();
        sent.add(f);
        return f;
      }));
    }
    assertThat(sent).hasSize(2);
    assertThat(limit.running()).isEqualTo(2);
    sent.get(0).complete("a");
    assertThat(stages.get(0).toCompletableFuture()).isCompletedWithValue("a");
    assertThat(sent).hasSize(3);
    sent.get(1).completeExceptionally(new IllegalStateException("gateway unavailable"));
    assertThat(stages.get(1).toCompletableFuture()).isCompletedExceptionally();
    assertThat(sent).hasSize(4);
    sent.get(2).complete("c");
    sent.get(3).complete("d");
    sent.get(4).complete("e");
    assertThat(stages.get(4).toCompletableFuture()).isCompletedWithValue("e");
    assertThat(limit.running()).isZero();
  }

  @Test
  void requestsThatAnswerAtOnceOrThrowFreeTheirSlotWithoutRecursing() {
    InFlight limit = new InFlight(1);
    CompletableFuture<Object> first = new CompletableFuture<>();
    limit.submit(() -> first);
    List<CompletionStage<Object>> stages = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      int n = i;
      stages.add(limit.submit(() -> {
        if (n % 2 == 0) {
          throw new IllegalStateException("client closed");
        }
        return CompletableFuture.completedFuture(n);
      }));
    }
    first.complete("x"); // 100,000 queued requests now run, each answering at once
    assertThat(stages).allSatisfy(s -> assertThat(s.toCompletableFuture()).isDone());
    assertThat(stages.get(1).toCompletableFuture()).isCompletedWithValue(1);
    assertThat(stages.get(0).toCompletableFuture()).isCompletedExceptionally();
    assertThat(limit.running()).isZero();
  }
}
