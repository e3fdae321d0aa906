package io.fraudops.data.validate;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@link TransactionValidator} found: every rule with the number of rows that break it and the
 * first of them, in the data-row numbering of the files (row 1 = first row after the header).
 */
public record ValidationReport(long rowCount, long fraudRows, List<RuleResult> rules) {

  /** How many breaking rows a rule lists. */
  public static final int MAX_ROWS_LISTED = 10;

  public ValidationReport {
    rules = List.copyOf(rules);
  }

  /** True when every rule passes. */
  public boolean valid() {
    return rules.stream().allMatch(RuleResult::passed);
  }

  public List<RuleResult> failures() {
    return rules.stream().filter(rule -> !rule.passed()).toList();
  }

  public Optional<RuleResult> rule(String name) {
    return rules.stream().filter(rule -> rule.name().equals(name)).findFirst();
  }

  /** Share of rows labelled fraud, NaN for an empty dataset. */
  public double fraudRate() {
    return rowCount == 0 ? Double.NaN : (double) fraudRows / rowCount;
  }

  /** A readable table, one line per rule, and a final verdict line. */
  public String render() {
    int nameWidth = Math.max(4, rules.stream().mapToInt(r -> r.name().length()).max().orElse(0));
    String line = "%-" + nameWidth + "s  %-6s %10s  %s%n";
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "Validation of %,d rows (fraud rate %s)%n",
            rowCount,
            rowCount == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f%%", 100 * fraudRate())));
    out.append(String.format(Locale.ROOT, line, "rule", "status", "rows", "requirement"));
    for (RuleResult rule : rules) {
      StringBuilder what = new StringBuilder(rule.description());
      if (!rule.observed().isEmpty()) {
        what.append(" (").append(rule.observed()).append(')');
      }
      if (!rule.firstRows().isEmpty()) {
        what.append("; first rows ")
            .append(
                rule.firstRows().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        if (rule.violations() > rule.firstRows().size()) {
          what.append(", ...");
        }
      }
      out.append(
          String.format(
              Locale.ROOT,
              line,
              rule.name(),
              rule.passed() ? "ok" : "FAIL",
              rule.dataset() ? "-" : String.format(Locale.ROOT, "%,d", rule.violations()),
              what));
    }
    List<RuleResult> failures = failures();
    if (failures.isEmpty()) {
      out.append(String.format(Locale.ROOT, "VALID: all %d rules pass%n", rules.size()));
    } else {
      out.append(
          String.format(
              Locale.ROOT,
              "INVALID: %d of %d rules broken (%s)%n",
              failures.size(),
              rules.size(),
              failures.stream().map(RuleResult::name).collect(Collectors.joining(", "))));
    }
    return out.toString();
  }
}
