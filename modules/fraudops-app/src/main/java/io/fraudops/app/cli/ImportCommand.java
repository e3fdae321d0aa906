package io.fraudops.app.cli;

import io.fraudops.data.io.DataFormatException;
import io.fraudops.data.raw.ColumnMapping;
import io.fraudops.data.raw.ImportResult;
import io.fraudops.data.raw.RawTransactionFiles;
import io.fraudops.data.raw.RejectedRow;
import io.fraudops.data.raw.TransactionImport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fraudops import}: maps a bank's CSV export onto the canonical raw-transaction schema with
 * a column mapping, writes the canonical file and a report; every rejected row is listed with its
 * row number and reason (on the console, the first {@value #SHOWN}; all in {@code
 * <out>.rejected.csv}), never dropped silently.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Map a CSV export onto the canonical raw-transaction schema (column names, timestamp format,",
      "zone, label column, ids) and write it with a validation report. Rejected rows are listed",
      "with row numbers and reasons in OUT.rejected.csv.",
      "Exit code: 0 all rows imported, 1 some rows rejected, 2 unusable input or mapping."
    })
final class ImportCommand implements Callable<Integer> {

  static final int SHOWN = 20;

  @Option(
      names = "--input",
      required = true,
      paramLabel = "FILE",
      description = "the export (.csv, or .parquet with typed columns)")
  Path input;

  @Option(
      names = "--mapping",
      required = true,
      paramLabel = "FILE",
      description =
          "mapping.yaml: columns (canonical field: source column), timestamp_format, timezone")
  Path mapping;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "canonical CSV to write")
  Path out;

  @Override
  public Integer call() {
    Console console = Console.stdout();
    ColumnMapping columns;
    try {
      columns = ColumnMapping.parse(Files.readString(mapping));
    } catch (IOException e) {
      throw new CommandFailedException(
          ExitCodes.UNUSABLE_INPUT, "cannot read mapping " + mapping + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new CommandFailedException(
          ExitCodes.UNUSABLE_INPUT, mapping.getFileName() + ": " + e.getMessage(), e);
    }
    console.progress("importing " + input);
    ImportResult result;
    try {
      result = TransactionImport.run(input, columns);
    } catch (DataFormatException e) {
      throw new CommandFailedException(ExitCodes.UNUSABLE_INPUT, e.getMessage(), e);
    }
    RawTransactionFiles.write(out, result.rows());
    Path rejectedFile = out.resolveSibling(out.getFileName() + ".rejected.csv");
    writeRejected(rejectedFile, result.rejected());
    console.line(
        String.format(
            Locale.ROOT,
            "Read %,d rows from %s: %,d imported to %s, %,d rejected%s",
            result.read(),
            input.getFileName(),
            result.rows().size(),
            out,
            result.rejected().size(),
            result.rejected().isEmpty() ? "" : " (all listed in " + rejectedFile + ")"));
    List<RejectedRow> shown =
        result.rejected().subList(0, Math.min(SHOWN, result.rejected().size()));
    for (RejectedRow r : shown) {
      console.line("  row " + r.row() + ": " + r.reason());
    }
    if (result.rejected().size() > shown.size()) {
      console.line("  ... and " + (result.rejected().size() - shown.size()) + " more");
    }
    return result.rejected().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
  }

  private static void writeRejected(Path file, List<RejectedRow> rejected) {
    List<String> lines = new ArrayList<>(rejected.size() + 1);
    lines.add("row,reason");
    for (RejectedRow r : rejected) {
      lines.add(r.row() + ",\"" + r.reason().replace("\"", "\"\"") + "\"");
    }
    try {
      Files.write(file, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
