package io.fraudops.core.features.declared;

import java.time.Duration;

/**
 * An entity-window aggregate. For a transaction at time {@code t} it covers the entity's
 * transactions with timestamps in the half-open window {@code (t - delay - window, t - delay]}: a
 * transaction exactly {@code window} before is out, one at the same instant that arrived earlier is
 * in. The transaction being scored is counted only when {@code includeCurrent} is set. Label
 * functions count a label only when it was known at {@code t} ({@code known_at <= t}).
 *
 * @param entity the categorical field whose value keys the state (e.g. {@code card_id})
 * @param window the window's length
 * @param function what is computed
 * @param field the field aggregated ({@code null} for count and the label functions)
 * @param labelDelay how far back the window is shifted (only for label functions, else zero)
 * @param includeCurrent whether the transaction being scored is part of its own aggregate
 */
public record Aggregate(
    String entity,
    Duration window,
    AggregateFunction function,
    String field,
    Duration labelDelay,
    boolean includeCurrent) {

  /** How far back this aggregate reads: window plus label delay. */
  public Duration horizon() {
    return window.plus(labelDelay);
  }
}
