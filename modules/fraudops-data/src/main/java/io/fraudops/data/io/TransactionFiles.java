package io.fraudops.data.io;

import io.fraudops.core.transaction.Transaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads and writes transaction files in the reference schema; the format follows the file name:
 * {@code .csv} (see {@link CsvTransactions}) or {@code .parquet} (see {@link ParquetTransactions}).
 */
public final class TransactionFiles {
  private TransactionFiles() {}

  /** The file formats, by extension. */
  public enum Format {
    CSV(".csv"),
    PARQUET(".parquet");

    private final String extension;

    Format(String extension) {
      this.extension = extension;
    }

    public String extension() {
      return extension;
    }

    /**
     * The format of {@code file} by its extension (case-insensitive).
     *
     * @throws IllegalArgumentException naming the supported extensions
     */
    public static Format of(Path file) {
      Path name = file.getFileName();
      String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
      for (Format format : values()) {
        if (lower.endsWith(format.extension)) {
          return format;
        }
      }
      throw new IllegalArgumentException(
          "unsupported transaction file '" + file + "': the name must end in .csv or .parquet");
    }
  }

  /**
   * Writes {@code rows} to {@code file} (replacing it), as CSV or Parquet by the extension.
   *
   * @throws IllegalArgumentException when the extension is neither .csv nor .parquet
   * @throws UncheckedIOException when the file cannot be written
   */
  public static void write(Path file, List<Transaction> rows) {
    Format format = Format.of(file);
    try {
      switch (format) {
        case CSV -> CsvTransactions.write(file, rows);
        case PARQUET -> ParquetTransactions.write(file, rows);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads every row of {@code file}, as CSV or Parquet by the extension.
   *
   * @throws DataFormatException when the file is missing or unreadable, lacks a column, or holds a
   *     value of the wrong type; the message names file, row, column and value
   * @throws IllegalArgumentException when the extension is neither .csv nor .parquet
   */
  public static List<Transaction> read(Path file) throws DataFormatException {
    return switch (Format.of(file)) {
      case CSV -> CsvTransactions.read(file);
      case PARQUET -> ParquetTransactions.read(file);
    };
  }
}
