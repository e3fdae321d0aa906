package io.fraudops.core.explain;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudops.core.features.declared.FeatureSetDefinition;
import io.fraudops.core.features.declared.FeatureSets;
import io.fraudops.core.profile.DataProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeclaredReasonsTest {

  private static final FeatureSetDefinition RAW = FeatureSets.shipped(FeatureSets.RAW);

  private static DeclaredReasons reasons(DataProfile profile) {
    return new DeclaredReasons(RAW.featureNames(), RAW, profile);
  }

  @Test
  void ratiosAggregatesAndLabelDelaysArePhrasedFromTheirDefinitions() {
    DeclaredReasons r = reasons(null);
    assertThat(r.sentence("amount_to_card_mean_30d", 8.2))
        .isEqualTo("amount 8.2× the card's 30-day mean amount");
    assertThat(r.sentence("card_count_1h", 4))
        .isEqualTo("4 transactions of the card in the last 1 h");
    assertThat(r.sentence("card_count_1d", 1))
        .isEqualTo("1 transaction of the card in the last 1 day");
    assertThat(r.sentence("merchant_fraud_risk_7d", 0.05))
        .isEqualTo("fraud rate 5.0% at the merchant over 7 days, labels at least 7 days old");
    assertThat(r.sentence("card_merchants_1d", 3))
        .isEqualTo("3 distinct merchant_id values of the card in the last 1 day");
    assertThat(r.sentence("is_night", 1)).isEqualTo("is_night 1");
  }

  @Test
  void aValueAboveTheTrainingNinetiethPercentileSaysSo() {
    List<String> names = RAW.featureNames();
    int rows = 100;
    float[] matrix = new float[rows * names.size()];
    int count1h = names.indexOf("card_count_1h");
    for (int row = 0; row < rows; row++) {
      matrix[row * names.size() + count1h] = row % 2; // 0 or 1 transactions in the last hour
    }
    DataProfile profile = DataProfile.of(names, matrix, rows, new int[rows]);
    assertThat(reasons(profile).sentence("card_count_1h", 6))
        .isEqualTo(
            "6 transactions of the card in the last 1 h, above the 90th percentile in training (1)");
  }

  @Test
  void onlyFeaturesPushingTowardsFraudGiveReasonsStrongestFirst() {
    List<String> names = RAW.featureNames();
    double[] x = new double[names.size()];
    double[] phi = new double[names.size() + 1];
    int ratio = names.indexOf("amount_to_card_mean_30d");
    int count = names.indexOf("card_count_1h");
    int night = names.indexOf("is_night");
    x[ratio] = 8.2;
    x[count] = 4;
    x[night] = 0;
    phi[ratio] = 1.5;
    phi[count] = 0.7;
    phi[night] = -2.0; // pulls towards genuine: no reason
    int[] order = new int[names.size()];
    order[0] = night;
    order[1] = ratio;
    order[2] = count;
    for (int i = 3, f = 0; i < order.length; f++) {
      if (f != night && f != ratio && f != count) {
        order[i++] = f;
      }
    }
    assertThat(reasons(null).reasons(x, phi, order, 3))
        .containsExactly(
            "amount 8.2× the card's 30-day mean amount",
            "4 transactions of the card in the last 1 h");
  }
}
