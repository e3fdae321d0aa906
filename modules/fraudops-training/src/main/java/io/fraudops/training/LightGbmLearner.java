package io.fraudops.training;

import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_BoosterAddValidData;
import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_BoosterCreate;
import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_BoosterFeatureImportance;
import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_BoosterFree;
import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_BoosterGetEval;
import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_BoosterPredictForMat;
import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_BoosterSaveModelToStringSWIG;
import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_BoosterUpdateOneIter;
import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_DatasetCreateFromMat;
import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_DatasetFree;
import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_DatasetSetField;
import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_GetLastError;

import com.microsoft.ml.lightgbm.SWIGTYPE_p_double;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_float;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_int;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_long_long;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_p_void;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_void;
import com.microsoft.ml.lightgbm.lightgbmlib;
import io.fraudops.training.SearchSpace.IntRange;
import io.fraudops.training.SearchSpace.LogUniform;
import io.fraudops.training.SearchSpace.Uniform;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Gradient-boosted trees with LightGBM through lightgbmlib's SWIG binding: leaf-wise trees, binary
 * objective, early stopping on validation average precision (LightGBM's own metric), all features
 * numerical (no categorical splits are emitted, so the pure-Java scorer needs none).
 *
 * <p>Design: the SWIG binding moves data through native arrays filled one element per JNI call; for
 * a million rows of 24 features that costs a fraction of a second, small next to training. Every
 * native handle is freed in {@code finally} blocks; the fitted model frees its booster on {@link
 * FittedModel#close()}.
 */
final class LightGbmLearner implements Learner {

  /**
   * Added to the dataset's parameters: bins are built once per dataset, and without this a later
   * {@code min_data_in_leaf} could not go below the one the bins were filtered with.
   */
  private static final String DATASET_EXTRA = " feature_pre_filter=false";

  @Override
  public Algorithm algorithm() {
    return Algorithm.LIGHTGBM;
  }

  @Override
  public Map<String, Object> defaults(TrainingConfig config) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("num_leaves", 31);
    p.put("learning_rate", config.eta());
    p.put("min_data_in_leaf", 20);
    p.put("feature_fraction", 0.9);
    p.put("bagging_fraction", 0.8);
    p.put("bagging_freq", 1);
    p.put("lambda_l2", 1.0);
    return p;
  }

  @Override
  public int defaultBudget(TrainingConfig config) {
    return config.rounds();
  }

  @Override
  public SearchSpace searchSpace() {
    return SearchSpace.of(
        new IntRange("num_leaves", 15, 127),
        new LogUniform("learning_rate", 0.02, 0.3),
        new IntRange("min_data_in_leaf", 10, 200),
        new Uniform("feature_fraction", 0.5, 1.0),
        new Uniform("bagging_fraction", 0.6, 1.0),
        new LogUniform("lambda_l2", 1e-3, 10));
  }

  @Override
  public FittedModel fit(
      FeatureMatrix train,
      FeatureMatrix validation,
      Map<String, Object> hyperparameters,
      double scalePosWeight,
      int budget,
      int earlyStoppingRounds,
      int threads,
      long seed,
      TrainingListener listener) {
    LightGbmNatives.load();
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("objective", "binary");
    params.put("boosting", "gbdt");
    params.putAll(hyperparameters);
    if (params.containsKey("bagging_fraction") && !params.containsKey("bagging_freq")) {
      params.put("bagging_freq", 1);
    }
    params.put("scale_pos_weight", scalePosWeight);
    params.put("metric", "average_precision");
    params.put("num_threads", threads);
    params.put("seed", seed);
    params.put("deterministic", true);
    params.put("force_row_wise", true);
    params.put("verbosity", -1);

    SWIGTYPE_p_void trainSet = null;
    SWIGTYPE_p_void validationSet = null;
    SWIGTYPE_p_void booster = null;
    SWIGTYPE_p_int finished = lightgbmlib.new_intp();
    SWIGTYPE_p_int evalCount = lightgbmlib.new_intp();
    SWIGTYPE_p_double evalResult = lightgbmlib.new_doubleArray(4);
    try {
      // Binning parameters (max_bin, use_missing, zero_as_missing, ...) act on the dataset, so
      // the dataset gets every parameter, as LightGBM's own Python package passes them.
      String paramText = paramString(params);
      trainSet = dataset(train, null, paramText + DATASET_EXTRA);
      if (validation != null) {
        validationSet = dataset(validation, trainSet, paramText + DATASET_EXTRA);
      }
      SWIGTYPE_p_p_void out = lightgbmlib.new_voidpp();
      try {
        check(LGBM_BoosterCreate(trainSet, paramText, out), "create booster");
        booster = lightgbmlib.voidpp_value(out);
      } finally {
        lightgbmlib.delete_voidpp(out);
      }
      if (validationSet != null) {
        check(LGBM_BoosterAddValidData(booster, validationSet), "add validation data");
      }
      boolean earlyStopping = validationSet != null && earlyStoppingRounds > 0;
      int bestIteration = -1;
      double bestScore = Double.NEGATIVE_INFINITY;
      int trained = 0;
      for (int iteration = 0; iteration < budget; iteration++) {
        check(LGBM_BoosterUpdateOneIter(booster, finished), "train a round");
        trained++;
        double score = Double.NaN;
        if (validationSet != null) {
          check(LGBM_BoosterGetEval(booster, 1, evalCount, evalResult), "evaluate");
          score = lightgbmlib.doubleArray_getitem(evalResult, 0);
        }
        listener.round(iteration + 1, budget, score);
        if (!earlyStopping || score > bestScore) {
          bestScore = score;
          bestIteration = iteration;
        } else if (iteration - bestIteration >= earlyStoppingRounds) {
          break;
        }
        if (lightgbmlib.intp_value(finished) == 1) {
          break; // no split can improve the loss any more
        }
      }
      if (bestIteration < 0) {
        bestIteration = trained - 1;
      }
      LightGbmModel model =
          new LightGbmModel(booster, params, bestIteration + 1, trained, train.width());
      booster = null; // owned by the model
      return model;
    } finally {
      if (booster != null) {
        LGBM_BoosterFree(booster);
      }
      if (validationSet != null) {
        LGBM_DatasetFree(validationSet);
      }
      if (trainSet != null) {
        LGBM_DatasetFree(trainSet);
      }
      lightgbmlib.delete_intp(finished);
      lightgbmlib.delete_intp(evalCount);
      lightgbmlib.delete_doubleArray(evalResult);
    }
  }

  private static String paramString(Map<String, Object> params) {
    StringJoiner s = new StringJoiner(" ");
    params.forEach((k, v) -> s.add(k + "=" + format(v)));
    return s.toString();
  }

  private static String format(Object v) {
    return String.valueOf(v); // Java's shortest round-trip form, locale-independent
  }

  /** A LightGBM dataset of the matrix (float32, row-major) with its labels. */
  private static SWIGTYPE_p_void dataset(
      FeatureMatrix m, SWIGTYPE_p_void reference, String params) {
    float[] values = m.values();
    SWIGTYPE_p_float data = lightgbmlib.new_floatArray(values.length);
    SWIGTYPE_p_float labels = lightgbmlib.new_floatArray(m.rows());
    SWIGTYPE_p_p_void out = lightgbmlib.new_voidpp();
    SWIGTYPE_p_void handle = null;
    try {
      for (int i = 0; i < values.length; i++) {
        lightgbmlib.floatArray_setitem(data, i, values[i]);
      }
      int[] y = m.labels();
      for (int i = 0; i < y.length; i++) {
        lightgbmlib.floatArray_setitem(labels, i, y[i]);
      }
      check(
          LGBM_DatasetCreateFromMat(
              lightgbmlib.float_to_voidp_ptr(data),
              lightgbmlib.C_API_DTYPE_FLOAT32,
              m.rows(),
              m.width(),
              1,
              params,
              reference,
              out),
          "create dataset");
      handle = lightgbmlib.voidpp_value(out);
      check(
          LGBM_DatasetSetField(
              handle,
              "label",
              lightgbmlib.float_to_voidp_ptr(labels),
              m.rows(),
              lightgbmlib.C_API_DTYPE_FLOAT32),
          "set labels");
      SWIGTYPE_p_void result = handle;
      handle = null;
      return result;
    } finally {
      if (handle != null) {
        LGBM_DatasetFree(handle);
      }
      lightgbmlib.delete_voidpp(out);
      lightgbmlib.delete_floatArray(data);
      lightgbmlib.delete_floatArray(labels);
    }
  }

  static void check(int status, String what) {
    if (status != 0) {
      throw new TrainingException("LightGBM cannot " + what + ": " + LGBM_GetLastError());
    }
  }

  /** A trained LightGBM booster, used up to its best iteration. */
  static final class LightGbmModel implements FittedModel {
    private final SWIGTYPE_p_void booster;
    private final Map<String, String> params;
    private final int bestIteration;
    private final int trained;
    private final int width;
    private byte[] text;

    LightGbmModel(
        SWIGTYPE_p_void booster,
        Map<String, Object> params,
        int bestIteration,
        int trained,
        int width) {
      this.booster = booster;
      Map<String, String> p = new LinkedHashMap<>();
      params.forEach((k, v) -> p.put(k, format(v)));
      this.params = Collections.unmodifiableMap(p);
      this.bestIteration = bestIteration;
      this.trained = trained;
      this.width = width;
    }

    @Override
    public double[] predict(FeatureMatrix m) {
      float[] values = m.values();
      double[] wide = new double[values.length];
      for (int i = 0; i < values.length; i++) {
        wide[i] = values[i];
      }
      return predict(wide, m.rows(), m.width());
    }

    /** LightGBM's own probabilities of a row-major float64 matrix. */
    synchronized double[] predict(double[] values, int rows, int width) {
      if (rows == 0) {
        return new double[0];
      }
      SWIGTYPE_p_double data = lightgbmlib.new_doubleArray(values.length);
      SWIGTYPE_p_double result = lightgbmlib.new_doubleArray(rows);
      SWIGTYPE_p_long_long length = lightgbmlib.new_int64_tp();
      try {
        for (int i = 0; i < values.length; i++) {
          lightgbmlib.doubleArray_setitem(data, i, values[i]);
        }
        check(
            LGBM_BoosterPredictForMat(
                booster,
                lightgbmlib.double_to_voidp_ptr(data),
                lightgbmlib.C_API_DTYPE_FLOAT64,
                rows,
                width,
                1,
                lightgbmlib.C_API_PREDICT_NORMAL,
                0,
                bestIteration,
                "",
                length,
                result),
            "predict");
        double[] out = new double[rows];
        for (int r = 0; r < rows; r++) {
          out[r] = lightgbmlib.doubleArray_getitem(result, r);
        }
        return out;
      } finally {
        lightgbmlib.delete_doubleArray(data);
        lightgbmlib.delete_doubleArray(result);
        lightgbmlib.delete_int64_tp(length);
      }
    }

    /**
     * LightGBM's own TreeSHAP contributions ({@code C_API_PREDICT_CONTRIB}) of a row-major float64
     * matrix: per row {@code width} feature contributions then the expected raw score.
     */
    synchronized double[] contributions(double[] values, int rows, int width) {
      int outWidth = width + 1;
      SWIGTYPE_p_double data = lightgbmlib.new_doubleArray(values.length);
      SWIGTYPE_p_double result = lightgbmlib.new_doubleArray((long) rows * outWidth);
      SWIGTYPE_p_long_long length = lightgbmlib.new_int64_tp();
      try {
        for (int i = 0; i < values.length; i++) {
          lightgbmlib.doubleArray_setitem(data, i, values[i]);
        }
        check(
            LGBM_BoosterPredictForMat(
                booster,
                lightgbmlib.double_to_voidp_ptr(data),
                lightgbmlib.C_API_DTYPE_FLOAT64,
                rows,
                width,
                1,
                lightgbmlib.C_API_PREDICT_CONTRIB,
                0,
                bestIteration,
                "",
                length,
                result),
            "predict contributions");
        double[] out = new double[rows * outWidth];
        for (int i = 0; i < out.length; i++) {
          out[i] = lightgbmlib.doubleArray_getitem(result, i);
        }
        return out;
      } finally {
        lightgbmlib.delete_doubleArray(data);
        lightgbmlib.delete_doubleArray(result);
        lightgbmlib.delete_int64_tp(length);
      }
    }

    @Override
    public synchronized byte[] modelFile() {
      if (text == null) {
        SWIGTYPE_p_long_long length = lightgbmlib.new_int64_tp();
        try {
          // The binding grows its buffer when the model is larger than the first guess. It never
          // frees that buffer (SWIG copies it into the String): one model-sized native leak per
          // export, which is why the text is exported once and cached.
          String model =
              LGBM_BoosterSaveModelToStringSWIG(
                  booster,
                  0,
                  bestIteration,
                  lightgbmlib.C_API_FEATURE_IMPORTANCE_GAIN,
                  1 << 20,
                  length);
          if (model == null) {
            throw new TrainingException("LightGBM cannot export its model: " + LGBM_GetLastError());
          }
          text = model.getBytes(StandardCharsets.UTF_8);
        } finally {
          lightgbmlib.delete_int64_tp(length);
        }
      }
      return text.clone();
    }

    @Override
    public Map<String, String> params() {
      return params;
    }

    @Override
    public int bestRound() {
      return bestIteration;
    }

    @Override
    public int roundsTrained() {
      return trained;
    }

    @Override
    public synchronized double[] featureImportance() {
      SWIGTYPE_p_double out = lightgbmlib.new_doubleArray(width);
      try {
        check(
            LGBM_BoosterFeatureImportance(
                booster, bestIteration, lightgbmlib.C_API_FEATURE_IMPORTANCE_GAIN, out),
            "compute feature importance");
        double[] gain = new double[width];
        for (int i = 0; i < width; i++) {
          gain[i] = lightgbmlib.doubleArray_getitem(out, i);
        }
        return gain;
      } finally {
        lightgbmlib.delete_doubleArray(out);
      }
    }

    @Override
    public String importanceKind() {
      return "total split gain";
    }

    @Override
    public synchronized void close() {
      LGBM_BoosterFree(booster);
    }
  }
}
