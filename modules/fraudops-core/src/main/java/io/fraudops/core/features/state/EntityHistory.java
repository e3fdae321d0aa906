package io.fraudops.core.features.state;

import io.fraudops.core.transaction.RawTransaction;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The recent transactions of one entity (one card, one merchant, ...), in time order, with what
 * makes window queries cheap: prefix sums of every numeric field (a window's sum is two array reads
 * after two binary searches, exact in fixed point) and a Fenwick tree over fraud labels (a label
 * arriving days later updates it in O(log n)). Max and distinct count scan their window.
 *
 * <p>Events are kept from {@code head} on; {@link #expireUpTo} drops old ones and compacts the
 * arrays when half of them are dead, so memory follows the entity's activity within the state's
 * horizon, not the length of history. A transaction arriving out of order is inserted at its place
 * (cost linear in the events after it; rare by construction, see the engine's tolerance).
 *
 * <p>Not thread-safe: a store guards its histories.
 */
public final class EntityHistory {

  private static final int NUMERIC = RawTransaction.NUMERIC_FIELDS.size();

  private StateEvent[] events;
  private long[] times;

  /** {@code sums[f][i]} = sum of field f over events [0, i). */
  private long[][] sums;

  /** {@code counts[f][i]} = events in [0, i) that have field f. */
  private int[][] counts;

  private int[] fraudTree;
  private int head;
  private int size;
  private long latestKnownAt;

  public EntityHistory() {
    this(8);
  }

  private EntityHistory(int capacity) {
    events = new StateEvent[capacity];
    times = new long[capacity];
    sums = new long[NUMERIC][capacity + 1];
    counts = new int[NUMERIC][capacity + 1];
    fraudTree = new int[capacity + 1];
  }

  /** A history of the given events (any order; sorted here by time, stably). */
  public static EntityHistory of(Iterable<StateEvent> list) {
    EntityHistory h = new EntityHistory();
    for (StateEvent e : list) {
      h.add(e);
    }
    return h;
  }

  public int size() {
    return size - head;
  }

  public boolean isEmpty() {
    return size == head;
  }

  /** Time of the newest event; {@code Long.MIN_VALUE} when empty. */
  public long latest() {
    return isEmpty() ? Long.MIN_VALUE : times[size - 1];
  }

  /** Time of the oldest kept event; {@code Long.MAX_VALUE} when empty. */
  public long oldest() {
    return isEmpty() ? Long.MAX_VALUE : times[head];
  }

  /** The kept events, oldest first. */
  public Iterable<StateEvent> events() {
    return Arrays.asList(events).subList(head, size);
  }

  /** Adds an event at its place in time (after events with the same instant). */
  public void add(StateEvent e) {
    ensureCapacity(size + 1);
    int at = upper(e.epochMillis());
    if (at == size) {
      events[size] = e;
      times[size] = e.epochMillis();
      for (int f = 0; f < NUMERIC; f++) {
        sums[f][size + 1] = sums[f][size] + (e.present()[f] ? e.numeric()[f] : 0);
        counts[f][size + 1] = counts[f][size] + (e.present()[f] ? 1 : 0);
      }
      size++;
      appendFenwick(size, e.label() == StateEvent.FRAUD ? 1 : 0);
    } else {
      System.arraycopy(events, at, events, at + 1, size - at);
      System.arraycopy(times, at, times, at + 1, size - at);
      events[at] = e;
      times[at] = e.epochMillis();
      size++;
      rebuildFrom(at);
    }
    if (e.label() != StateEvent.UNLABELLED) {
      latestKnownAt = Math.max(latestKnownAt, e.knownAt());
    }
  }

  /**
   * Sets the label of a kept transaction.
   *
   * @return false when the transaction is not kept here (expired or never seen)
   */
  public boolean label(String transactionId, long epochMillis, byte label, long knownAt) {
    int i = find(transactionId, epochMillis);
    if (i < 0) {
      return false;
    }
    StateEvent old = events[i];
    int delta = (label == StateEvent.FRAUD ? 1 : 0) - (old.label() == StateEvent.FRAUD ? 1 : 0);
    events[i] = old.withLabel(label, knownAt);
    if (delta != 0) {
      for (int k = i + 1; k < fraudTree.length; k += k & -k) {
        fraudTree[k] += delta;
      }
    }
    latestKnownAt = Math.max(latestKnownAt, knownAt);
    return true;
  }

  private int find(String transactionId, long epochMillis) {
    for (int i = lower(epochMillis); i < size && times[i] == epochMillis; i++) {
      if (events[i].transactionId().equals(transactionId)) {
        return i;
      }
    }
    return -1;
  }

  /** Drops every event at or before {@code cutoff}. */
  public void expireUpTo(long cutoff) {
    head = Math.max(head, upper(cutoff));
    if (head > 32 && head * 2 > size) {
      compact();
    }
  }

  /** Index of the first kept event later than {@code t}. */
  public int upper(long t) {
    int lo = head;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (times[mid] <= t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private int lower(long t) {
    int lo = head;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (times[mid] < t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Sum of numeric field {@code f} (fixed point) over events [a, b). */
  public long sum(int f, int a, int b) {
    return sums[f][b] - sums[f][a];
  }

  /** Events in [a, b) that have numeric field {@code f}. */
  public int present(int f, int a, int b) {
    return counts[f][b] - counts[f][a];
  }

  /** Largest value of numeric field {@code f} over [a, b); {@code Long.MIN_VALUE} when none. */
  public long max(int f, int a, int b) {
    long max = Long.MIN_VALUE;
    for (int i = a; i < b; i++) {
      if (events[i].present()[f] && events[i].numeric()[f] > max) {
        max = events[i].numeric()[f];
      }
    }
    return max;
  }

  /** Distinct non-null values of categorical field {@code c} over [a, b) plus {@code extra}. */
  public int distinct(int c, int a, int b, String extra) {
    if (b - a <= 1) {
      String only = b > a ? events[a].categorical()[c] : null;
      if (only == null || extra == null) {
        return (only == null ? 0 : 1) + (extra == null ? 0 : 1);
      }
      return only.equals(extra) ? 1 : 2;
    }
    Set<String> seen = new HashSet<>();
    for (int i = a; i < b; i++) {
      String v = events[i].categorical()[c];
      if (v != null) {
        seen.add(v);
      }
    }
    if (extra != null) {
      seen.add(extra);
    }
    return seen.size();
  }

  /** Fraud labels over [a, b) known at or before {@code asOf}. */
  public int fraud(int a, int b, long asOf) {
    if (asOf >= latestKnownAt) {
      return fenwick(b) - fenwick(a); // every label here is known by then
    }
    int n = 0;
    for (int i = a; i < b; i++) {
      if (events[i].label() == StateEvent.FRAUD && events[i].knownAt() <= asOf) {
        n++;
      }
    }
    return n;
  }

  private int fenwick(int n) {
    int s = 0;
    for (int k = n; k > 0; k -= k & -k) {
      s += fraudTree[k];
    }
    return s;
  }

  /** Appends value v as element n (1-based) of the Fenwick tree in O(log n). */
  private void appendFenwick(int n, int v) {
    int low = n & -n;
    // tree[n] covers (n - low, n]: the prefix up to n-1 minus the prefix up to n-low, plus v.
    fraudTree[n] = v + fenwick(n - 1) - fenwick(n - low);
  }

  private void rebuildFrom(int from) {
    for (int i = from; i < size; i++) {
      StateEvent e = events[i];
      for (int f = 0; f < NUMERIC; f++) {
        sums[f][i + 1] = sums[f][i] + (e.present()[f] ? e.numeric()[f] : 0);
        counts[f][i + 1] = counts[f][i] + (e.present()[f] ? 1 : 0);
      }
    }
    Arrays.fill(fraudTree, 0);
    for (int i = 0; i < size; i++) {
      appendFenwick(i + 1, events[i] != null && events[i].label() == StateEvent.FRAUD ? 1 : 0);
    }
  }

  private void compact() {
    int live = size - head;
    System.arraycopy(events, head, events, 0, live);
    Arrays.fill(events, live, size, null);
    System.arraycopy(times, head, times, 0, live);
    size = live;
    head = 0;
    rebuildFrom(0);
  }

  private void ensureCapacity(int needed) {
    if (needed <= events.length) {
      return;
    }
    int capacity = Math.max(needed, events.length * 2);
    events = Arrays.copyOf(events, capacity);
    times = Arrays.copyOf(times, capacity);
    for (int f = 0; f < NUMERIC; f++) {
      sums[f] = Arrays.copyOf(sums[f], capacity + 1);
      counts[f] = Arrays.copyOf(counts[f], capacity + 1);
    }
    // Fenwick nodes depend only on their index range, so the tree grows by appending.
    int[] tree = Arrays.copyOf(fraudTree, capacity + 1);
    fraudTree = tree;
  }
}
