package io.fraudops.app.cli;

import io.fraudops.app.registry.ModelRegistry;
import io.fraudops.app.registry.ModelVersion;
import io.fraudops.core.bundle.ModelBundle;
import io.fraudops.core.features.declared.Durations;
import io.fraudops.core.features.state.Replay;
import io.fraudops.core.scoring.Decision;
import io.fraudops.core.scoring.ScoringModel;
import io.fraudops.core.transaction.RawTransaction;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fraudops score}: batch scoring of a raw transaction file for backtests, through the same
 * feature engine and model as {@code POST /v1/transactions/score}: the file is replayed in time
 * order (labels in the file become known {@code --label-latency} after each transaction), each
 * transaction scored with the features knowable at its timestamp.
 */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description = {
      "Score a raw transaction file (canonical CSV from import, or a generated file) with a",
      "registered model through the feature engine, in time order; writes transaction_id,",
      "fraud_probability, is_fraud (the decision) and risk_level."
    })
final class ScoreCommand implements Callable<Integer> {

  @Mixin HomeOption home;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "FILE",
      description = "transactions to score")
  Path data;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "scores CSV to write")
  Path out;

  @Option(
      names = "--model-name",
      description = "registered model (default: $FRAUDOPS_MODEL_NAME or fraud-detector)")
  String modelName;

  @Option(
      names = "--alias",
      defaultValue = "production",
      description = "alias of the version to score with (default: ${DEFAULT-VALUE})")
  String alias;

  @Option(names = "--version", description = "version to score with instead of the alias")
  Integer version;

  @Option(
      names = "--label-latency",
      defaultValue = "7d",
      description =
          "when the file's labels become known after each transaction (default: ${DEFAULT-VALUE})")
  String labelLatency;

  @Override
  public Integer call() {
    Console console = Console.stdout();
    String name = modelName != null ? modelName : TrainCommand.defaultModelName();
    Duration latency;
    try {
      latency = Durations.parse(labelLatency);
    } catch (IllegalArgumentException e) {
      throw new CommandFailedException(
          ExitCodes.UNUSABLE_INPUT, "--label-latency: " + e.getMessage(), e);
    }
    ScoringModel model;
    ModelVersion mv;
    try (ConfigurableApplicationContext context = AppContext.registry(home.resolve())) {
      ModelRegistry registry = context.getBean(ModelRegistry.class);
      mv =
          version != null
              ? registry.requireVersion(name, version)
              : registry.requireByAlias(name, alias);
      model = ScoringModel.of(ModelBundle.read(new ByteArrayInputStream(registry.loadArchive(mv))));
    }
    console.progress("reading " + data);
    List<RawTransaction> rows =
        RawRows.read(data).stream()
            .sorted(Comparator.comparingLong(RawTransaction::epochMillis))
            .toList();
    long started = System.nanoTime();
    int[] flagged = {0};
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      w.write("transaction_id,fraud_probability,is_fraud,risk_level\n");
      Replay.labelledTransactions(
          rows,
          latency,
          model.declaredFeatures(),
          (i, tx, x) -> {
            Decision d = model.decide(x);
            flagged[0] += d.fraud() ? 1 : 0;
            try {
              w.write(
                  tx.transactionId()
                      + ","
                      + d.probability()
                      + ","
                      + (d.fraud() ? 1 : 0)
                      + ","
                      + d.riskLevel().wire()
                      + "\n");
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out, e);
    }
    console.line(
        String.format(
            Locale.ROOT,
            "Scored %,d transactions with %s v%d (%s) in %s: %,d flagged as fraud; scores in %s",
            rows.size(),
            mv.name(),
            mv.version(),
            model.declaredFeatures().definition().id(),
            Console.seconds(Duration.ofNanos(System.nanoTime() - started)),
            flagged[0],
            out));
    return ExitCodes.OK;
  }
}
