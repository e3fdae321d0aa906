package io.fraudops.data.validate;

import java.util.List;

/**
 * The outcome of one data-quality rule.
 *
 * @param name stable rule name, e.g. {@code amount_range}
 * @param description what the rule requires, one line
 * @param dataset true for a rule about the whole dataset (such as the fraud rate), which has no
 *     rows of its own: then {@code violations} is 1 when it is broken and {@code firstRows} is
 *     empty
 * @param violations number of rows that break the rule
 * @param firstRows the first (up to {@link ValidationReport#MAX_ROWS_LISTED}) breaking rows, as
 *     data-row numbers: row 1 is the first row after a CSV header, i.e. list index + 1
 * @param observed what was measured, for dataset rules (e.g. {@code fraud rate 12.50%}); else empty
 */
public record RuleResult(
    String name,
    String description,
    boolean dataset,
    long violations,
    List<Long> firstRows,
    String observed) {

  public RuleResult {
    firstRows = List.copyOf(firstRows);
  }

  public boolean passed() {
    return violations == 0;
  }
}
