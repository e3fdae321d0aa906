package io.fraudops.app.cli;

import io.fraudops.app.serving.PublicPort;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Serve the production model over HTTP (/predict, /health, /metrics, /docs) until stopped.")
final class ServeCommand implements Callable<Integer> {

  @Mixin HomeOption home;

  @Option(names = "--port", description = "HTTP port (default: $FRAUDOPS_PORT or 8080)")
  Integer port;

  @Override
  public Integer call() throws InterruptedException {
    ConfigurableApplicationContext ctx = AppContext.server(home.resolve(), port);
    Console.stdout().line("fraudops serving on " + baseUrl(ctx) + " (Ctrl-C to stop)");
    awaitClose(ctx);
    return ExitCodes.OK;
  }

  static String baseUrl(ConfigurableApplicationContext ctx) {
    int actual = PublicPort.of(ctx);
    return "http://localhost:" + actual;
  }

  /** Blocks until the context closes (Ctrl-C runs Spring's shutdown hook). */
  static void awaitClose(ConfigurableApplicationContext ctx) throws InterruptedException {
    CountDownLatch closed = new CountDownLatch(1);
    ctx.addApplicationListener(
        (org.springframework.context.ApplicationListener<ContextClosedEvent>)
            e -> closed.countDown());
    if (!ctx.isActive()) {
      return;
    }
    closed.await();
  }
}
