package io.fraudops.data.io;

import com.jerolba.carpet.CarpetMissingColumnException;
import com.jerolba.carpet.CarpetParquetReader;
import com.jerolba.carpet.CarpetParsingException;
import com.jerolba.carpet.CarpetWriter;
import com.jerolba.carpet.annotation.Alias;
import com.jerolba.carpet.io.FileSystemInputFile;
import com.jerolba.carpet.io.FileSystemOutputFile;
import io.fraudops.core.transaction.Transaction;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The Parquet form of the reference schema, through carpet-record (plain java.io files, no Hadoop
 * installation needed). Column names are the CSV header names; the timestamp is a Parquet timestamp
 * (milliseconds, local time, not adjusted to UTC); booleans are BOOLEAN, counts INT32, amounts and
 * distances DOUBLE (numbers and flags written as required columns, text as optional); Snappy
 * compression. Reading accepts optional columns and any column order, ignores extra columns, and
 * reports a missing column or a null number by name.
 */
final class ParquetTransactions {
  private ParquetTransactions() {}

  /** One row as stored: {@link Transaction} with the file's column names. */
  record Row(
      @Alias("transaction_id") String transactionId,
      @Alias("timestamp") LocalDateTime timestamp,
      @Alias("cardholder_id") String cardholderId,
      @Alias("cardholder_name") String cardholderName,
      @Alias("amount") double amount,
      @Alias("merchant_name") String merchantName,
      @Alias("merchant_category") String merchantCategory,
      @Alias("merchant_city") String merchantCity,
      @Alias("merchant_country") String merchantCountry,
      @Alias("card_last4") String cardLast4,
      @Alias("device_fingerprint") String deviceFingerprint,
      @Alias("ip_address") String ipAddress,
      @Alias("user_agent") String userAgent,
      @Alias("is_online") boolean isOnline,
      @Alias("hour_of_day") int hourOfDay,
      @Alias("day_of_week") int dayOfWeek,
      @Alias("is_weekend") boolean isWeekend,
      @Alias("transactions_last_24h") int transactionsLast24h,
      @Alias("total_amount_last_24h") double totalAmountLast24h,
      @Alias("transactions_last_1h") int transactionsLast1h,
      @Alias("amount_log") double amountLog,
      @Alias("distance_from_home") double distanceFromHome,
      @Alias("is_fraud") int isFraud) {

    static Row of(Transaction t) {
      return new Row(
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
          t.amountLog(),
          t.distanceFromHome(),
          t.isFraud());
    }
  }

  /**
   * One row as read: numbers and flags boxed, because files from other tools (pandas, Spark) mark
   * every column optional even when it holds no null; a null is then reported with its row and
   * column instead of being read as 0.
   */
  record NullableRow(
      @Alias("transaction_id") String transactionId,
      @Alias("timestamp") LocalDateTime timestamp,
      @Alias("cardholder_id") String cardholderId,
      @Alias("cardholder_name") String cardholderName,
      @Alias("amount") Double amount,
      @Alias("merchant_name") String merchantName,
      @Alias("merchant_category") String merchantCategory,
      @Alias("merchant_city") String merchantCity,
      @Alias("merchant_country") String merchantCountry,
      @Alias("card_last4") String cardLast4,
      @Alias("device_fingerprint") String deviceFingerprint,
      @Alias("ip_address") String ipAddress,
      @Alias("user_agent") String userAgent,
      @Alias("is_online") Boolean isOnline,
      @Alias("hour_of_day") Integer hourOfDay,
      @Alias("day_of_week") Integer dayOfWeek,
      @Alias("is_weekend") Boolean isWeekend,
      @Alias("transactions_last_24h") Integer transactionsLast24h,
      @Alias("total_amount_last_24h") Double totalAmountLast24h,
      @Alias("transactions_last_1h") Integer transactionsLast1h,
      @Alias("amount_log") Double amountLog,
      @Alias("distance_from_home") Double distanceFromHome,
      @Alias("is_fraud") Integer isFraud) {

    /**
     * @throws DataFormatException naming the first null number or flag; null text and timestamps
     *     pass, the validator reports them
     */
    Transaction toTransaction(String file, long row) throws DataFormatException {
      return new Transaction(
          transactionId,
          timestamp,
          cardholderId,
          cardholderName,
          present(amount, "amount", file, row),
          merchantName,
          merchantCategory,
          merchantCity,
          merchantCountry,
          cardLast4,
          deviceFingerprint,
          ipAddress,
          userAgent,
          present(isOnline, "is_online", file, row),
          present(hourOfDay, "hour_of_day", file, row),
          present(dayOfWeek, "day_of_week", file, row),
          present(isWeekend, "is_weekend", file, row),
          present(transactionsLast24h, "transactions_last_24h", file, row),
          present(totalAmountLast24h, "total_amount_last_24h", file, row),
          present(transactionsLast1h, "transactions_last_1h", file, row),
          present(amountLog, "amount_log", file, row),
          present(distanceFromHome, "distance_from_home", file, row),
          present(isFraud, "is_fraud", file, row));
    }

    private static <T> T present(T value, String column, String file, long row)
        throws DataFormatException {
      if (value == null) {
        throw new DataFormatException(
            file + " row " + row + ": column '" + column + "' is empty (null)");
      }
      return value;
    }
  }

  static void write(Path file, List<Transaction> rows) throws IOException {
    try (CarpetWriter<Row> writer =
        new CarpetWriter.Builder<>(new FileSystemOutputFile(file.toFile()), Row.class)
            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .build()) {
      for (Transaction t : rows) {
        writer.write(Row.of(t));
      }
    }
  }

  static List<Transaction> read(Path file) throws DataFormatException {
    String name = file.toString();
    if (!Files.exists(file)) {
      throw new DataFormatException(name + ": file not found");
    }
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new DataFormatException(name + ": not a readable file");
    }
    List<Transaction> rows = new ArrayList<>();
    try (ParquetReader<NullableRow> reader =
        CarpetParquetReader.builder(new FileSystemInputFile(file.toFile()), NullableRow.class)
            .failOnMissingColumn(true)
            .build()) {
      for (NullableRow row = reader.read(); row != null; row = reader.read()) {
        rows.add(row.toTransaction(name, rows.size() + 1));
      }
    } catch (CarpetParsingException e) {
      throw new DataFormatException(name + describe(e, rows.size() + 1), e);
    } catch (IOException | RuntimeException e) {
      String cause = rootMessage(e);
      if (cause.contains("is not a Parquet file")) {
        throw new DataFormatException(name + ": not a Parquet file", e);
      }
      throw new DataFormatException(
          name + " row " + (rows.size() + 1) + ": cannot read as Parquet: " + cause, e);
    }
    return rows;
  }

  /**
   * Carpet names the record component ({@code Field 'amountLog' ...} or {@code "amountLog" (double)
   * ...}); users know the column.
   */
  private static final Pattern FIELD = Pattern.compile("(?:Field '|\")([A-Za-z0-9_]+)['\"]");

  private static final Map<String, String> COLUMN_OF_FIELD =
      Arrays.stream(NullableRow.class.getRecordComponents())
          .collect(
              Collectors.toUnmodifiableMap(
                  RecordComponent::getName, c -> c.getAnnotation(Alias.class).value()));

  /** Carpet's type error: {@code Parquet 'optional binary amount (STRING)' can not be ...}. */
  private static final Pattern TYPE_MISMATCH =
      Pattern.compile(
          "Parquet '\\w+ (\\w+) (\\w+)( \\([^)]*\\))?' can not be converted to"
              + " '(?:java\\.lang\\.)?([^']+)'");

  /** Carpet's schema errors, in the CSV reader's words where they can be recognised. */
  private static String describe(CarpetParsingException e, long row) {
    String message = String.valueOf(e.getMessage());
    Matcher mismatch = TYPE_MISMATCH.matcher(message);
    if (mismatch.find()) {
      String type = mismatch.group(1) + (mismatch.group(3) == null ? "" : mismatch.group(3));
      return ": column '"
          + mismatch.group(2)
          + "' is "
          + type
          + ", which cannot be read as "
          + mismatch.group(4);
    }
    Matcher field = FIELD.matcher(message);
    String column = field.find() ? COLUMN_OF_FIELD.get(field.group(1)) : null;
    if (e instanceof CarpetMissingColumnException && column != null) {
      return ": missing column '" + column + "'";
    }
    if (column != null) {
      return " row " + row + ": column '" + column + "': " + message;
    }
    return " row " + row + ": " + message;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
