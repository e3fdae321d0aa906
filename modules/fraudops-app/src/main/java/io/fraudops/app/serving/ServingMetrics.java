package io.fraudops.app.serving;

import io.fraudops.app.roles.ConditionalOnRole;
import io.fraudops.app.roles.Role;
import io.fraudops.core.scoring.Decision;
import io.fraudops.core.scoring.RiskLevel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Prediction metrics for Prometheus: predictions by risk level and decision, and the distribution
 * of fraud scores. Counters are created once, so recording a prediction is two increments and no
 * lookup.
 */
@Component
@ConditionalOnRole(Role.API)
class ServingMetrics {

  private final Map<RiskLevel, Counter> fraud = new EnumMap<>(RiskLevel.class);
  private final Map<RiskLevel, Counter> genuine = new EnumMap<>(RiskLevel.class);
  private final DistributionSummary scores;

  ServingMetrics(MeterRegistry registry) {
    for (RiskLevel level : RiskLevel.values()) {
      fraud.put(level, counter(registry, level, "fraud"));
      genuine.put(level, counter(registry, level, "genuine"));
    }
    this.scores =
        DistributionSummary.builder("fraudops.prediction.score")
            .description("Fraud probability of every scored transaction")
            .serviceLevelObjectives(0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0)
            .register(registry);
  }

  private static Counter counter(MeterRegistry registry, RiskLevel level, String decision) {
    return Counter.builder("fraudops.predictions")
        .description("Scored transactions by risk level and decision")
        .tag("risk_level", level.wire())
        .tag("decision", decision)
        .register(registry);
  }

  void record(Decision decision) {
    (decision.fraud() ? fraud : genuine).get(decision.riskLevel()).increment();
    scores.record(decision.probability());
  }
}
