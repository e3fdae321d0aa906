package io.fraudops.training;

/**
 * Per-column centering and scaling fitted on training rows: {@code z = (x − mean) / sd}, ignoring
 * missing ({@code NaN}) values, which stay missing. A constant column gets scale 1. The linear
 * learner needs it (coordinate descent on raw amounts, cubed amounts and flags would not converge),
 * and the linear scorer repeats it from the stored centers and scales.
 */
record Standardizer(double[] center, double[] scale) {

  static Standardizer fit(FeatureMatrix m) {
    int w = m.width();
    double[] sum = new double[w];
    long[] n = new long[w];
    float[] v = m.values();
    for (int r = 0; r < m.rows(); r++) {
      for (int c = 0; c < w; c++) {
        float x = v[r * w + c];
        if (x == x) {
          sum[c] += x;
          n[c]++;
        }
      }
    }
    double[] mean = new double[w];
    for (int c = 0; c < w; c++) {
      mean[c] = n[c] == 0 ? 0 : sum[c] / n[c];
    }
    double[] squares = new double[w];
    for (int r = 0; r < m.rows(); r++) {
      for (int c = 0; c < w; c++) {
        float x = v[r * w + c];
        if (x == x) {
          double d = x - mean[c];
          squares[c] += d * d;
        }
      }
    }
    double[] scale = new double[w];
    for (int c = 0; c < w; c++) {
      double sd = n[c] == 0 ? 0 : Math.sqrt(squares[c] / n[c]);
      scale[c] = sd > 0 && Double.isFinite(sd) ? sd : 1;
    }
    return new Standardizer(mean, scale);
  }

  /** The standardized copy of a matrix, as float32 (what XGBoost reads). */
  FeatureMatrix apply(FeatureMatrix m) {
    int w = m.width();
    float[] in = m.values();
    float[] out = new float[in.length];
    for (int i = 0; i < in.length; i++) {
      int c = i % w;
      float x = in[i];
      out[i] = x == x ? (float) ((x - center[c]) / scale[c]) : Float.NaN;
    }
    return m.withValues(out);
  }
}
