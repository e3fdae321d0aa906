package io.fraudops.app.search;

import java.util.Locale;

/** What a filter or order-by key names: a run's metric, param or tag, or an attribute column. */
public enum KeyType {
  METRIC,
  PARAM,
  TAG,
  ATTRIBUTE;

  /** The type of a key prefix as MLflow spells them ({@code metrics}, {@code params}, ...). */
  static KeyType ofPrefix(String prefix) {
    return switch (prefix.toLowerCase(Locale.ROOT)) {
      case "metric", "metrics" -> METRIC;
      case "param", "params", "parameter", "parameters" -> PARAM;
      case "tag", "tags" -> TAG;
      case "attribute", "attributes", "attr", "run" -> ATTRIBUTE;
      default -> null;
    };
  }
}
