package io.fraudops.core.scoring;

/**
 * A model file this build cannot score: an unknown algorithm, an objective or tree feature the
 * pure-Java scorer does not implement, a malformed tree, or a width that disagrees with the
 * bundle's feature spec. Serving must refuse such a bundle and keep its current model.
 */
public class UnsupportedModelException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public UnsupportedModelException(String message) {
    super(message);
  }

  public UnsupportedModelException(String message, Throwable cause) {
    super(message, cause);
  }
}
