package io.fraudops.app.support;

import io.fraudops.core.bundle.ModelBundle;
import io.fraudops.core.transaction.Transaction;
import io.fraudops.data.generate.GeneratorConfig;
import io.fraudops.data.generate.TransactionGenerator;
import io.fraudops.data.io.TransactionFiles;
import io.fraudops.training.DatasetInfo;
import io.fraudops.training.TrainingConfig;
import io.fraudops.training.TrainingJob;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Small real models for the registry and serving tests: a generated dataset and two bundles trained
 * on it with different round counts (so they score differently). Built once per test JVM.
 */
public final class TestModels {
  private TestModels() {}

  private static List<Transaction> rows;
  private static Path dataset;
  private static ModelBundle first;
  private static ModelBundle second;
  private static ModelBundle raw;

  public static synchronized List<Transaction> rows() {
    if (rows == null) {
      GeneratorConfig d = GeneratorConfig.defaults();
      rows =
          new TransactionGenerator(new GeneratorConfig(20_000, 0.02, 2_000, 30, 11, d.startDate()))
              .generate(done -> {});
    }
    return rows;
  }

  /** The rows as a CSV file (for CLI and s3:// tests). */
  public static synchronized Path datasetFile() {
    if (dataset == null) {
      try {
        Path dir = Files.createTempDirectory("fraudops-test-data");
        dir.toFile().deleteOnExit();
        dataset = dir.resolve("transactions.csv");
        TransactionFiles.write(dataset, rows());
        dataset.toFile().deleteOnExit();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return dataset;
  }

  public static synchronized ModelBundle first() {
    if (first == null) {
      first = train(15);
    }
    return first;
  }

  public static synchronized ModelBundle second() {
    if (second == null) {
      second = train(30);
    }
    return second;
  }

  /** A model on the declared {@code raw} feature set, trained on {@link #rows()} as raw rows. */
  public static synchronized ModelBundle raw() {
    if (raw == null) {
      TrainingConfig d = TrainingConfig.defaults("fraud-detector");
      TrainingConfig config =
          new TrainingConfig(
              d.modelName(),
              d.algorithm().id(),
              30,
              4,
              0.3,
              d.testFraction(),
              d.validationFraction(),
              0,
              1,
              d.seed());
      List<io.fraudops.core.transaction.RawTransaction> rawRows = RawStreams.raw(rows());
      raw =
          TrainingJob.runDeclared(
                  config,
                  io.fraudops.core.features.declared.FeatureSets.shipped("raw"),
                  java.time.Duration.ofDays(7),
                  rawRows,
                  new DatasetInfo("generated-raw", rawRows.size(), "0".repeat(64)),
                  null)
              .bundle();
    }
    return raw;
  }

  private static ModelBundle train(int rounds) {
    TrainingConfig d = TrainingConfig.defaults("fraud-detector");
    TrainingConfig config =
        new TrainingConfig(
            d.modelName(),
            d.algorithm().id(),
            rounds,
            4,
            0.3,
            d.testFraction(),
            d.validationFraction(),
            0,
            1,
            d.seed());
    return new TrainingJob(config)
        .run(rows(), new DatasetInfo("generated", rows().size(), "0".repeat(64)), null)
        .bundle();
  }
}
