package io.fraudops.training;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One evaluation of one hyperparameter configuration during tuning: trained on the training fold
 * with {@code budget} rounds (trees for a forest), scored on the later validation slice.
 *
 * @param algorithm learner id
 * @param number configuration number within the algorithm's search, from 0 (0 is the default)
 * @param rung successive-halving rung, from 0 (smallest budget)
 * @param budget rounds (or trees) it was given
 * @param params the sampled hyperparameters
 * @param metric the selection metric the score is
 * @param score the metric on the validation slice; {@code NaN} when skipped
 * @param bestRound rounds kept under early stopping (trees for a forest)
 * @param status what became of it
 * @param took its wall time
 */
public record Trial(
    String algorithm,
    int number,
    int rung,
    int budget,
    Map<String, String> params,
    String metric,
    double score,
    int bestRound,
    Status status,
    Duration took) {

  public Trial {
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /** The fate of a trial. */
  public enum Status {
    /** Among the best of its rung: went on to a larger budget. */
    PROMOTED,
    /** Stopped early by successive halving: not among the best of its rung. */
    STOPPED,
    /** Reached the last rung but was not the best. */
    COMPLETED,
    /** The best configuration at the highest rung reached: the one retrained. */
    SELECTED,
    /** Not run: the time budget was spent. */
    SKIPPED;

    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
