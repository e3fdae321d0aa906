package io.fraudops.app.registry;

/** An artifact key that the store does not hold. */
public class ArtifactNotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ArtifactNotFoundException(String message) {
    super(message);
  }
}
