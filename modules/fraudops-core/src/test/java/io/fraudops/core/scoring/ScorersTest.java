package io.fraudops.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fraudops.core.bundle.BundleManifest;
import io.fraudops.core.bundle.ModelBundle;
import io.fraudops.core.bundle.Provenance;
import io.fraudops.core.features.FeatureSpec;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScorersTest {

  private static ModelBundle bundle(String algorithm, List<String> features) {
    BundleManifest draft =
        new BundleManifest(
            BundleManifest.CURRENT_FORMAT,
            "m",
            algorithm,
            "model/xgboost.json",
            Instant.EPOCH,
            new FeatureSpec("test", 1, features, Map.of(), "USA"),
            0.5,
            RiskBands.DEFAULT,
            Map.of(),
            Map.of(),
            new Provenance("d.csv", 1, "00", "unknown", "h", Map.of()),
            Map.of());
    return ModelBundle.create(
        draft,
        Map.of("model/xgboost.json", XGBoostScorerTest.MODEL.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void buildsTheXGBoostScorerForAnXGBoostBundle() {
    byte[] archive = bundle("xgboost", List.of("a", "b")).toBytes();

    Scorer scorer = Scorers.forBundle(ModelBundle.read(new ByteArrayInputStream(archive)));

    XGBoostScorer direct =
        XGBoostScorer.fromJson(XGBoostScorerTest.MODEL.getBytes(StandardCharsets.UTF_8));
    assertThat(scorer).isInstanceOf(XGBoostScorer.class);
    double[] row = {0.7, 0.3};
    assertThat(scorer.score(row)).isEqualTo(direct.score(row));
  }

  @Test
  void refusesAWidthThatDisagreesWithTheFeatureSpec() {
    assertThatThrownBy(() -> Scorers.forBundle(bundle("xgboost", List.of("a", "b", "c"))))
        .isInstanceOf(UnsupportedModelException.class)
        .hasMessageContaining("takes 2 features but its feature spec test-v1 has 3");
  }

  @Test
  void refusesAnAlgorithmWithoutAPureJavaScorer() {
    assertThatThrownBy(() -> Scorers.forBundle(bundle("naive_bayes", List.of("a", "b"))))
        .isInstanceOf(UnsupportedModelException.class)
        .hasMessageContaining("algorithm 'naive_bayes'");
  }
}
