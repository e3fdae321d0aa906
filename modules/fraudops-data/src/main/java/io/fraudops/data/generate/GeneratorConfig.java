package io.fraudops.data.generate;

import io.fraudops.core.transaction.TransactionSchema;
import java.time.LocalDate;

/**
 * What the synthetic generator produces: {@code rows} transactions (exactly), of which {@code
 * round(rows × fraudRate)} are fraud, made by {@code cardholders} card holders over {@code days}
 * days from {@code startDate}. The same config always yields the same rows.
 *
 * @param rows number of transactions; at most 99,999,999 because transaction ids have 8 digits
 * @param fraudRate share of fraudulent rows, 0.001–0.05 (the data-quality bounds of PRODUCT.md)
 * @param cardholders number of card holders; at most 999,999 because cardholder ids have 6 digits
 * @param days length of the period in days, 1–3650
 * @param seed seed of every random draw
 * @param startDate first day of the period (local time of the card holders)
 */
public record GeneratorConfig(
    long rows, double fraudRate, int cardholders, int days, long seed, LocalDate startDate) {

  public static final long MAX_ROWS = 99_999_999L;
  public static final int MAX_CARDHOLDERS = 999_999;
  public static final int MAX_DAYS = 3650;

  public GeneratorConfig {
    if (rows < 1 || rows > MAX_ROWS) {
      throw new IllegalArgumentException(
          "rows must be between 1 and "
              + MAX_ROWS
              + " (transaction ids have 8 digits), got "
              + rows);
    }
    if (!(fraudRate >= TransactionSchema.MIN_FRAUD_RATE
        && fraudRate <= TransactionSchema.MAX_FRAUD_RATE)) {
      throw new IllegalArgumentException(
          "fraudRate must be between "
              + TransactionSchema.MIN_FRAUD_RATE
              + " and "
              + TransactionSchema.MAX_FRAUD_RATE
              + ", got "
              + fraudRate);
    }
    if (cardholders < 1 || cardholders > MAX_CARDHOLDERS) {
      throw new IllegalArgumentException(
          "cardholders must be between 1 and "
              + MAX_CARDHOLDERS
              + " (cardholder ids have 6 digits), got "
              + cardholders);
    }
    if (days < 1 || days > MAX_DAYS) {
      throw new IllegalArgumentException(
          "days must be between 1 and " + MAX_DAYS + ", got " + days);
    }
    if (startDate == null) {
      throw new IllegalArgumentException("startDate must be set");
    }
  }

  /**
   * 100,000 rows, 1% fraud, 10,000 card holders, 90 days from 2026-01-01, seed 42. The start date
   * is fixed (not "today") so that two runs of the defaults produce identical files.
   */
  public static GeneratorConfig defaults() {
    return new GeneratorConfig(100_000, 0.01, 10_000, 90, 42, LocalDate.of(2026, 1, 1));
  }

  /** Number of fraudulent rows the generator produces: the requested rate, rounded to a row. */
  public long fraudRows() {
    return Math.round(rows * fraudRate);
  }

  public GeneratorConfig withRows(long rows) {
    return new GeneratorConfig(rows, fraudRate, cardholders, days, seed, startDate);
  }

  public GeneratorConfig withFraudRate(double fraudRate) {
    return new GeneratorConfig(rows, fraudRate, cardholders, days, seed, startDate);
  }

  public GeneratorConfig withCardholders(int cardholders) {
    return new GeneratorConfig(rows, fraudRate, cardholders, days, seed, startDate);
  }

  public GeneratorConfig withDays(int days) {
    return new GeneratorConfig(rows, fraudRate, cardholders, days, seed, startDate);
  }

  public GeneratorConfig withSeed(long seed) {
    return new GeneratorConfig(rows, fraudRate, cardholders, days, seed, startDate);
  }

  public GeneratorConfig withStartDate(LocalDate startDate) {
    return new GeneratorConfig(rows, fraudRate, cardholders, days, seed, startDate);
  }
}
