package io.fraudops.app.support;

import io.fraudops.app.registry.ArtifactSettings;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-protocol server (s3proxy, in-memory "transient" blob store) started in this JVM on a
 * random loopback port. s3proxy's self-contained jar (copied by the build to {@code
 * target/s3proxy/}) is loaded in a class loader of its own whose parent is the platform loader, so
 * its Jetty 11, jclouds and Guava never meet Spring Boot's versions on the test classpath.
 */
public final class S3Proxy implements AutoCloseable {

  public static final String ACCESS_KEY = "fraudops-test";
  public static final String SECRET_KEY = "fraudops-test-secret";

  private final URLClassLoader loader;
  private final Object proxy;
  private final Object context;
  private final URI endpoint;

  private S3Proxy(URLClassLoader loader, Object proxy, Object context, URI endpoint) {
    this.loader = loader;
    this.proxy = proxy;
    this.context = context;
    this.endpoint = endpoint;
  }

  public static S3Proxy start() throws Exception {
    Path jar =
        Path.of(System.getProperty("fraudops.test.s3proxy-jar", "target/s3proxy/s3proxy.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "s3proxy jar missing at " + jar + " (the build copies it in generate-test-resources)");
    }
    URLClassLoader loader =
        new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      Class<?> contextBuilder = loader.loadClass("org.jclouds.ContextBuilder");
      Object builder =
          contextBuilder.getMethod("newBuilder", String.class).invoke(null, "transient");
      builder =
          contextBuilder
              .getMethod("credentials", String.class, String.class)
              .invoke(builder, "identity", "credential");
      Class<?> blobStoreContext = loader.loadClass("org.jclouds.blobstore.BlobStoreContext");
      Object context =
          contextBuilder.getMethod("build", Class.class).invoke(builder, blobStoreContext);
      Object blobStore = blobStoreContext.getMethod("getBlobStore").invoke(context);

      Class<?> s3ProxyClass = loader.loadClass("org.gaul.s3proxy.S3Proxy");
      Object proxyBuilder = s3ProxyClass.getMethod("builder").invoke(null);
      Class<?> builderClass = proxyBuilder.getClass();
      builderClass
          .getMethod("blobStore", loader.loadClass("org.jclouds.blobstore.BlobStore"))
          .invoke(proxyBuilder, blobStore);
      builderClass
          .getMethod("endpoint", URI.class)
          .invoke(proxyBuilder, URI.create("http://127.0.0.1:0"));
      Class<?> authType = loader.loadClass("org.gaul.s3proxy.AuthenticationType");
      @SuppressWarnings({"unchecked", "rawtypes"})
      Object v4 = Enum.valueOf((Class<Enum>) authType, "AWS_V2_OR_V4");
      builderClass
          .getMethod("awsAuthentication", authType, String.class, String.class)
          .invoke(proxyBuilder, v4, ACCESS_KEY, SECRET_KEY);
      Object proxy = builderClass.getMethod("build").invoke(proxyBuilder);
      s3ProxyClass.getMethod("start").invoke(proxy);
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (!"STARTED".equals(s3ProxyClass.getMethod("getState").invoke(proxy))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("s3proxy did not start within 20 s");
        }
        Thread.sleep(20);
      }
      int port = (int) s3ProxyClass.getMethod("getPort").invoke(proxy);
      return new S3Proxy(loader, proxy, context, URI.create("http://127.0.0.1:" + port));
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  public URI endpoint() {
    return endpoint;
  }

  public S3Client client() {
    return S3Client.builder()
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .forcePathStyle(true)
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
        .build();
  }

  public void createBucket(String bucket) {
    try (S3Client s3 = client()) {
      s3.createBucket(b -> b.bucket(bucket));
    }
  }

  /** Artifact settings pointing at this server (credentials come from system properties). */
  public ArtifactSettings settings(String bucket, String prefix) {
    return new ArtifactSettings("s3", null, bucket, prefix, "us-east-1", endpoint.toString(), null);
  }

  /**
   * Makes AWS's default credential chain find this server's keys (system properties the SDK reads
   * first); {@link #close} clears them.
   */
  public void exposeCredentials() {
    System.setProperty("aws.accessKeyId", ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", SECRET_KEY);
  }

  @Override
  public void close() throws Exception {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    proxy.getClass().getMethod("stop").invoke(proxy);
    ((java.io.Closeable) context).close();
    loader.close();
  }
}
