package io.fraudops.app.search;

import io.fraudops.app.mlflow.MlflowException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Turns parsed comparisons and order-by clauses into SQL for one {@link SearchSchema}. The SQL text
 * is assembled only from the schema's constant fragments and the operators' constant SQL; every key
 * name and value goes in as a bind parameter, in the order of {@link #args()}.
 */
public final class FilterSql {

  private final SearchSchema schema;
  private final StringBuilder joins = new StringBuilder();
  private final List<Object> joinArgs = new ArrayList<>();
  private final List<String> conditions = new ArrayList<>();
  private final List<Object> conditionArgs = new ArrayList<>();
  private final List<String> orderTerms = new ArrayList<>();
  private int joinCount;

  public FilterSql(SearchSchema schema) {
    this.schema = schema;
  }

  /** Adds a condition of the caller's own (constant SQL with its bind arguments). */
  public FilterSql where(String sql, Object... args) {
    conditions.add(sql);
    Collections.addAll(conditionArgs, args);
    return this;
  }

  /** Adds the conditions of a filter text. */
  public FilterSql filter(String filter) {
    for (Comparison c : SearchFilter.parse(filter)) {
      add(c);
    }
    return this;
  }

  /** Adds the sort terms of {@code order_by} clauses, in order. */
  public FilterSql orderBy(List<String> clauses) {
    if (clauses == null) {
      return this;
    }
    for (String clause : clauses) {
      OrderBy o = SearchFilter.parseOrderBy(clause);
      String direction = o.ascending() ? " ASC" : " DESC";
      Key key = o.key();
      if (key.type() == KeyType.ATTRIBUTE) {
        orderTerms.add(attribute(key).sql() + direction + " NULLS LAST");
      } else {
        SearchSchema.KeyedTable t = table(key);
        String alias = "o" + joinCount++;
        joins
            .append(" LEFT JOIN ")
            .append(t.table())
            .append(' ')
            .append(alias)
            .append(" ON ")
            .append(t.correlation().replace("x.", alias + "."))
            .append(" AND ")
            .append(alias)
            .append('.')
            .append(t.keyColumn())
            .append(" = ?");
        joinArgs.add(key.name());
        orderTerms.add(alias + "." + t.valueColumn() + direction + " NULLS LAST");
      }
    }
    return this;
  }

  /** Adds constant tie-break sort terms (e.g. {@code r.start_time DESC}). */
  public FilterSql thenBy(String... terms) {
    Collections.addAll(orderTerms, terms);
    return this;
  }

  /** {@code LEFT JOIN}s the sort terms need; place right after the FROM clause. */
  public String joins() {
    return joins.toString();
  }

  /** {@code WHERE ...} or empty. */
  public String whereClause() {
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  /** {@code ORDER BY ...} or empty. */
  public String orderClause() {
    return orderTerms.isEmpty() ? "" : " ORDER BY " + String.join(", ", orderTerms);
  }

  /** Bind arguments: the joins' first, then the conditions'. */
  public List<Object> args() {
    List<Object> all = new ArrayList<>(joinArgs);
    all.addAll(conditionArgs);
    return all;
  }

  private void add(Comparison c) {
    Key key = c.key();
    if (key.type() == KeyType.ATTRIBUTE) {
      SearchSchema.Column column = attribute(key);
      conditions.add(compare(column.sql(), column.numeric(), c));
      return;
    }
    SearchSchema.KeyedTable t = table(key);
    String compared = compare("x." + t.valueColumn(), t.numeric(), c);
    conditions.add(
        "EXISTS (SELECT 1 FROM "
            + t.table()
            + " x WHERE "
            + t.correlation()
            + " AND x."
            + t.keyColumn()
            + " = ? AND "
            + compared
            + ")");
    // the key's argument comes before the compared value's
    conditionArgs.add(conditionArgs.size() - argCount(c), key.name());
  }

  private static int argCount(Comparison c) {
    return c.value() instanceof Value.Texts list ? list.texts().size() : 1;
  }

  /** A comparison of one column with the value; appends the value's bind arguments. */
  private String compare(String column, boolean numeric, Comparison c) {
    Comparator op = c.comparator();
    if (numeric) {
      if (!op.numeric()) {
        throw invalid(c, "'" + op.word() + "' does not apply to the numeric " + c.key());
      }
      if (!(c.value() instanceof Value.Number n)) {
        throw invalid(c, c.key() + " is numeric: compare it with a number");
      }
      conditionArgs.add(number(n.number()));
      return column + " " + op.sql() + " ?";
    }
    if (!op.textual()) {
      throw invalid(
          c,
          "'"
              + op.word()
              + "' does not apply to "
              + c.key()
              + " (strings support =, !=, LIKE, ILIKE, IN, NOT IN)");
    }
    return switch (op) {
      case IN, NOT_IN -> {
        if (!(c.value() instanceof Value.Texts list)) {
          throw invalid(c, op.word() + " needs a parenthesised list of strings");
        }
        conditionArgs.addAll(list.texts());
        yield column
            + " "
            + op.sql()
            + " ("
            + String.join(", ", Collections.nCopies(list.texts().size(), "?"))
            + ")";
      }
      case ILIKE -> {
        conditionArgs.add(text(c));
        yield "LOWER(" + column + ") LIKE LOWER(?)";
      }
      default -> {
        conditionArgs.add(text(c));
        yield column + " " + op.sql() + " ?";
      }
    };
  }

  private static String text(Comparison c) {
    if (c.value() instanceof Value.Text t) {
      return t.text();
    }
    throw invalid(c, c.key() + " holds strings: quote the value");
  }

  private static Object number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 9e15 ? (Object) (long) v : (Object) v;
  }

  private SearchSchema.Column attribute(Key key) {
    SearchSchema.Column column = schema.attributes().get(key.name());
    if (column == null) {
      throw MlflowException.invalid(
          "Invalid attribute key '"
              + key.name()
              + "' for "
              + schema.entity()
              + "; valid attributes are "
              + schema.attributes().keySet().stream().sorted().toList());
    }
    return column;
  }

  private SearchSchema.KeyedTable table(Key key) {
    SearchSchema.KeyedTable t = schema.tables().get(key.type());
    if (t == null) {
      throw MlflowException.invalid(
          "Searching " + schema.entity() + " by " + key + " is not supported");
    }
    return t;
  }

  private static MlflowException invalid(Comparison c, String message) {
    return MlflowException.invalid(
        "Invalid comparison at position " + c.key().position() + ": " + message);
  }
}
