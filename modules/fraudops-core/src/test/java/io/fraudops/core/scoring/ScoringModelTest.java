package io.fraudops.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fraudops.core.bundle.BundleManifest;
import io.fraudops.core.bundle.ModelBundle;
import io.fraudops.core.bundle.Provenance;
import io.fraudops.core.features.FeatureSpec;
import io.fraudops.core.features.ReferenceFeatures;
import io.fraudops.core.features.UnsupportedFeatureSetException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A bundle made ready to score, on a hand-written model over the 24 reference features. */
class ScoringModelTest {

  /*
   * Tree 0: node 0: amount (x0) < 100 -> leaf -1.0; else node 2: is_night (x14) < 0.5 -> leaf 0.5,
   *         else leaf 2.0.  Tree 1: leaf 0.  base_score 0.2 -> base margin -ln(4).
   */
  static final String MODEL =
      XGBoostScorerTest.MODEL
          .replace("\"num_feature\":\"2\"", "\"num_feature\":\"24\"")
          .replace(
              "\"split_conditions\":[5E-1,2.5E-1,1E-1,-5E-1,1E0]",
              "\"split_conditions\":[1E2,-1E0,5E-1,5E-1,2E0]")
          .replace(
              "\"base_weights\":[0E0,2.5E-1,0E0,-5E-1,1E0]",
              "\"base_weights\":[0E0,-1E0,0E0,5E-1,2E0]")
          .replace("\"split_indices\":[0,0,1,0,0]", "\"split_indices\":[0,0,14,0,0]")
          .replace("\"base_weights\":[1.25E-1]", "\"base_weights\":[0E0]")
          .replace("\"split_conditions\":[1.25E-1]", "\"split_conditions\":[0E0]");

  static ModelBundle bundle(FeatureSpec spec, double threshold) {
    BundleManifest draft =
        new BundleManifest(
            BundleManifest.CURRENT_FORMAT,
            "fraud-detector",
            "xgboost",
            "model/xgboost.json",
            Instant.EPOCH,
            spec,
            threshold,
            RiskBands.DEFAULT,
            Map.of(),
            Map.of(),
            new Provenance("smoke.csv", 3, "00", "unknown", "h", Map.of()),
            Map.of());
    return ModelBundle.create(
        draft, Map.of("model/xgboost.json", MODEL.getBytes(StandardCharsets.UTF_8)));
  }

  private static double sigmoid(double margin) {
    return 1 / (1 + Math.exp(-margin));
  }

  private final FeatureSpec spec = ReferenceFeatures.fit(SmokeSet.ROWS).spec();

  @Test
  void scoresThroughTheBundlesFeaturesAndTrees() {
    ScoringModel model = ScoringModel.of(bundle(spec, 0.5));
    double base = -Math.log(4);

    assertThat(model.probability(SmokeSet.ORDINARY)).isCloseTo(sigmoid(base - 1.0), within(1e-6));
    assertThat(model.probability(SmokeSet.RISKY)).isCloseTo(sigmoid(base + 2.0), within(1e-6));
    assertThat(model.manifest().modelName()).isEqualTo("fraud-detector");
    assertThat(model.features().spec()).isEqualTo(spec);
  }

  @Test
  void decisionsApplyTheThresholdAndTheRiskBands() {
    ScoringModel model = ScoringModel.of(bundle(spec, 0.5));

    Decision ordinary = model.decide(SmokeSet.ORDINARY);
    Decision risky = model.decide(SmokeSet.RISKY);

    assertThat(ordinary.fraud()).isFalse();
    assertThat(ordinary.riskLevel()).isEqualTo(RiskLevel.LOW);
    assertThat(risky.fraud()).isTrue(); // p = 0.649
    assertThat(risky.riskLevel()).isEqualTo(RiskLevel.MEDIUM);
    assertThat(RiskLevel.HIGH.wire()).isEqualTo("high");
    assertThat(RiskBands.DEFAULT.level(0.7)).isEqualTo(RiskLevel.HIGH);
  }

  @Test
  void theSmokeSetPassesOnAWorkingModel() {
    SmokeSet.check(ScoringModel.of(bundle(spec, 0.5)));
  }

  @Test
  void aBundleOfAnUnknownFeatureSetIsRefused() {
    FeatureSpec foreign =
        new FeatureSpec("legacy", 1, ReferenceFeatures.FEATURE_NAMES, spec.vocabularies(), "USA");
    assertThatThrownBy(() -> ScoringModel.of(bundle(foreign, 0.5)))
        .isInstanceOf(UnsupportedFeatureSetException.class)
        .hasMessageContaining("legacy-v1");
  }

  @Test
  void riskBandsOutOfOrderAreRefused() {
    assertThatThrownBy(() -> new RiskBands(0.8, 0.2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0 <= mediumFrom <= highFrom <= 1");
    assertThat(List.of(RiskLevel.values())).hasSize(3);
  }
}
