package io.fraudops.app.search;

/** The comparison operators of MLflow's filter language, each with its fixed SQL operator. */
public enum Comparator {
  EQUAL("=", "="),
  NOT_EQUAL("!=", "<>"),
  LESS("<", "<"),
  LESS_OR_EQUAL("<=", "<="),
  GREATER(">", ">"),
  GREATER_OR_EQUAL(">=", ">="),
  LIKE("LIKE", "LIKE"),
  ILIKE("ILIKE", "LIKE"),
  IN("IN", "IN"),
  NOT_IN("NOT IN", "NOT IN");

  private final String word;
  private final String sql;

  Comparator(String word, String sql) {
    this.word = word;
    this.sql = sql;
  }

  public String word() {
    return word;
  }

  /** The SQL operator; a constant of this enum, never text from a request. */
  String sql() {
    return sql;
  }

  boolean numeric() {
    return switch (this) {
      case EQUAL, NOT_EQUAL, LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL -> true;
      default -> false;
    };
  }

  boolean textual() {
    return switch (this) {
      case EQUAL, NOT_EQUAL, LIKE, ILIKE, IN, NOT_IN -> true;
      default -> false;
    };
  }
}
