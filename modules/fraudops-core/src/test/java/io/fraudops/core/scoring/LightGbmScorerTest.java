package io.fraudops.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A hand-written LightGBM model whose every path is worked out by hand: missing type NaN with the
 * default to the left, missing type Zero with the default to the right, missing type None (NaN read
 * as 0), a value exactly on a threshold, and a one-leaf tree.
 */
class LightGbmScorerTest {

  // Tree 0: node 0 splits f0 <= 1.5, missing NaN, default left (decision_type 2 | 8 = 10);
  //           left -> leaf 0 (0.5); right -> node 1: f1 <= 0.25, missing Zero, default right (4)
  //           -> leaf 1 (-0.25) / leaf 2 (1.0).
  // Tree 1: node 0 splits f2 <= -1, missing None (0) -> leaf 0 (0.125) / leaf 1 (-0.125).
  // Tree 2: one leaf, 0.0625.
  static final String MODEL =
      """
      tree
      version=v3
      num_class=1
      num_tree_per_iteration=1
      label_index=0
      max_feature_idx=2
      objective=binary sigmoid:2
      feature_names=f0 f1 f2
      feature_infos=[0:3] [0:1] [-3:3]
      tree_sizes=1 1 1

      Tree=0
      num_leaves=3
      num_cat=0
      split_feature=0 1
      split_gain=1 1
      threshold=1.5 0.25
      decision_type=10 4
      left_child=-1 -2
      right_child=1 -3
      leaf_value=0.5 -0.25 1
      leaf_weight=1 1 1
      leaf_count=1 1 1
      internal_value=0 0
      internal_weight=0 0
      internal_count=1 1
      is_linear=0
      shrinkage=1


      Tree=1
      num_leaves=2
      num_cat=0
      split_feature=2
      split_gain=1
      threshold=-1
      decision_type=0
      left_child=-1
      right_child=-2
      leaf_value=0.125 -0.125
      leaf_weight=1 1
      leaf_count=1 1
      internal_value=0
      internal_weight=0
      internal_count=1
      is_linear=0
      shrinkage=0.1


      Tree=2
      num_leaves=1
      num_cat=0
      split_feature=
      split_gain=
      threshold=
      decision_type=
      left_child=
      right_child=
      leaf_value=0.0625
      leaf_weight=
      leaf_count=
      internal_value=
      internal_weight=
      internal_count=
      is_linear=0
      shrinkage=1


      end of trees

      feature_importances:
      f0=1

      parameters:
      [boosting: gbdt]
      end of parameters

      pandas_categorical:null
      """;

  private static LightGbmScorer scorer(String text) {
    return LightGbmScorer.fromText(text.getBytes(StandardCharsets.UTF_8));
  }

  private static final double NAN = Double.NaN;

  @Test
  void walksEveryKindOfNodeAsLightGbmDoes() {
    LightGbmScorer s = scorer(MODEL);
    assertThat(s.trees()).isEqualTo(3);
    assertThat(s.width()).isEqualTo(3);

    // f0 on the threshold goes left: 0.5; f2 = 0 > -1: -0.125; + 0.0625
    assertThat(s.raw(new double[] {1.5, 0.9, 0})).isEqualTo(0.5 - 0.125 + 0.0625);
    // f0 NaN, missing type NaN, default left: 0.5; f2 NaN with missing type None reads 0: -0.125
    assertThat(s.raw(new double[] {NAN, 0.9, NAN})).isEqualTo(0.5 - 0.125 + 0.0625);
    // f0 > 1.5; f1 = 0 is missing (type Zero), default right: 1.0; f2 <= -1: 0.125
    assertThat(s.raw(new double[] {2, 0, -1})).isEqualTo(1.0 + 0.125 + 0.0625);
    // f1 tiny counts as zero, as LightGBM's predictor drops |x| <= 1e-35
    assertThat(s.raw(new double[] {2, 1e-36, -1})).isEqualTo(1.0 + 0.125 + 0.0625);
    // f1 NaN with missing type Zero reads 0, which is missing: default right
    assertThat(s.raw(new double[] {2, NAN, -1})).isEqualTo(1.0 + 0.125 + 0.0625);
    // f1 = 0.1 <= 0.25: -0.25
    assertThat(s.raw(new double[] {2, 0.1, -5})).isEqualTo(-0.25 + 0.125 + 0.0625);
    // sigmoid:2 scales the raw score
    double raw = s.raw(new double[] {2, 0.1, -5});
    assertThat(s.score(new double[] {2, 0.1, -5}))
        .isCloseTo(1 / (1 + Math.exp(-2 * raw)), within(1e-15));
  }

  @Test
  void refusesWhatItDoesNotImplement() {
    assertThatThrownBy(
            () ->
                scorer(
                    MODEL.replace("num_cat=0\nsplit_feature=0 1", "num_cat=1\nsplit_feature=0 1")))
        .isInstanceOf(UnsupportedModelException.class)
        .hasMessageContaining("categorical");
    assertThatThrownBy(() -> scorer(MODEL.replace("decision_type=10 4", "decision_type=11 4")))
        .hasMessageContaining("categorical split");
    assertThatThrownBy(
            () -> scorer(MODEL.replace("objective=binary sigmoid:2", "objective=regression")))
        .hasMessageContaining("objective 'regression'");
    assertThatThrownBy(() -> scorer(MODEL.replace("num_class=1", "num_class=3")))
        .hasMessageContaining("multi-class");
    assertThatThrownBy(
            () -> scorer(MODEL.replace("is_linear=0\nshrinkage=0.1", "is_linear=1\nshrinkage=0.1")))
        .hasMessageContaining("linear tree");
    assertThatThrownBy(() -> scorer(MODEL.replace("left_child=-1 -2", "left_child=-1 0")))
        .hasMessageContaining("invalid child");
    assertThatThrownBy(() -> scorer(MODEL.replace("split_feature=0 1", "split_feature=0 7")))
        .hasMessageContaining("splits on feature 7 of 3");
    assertThatThrownBy(() -> scorer(MODEL.replace("end of trees", "")))
        .hasMessageContaining("truncated");
    assertThatThrownBy(() -> scorer("not a model"))
        .hasMessageContaining("not a LightGBM text model");
  }
}
