package io.fraudops.core.features.declared;

import java.time.LocalDateTime;

/** Time features, read from the transaction's local time (the timestamp's own UTC offset). */
public enum TimePart {
  /** 0–23. */
  HOUR,
  /** 0–6, 0 = Monday (PRODUCT.md's convention). */
  DAY_OF_WEEK,
  /** 1 on Saturday and Sunday. */
  WEEKEND,
  /** 1 from 22:00 to 06:59 (PRODUCT.md's night flag). */
  NIGHT,
  /** 1 from 09:00 to 17:59. */
  BUSINESS_HOURS;

  public double of(LocalDateTime local) {
    int hour = local.getHour();
    int day = local.getDayOfWeek().getValue() - 1;
    return switch (this) {
      case HOUR -> hour;
      case DAY_OF_WEEK -> day;
      case WEEKEND -> day >= 5 ? 1 : 0;
      case NIGHT -> hour >= 22 || hour <= 6 ? 1 : 0;
      case BUSINESS_HOURS -> hour >= 9 && hour <= 17 ? 1 : 0;
    };
  }

  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
