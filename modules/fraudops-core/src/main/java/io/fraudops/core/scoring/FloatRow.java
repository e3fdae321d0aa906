package io.fraudops.core.scoring;

/**
 * A feature row narrowed to float once, as XGBoost compares it, in a buffer per thread (sized for
 * the widest row seen), so the tree walks that read it allocate nothing.
 */
final class FloatRow {

  private static final ThreadLocal<float[]> BUFFER = ThreadLocal.withInitial(() -> new float[64]);

  private FloatRow() {}

  /** This thread's buffer, at least {@code width} long. */
  static float[] buffer(int width) {
    float[] x = BUFFER.get();
    if (x.length < width) {
      x = new float[width];
      BUFFER.set(x);
    }
    return x;
  }

  /**
   * Writes {@code features} narrowed to float into {@code x}, -0.0 made +0.0 (for walks that read a
   * comparison off the sign bit of a difference); returns whether no value is missing (NaN), so
   * that a walk can skip the NaN test at every split.
   */
  static boolean narrow(double[] features, float[] x) {
    boolean dense = true;
    for (int f = 0; f < features.length; f++) {
      x[f] = (float) features[f] + 0.0f; // + 0.0f turns -0.0 into +0.0
      dense &= x[f] == x[f];
    }
    return dense;
  }
}
