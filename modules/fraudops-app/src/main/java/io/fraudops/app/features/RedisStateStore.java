package io.fraudops.app.features;

import io.fraudops.core.features.state.EntityHistory;
import io.fraudops.core.features.state.StateConfig;
import io.fraudops.core.features.state.StateEvent;
import io.fraudops.core.features.state.StateStore;
import io.fraudops.core.transaction.RawTransaction;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Feature state in Redis, shared by several API instances. It keeps events, not aggregates: the
 * engine computes features from the events exactly as with the in-memory store, so both give
 * identical features for the same stream.
 *
 * <p>Layout under the prefix: {@code e:<field>:<value>} a sorted set of an entity's events (score =
 * epoch millis, member = {@link StateEvent#encode()}); {@code t:<transaction id>} a hash with the
 * transaction's instant, member, entity keys and outcome (idempotency and labels); {@code
 * watermark} the newest instant. Recording and labelling are Lua scripts, so each is atomic: a
 * retried transaction is recorded once even when two instances race, and a label replaces the
 * member in every entity set at once. Old events are trimmed by score on every write (retention
 * plus tolerance behind the watermark) and every key carries a TTL of the same length, so idle
 * entities expire by themselves.
 *
 * <p>Scripts touch entity keys they learn from the transaction hash: fine on one Redis (or a
 * primary with replicas), not on Redis Cluster.
 */
public final class RedisStateStore implements StateStore {

  private static final String RECORD =
      """
      if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
      local ts = tonumber(ARGV[2])
      local wm = redis.call('GET', KEYS[2])
      if (not wm) or ts > tonumber(wm) then
        redis.call('SET', KEYS[2], ARGV[2])
        wm = ts
      else
        wm = tonumber(wm)
      end
      local cutoff = wm - tonumber(ARGV[5])
      local keys = {}
      for i = 3, #KEYS do
        keys[#keys + 1] = KEYS[i]
        redis.call('ZADD', KEYS[i], ARGV[2], ARGV[1])
        redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', string.format('%d', cutoff))
        redis.call('PEXPIRE', KEYS[i], ARGV[4])
      end
      redis.call('HSET', KEYS[1], 'ts', ARGV[2], 'member', ARGV[1], 'outcome', ARGV[3],
        'keys', table.concat(keys, ' '))
      redis.call('PEXPIRE', KEYS[1], ARGV[4])
      return 1
      """;

  private static final String LABEL =
      """
      local rec = redis.call('HMGET', KEYS[1], 'member', 'keys', 'ts')
      if not rec[1] then return 0 end
      local base = string.match(rec[1], '^(.*)|[^|]*|[^|]*$')
      local member = base .. '|' .. ARGV[1] .. '|' .. ARGV[2]
      for key in string.gmatch(rec[2], '[^ ]+') do
        if redis.call('ZREM', key, rec[1]) == 1 then
          redis.call('ZADD', key, rec[3], member)
        end
      end
      redis.call('HSET', KEYS[1], 'member', member)
      return 1
      """;

  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private final RedisCommands<String, String> redis;
  private final String prefix;
  private final StateConfig config;
  private final int[] tracked;
  private final String recordSha;
  private final String labelSha;

  private RedisStateStore(RedisClient client, String prefix, StateConfig config) {
    this.client = client;
    this.connection = client.connect();
    this.redis = connection.sync();
    this.prefix = prefix.endsWith(":") ? prefix : prefix + ":";
    this.config = config;
    this.tracked = config.entityIndexes();
    this.recordSha = redis.scriptLoad(RECORD);
    this.labelSha = redis.scriptLoad(LABEL);
  }

  /**
   * Connects to {@code url} (e.g. {@code redis://127.0.0.1:6379}) and loads the scripts.
   *
   * @throws io.lettuce.core.RedisException when Redis cannot be reached
   */
  public static RedisStateStore connect(String url, String prefix, StateConfig config) {
    RedisClient client = RedisClient.create(url);
    try {
      return new RedisStateStore(client, prefix, config);
    } catch (RuntimeException e) {
      client.shutdown();
      throw e;
    }
  }

  private String entityKey(int field, String value) {
    // Values are URL-encoded so that no value can contain the separator of the keys list.
    return prefix
        + "e:"
        + RawTransaction.CATEGORICAL_FIELDS.get(field)
        + ":"
        + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private String transactionKey(String id) {
    return prefix + "t:" + URLEncoder.encode(id, StandardCharsets.UTF_8);
  }

  @Override
  public Optional<String> outcome(String transactionId) {
    return Optional.ofNullable(redis.hget(transactionKey(transactionId), "outcome"));
  }

  @Override
  public EntityHistory[] histories(RawTransaction tx, int[] fields, long[] horizonMillis) {
    EntityHistory[] out = new EntityHistory[RawTransaction.CATEGORICAL_FIELDS.size()];
    long t = tx.epochMillis();
    for (int f : fields) {
      String value = tx.categorical(f);
      if (value == null) {
        continue;
      }
      List<String> members =
          redis.zrangebyscore(
              entityKey(f, value),
              Range.from(
                  Range.Boundary.excluding((double) (t - horizonMillis[f])),
                  Range.Boundary.including((double) t)));
      List<StateEvent> events = new ArrayList<>(members.size());
      for (String m : members) {
        events.add(StateEvent.decode(m));
      }
      out[f] = EntityHistory.of(events);
    }
    return out;
  }

  @Override
  public boolean record(RawTransaction tx, StateEvent event, String outcome) {
    List<String> keys = new ArrayList<>();
    keys.add(transactionKey(tx.transactionId()));
    keys.add(prefix + "watermark");
    for (int f : tracked) {
      String value = tx.categorical(f);
      if (value != null) {
        keys.add(entityKey(f, value));
      }
    }
    long keep = config.retention().toMillis() + config.tolerance().toMillis();
    Long recorded =
        redis.evalsha(
            recordSha,
            ScriptOutputType.INTEGER,
            keys.toArray(String[]::new),
            event.encode(),
            Long.toString(event.epochMillis()),
            outcome,
            Long.toString(Math.max(keep, 1)),
            Long.toString(keep));
    return recorded != null && recorded == 1;
  }

  @Override
  public boolean label(String transactionId, byte label, long knownAtMillis) {
    Long applied =
        redis.evalsha(
            labelSha,
            ScriptOutputType.INTEGER,
            new String[] {transactionKey(transactionId)},
            Byte.toString(label),
            Long.toString(knownAtMillis));
    return applied != null && applied == 1;
  }

  @Override
  public long watermark() {
    String value = redis.get(prefix + "watermark");
    return value == null ? Long.MIN_VALUE : Long.parseLong(value);
  }

  /** Redis makes each write atomic itself; the read-compute-record step runs as is. */
  @Override
  public <T> T atomically(Supplier<T> step) {
    return step.get();
  }

  /**
   * Deletes every key under the prefix (tests, and resetting a state). Bounded by the key count.
   */
  public long deleteAll() {
    long deleted = 0;
    ScanCursor cursor = ScanCursor.INITIAL;
    do {
      var page = redis.scan(cursor, ScanArgs.Builder.matches(prefix + "*").limit(500));
      if (!page.getKeys().isEmpty()) {
        deleted += redis.unlink(page.getKeys().toArray(String[]::new));
      }
      cursor = page;
    } while (!cursor.isFinished());
    return deleted;
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown();
  }
}
