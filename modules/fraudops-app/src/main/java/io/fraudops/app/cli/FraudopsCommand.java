package io.fraudops.app.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code fraudops}: the top-level command and the error handling every subcommand shares. */
@Command(
    name = "fraudops",
    mixinStandardHelpOptions = true,
    versionProvider = FraudopsCommand.Version.class,
    description = "Card-fraud detection on the JVM: generate, validate, train, register, serve.",
    subcommands = {
      QuickstartCommand.class,
      GenerateCommand.class,
      ValidateCommand.class,
      ImportCommand.class,
      TrainCommand.class,
      ScoreCommand.class,
      ModelsCommand.class,
      ServeCommand.class,
      CommandLine.HelpCommand.class
    })
public final class FraudopsCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Runs the command line and returns the process exit code. */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new FraudopsCommand());
    cli.setExecutionExceptionHandler(FraudopsCommand::handle);
    cli.setParameterExceptionHandler(
        (ex, a) -> {
          PrintWriter err = ex.getCommandLine().getErr();
          err.println("fraudops: " + ex.getMessage());
          err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
          return ExitCodes.UNUSABLE_INPUT;
        });
    return cli.execute(args);
  }

  private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    PrintWriter err = cli.getErr();
    if (e instanceof CommandFailedException failed) {
      err.println("fraudops: " + failed.getMessage());
      debug(e, err);
      return failed.exitCode();
    }
    err.println("fraudops: " + rootMessage(e));
    debug(e, err);
    return ExitCodes.FAILED;
  }

  private static void debug(Exception e, PrintWriter err) {
    if (System.getenv("FRAUDOPS_DEBUG") != null) {
      e.printStackTrace(err);
    }
  }

  /** The most specific message in a cause chain (Spring wraps start-up failures deeply). */
  static String rootMessage(Throwable e) {
    Throwable t = e;
    String message = e.getMessage();
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
      if (t.getMessage() != null) {
        message = t.getMessage();
      }
    }
    return message == null ? e.getClass().getSimpleName() : message;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = FraudopsCommand.class.getPackage().getImplementationVersion();
      return new String[] {
        "fraudops " + (v == null ? "dev" : v),
        "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
      };
    }
  }
}
