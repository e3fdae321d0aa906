package io.fraudops.app.serving;

/**
 * One reason a request was refused, naming the JSON field (e.g. {@code amount}, {@code
 * [3].hour_of_day}).
 */
public record FieldError(String field, String message) {

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
