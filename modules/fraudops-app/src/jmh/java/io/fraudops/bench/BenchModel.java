package io.fraudops.bench;

import io.fraudops.core.bundle.ModelBundle;
import io.fraudops.core.scoring.ScoringModel;
import io.fraudops.core.scoring.XGBoostScorer;
import io.fraudops.core.transaction.Transaction;
import io.fraudops.data.generate.GeneratorConfig;
import io.fraudops.data.generate.TransactionGenerator;
import io.fraudops.training.Algorithm;
import io.fraudops.training.DatasetInfo;
import io.fraudops.training.TrainingConfig;
import io.fraudops.training.TrainingJob;
import io.fraudops.training.TrainingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The model every benchmark scores: XGBoost, 200 trees of depth at most 6 (no early stopping) over
 * the 24 reference features, trained by the product's own training job on generated
 * transactions, plus a pool of real transactions to score. Trained once and kept in {@code
 * target/jmh-model/} (each JMH fork is a new JVM; training takes far longer than a fork's
 * measurements), rebuilt when that file is missing.
 */
final class BenchModel {

  static final int TREES = 200;
  static final int DEPTH = 6;

  final ModelBundle bundle;
  final ScoringModel model;
  final List<Transaction> rows;

  private static BenchModel instance;

  private static final Path CACHED = Path.of("target", "jmh-model", "xgboost-200x6.bundle");

  private BenchModel() {
    List<Transaction> data =
        new TransactionGenerator(GeneratorConfig.defaults().withRows(60_000).withSeed(7))
            .generate(n -> {});
    if (Files.isRegularFile(CACHED)) {
      this.bundle = ModelBundle.read(CACHED);
    } else {
      TrainingConfig config =
          TrainingConfig.defaults("bench")
              .withAlgorithms(List.of(Algorithm.XGBOOST))
              .withRounds(TREES)
              .withEarlyStoppingRounds(0);
      this.bundle =
          new TrainingJob(config)
              .run(data, new DatasetInfo("generated", data.size(), "none"), TrainingListener.NONE)
              .bundle();
      bundle.writeTo(CACHED);
    }
    this.model = ScoringModel.of(bundle);
    int trees = ((XGBoostScorer) model.scorer()).trees();
    if (trees != TREES) {
      throw new IllegalStateException("expected " + TREES + " trees, trained " + trees);
    }
    this.rows = data.subList(0, 4096);
  }

  static synchronized BenchModel get() {
    if (instance == null) {
      instance = new BenchModel();
    }
    return instance;
  }
}
