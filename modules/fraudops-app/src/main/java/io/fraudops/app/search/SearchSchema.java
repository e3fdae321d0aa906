package io.fraudops.app.search;

import java.util.Map;

/**
 * What one searchable entity (runs, experiments, registered models, model versions) exposes to
 * filters: attribute names mapped to fixed columns, and key/value tables (metrics, params, tags)
 * joined on a fixed correlation. Every SQL fragment here is a constant of the code.
 *
 * @param entity plural noun for messages, e.g. {@code runs}
 * @param attributes attribute name (as a filter writes it) to column
 * @param tables key/value tables by key type
 */
public record SearchSchema(
    String entity, Map<String, Column> attributes, Map<KeyType, KeyedTable> tables) {

  /**
   * @param sql column expression, e.g. {@code r.status}
   * @param numeric compared with numbers (else with strings)
   */
  public record Column(String sql, boolean numeric) {}

  /**
   * A key/value table.
   *
   * @param table table name
   * @param correlation condition tying a row of the alias {@code x} to the searched row, e.g.
   *     {@code x.run_uuid = r.run_uuid}
   * @param keyColumn key column of {@code x}
   * @param valueColumn value column of {@code x}
   * @param numeric values are numbers (metrics)
   */
  public record KeyedTable(
      String table, String correlation, String keyColumn, String valueColumn, boolean numeric) {}
}
