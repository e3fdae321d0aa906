package io.fraudops.data.raw;

import io.fraudops.core.transaction.RawTransaction;
import java.util.List;

/** What an import produced: the mapped rows, every rejected row with its reason, the rows read. */
public record ImportResult(List<RawTransaction> rows, List<RejectedRow> rejected, long read) {}
