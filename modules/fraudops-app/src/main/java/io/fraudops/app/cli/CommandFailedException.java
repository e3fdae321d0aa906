package io.fraudops.app.cli;

/** Ends a command with a one-line reason and an exit code, without a stack trace. */
final class CommandFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  CommandFailedException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  CommandFailedException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
