package io.fraudops.app.cli;

import io.fraudops.app.FraudopsApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the Spring application for the commands that need the registry ({@code train}, {@code
 * models}) or a server ({@code serve}, {@code quickstart}). Settings given on the command line are
 * passed as Spring command-line arguments, so they win over environment variables.
 */
final class AppContext {
  private AppContext() {}

  /** A context without a web server, quiet, for registry work. */
  static ConfigurableApplicationContext registry(Path home) {
    return start(home, null);
  }

  /**
   * Starts the registry context on its own thread, so it is ready when a long command needs it. The
   * thread inherits this thread's context class loader: inside the executable jar, Spring finds its
   * factories through it (a pool thread would have the system class loader and fail).
   */
  static CompletableFuture<ConfigurableApplicationContext> registryInBackground(Path home) {
    CompletableFuture<ConfigurableApplicationContext> future = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                future.complete(registry(home));
              } catch (Throwable e) {
                future.completeExceptionally(e);
              }
            },
            "registry-start");
    thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
    thread.setDaemon(true);
    thread.start();
    return future;
  }

  /**
   * A context serving HTTP on {@code port} (0 = a random free port); {@code null} = configured
   * port.
   */
  static ConfigurableApplicationContext server(Path home, Integer port) {
    return start(home, port == null ? -1 : port);
  }

  private static ConfigurableApplicationContext start(Path home, Integer port) {
    List<String> args = new ArrayList<>();
    args.add("--fraudops.home=" + home);
    boolean web = port != null;
    if (web && port >= 0) {
      args.add("--server.port=" + port);
    }
    if (!web) {
      args.add("--logging.level.root=WARN");
      args.add("--spring.main.log-startup-info=false");
    }
    return new SpringApplicationBuilder(FraudopsApplication.class)
        .web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
        .run(args.toArray(String[]::new));
  }
}
