package io.fraudops.app.serving;

import io.fraudops.app.roles.ConditionalOnRole;
import io.fraudops.app.roles.Role;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The public HTTP port of an API process: a lean Netty listener that answers {@code POST /predict}
 * and {@code /predict/batch} itself, on its event loops, and hands every other request to the
 * servlet container on its loopback port (health, metrics, OpenAPI, the MLflow API, any controller
 * added later), streaming both ways.
 *
 * <p>Why: on a 2-core machine a servlet stack's per-request pipeline (filters, observations, thread
 * hand-off) costs tens of microseconds, far more than scoring a transaction (about one). The
 * scoring contract is not re-implemented here: {@link ScoringEndpoints} holds it for both front
 * ends. Scoring runs on the event loop because it never blocks (pure-Java trees, a model reference
 * read once per request); metrics are a few lock-free increments.
 *
 * <p>Starts after the servlet container (it needs that port) and stops before it. {@code
 * FRAUDOPS_SERVING_LISTENER=servlet} turns it off: the servlet container then has the public port,
 * as before.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnRole(Role.API)
@ConditionalOnProperty(
    name = "fraudops.serving.listener",
    havingValue = "netty",
    matchIfMissing = true)
public class ScoringListener implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ScoringListener.class);

  private final ApplicationContext context;
  private final ListenerPorts ports;
  private final ScoringEndpoints endpoints;
  private final ScoringHttpMetrics metrics;
  private final int threads;
  private volatile EventLoopGroup group;
  private volatile java.util.concurrent.ExecutorService workers;
  private volatile Channel server;
  private volatile int port = -1;

  ScoringListener(
      ApplicationContext context,
      ListenerPorts ports,
      ScoringEndpoints endpoints,
      MeterRegistry meters,
      org.springframework.core.env.Environment env) {
    this.context = context;
    this.ports = ports;
    this.endpoints = endpoints;
    this.metrics = new ScoringHttpMetrics(meters);
    int configured = env.getProperty("fraudops.serving.listener-threads", Integer.class, 0);
    this.threads = configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
  }

  /** The bound public port, or -1 before start. */
  public int port() {
    return port;
  }

  @Override
  public void start() {
    int backendPort = ((WebServerApplicationContext) context).getWebServer().getPort();
    InetSocketAddress backend =
        new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), backendPort);
    // Native epoll where the platform has it (Linux): fewer syscalls per request than NIO.
    boolean epoll = Epoll.isAvailable();
    EventLoopGroup loops =
        new MultiThreadIoEventLoopGroup(
            threads, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    Class<? extends ServerChannel> serverChannel =
        epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    Class<? extends Channel> clientChannel =
        epoll ? EpollSocketChannel.class : NioSocketChannel.class;
    // Explanations and batches: off the event loops, one worker per CPU (the work is CPU-bound).
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(
            threads,
            Thread.ofPlatform().name("fraudops-scoring-worker-", 0).daemon(true).factory());
    try {
      ServerBootstrap bootstrap =
          new ServerBootstrap()
              .group(loops)
              .channel(serverChannel)
              .option(ChannelOption.SO_BACKLOG, 1024)
              .childOption(ChannelOption.TCP_NODELAY, true)
              .childHandler(
                  new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                      ch.pipeline()
                          .addLast("http", new HttpServerCodec())
                          .addLast(
                              "front",
                              new FrontHandler(endpoints, metrics, backend, clientChannel, pool));
                    }
                  });
      InetSocketAddress bind =
          ports.publicAddress() == null
              ? new InetSocketAddress(ports.publicPort())
              : new InetSocketAddress(ports.publicAddress(), ports.publicPort());
      Channel ch = bootstrap.bind(bind).syncUninterruptibly().channel();
      this.server = ch;
      this.group = loops;
      this.workers = pool;
      this.port = ((InetSocketAddress) ch.localAddress()).getPort();
      log.info(
          "scoring listener on {} ({} {} event loops); other paths go to the servlet container on"
              + " 127.0.0.1:{}",
          ch.localAddress(),
          threads,
          epoll ? "epoll" : "nio",
          backendPort);
    } catch (RuntimeException e) {
      loops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      pool.shutdownNow();
      throw new IllegalStateException("cannot bind the public port " + bind(ports), e);
    }
  }

  private static String bind(ListenerPorts ports) {
    return (ports.publicAddress() == null ? "*" : ports.publicAddress()) + ":" + ports.publicPort();
  }

  @Override
  public void stop() {
    Channel ch = server;
    if (ch != null) {
      ch.close().syncUninterruptibly();
    }
    EventLoopGroup loops = group;
    if (loops != null) {
      loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
    java.util.concurrent.ExecutorService pool = workers;
    if (pool != null) {
      pool.shutdownNow();
    }
    server = null;
    group = null;
    workers = null;
  }

  @Override
  public boolean isRunning() {
    return server != null;
  }

  /** After the servlet container's lifecycle (which starts at {@code MAX_VALUE - 1}). */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE;
  }
}
