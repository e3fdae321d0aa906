package io.fraudops.app.cli;

import io.fraudops.core.transaction.Transaction;
import io.fraudops.data.io.DataFormatException;
import io.fraudops.data.io.TransactionFiles;
import io.fraudops.data.validate.TransactionValidator;
import io.fraudops.data.validate.ValidationReport;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check a transaction file against the schema and data-quality rules and print a report.",
      "Exit code: 0 valid, 1 rules broken, 2 file unreadable."
    })
final class ValidateCommand implements Callable<Integer> {

  @Parameters(paramLabel = "FILE", description = "a .csv or .parquet transaction file")
  Path file;

  @Override
  public Integer call() {
    Console console = Console.stdout();
    ValidationReport report = validate(file, console).report();
    console.line(report.render());
    return report.valid() ? ExitCodes.OK : ExitCodes.FAILED;
  }

  /** A file's rows and their validation report. */
  record Validated(List<Transaction> rows, ValidationReport report) {}

  /** Reads and validates a file; an unreadable file ends the command with exit code 2. */
  static Validated validate(Path file, Console console) {
    console.progress("reading " + file);
    List<Transaction> rows = read(file);
    console.progress("validating " + rows.size() + " rows");
    return new Validated(rows, new TransactionValidator().validate(rows));
  }

  /** Reads a transaction file; an unreadable one ends the command with exit code 2. */
  static List<Transaction> read(Path file) {
    try {
      return TransactionFiles.read(file);
    } catch (DataFormatException e) {
      throw new CommandFailedException(ExitCodes.UNUSABLE_INPUT, e.getMessage(), e);
    }
  }
}
