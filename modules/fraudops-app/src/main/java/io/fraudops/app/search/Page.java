package io.fraudops.app.search;

import java.util.List;

/**
 * One page of search results.
 *
 * @param nextPageToken token of the next page, or {@code null} on the last page
 */
public record Page<T>(List<T> items, String nextPageToken) {

  public Page {
    items = List.copyOf(items);
  }

  /**
   * A page from a query that fetched one row more than {@code maxResults}: the extra row only says
   * that another page exists.
   */
  public static <T> Page<T> of(List<T> fetched, int offset, int maxResults) {
    if (fetched.size() > maxResults) {
      return new Page<>(fetched.subList(0, maxResults), PageToken.of(offset + maxResults));
    }
    return new Page<>(fetched, null);
  }
}
