package io.fraudops.app.search;

/**
 * A filter or order-by key, e.g. {@code metrics.auc_roc} = (METRIC, "auc_roc").
 *
 * @param position where the key starts in the text, for messages
 */
public record Key(KeyType type, String name, int position) {

  @Override
  public String toString() {
    return type.name().toLowerCase(java.util.Locale.ROOT) + "." + name;
  }
}
