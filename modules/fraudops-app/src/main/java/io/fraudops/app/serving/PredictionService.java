package io.fraudops.app.serving;

import io.fraudops.app.roles.ConditionalOnRole;
import io.fraudops.app.roles.Role;
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
    ServingModel model = holder.require();
    return predict(model, request, clock.instant());
  }

  /** Scores every request with one model instance, so a batch never mixes versions. */
  public BatchPrediction predictBatch(List<PredictRequest> requests) {
    ServingModel model = holder.require();
    Instant now = clock.instant();
    List<Prediction> out = new ArrayList<>(requests.size());
    for (PredictRequest request : requests) {
      out.add(predict(model, request, now));
    }
    return new BatchPrediction(model.versionLabel(), out.size(), out);
  }

  private Prediction predict(ServingModel model, PredictRequest request, Instant now) {
    Decision d = model.model().decide(request);
    metrics.record(d);
    String id = request.transactionId() != null ? request.transactionId() : ids.next();
    return new Prediction(
        id, d.fraud() ? 1 : 0, d.probability(), d.riskLevel(), now, model.versionLabel());
  }
}
