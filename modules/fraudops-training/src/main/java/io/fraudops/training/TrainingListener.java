package io.fraudops.training;

import java.time.Duration;

/** Progress of a {@link TrainingJob}, e.g. for a CLI progress line. Every method is optional. */
public interface TrainingListener {

  /** A phase ({@code split}, {@code features}, {@code train}, ...) begins. */
  default void phaseStarted(String phase) {}

  default void phaseFinished(String phase, Duration took) {}

  /**
   * An algorithm's turn begins.
   *
   * @param algorithm its id
   * @param index 1-based position among the candidates
   * @param count number of candidates
   */
  default void candidateStarted(String algorithm, int index, int count) {}

  /** An algorithm's model was trained, thresholded and evaluated. */
  default void candidateFinished(Candidate candidate) {}

  /** A tuning trial ended (its status is final: promoted, stopped, completed, ...). */
  default void trialFinished(Trial trial) {}

  /**
   * A boosting round finished.
   *
   * @param round 1-based round number
   * @param totalRounds the configured maximum; early stopping may end training before it
   * @param validationAucPr area under the precision-recall curve on the validation slice, {@code
   *     NaN} when training without validation (the final refit on train + validation)
   */
  default void round(int round, int totalRounds, double validationAucPr) {}

  TrainingListener NONE = new TrainingListener() {};
}
