package io.fraudops.core.features.state;

import io.fraudops.core.features.declared.DeclaredFeatures;
import io.fraudops.core.features.declared.FeatureSetParser;
import io.fraudops.core.transaction.RawTransaction;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Small hand-made streams for the engine tests. */
final class StreamFixtures {
  private StreamFixtures() {}

  static final OffsetDateTime T0 = OffsetDateTime.of(2026, 3, 2, 12, 0, 0, 0, ZoneOffset.UTC);

  static RawTransaction tx(
      String id, OffsetDateTime at, String card, String merchant, double amount) {
    return new RawTransaction(
        id, at, card, merchant, amount, "grocery", "USA", false, null, null, null, null);
  }

  static DeclaredFeatures features(String featuresYaml) {
    return DeclaredFeatures.of(
        FeatureSetParser.parse(
            "format: fraudops-features/1\nname: t\nversion: 1\nfeatures:\n" + featuresYaml),
        Map.of());
  }

  static FeatureEngine engine(DeclaredFeatures f, Duration tolerance) {
    StateConfig config =
        new StateConfig(
            List.of("card_id", "merchant_id"), f.definition().horizon().plusDays(1), tolerance);
    return new FeatureEngine(new InMemoryStateStore(config), config);
  }

  static double[] observe(FeatureEngine engine, DeclaredFeatures f, RawTransaction tx) {
    FeatureEngine.Observation o = engine.observe(tx, f, x -> "");
    return o.features();
  }
}
