package io.fraudops.app.cli;

import io.fraudops.core.transaction.RawTransaction;
import io.fraudops.data.io.DataFormatException;
import io.fraudops.data.raw.RawTransactionFiles;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads raw transactions for the feature engine: a canonical raw CSV (from {@code fraudops import})
 * as is, or a reference-schema file (from {@code fraudops generate}) as raw rows (its precomputed
 * features are dropped: the engine computes them).
 */
final class RawRows {
  private RawRows() {}

  static List<RawTransaction> read(Path file) {
    if (file.toString().endsWith(".csv") && RawTransactionFiles.isRaw(file)) {
      try {
        return RawTransactionFiles.read(file);
      } catch (DataFormatException e) {
        throw new CommandFailedException(ExitCodes.UNUSABLE_INPUT, e.getMessage(), e);
      }
    }
    return ValidateCommand.read(file).stream().map(RawTransaction::from).toList();
  }
}
