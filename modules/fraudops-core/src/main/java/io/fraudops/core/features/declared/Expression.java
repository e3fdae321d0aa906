package io.fraudops.core.features.declared;

import io.fraudops.core.transaction.RawTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A derived feature's expression, compiled once into a tree of nodes. The grammar (see
 * docs/FEATURES.md): numbers, earlier features and numeric fields by name, {@code + - * /},
 * comparisons ({@code < <= > >= == !=}, 1 or 0), {@code and}, {@code or}, {@code not}, parentheses,
 * a categorical field compared with a quoted string ({@code merchant_country == 'USA'}), and the
 * functions {@code sqrt log1p abs min max if(c, a, b) coalesce(x, fallback) is_missing(x)
 * haversine(lat1, lon1, lat2, lon2)} (kilometres). NaN (missing) propagates through arithmetic.
 */
public final class Expression {

  /** A compiled expression; evaluating it allocates nothing. */
  public interface Node {
    double eval(double[] features, RawTransaction tx);
  }

  private final String text;
  private final List<String> names;
  private int pos;

  private Expression(String text, List<String> names) {
    this.text = text;
    this.names = names;
  }

  /**
   * @param names the features defined before this one, in vector order
   * @throws IllegalArgumentException naming the problem and its position
   */
  public static Node compile(String text, List<String> names) {
    Expression parser = new Expression(Objects.requireNonNull(text, "expression"), names);
    Node node = parser.or();
    parser.skipSpaces();
    if (parser.pos != text.length()) {
      throw parser.error("unexpected '" + text.substring(parser.pos) + "'");
    }
    return node;
  }

  private Node or() {
    Node left = and();
    while (keyword("or")) {
      Node l = left;
      Node r = and();
      left = (f, t) -> truth(l.eval(f, t)) || truth(r.eval(f, t)) ? 1 : 0;
    }
    return left;
  }

  private Node and() {
    Node left = comparison();
    while (keyword("and")) {
      Node l = left;
      Node r = comparison();
      left = (f, t) -> truth(l.eval(f, t)) && truth(r.eval(f, t)) ? 1 : 0;
    }
    return left;
  }

  private Node comparison() {
    int start = pos;
    String categorical = categoricalOperand();
    if (categorical != null) {
      return stringComparison(categorical);
    }
    pos = start;
    Node left = sum();
    String op = operator("<=", ">=", "==", "!=", "<", ">");
    if (op == null) {
      return left;
    }
    Node r = sum();
    Node l = left;
    return switch (op) {
      case "<=" -> (f, t) -> l.eval(f, t) <= r.eval(f, t) ? 1 : 0;
      case ">=" -> (f, t) -> l.eval(f, t) >= r.eval(f, t) ? 1 : 0;
      case "==" -> (f, t) -> l.eval(f, t) == r.eval(f, t) ? 1 : 0;
      case "!=" -> (f, t) -> l.eval(f, t) != r.eval(f, t) ? 1 : 0;
      case "<" -> (f, t) -> l.eval(f, t) < r.eval(f, t) ? 1 : 0;
      default -> (f, t) -> l.eval(f, t) > r.eval(f, t) ? 1 : 0;
    };
  }

  /** A categorical field name followed by == or != (not shadowed by a feature of that name). */
  private String categoricalOperand() {
    skipSpaces();
    String ident = identifier();
    if (ident == null || names.contains(ident)) {
      return null;
    }
    if (!RawTransaction.CATEGORICAL_FIELDS.contains(ident)) {
      return null;
    }
    return ident;
  }

  private Node stringComparison(String field) {
    String op = operator("==", "!=");
    if (op == null) {
      throw error(
          "categorical field " + field + " can only be compared with == or != to a quoted string");
    }
    String literal = quoted();
    int index = RawTransaction.CATEGORICAL_FIELDS.indexOf(field);
    boolean equal = op.equals("==");
    return (f, t) -> literal.equals(t.categorical(index)) == equal ? 1 : 0;
  }

  private Node sum() {
    Node left = product();
    while (true) {
      String op = operator("+", "-");
      if (op == null) {
        return left;
      }
      Node l = left;
      Node r = product();
      left =
          op.equals("+")
              ? (f, t) -> l.eval(f, t) + r.eval(f, t)
              : (f, t) -> l.eval(f, t) - r.eval(f, t);
    }
  }

  private Node product() {
    Node left = unary();
    while (true) {
      String op = operator("*", "/");
      if (op == null) {
        return left;
      }
      Node l = left;
      Node r = unary();
      left =
          op.equals("*")
              ? (f, t) -> l.eval(f, t) * r.eval(f, t)
              : (f, t) -> l.eval(f, t) / r.eval(f, t);
    }
  }

  private Node unary() {
    if (operator("-") != null) {
      Node inner = unary();
      return (f, t) -> -inner.eval(f, t);
    }
    if (keyword("not")) {
      Node inner = unary();
      return (f, t) -> truth(inner.eval(f, t)) ? 0 : 1;
    }
    return primary();
  }

  private Node primary() {
    skipSpaces();
    if (pos >= text.length()) {
      throw error("expression ends too early");
    }
    char c = text.charAt(pos);
    if (c == '(') {
      pos++;
      Node inner = or();
      expect(')');
      return inner;
    }
    if (Character.isDigit(c) || c == '.') {
      int start = pos;
      while (pos < text.length()
          && (Character.isDigit(text.charAt(pos))
              || text.charAt(pos) == '.'
              || text.charAt(pos) == 'e')) {
        pos++;
      }
      double value;
      try {
        value = Double.parseDouble(text.substring(start, pos));
      } catch (NumberFormatException e) {
        throw error("bad number '" + text.substring(start, pos) + "'");
      }
      return (f, t) -> value;
    }
    int start = pos;
    String ident = identifier();
    if (ident == null) {
      throw error("unexpected '" + c + "'");
    }
    skipSpaces();
    if (pos < text.length() && text.charAt(pos) == '(') {
      pos++;
      return function(ident, arguments());
    }
    int feature = names.indexOf(ident);
    if (feature >= 0) {
      return (f, t) -> f[feature];
    }
    int field = RawTransaction.NUMERIC_FIELDS.indexOf(ident);
    if (field >= 0) {
      return (f, t) -> t.numeric(field);
    }
    pos = start;
    throw error("'" + ident + "' is neither an earlier feature nor a numeric field");
  }

  private List<Node> arguments() {
    List<Node> args = new ArrayList<>();
    skipSpaces();
    if (pos < text.length() && text.charAt(pos) == ')') {
      pos++;
      return args;
    }
    while (true) {
      args.add(or());
      skipSpaces();
      if (pos < text.length() && text.charAt(pos) == ',') {
        pos++;
        continue;
      }
      expect(')');
      return args;
    }
  }

  private Node function(String name, List<Node> a) {
    return switch (name) {
      case "sqrt" -> {
        arity(name, a, 1);
        Node x = a.get(0);
        yield (f, t) -> Math.sqrt(x.eval(f, t));
      }
      case "log1p" -> {
        arity(name, a, 1);
        Node x = a.get(0);
        yield (f, t) -> Math.log1p(x.eval(f, t));
      }
      case "abs" -> {
        arity(name, a, 1);
        Node x = a.get(0);
        yield (f, t) -> Math.abs(x.eval(f, t));
      }
      case "is_missing" -> {
        arity(name, a, 1);
        Node x = a.get(0);
        yield (f, t) -> Double.isNaN(x.eval(f, t)) ? 1 : 0;
      }
      case "min" -> {
        arity(name, a, 2);
        Node x = a.get(0);
        Node y = a.get(1);
        yield (f, t) -> Math.min(x.eval(f, t), y.eval(f, t));
      }
      case "max" -> {
        arity(name, a, 2);
        Node x = a.get(0);
        Node y = a.get(1);
        yield (f, t) -> Math.max(x.eval(f, t), y.eval(f, t));
      }
      case "coalesce" -> {
        arity(name, a, 2);
        Node x = a.get(0);
        Node y = a.get(1);
        yield (f, t) -> {
          double v = x.eval(f, t);
          return Double.isNaN(v) ? y.eval(f, t) : v;
        };
      }
      case "if" -> {
        arity(name, a, 3);
        Node c = a.get(0);
        Node x = a.get(1);
        Node y = a.get(2);
        yield (f, t) -> truth(c.eval(f, t)) ? x.eval(f, t) : y.eval(f, t);
      }
      case "haversine" -> {
        arity(name, a, 4);
        Node lat1 = a.get(0);
        Node lon1 = a.get(1);
        Node lat2 = a.get(2);
        Node lon2 = a.get(3);
        yield (f, t) ->
            haversineKm(lat1.eval(f, t), lon1.eval(f, t), lat2.eval(f, t), lon2.eval(f, t));
      }
      default -> throw error("unknown function '" + name + "'");
    };
  }

  /** Great-circle distance in kilometres (mean Earth radius 6371 km); NaN when any input is. */
  public static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double h =
        Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2))
                * Math.sin(dLon / 2)
                * Math.sin(dLon / 2);
    return 2 * 6371.0 * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  private void arity(String name, List<Node> args, int n) {
    if (args.size() != n) {
      throw error(
          name + " takes " + n + " argument" + (n == 1 ? "" : "s") + ", not " + args.size());
    }
  }

  private static boolean truth(double v) {
    return v != 0 && !Double.isNaN(v);
  }

  private String identifier() {
    skipSpaces();
    int start = pos;
    while (pos < text.length()
        && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')
        && !(pos == start && Character.isDigit(text.charAt(pos)))) {
      pos++;
    }
    return pos == start ? null : text.substring(start, pos);
  }

  private boolean keyword(String word) {
    skipSpaces();
    int start = pos;
    String ident = identifier();
    if (word.equals(ident)) {
      return true;
    }
    pos = start;
    return false;
  }

  private String operator(String... ops) {
    skipSpaces();
    for (String op : ops) {
      if (text.startsWith(op, pos)) {
        pos += op.length();
        return op;
      }
    }
    return null;
  }

  private String quoted() {
    skipSpaces();
    if (pos >= text.length() || (text.charAt(pos) != '\'' && text.charAt(pos) != '"')) {
      throw error("expected a quoted string");
    }
    char quote = text.charAt(pos++);
    int end = text.indexOf(quote, pos);
    if (end < 0) {
      throw error("unterminated string");
    }
    String value = text.substring(pos, end);
    pos = end + 1;
    return value;
  }

  private void expect(char c) {
    skipSpaces();
    if (pos >= text.length() || text.charAt(pos) != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private void skipSpaces() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private IllegalArgumentException error(String message) {
    return new IllegalArgumentException(
        "expression '" + text + "' at position " + (pos + 1) + ": " + message);
  }
}
