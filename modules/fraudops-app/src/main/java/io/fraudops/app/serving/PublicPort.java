package io.fraudops.app.serving;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;

/** The port clients use: the scoring listener's when it runs, else the servlet container's. */
public final class PublicPort {
  private PublicPort() {}

  public static int of(ApplicationContext context) {
    String[] listeners = context.getBeanNamesForType(ScoringListener.class);
    if (listeners.length > 0) {
      return context.getBean(ScoringListener.class).port();
    }
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }
}
