package io.fraudops.app.features;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code fraudops.features.*} settings of the feature state behind {@code POST
 * /v1/transactions/score} (environment: {@code FRAUDOPS_FEATURES_*}; see {@code .env.example}).
 *
 * @param store {@code memory} (one process; snapshotted to {@code snapshotFile}) or {@code redis}
 *     (several API instances share the state)
 * @param entities entity fields whose histories are kept (a model aggregating over another one is
 *     refused)
 * @param retention history kept behind the newest transaction (at least the longest window plus
 *     label delay of the served feature set)
 * @param tolerance how late a transaction may arrive and still be placed in time order
 * @param snapshotFile where the in-memory state is snapshotted and restored from
 * @param snapshotInterval how often the in-memory state is snapshotted (also on shutdown)
 * @param redisUrl Redis of the {@code redis} store, e.g. {@code redis://127.0.0.1:6379}
 * @param redisPrefix prefix of every key the Redis store writes
 */
@ConfigurationProperties("fraudops.features")
public record FeatureStateProperties(
    String store,
    List<String> entities,
    Duration retention,
    Duration tolerance,
    Path snapshotFile,
    Duration snapshotInterval,
    String redisUrl,
    String redisPrefix) {}
