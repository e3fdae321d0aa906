package io.fraudops.app.serving;

/** No model is loaded yet (nothing promoted, or every load failed): answered with 503. */
public class ModelUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ModelUnavailableException(String message) {
    super(message);
  }
}
