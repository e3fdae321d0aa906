package io.fraudops.data.io;

import java.util.Arrays;

/**
 * One shared string per distinct value of a text column while reading, looked up straight from the
 * parser's character buffer: a repeated value (merchant, city, user agent, card holder) costs a
 * hash and a compare, no new string, and a million rows hold a few thousand strings instead of a
 * million. Stops adding past {@link #MAX_VALUES} distinct values, where a column is mostly unique
 * and a pool gains nothing.
 *
 * <p>Design: open addressing with linear probing. The hash samples at most 16 characters spread
 * over the value (long user agents differ in many places, so this stays selective) and the compare
 * is a vectorised {@link Arrays#equals(char[], int, int, char[], int, int)} against a kept copy of
 * the characters. Not thread-safe: one pool per column and read.
 */
final class TextPool {
  static final int MAX_VALUES = 1 << 17;

  private static final int SAMPLED_CHARS = 16;

  private String[] values = new String[256];
  private char[][] chars = new char[256][];
  private int[] hashes = new int[256];
  private int size;

  String share(char[] buffer, int offset, int length) {
    int hash = hash(buffer, offset, length);
    int mask = values.length - 1;
    int slot = hash & mask;
    for (char[] known = chars[slot]; known != null; known = chars[slot]) {
      if (hashes[slot] == hash
          && known.length == length
          && Arrays.equals(known, 0, length, buffer, offset, offset + length)) {
        return values[slot];
      }
      slot = (slot + 1) & mask;
    }
    String value = new String(buffer, offset, length);
    if (size < MAX_VALUES) {
      values[slot] = value;
      chars[slot] = Arrays.copyOfRange(buffer, offset, offset + length);
      hashes[slot] = hash;
      if (++size * 2 > values.length) {
        grow();
      }
    }
    return value;
  }

  private static int hash(char[] buffer, int offset, int length) {
    int step = Math.max(1, length / SAMPLED_CHARS);
    int hash = length;
    for (int i = offset + length - 1; i >= offset; i -= step) {
      hash = 31 * hash + buffer[i];
    }
    hash *= 0x9E3779B9;
    return hash ^ (hash >>> 16);
  }

  private void grow() {
    String[] oldValues = values;
    char[][] oldChars = chars;
    int[] oldHashes = hashes;
    values = new String[oldValues.length * 2];
    chars = new char[oldValues.length * 2][];
    hashes = new int[oldValues.length * 2];
    int mask = values.length - 1;
    for (int i = 0; i < oldValues.length; i++) {
      if (oldChars[i] != null) {
        int slot = oldHashes[i] & mask;
        while (chars[slot] != null) {
          slot = (slot + 1) & mask;
        }
        values[slot] = oldValues[i];
        chars[slot] = oldChars[i];
        hashes[slot] = oldHashes[i];
      }
    }
  }
}
