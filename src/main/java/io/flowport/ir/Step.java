package io.flowport.ir;

import io.flowport.diag.SourceLocation;
import java.time.Duration;
import java.util.List;

/** One node of a {@link StateGraph}; {@code name} is the source state name, unique in the graph. */
public sealed interface Step {

  String name();

  SourceLocation source();

  /** Names of the steps control can move to next. */
  List<String> successors();

  /**
   * Performs work (a Task state): a call, maybe a wait until the work is done, then {@code next}.
   *
   * @param onError the job that decides, for an error of the work, between retrying it, moving
   *     to a catch target and failing (the state's Retry and Catch); null when it has neither
   * @param catchTargets the states the Catchers go to, in order, without repeats
   */
  record Task(String name, SourceLocation source, Work work, Limits limits, String next, Call onError,
      List<String> catchTargets) implements Step {
    public Task {
      catchTargets = List.copyOf(catchTargets);
    }

    /** The fixed TimeoutSeconds, or null. */
    public Duration timeout() {
      return limits.timeout();
    }

    public List<String> successors() {
      return Step.successors(next, catchTargets);
    }
  }

  /**
   * Runs branches at the same time on the same input (a Parallel state); its result lists the
   * branches' outputs in branch order. {@code prepare} computes the branches' input, {@code
   * collect} turns their outputs into the state's output.
   */
  record Parallel(String name, SourceLocation source, Call prepare, List<StateGraph> branches, Call collect,
      String next, Call onError, List<String> catchTargets) implements Step {
    public Parallel {
      branches = List.copyOf(branches);
      catchTargets = List.copyOf(catchTargets);
    }

    public List<String> successors() {
      return Step.successors(next, catchTargets);
    }
  }

  /**
   * Runs {@code iterator} once per item (an inline Map state); its result lists the iterations'
   * outputs in item order. {@code prepare} lists the iterations' inputs, {@code collect} turns
   * their outputs into the state's output.
   *
   * @param maxConcurrency iterations at a time: 0 no limit, 1 one after another, more: batches of
   *     that many, {@link #DYNAMIC} batches sized at run time (MaxConcurrencyPath)
   */
  record Map(String name, SourceLocation source, Call prepare, StateGraph iterator, int maxConcurrency, Call collect,
      String next, Call onError, List<String> catchTargets) implements Step {
    public static final int DYNAMIC = -1;

    public Map {
      catchTargets = List.copyOf(catchTargets);
    }

    /** Whether iterations run in batches (a sequential loop over parallel groups). */
    public boolean batched() {
      return maxConcurrency > 1 || maxConcurrency == DYNAMIC;
    }

    public List<String> successors() {
      return Step.successors(next, catchTargets);
    }
  }

  /**
   * Routes by a decision a job computes (a Choice state): the job's result names one of {@code
   * targets}, in order of the source's rules.
   */
  record Choice(String name, SourceLocation source, Call decide, List<String> targets) implements Step {
    public Choice {
      targets = List.copyOf(targets);
    }

    public List<String> successors() {
      return targets;
    }
  }

  /**
   * Waits (a Wait state), after an optional data-flow job. {@code duration} is null when the wait
   * depends on the data (SecondsPath, Timestamp, TimestampPath): then {@code transform} computes it.
   */
  record Delay(String name, SourceLocation source, Duration duration, Call transform, String next)
      implements Step {
    public List<String> successors() {
      return next == null ? List.of() : List.of(next);
    }
  }

  /** Transforms the data and moves on (a Pass state); {@code transform} is null when nothing changes. */
  record Pass(String name, SourceLocation source, Call transform, String next) implements Step {
    public List<String> successors() {
      return next == null ? List.of() : List.of(next);
    }
  }

  /** Ends the workflow successfully (a Succeed state, or a state with End: true). */
  record Succeed(String name, SourceLocation source, Call transform) implements Step {
    public List<String> successors() {
      return List.of();
    }
  }

  /**
   * Ends the workflow with an error (a Fail state). Either value may be null, as in ASL. When the
   * error or cause comes from the data (ErrorPath, CausePath), {@code transform} computes both.
   */
  record Fail(String name, SourceLocation source, String error, String cause, Call transform) implements Step {
    public List<String> successors() {
      return List.of();
    }
  }

  /** Next, then the catch targets not already listed. */
  private static List<String> successors(String next, List<String> catchTargets) {
    java.util.List<String> out = new java.util.ArrayList<>();
    if (next != null) {
      out.add(next);
    }
    catchTargets.stream().filter(t -> !out.contains(t)).forEach(out::add);
    return out;
  }
}
