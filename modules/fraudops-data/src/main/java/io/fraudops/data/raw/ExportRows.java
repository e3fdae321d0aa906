package io.fraudops.data.raw;

import com.jerolba.carpet.CarpetParquetReader;
import com.jerolba.carpet.io.FileSystemInputFile;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.fraudops.data.io.DataFormatException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.schema.Type;

/**
 * The rows of a bank's export, one at a time, whatever its format: the header (column names), then
 * each row's cells in header order. A CSV cell is its text; a Parquet cell keeps its type (a
 * number, a boolean, a timestamp as {@link java.time.Instant} or {@link java.time.LocalDateTime},
 * text), so a typed timestamp or flag needs no format from the mapping. {@code null} is an empty
 * cell.
 */
abstract sealed class ExportRows implements Closeable {

  /** Parquet by the {@code .parquet} extension, CSV otherwise. */
  static ExportRows open(Path file) throws IOException, DataFormatException {
    String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
    return name.endsWith(".parquet") ? new Parquet(file) : new Csv(file);
  }

  abstract List<String> header();

  /** The next row's cells, or {@code null} at the end. */
  abstract Object[] next() throws IOException;

  private static final class Csv extends ExportRows {
    private final CsvReader<CsvRecord> reader;
    private final Iterator<CsvRecord> records;
    private final List<String> header;

    Csv(Path file) throws IOException, DataFormatException {
      reader =
          CsvReader.builder()
              .ignoreDifferentFieldCount(true)
              .detectBomHeader(true)
              .ofCsvRecord(file, StandardCharsets.UTF_8);
      records = reader.iterator();
      if (!records.hasNext()) {
        reader.close();
        throw new DataFormatException(file.getFileName() + ": empty file, expected a header row");
      }
      header = records.next().getFields();
    }

    @Override
    List<String> header() {
      return header;
    }

    @Override
    Object[] next() {
      while (records.hasNext()) {
        CsvRecord r = records.next();
        if (r.getFieldCount() == 1 && r.getField(0).isEmpty()) {
          continue; // blank line
        }
        Object[] cells = new Object[header.size()];
        for (int i = 0; i < cells.length && i < r.getFieldCount(); i++) {
          String v = r.getField(i).trim();
          cells[i] = v.isEmpty() ? null : v;
        }
        return cells;
      }
      return null;
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }

  private static final class Parquet extends ExportRows {
    private final ParquetReader<Map<String, Object>> reader;
    private final List<String> header;

    @SuppressWarnings({"unchecked", "rawtypes"})
    Parquet(Path file) throws IOException {
      FileSystemInputFile in = new FileSystemInputFile(file.toFile());
      try (ParquetFileReader meta = ParquetFileReader.open(in)) {
        header =
            meta.getFooter().getFileMetaData().getSchema().getFields().stream()
                .map(Type::getName)
                .toList();
      }
      reader = (ParquetReader) CarpetParquetReader.builder(in, Map.class).build();
    }

    @Override
    List<String> header() {
      return header;
    }

    @Override
    Object[] next() throws IOException {
      Map<String, Object> row = reader.read();
      if (row == null) {
        return null;
      }
      Object[] cells = new Object[header.size()];
      for (int i = 0; i < cells.length; i++) {
        Object v = row.get(header.get(i));
        cells[i] = v instanceof String s && s.isBlank() ? null : v;
      }
      return cells;
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }
}
