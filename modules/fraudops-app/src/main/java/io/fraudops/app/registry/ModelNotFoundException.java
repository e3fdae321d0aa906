package io.fraudops.app.registry;

/** A model, version or alias the registry does not have. */
public class ModelNotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ModelNotFoundException(String message) {
    super(message);
  }
}
