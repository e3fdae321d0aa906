package io.fraudops.core.features.declared;

import io.fraudops.core.features.UnsupportedFeatureSetException;

/** A feature-set file that is not valid: names the feature and the problem. */
public class FeatureSetFormatException extends UnsupportedFeatureSetException {
  private static final long serialVersionUID = 1L;

  public FeatureSetFormatException(String message) {
    super(message);
  }
}
