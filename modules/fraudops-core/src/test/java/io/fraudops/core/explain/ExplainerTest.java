package io.fraudops.core.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fraudops.core.features.ReferenceFeatures;
import io.fraudops.core.features.declared.FeatureSets;
import io.fraudops.core.profile.DataProfile;
import io.fraudops.core.profile.FeatureProfile;
import io.fraudops.core.scoring.SmokeSet;
import io.fraudops.core.scoring.XGBoostScorer;
import io.fraudops.core.transaction.RawTransaction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Explanations of a hand-written tree whose Shapley values are worked out by hand, and reasons
 * phrased against a hand-written training profile.
 */
class ExplainerTest {

  /*
   * Tree 0 (covers in brackets): node 0 [100]: amount (x0) < 100 -> node 1 leaf -1.0 [90];
   * else node 2 [10]: is_night (x14) < 0.5 -> node 3 leaf 0.5 [6], else node 4 leaf 2.0 [4].
   * Tree 1: one leaf 0 [100]. base_score 0.2 -> base margin -ln(4).
   *
   * Expected value of tree 0: 0.9 * -1 + 0.1 * (0.6 * 0.5 + 0.4 * 2) = -0.79. For the RISKY row
   * (amount 2400, 03:00): v({}) = -0.79, v({amount}) = 1.1, v({night}) = 0.9 * -1 + 0.1 * 2 = -0.7,
   * v({amount, night}) = 2. Shapley: amount = (1.89 + 2.7) / 2 = 2.295, night = (0.09 + 0.9) / 2 =
   * 0.495; they sum to 2 - (-0.79).
   */
  static final String MODEL =
      """
      {"learner":{"attributes":{},"feature_names":[],"feature_types":[],
       "gradient_booster":{"model":{"gbtree_model_param":{"num_parallel_tree":"1","num_trees":"2"},
        "iteration_indptr":[0,1,2],"tree_info":[0,0],
        "trees":[
         {"base_weights":[0E0,-1E0,0E0,5E-1,2E0],"default_left":[1,0,0,0,0],"id":0,
          "left_children":[1,-1,3,-1,-1],"loss_changes":[1E0,0E0,1E0,0E0,0E0],
          "parents":[2147483647,0,0,2,2],"right_children":[2,-1,4,-1,-1],
          "split_conditions":[1E2,-1E0,5E-1,5E-1,2E0],"split_indices":[0,0,14,0,0],
          "split_type":[0,0,0,0,0],"sum_hessian":[1E2,9E1,1E1,6E0,4E0],
          "tree_param":{"num_deleted":"0","num_feature":"24","num_nodes":"5",
           "size_leaf_vector":"1"}},
         {"base_weights":[0E0],"default_left":[0],"id":1,"left_children":[-1],"loss_changes":[0E0],
          "parents":[2147483647],"right_children":[-1],"split_conditions":[0E0],
          "split_indices":[0],"split_type":[0],"sum_hessian":[1E2],
          "tree_param":{"num_deleted":"0","num_feature":"24","num_nodes":"1","size_leaf_vector":"1"}}
        ]},"name":"gbtree"},
       "learner_model_param":{"base_score":"[2E-1]","boost_from_average":"1","num_class":"0",
        "num_feature":"24","num_target":"1"},
       "objective":{"name":"binary:logistic","reg_loss_param":{"scale_pos_weight":"1"}}},
       "version":[3,4,0]}
      """;

  private static final ReferenceFeatures FEATURES =
      ReferenceFeatures.fit(List.of(SmokeSet.ORDINARY, SmokeSet.RISKY));
  private static final XGBoostScorer SCORER =
      XGBoostScorer.fromJson(MODEL.getBytes(StandardCharsets.UTF_8));

  /** A training profile: amounts average 100, 10% of transactions at night, 1h velocity p90 1. */
  static DataProfile profile() {
    List<FeatureProfile> features = new ArrayList<>();
    for (String name : ReferenceFeatures.FEATURE_NAMES) {
      double mean =
          switch (name) {
            case "amount" -> 100;
            case "is_night" -> 0.1;
            case "transactions_last_1h" -> 0.3;
            default -> 1;
          };
      List<Double> edges = name.equals("transactions_last_1h") ? List.of(1.0) : List.of();
      List<Double> fractions = edges.isEmpty() ? List.of(1.0) : List.of(0.9, 0.1);
      features.add(new FeatureProfile(name, 1000, 0, mean, 1, 0, 10, edges, fractions));
    }
    return new DataProfile(1000, 10, 0.01, features);
  }

  @Test
  void contributionsAreTheHandComputedShapleyValuesAndSumToTheMargin() {
    Explainer explainer = Explainer.of(FEATURES, SCORER, profile());
    double[] x = new double[24];
    double[] phi = new double[25];
    explainer.contributions(SmokeSet.RISKY, x, phi);

    assertThat(phi[0]).isCloseTo(2.295, within(1e-6));
    assertThat(phi[14]).isCloseTo(0.495, within(1e-6));
    double bias = -Math.log(4) - 0.79;
    assertThat(phi[24]).isCloseTo(bias, within(1e-6));
    double sum = 0;
    for (double v : phi) {
      sum += v;
    }
    assertThat(sum).isCloseTo(SCORER.margin(x), within(1e-6));
    for (int i = 1; i < 24; i++) {
      if (i != 14) {
        assertThat(phi[i]).as("feature %d", i).isZero();
      }
    }
  }

  @Test
  void topFeaturesAreSortedByMagnitudeWithTheirValues() {
    Explanation e = Explainer.of(FEATURES, SCORER, profile()).explain(SmokeSet.RISKY, 3);

    assertThat(e.topFeatures()).hasSize(3);
    assertThat(e.topFeatures().get(0).feature()).isEqualTo("amount");
    assertThat(e.topFeatures().get(0).value()).isEqualTo(2400.0);
    assertThat(e.topFeatures().get(0).contribution()).isCloseTo(2.295, within(1e-6));
    assertThat(e.topFeatures().get(1).feature()).isEqualTo("is_night");
    assertThat(e.topFeatures().get(1).value()).isEqualTo(1.0);
    assertThat(e.topFeatures().get(2).contribution()).isZero();
    assertThat(e.baseValue()).isCloseTo(-Math.log(4) - 0.79, within(1e-6));
  }

  @Test
  void reasonsComparePushingFeaturesWithTheTrainingProfile() {
    Explanation e = Explainer.of(FEATURES, SCORER, profile()).explain(SmokeSet.RISKY, 5);

    assertThat(e.reasons())
        .containsExactly(
            "amount 2400.00 is 24.0× the average training amount (100.00)",
            "at 03:00, in the night hours (22:00–06:59); 10.0% of training transactions are night");
  }

  @Test
  void featuresPushingTowardsGenuineGiveNoReason() {
    // amount 42.5 < 100: the tree says "genuine", amount's contribution is negative.
    Explanation e = Explainer.of(FEATURES, SCORER, profile()).explain(SmokeSet.ORDINARY, 2);

    assertThat(e.topFeatures().get(0).feature()).isEqualTo("amount");
    assertThat(e.topFeatures().get(0).contribution()).isNegative();
    assertThat(e.reasons()).isEmpty();
  }

  @Test
  void reasonSentencesForEveryTopicAndWithoutAProfile() {
    ReasonCodes withProfile = new ReasonCodes(ReferenceFeatures.FEATURE_NAMES, FEATURES, profile());
    ReasonCodes bare = new ReasonCodes(ReferenceFeatures.FEATURE_NAMES, FEATURES, null);

    assertThat(withProfile.sentence(ReasonCodes.Topic.VELOCITY_1H, SmokeSet.RISKY))
        .isEqualTo("9 transactions in the last hour, above the 90th percentile in training (1)");
    assertThat(bare.sentence(ReasonCodes.Topic.VELOCITY_1H, SmokeSet.RISKY))
        .isEqualTo("9 transactions in the last hour");
    assertThat(bare.sentence(ReasonCodes.Topic.AMOUNT, SmokeSet.RISKY)).isEqualTo("amount 2400.00");
    assertThat(bare.sentence(ReasonCodes.Topic.COUNTRY, SmokeSet.RISKY))
        .isEqualTo("merchant abroad (Nigeria, home country USA)");
    assertThat(bare.sentence(ReasonCodes.Topic.COUNTRY, SmokeSet.UNSEEN))
        .isEqualTo("merchant country Atlantis never seen in training");
    assertThat(bare.sentence(ReasonCodes.Topic.CATEGORY, SmokeSet.UNSEEN))
        .isEqualTo("merchant category crypto_exchange never seen in training");
    assertThat(bare.sentence(ReasonCodes.Topic.ONLINE, SmokeSet.RISKY))
        .isEqualTo("card-not-present (online) transaction");
    assertThat(bare.sentence(ReasonCodes.Topic.DISTANCE, SmokeSet.RISKY))
        .isEqualTo("9200.0 km from home");
    assertThat(bare.sentence(ReasonCodes.Topic.SPEND_24H, SmokeSet.RISKY))
        .isEqualTo("5200.00 spent in the last 24 h");
    for (String feature : ReferenceFeatures.FEATURE_NAMES) {
      assertThat(ReasonCodes.topicOf(feature)).as(feature).isNotNull();
    }
  }

  @Test
  void anEngineVectorOfAReferenceModelIsExplainedAsPredictExplainsItsFields() {
    Explainer explainer =
        Explainer.of(FEATURES, FeatureSets.shipped(FeatureSets.REFERENCE), SCORER, profile());
    for (var row : SmokeSet.ROWS) {
      double[] x = new double[FEATURES.width()];
      FEATURES.transform(row, x);
      Explanation fromFields = explainer.explain(row, 5);
      Explanation fromVector = explainer.explain(x.clone(), RawTransaction.from(row), 5);
      assertThat(fromVector).as(row.transactionId()).isEqualTo(fromFields);
    }
  }

  @Test
  void aMissingValueIsNullAndAnUnknownLocationOrCountryIsSaidSo() {
    Explainer explainer =
        Explainer.of(FEATURES, FeatureSets.shipped(FeatureSets.REFERENCE), SCORER, profile());
    double[] x = new double[FEATURES.width()];
    FEATURES.transform(SmokeSet.RISKY, x);
    List<String> names = FEATURES.spec().featureNames();
    x[names.indexOf("distance_from_home")] = Double.NaN;
    x[names.indexOf("distance_x_amount")] = Double.NaN;
    RawTransaction tx = RawTransaction.from(SmokeSet.RISKY);
    RawTransaction noCountry =
        new RawTransaction(
            tx.transactionId(),
            tx.timestamp(),
            tx.cardId(),
            tx.merchantId(),
            tx.amount(),
            tx.merchantCategory(),
            null,
            tx.isOnline(),
            null,
            null,
            null,
            null);
    Explanation e = explainer.explain(x, noCountry, names.size());
    for (FeatureContribution c : e.topFeatures()) {
      if (c.feature().startsWith("distance")) {
        assertThat(c.value()).as(c.feature()).isNull();
      }
    }
    assertThat(String.join(" | ", e.reasons())).doesNotContain("NaN").doesNotContain("null");
  }
}
