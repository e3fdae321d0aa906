package io.fraudops.data.io;

import java.io.Serial;

/**
 * A transaction file that cannot be read as the reference schema: missing or unreadable file,
 * missing column, or a value of the wrong type. The message is one line that names the file and,
 * where known, the row, the column and the offending value, e.g. {@code data.csv row 17: column
 * 'amount' value 'abc' is not a number}.
 *
 * <p>Row numbers count data rows: row 1 is the first record after the CSV header (blank lines are
 * skipped and not counted) or the first record of a Parquet file, so row {@code n} is element
 * {@code n - 1} of the list that {@link TransactionFiles#read} returns. The validator's row numbers
 * use the same convention.
 */
public class DataFormatException extends Exception {
  @Serial private static final long serialVersionUID = 1L;

  public DataFormatException(String message) {
    super(message);
  }

  public DataFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
