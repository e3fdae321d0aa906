package io.fraudops.data.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A run of fraudulent transactions on one compromised card.
 *
 * @param id 0-based, in planning order
 * @param card index of the victim card holder
 * @param size number of fraudulent transactions
 * @param burst whether the transactions come minutes apart (else a day or two apart)
 */
record FraudEpisode(int id, int card, int size, boolean burst) {

  /**
   * Splits {@code fraudRows} fraudulent transactions into episodes on cards drawn uniformly (any
   * card can be compromised); the last episode is cut so that the total is met exactly.
   */
  static List<FraudEpisode> plan(long fraudRows, int cardholders, RandomGenerator random) {
    List<FraudEpisode> episodes = new ArrayList<>();
    long remaining = fraudRows;
    while (remaining > 0) {
      boolean burst = random.nextDouble() < FraudPatterns.P_BURST;
      int size =
          burst
              ? Math.min(
                  FraudPatterns.BURST_MAX_SIZE,
                  2 + Sampling.geometric(random, FraudPatterns.BURST_MEAN_SIZE - 2))
              : 1 + random.nextInt(FraudPatterns.SLOW_MAX_SIZE);
      size = (int) Math.min(size, remaining);
      episodes.add(new FraudEpisode(episodes.size(), random.nextInt(cardholders), size, burst));
      remaining -= size;
    }
    return episodes;
  }
}
