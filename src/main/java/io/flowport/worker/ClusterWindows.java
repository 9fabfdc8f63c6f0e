package io.flowport.worker;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Cuts the watched clusters, in creation order, into windows that one ListClusters call (a page of
 * 50) can list with CreatedAfter/CreatedBefore bounds, and picks the one to list next: the window
 * that holds the cluster whose last look is the oldest, so each is due {@code interval} after its
 * own last look.
 */
final class ClusterWindows {

  /** Watched clusters a window holds: a page is 50, the rest is room for unwatched ones in its time range. */
  static final int SIZE = 45;
  /** How far a bound lies from its window's clusters at most: EMR does not say whether the bounds are inclusive. */
  static final Duration MARGIN = Duration.ofSeconds(1);
  /** And at least: listings pass times in milliseconds, so a bound never falls on a member. */
  static final Duration MIN_MARGIN = Duration.ofMillis(1);

  /** A watched cluster: its creation time and when it was last looked at (by a listing or its poll). */
  record Cluster(String id, Instant created, Instant looked) {}

  /**
   * A window to list: its members, the bounds to list with (every member strictly between them, by
   * at least a millisecond), and when the oldest look among the clusters left out of it is.
   */
  record Window(List<Cluster> members, Instant after, Instant before, Instant nextOldest) {
    Set<String> ids() {
      return Set.copyOf(members.stream().map(Cluster::id).toList());
    }
  }

  /** How many windows the clusters need (one per {@link #SIZE}): the pace of a pass. */
  static int count(int clusters) {
    return (clusters + SIZE - 1) / SIZE;
  }

  /**
   * The window that holds the least recently looked-at cluster: windows of {@link #SIZE} clusters
   * from the first created on (more when clusters share a creation time: a bound cannot split them);
   * null when there are none. Clusters in {@code skip} (listed already) are not picked as the
   * oldest, but still bound their neighbours' windows.
   */
  static Window next(List<Cluster> clusters, Set<String> skip) {
    List<Cluster> sorted = new ArrayList<>(clusters);
    sorted.sort(Comparator.comparing(Cluster::created).thenComparing(Cluster::id));
    int oldest = -1;
    for (int i = 0; i < sorted.size(); i++) {
      if (!skip.contains(sorted.get(i).id()) && (oldest < 0 || sorted.get(i).looked().isBefore(sorted.get(oldest).looked()))) {
        oldest = i;
      }
    }
    if (oldest < 0) {
      return null;
    }
    // The windows are cut from the first cluster on, so each listing takes a whole one whatever
    // order the looks came in (a listing that starts at the oldest look and runs forward would take
    // one cluster a call when the looks run against creation order, as a live listing's wakes do).
    int from = 0;
    int to = cut(sorted, from);
    while (to <= oldest) {
      from = to;
      to = cut(sorted, from);
    }
    Instant first = sorted.get(from).created();
    Instant last = sorted.get(to - 1).created();
    Instant after = first.minus(margin(from > 0 ? sorted.get(from - 1).created() : null, first));
    Instant before = last.plus(margin(last, to < sorted.size() ? sorted.get(to).created() : null));
    Instant nextOldest = null;
    for (int i = 0; i < sorted.size(); i++) {
      if ((i < from || i >= to) && !skip.contains(sorted.get(i).id()) && (nextOldest == null || sorted.get(i).looked().isBefore(nextOldest))) {
        nextOldest = sorted.get(i).looked();
      }
    }
    return new Window(List.copyOf(sorted.subList(from, to)), after, before, nextOldest);
  }

  /** Where the window that begins at {@code from} ends: {@link #SIZE} clusters on, and past any that share the last's creation time. */
  private static int cut(List<Cluster> sorted, int from) {
    int to = from + 1;
    while (to < sorted.size() && (to - from < SIZE || sorted.get(to).created().equals(sorted.get(to - 1).created()))) {
      to++;
    }
    return to;
  }

  /**
   * Half the gap to the neighbouring cluster (so adjacent windows do not overlap), at most a
   * second and at least a millisecond: a bound then falls at worst on the neighbour, never on a member.
   */
  private static Duration margin(Instant earlier, Instant later) {
    if (earlier == null || later == null) {
      return MARGIN;
    }
    Duration half = Duration.ofMillis(Duration.between(earlier, later).toMillis() / 2);
    return half.compareTo(MARGIN) > 0 ? MARGIN : half.compareTo(MIN_MARGIN) < 0 ? MIN_MARGIN : half;
  }

  private ClusterWindows() {}
}
