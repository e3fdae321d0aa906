package io.fraudops.data.raw;

import io.fraudops.core.transaction.RawTransaction;
import io.fraudops.data.io.DataFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps a CSV or Parquet export onto canonical raw transactions with a {@link ColumnMapping}. A
 * problem with the file as a whole (missing, a mapped column absent from the header) is a {@link
 * DataFormatException}; a problem with a row rejects that row with its number and reason, and the
 * import goes on: nothing is dropped silently.
 */
public final class TransactionImport {
  private TransactionImport() {}

  public static ImportResult run(Path input, ColumnMapping mapping) throws DataFormatException {
    String name = String.valueOf(input.getFileName());
    if (!Files.isRegularFile(input)) {
      throw new DataFormatException(name + ": file not found");
    }
    List<RawTransaction> rows = new ArrayList<>();
    List<RejectedRow> rejected = new ArrayList<>();
    Map<String, Long> seen = new HashMap<>();
    long read = 0;
    try (ExportRows source = ExportRows.open(input)) {
      int[] index = columns(name, source.header(), mapping);
      for (Object[] cells = source.next(); cells != null; cells = source.next()) {
        read++;
        try {
          RawTransaction tx = row(cells, index, mapping);
          Long first = seen.putIfAbsent(tx.transactionId(), read);
          if (first != null) {
            throw new IllegalArgumentException(
                "transaction_id '" + tx.transactionId() + "' repeats row " + first);
          }
          rows.add(tx);
        } catch (IllegalArgumentException | DateTimeException e) {
          rejected.add(new RejectedRow(read, e.getMessage()));
        }
      }
    } catch (IOException | UncheckedIOException e) {
      throw new DataFormatException(name + ": cannot read: " + e.getMessage(), e);
    } catch (de.siegmar.fastcsv.reader.CsvParseException e) {
      throw new DataFormatException(
          name + " row " + (read + 1) + ": malformed CSV: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      // Parquet readers report a corrupt or non-Parquet file as unchecked exceptions.
      throw new DataFormatException(
          name + " row " + (read + 1) + ": cannot read: " + e.getMessage(), e);
    }
    return new ImportResult(rows, rejected, read);
  }

  private static int[] columns(String name, List<String> header, ColumnMapping mapping)
      throws DataFormatException {
    int[] index = new int[ColumnMapping.FIELDS.size()];
    List<String> missing = new ArrayList<>();
    for (int f = 0; f < index.length; f++) {
      String column = mapping.columns().get(ColumnMapping.FIELDS.get(f));
      index[f] = column == null ? -1 : header.indexOf(column);
      if (column != null && index[f] < 0) {
        missing.add(ColumnMapping.FIELDS.get(f) + " -> '" + column + "'");
      }
    }
    if (!missing.isEmpty()) {
      throw new DataFormatException(
          name
              + ": mapped columns not in the header: "
              + String.join(", ", missing)
              + " (header: "
              + String.join(",", header)
              + ")");
    }
    return index;
  }

  private static RawTransaction row(Object[] r, int[] index, ColumnMapping m) {
    String id = text(required(r, index, 0));
    OffsetDateTime at = timestamp(required(r, index, 1), m);
    String card = text(required(r, index, 2));
    String merchant = text(required(r, index, 3));
    double amount = number(index, 4, required(r, index, 4));
    if (!(amount > 0)) {
      throw new IllegalArgumentException("amount '" + text(cell(r, index, 4)) + "' must be > 0");
    }
    Double lat = optionalNumber(r, index, 8);
    Double lon = optionalNumber(r, index, 9);
    if (lat != null && Math.abs(lat) > 90) {
      throw new IllegalArgumentException("latitude " + lat + " is not in [-90, 90]");
    }
    if (lon != null && Math.abs(lon) > 180) {
      throw new IllegalArgumentException("longitude " + lon + " is not in [-180, 180]");
    }
    if ((lat == null) != (lon == null)) {
      throw new IllegalArgumentException("latitude and longitude must be given together");
    }
    Object label = cell(r, index, 11);
    Object online = cell(r, index, 7);
    return new RawTransaction(
        id,
        at,
        card,
        merchant,
        amount,
        text(cell(r, index, 5)),
        text(cell(r, index, 6)),
        online == null ? null : bool("is_online", online, m),
        lat,
        lon,
        text(cell(r, index, 10)),
        label == null ? null : (bool("label", label, m) ? 1 : 0));
  }

  private static Object cell(Object[] r, int[] index, int f) {
    int i = index[f];
    return i < 0 || i >= r.length ? null : r[i];
  }

  private static Object required(Object[] r, int[] index, int f) {
    Object v = cell(r, index, f);
    if (v == null) {
      throw new IllegalArgumentException(ColumnMapping.FIELDS.get(f) + " is empty");
    }
    return v;
  }

  /** A cell as text: a typed Parquet number or flag as Java writes it. */
  private static String text(Object v) {
    return v == null ? null : v.toString();
  }

  private static double number(int[] index, int f, Object v) {
    if (v instanceof Number n) {
      double d = n.doubleValue();
      if (Double.isFinite(d)) {
        return d;
      }
    } else {
      try {
        double d = Double.parseDouble(v.toString());
        if (Double.isFinite(d)) {
          return d;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new IllegalArgumentException(
        ColumnMapping.FIELDS.get(f) + " '" + v + "' is not a number");
  }

  private static Double optionalNumber(Object[] r, int[] index, int f) {
    Object v = cell(r, index, f);
    return v == null ? null : number(index, f, v);
  }

  private static boolean bool(String field, Object cell, ColumnMapping m) {
    if (cell instanceof Boolean b) {
      return b; // a typed Parquet flag needs no true/false words
    }
    String v = cell.toString();
    String word = v.toLowerCase(Locale.ROOT);
    if (m.trueValues().contains(word)) {
      return true;
    }
    if (m.falseValues().contains(word)) {
      return false;
    }
    throw new IllegalArgumentException(
        field
            + " '"
            + v
            + "' is neither a true value "
            + m.trueValues()
            + " nor a false one "
            + m.falseValues());
  }

  /** A typed Parquet timestamp as is (a local one in the mapping's zone), text by the mapping. */
  static OffsetDateTime timestamp(Object cell, ColumnMapping m) {
    switch (cell) {
      case Instant i -> {
        return i.atOffset(ZoneOffset.UTC);
      }
      case OffsetDateTime o -> {
        return o;
      }
      case LocalDateTime l -> {
        return l.atZone(m.zone()).toOffsetDateTime();
      }
      default -> {
        return timestamp(cell.toString(), m);
      }
    }
  }

  static OffsetDateTime timestamp(String v, ColumnMapping m) {
    try {
      if (ColumnMapping.EPOCH_SECONDS.equals(m.timestampFormat())) {
        return Instant.ofEpochSecond(Long.parseLong(v)).atOffset(ZoneOffset.UTC);
      }
      if (ColumnMapping.EPOCH_MILLIS.equals(m.timestampFormat())) {
        return Instant.ofEpochMilli(Long.parseLong(v)).atOffset(ZoneOffset.UTC);
      }
      if (m.formatter() != null) {
        TemporalAccessor t = m.formatter().parse(v);
        if (t.isSupported(ChronoField.OFFSET_SECONDS)) {
          return OffsetDateTime.from(t);
        }
        return LocalDateTime.from(t).atZone(m.zone()).toOffsetDateTime();
      }
      try {
        return OffsetDateTime.parse(v);
      } catch (DateTimeException e) {
        return LocalDateTime.parse(v.replace(' ', 'T')).atZone(m.zone()).toOffsetDateTime();
      }
    } catch (DateTimeException | NumberFormatException e) {
      throw new IllegalArgumentException(
          "timestamp '"
              + v
              + "' does not match "
              + (m.timestampFormat() == null ? "ISO-8601" : "'" + m.timestampFormat() + "'"));
    }
  }
}
