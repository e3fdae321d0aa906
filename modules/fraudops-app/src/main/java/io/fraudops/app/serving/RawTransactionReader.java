package io.fraudops.app.serving;

import io.fraudops.core.transaction.Label;
import io.fraudops.core.transaction.LabelEvent;
import io.fraudops.core.transaction.RawTransaction;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the canonical raw-transaction JSON of {@code POST /v1/transactions/score} and the label
 * JSON of {@code POST /v1/labels}, naming every broken field (400 for a body that is not a JSON
 * object, 422 for fields that break the contract). Unknown fields are refused, so a misspelt
 * optional field is not silently ignored.
 */
final class RawTransactionReader {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  static final int MAX_TEXT = 128;

  private static final Set<String> TRANSACTION_FIELDS = Set.copyOf(RawTransaction.FIELDS);
  private static final Set<String> LABEL_FIELDS = Set.of("transaction_id", "label", "known_at");

  RawTransaction readTransaction(byte[] body) {
    JsonNode node = object(body, "the body must be a JSON object with the transaction's fields");
    List<FieldError> errors = new ArrayList<>();
    unknown(node, TRANSACTION_FIELDS, errors);
    String id = text(node, "transaction_id", true, errors);
    OffsetDateTime timestamp = timestamp(node, "timestamp", errors);
    String card = text(node, "card_id", true, errors);
    String merchant = text(node, "merchant_id", true, errors);
    Double amount = number(node, "amount", true, errors);
    if (amount != null && !(amount > 0 && amount <= 1e9)) {
      errors.add(new FieldError("amount", "must be > 0 and at most 1e9"));
    }
    String category = text(node, "merchant_category", false, errors);
    String country = text(node, "merchant_country", false, errors);
    Boolean online = bool(node, "is_online", errors);
    Double latitude = number(node, "latitude", false, errors);
    Double longitude = number(node, "longitude", false, errors);
    if (latitude != null && Math.abs(latitude) > 90) {
      errors.add(new FieldError("latitude", "must be between -90 and 90"));
    }
    if (longitude != null && Math.abs(longitude) > 180) {
      errors.add(new FieldError("longitude", "must be between -180 and 180"));
    }
    if ((latitude == null) != (longitude == null) && !hasError(errors, "latitude", "longitude")) {
      errors.add(
          new FieldError(
              latitude == null ? "latitude" : "longitude", "give latitude and longitude together"));
    }
    String device = text(node, "device_id", false, errors);
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
    return new RawTransaction(
        id, timestamp, card, merchant, amount, category, country, online, latitude, longitude,
        device, null);
  }

  LabelEvent readLabel(byte[] body) {
    JsonNode node = object(body, "the body must be a JSON object: transaction_id, label, known_at");
    List<FieldError> errors = new ArrayList<>();
    unknown(node, LABEL_FIELDS, errors);
    String id = text(node, "transaction_id", true, errors);
    String labelText = text(node, "label", true, errors);
    Label label = null;
    if (labelText != null) {
      try {
        label = Label.parse(labelText);
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("label", e.getMessage()));
      }
    }
    OffsetDateTime knownAt = timestamp(node, "known_at", errors);
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
    return new LabelEvent(id, label, knownAt.toInstant());
  }

  private static JsonNode object(byte[] body, String expected) {
    JsonNode node;
    try {
      node = JSON.readTree(body);
    } catch (JacksonException e) {
      throw new InvalidRequestException(
          InvalidRequestException.BAD_REQUEST,
          "malformed-json",
          "Malformed JSON",
          List.of(new FieldError("$", e.getOriginalMessage())));
    }
    if (node == null || !node.isObject()) {
      throw new InvalidRequestException(
          InvalidRequestException.BAD_REQUEST,
          "wrong-shape",
          "Body is not the expected shape",
          List.of(new FieldError("$", expected)));
    }
    return node;
  }

  private static void unknown(JsonNode node, Set<String> known, List<FieldError> errors) {
    for (String name : node.propertyNames()) {
      if (!known.contains(name)) {
        errors.add(new FieldError(name, "unknown field"));
      }
    }
  }

  private static String text(
      JsonNode node, String field, boolean required, List<FieldError> errors) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        errors.add(new FieldError(field, "is required"));
      }
      return null;
    }
    if (!v.isString() || v.asString().isBlank()) {
      errors.add(new FieldError(field, "must be a non-empty string"));
      return null;
    }
    if (v.asString().length() > MAX_TEXT) {
      errors.add(new FieldError(field, "must be at most " + MAX_TEXT + " characters"));
      return null;
    }
    return v.asString();
  }

  private static Double number(
      JsonNode node, String field, boolean required, List<FieldError> errors) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        errors.add(new FieldError(field, "is required"));
      }
      return null;
    }
    if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
      errors.add(new FieldError(field, "must be a number"));
      return null;
    }
    return v.asDouble();
  }

  private static Boolean bool(JsonNode node, String field, List<FieldError> errors) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isBoolean()) {
      errors.add(new FieldError(field, "must be true or false"));
      return null;
    }
    return v.asBoolean();
  }

  /** ISO-8601 with an offset ({@code 2026-03-01T14:05:00+01:00}, {@code ...Z}); none = UTC. */
  private static OffsetDateTime timestamp(JsonNode node, String field, List<FieldError> errors) {
    String text = text(node, field, true, errors);
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        try {
          return Instant.parse(text).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e3) {
          errors.add(
              new FieldError(field, "must be an ISO-8601 date-time, e.g. 2026-03-01T14:05:00Z"));
          return null;
        }
      }
    }
  }

  private static boolean hasError(List<FieldError> errors, String... fields) {
    for (FieldError e : errors) {
      for (String f : fields) {
        if (e.field().equals(f)) {
          return true;
        }
      }
    }
    return false;
  }

  private static InvalidRequestException invalid(List<FieldError> errors) {
    return new InvalidRequestException(
        InvalidRequestException.UNPROCESSABLE, "invalid-fields", "Invalid fields", errors);
  }
}
