package io.fraudops.data.raw;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.fraudops.core.transaction.RawTransaction;
import io.fraudops.data.io.DataFormatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Canonical raw-transaction CSV files: what {@code fraudops import} writes and what {@code train
 * --features} and {@code score} read. Columns: {@link #COLUMNS}; timestamps ISO-8601 with their
 * offset; {@code is_fraud} 0/1 or empty.
 */
public final class RawTransactionFiles {
  private RawTransactionFiles() {}

  public static final List<String> COLUMNS =
      Stream.concat(RawTransaction.FIELDS.stream(), Stream.of("is_fraud")).toList();

  /** Whether a CSV file's header is the canonical raw one (it has {@code card_id}). */
  public static boolean isRaw(Path file) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      return header != null
          && Arrays.asList(header.replace("\uFEFF", "").split(",")).contains("card_id");
    } catch (IOException e) {
      return false;
    }
  }

  public static void write(Path file, List<RawTransaction> rows) {
    try (CsvWriter csv =
        CsvWriter.builder()
            .lineDelimiter(LineDelimiter.LF)
            .bufferSize(1 << 16)
            .build(file, StandardCharsets.UTF_8)) {
      csv.writeRecord(COLUMNS);
      for (RawTransaction r : rows) {
        csv.writeRecord(
            r.transactionId(),
            r.timestamp().toString(),
            r.cardId(),
            r.merchantId(),
            Double.toString(r.amount()),
            text(r.merchantCategory()),
            text(r.merchantCountry()),
            r.isOnline() == null ? "" : (r.isOnline() ? "1" : "0"),
            r.latitude() == null ? "" : Double.toString(r.latitude()),
            r.longitude() == null ? "" : Double.toString(r.longitude()),
            text(r.deviceId()),
            r.label() == null ? "" : Integer.toString(r.label()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * Reads a canonical file; any bad row fails the read with its row number (a canonical file was
   * validated when it was imported).
   */
  public static List<RawTransaction> read(Path file) throws DataFormatException {
    ImportResult result = TransactionImport.run(file, ColumnMapping.canonical());
    if (!result.rejected().isEmpty()) {
      RejectedRow first = result.rejected().get(0);
      throw new DataFormatException(
          file.getFileName()
              + " row "
              + first.row()
              + ": "
              + first.reason()
              + (result.rejected().size() > 1
                  ? " (and " + (result.rejected().size() - 1) + " more rows)"
                  : ""));
    }
    return result.rows();
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }
}
