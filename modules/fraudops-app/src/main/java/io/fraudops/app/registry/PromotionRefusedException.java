package io.fraudops.app.registry;

/** A version failed the checks a promotion requires; the alias did not move. */
public class PromotionRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PromotionRefusedException(String message, Throwable cause) {
    super(message, cause);
  }
}
