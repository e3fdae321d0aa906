package io.fraudops.training;

import java.time.Duration;

/** Progress of a {@link TrainingJob}, e.g. for a CLI progress line. Every method is optional. */
public interface TrainingListener {

  /** A phase ({@code split}, {@code features}, {@code train}, ...) begins. */
  default void phaseStarted(String phase) {}

  default void phaseFinished(String phase, Duration took) {}

  /**
   * A boosting round finished.
   *
   * @param round 1-based round number
   * @param totalRounds the configured maximum; early stopping may end training before it
   * @param validationAucPr area under the precision-recall curve on the validation slice
   */
  default void round(int round, int totalRounds, double validationAucPr) {}

  TrainingListener NONE = new TrainingListener() {};
}
