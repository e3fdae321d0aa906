package io.fraudops.core.bundle;

/** A bundle is missing, unreadable, or does not match its checksums. Never serve it. */
public class BundleIntegrityException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BundleIntegrityException(String message) {
    super(message);
  }

  public BundleIntegrityException(String message, Throwable cause) {
    super(message, cause);
  }
}
