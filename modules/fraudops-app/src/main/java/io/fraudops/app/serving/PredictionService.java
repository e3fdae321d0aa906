package io.fraudops.app.serving;

import io.fraudops.app.roles.ConditionalOnRole;
import io.fraudops.app.roles.Role;
import io.fraudops.core.explain.Explainer;
import io.fraudops.core.scoring.Decision;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Service;

/** Scores requests with the serving model and records the outcome in the metrics. */
@Service
@ConditionalOnWebApplication
@ConditionalOnRole(Role.API)
public class PredictionService {

  private final ModelHolder holder;
  private final ServingMetrics metrics;
  private final PredictionIds ids = new PredictionIds();
  private final Clock clock = Clock.systemUTC();

  PredictionService(ModelHolder holder, ServingMetrics metrics) {
    this.holder = holder;
    this.metrics = metrics;
  }

  public Prediction predict(PredictRequest request) {
    return predict(request, false);
  }

  /**
   * @param explain add the top contributing features and reasons (TreeSHAP, pure Java)
   */
  public Prediction predict(PredictRequest request, boolean explain) {
    ServingModel model = holder.require();
    return predict(model, request, clock.instant(), explain);
  }

  public BatchPrediction predictBatch(List<PredictRequest> requests) {
    return predictBatch(requests, false);
  }

  /** Scores every request with one model instance, so a batch never mixes versions. */
  public BatchPrediction predictBatch(List<PredictRequest> requests, boolean explain) {
    ServingModel model = holder.require();
    Instant now = clock.instant();
    List<Prediction> out = new ArrayList<>(requests.size());
    for (PredictRequest request : requests) {
      out.add(predict(model, request, now, explain));
    }
    return new BatchPrediction(model.versionLabel(), out.size(), out);
  }

  private Prediction predict(
      ServingModel model, PredictRequest request, Instant now, boolean explain) {
    Decision d = model.model().decide(request);
    metrics.record(d);
    String id = request.transactionId() != null ? request.transactionId() : ids.next();
    PredictionExplanation explanation = explain ? explain(model, request) : null;
    return new Prediction(
        id,
        d.fraud() ? 1 : 0,
        d.probability(),
        d.riskLevel(),
        now,
        model.versionLabel(),
        explanation);
  }

  private static PredictionExplanation explain(ServingModel model, PredictRequest request) {
    try {
      return PredictionExplanation.of(
          model.model().explainer().explain(request, Explainer.DEFAULT_TOP));
    } catch (UnsupportedOperationException e) {
      // A model file without node covers (not one our trainers write) can score but not explain.
      throw new InvalidRequestException(
          InvalidRequestException.UNPROCESSABLE,
          "explanation-unavailable",
          "Explanation unavailable",
          List.of(new FieldError("explain", e.getMessage())));
    }
  }
}
