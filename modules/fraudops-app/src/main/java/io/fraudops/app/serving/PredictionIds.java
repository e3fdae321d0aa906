package io.fraudops.app.serving;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ids for predictions whose request carried no {@code transaction_id}: a random per-process prefix
 * plus a counter — unique across processes without a lock or a SecureRandom call per request.
 */
final class PredictionIds {
  private final String prefix;
  private final AtomicLong counter = new AtomicLong();

  PredictionIds() {
    byte[] random = new byte[6];
    new SecureRandom().nextBytes(random);
    this.prefix = "pred-" + HexFormat.of().formatHex(random) + "-";
  }

  String next() {
    return prefix + counter.incrementAndGet();
  }
}
