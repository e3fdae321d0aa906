package io.fraudops.app.cli;

/** Exit codes every command keeps. */
final class ExitCodes {
  private ExitCodes() {}

  static final int OK = 0;

  /** The command ran and found a problem (invalid data, a refused promotion, a failure). */
  static final int FAILED = 1;

  /** The input could not be used at all (bad arguments, unreadable file). */
  static final int UNUSABLE_INPUT = 2;
}
