package io.fraudops.core.features.declared;

/** One declared feature: a named column of the feature vector and how it is computed. */
public sealed interface FeatureDefinition {

  String name();

  /**
   * An internal feature is computed (later features may use it) but is not a column of the model's
   * vector, e.g. the card's home location behind a distance.
   */
  default boolean internal() {
    return false;
  }

  /** A feature kept out of the vector. */
  record Internal(FeatureDefinition feature) implements FeatureDefinition {
    @Override
    public String name() {
      return feature.name();
    }

    @Override
    public boolean internal() {
      return true;
    }
  }

  /** A numeric field of the transaction as is ({@code amount}, {@code is_online}, ...). */
  record Field(String name, String field) implements FeatureDefinition {}

  /** A part of the transaction's local time. */
  record Time(String name, TimePart part) implements FeatureDefinition {}

  /** An entity-window aggregate computed from state. */
  record Aggregated(String name, Aggregate aggregate) implements FeatureDefinition {}

  /** An expression over earlier features and the transaction's fields. */
  record Derived(String name, String expression) implements FeatureDefinition {}

  /**
   * A categorical field label-encoded with the vocabulary fitted at training (sorted values, the
   * index is the code); a value unseen in training becomes NaN (missing), so it is still scored.
   */
  record Encoded(String name, String field) implements FeatureDefinition {}
}
