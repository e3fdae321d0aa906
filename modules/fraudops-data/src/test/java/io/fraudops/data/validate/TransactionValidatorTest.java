package io.fraudops.data.validate;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.fraudops.core.transaction.Transaction;
import io.fraudops.core.transaction.TransactionSchema;
import io.fraudops.data.generate.GeneratorConfig;
import io.fraudops.data.generate.TransactionGenerator;
import io.fraudops.data.io.TransactionFiles;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionValidatorTest {

  @TempDir Path dir;

  private final TransactionValidator validator = new TransactionValidator();

  @Test
  void aGeneratedFileIsValid() throws Exception {
    Path file = dir.resolve("good.csv");
    TransactionFiles.write(file, generate(3_000));
    ValidationReport report = validator.validate(TransactionFiles.read(file));
    assertThat(report.valid()).as(report.render()).isTrue();
    assertThat(report.failures()).isEmpty();
    assertThat(report.rowCount()).isEqualTo(3_000);
    assertThat(report.render()).endsWith("VALID: all 23 rules pass\n");
  }

  @Test
  void everyRuleIsCaughtAtItsRows() throws Exception {
    List<Transaction> good = generate(200);
    Path file = dir.resolve("bad.csv");
    TransactionFiles.write(file, good);
    List<String> lines = Files.readAllLines(file);
    List<String> header = fields(lines.get(0));

    // Data row number -> edit; each edit breaks the rules listed for that row below.
    Map<Integer, UnaryOperator<List<String>>> edits = new LinkedHashMap<>();
    Map<String, List<Long>> expected = new TreeMap<>();
    Editor edit = new Editor(header, edits, expected);
    edit.row(3, "transaction_id_format").set("transaction_id", "TX123");
    edit.row(5, "transaction_id_unique").set("transaction_id", good.get(3).transactionId());
    edit.row(7, "cardholder_id_format").set("cardholder_id", "C12345");
    edit.row(9, "card_last4_format").set("card_last4", "12a4");
    edit.row(11, "device_fingerprint_format").set("device_fingerprint", "ABCDEF0123456789");
    edit.row(13, "ip_address_format").set("ip_address", "256.1.1.1");
    edit.row(15, "required_fields").set("merchant_name", "  ");
    edit.row(17, "merchant_category_known").set("merchant_category", "jewelry");
    edit.row(19, "merchant_country_known").set("merchant_country", "Atlantis");
    edit.row(21, "amount_range")
        .set("amount", "60000.00")
        .set("amount_log", Double.toString(Math.log1p(60_000)));
    edit.row(22, "amount_range").set("amount", "0.00").set("amount_log", "0.0");
    edit.row(23, "amount_log_consistent").set("amount_log", "1.0");
    edit.row(25, "hour_of_day_range", "hour_matches_timestamp").set("hour_of_day", "24");
    int hour27 = good.get(26).hourOfDay();
    edit.row(27, "hour_matches_timestamp").set("hour_of_day", Integer.toString((hour27 + 1) % 24));
    edit.row(29, "day_of_week_range", "day_matches_timestamp")
        .set("day_of_week", "7")
        .set("is_weekend", "1");
    int day31 = (good.get(30).dayOfWeek() + 1) % 7;
    edit.row(31, "day_matches_timestamp")
        .set("day_of_week", Integer.toString(day31))
        .set("is_weekend", TransactionSchema.isWeekendDay(day31) ? "1" : "0");
    edit.row(33, "weekend_matches_day").set("is_weekend", good.get(32).isWeekend() ? "0" : "1");
    edit.row(35, "transactions_last_24h_range").set("transactions_last_24h", "1001");
    edit.row(37, "transactions_last_1h_range")
        .set("transactions_last_24h", "150")
        .set("transactions_last_1h", "101");
    edit.row(39, "velocity_1h_within_24h")
        .set("transactions_last_24h", "3")
        .set("transactions_last_1h", "4");
    edit.row(41, "total_amount_last_24h_range").set("total_amount_last_24h", "-5.00");
    edit.row(43, "distance_from_home_range").set("distance_from_home", "20000.5");
    edit.row(45, "is_fraud_binary").set("is_fraud", "2");
    // Lift the fraud rate above 5% with rows that stay valid one by one.
    int flipped = 0;
    for (int row = 60; flipped < 6; row++) {
      if (!good.get(row - 1).fraud()) {
        edit.row(row).set("is_fraud", "1");
        flipped++;
      }
    }

    List<String> out = new ArrayList<>();
    out.add(lines.get(0));
    for (int row = 1; row < lines.size(); row++) {
      UnaryOperator<List<String>> change = edits.get(row);
      out.add(change == null ? lines.get(row) : line(change.apply(fields(lines.get(row)))));
    }
    Files.write(file, out);

    ValidationReport report = validator.validate(TransactionFiles.read(file));

    Map<String, List<Long>> found = new TreeMap<>();
    for (RuleResult rule : report.rules()) {
      if (!rule.dataset() && !rule.passed()) {
        found.put(rule.name(), rule.firstRows());
      }
      if (!rule.dataset()) {
        assertThat(rule.violations()).as(rule.name()).isEqualTo(rule.firstRows().size());
      }
    }
    assertThat(found).isEqualTo(expected);
    assertThat(report.rule("fraud_rate_range").orElseThrow().passed()).isFalse();
    long frauds = good.stream().filter(Transaction::fraud).count() - good.get(44).isFraud() + 6;
    assertThat(frauds / 200.0).isGreaterThan(TransactionSchema.MAX_FRAUD_RATE);
    assertThat(report.rule("fraud_rate_range").orElseThrow().observed())
        .isEqualTo(
            String.format(Locale.ROOT, "fraud rate %.2f%%, %d of 200 rows", frauds / 2.0, frauds));
    // Every rule of the validator was exercised by this file.
    assertThat(report.failures()).hasSize(report.rules().size());
    assertThat(report.valid()).isFalse();
    String rendered = report.render();
    assertThat(rendered).contains("hour_matches_timestamp", "first rows 25, 27", "FAIL");
    assertThat(rendered.lines().toList().getLast()).startsWith("INVALID: 23 of 23 rules broken");
  }

  @Test
  void listsAtMostTheFirstTenRowsButCountsThemAll() {
    List<Transaction> rows = new ArrayList<>(generate(500));
    for (int i = 0; i < 25; i++) {
      Transaction t = rows.get(i * 3);
      rows.set(i * 3, withCategory(t, "crypto"));
    }
    RuleResult rule = validator.validate(rows).rule("merchant_category_known").orElseThrow();
    assertThat(rule.violations()).isEqualTo(25);
    assertThat(rule.firstRows()).containsExactly(1L, 4L, 7L, 10L, 13L, 16L, 19L, 22L, 25L, 28L);
    assertThat(validator.validate(rows).render()).contains("25, 28, ...");
  }

  @Test
  void nullsFromAParquetFileBreakRulesInsteadOfCrashing() {
    Transaction t = generate(1).getFirst();
    Transaction holes =
        new Transaction(
            null,
            null,
            null,
            null,
            t.amount(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            t.isOnline(),
            t.hourOfDay(),
            t.dayOfWeek(),
            t.isWeekend(),
            0,
            0,
            0,
            t.amountLog(),
            1,
            0);
    ValidationReport report = validator.validate(List.of(holes));
    assertThat(report.failures().stream().map(RuleResult::name))
        .contains(
            "transaction_id_format",
            "cardholder_id_format",
            "required_fields",
            "merchant_category_known",
            "ip_address_format",
            "fraud_rate_range");
  }

  @Test
  void anEmptyDatasetHasNoFraudRate() {
    ValidationReport report = validator.validate(List.of());
    assertThat(report.valid()).isFalse();
    assertThat(report.failures()).extracting(RuleResult::name).containsExactly("fraud_rate_range");
    assertThat(report.rule("fraud_rate_range").orElseThrow().observed()).isEqualTo("no rows");
  }

  @Test
  void handWrittenFormatChecksAgreeWithTheSchemaPatterns() {
    List<String> samples =
        List.of(
            "TXN00000001",
            "TXN1234567",
            "TXN123456789",
            "txn00000001",
            "TXN0000000a",
            "CH000001",
            "CH12345",
            "CH1234567",
            "ch000001",
            "1234",
            "123",
            "12345",
            "12a4",
            "0123456789abcdef",
            "0123456789ABCDEF",
            "0123456789abcde",
            "0123456789abcdefa",
            "0123456789abcdeg",
            "",
            "TXN",
            "CH",
            "TXN٠٠٠٠٠٠٠١");
    for (String s : samples) {
      assertThat(RowRule.prefixedDigits(s, "TXN", 8))
          .as(s)
          .isEqualTo(TransactionSchema.TRANSACTION_ID.matcher(s).matches());
      assertThat(RowRule.prefixedDigits(s, "CH", 6))
          .as(s)
          .isEqualTo(TransactionSchema.CARDHOLDER_ID.matcher(s).matches());
      assertThat(RowRule.prefixedDigits(s, "", 4))
          .as(s)
          .isEqualTo(TransactionSchema.CARD_LAST4.matcher(s).matches());
      assertThat(RowRule.lowerHex(s, 16))
          .as(s)
          .isEqualTo(TransactionSchema.DEVICE_FINGERPRINT.matcher(s).matches());
    }
  }

  @Test
  void recognisesDottedQuadAddresses() {
    for (String ok : List.of("0.0.0.0", "1.2.3.4", "255.255.255.255", "73.12.200.9")) {
      assertThat(RowRule.isIpv4(ok)).as(ok).isTrue();
    }
    for (String bad :
        List.of(
            "",
            "1.2.3",
            "1.2.3.4.5",
            "256.1.1.1",
            "1.2.3.04",
            "1..2.3",
            "1.2.3.",
            ".1.2.3",
            "a.b.c.d",
            "1.2.3.4 ",
            "1234.1.1.1",
            "::1")) {
      assertThat(RowRule.isIpv4(bad)).as(bad).isFalse();
    }
  }

  @Test
  void amountLogMayComeFromTheUnroundedAmount() {
    Transaction t = generate(1).getFirst();
    double unrounded = t.amount() + 0.004;
    assertThat(RowRule.AMOUNT_LOG_CONSISTENT.breaks(withAmountLog(t, Math.log1p(unrounded))))
        .isFalse();
    assertThat(
            RowRule.AMOUNT_LOG_CONSISTENT.breaks(withAmountLog(t, Math.log1p(t.amount() + 0.02))))
        .isTrue();
  }

  private static List<Transaction> generate(int rows) {
    return new TransactionGenerator(
            GeneratorConfig.defaults().withRows(rows).withCardholders(50).withFraudRate(0.05))
        .generate(done -> {});
  }

  private static Transaction withCategory(Transaction t, String category) {
    return new Transaction(
        t.transactionId(),
        t.timestamp(),
        t.cardholderId(),
        t.cardholderName(),
        t.amount(),
        t.merchantName(),
        category,
        t.merchantCity(),
        t.merchantCountry(),
        t.cardLast4(),
        t.deviceFingerprint(),
        t.ipAddress(),
        t.userAgent(),
        t.isOnline(),
        t.hourOfDay(),
        t.dayOfWeek(),
        t.isWeekend(),
        t.transactionsLast24h(),
        t.totalAmountLast24h(),
        t.transactionsLast1h(),
        t.amountLog(),
        t.distanceFromHome(),
        t.isFraud());
  }

  private static Transaction withAmountLog(Transaction t, double amountLog) {
    return new Transaction(
        t.transactionId(),
        t.timestamp(),
        t.cardholderId(),
        t.cardholderName(),
        t.amount(),
        t.merchantName(),
        t.merchantCategory(),
        t.merchantCity(),
        t.merchantCountry(),
        t.cardLast4(),
        t.deviceFingerprint(),
        t.ipAddress(),
        t.userAgent(),
        t.isOnline(),
        t.hourOfDay(),
        t.dayOfWeek(),
        t.isWeekend(),
        t.transactionsLast24h(),
        t.totalAmountLast24h(),
        t.transactionsLast1h(),
        amountLog,
        t.distanceFromHome(),
        t.isFraud());
  }

  private static List<String> fields(String line) {
    CsvRecord record = CsvReader.builder().ofCsvRecord(line).iterator().next();
    return new ArrayList<>(record.getFields());
  }

  private static String line(List<String> fields) {
    StringWriter out = new StringWriter();
    CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out).writeRecord(fields);
    return out.toString().stripTrailing();
  }

  /** Records, per data row, the field changes and the rules they are expected to break. */
  private record Editor(
      List<String> header,
      Map<Integer, UnaryOperator<List<String>>> edits,
      Map<String, List<Long>> expected) {

    RowEdit row(int row, String... rules) {
      for (String rule : rules) {
        expected.computeIfAbsent(rule, r -> new ArrayList<>()).add((long) row);
      }
      RowEdit edit = new RowEdit(header, new LinkedHashMap<>());
      edits.merge(row, edit::apply, (a, b) -> fields -> b.apply(a.apply(fields)));
      return edit;
    }
  }

  private record RowEdit(List<String> header, Map<String, String> values) {
    RowEdit set(String column, String value) {
      values.put(column, value);
      return this;
    }

    List<String> apply(List<String> fields) {
      values.forEach((column, value) -> fields.set(header.indexOf(column), value));
      return fields;
    }
  }
}
