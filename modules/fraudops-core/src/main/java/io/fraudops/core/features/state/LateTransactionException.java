package io.fraudops.core.features.state;

/** A transaction older than the out-of-order tolerance allows: its place in history is gone. */
public class LateTransactionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public LateTransactionException(String message) {
    super(message);
  }
}
