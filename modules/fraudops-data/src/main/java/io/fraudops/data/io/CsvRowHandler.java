package io.fraudops.data.io;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.RecordWrapper;
import io.fraudops.core.transaction.Transaction;
import io.fraudops.core.transaction.TransactionSchema;
import java.io.Serial;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Turns FastCSV's parse events straight into {@link Transaction}s: the first record is the header,
 * which maps field positions to schema columns; every later field is converted from the parser's
 * character buffer (numbers, booleans and timestamps without an intermediate string, text through a
 * per-column {@link TextPool}). This halves the cost of a million-row read compared with building a
 * string per field first.
 *
 * <p>A malformed value stops the read with a {@link RowFormatError} carrying the one-line message;
 * {@link CsvTransactions#read} turns it into a {@link DataFormatException}. The header record and
 * empty lines yield the {@link #NO_ROW} marker, which the caller skips.
 */
final class CsvRowHandler extends AbstractBaseCsvCallbackHandler<Transaction> {

  /** Returned for the header and empty lines (FastCSV does not accept a null record). */
  static final Transaction NO_ROW =
      new Transaction(
          null, null, null, null, 0, null, null, null, null, null, null, null, null, false, 0, 0,
          false, 0, 0, 0, 0, 0, 0);

  /** A value or record that does not fit the schema; the message is the whole explanation. */
  static final class RowFormatError extends RuntimeException {
    @Serial private static final long serialVersionUID = 1L;

    RowFormatError(String message) {
      super(message, null, false, false);
    }
  }

  private enum Kind {
    ID,
    TEXT,
    TIMESTAMP,
    DECIMAL,
    INTEGER,
    FLAG,
    LABEL
  }

  private static final int COLUMNS = TransactionSchema.COLUMNS.size();
  private static final Kind[] KINDS = new Kind[COLUMNS];

  static {
    Arrays.fill(KINDS, Kind.TEXT);
    KINDS[column("transaction_id")] = Kind.ID;
    KINDS[column("timestamp")] = Kind.TIMESTAMP;
    for (String name :
        List.of("amount", "total_amount_last_24h", "amount_log", "distance_from_home")) {
      KINDS[column(name)] = Kind.DECIMAL;
    }
    for (String name :
        List.of("hour_of_day", "day_of_week", "transactions_last_24h", "transactions_last_1h")) {
      KINDS[column(name)] = Kind.INTEGER;
    }
    KINDS[column("is_online")] = Kind.FLAG;
    KINDS[column("is_weekend")] = Kind.FLAG;
    KINDS[column("is_fraud")] = Kind.LABEL;
  }

  private static int column(String name) {
    return TransactionSchema.COLUMNS.indexOf(name);
  }

  private final String file;
  private final TextPool[] pools = new TextPool[COLUMNS];
  private final Timestamps.Reader timestamps = new Timestamps.Reader();

  /** Schema column of each field position, -1 for extra columns; null until the header is read. */
  private int[] columnOfField;

  private int fieldsNeeded;
  private final List<String> header = new ArrayList<>();

  /** Data rows completed; the row being parsed is {@code rows + 1}. */
  private long rows;

  /** Field 0 was empty: parsed once the record is known not to be an empty line. */
  private boolean emptyFirstField;

  private final String[] text = new String[COLUMNS];
  private final double[] decimal = new double[COLUMNS];
  private final int[] integer = new int[COLUMNS];
  private LocalDateTime timestamp;

  boolean headerRead() {
    return columnOfField != null;
  }

  CsvRowHandler(String file) {
    this.file = file;
    for (int i = 0; i < COLUMNS; i++) {
      pools[i] = new TextPool();
    }
  }

  @Override
  protected void handleBegin(long startingLineNumber) {
    emptyFirstField = false;
  }

  @Override
  protected void handleField(
      int fieldIndex, char[] buffer, int offset, int length, boolean quoted) {
    if (columnOfField == null) {
      header.add(new String(buffer, offset, length));
      return;
    }
    if (fieldIndex == 0 && length == 0 && !quoted) {
      emptyFirstField = true;
      return;
    }
    if (emptyFirstField && fieldIndex == 1) {
      emptyFirstField = false;
      convert(0, buffer, 0, 0);
    }
    convert(fieldIndex, buffer, offset, length);
  }

  @Override
  protected RecordWrapper<Transaction> buildRecord() {
    if (isEmptyLine()) {
      return wrapRecord(NO_ROW);
    }
    if (columnOfField == null) {
      readHeader();
      return wrapRecord(NO_ROW);
    }
    if (emptyFirstField) {
      convert(0, new char[0], 0, 0);
    }
    long row = rows + 1;
    if (getFieldCount() < fieldsNeeded) {
      throw new RowFormatError(
          file
              + " row "
              + row
              + ": has "
              + getFieldCount()
              + " fields, the header needs at least "
              + fieldsNeeded);
    }
    rows = row;
    // Indices are positions in TransactionSchema.COLUMNS, which follows the record's components.
    return wrapRecord(
        new Transaction(
            text[0],
            timestamp,
            text[2],
            text[3],
            decimal[4],
            text[5],
            text[6],
            text[7],
            text[8],
            text[9],
            text[10],
            text[11],
            text[12],
            integer[13] == 1,
            integer[14],
            integer[15],
            integer[16] == 1,
            integer[17],
            decimal[18],
            integer[19],
            decimal[20],
            decimal[21],
            integer[22]));
  }

  private void readHeader() {
    int[] positions = new int[COLUMNS];
    Arrays.fill(positions, -1);
    int[] columns = new int[header.size()];
    for (int i = 0; i < header.size(); i++) {
      String label = header.get(i).strip().toLowerCase(Locale.ROOT);
      int column = TransactionSchema.COLUMNS.indexOf(label);
      columns[i] = column;
      if (column >= 0) {
        if (positions[column] >= 0) {
          throw new RowFormatError(file + ": duplicate column '" + label + "'");
        }
        positions[column] = i;
      }
    }
    List<String> missing = new ArrayList<>();
    for (int column = 0; column < COLUMNS; column++) {
      if (positions[column] < 0) {
        missing.add("'" + TransactionSchema.COLUMNS.get(column) + "'");
      }
    }
    if (!missing.isEmpty()) {
      throw new RowFormatError(
          file
              + ": missing column"
              + (missing.size() > 1 ? "s " : " ")
              + String.join(", ", missing));
    }
    columnOfField = columns;
    fieldsNeeded = Arrays.stream(positions).max().orElse(-1) + 1;
  }

  private void convert(int fieldIndex, char[] buffer, int offset, int length) {
    if (fieldIndex >= columnOfField.length) {
      return;
    }
    int column = columnOfField[fieldIndex];
    if (column < 0) {
      return;
    }
    switch (KINDS[column]) {
      case ID -> text[column] = new String(buffer, offset, length);
      case TEXT -> text[column] = pools[column].share(buffer, offset, length);
      case TIMESTAMP -> timestamp = timestamp(column, buffer, offset, length);
      case DECIMAL -> decimal[column] = decimal(column, buffer, offset, length);
      case INTEGER -> integer[column] = integer(column, buffer, offset, length);
      case FLAG -> integer[column] = flag(column, buffer, offset, length) ? 1 : 0;
      case LABEL -> integer[column] = label(column, buffer, offset, length);
    }
  }

  private LocalDateTime timestamp(int column, char[] buffer, int offset, int length) {
    try {
      return timestamps.parse(buffer, offset, length);
    } catch (DateTimeException e) {
      throw invalid(
          column,
          new String(buffer, offset, length),
          "is not an ISO-8601 local date-time such as 2026-01-01T13:45:12");
    }
  }

  private double decimal(int column, char[] buffer, int offset, int length) {
    try {
      return NumberText.parseDouble(buffer, offset, length);
    } catch (NumberFormatException e) {
      throw invalid(column, new String(buffer, offset, length), "is not a number");
    }
  }

  /** Integers; integral decimals such as {@code 3.0} (as pandas writes them) are accepted. */
  private int integer(int column, char[] buffer, int offset, int length) {
    int simple = NumberText.parseSimpleInt(buffer, offset, length);
    if (simple != Integer.MIN_VALUE) {
      return simple;
    }
    String value = new String(buffer, offset, length);
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      try {
        double number = Double.parseDouble(value);
        if (number == Math.rint(number)
            && number >= Integer.MIN_VALUE
            && number <= Integer.MAX_VALUE) {
          return (int) number;
        }
      } catch (NumberFormatException notANumber) {
        // reported below
      }
      throw invalid(column, value, "is not an integer");
    }
  }

  private boolean flag(int column, char[] buffer, int offset, int length) {
    if (length == 1 && (buffer[offset] == '0' || buffer[offset] == '1')) {
      return buffer[offset] == '1';
    }
    String value = new String(buffer, offset, length);
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "1", "true" -> true;
      case "0", "false" -> false;
      default -> throw invalid(column, value, "is not a boolean (0/1 or true/false)");
    };
  }

  /** is_fraud: an integer (the validator checks it is 0 or 1), or true/false. */
  private int label(int column, char[] buffer, int offset, int length) {
    if (length == 1 && (buffer[offset] == '0' || buffer[offset] == '1')) {
      return buffer[offset] - '0';
    }
    String value = new String(buffer, offset, length).strip();
    if (value.equalsIgnoreCase("true")) {
      return 1;
    }
    if (value.equalsIgnoreCase("false")) {
      return 0;
    }
    return integer(column, buffer, offset, length);
  }

  private RowFormatError invalid(int column, String value, String problem) {
    return new RowFormatError(
        file
            + " row "
            + (rows + 1)
            + ": column '"
            + TransactionSchema.COLUMNS.get(column)
            + "' value '"
            + abbreviate(value)
            + "' "
            + problem);
  }

  static String abbreviate(String value) {
    String oneLine = value.replace('\n', ' ').replace('\r', ' ');
    return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 37) + "...";
  }
}
