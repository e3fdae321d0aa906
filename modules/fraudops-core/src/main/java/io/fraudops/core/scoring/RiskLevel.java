package io.fraudops.core.scoring;

import com.fasterxml.jackson.annotation.JsonValue;

/** Coarse risk bucket a payment system can act on without knowing the model. */
public enum RiskLevel {
  LOW,
  MEDIUM,
  HIGH;

  @JsonValue
  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
