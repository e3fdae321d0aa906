package io.fraudops.core.features.state;

import io.fraudops.core.transaction.RawTransaction;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The default state: per-entity histories in maps, one lock around each read-compute-record step (a
 * step is microseconds, so one lock is simpler and fast enough for one process). Memory is bounded
 * by the entities active within the retention: histories drop events past the retention as they
 * grow, and a sweep every {@value #SWEEP_EVERY} records drops idle entities and expired transaction
 * ids.
 *
 * <p>{@link #snapshot(Path)} writes everything to a file (gzip, written to a temporary file and
 * moved into place); {@link #restore} reads it back, so a restarted process continues with the same
 * features.
 */
public final class InMemoryStateStore implements StateStore {

  private static final int SWEEP_EVERY = 1 << 16;
  private static final int SNAPSHOT_FORMAT = 1;

  /**
   * A transaction seen: for idempotency (its outcome) and for labels (the histories holding it,
   * referenced directly so a label costs no map lookups; a history is only dropped once all its
   * events expired, and so had every transaction pointing at it).
   */
  private record Seen(String id, long epochMillis, EntityHistory[] histories, String outcome) {}

  private final StateConfig config;
  private final int[] tracked;
  private final List<Map<String, EntityHistory>> byField = new ArrayList<>();
  private final Map<String, Seen> seen = new HashMap<>();
  private final ArrayDeque<Seen> arrivals = new ArrayDeque<>();
  private final ReentrantLock lock = new ReentrantLock();
  private long watermark = Long.MIN_VALUE;
  private int sinceSweep;
  private RawTransaction lastRead;
  private EntityHistory[] lastHistories;

  public InMemoryStateStore(StateConfig config) {
    this.config = config;
    this.tracked = config.entityIndexes();
    for (int i = 0; i < RawTransaction.CATEGORICAL_FIELDS.size(); i++) {
      byField.add(new HashMap<>());
    }
  }

  public StateConfig config() {
    return config;
  }

  @Override
  public Optional<String> outcome(String transactionId) {
    lock.lock();
    try {
      return outcomeLocked(transactionId);
    } finally {
      lock.unlock();
    }
  }

  private Optional<String> outcomeLocked(String transactionId) {
    Seen s = seen.get(transactionId);
    return s == null ? Optional.empty() : Optional.of(s.outcome());
  }

  @Override
  public EntityHistory[] histories(RawTransaction tx, int[] fields, long[] horizonMillis) {
    lock.lock();
    try {
      return historiesLocked(tx, fields, horizonMillis);
    } finally {
      lock.unlock();
    }
  }

  private EntityHistory[] historiesLocked(RawTransaction tx, int[] fields, long[] horizonMillis) {
    EntityHistory[] out = new EntityHistory[RawTransaction.CATEGORICAL_FIELDS.size()];
    for (int f : fields) {
      String key = tx.categorical(f);
      if (key != null) {
        out[f] = byField.get(f).get(key); // live: read under the lock; windows bound the reads
      }
    }
    lastRead = tx;
    lastHistories = out;
    return out;
  }

  @Override
  public boolean record(RawTransaction tx, StateEvent event, String outcome) {
    lock.lock();
    try {
      return recordLocked(tx, event, outcome);
    } finally {
      lock.unlock();
    }
  }

  private boolean recordLocked(RawTransaction tx, StateEvent event, String outcome) {
    if (seen.containsKey(tx.transactionId())) {
      return false;
    }
    watermark = Math.max(watermark, event.epochMillis());
    long cutoff = config.expiryCutoff(watermark);
    EntityHistory[] histories = new EntityHistory[tracked.length];
    for (int k = 0; k < tracked.length; k++) {
      String key = tx.categorical(tracked[k]);
      if (key == null) {
        continue;
      }
      // The engine records right after reading: reuse the histories it looked up.
      EntityHistory h = lastRead == tx ? lastHistories[tracked[k]] : null;
      if (h == null) {
        h = byField.get(tracked[k]).computeIfAbsent(key, EntityHistory::new);
      }
      h.add(event);
      h.expireUpTo(cutoff);
      histories[k] = h;
    }
    lastRead = null;
    lastHistories = null;
    Seen s = new Seen(tx.transactionId(), event.epochMillis(), histories, outcome);
    seen.put(s.id(), s);
    arrivals.addLast(s);
    while (!arrivals.isEmpty() && arrivals.peekFirst().epochMillis() <= cutoff) {
      seen.remove(arrivals.removeFirst().id());
    }
    if (++sinceSweep >= SWEEP_EVERY) {
      sweep(cutoff);
    }
    return true;
  }

  /** Drops idle entities whose every event is past the retention. */
  private void sweep(long cutoff) {
    sinceSweep = 0;
    for (Map<String, EntityHistory> histories : byField) {
      Iterator<EntityHistory> it = histories.values().iterator();
      while (it.hasNext()) {
        EntityHistory h = it.next();
        h.expireUpTo(cutoff);
        if (h.isEmpty()) {
          it.remove();
        }
      }
    }
  }

  @Override
  public boolean label(String transactionId, byte label, long knownAtMillis) {
    lock.lock();
    try {
      return labelLocked(transactionId, label, knownAtMillis);
    } finally {
      lock.unlock();
    }
  }

  private boolean labelLocked(String transactionId, byte label, long knownAtMillis) {
    Seen s = seen.get(transactionId);
    if (s == null) {
      return false;
    }
    for (EntityHistory h : s.histories()) {
      if (h != null) {
        h.label(transactionId, s.epochMillis(), label, knownAtMillis);
      }
    }
    return true;
  }

  @Override
  public long watermark() {
    lock.lock();
    try {
      return watermarkLocked();
    } finally {
      lock.unlock();
    }
  }

  private long watermarkLocked() {
    return watermark;
  }

  @Override
  public <T> T atomically(Supplier<T> step) {
    lock.lock();
    try {
      return step.get();
    } finally {
      lock.unlock();
    }
  }

  // Every method takes the (reentrant) lock: the engine calls them inside atomically(), where
  // re-entering costs a counter increment, and the store stays safe if called on its own.

  /** Entities held per tracked field, for tests and metrics. */
  public int entities(String field) {
    return atomically(() -> byField.get(RawTransaction.CATEGORICAL_FIELDS.indexOf(field)).size());
  }

  /** Transaction ids held for idempotency and labels. */
  public int transactions() {
    return atomically(seen::size);
  }

  @Override
  public void close() {}

  /** Writes the whole state to {@code file} atomically (consistent: taken under the lock). */
  public void snapshot(Path file) {
    atomically(
        () -> {
          try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".state", ".tmp");
            try (DataOutputStream out =
                new DataOutputStream(
                    new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(tmp))))) {
              write(out);
            }
            Files.move(
                tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return null;
          } catch (IOException e) {
            throw new UncheckedIOException("cannot write state snapshot " + file, e);
          }
        });
  }

  private void write(DataOutputStream out) throws IOException {
    out.writeInt(SNAPSHOT_FORMAT);
    out.writeLong(watermark);
    for (int f = 0; f < byField.size(); f++) {
      Map<String, EntityHistory> histories = byField.get(f);
      out.writeInt(histories.size());
      for (Map.Entry<String, EntityHistory> e : histories.entrySet()) {
        out.writeUTF(e.getKey());
        out.writeInt(e.getValue().size());
        for (StateEvent event : e.getValue().events()) {
          out.writeUTF(event.encode());
        }
      }
    }
    out.writeInt(arrivals.size());
    for (Seen s : arrivals) {
      out.writeUTF(s.id());
      out.writeLong(s.epochMillis());
      for (EntityHistory h : s.histories()) {
        out.writeBoolean(h != null);
        if (h != null) {
          out.writeUTF(h.key());
        }
      }
      out.writeUTF(s.outcome());
    }
  }

  /**
   * A store holding what {@link #snapshot} wrote.
   *
   * @throws UncheckedIOException when the file cannot be read or is not a state snapshot
   */
  public static InMemoryStateStore restore(Path file, StateConfig config) {
    InMemoryStateStore store = new InMemoryStateStore(config);
    try (DataInputStream in =
        new DataInputStream(
            new BufferedInputStream(new GZIPInputStream(Files.newInputStream(file))))) {
      int format = in.readInt();
      if (format != SNAPSHOT_FORMAT) {
        throw new IOException("unknown state snapshot format " + format);
      }
      store.watermark = in.readLong();
      for (int f = 0; f < store.byField.size(); f++) {
        int entities = in.readInt();
        for (int e = 0; e < entities; e++) {
          String key = in.readUTF();
          int events = in.readInt();
          EntityHistory h = new EntityHistory(key);
          for (int i = 0; i < events; i++) {
            h.add(StateEvent.decode(in.readUTF()));
          }
          store.byField.get(f).put(key, h);
        }
      }
      int transactions = in.readInt();
      for (int i = 0; i < transactions; i++) {
        String id = in.readUTF();
        long at = in.readLong();
        EntityHistory[] histories = new EntityHistory[store.tracked.length];
        for (int k = 0; k < histories.length; k++) {
          histories[k] =
              in.readBoolean() ? store.byField.get(store.tracked[k]).get(in.readUTF()) : null;
        }
        Seen s = new Seen(id, at, histories, in.readUTF());
        store.seen.put(s.id(), s);
        store.arrivals.addLast(s);
      }
    } catch (IOException | RuntimeException e) {
      throw new UncheckedIOException(
          "cannot restore state snapshot " + file + ": " + e.getMessage(),
          e instanceof IOException io ? io : new IOException(e));
    }
    return store;
  }
}
