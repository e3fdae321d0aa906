package io.fraudops.core.features.state;

import io.fraudops.core.transaction.RawTransaction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The recent transactions of one entity (one card, one merchant, ...), in time order, stored in
 * columns (primitive arrays, no object per event: the state of a million-transaction replay costs
 * the garbage collector nothing to keep) with what makes window queries cheap: prefix sums of every
 * numeric field (a window's sum is two array reads after two binary searches, exact in fixed point)
 * and the sorted positions of fraud labels (fraud is rare: a window's fraud count is two binary
 * searches over a short array, and a label arriving days later is one insertion). Max and distinct
 * count scan their window.
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
  private static final int CATEGORICAL = RawTransaction.CATEGORICAL_FIELDS.size();

  private final String key;
  private String[] ids;
  private long[] times;
  private byte[] labels;
  private long[] knownAts;

  /** {@code categories[c][i]}: categorical field c of event i. */
  private final String[][] categories = new String[CATEGORICAL][];

  /** {@code values[f][i]}: field f of event i, {@code Long.MIN_VALUE} when absent. */
  private final long[][] values = new long[NUMERIC][];

  /** {@code sums[f][i]} = sum of field f over events [0, i). */
  private final long[][] sums = new long[NUMERIC][];

  /** {@code counts[f][i]} = events in [0, i) that have field f. */
  private final int[][] counts = new int[NUMERIC][];

  /** Positions of the events labelled fraud, ascending; {@code fraudCount} of them are used. */
  private int[] fraudAt = new int[4];

  private int fraudCount;
  private int head;
  private int size;
  private long latestKnownAt;

  public EntityHistory() {
    this(null);
  }

  /**
   * @param key the entity's value (e.g. the card id), kept for snapshots
   */
  public EntityHistory(String key) {
    this.key = key;
    allocate(8);
  }

  /** A history of the given events (any order; sorted here by time, stably). */
  public static EntityHistory of(Iterable<StateEvent> list) {
    EntityHistory h = new EntityHistory();
    for (StateEvent e : list) {
      h.add(e);
    }
    return h;
  }

  public String key() {
    return key;
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

  /** The kept events, oldest first (rebuilt from the columns). */
  public List<StateEvent> events() {
    List<StateEvent> out = new ArrayList<>(size - head);
    for (int i = head; i < size; i++) {
      long[] numeric = new long[NUMERIC];
      boolean[] present = new boolean[NUMERIC];
      for (int f = 0; f < NUMERIC; f++) {
        present[f] = values[f][i] != Long.MIN_VALUE;
        numeric[f] = present[f] ? values[f][i] : 0;
      }
      String[] cats = new String[CATEGORICAL];
      for (int c = 0; c < CATEGORICAL; c++) {
        cats[c] = categories[c][i];
      }
      out.add(new StateEvent(ids[i], times[i], numeric, present, cats, labels[i], knownAts[i]));
    }
    return out;
  }

  /** Adds an event at its place in time (after events with the same instant). */
  public void add(StateEvent e) {
    if (size + 1 > times.length) {
      grow(size + 1);
    }
    int at = upper(e.epochMillis());
    if (at < size) {
      shiftRight(at);
    }
    ids[at] = e.transactionId();
    times[at] = e.epochMillis();
    labels[at] = e.label();
    knownAts[at] = e.knownAt();
    for (int c = 0; c < CATEGORICAL; c++) {
      categories[c][at] = e.categorical()[c];
    }
    for (int f = 0; f < NUMERIC; f++) {
      values[f][at] = e.present()[f] ? e.numeric()[f] : Long.MIN_VALUE;
    }
    size++;
    if (at == size - 1) {
      accumulate(at);
      if (labels[at] == StateEvent.FRAUD) {
        insertFraud(at);
      }
    } else {
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
    boolean was = labels[i] == StateEvent.FRAUD;
    boolean is = label == StateEvent.FRAUD;
    labels[i] = label;
    knownAts[i] = knownAt;
    if (is && !was) {
      insertFraud(i);
    } else if (was && !is) {
      int k = fraudsBefore(i);
      System.arraycopy(fraudAt, k + 1, fraudAt, k, fraudCount - k - 1);
      fraudCount--;
    }
    latestKnownAt = Math.max(latestKnownAt, knownAt);
    return true;
  }

  private int find(String transactionId, long epochMillis) {
    for (int i = lower(epochMillis); i < size && times[i] == epochMillis; i++) {
      if (ids[i].equals(transactionId)) {
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
    long[] v = values[f];
    for (int i = a; i < b; i++) {
      max = Math.max(max, v[i]);
    }
    return max;
  }

  /**
   * Distinct non-null values of categorical field {@code c} over [a, b) plus {@code extra}. A small
   * array while there are few distinct values (the usual case: a card's countries, a device's
   * cards), a hash set beyond.
   */
  public int distinct(int c, int a, int b, String extra) {
    String[] few = new String[16];
    int n = 0;
    if (extra != null) {
      few[n++] = extra;
    }
    String[] column = categories[c];
    for (int i = a; i < b; i++) {
      String v = column[i];
      if (v == null || contains(few, n, v)) {
        continue;
      }
      if (n == few.length) {
        Set<String> seen = new HashSet<>(Arrays.asList(few));
        for (int j = i; j < b; j++) {
          if (column[j] != null) {
            seen.add(column[j]);
          }
        }
        return seen.size();
      }
      few[n++] = v;
    }
    return n;
  }

  private static boolean contains(String[] few, int n, String v) {
    for (int k = 0; k < n; k++) {
      if (v == few[k] || v.equals(few[k])) {
        return true;
      }
    }
    return false;
  }

  /** Fraud labels over [a, b) known at or before {@code asOf}. */
  public int fraud(int a, int b, long asOf) {
    if (asOf >= latestKnownAt) {
      return fraudsBefore(b) - fraudsBefore(a); // every label here is known by then
    }
    int n = 0;
    for (int i = a; i < b; i++) {
      if (labels[i] == StateEvent.FRAUD && knownAts[i] <= asOf) {
        n++;
      }
    }
    return n;
  }

  /** How many fraud positions are below {@code index}. */
  private int fraudsBefore(int index) {
    int lo = 0;
    int hi = fraudCount;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (fraudAt[mid] < index) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private void insertFraud(int index) {
    if (fraudCount == fraudAt.length) {
      fraudAt = Arrays.copyOf(fraudAt, fraudCount * 2);
    }
    int k = fraudsBefore(index);
    System.arraycopy(fraudAt, k, fraudAt, k + 1, fraudCount - k);
    fraudAt[k] = index;
    fraudCount++;
  }

  private void accumulate(int i) {
    for (int f = 0; f < NUMERIC; f++) {
      long v = values[f][i];
      boolean has = v != Long.MIN_VALUE;
      sums[f][i + 1] = sums[f][i] + (has ? v : 0);
      counts[f][i + 1] = counts[f][i] + (has ? 1 : 0);
    }
  }

  private void rebuildFrom(int from) {
    for (int i = from; i < size; i++) {
      accumulate(i);
    }
    fraudCount = 0;
    for (int i = 0; i < size; i++) {
      if (labels[i] == StateEvent.FRAUD) {
        insertFraud(i);
      }
    }
  }

  private void shiftRight(int at) {
    int n = size - at;
    System.arraycopy(ids, at, ids, at + 1, n);
    System.arraycopy(times, at, times, at + 1, n);
    System.arraycopy(labels, at, labels, at + 1, n);
    System.arraycopy(knownAts, at, knownAts, at + 1, n);
    for (String[] column : categories) {
      System.arraycopy(column, at, column, at + 1, n);
    }
    for (long[] column : values) {
      System.arraycopy(column, at, column, at + 1, n);
    }
  }

  private void compact() {
    int live = size - head;
    System.arraycopy(ids, head, ids, 0, live);
    Arrays.fill(ids, live, size, null);
    System.arraycopy(times, head, times, 0, live);
    System.arraycopy(labels, head, labels, 0, live);
    System.arraycopy(knownAts, head, knownAts, 0, live);
    for (String[] column : categories) {
      System.arraycopy(column, head, column, 0, live);
      Arrays.fill(column, live, size, null);
    }
    for (long[] column : values) {
      System.arraycopy(column, head, column, 0, live);
    }
    size = live;
    head = 0;
    rebuildFrom(0);
  }

  private void allocate(int capacity) {
    ids = new String[capacity];
    times = new long[capacity];
    labels = new byte[capacity];
    knownAts = new long[capacity];
    for (int c = 0; c < CATEGORICAL; c++) {
      categories[c] = new String[capacity];
    }
    for (int f = 0; f < NUMERIC; f++) {
      values[f] = new long[capacity];
      sums[f] = new long[capacity + 1];
      counts[f] = new int[capacity + 1];
    }
  }

  private void grow(int needed) {
    int capacity = Math.max(needed, times.length * 2);
    ids = Arrays.copyOf(ids, capacity);
    times = Arrays.copyOf(times, capacity);
    labels = Arrays.copyOf(labels, capacity);
    knownAts = Arrays.copyOf(knownAts, capacity);
    for (int c = 0; c < CATEGORICAL; c++) {
      categories[c] = Arrays.copyOf(categories[c], capacity);
    }
    for (int f = 0; f < NUMERIC; f++) {
      values[f] = Arrays.copyOf(values[f], capacity);
      sums[f] = Arrays.copyOf(sums[f], capacity + 1);
      counts[f] = Arrays.copyOf(counts[f], capacity + 1);
    }
  }
}
