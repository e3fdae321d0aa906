package io.fraudops.data.validate;

import io.fraudops.core.transaction.Transaction;
import io.fraudops.core.transaction.TransactionSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks transactions against the data-quality rules of PRODUCT.md: ranges, categorical sets, id
 * formats, id uniqueness, required text, label values, the agreements between derived and raw
 * fields (weekend/day, hour and day/timestamp, amount_log/amount, 1 h/24 h velocity) and the
 * dataset fraud rate (0.1%–5%). Type errors never get here: the readers reject them with a {@code
 * DataFormatException}.
 *
 * <p>One pass over the rows, every row rule per row, so a million rows take well under a second or
 * two; ids are checked for uniqueness with a hash set.
 */
public final class TransactionValidator {

  public static final String TRANSACTION_ID_UNIQUE = "transaction_id_unique";
  public static final String FRAUD_RATE_RANGE = "fraud_rate_range";

  public ValidationReport validate(List<Transaction> rows) {
    RowRule[] rowRules = RowRule.values();
    Tally[] tallies = new Tally[rowRules.length];
    for (int r = 0; r < rowRules.length; r++) {
      tallies[r] = new Tally();
    }
    Tally duplicates = new Tally();
    Set<String> ids = new HashSet<>(Math.max(16, rows.size() * 4 / 3 + 1));
    long fraudRows = 0;
    long row = 0;
    for (Transaction t : rows) {
      row++;
      for (int r = 0; r < rowRules.length; r++) {
        if (rowRules[r].breaks(t)) {
          tallies[r].add(row);
        }
      }
      if (t.transactionId() != null && !ids.add(t.transactionId())) {
        duplicates.add(row);
      }
      if (t.isFraud() == 1) {
        fraudRows++;
      }
    }

    List<RuleResult> results = new ArrayList<>(rowRules.length + 2);
    for (int r = 0; r < rowRules.length; r++) {
      results.add(tallies[r].result(rowRules[r].key(), rowRules[r].description()));
      if (rowRules[r] == RowRule.TRANSACTION_ID_FORMAT) {
        results.add(
            duplicates.result(
                TRANSACTION_ID_UNIQUE,
                "no transaction_id appears twice (rows repeating an earlier id are listed)"));
      }
    }
    results.add(fraudRate(rows.size(), fraudRows));
    return new ValidationReport(rows.size(), fraudRows, results);
  }

  private static RuleResult fraudRate(long rowCount, long fraudRows) {
    String description =
        String.format(
            Locale.ROOT,
            "share of is_fraud = 1 is between %.1f%% and %.0f%%",
            100 * TransactionSchema.MIN_FRAUD_RATE,
            100 * TransactionSchema.MAX_FRAUD_RATE);
    if (rowCount == 0) {
      return new RuleResult(FRAUD_RATE_RANGE, description, true, 1, List.of(), "no rows");
    }
    double rate = (double) fraudRows / rowCount;
    boolean ok =
        rate >= TransactionSchema.MIN_FRAUD_RATE && rate <= TransactionSchema.MAX_FRAUD_RATE;
    String observed =
        String.format(
            Locale.ROOT, "fraud rate %.2f%%, %,d of %,d rows", 100 * rate, fraudRows, rowCount);
    return new RuleResult(FRAUD_RATE_RANGE, description, true, ok ? 0 : 1, List.of(), observed);
  }

  /** Count of breaking rows and the first of them. */
  private static final class Tally {
    private long count;
    private final List<Long> first = new ArrayList<>(ValidationReport.MAX_ROWS_LISTED);

    void add(long row) {
      count++;
      if (first.size() < ValidationReport.MAX_ROWS_LISTED) {
        first.add(row);
      }
    }

    RuleResult result(String name, String description) {
      return new RuleResult(name, description, false, count, first, "");
    }
  }
}
