package io.fraudops.data.io;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.fraudops.core.transaction.Transaction;
import io.fraudops.core.transaction.TransactionSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The CSV form of the reference schema (UTF-8, via FastCSV).
 *
 * <p>Written: a header row of {@link TransactionSchema#COLUMNS}, LF line ends, fields quoted only
 * when needed; booleans as {@code 0/1}; the timestamp as ISO-8601 local time {@code
 * 2026-01-01T13:45:12}; money ({@code amount}, {@code total_amount_last_24h}) with exactly two
 * decimals; other decimals in the shortest form that reads back to the same double, so a written
 * file reads back equal.
 *
 * <p>Read: columns are found by header name (surrounding spaces and case ignored, any order, extra
 * columns ignored); booleans are {@code 0/1} or {@code true/false} (also accepted for {@code
 * is_fraud}); integer columns also accept integral decimals such as {@code 3.0}, which pandas
 * writes for integer columns; timestamps may separate date and time by a space. Row numbers in
 * errors count data rows, 1 being the first row after the header.
 */
final class CsvTransactions {
  private CsvTransactions() {}

  static void write(Path file, List<Transaction> rows) throws IOException {
    try (CsvWriter csv =
        CsvWriter.builder()
            .lineDelimiter(LineDelimiter.LF)
            .bufferSize(1 << 16)
            .build(file, StandardCharsets.UTF_8)) {
      csv.writeRecord(TransactionSchema.COLUMNS);
      for (Transaction t : rows) {
        csv.writeRecord()
            .writeField(t.transactionId())
            .writeField(t.timestamp() == null ? "" : Timestamps.format(t.timestamp()))
            .writeField(t.cardholderId())
            .writeField(t.cardholderName())
            .writeField(money(t.amount()))
            .writeField(t.merchantName())
            .writeField(t.merchantCategory())
            .writeField(t.merchantCity())
            .writeField(t.merchantCountry())
            .writeField(t.cardLast4())
            .writeField(t.deviceFingerprint())
            .writeField(t.ipAddress())
            .writeField(t.userAgent())
            .writeField(t.isOnline() ? "1" : "0")
            .writeField(Integer.toString(t.hourOfDay()))
            .writeField(Integer.toString(t.dayOfWeek()))
            .writeField(t.isWeekend() ? "1" : "0")
            .writeField(Integer.toString(t.transactionsLast24h()))
            .writeField(money(t.totalAmountLast24h()))
            .writeField(Integer.toString(t.transactionsLast1h()))
            .writeField(Double.toString(t.amountLog()))
            .writeField(Double.toString(t.distanceFromHome()))
            .writeField(Integer.toString(t.isFraud()))
            .endRecord();
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Two decimals, rounded half-up on the double's exact value; non-finite values as Java does. */
  static String money(double value) {
    if (!Double.isFinite(value) || Math.abs(value) >= 1e15) {
      return Double.toString(value);
    }
    long cents = Math.round(value * 100);
    StringBuilder text = new StringBuilder(16);
    if (cents < 0) {
      text.append('-');
      cents = -cents;
    }
    long fraction = cents % 100;
    return text.append(cents / 100)
        .append('.')
        .append(fraction < 10 ? "0" : "")
        .append(fraction)
        .toString();
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
    CsvRowHandler handler = new CsvRowHandler(name);
    try (CsvReader<Transaction> reader =
        CsvReader.builder()
            .ignoreDifferentFieldCount(true)
            .detectBomHeader(true)
            .build(handler, file, StandardCharsets.UTF_8)) {
      for (Transaction row : reader) {
        if (row != CsvRowHandler.NO_ROW) {
          rows.add(row);
        }
      }
    } catch (CsvParseException e) {
      if (e.getCause() instanceof CsvRowHandler.RowFormatError error) {
        throw new DataFormatException(error.getMessage(), e);
      }
      throw new DataFormatException(
          name + " row " + (rows.size() + 1) + ": malformed CSV: " + e.getMessage(), e);
    } catch (CsvRowHandler.RowFormatError e) {
      throw new DataFormatException(e.getMessage(), e);
    } catch (IOException | UncheckedIOException e) {
      throw new DataFormatException(name + ": cannot read: " + e.getMessage(), e);
    }
    if (!handler.headerRead()) {
      throw new DataFormatException(
          name
              + ": empty file, expected a header row with the columns "
              + String.join(",", TransactionSchema.COLUMNS));
    }
    return rows;
  }
}
