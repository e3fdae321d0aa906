package io.fraudops.training.report;

import java.util.List;

/** A plain table for the report: a header row and rows of already formatted cells. */
public record Table(List<String> header, List<List<String>> rows) {

  public Table {
    header = List.copyOf(header);
    rows = rows.stream().map(List::copyOf).toList();
    for (List<String> row : rows) {
      if (row.size() != header.size()) {
        throw new IllegalArgumentException(
            "row of " + row.size() + " cells under a header of " + header.size());
      }
    }
  }

  public static Table empty() {
    return new Table(List.of(), List.of());
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }
}
