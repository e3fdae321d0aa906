package io.fraudops.core.metrics;

/** Argument checks shared by the metrics: labels are 0/1 and line up with the scores. */
final class Labels {
  private Labels() {}

  static void checkSameLength(double[] scores, int[] labels) {
    if (scores.length != labels.length) {
      throw new IllegalArgumentException(
          scores.length + " scores but " + labels.length + " labels");
    }
  }

  static boolean positive(int[] labels, int i) {
    int label = labels[i];
    if (label == 1) {
      return true;
    }
    if (label == 0) {
      return false;
    }
    throw new IllegalArgumentException("label at row " + i + " is " + label + ", expected 0 or 1");
  }
}
