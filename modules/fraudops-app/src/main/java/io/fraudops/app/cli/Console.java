package io.fraudops.app.cli;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Output of long commands: on a terminal a progress line rewritten in place; otherwise plain log
 * lines, at most one every few seconds, so redirected output stays readable.
 */
final class Console {

  private static final long PLAIN_INTERVAL_NANOS = Duration.ofSeconds(5).toNanos();

  private final PrintStream out;
  private final boolean terminal;
  private final long started = System.nanoTime();
  private long lastPlain = Long.MIN_VALUE;
  private int lastWidth;

  Console(PrintStream out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  static Console stdout() {
    return new Console(System.out, isTerminal());
  }

  /** True when stdout is an interactive terminal (JDK 22+ answers via Console.isTerminal()). */
  private static boolean isTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // JDK 21: a non-null console means a terminal
    }
  }

  /** Shows progress; cheap enough to call often. */
  synchronized void progress(String line) {
    String text = line + "  [" + elapsed() + "]";
    if (terminal) {
      out.print("\r" + text + " ".repeat(Math.max(0, lastWidth - text.length())));
      lastWidth = text.length();
      out.flush();
    } else {
      long now = System.nanoTime();
      if (lastPlain == Long.MIN_VALUE || now - lastPlain >= PLAIN_INTERVAL_NANOS) {
        lastPlain = now;
        out.println(text);
      }
    }
  }

  /** Prints a finished line (ending any progress line). */
  synchronized void line(String line) {
    if (terminal && lastWidth > 0) {
      out.print("\r" + " ".repeat(lastWidth) + "\r");
      lastWidth = 0;
    }
    out.println(line);
    out.flush();
  }

  String elapsed() {
    return seconds(Duration.ofNanos(System.nanoTime() - started));
  }

  static String seconds(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
