package io.fraudops.core.features.declared;

import io.fraudops.core.transaction.RawTransaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the YAML feature-set format ({@value #FORMAT}); see docs/FEATURES.md. Every mistake is
 * refused with the feature's position and name, and an expression is compiled here, so a set that
 * parses is a set the engine can compute.
 */
public final class FeatureSetParser {
  private FeatureSetParser() {}

  public static final String FORMAT = "fraudops-features/1";
  private static final YAMLMapper YAML = YAMLMapper.builder().build();
  private static final Set<String> KINDS = Set.of("field", "time", "aggregate", "expr", "encode");

  /**
   * @throws FeatureSetFormatException naming what is wrong
   */
  public static FeatureSetDefinition parse(String yaml) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JacksonException e) {
      throw new FeatureSetFormatException("not a YAML feature set: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new FeatureSetFormatException("a feature set is a YAML mapping");
    }
    String format = text(root, "format", "the feature set");
    if (!FORMAT.equals(format)) {
      throw new FeatureSetFormatException(
          "feature-set format '"
              + format
              + "' is not computable here (this build reads "
              + FORMAT
              + ")");
    }
    String name = text(root, "name", "the feature set");
    JsonNode versionNode = root.get("version");
    if (versionNode == null || !versionNode.isInt() || versionNode.asInt() < 1) {
      throw new FeatureSetFormatException(
          "feature set " + name + ": version must be a positive integer");
    }
    int version = versionNode.asInt();
    String description = root.has("description") ? root.get("description").asString() : "";
    boolean includeCurrentDefault = false;
    JsonNode defaults = root.get("defaults");
    if (defaults != null && defaults.has("include_current")) {
      includeCurrentDefault = defaults.get("include_current").asBoolean();
    }
    JsonNode list = root.get("features");
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw new FeatureSetFormatException("feature set " + name + " lists no features");
    }
    List<FeatureDefinition> features = new ArrayList<>();
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int position = 0;
    for (JsonNode node : list) {
      position++;
      String where = "feature " + position;
      if (!node.isObject()) {
        throw new FeatureSetFormatException(where + " is not a mapping");
      }
      String featureName = text(node, "name", where);
      where = "feature " + position + " (" + featureName + ")";
      if (!seen.add(featureName)) {
        throw new FeatureSetFormatException(where + ": the name is used twice");
      }
      List<String> kinds = new ArrayList<>();
      for (String key : node.propertyNames()) {
        if (KINDS.contains(key)) {
          kinds.add(key);
        } else if (!key.equals("name") && !key.equals("description") && !key.equals("internal")) {
          throw new FeatureSetFormatException(where + ": unknown key '" + key + "'");
        }
      }
      if (kinds.size() != 1) {
        throw new FeatureSetFormatException(
            where
                + ": needs exactly one of field, time, aggregate, expr, encode (has "
                + kinds
                + ")");
      }
      FeatureDefinition feature =
          switch (kinds.get(0)) {
            case "field" -> {
              String field = node.get("field").asString();
              requireIn(field, RawTransaction.NUMERIC_FIELDS, where, "numeric field");
              yield new FeatureDefinition.Field(featureName, field);
            }
            case "time" ->
                new FeatureDefinition.Time(featureName, timePart(node.get("time"), where));
            case "aggregate" ->
                new FeatureDefinition.Aggregated(
                    featureName, aggregate(node.get("aggregate"), where, includeCurrentDefault));
            case "expr" -> {
              String expression = node.get("expr").asString();
              try {
                Expression.compile(expression, names);
              } catch (IllegalArgumentException e) {
                throw new FeatureSetFormatException(where + ": " + e.getMessage());
              }
              yield new FeatureDefinition.Derived(featureName, expression);
            }
            default -> {
              String field = node.get("encode").asString();
              requireIn(field, RawTransaction.CATEGORICAL_FIELDS, where, "categorical field");
              yield new FeatureDefinition.Encoded(featureName, field);
            }
          };
      if (node.has("internal") && node.get("internal").asBoolean()) {
        feature = new FeatureDefinition.Internal(feature);
      }
      features.add(feature);
      names.add(featureName);
    }
    if (features.stream().allMatch(FeatureDefinition::internal)) {
      throw new FeatureSetFormatException("feature set " + name + " has only internal features");
    }
    return new FeatureSetDefinition(format, name, version, description, features, yaml);
  }

  private static Aggregate aggregate(JsonNode node, String where, boolean includeCurrentDefault) {
    if (node == null || !node.isObject()) {
      throw new FeatureSetFormatException(where + ": aggregate must be a mapping");
    }
    for (String key : node.propertyNames()) {
      if (!Set.of("entity", "window", "function", "of", "label_delay", "include_current")
          .contains(key)) {
        throw new FeatureSetFormatException(where + ": unknown aggregate key '" + key + "'");
      }
    }
    String entity = text(node, "entity", where);
    requireIn(entity, RawTransaction.CATEGORICAL_FIELDS, where, "entity field");
    Duration window = duration(text(node, "window", where), where);
    if (window.isZero() || window.isNegative()) {
      throw new FeatureSetFormatException(where + ": the window must be longer than zero");
    }
    String functionText = text(node, "function", where);
    AggregateFunction function;
    try {
      function = AggregateFunction.valueOf(functionText.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new FeatureSetFormatException(
          where
              + ": unknown function '"
              + functionText
              + "' (count, sum, mean, max, distinct_count, fraud_count, fraud_rate)");
    }
    String field = node.has("of") ? node.get("of").asString() : null;
    if (function.needsField()) {
      if (field == null) {
        throw new FeatureSetFormatException(where + ": " + function.wire() + " needs 'of: FIELD'");
      }
      if (function == AggregateFunction.DISTINCT_COUNT) {
        requireIn(field, RawTransaction.CATEGORICAL_FIELDS, where, "categorical field");
      } else {
        requireIn(field, RawTransaction.NUMERIC_FIELDS, where, "numeric field");
      }
    } else if (field != null) {
      throw new FeatureSetFormatException(where + ": " + function.wire() + " takes no 'of'");
    }
    Duration delay = Duration.ZERO;
    if (node.has("label_delay")) {
      if (!function.usesLabels()) {
        throw new FeatureSetFormatException(
            where + ": label_delay applies only to fraud_count and fraud_rate");
      }
      delay = duration(node.get("label_delay").asString(), where);
    }
    boolean includeCurrent =
        node.has("include_current")
            ? node.get("include_current").asBoolean()
            : includeCurrentDefault;
    if (includeCurrent && function.usesLabels()) {
      throw new FeatureSetFormatException(
          where
              + ": include_current makes no sense for labels (the current transaction has none yet)");
    }
    return new Aggregate(entity, window, function, field, delay, includeCurrent);
  }

  private static TimePart timePart(JsonNode node, String where) {
    String text = node.asString();
    try {
      return TimePart.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new FeatureSetFormatException(
          where
              + ": unknown time part '"
              + text
              + "' (hour, day_of_week, weekend, night, business_hours)");
    }
  }

  private static Duration duration(String text, String where) {
    try {
      return Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new FeatureSetFormatException(where + ": " + e.getMessage());
    }
  }

  private static String text(JsonNode node, String key, String where) {
    JsonNode value = node.get(key);
    if (value == null || !value.isValueNode() || value.asString().isBlank()) {
      throw new FeatureSetFormatException(where + ": '" + key + "' is missing");
    }
    return value.asString();
  }

  private static void requireIn(String value, List<String> allowed, String where, String what) {
    if (!allowed.contains(value)) {
      throw new FeatureSetFormatException(
          where + ": '" + value + "' is not a " + what + " (one of " + allowed + ")");
    }
  }
}
