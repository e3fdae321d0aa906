package io.fraudops.app.support;

import io.fraudops.app.FraudopsApplication;
import io.fraudops.app.serving.PublicPort;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the real application on a random loopback port and talks HTTP to it. */
public final class TestApp implements AutoCloseable {

  public static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final ConfigurableApplicationContext context;
  private final String base;

  private TestApp(ConfigurableApplicationContext context) {
    this.context = context;
    int port = PublicPort.of(context);
    this.base = "http://127.0.0.1:" + port;
  }

  /** A server on {@code home} with extra Spring properties (database, artifacts, serving). */
  public static TestApp start(Path home, Map<String, String> properties) {
    List<String> args = new ArrayList<>();
    args.add("--fraudops.home=" + home);
    args.add("--server.port=0");
    args.add("--server.address=127.0.0.1");
    properties.forEach((k, v) -> args.add("--" + k + "=" + v));
    return new TestApp(
        new SpringApplicationBuilder(FraudopsApplication.class)
            .web(WebApplicationType.SERVLET)
            .run(args.toArray(String[]::new)));
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  public String base() {
    return base;
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  public HttpResponse<String> post(String path, String json) {
    return send(json("POST", path, json));
  }

  public HttpResponse<String> patch(String path, String json) {
    return send(json("PATCH", path, json));
  }

  public HttpResponse<String> delete(String path, String json) {
    return send(json("DELETE", path, json));
  }

  public HttpResponse<String> put(String path, byte[] body) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  public HttpResponse<byte[]> getBytes(String path) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpRequest.Builder json(String method, String path, String json) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .header("X-Fraudops-Actor", "tester")
        .method(method, HttpRequest.BodyPublishers.ofString(json));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    context.close();
  }
}
