package io.fraudops.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The scorer on a hand-written model in XGBoost 3.4's JSON layout, whose predictions can be worked
 * out by hand. Parity with XGBoost itself is proven in fraudops-training, where xgboost4j is.
 */
class XGBoostScorerTest {

  /*
   * Tree 0:  node 0: x0 < 0.5 (NaN -> left)
   *            node 1: leaf 0.25
   *            node 2: x1 < 0.1 (NaN -> right)
   *              node 3: leaf -0.5
   *              node 4: leaf 1.0
   * Tree 1:  a single leaf 0.125
   * base_score 0.2 (probability) -> base margin -ln(4).
   */
  static final String MODEL =
      """
      {"learner":{"attributes":{},"feature_names":[],"feature_types":[],
       "gradient_booster":{"model":{"gbtree_model_param":{"num_parallel_tree":"1","num_trees":"2"},
        "iteration_indptr":[0,1,2],"tree_info":[0,0],
        "trees":[
         {"base_weights":[0E0,2.5E-1,0E0,-5E-1,1E0],"categories":[],"categories_nodes":[],
          "categories_segments":[],"categories_sizes":[],"default_left":[1,0,0,0,0],"id":0,
          "left_children":[1,-1,3,-1,-1],"loss_changes":[1E0,0E0,1E0,0E0,0E0],
          "parents":[2147483647,0,0,2,2],"right_children":[2,-1,4,-1,-1],
          "split_conditions":[5E-1,2.5E-1,1E-1,-5E-1,1E0],"split_indices":[0,0,1,0,0],
          "split_type":[0,0,0,0,0],"sum_hessian":[1E0,1E0,1E0,1E0,1E0],
          "tree_param":{"num_deleted":"0","num_feature":"2","num_nodes":"5",
           "size_leaf_vector":"1"}},
         {"base_weights":[1.25E-1],"categories":[],"categories_nodes":[],"categories_segments":[],
          "categories_sizes":[],"default_left":[0],"id":1,"left_children":[-1],"loss_changes":[0E0],
          "parents":[2147483647],"right_children":[-1],"split_conditions":[1.25E-1],
          "split_indices":[0],"split_type":[0],"sum_hessian":[1E0],
          "tree_param":{"num_deleted":"0","num_feature":"2","num_nodes":"1","size_leaf_vector":"1"}}
        ]},"name":"gbtree"},
       "learner_model_param":{"base_score":"[2E-1]","boost_from_average":"1","num_class":"0",
        "num_feature":"2","num_target":"1"},
       "objective":{"name":"binary:logistic","reg_loss_param":{"scale_pos_weight":"1"}}},
       "version":[3,4,0]}
      """;

  private static final float BASE_MARGIN = (float) -Math.log(4);

  private static XGBoostScorer scorer(String json) {
    return XGBoostScorer.fromJson(json.getBytes(StandardCharsets.UTF_8));
  }

  private static double sigmoid(double margin) {
    return 1 / (1 + Math.exp(-margin));
  }

  @Test
  void completeTreeLayoutGivesBitIdenticalMarginsToThePointerWalk() {
    XGBoostScorer s = scorer(MODEL);
    java.util.Random random = new java.util.Random(3);
    for (int r = 0; r < 10_000; r++) {
      double[] row = new double[2];
      for (int c = 0; c < 2; c++) {
        row[c] =
            random.nextInt(10) == 0
                ? Double.NaN
                : random.nextBoolean() ? random.nextInt(5) / 4.0 - 0.5 : random.nextGaussian();
      }
      assertThat(s.margin(row)).isEqualTo(s.walkedMargin(row));
    }
  }

  @Test
  void readsTheModelsShape() {
    XGBoostScorer scorer = scorer(MODEL);

    assertThat(scorer.width()).isEqualTo(2);
    assertThat(scorer.trees()).isEqualTo(2);
    assertThat(scorer.baseMargin()).isCloseTo(BASE_MARGIN, within(1e-7f));
  }

  @Test
  void sumsOneLeafPerTreeOnTheBaseMarginAndAppliesTheSigmoid() {
    XGBoostScorer scorer = scorer(MODEL);

    assertThat(scorer.margin(new double[] {0.2, 9})).isEqualTo(BASE_MARGIN + 0.25f + 0.125f);
    assertThat(scorer.margin(new double[] {0.7, 0.05})).isEqualTo(BASE_MARGIN - 0.5f + 0.125f);
    assertThat(scorer.margin(new double[] {0.7, 0.3})).isEqualTo(BASE_MARGIN + 1.0f + 0.125f);
    assertThat(scorer.score(new double[] {0.7, 0.3}))
        .isCloseTo(sigmoid(BASE_MARGIN + 1.125), within(1e-7));
  }

  @Test
  void aValueEqualToTheSplitGoesRight() {
    assertThat(scorer(MODEL).margin(new double[] {0.5, 0.3}))
        .isEqualTo(BASE_MARGIN + 1.0f + 0.125f);
  }

  @Test
  void comparesInFloatLikeXGBoost() {
    // 0.1 as a double is below the float split 0.1f (= 0.100000001...), but narrowed to float it
    // equals the split, so XGBoost -- which only ever sees float32 -- sends it right.
    assertThat(0.1 < (double) 0.1f).isTrue();

    assertThat(scorer(MODEL).margin(new double[] {0.7, 0.1}))
        .isEqualTo(BASE_MARGIN + 1.0f + 0.125f);
  }

  @Test
  void missingValuesFollowTheDefaultDirection() {
    XGBoostScorer scorer = scorer(MODEL);

    // Node 0 defaults left (leaf 0.25); node 2 defaults right (leaf 1.0).
    assertThat(scorer.margin(new double[] {Double.NaN, 0.05})).isEqualTo(BASE_MARGIN + 0.375f);
    assertThat(scorer.margin(new double[] {0.7, Double.NaN}))
        .isEqualTo(BASE_MARGIN + 1.0f + 0.125f);
  }

  @Test
  void readsTheOlderScalarBaseScore() {
    XGBoostScorer scorer = scorer(MODEL.replace("\"[2E-1]\"", "\"5E-1\""));

    assertThat(scorer.baseMargin()).isZero();
    assertThat(scorer.score(new double[] {0.2, 0})).isCloseTo(sigmoid(0.375), within(1e-7));
  }

  @Test
  void refusesWhatItCannotEvaluate() {
    assertThatThrownBy(() -> scorer("{\"not\":1}"))
        .isInstanceOf(UnsupportedModelException.class)
        .hasMessageContaining("no learner");
    assertThatThrownBy(() -> scorer("garbage")).isInstanceOf(UnsupportedModelException.class);
    assertThatThrownBy(() -> scorer(MODEL.replace("binary:logistic", "multi:softprob")))
        .hasMessageContaining("objective 'multi:softprob'");
    assertThatThrownBy(() -> scorer(MODEL.replace("\"name\":\"gbtree\"", "\"name\":\"dart\"")))
        .hasMessageContaining("booster 'dart'");
    assertThatThrownBy(
            () -> scorer(MODEL.replace("\"split_type\":[0,0,0,0,0]", "\"split_type\":[0,0,1,0,0]")))
        .hasMessageContaining("categorical");
    assertThatThrownBy(
            () ->
                scorer(
                    MODEL.replace(
                        "\"left_children\":[1,-1,3,-1,-1]", "\"left_children\":[1,-1,0,-1,-1]")))
        .hasMessageContaining("node 2 has invalid children");
    assertThatThrownBy(
            () ->
                scorer(
                    MODEL.replace(
                        "\"split_indices\":[0,0,1,0,0]", "\"split_indices\":[0,0,7,0,0]")))
        .hasMessageContaining("splits on feature 7 of 2");
    assertThatThrownBy(() -> scorer(MODEL.replace("\"[2E-1]\"", "\"[2E-1,3E-1]\"")))
        .hasMessageContaining("not a single value");
    assertThatThrownBy(() -> scorer(MODEL).score(new double[1]))
        .hasMessageContaining("expected 2 features, got 1");
  }
}
