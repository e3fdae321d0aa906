package io.fraudops.app.serving;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * One client connection of the {@link ScoringListener}: scoring requests are buffered (up to the
 * body limit) and answered through {@link ScoringEndpoints}; any other request is streamed to the
 * servlet container over a backend connection of its own (opened on the same event loop, kept for
 * the connection's life) and its response streamed back.
 *
 * <p>Responses leave in request order: while a forwarded exchange is in flight, a pipelined next
 * request waits in {@link #queued}. Back-pressure both ways: a client that uploads faster than the
 * backend reads is paused, and so is a backend whose client reads slowly.
 */
final class FrontHandler extends ChannelInboundHandlerAdapter {

  private static final AsciiString JSON = AsciiString.cached(ScoringEndpoints.JSON);
  private static final AsciiString PROBLEM_JSON = AsciiString.cached(ScoringEndpoints.PROBLEM_JSON);

  private final ScoringEndpoints endpoints;
  private final ScoringHttpMetrics metrics;
  private final InetSocketAddress backendAddress;
  private final Class<? extends Channel> backendChannel;
  private final Executor workers;

  // The scoring request being read (path != null).
  private String scoringPath;
  private String explain;
  private ByteBuf body;
  private boolean keepAlive;
  private long startedNanos;

  // The forwarded exchange.
  private Channel backend;
  private boolean exchangeInFlight;
  private boolean forwardingRequest;
  private boolean informational;
  private boolean closeAfterExchange;
  private final ArrayDeque<Object> waitingForBackend = new ArrayDeque<>();
  private final ArrayDeque<Object> queued = new ArrayDeque<>();
  private boolean flushPending;

  FrontHandler(
      ScoringEndpoints endpoints,
      ScoringHttpMetrics metrics,
      InetSocketAddress backendAddress,
      Class<? extends Channel> backendChannel,
      Executor workers) {
    this.endpoints = endpoints;
    this.workers = workers;
    this.metrics = metrics;
    this.backendAddress = backendAddress;
    this.backendChannel = backendChannel;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (exchangeInFlight && !forwardingRequest) {
      queued.add(msg); // pipelined behind a forwarded exchange: answered after it
      return;
    }
    dispatch(ctx, msg);
  }

  private void dispatch(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest request) {
      if (request.decoderResult().isFailure()) {
        ReferenceCountUtil.release(msg);
        badRequest(ctx);
        return;
      }
      String uri = request.uri();
      int q = uri.indexOf('?');
      String path = q < 0 ? uri : uri.substring(0, q);
      if (request.method() == HttpMethod.POST && ScoringEndpoints.isScoringPath(path)) {
        beginScoring(ctx, request, path, q < 0 ? null : explainParameter(uri));
      } else {
        beginExchange(ctx, request);
        return; // the request object (with any content) now belongs to the backend
      }
    }
    if (msg instanceof HttpContent content) {
      if (forwardingRequest) {
        forward(ctx, content);
        if (content instanceof LastHttpContent) {
          forwardingRequest = false;
        }
      } else if (scoringPath != null) {
        appendScoringBody(ctx, content);
      } else {
        content.release(); // the rest of a refused body
      }
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    if (flushPending) {
      flushPending = false;
      ctx.flush();
    }
  }

  // ---- scoring ------------------------------------------------------------------------------

  private void beginScoring(
      ChannelHandlerContext ctx, HttpRequest request, String path, String explainValue) {
    startedNanos = System.nanoTime();
    keepAlive = HttpUtil.isKeepAlive(request);
    long declared = HttpUtil.getContentLength(request, -1L);
    if (declared > endpoints.maxBodyBytes()) {
      // Refuse before reading: answer and close, the rest of the body is dropped.
      keepAlive = false;
      respond(ctx, path, endpoints.tooLarge(path));
      return;
    }
    if (HttpUtil.is100ContinueExpected(request)) {
      ctx.writeAndFlush(
          new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
    }
    scoringPath = path;
    explain = explainValue;
    body = ctx.alloc().buffer(declared > 0 ? (int) declared : 512);
  }

  private void appendScoringBody(ChannelHandlerContext ctx, HttpContent content) {
    try {
      if (body != null) {
        if ((long) body.readableBytes() + content.content().readableBytes()
            > endpoints.maxBodyBytes()) {
          body.release();
          body = null; // over the limit: the rest is read and dropped
        } else {
          body.writeBytes(content.content());
        }
      }
    } finally {
      content.release();
    }
    if (content instanceof LastHttpContent) {
      String path = scoringPath;
      scoringPath = null;
      ScoringEndpoints.Answer answer;
      if (body == null) {
        answer = endpoints.tooLarge(path);
      } else {
        byte[] bytes = ByteBufUtil.getBytes(body);
        body.release();
        body = null;
        if (explain != null || ScoringEndpoints.PREDICT_BATCH.equals(path)) {
          offload(ctx, path, explain, bytes);
          return;
        }
        answer = endpoints.handle(path, explain, bytes);
      }
      respond(ctx, path, answer);
    }
  }

  /**
   * Explanations (hundreds of microseconds: TreeSHAP visits every leaf) and batches (up to a
   * thousand rows) run on a worker, so they never stall the single-row requests that share this
   * event loop. Like a forwarded exchange, requests pipelined behind it wait their turn.
   */
  private void offload(ChannelHandlerContext ctx, String path, String explainValue, byte[] bytes) {
    exchangeInFlight = true;
    workers.execute(
        () -> {
          ScoringEndpoints.Answer answer = endpoints.handle(path, explainValue, bytes);
          ctx.executor()
              .execute(
                  () -> {
                    respond(ctx, path, answer);
                    exchangeInFlight = false;
                    drainQueued(ctx);
                  });
        });
  }

  private void drainQueued(ChannelHandlerContext ctx) {
    while (!queued.isEmpty() && (!exchangeInFlight || forwardingRequest)) {
      dispatch(ctx, queued.poll());
    }
    if (flushPending) {
      flushPending = false;
      ctx.flush();
    }
  }

  private void respond(ChannelHandlerContext ctx, String path, ScoringEndpoints.Answer answer) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            HttpResponseStatus.valueOf(answer.status()),
            Unpooled.wrappedBuffer(answer.body()));
    response
        .headers()
        .set(
            HttpHeaderNames.CONTENT_TYPE,
            answer.contentType().equals(ScoringEndpoints.JSON) ? JSON : PROBLEM_JSON)
        .setInt(HttpHeaderNames.CONTENT_LENGTH, answer.body().length);
    metrics.record(path, answer.status(), System.nanoTime() - startedNanos);
    if (keepAlive) {
      ctx.write(response);
      flushPending = true;
    } else {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
  }

  /** The {@code explain} query parameter (first value), or {@code null}. */
  private static String explainParameter(String uri) {
    List<String> values =
        new QueryStringDecoder(uri, StandardCharsets.UTF_8).parameters().get("explain");
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private void badRequest(ChannelHandlerContext ctx) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST);
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
    response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
  }

  // ---- forwarding to the servlet container ---------------------------------------------------

  private void beginExchange(ChannelHandlerContext ctx, HttpRequest request) {
    exchangeInFlight = true;
    forwardingRequest = !(request instanceof LastHttpContent);
    closeAfterExchange = !HttpUtil.isKeepAlive(request);
    forward(ctx, request);
  }

  private void forward(ChannelHandlerContext ctx, Object msg) {
    Channel b = backend;
    if (b != null && b.isActive() && waitingForBackend.isEmpty()) {
      b.writeAndFlush(msg);
      if (!b.isWritable()) {
        ctx.channel().config().setAutoRead(false); // resumed by the backend's writability
      }
      return;
    }
    waitingForBackend.add(msg);
    if (b == null || !b.isActive()) {
      connect(ctx);
    }
  }

  private void connect(ChannelHandlerContext ctx) {
    if (backend != null && backend.isOpen()) {
      return; // connecting
    }
    Bootstrap bootstrap =
        new Bootstrap()
            .group(ctx.channel().eventLoop())
            .channel(backendChannel)
            .option(ChannelOption.TCP_NODELAY, true)
            .handler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    ch.pipeline().addLast(new HttpClientCodec(), new BackendHandler(ctx));
                  }
                });
    ChannelFuture connecting = bootstrap.connect(backendAddress);
    backend = connecting.channel();
    connecting.addListener(
        (ChannelFuture f) -> {
          if (f.isSuccess()) {
            for (Object m; (m = waitingForBackend.poll()) != null; ) {
              f.channel().write(m);
            }
            f.channel().flush();
          } else {
            releaseAll(waitingForBackend);
            backend = null;
            backendFailed(ctx);
          }
        });
  }

  /** The backend is unreachable or went away before answering: 502 and close. */
  private void backendFailed(ChannelHandlerContext ctx) {
    exchangeInFlight = false;
    forwardingRequest = false;
    FullHttpResponse response =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_GATEWAY);
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
    response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
  }

  private void exchangeDone(ChannelHandlerContext ctx) {
    exchangeInFlight = false;
    if (closeAfterExchange) {
      ctx.flush();
      ctx.close();
      return;
    }
    drainQueued(ctx);
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    Channel b = backend;
    if (b != null) {
      b.config().setAutoRead(ctx.channel().isWritable());
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (body != null) {
      body.release();
      body = null;
    }
    releaseAll(waitingForBackend);
    releaseAll(queued);
    if (backend != null) {
      backend.close();
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close(); // a reset or a broken client; nothing to answer
  }

  private static void releaseAll(ArrayDeque<Object> messages) {
    for (Object m; (m = messages.poll()) != null; ) {
      ReferenceCountUtil.release(m);
    }
  }

  /** Streams the servlet container's response back to the client. */
  private final class BackendHandler extends ChannelInboundHandlerAdapter {
    private final ChannelHandlerContext front;
    private boolean responseStarted;

    BackendHandler(ChannelHandlerContext front) {
      this.front = front;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof HttpResponse response) {
        responseStarted = true;
        informational =
            response.status().codeClass()
                == io.netty.handler.codec.http.HttpStatusClass.INFORMATIONAL;
        if (!informational && !HttpUtil.isKeepAlive(response)) {
          closeAfterExchange = true;
        }
      }
      front.write(msg);
      if (msg instanceof LastHttpContent) {
        front.flush();
        if (informational) {
          informational = false; // a 100 Continue; the real response follows
        } else {
          responseStarted = false;
          exchangeDone(front);
        }
      } else if (msg instanceof HttpContent) {
        front.flush();
        if (!front.channel().isWritable()) {
          ctx.channel().config().setAutoRead(false); // resumed by the client's writability
        }
      }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
      front.channel().config().setAutoRead(ctx.channel().isWritable());
      ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      if (backend == ctx.channel()) {
        backend = null;
      }
      if (exchangeInFlight) {
        if (responseStarted) {
          front.close(); // cut off mid-response: the client must see it
        } else {
          backendFailed(front);
        }
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
