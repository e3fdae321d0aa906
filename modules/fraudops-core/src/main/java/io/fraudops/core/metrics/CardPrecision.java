package io.fraudops.core.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Card precision@k, the measure a fraud team with capacity for {@code k} card checks a day lives
 * by: each day, every card's risk is its highest score that day; the {@code k} riskiest cards are
 * checked, and the day's precision is the number of them that really had a fraud that day divided
 * by {@code k} (as in the reference definition of Le Borgne et al., "Reproducible machine learning
 * for credit card fraud detection"). The result is the mean over days.
 *
 * @param k cards checked per day
 * @param days the days, ascending (epoch days)
 * @param perDay each day's precision, aligned with {@code days}
 */
public record CardPrecision(int k, long[] days, double[] perDay) {

  public CardPrecision {
    days = days.clone();
    perDay = perDay.clone();
  }

  /**
   * @param scores one per transaction
   * @param labels 1 for fraud, 0 for genuine
   * @param cards the card (cardholder) of each transaction
   * @param days the day of each transaction, e.g. {@code LocalDate.toEpochDay()}
   */
  public static CardPrecision of(
      double[] scores, int[] labels, String[] cards, long[] days, int k) {
    Labels.checkSameLength(scores, labels);
    if (cards.length != labels.length || days.length != labels.length) {
      throw new IllegalArgumentException(
          labels.length + " labels but " + cards.length + " cards and " + days.length + " days");
    }
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, got " + k);
    }
    // (day, card) -> [max score, any fraud]
    Map<Long, Map<String, double[]>> byDay = new HashMap<>();
    for (int i = 0; i < labels.length; i++) {
      double s = scores[i];
      if (Double.isNaN(s)) {
        throw new IllegalArgumentException("score at row " + i + " is NaN");
      }
      boolean fraud = Labels.positive(labels, i);
      double[] card =
          byDay
              .computeIfAbsent(days[i], d -> new HashMap<>())
              .computeIfAbsent(cards[i], c -> new double[] {Double.NEGATIVE_INFINITY, 0});
      card[0] = Math.max(card[0], s);
      if (fraud) {
        card[1] = 1;
      }
    }
    long[] sortedDays = byDay.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
    double[] perDay = new double[sortedDays.length];
    for (int d = 0; d < sortedDays.length; d++) {
      List<Map.Entry<String, double[]>> cardsOfDay =
          new ArrayList<>(byDay.get(sortedDays[d]).entrySet());
      // Highest score first; equal scores in card order, so a label never breaks a tie.
      cardsOfDay.sort(
          Comparator.<Map.Entry<String, double[]>>comparingDouble(e -> -e.getValue()[0])
              .thenComparing(Map.Entry::getKey));
      int take = Math.min(k, cardsOfDay.size());
      int hits = 0;
      for (int i = 0; i < take; i++) {
        hits += (int) cardsOfDay.get(i).getValue()[1];
      }
      perDay[d] = (double) hits / k;
    }
    return new CardPrecision(k, sortedDays, perDay);
  }

  /** The mean of the daily precisions; {@code NaN} without any day. */
  public double mean() {
    return perDay.length == 0 ? Double.NaN : Arrays.stream(perDay).average().orElseThrow();
  }
}
