package io.fraudops.data.raw;

import io.fraudops.core.transaction.RawTransaction;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * How a bank's export maps onto the canonical raw-transaction schema ({@link
 * RawTransactionFiles#COLUMNS}): which source column holds each canonical field, how timestamps are
 * written, in which zone timestamps without an offset are, and which words mean true.
 *
 * <pre>
 * columns:                      # canonical field: source column
 *   transaction_id: tx_ref
 *   timestamp: booked_at
 *   card_id: pan_token
 *   merchant_id: terminal
 *   amount: amount_eur
 *   label: is_fraud             # optional, like every field below
 *   merchant_category: mcc
 *   merchant_country: country
 *   is_online: channel
 *   latitude: lat
 *   longitude: lon
 *   device_id: device
 * timestamp_format: dd/MM/yyyy HH:mm:ss   # a DateTimeFormatter pattern, epoch_seconds,
 *                                         # epoch_millis or iso (default)
 * timezone: Europe/Paris        # zone of timestamps without an offset (default UTC)
 * true_values: [1, true, yes, y, t, fraud]      # is_online and label (defaults shown);
 * false_values: [0, false, no, n, f, genuine]   # any other value rejects the row
 * </pre>
 *
 * @param columns canonical field to source column, in canonical order
 * @param timestampFormat {@code null} for ISO-8601
 */
public record ColumnMapping(
    Map<String, String> columns,
    String timestampFormat,
    DateTimeFormatter formatter,
    ZoneId zone,
    Set<String> trueValues,
    Set<String> falseValues) {

  public static final List<String> REQUIRED =
      List.of("transaction_id", "timestamp", "card_id", "merchant_id", "amount");
  public static final List<String> FIELDS =
      Stream.concat(RawTransaction.FIELDS.stream(), Stream.of("label")).toList();
  public static final Set<String> DEFAULT_TRUE = sorted("1", "true", "yes", "y", "t", "fraud");
  public static final Set<String> DEFAULT_FALSE = sorted("0", "false", "no", "n", "f", "genuine");

  /** Sorted, so messages list the words in a stable order. */
  private static Set<String> sorted(String... words) {
    return java.util.Collections.unmodifiableSortedSet(new TreeSet<>(List.of(words)));
  }

  public static final String EPOCH_SECONDS = "epoch_seconds";
  public static final String EPOCH_MILLIS = "epoch_millis";

  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  /**
   * The canonical file's own mapping: every column has its canonical name ({@code is_fraud} the
   * label).
   */
  public static ColumnMapping canonical() {
    Map<String, String> columns = new LinkedHashMap<>();
    for (String f : FIELDS) {
      columns.put(f, f.equals("label") ? "is_fraud" : f);
    }
    return new ColumnMapping(columns, null, null, ZoneId.of("UTC"), DEFAULT_TRUE, DEFAULT_FALSE);
  }

  /**
   * @throws IllegalArgumentException naming what is wrong in the mapping
   */
  public static ColumnMapping parse(String yaml) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("mapping is not YAML: " + e.getOriginalMessage());
    }
    if (root == null
        || !root.isObject()
        || !root.has("columns")
        || !root.get("columns").isObject()) {
      throw new IllegalArgumentException(
          "mapping needs a 'columns:' section (canonical field: source column)");
    }
    for (String key : root.propertyNames()) {
      if (!Set.of("columns", "timestamp_format", "timezone", "true_values", "false_values")
          .contains(key)) {
        throw new IllegalArgumentException(
            "mapping: unknown key '"
                + key
                + "' (columns, timestamp_format, timezone, true_values, false_values)");
      }
    }
    JsonNode cols = root.get("columns");
    Map<String, String> columns = new LinkedHashMap<>();
    for (String field : cols.propertyNames()) {
      if (!FIELDS.contains(field)) {
        throw new IllegalArgumentException(
            "mapping: '" + field + "' is not a canonical field (one of " + FIELDS + ")");
      }
    }
    for (String field : FIELDS) {
      JsonNode v = cols.get(field);
      if (v != null && !v.isNull()) {
        if (!v.isValueNode() || v.asString().isBlank()) {
          throw new IllegalArgumentException(
              "mapping: column of '" + field + "' must be a column name");
        }
        columns.put(field, v.asString());
      }
    }
    TreeSet<String> missing = new TreeSet<>(REQUIRED);
    missing.removeAll(columns.keySet());
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("mapping: required fields not mapped: " + missing);
    }
    String format = root.has("timestamp_format") ? root.get("timestamp_format").asString() : null;
    DateTimeFormatter formatter = null;
    if (format != null
        && !format.equals("iso")
        && !format.equals(EPOCH_SECONDS)
        && !format.equals(EPOCH_MILLIS)) {
      try {
        // Strict: 31/02 is an error, not the 28th ('u' is the proleptic year strict mode needs).
        formatter =
            DateTimeFormatter.ofPattern(format.replace('y', 'u'), Locale.ROOT)
                .withResolverStyle(java.time.format.ResolverStyle.STRICT);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "mapping: timestamp_format '"
                + format
                + "' is not a date-time pattern: "
                + e.getMessage());
      }
    }
    ZoneId zone;
    try {
      zone = ZoneId.of(root.has("timezone") ? root.get("timezone").asString() : "UTC");
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "mapping: timezone '" + root.get("timezone").asString() + "' is unknown");
    }
    return new ColumnMapping(
        columns,
        "iso".equals(format) ? null : format,
        formatter,
        zone,
        words(root, "true_values", DEFAULT_TRUE),
        words(root, "false_values", DEFAULT_FALSE));
  }

  private static Set<String> words(JsonNode root, String key, Set<String> defaults) {
    if (!root.has(key)) {
      return defaults;
    }
    TreeSet<String> values = new TreeSet<>();
    for (JsonNode v : root.get(key)) {
      values.add(v.asString().toLowerCase(Locale.ROOT));
    }
    return java.util.Collections.unmodifiableSortedSet(values);
  }
}
