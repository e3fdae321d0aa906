package io.fraudops.data.generate;

/**
 * The generator's working set: one slot per transaction in primitive columns, filled card by card
 * (each card owns a contiguous range of slots, in its own time order), then read in global time
 * order to build the {@code Transaction} records. Primitive columns keep a million rows at ~50 MB
 * and let cards be drafted in parallel without sharing objects.
 */
final class DraftTable {
  /** Seconds since the start of the period. */
  final long[] second;

  final int[] card;
  final int[] cents;
  final byte[] category;
  final byte[] merchant;
  final short[] place;
  final int[] distanceCentiKm;
  final boolean[] online;
  final boolean[] fraud;

  /** Index into the identities: the card holder's own, or a fraud episode's. */
  final int[] identity;

  final int[] transactions24h;
  final int[] transactions1h;
  final long[] amountCents24h;

  DraftTable(int rows) {
    second = new long[rows];
    card = new int[rows];
    cents = new int[rows];
    category = new byte[rows];
    merchant = new byte[rows];
    place = new short[rows];
    distanceCentiKm = new int[rows];
    online = new boolean[rows];
    fraud = new boolean[rows];
    identity = new int[rows];
    transactions24h = new int[rows];
    transactions1h = new int[rows];
    amountCents24h = new long[rows];
  }

  int size() {
    return second.length;
  }
}
