package io.fraudops.training;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Edits on XGBoost's JSON model format that xgboost4j has no call for.
 *
 * <p>xgboost4j cannot slice a booster (its JNI lacks {@code XGBoosterSlice}), yet early stopping
 * trains up to {@code earlyStoppingRounds} rounds past the best one. Rather than retrain, the model
 * file is cut back to the best round here: the first trees by {@code iteration_indptr}, their
 * {@code tree_info}, and {@code num_trees}.
 *
 * <p>Floats pass through {@code double}: XGBoost prints float32 values in at most nine significant
 * digits, and the shortest decimal of the parsed double is that same number, so every split and
 * leaf keeps its value. Big decimals would not do: {@code 1E0} comes back as {@code 1}, and
 * XGBoost's reader rejects an integer where its schema wants a float.
 */
final class XGBoostJson {
  private XGBoostJson() {}

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  /** The model with only its first {@code rounds} boosting rounds. */
  static byte[] keepRounds(byte[] modelJson, int rounds) {
    JsonNode root = MAPPER.readTree(modelJson);
    ObjectNode model = (ObjectNode) root.path("learner").path("gradient_booster").path("model");
    ArrayNode indptr = (ArrayNode) model.get("iteration_indptr");
    ArrayNode trees = (ArrayNode) model.get("trees");
    ArrayNode treeInfo = (ArrayNode) model.get("tree_info");
    if (indptr == null || trees == null || treeInfo == null) {
      throw new IllegalArgumentException("not an XGBoost gbtree JSON model");
    }
    int trained = indptr.size() - 1;
    if (rounds < 1 || rounds > trained) {
      throw new IllegalArgumentException(
          "cannot keep " + rounds + " rounds of a model with " + trained);
    }
    int keepTrees = indptr.get(rounds).intValue();
    truncate(trees, keepTrees);
    truncate(treeInfo, keepTrees);
    truncate(indptr, rounds + 1);
    ((ObjectNode) model.get("gbtree_model_param")).put("num_trees", Integer.toString(keepTrees));
    return MAPPER.writeValueAsBytes(root);
  }

  private static void truncate(ArrayNode array, int size) {
    while (array.size() > size) {
      array.remove(array.size() - 1);
    }
  }
}
