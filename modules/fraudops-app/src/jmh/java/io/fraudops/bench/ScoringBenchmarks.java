package io.fraudops.bench;

import io.fraudops.app.serving.PredictRequest;
import io.fraudops.app.serving.PredictRequestReader;
import io.fraudops.app.serving.Prediction;
import io.fraudops.app.serving.PredictionExplanation;
import io.fraudops.app.serving.ScoringJson;
import io.fraudops.core.explain.Explainer;
import io.fraudops.core.explain.Explanation;
import io.fraudops.core.features.ReferenceFeatures;
import io.fraudops.core.scoring.Decision;
import io.fraudops.core.scoring.Scorer;
import io.fraudops.core.scoring.ScoringModel;
import io.fraudops.core.scoring.XGBoostScorer;
import io.fraudops.core.transaction.Transaction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The scoring hot path, one stage at a time, on a 200-tree depth-6 XGBoost model over the 24
 * reference features ({@link BenchModel}). Rows rotate through 4,096 generated transactions, so
 * branch predictors and caches see realistic variety rather than one memorized row.
 *
 * <p>Run: {@code bench/jmh.sh} (all) or {@code bench/jmh.sh ScoringBenchmarks.scoreOneRow}.
 * Targets on 2 cores: single-row scoring under 2 µs, with explanation under 20 µs. Forks run the
 * serial collector, as {@code ./fraudops serve} does.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseSerialGC"})
public class ScoringBenchmarks {

  private static final int ROWS = 4096;
  private static final int BATCH = 1000;

  private ScoringModel model;
  private Scorer scorer;
  private ReferenceFeatures features;
  private Explainer explainer;
  private PredictRequestReader reader;
  private List<Transaction> rows;
  private double[][] vectors;
  private byte[][] bodies;
  private double[] x;
  private double[] phi;
  private double[] batchOut;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    BenchModel bench = BenchModel.get();
    model = bench.model;
    scorer = model.scorer();
    features = model.features();
    explainer = model.explainer();
    reader = new PredictRequestReader();
    rows = bench.rows;
    vectors = new double[ROWS][];
    bodies = new byte[ROWS][];
    for (int i = 0; i < ROWS; i++) {
      vectors[i] = features.transform(rows.get(i));
      bodies[i] = json(rows.get(i)).getBytes(StandardCharsets.UTF_8);
    }
    x = new double[features.width()];
    phi = new double[features.width() + 1];
    batchOut = new double[BATCH];
  }

  private int nextRow() {
    int i = next;
    next = (i + 1) & (ROWS - 1);
    return i;
  }

  /** Tree walk only: one feature vector to a probability. */
  @Benchmark
  public double scoreOneRow() {
    return scorer.score(vectors[nextRow()]);
  }

  /** The same through child pointers instead of the complete-tree layout (for comparison). */
  @Benchmark
  public float scoreOneRowPointerWalk() {
    return ((XGBoostScorer) scorer).walkedMargin(vectors[nextRow()]);
  }

  /** Tree walk over 1,000 prepared vectors; reported per row. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public double[] scoreBatchOf1000() {
    int start = nextRow() & ~(BATCH - 1) & (ROWS - 1);
    for (int i = 0; i < BATCH; i++) {
      batchOut[i] = scorer.score(vectors[(start + i) & (ROWS - 1)]);
    }
    return batchOut;
  }

  /** The reference feature transformation of one transaction (allocation-free). */
  @Benchmark
  public double[] transformFeatures() {
    features.transform(rows.get(nextRow()), x);
    return x;
  }

  /** Transaction fields to a decision: features, trees, threshold and risk band. */
  @Benchmark
  public Decision transformAndScore() {
    return model.decide(rows.get(nextRow()));
  }

  /** TreeSHAP contributions of one transaction (allocation-free). */
  @Benchmark
  public double[] explainContributions() {
    explainer.contributions(rows.get(nextRow()), x, phi);
    return phi;
  }

  /** The whole explanation: contributions, top 5 features and reason sentences. */
  @Benchmark
  public Explanation explainWithReasons() {
    return explainer.explain(rows.get(nextRow()), Explainer.DEFAULT_TOP);
  }

  /** JSON request bytes to JSON response bytes, as /predict does it (without HTTP). */
  @Benchmark
  public byte[] jsonRequestToResponse() {
    return respond(false);
  }

  /** The same with explain=true. */
  @Benchmark
  public byte[] jsonRequestToResponseExplained() {
    return respond(true);
  }

  private byte[] respond(boolean explain) {
    PredictRequest request = reader.readOne(bodies[nextRow()]);
    Decision d = model.decide(request);
    PredictionExplanation explanation =
        explain
            ? PredictionExplanation.of(explainer.explain(request, Explainer.DEFAULT_TOP))
            : null;
    return ScoringJson.prediction(
        new Prediction(
            request.transactionId(),
            d.fraud() ? 1 : 0,
            d.probability(),
            d.riskLevel(),
            Instant.now(),
            "1",
            explanation));
  }

  static String json(Transaction t) {
    return String.format(
        Locale.ROOT,
        "{\"transaction_id\":\"%s\",\"amount\":%s,\"merchant_category\":\"%s\","
            + "\"merchant_country\":\"%s\",\"hour_of_day\":%d,\"day_of_week\":%d,"
            + "\"is_online\":%b,\"is_weekend\":%b,\"transactions_last_24h\":%d,"
            + "\"total_amount_last_24h\":%s,\"transactions_last_1h\":%d,"
            + "\"distance_from_home\":%s}",
        t.transactionId(),
        t.amount(),
        t.merchantCategory(),
        t.merchantCountry(),
        t.hourOfDay(),
        t.dayOfWeek(),
        t.isOnline(),
        t.isWeekend(),
        t.transactionsLast24h(),
        t.totalAmountLast24h(),
        t.transactionsLast1h(),
        t.distanceFromHome());
  }
}
