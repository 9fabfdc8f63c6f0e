package io.flowport.worker;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Picks the watched clusters, consecutive in creation order, that one ListClusters call (a page of
 * 50) lists next with CreatedAfter/CreatedBefore bounds: a window around the cluster whose last look
 * is the oldest, so each is due {@code interval} after its own last look.
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
   * The window to list next: {@link #SIZE} clusters in creation order (more when clusters share a
   * creation time: a bound cannot split them) that hold the least recently looked-at one, placed
   * to take in as many as possible of those looked at about when it was, so each
   * listing takes a whole window's worth of due clusters whatever order the looks came in and
   * however watches came and went. Null when there are none. Clusters in {@code skip} (listed
   * already) are not picked, but still bound their neighbours' windows.
   */
  static Window next(List<Cluster> clusters, Set<String> skip, Duration interval) {
    return next(clusters, skip, interval, new java.util.TreeSet<>());
  }

  /**
   * As {@link #next(List, Set, Duration)}, with the creation times of other clusters earlier
   * listings showed: a bound stops halfway to the nearest one, not a second out, so a window next
   * to many clusters nobody watches (ended ones, other callers') does not page through them.
   */
  static Window next(List<Cluster> clusters, Set<String> skip, Duration interval, java.util.NavigableSet<Instant> known) {
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
    // Looked at with the oldest: less than half a window's pace after it (a listing gives its
    // window's clusters one look time; the next window's come a pace later).
    Instant with = sorted.get(oldest).looked().plus(interval.dividedBy(2L * count(sorted.size())));
    int from = oldest;
    int most = -1;
    // From the oldest forward (the sweep), or further back when that takes in more looked at with it.
    for (int s = oldest; s >= Math.max(0, oldest - SIZE + 1); s--) {
      int n = 0;
      for (int i = s; i < Math.min(s + SIZE, sorted.size()); i++) {
        n += !skip.contains(sorted.get(i).id()) && sorted.get(i).looked().isBefore(with) ? 1 : 0;
      }
      if (n > most) {
        most = n;
        from = s;
      }
    }
    while (from > 0 && sorted.get(from - 1).created().equals(sorted.get(from).created())) {
      from--;
    }
    int to = Math.max(from + SIZE, oldest + 1);
    while (to < sorted.size() && sorted.get(to).created().equals(sorted.get(to - 1).created())) {
      to++;
    }
    to = Math.min(to, sorted.size());
    Instant first = sorted.get(from).created();
    Instant last = sorted.get(to - 1).created();
    Instant after = first.minus(margin(latest(from > 0 ? sorted.get(from - 1).created() : null, known.lower(first)), first));
    Instant before = last.plus(margin(last, earliest(to < sorted.size() ? sorted.get(to).created() : null, known.higher(last))));
    Instant nextOldest = null;
    for (int i = 0; i < sorted.size(); i++) {
      if ((i < from || i >= to) && !skip.contains(sorted.get(i).id()) && (nextOldest == null || sorted.get(i).looked().isBefore(nextOldest))) {
        nextOldest = sorted.get(i).looked();
      }
    }
    return new Window(List.copyOf(sorted.subList(from, to)), after, before, nextOldest);
  }

  private static Instant latest(Instant a, Instant b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }

  private static Instant earliest(Instant a, Instant b) {
    return a == null ? b : b == null || a.isBefore(b) ? a : b;
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
