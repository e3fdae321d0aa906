package io.fraudops.app.search;

import io.fraudops.app.mlflow.MlflowException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parser of MLflow's search filter language: comparisons joined by {@code AND}, e.g. {@code
 * metrics.auc_roc > 0.9 and params.max_depth = '6' and tags.`team name` LIKE 'fraud%' and
 * attributes.status = 'FINISHED'}. The result is a list of typed {@link Comparison}s; nothing of
 * the text ever reaches SQL except through bind parameters ({@link FilterSql}).
 *
 * <p>Keys are {@code <type>.<name>} where the name may contain dots or be quoted with backticks or
 * double quotes; a key without a type is an attribute. Values are strings in single or double
 * quotes (a doubled quote escapes itself), numbers, or a parenthesised list of strings for {@code
 * IN} and {@code NOT IN}. Anything else is refused with {@code INVALID_PARAMETER_VALUE} naming the
 * position.
 */
public final class SearchFilter {

  private final String text;
  private int pos;

  private SearchFilter(String text) {
    this.text = text;
  }

  /** Parses a filter; {@code null} or blank means no condition. */
  public static List<Comparison> parse(String filter) {
    if (filter == null || filter.isBlank()) {
      return List.of();
    }
    return new SearchFilter(filter).comparisons();
  }

  /** Parses one {@code order_by} clause: a key and an optional {@code ASC} or {@code DESC}. */
  public static OrderBy parseOrderBy(String clause) {
    if (clause == null || clause.isBlank()) {
      throw MlflowException.invalid("empty order_by clause");
    }
    SearchFilter p = new SearchFilter(clause);
    Key key = p.key();
    p.skipSpace();
    boolean ascending = true;
    if (!p.atEnd()) {
      String word = p.word();
      switch (word.toUpperCase(Locale.ROOT)) {
        case "ASC" -> ascending = true;
        case "DESC" -> ascending = false;
        default -> throw p.error("expected ASC or DESC, found '" + word + "'");
      }
      p.skipSpace();
      if (!p.atEnd()) {
        throw p.error("unexpected text after the sort direction");
      }
    }
    return new OrderBy(key, ascending);
  }

  private List<Comparison> comparisons() {
    List<Comparison> out = new ArrayList<>();
    while (true) {
      out.add(comparison());
      skipSpace();
      if (atEnd()) {
        return out;
      }
      String word = word();
      if (!word.equalsIgnoreCase("AND")) {
        throw error(
            "expected AND between comparisons, found '"
                + word
                + "' (only AND-joined comparisons are supported)");
      }
    }
  }

  private Comparison comparison() {
    Key key = key();
    Comparator op = comparator();
    Value value = value(op);
    return new Comparison(key, op, value);
  }

  private Key key() {
    skipSpace();
    int start = pos;
    StringBuilder raw = new StringBuilder();
    boolean quoted = false;
    while (!atEnd()) {
      char c = text.charAt(pos);
      if (c == '`' || c == '"') {
        if (raw.length() > 0 && raw.charAt(raw.length() - 1) != '.') {
          break;
        }
        raw.append(quoted(c));
        quoted = true;
      } else if (isIdentifierChar(c)) {
        raw.append(c);
        pos++;
      } else {
        break;
      }
    }
    if (raw.isEmpty()) {
      throw error("expected a key such as metrics.auc_roc, params.max_depth or tags.team");
    }
    String s = raw.toString();
    int dot = s.indexOf('.');
    if (dot < 0) {
      return new Key(KeyType.ATTRIBUTE, s, start);
    }
    KeyType type = KeyType.ofPrefix(s.substring(0, dot));
    if (type == null) {
      throw error(
          "unknown key type '"
              + s.substring(0, dot)
              + "' (expected metrics, params, tags or attributes)",
          start);
    }
    String name = s.substring(dot + 1);
    if (name.isEmpty()) {
      throw error("missing name after '" + s.substring(0, dot + 1) + "'", start);
    }
    return new Key(type, name, start);
  }

  private Comparator comparator() {
    skipSpace();
    if (atEnd()) {
      throw error("expected a comparison operator");
    }
    char c = text.charAt(pos);
    if (c == '=' || c == '!' || c == '<' || c == '>') {
      String two = pos + 1 < text.length() ? text.substring(pos, pos + 2) : "";
      switch (two) {
        case "!=", "<>" -> {
          pos += 2;
          return Comparator.NOT_EQUAL;
        }
        case "<=" -> {
          pos += 2;
          return Comparator.LESS_OR_EQUAL;
        }
        case ">=" -> {
          pos += 2;
          return Comparator.GREATER_OR_EQUAL;
        }
        case "==" -> {
          pos += 2;
          return Comparator.EQUAL;
        }
        default -> {}
      }
      pos++;
      return switch (c) {
        case '=' -> Comparator.EQUAL;
        case '<' -> Comparator.LESS;
        case '>' -> Comparator.GREATER;
        default -> throw error("expected '!=' ", pos - 1);
      };
    }
    int start = pos;
    String word = word().toUpperCase(Locale.ROOT);
    return switch (word) {
      case "LIKE" -> Comparator.LIKE;
      case "ILIKE" -> Comparator.ILIKE;
      case "IN" -> Comparator.IN;
      case "NOT" -> {
        skipSpace();
        String next = word();
        if (!next.equalsIgnoreCase("IN")) {
          throw error("expected IN after NOT", start);
        }
        yield Comparator.NOT_IN;
      }
      default -> throw error("unknown comparison operator '" + word + "'", start);
    };
  }

  private Value value(Comparator op) {
    skipSpace();
    if (atEnd()) {
      throw error("expected a value");
    }
    char c = text.charAt(pos);
    if (op == Comparator.IN || op == Comparator.NOT_IN) {
      if (c != '(') {
        throw error("expected a parenthesised list of strings after " + op.word());
      }
      pos++;
      List<String> items = new ArrayList<>();
      while (true) {
        skipSpace();
        if (atEnd() || (text.charAt(pos) != '\'' && text.charAt(pos) != '"')) {
          throw error("expected a quoted string in the list");
        }
        items.add(quoted(text.charAt(pos)));
        skipSpace();
        if (atEnd()) {
          throw error("unterminated list: expected ')'");
        }
        char sep = text.charAt(pos++);
        if (sep == ')') {
          return new Value.Texts(List.copyOf(items));
        }
        if (sep != ',') {
          throw error("expected ',' or ')' in the list", pos - 1);
        }
      }
    }
    if (c == '\'' || c == '"') {
      return new Value.Text(quoted(c));
    }
    int start = pos;
    while (!atEnd() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
    String number = text.substring(start, pos);
    try {
      if (number.isEmpty()) {
        throw new NumberFormatException();
      }
      return new Value.Number(Double.parseDouble(number));
    } catch (NumberFormatException e) {
      throw error("expected a quoted string or a number as the value", start);
    }
  }

  /** Reads a quoted run starting at the quote character; a doubled quote stands for itself. */
  private String quoted(char quote) {
    int start = pos;
    pos++; // opening quote
    StringBuilder out = new StringBuilder();
    while (true) {
      if (atEnd()) {
        throw error("unterminated quoted text", start);
      }
      char c = text.charAt(pos++);
      if (c == quote) {
        if (!atEnd() && text.charAt(pos) == quote) {
          out.append(quote);
          pos++;
          continue;
        }
        return out.toString();
      }
      out.append(c);
    }
  }

  private String word() {
    skipSpace();
    int start = pos;
    while (!atEnd() && Character.isLetter(text.charAt(pos))) {
      pos++;
    }
    if (start == pos) {
      throw error("unexpected character '" + text.charAt(pos) + "'");
    }
    return text.substring(start, pos);
  }

  private static boolean isIdentifierChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == ':' || c == '/';
  }

  private void skipSpace() {
    while (!atEnd() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private boolean atEnd() {
    return pos >= text.length();
  }

  private MlflowException error(String message) {
    return error(message, pos);
  }

  private MlflowException error(String message, int at) {
    return MlflowException.invalid(
        "Invalid search expression '" + text + "' at position " + at + ": " + message);
  }
}
