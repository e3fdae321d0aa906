package io.fraudops.app;

import io.fraudops.app.cli.FraudopsCommand;

/** Process entry point: the {@code fraudops} command line. */
public final class FraudopsMain {
  private FraudopsMain() {}

  public static void main(String[] args) {
    System.exit(FraudopsCommand.execute(args));
  }
}
