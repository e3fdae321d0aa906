package io.fraudops.app.cli;

import io.fraudops.app.training.DataLocation;
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

  @Parameters(
      paramLabel = "FILE|S3URI",
      description = "a .csv or .parquet transaction file: a local path or s3://bucket/key")
  String file;

  @Override
  public Integer call() {
    Console console = Console.stdout();
    ValidationReport report;
    try (DataLocation location = open(file, console)) {
      report = validate(location.file(), console).report();
    }
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

  /**
   * A local path as it is, or an {@code s3://} object downloaded with the artifact store's S3
   * settings; an unreachable object ends the command with exit code 2.
   */
  static DataLocation open(String location, Console console) {
    if (!DataLocation.isS3(location)) {
      return DataLocation.local(location);
    }
    console.progress("downloading " + location);
    try {
      return DataLocation.open(location);
    } catch (IllegalArgumentException | software.amazon.awssdk.core.exception.SdkException e) {
      throw new CommandFailedException(ExitCodes.UNUSABLE_INPUT, e.getMessage(), e);
    }
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
