package io.fraudops.data.io;

import com.jerolba.carpet.CarpetMissingColumnException;
import com.jerolba.carpet.CarpetParsingException;
import com.jerolba.carpet.CarpetReader;
import com.jerolba.carpet.CarpetWriter;
import com.jerolba.carpet.CloseableIterator;
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
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The Parquet form of the reference schema, through carpet-record (plain java.io files, no Hadoop
 * installation needed). Column names are the CSV header names; the timestamp is a Parquet timestamp
 * (milliseconds, local time, not adjusted to UTC); booleans are BOOLEAN, counts INT32, amounts and
 * distances DOUBLE; Snappy compression.
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

    Transaction toTransaction() {
      return new Transaction(
          transactionId,
          timestamp,
          cardholderId,
          cardholderName,
          amount,
          merchantName,
          merchantCategory,
          merchantCity,
          merchantCountry,
          cardLast4,
          deviceFingerprint,
          ipAddress,
          userAgent,
          isOnline,
          hourOfDay,
          dayOfWeek,
          isWeekend,
          transactionsLast24h,
          totalAmountLast24h,
          transactionsLast1h,
          amountLog,
          distanceFromHome,
          isFraud);
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
    CarpetReader<Row> reader =
        new CarpetReader<>(new FileSystemInputFile(file.toFile()), Row.class)
            .withFailOnMissingColumn(true)
            .withFailOnNullForPrimitives(true);
    try (CloseableIterator<Row> iterator = reader.iterator()) {
      while (iterator.hasNext()) {
        rows.add(iterator.next().toTransaction());
      }
    } catch (CarpetParsingException e) {
      throw new DataFormatException(name + describe(e, rows.size() + 1), e);
    } catch (IOException | RuntimeException e) {
      String cause = rootMessage(e);
      if (cause.contains("is not a Parquet file")) {
        throw new DataFormatException(name + ": not a Parquet file", e);
      }
      throw new DataFormatException(name + ": cannot read as Parquet: " + cause, e);
    }
    return rows;
  }

  /** Carpet names the record component ("Field 'amountLog' ..."); users know the column. */
  private static final Pattern FIELD = Pattern.compile("Field '([^']+)'");

  private static final Map<String, String> COLUMN_OF_FIELD =
      Arrays.stream(Row.class.getRecordComponents())
          .collect(
              Collectors.toUnmodifiableMap(
                  RecordComponent::getName, c -> c.getAnnotation(Alias.class).value()));

  /** Carpet's schema errors, in the CSV reader's words where they can be recognised. */
  private static String describe(CarpetParsingException e, long row) {
    String message = String.valueOf(e.getMessage());
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
