package io.fraudops.app.serving;

import io.fraudops.app.roles.ConditionalOnRole;
import io.fraudops.app.roles.Role;
import io.fraudops.core.explain.Explainer;
import io.fraudops.core.features.declared.DeclaredFeatures;
import io.fraudops.core.features.state.FeatureEngine;
import io.fraudops.core.features.state.LateTransactionException;
import io.fraudops.core.scoring.Decision;
import io.fraudops.core.scoring.RiskLevel;
import io.fraudops.core.transaction.LabelEvent;
import io.fraudops.core.transaction.RawTransaction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Service;

/**
 * Scores raw transactions: features from the feature state (through the one {@link FeatureEngine}),
 * the serving model's score and decision, and the state updated with the transaction, idempotently
 * on its id. Works with any served model: its bundle says which feature set it reads (a
 * reference-feature model reads the declared reference set).
 */
@Service
@ConditionalOnWebApplication
@ConditionalOnRole(Role.API)
public class TransactionScoring {

  private final ModelHolder holder;
  private final FeatureEngine engine;
  private final ServingMetrics metrics;
  private final Clock clock = Clock.systemUTC();
  private final Counter scored;
  private final Counter duplicates;
  private final Counter late;
  private final Counter labelsApplied;
  private final Counter labelsUnknown;
  private final Timer featureTime;

  /** The last model checked against the state: checked once per swap, not per request. */
  private volatile ServingModel checked;

  TransactionScoring(
      ModelHolder holder, FeatureEngine engine, ServingMetrics metrics, MeterRegistry meters) {
    this.holder = holder;
    this.engine = engine;
    this.metrics = metrics;
    this.scored = transactions(meters, "scored");
    this.duplicates = transactions(meters, "duplicate");
    this.late = transactions(meters, "too_late");
    this.labelsApplied = labels(meters, "applied");
    this.labelsUnknown = labels(meters, "unknown_transaction");
    this.featureTime =
        Timer.builder("fraudops.features.observe.duration")
            .description("Features from state, score and state update of one raw transaction")
            .publishPercentiles(0.5, 0.99)
            .register(meters);
  }

  private static Counter transactions(MeterRegistry meters, String outcome) {
    return Counter.builder("fraudops.transactions")
        .description("Raw transactions received on /v1/transactions/score, by outcome")
        .tag("outcome", outcome)
        .register(meters);
  }

  private static Counter labels(MeterRegistry meters, String outcome) {
    return Counter.builder("fraudops.labels")
        .description("Labels received on /v1/labels, by outcome")
        .tag("outcome", outcome)
        .register(meters);
  }

  /**
   * @param includeFeatures whether the answer lists the computed features
   * @param explain whether the answer carries the top contributing features and reasons (not for a
   *     duplicate, whose features were not computed again)
   * @throws InvalidRequestException 422 when the transaction is later than the tolerance allows
   * @throws ModelUnavailableException when no model is served or its features cannot be computed
   *     from this state
   */
  public TransactionScore score(RawTransaction tx, boolean includeFeatures, boolean explain) {
    ServingModel model = holder.require();
    DeclaredFeatures features = computable(model);
    long started = System.nanoTime();
    FeatureEngine.Observation observation;
    try {
      observation =
          engine.observe(
              tx,
              features,
              x -> Outcome.of(model.model().decide(x), model.versionLabel()).encode());
    } catch (LateTransactionException e) {
      late.increment();
      throw new InvalidRequestException(
          InvalidRequestException.UNPROCESSABLE,
          "transaction-too-late",
          "Transaction too late",
          List.of(new FieldError("timestamp", e.getMessage())));
    }
    featureTime.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
    Outcome outcome = Outcome.decode(observation.outcome());
    if (observation.duplicate()) {
      duplicates.increment();
    } else {
      scored.increment();
      metrics.record(outcome.decision());
    }
    Map<String, Double> named = null;
    if (includeFeatures && observation.features() != null) {
      named = new LinkedHashMap<>();
      List<String> names = features.spec().featureNames();
      double[] x = observation.features();
      for (int i = 0; i < x.length; i++) {
        named.put(names.get(i), Double.isNaN(x[i]) ? null : x[i]);
      }
    }
    PredictionExplanation explanation = null;
    if (explain && observation.features() != null) {
      explanation =
          PredictionExplanation.of(
              model.model().explainer().explain(observation.features(), tx, Explainer.DEFAULT_TOP));
    }
    Decision d = outcome.decision();
    return new TransactionScore(
        tx.transactionId(),
        d.fraud() ? 1 : 0,
        d.probability(),
        d.riskLevel(),
        outcome.modelVersion(),
        features.definition().id(),
        observation.duplicate(),
        clock.instant(),
        named,
        explanation);
  }

  /**
   * @throws InvalidRequestException 404 when the transaction is unknown to the state
   */
  public LabelReceipt label(LabelEvent label) {
    if (!engine.label(label)) {
      labelsUnknown.increment();
      throw new InvalidRequestException(
          404,
          "unknown-transaction",
          "Unknown transaction",
          List.of(
              new FieldError(
                  "transaction_id",
                  "no transaction "
                      + label.transactionId()
                      + " was scored within the feature state's retention ("
                      + engine.config().retention()
                      + ")")));
    }
    labelsApplied.increment();
    return new LabelReceipt(label.transactionId(), label.label().wire(), label.knownAt(), true);
  }

  private DeclaredFeatures computable(ServingModel model) {
    DeclaredFeatures features = model.model().declaredFeatures();
    if (checked != model) {
      try {
        engine.requireComputable(features);
      } catch (IllegalArgumentException e) {
        throw new ModelUnavailableException(
            "the served model v"
                + model.versionLabel()
                + " cannot be scored from this feature state: "
                + e.getMessage());
      }
      checked = model;
    }
    return features;
  }

  /** What the state keeps per transaction to answer a retry: the first decision and version. */
  record Outcome(Decision decision, String modelVersion) {
    static Outcome of(Decision d, String version) {
      return new Outcome(d, version);
    }

    String encode() {
      return decision.probability()
          + ";"
          + (decision.fraud() ? 1 : 0)
          + ";"
          + decision.riskLevel().wire()
          + ";"
          + modelVersion;
    }

    static Outcome decode(String text) {
      String[] p = text.split(";", 4);
      return new Outcome(
          new Decision(
              Double.parseDouble(p[0]),
              "1".equals(p[1]),
              RiskLevel.valueOf(p[2].toUpperCase(Locale.ROOT))),
          p[3]);
    }
  }
}
