package io.fraudops.app.mlflow;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fields of one MLflow API call, read the way MLflow's server reads them: the JSON body of a
 * POST, PATCH or DELETE, and the query parameters (GET requests carry everything there). A field in
 * both is taken from the body. Missing required fields and values of the wrong type are refused
 * with {@code INVALID_PARAMETER_VALUE}, in MLflow's wording.
 */
public final class MlflowRequest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

  private final JsonNode body;
  private final Map<String, String[]> query;

  private MlflowRequest(JsonNode body, Map<String, String[]> query) {
    this.body = body;
    this.query = query;
  }

  public static MlflowRequest of(HttpServletRequest http) {
    JsonNode body = null;
    try {
      byte[] bytes = http.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
      if (bytes.length > MAX_BODY_BYTES) {
        throw new MlflowException(ErrorCode.BAD_REQUEST, "request body exceeds 16 MiB");
      }
      if (bytes.length > 0
          && !new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.UTF_8).isBlank()) {
        body = JSON.readTree(bytes);
        if (!body.isObject()) {
          throw new MlflowException(ErrorCode.BAD_REQUEST, "request body must be a JSON object");
        }
      }
    } catch (JacksonException e) {
      throw new MlflowException(
          ErrorCode.BAD_REQUEST, "malformed JSON in request body: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the request body", e);
    }
    return new MlflowRequest(body, new LinkedHashMap<>(http.getParameterMap()));
  }

  private JsonNode node(String name) {
    if (body != null && body.has(name) && !body.get(name).isNull()) {
      return body.get(name);
    }
    return null;
  }

  private String queryValue(String name) {
    String[] values = query.get(name);
    return values == null || values.length == 0 ? null : values[0];
  }

  public boolean has(String name) {
    return node(name) != null || queryValue(name) != null;
  }

  /** A string field, or {@code null}. Numbers and booleans are accepted as their text. */
  public String string(String name) {
    JsonNode n = node(name);
    if (n != null) {
      if (n.isString() || n.isNumber() || n.isBoolean()) {
        return n.asString();
      }
      throw invalidValue(name, n.toString());
    }
    return queryValue(name);
  }

  public String required(String name) {
    String value = string(name);
    if (value == null || value.isEmpty()) {
      throw missing(name);
    }
    return value;
  }

  public Long longValue(String name) {
    String text = string(name);
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw invalidValue(name, text);
    }
  }

  public Integer intValue(String name) {
    Long v = longValue(name);
    if (v == null) {
      return null;
    }
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw invalidValue(name, String.valueOf(v));
    }
    return v.intValue();
  }

  public int requiredInt(String name) {
    if (!has(name)) {
      throw missing(name);
    }
    return intValue(name);
  }

  public long requiredLong(String name) {
    if (!has(name)) {
      throw missing(name);
    }
    return longValue(name);
  }

  /** A number, accepting MLflow's spellings of non-finite values ("NaN", "Infinity"). */
  public double requiredDouble(String name) {
    JsonNode n = node(name);
    if (n != null && n.isNumber()) {
      return n.asDouble();
    }
    String text = string(name);
    if (text == null) {
      throw missing(name);
    }
    return parseDouble(name, text);
  }

  public static double parseDouble(String name, String text) {
    try {
      return switch (text.strip()) {
        case "NaN", "nan" -> Double.NaN;
        case "Infinity", "inf" -> Double.POSITIVE_INFINITY;
        case "-Infinity", "-inf" -> Double.NEGATIVE_INFINITY;
        default -> Double.parseDouble(text.strip());
      };
    } catch (NumberFormatException e) {
      throw invalidValue(name, text);
    }
  }

  public boolean bool(String name, boolean fallback) {
    String text = string(name);
    if (text == null) {
      return fallback;
    }
    return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "1" -> true;
      case "false", "0" -> false;
      default -> throw invalidValue(name, text);
    };
  }

  /** A repeated string field: a JSON array, or a query parameter given once or more. */
  public List<String> strings(String name) {
    JsonNode n = node(name);
    if (n != null) {
      if (!n.isArray()) {
        return List.of(n.asString());
      }
      List<String> out = new ArrayList<>();
      n.forEach(e -> out.add(e.asString()));
      return out;
    }
    String[] values = query.get(name);
    return values == null ? List.of() : Arrays.asList(values);
  }

  /** A repeated message field (e.g. {@code metrics} of LogBatch) as JSON objects. */
  public List<JsonNode> objects(String name) {
    JsonNode n = node(name);
    if (n == null) {
      return List.of();
    }
    if (!n.isArray()) {
      throw invalidValue(name, n.toString());
    }
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode e : n) {
      if (!e.isObject()) {
        throw invalidValue(name, e.toString());
      }
      out.add(e);
    }
    return out;
  }

  /** A repeated {@code {key, value}} field (tags, params) in order; keys are required. */
  public Map<String, String> keyValues(String name) {
    Map<String, String> out = new LinkedHashMap<>();
    for (JsonNode e : objects(name)) {
      JsonNode key = e.get("key");
      if (key == null || key.isNull() || key.asString().isEmpty()) {
        throw missing(name + ".key");
      }
      JsonNode value = e.get("value");
      out.put(key.asString(), value == null || value.isNull() ? "" : value.asString());
    }
    return out;
  }

  public static MlflowException missing(String name) {
    return MlflowException.invalid(
        "Missing value for required parameter '"
            + name
            + "'. See the API docs for more information about request parameters.");
  }

  public static MlflowException invalidValue(String name, String value) {
    return MlflowException.invalid(
        "Invalid value " + value + " for parameter '" + name + "' supplied.");
  }
}
