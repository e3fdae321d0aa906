package io.fraudops.core.transaction;

import java.util.Locale;

/** What a bank learns about a transaction after the fact. A chargeback counts as fraud. */
public enum Label {
  FRAUD,
  GENUINE,
  CHARGEBACK;

  public boolean isFraud() {
    return this != GENUINE;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws IllegalArgumentException when the text is not fraud, genuine or chargeback
   */
  public static Label parse(String text) {
    for (Label l : values()) {
      if (l.wire().equals(text)) {
        return l;
      }
    }
    throw new IllegalArgumentException("'" + text + "' is not fraud, genuine or chargeback");
  }
}
