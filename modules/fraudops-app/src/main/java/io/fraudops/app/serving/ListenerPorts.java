package io.fraudops.app.serving;

import io.fraudops.app.roles.ConditionalOnRole;
import io.fraudops.app.roles.Role;
import java.net.InetAddress;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Moves the servlet container off the public port when the lean scoring listener is on: the
 * listener ({@link ScoringListener}) takes {@code server.port} / {@code server.address} (so {@code
 * FRAUDOPS_PORT}, {@code --port} and {@code server.port=0} in tests keep meaning "the public
 * port"), and the servlet container binds an ephemeral port on loopback, reachable only through the
 * listener. A bean of its own, without dependencies, because web-server customizers are built
 * before the rest of the context.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnRole(Role.API)
@ConditionalOnProperty(
    name = "fraudops.serving.listener",
    havingValue = "netty",
    matchIfMissing = true)
class ListenerPorts implements WebServerFactoryCustomizer<ConfigurableWebServerFactory> {

  private final int publicPort;
  private final String publicAddress;

  ListenerPorts(Environment env) {
    this.publicPort = env.getProperty("server.port", Integer.class, 8080);
    this.publicAddress = env.getProperty("server.address");
  }

  @Override
  public void customize(ConfigurableWebServerFactory factory) {
    factory.setPort(0);
    factory.setAddress(InetAddress.getLoopbackAddress());
  }

  /** The port the listener binds; 0 picks a free one. */
  int publicPort() {
    return publicPort;
  }

  /** The address the listener binds, or {@code null} for every interface. */
  String publicAddress() {
    return publicAddress == null || publicAddress.isBlank() ? null : publicAddress;
  }
}
