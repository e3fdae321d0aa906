package io.fraudops.app.serving;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads {@code /predict} and {@code /predict/batch} bodies straight from JSON tokens into {@link
 * PredictRequest}s and checks the contract of PRODUCT.md, collecting every broken field so one
 * answer names them all. Framework-free, so any HTTP front end can share it.
 *
 * <p>Malformed JSON or the wrong top-level shape is a 400; missing, mistyped or out-of-range fields
 * are a 422. Unknown fields are ignored; an unknown merchant category or country is valid (it is
 * scored). Integers may be written as integral decimals ({@code 3.0}); booleans as {@code
 * true/false} or {@code 0/1}.
 */
public final class PredictRequestReader {

  private static final JsonFactory JSON = new JsonFactory();

  public PredictRequest readOne(byte[] body) {
    try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw shape("the body must be a JSON object with the transaction's fields");
      }
      List<FieldError> errors = new ArrayList<>();
      PredictRequest request = readObject(p, "", errors);
      expectEnd(p);
      if (!errors.isEmpty()) {
        throw invalidFields(errors);
      }
      return request;
    } catch (JacksonException e) {
      throw malformed(e);
    }
  }

  /**
   * Reads a JSON array of transactions, refusing an empty one or one longer than {@code limit}.
   * Field errors carry the element index: {@code [3].amount}.
   */
  public List<PredictRequest> readBatch(byte[] body, int limit) {
    try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), body)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw shape("the body must be a JSON array of transactions");
      }
      List<PredictRequest> requests = new ArrayList<>();
      List<FieldError> errors = new ArrayList<>();
      int index = 0;
      for (JsonToken t; (t = p.nextToken()) != JsonToken.END_ARRAY; index++) {
        if (index >= limit) {
          throw new InvalidRequestException(
              InvalidRequestException.UNPROCESSABLE,
              "batch-too-large",
              "Batch too large",
              List.of(
                  new FieldError(
                      "$",
                      "the batch holds more than "
                          + limit
                          + " transactions, the limit is "
                          + limit)));
        }
        String prefix = "[" + index + "].";
        if (t != JsonToken.START_OBJECT) {
          errors.add(new FieldError("[" + index + "]", "must be a JSON object"));
          p.skipChildren();
          continue;
        }
        requests.add(readObject(p, prefix, errors));
      }
      expectEnd(p);
      if (index == 0) {
        throw new InvalidRequestException(
            InvalidRequestException.UNPROCESSABLE,
            "empty-batch",
            "Empty batch",
            List.of(new FieldError("$", "the batch holds no transactions")));
      }
      if (!errors.isEmpty()) {
        throw invalidFields(errors);
      }
      return requests;
    } catch (JacksonException e) {
      throw malformed(e);
    }
  }

  /** Reads one object; the parser is on its START_OBJECT and is left on its END_OBJECT. */
  private static PredictRequest readObject(JsonParser p, String prefix, List<FieldError> errors) {
    Fields f = new Fields(prefix, errors);
    for (String name; (name = p.nextName()) != null; ) {
      JsonToken value = p.nextToken();
      switch (name) {
        case "transaction_id" -> f.transactionId = f.text(p, value, name, false);
        case "amount" -> f.amount = f.number(p, value, name);
        case "merchant_category" -> f.merchantCategory = f.text(p, value, name, true);
        case "merchant_country" -> f.merchantCountry = f.text(p, value, name, true);
        case "hour_of_day" -> f.hourOfDay = f.integer(p, value, name);
        case "day_of_week" -> f.dayOfWeek = f.integer(p, value, name);
        case "is_online" -> f.isOnline = f.bool(p, value, name);
        case "is_weekend" -> f.isWeekend = f.bool(p, value, name);
        case "transactions_last_24h" -> f.tx24h = f.integer(p, value, name);
        case "total_amount_last_24h" -> f.amount24h = f.number(p, value, name);
        case "transactions_last_1h" -> f.tx1h = f.integer(p, value, name);
        case "distance_from_home" -> f.distance = f.number(p, value, name);
        default -> p.skipChildren(); // unknown fields are ignored
      }
    }
    return f.build();
  }

  private static void expectEnd(JsonParser p) {
    if (p.nextToken() != null) {
      throw shape("unexpected content after the JSON value");
    }
  }

  private static InvalidRequestException invalidFields(List<FieldError> errors) {
    return new InvalidRequestException(
        InvalidRequestException.UNPROCESSABLE,
        "invalid-fields",
        "Invalid transaction fields",
        errors);
  }

  private static InvalidRequestException shape(String message) {
    return new InvalidRequestException(
        InvalidRequestException.BAD_REQUEST,
        "malformed-request",
        "Malformed request",
        List.of(new FieldError("$", message)));
  }

  private static InvalidRequestException malformed(JacksonException e) {
    String field = "$";
    var location = e.getLocation();
    String where =
        location == null
            ? ""
            : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    return new InvalidRequestException(
        InvalidRequestException.BAD_REQUEST,
        "malformed-json",
        "Malformed JSON",
        List.of(new FieldError(field, "not valid JSON" + where + ": " + e.getOriginalMessage())));
  }

  /** Per-object parse state: values seen so far and the errors found. */
  private static final class Fields {
    private final String prefix;
    private final List<FieldError> errors;
    private String transactionId;
    private Double amount;
    private String merchantCategory;
    private String merchantCountry;
    private Integer hourOfDay;
    private Integer dayOfWeek;
    private Boolean isOnline;
    private Boolean isWeekend;
    private Integer tx24h;
    private Double amount24h;
    private Integer tx1h;
    private Double distance;

    Fields(String prefix, List<FieldError> errors) {
      this.prefix = prefix;
      this.errors = errors;
    }

    private void error(String field, String message) {
      errors.add(new FieldError(prefix + field, message));
    }

    String text(JsonParser p, JsonToken t, String field, boolean required) {
      if (t == JsonToken.VALUE_STRING) {
        String s = p.getString();
        if (required && s.isBlank()) {
          error(field, "must not be blank");
          return null;
        }
        return s;
      }
      if (t == JsonToken.VALUE_NULL && !required) {
        return null;
      }
      error(field, "must be a string");
      p.skipChildren();
      return null;
    }

    Double number(JsonParser p, JsonToken t, String field) {
      if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
        double v = p.getDoubleValue();
        if (!Double.isFinite(v)) {
          error(field, "must be a finite number");
          return null;
        }
        return v;
      }
      error(field, "must be a number, got " + describe(t));
      p.skipChildren();
      return null;
    }

    Integer integer(JsonParser p, JsonToken t, String field) {
      if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
        double v = p.getDoubleValue();
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
          error(field, "must be an integer, got " + p.getText());
          return null;
        }
        return (int) v;
      }
      error(field, "must be an integer, got " + describe(t));
      p.skipChildren();
      return null;
    }

    Boolean bool(JsonParser p, JsonToken t, String field) {
      if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
        return t == JsonToken.VALUE_TRUE;
      }
      if (t == JsonToken.VALUE_NUMBER_INT) {
        long v = p.getLongValue();
        if (v == 0 || v == 1) {
          return v == 1;
        }
      }
      error(field, "must be true or false, got " + describe(t));
      p.skipChildren();
      return null;
    }

    private static String describe(JsonToken t) {
      return switch (t) {
        case VALUE_STRING -> "a string";
        case VALUE_NULL -> "null";
        case VALUE_TRUE, VALUE_FALSE -> "a boolean";
        case START_OBJECT -> "an object";
        case START_ARRAY -> "an array";
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
        default -> t.name();
      };
    }

    PredictRequest build() {
      int before = errors.size();
      require(amount, "amount");
      require(merchantCategory, "merchant_category");
      require(merchantCountry, "merchant_country");
      require(hourOfDay, "hour_of_day");
      require(dayOfWeek, "day_of_week");
      require(isOnline, "is_online");
      require(isWeekend, "is_weekend");
      require(tx24h, "transactions_last_24h");
      require(amount24h, "total_amount_last_24h");
      require(tx1h, "transactions_last_1h");
      require(distance, "distance_from_home");
      if (amount != null && amount <= 0) {
        error("amount", "must be greater than 0");
      }
      range(hourOfDay, 0, 23, "hour_of_day");
      range(dayOfWeek, 0, 6, "day_of_week");
      range(tx24h, 0, Integer.MAX_VALUE, "transactions_last_24h");
      range(tx1h, 0, Integer.MAX_VALUE, "transactions_last_1h");
      nonNegative(amount24h, "total_amount_last_24h");
      nonNegative(distance, "distance_from_home");
      if (errors.size() > before || hasNull()) {
        return null;
      }
      return new PredictRequest(
          transactionId,
          amount,
          merchantCategory,
          merchantCountry,
          hourOfDay,
          dayOfWeek,
          isOnline,
          isWeekend,
          tx24h,
          amount24h,
          tx1h,
          distance);
    }

    private boolean hasNull() {
      return amount == null
          || merchantCategory == null
          || merchantCountry == null
          || hourOfDay == null
          || dayOfWeek == null
          || isOnline == null
          || isWeekend == null
          || tx24h == null
          || amount24h == null
          || tx1h == null
          || distance == null;
    }

    private void require(Object value, String field) {
      if (value == null && errors.stream().noneMatch(e -> e.field().equals(prefix + field))) {
        error(field, "is required");
      }
    }

    private void range(Integer value, int min, int max, String field) {
      if (value != null && (value < min || value > max)) {
        error(
            field,
            max == Integer.MAX_VALUE
                ? "must be ≥ " + min + ", got " + value
                : "must be between " + min + " and " + max + ", got " + value);
      }
    }

    private void nonNegative(Double value, String field) {
      if (value != null && value < 0) {
        error(field, "must be ≥ 0, got " + value);
      }
    }
  }
}
