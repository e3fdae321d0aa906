package io.fraudops.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jerolba.carpet.CarpetWriter;
import com.jerolba.carpet.annotation.Alias;
import com.jerolba.carpet.io.FileSystemOutputFile;
import com.jerolba.carpet.model.FieldType;
import com.jerolba.carpet.model.FieldTypes;
import com.jerolba.carpet.model.WriteRecordModelType;
import io.fraudops.core.transaction.Transaction;
import io.fraudops.core.transaction.TransactionSchema;
import io.fraudops.data.generate.GeneratorConfig;
import io.fraudops.data.generate.TransactionGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionFilesTest {

  private static List<Transaction> rows;

  @TempDir Path dir;

  @BeforeAll
  static void generate() {
    rows =
        new TransactionGenerator(GeneratorConfig.defaults().withRows(20_000).withCardholders(2_000))
            .generate(done -> {});
  }

  @Test
  void csvRoundTripGivesEqualRows() throws Exception {
    Path file = dir.resolve("transactions.csv");
    TransactionFiles.write(file, rows);
    assertThat(TransactionFiles.read(file)).isEqualTo(rows);
  }

  @Test
  void parquetRoundTripGivesEqualRows() throws Exception {
    Path file = dir.resolve("transactions.parquet");
    TransactionFiles.write(file, rows);
    assertThat(TransactionFiles.read(file)).isEqualTo(rows);
  }

  @Test
  void csvHasTheSchemaHeaderAndPlainValues() throws Exception {
    Path file = dir.resolve("plain.csv");
    TransactionFiles.write(file, rows.subList(0, 3));
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines.getFirst()).isEqualTo(String.join(",", TransactionSchema.COLUMNS));
    Transaction first = rows.getFirst();
    assertThat(lines.get(1))
        .startsWith(
            first.transactionId()
                + ","
                + Timestamps.format(first.timestamp())
                + ","
                + first.cardholderId())
        .contains(CsvTransactions.money(first.amount()))
        .endsWith("," + first.isFraud());
    assertThat(Timestamps.format(LocalDateTime.of(2026, 1, 1, 13, 45)))
        .isEqualTo("2026-01-01T13:45:00");
    assertThat(CsvTransactions.money(5)).isEqualTo("5.00");
    assertThat(CsvTransactions.money(1234.5)).isEqualTo("1234.50");
    assertThat(CsvTransactions.money(0.07)).isEqualTo("0.07");
    assertThat(CsvTransactions.money(-2.3)).isEqualTo("-2.30");
  }

  @Test
  void parquetColumnsAreTheCsvNamesWithATimestampType() throws Exception {
    Path file = dir.resolve("schema.parquet");
    TransactionFiles.write(file, rows.subList(0, 10));
    MessageType schema;
    try (ParquetFileReader reader =
        ParquetFileReader.open(new com.jerolba.carpet.io.FileSystemInputFile(file.toFile()))) {
      schema = reader.getFooter().getFileMetaData().getSchema();
    }
    assertThat(schema.getFields().stream().map(Type::getName).toList())
        .isEqualTo(TransactionSchema.COLUMNS);
    LogicalTypeAnnotation timestamp =
        schema.getType("timestamp").asPrimitiveType().getLogicalTypeAnnotation();
    assertThat(timestamp).isInstanceOf(TimestampLogicalTypeAnnotation.class);
    assertThat(((TimestampLogicalTypeAnnotation) timestamp).isAdjustedToUTC()).isFalse();
  }

  @Test
  void csvColumnsAreFoundByNameInAnyOrderWithExtrasIgnored() throws Exception {
    List<String> columns = new ArrayList<>(TransactionSchema.COLUMNS.reversed());
    columns.add(3, " Notes ");
    Transaction t = rows.getFirst();
    List<String> values = new ArrayList<>();
    for (String column : columns) {
      values.add(
          switch (column.strip()) {
            case "Notes" -> "\"free, text\"";
            case "timestamp" -> Timestamps.format(t.timestamp()).replace('T', ' ');
            case "is_online" -> Boolean.toString(t.isOnline());
            case "is_weekend" -> t.isWeekend() ? "TRUE" : "FALSE";
            case "hour_of_day" -> t.hourOfDay() + ".0";
            case "is_fraud" -> t.fraud() ? "true" : "false";
            default -> csvValue(t, column);
          });
    }
    Path file = dir.resolve("reordered.csv");
    Files.writeString(
        file,
        "\uFEFF"
            + String.join(",", columns).toUpperCase()
            + "\n"
            + String.join(",", values)
            + "\n\n");
    assertThat(TransactionFiles.read(file)).containsExactly(t);
  }

  @Test
  void missingColumnIsNamed() throws Exception {
    Path file = dir.resolve("data.csv");
    String header =
        String.join(
            ",", TransactionSchema.COLUMNS.stream().filter(c -> !c.equals("amount")).toList());
    Files.writeString(file, header + "\n");
    assertThatThrownBy(() -> TransactionFiles.read(file))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(file + ": missing column 'amount'");
  }

  @Test
  void unparsableValuesAreNamedWithRowColumnAndValue() throws Exception {
    assertBadValue("amount", "abc", "is not a number");
    assertBadValue("transactions_last_24h", "3.5", "is not an integer");
    assertBadValue("is_online", "yes", "is not a boolean (0/1 or true/false)");
    assertBadValue(
        "timestamp",
        "2026-13-01T00:00:00",
        "is not an ISO-8601 local date-time such as 2026-01-01T13:45:12");
    assertBadValue("is_fraud", "", "is not an integer");
  }

  private void assertBadValue(String column, String value, String problem) throws Exception {
    Path file = dir.resolve("data.csv");
    TransactionFiles.write(file, rows.subList(0, 20));
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    int index = TransactionSchema.COLUMNS.indexOf(column);
    List<String> fields = splitSimple(lines.get(17));
    fields.set(index, value);
    lines.set(17, String.join(",", fields));
    Files.write(file, lines);
    assertThatThrownBy(() -> TransactionFiles.read(file))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(file + " row 17: column '" + column + "' value '" + value + "' " + problem);
  }

  @Test
  void shortRowIsReported() throws Exception {
    Path file = dir.resolve("short.csv");
    TransactionFiles.write(file, rows.subList(0, 5));
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    lines.set(4, "TXN00000004,2026-01-01T00:00:00,CH000001");
    Files.write(file, lines);
    assertThatThrownBy(() -> TransactionFiles.read(file))
        .hasMessage(file + " row 4: has 3 fields, the header needs at least 23");
  }

  @Test
  void missingAndEmptyFilesAreReported() throws Exception {
    Path csv = dir.resolve("absent.csv");
    Path parquet = dir.resolve("absent.parquet");
    assertThatThrownBy(() -> TransactionFiles.read(csv))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(csv + ": file not found");
    assertThatThrownBy(() -> TransactionFiles.read(parquet))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(parquet + ": file not found");
    Path empty = Files.writeString(dir.resolve("empty.csv"), "");
    assertThatThrownBy(() -> TransactionFiles.read(empty))
        .hasMessageStartingWith(empty + ": empty file, expected a header row");
    Path notParquet = Files.writeString(dir.resolve("text.parquet"), "transaction_id\n");
    assertThatThrownBy(() -> TransactionFiles.read(notParquet))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(notParquet + ": not a Parquet file");
    Path directory = Files.createDirectory(dir.resolve("folder.csv"));
    assertThatThrownBy(() -> TransactionFiles.read(directory))
        .hasMessage(directory + ": not a readable file");
  }

  @Test
  void headerOnlyFileHasNoRows() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("header.csv"), String.join(",", TransactionSchema.COLUMNS) + "\n");
    assertThat(TransactionFiles.read(file)).isEmpty();
  }

  /** A Parquet file from elsewhere with only some of the columns. */
  record PartialRow(
      @Alias("transaction_id") String transactionId,
      @Alias("timestamp") LocalDateTime timestamp,
      @Alias("amount") double amount) {}

  @Test
  void parquetMissingColumnIsNamed() throws Exception {
    Path file = dir.resolve("partial.parquet");
    try (CarpetWriter<PartialRow> writer =
        new CarpetWriter<>(new FileSystemOutputFile(file.toFile()), PartialRow.class)) {
      writer.write(new PartialRow("TXN00000001", LocalDateTime.of(2026, 1, 1, 0, 0), 12.5));
    }
    assertThatThrownBy(() -> TransactionFiles.read(file))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(file + ": missing column 'cardholder_id'");
  }

  @Test
  void parquetFromOtherToolsWithOptionalColumnsReads() throws Exception {
    Path file = dir.resolve("optional.parquet");
    writeForeignParquet(file, rows.subList(0, 50), Map.of());
    assertThat(TransactionFiles.read(file)).isEqualTo(rows.subList(0, 50));
  }

  @Test
  void parquetNullNumberIsNamedWithItsRow() throws Exception {
    Path file = dir.resolve("nulls.parquet");
    Transaction third = rows.get(2);
    writeForeignParquet(
        file,
        rows.subList(0, 5),
        Map.of("amount", new Column(FieldTypes.DOUBLE, t -> t == third ? null : t.amount())));
    assertThatThrownBy(() -> TransactionFiles.read(file))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(file + " row 3: column 'amount' is empty (null)");
  }

  @Test
  void parquetColumnOfTheWrongTypeIsNamed() throws Exception {
    Path file = dir.resolve("types.parquet");
    writeForeignParquet(
        file,
        rows.subList(0, 5),
        Map.of(
            "distance_from_home",
            new Column(FieldTypes.STRING, t -> Double.toString(t.distanceFromHome()))));
    assertThatThrownBy(() -> TransactionFiles.read(file))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(
            file
                + ": column 'distance_from_home' is binary (STRING), which cannot be read as "
                + "Double");
  }

  private record Column(FieldType type, Function<Transaction, Object> value) {}

  /**
   * Writes rows the way another tool might: every column optional (nullable), with some columns
   * replaced.
   */
  private static void writeForeignParquet(
      Path file, List<Transaction> rows, Map<String, Column> replaced) throws Exception {
    Map<String, Column> columns = new LinkedHashMap<>();
    columns.put("transaction_id", new Column(FieldTypes.STRING, Transaction::transactionId));
    columns.put("timestamp", new Column(FieldTypes.LOCAL_DATE_TIME, Transaction::timestamp));
    columns.put("cardholder_id", new Column(FieldTypes.STRING, Transaction::cardholderId));
    columns.put("cardholder_name", new Column(FieldTypes.STRING, Transaction::cardholderName));
    columns.put("amount", new Column(FieldTypes.DOUBLE, Transaction::amount));
    columns.put("merchant_name", new Column(FieldTypes.STRING, Transaction::merchantName));
    columns.put("merchant_category", new Column(FieldTypes.STRING, Transaction::merchantCategory));
    columns.put("merchant_city", new Column(FieldTypes.STRING, Transaction::merchantCity));
    columns.put("merchant_country", new Column(FieldTypes.STRING, Transaction::merchantCountry));
    columns.put("card_last4", new Column(FieldTypes.STRING, Transaction::cardLast4));
    columns.put(
        "device_fingerprint", new Column(FieldTypes.STRING, Transaction::deviceFingerprint));
    columns.put("ip_address", new Column(FieldTypes.STRING, Transaction::ipAddress));
    columns.put("user_agent", new Column(FieldTypes.STRING, Transaction::userAgent));
    columns.put("is_online", new Column(FieldTypes.BOOLEAN, Transaction::isOnline));
    columns.put("hour_of_day", new Column(FieldTypes.INTEGER, Transaction::hourOfDay));
    columns.put("day_of_week", new Column(FieldTypes.INTEGER, Transaction::dayOfWeek));
    columns.put("is_weekend", new Column(FieldTypes.BOOLEAN, Transaction::isWeekend));
    columns.put(
        "transactions_last_24h", new Column(FieldTypes.INTEGER, Transaction::transactionsLast24h));
    columns.put(
        "total_amount_last_24h", new Column(FieldTypes.DOUBLE, Transaction::totalAmountLast24h));
    columns.put(
        "transactions_last_1h", new Column(FieldTypes.INTEGER, Transaction::transactionsLast1h));
    columns.put("amount_log", new Column(FieldTypes.DOUBLE, Transaction::amountLog));
    columns.put("distance_from_home", new Column(FieldTypes.DOUBLE, Transaction::distanceFromHome));
    columns.put("is_fraud", new Column(FieldTypes.INTEGER, Transaction::isFraud));
    columns.putAll(replaced);
    WriteRecordModelType<Transaction> model = FieldTypes.writeRecordModel(Transaction.class);
    columns.forEach((name, column) -> model.withField(name, column.type(), column.value()));
    try (CarpetWriter<Transaction> writer =
        new CarpetWriter.Builder<>(new FileSystemOutputFile(file.toFile()), Transaction.class)
            .withWriteRecordModel(model)
            .build()) {
      writer.write(rows);
    }
  }

  @Test
  void unsupportedExtensionNamesTheSupportedOnes() {
    Path file = dir.resolve("transactions.json");
    assertThatThrownBy(() -> TransactionFiles.write(file, rows))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("transactions.json")
        .hasMessageContaining(".csv or .parquet");
    assertThatThrownBy(() -> TransactionFiles.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(".csv or .parquet");
    assertThat(TransactionFiles.Format.of(Path.of("UPPER.CSV")))
        .isEqualTo(TransactionFiles.Format.CSV);
  }

  private static String csvValue(Transaction t, String column) {
    return switch (column) {
      case "transaction_id" -> t.transactionId();
      case "cardholder_id" -> t.cardholderId();
      case "cardholder_name" -> t.cardholderName();
      case "amount" -> CsvTransactions.money(t.amount());
      case "merchant_name" -> quote(t.merchantName());
      case "merchant_category" -> t.merchantCategory();
      case "merchant_city" -> t.merchantCity();
      case "merchant_country" -> t.merchantCountry();
      case "card_last4" -> t.cardLast4();
      case "device_fingerprint" -> t.deviceFingerprint();
      case "ip_address" -> t.ipAddress();
      case "user_agent" -> quote(t.userAgent());
      case "day_of_week" -> Integer.toString(t.dayOfWeek());
      case "transactions_last_24h" -> Integer.toString(t.transactionsLast24h());
      case "total_amount_last_24h" -> CsvTransactions.money(t.totalAmountLast24h());
      case "transactions_last_1h" -> Integer.toString(t.transactionsLast1h());
      case "amount_log" -> Double.toString(t.amountLog());
      case "distance_from_home" -> Double.toString(t.distanceFromHome());
      default -> throw new IllegalArgumentException(column);
    };
  }

  private static String quote(String value) {
    return "\"" + value.replace("\"", "\"\"") + "\"";
  }

  /** Splits a generated CSV line whose only quoted field is the user agent (no quotes inside). */
  private static List<String> splitSimple(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (char c : line.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
        field.append(c);
      } else if (c == ',' && !quoted) {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }
}
