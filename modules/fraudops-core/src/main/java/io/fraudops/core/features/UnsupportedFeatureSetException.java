package io.fraudops.core.features;

/** A bundle asks for a feature set this build cannot compute; serving must refuse it. */
public class UnsupportedFeatureSetException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public UnsupportedFeatureSetException(String message) {
    super(message);
  }
}
