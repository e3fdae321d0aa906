package io.fraudops.data.io;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * ISO-8601 local date-times in files: written as {@code 2026-01-01T13:45:12} (seconds always, a
 * fraction only when there is one), read with {@code T} or a space between date and time. The
 * common 19-character form is formatted and parsed by hand because the general formatter costs
 * about a second per million rows.
 */
final class Timestamps {
  private Timestamps() {}

  static String format(LocalDateTime t) {
    if (t.getNano() != 0 || t.getYear() < 0 || t.getYear() > 9999) {
      return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t);
    }
    char[] c = new char[19];
    put(c, 0, t.getYear(), 4);
    c[4] = '-';
    put(c, 5, t.getMonthValue(), 2);
    c[7] = '-';
    put(c, 8, t.getDayOfMonth(), 2);
    c[10] = 'T';
    put(c, 11, t.getHour(), 2);
    c[13] = ':';
    put(c, 14, t.getMinute(), 2);
    c[16] = ':';
    put(c, 17, t.getSecond(), 2);
    return new String(c);
  }

  /**
   * Parses an ISO-8601 local date-time ({@code T} or space separated, optional fraction).
   *
   * @throws DateTimeException when {@code text} is not one
   */
  static LocalDateTime parse(String text) {
    if (text.length() == 19
        && text.charAt(4) == '-'
        && text.charAt(7) == '-'
        && (text.charAt(10) == 'T' || text.charAt(10) == ' ')
        && text.charAt(13) == ':'
        && text.charAt(16) == ':') {
      int year = digits(text, 0, 4);
      int month = digits(text, 5, 2);
      int day = digits(text, 8, 2);
      int hour = digits(text, 11, 2);
      int minute = digits(text, 14, 2);
      int second = digits(text, 17, 2);
      if ((year | month | day | hour | minute | second) >= 0) {
        return LocalDateTime.of(year, month, day, hour, minute, second);
      }
    }
    String iso =
        text.length() > 10 && text.charAt(10) == ' '
            ? text.substring(0, 10) + 'T' + text.substring(11)
            : text;
    return LocalDateTime.parse(iso, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
  }

  /**
   * Parses timestamps from a CSV parser's character buffer. Rows of a file usually come in time
   * order, so the last date is kept, and times of day are shared: one new object per row instead of
   * three, and no string. Not thread-safe (one per read).
   */
  static final class Reader {
    private final LocalTime[] times = new LocalTime[24 * 3600];
    private int lastDateKey = -1;
    private LocalDate lastDate;

    /**
     * @throws DateTimeException when the text is not an ISO-8601 local date-time
     */
    LocalDateTime parse(char[] b, int offset, int length) {
      if (length == 19
          && b[offset + 4] == '-'
          && b[offset + 7] == '-'
          && (b[offset + 10] == 'T' || b[offset + 10] == ' ')
          && b[offset + 13] == ':'
          && b[offset + 16] == ':') {
        int year = digits(b, offset, 4);
        int month = digits(b, offset + 5, 2);
        int day = digits(b, offset + 8, 2);
        int hour = digits(b, offset + 11, 2);
        int minute = digits(b, offset + 14, 2);
        int second = digits(b, offset + 17, 2);
        if ((year | month | day | hour | minute | second) >= 0
            && hour < 24
            && minute < 60
            && second < 60) {
          int dateKey = (year * 100 + month) * 100 + day;
          if (dateKey != lastDateKey) {
            lastDate = LocalDate.of(year, month, day);
            lastDateKey = dateKey;
          }
          int secondOfDay = (hour * 60 + minute) * 60 + second;
          LocalTime time = times[secondOfDay];
          if (time == null) {
            time = LocalTime.ofSecondOfDay(secondOfDay);
            times[secondOfDay] = time;
          }
          return LocalDateTime.of(lastDate, time);
        }
      }
      return Timestamps.parse(new String(b, offset, length).strip());
    }
  }

  private static int digits(char[] b, int from, int length) {
    int value = 0;
    for (int i = from; i < from + length; i++) {
      int digit = b[i] - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value;
  }

  /** The decimal number in {@code text[from, from + length)}, or -1 if a character is no digit. */
  private static int digits(String text, int from, int length) {
    int value = 0;
    for (int i = from; i < from + length; i++) {
      int digit = text.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value;
  }

  private static void put(char[] c, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      c[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
