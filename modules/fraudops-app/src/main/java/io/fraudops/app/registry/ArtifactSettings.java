package io.fraudops.app.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The {@code fraudops.artifacts.*} settings (environment: {@code FRAUDOPS_ARTIFACTS_*}): where
 * bundles and run artifacts are stored, and how the S3 client reaches S3 (also used for {@code
 * s3://} training data). Credentials are never configured here: the S3 client uses AWS's default
 * chain (environment, profile, ECS task role, instance profile).
 *
 * @param store {@code local} (default) or {@code s3}
 * @param root folder of the local store (default {@code <home>/artifacts})
 * @param bucket S3 bucket of the artifact store
 * @param prefix key prefix inside the bucket (may be empty)
 * @param region AWS region of the S3 client
 * @param endpoint endpoint override, e.g. {@code http://minio:9000}; empty for AWS itself
 * @param pathStyle path-style addressing; defaults to true when an endpoint is set (MinIO)
 */
@ConfigurationProperties("fraudops.artifacts")
public record ArtifactSettings(
    String store,
    Path root,
    String bucket,
    String prefix,
    String region,
    String endpoint,
    Boolean pathStyle) {

  public static final String LOCAL = "local";
  public static final String S3 = "s3";

  public ArtifactSettings {
    store = store == null || store.isBlank() ? LOCAL : store.strip().toLowerCase(Locale.ROOT);
    prefix = prefix == null ? "" : ArtifactKeys.folder(prefix.strip());
    region = region == null || region.isBlank() ? "us-east-1" : region.strip();
    endpoint = endpoint == null || endpoint.isBlank() ? null : endpoint.strip();
    bucket = bucket == null || bucket.isBlank() ? null : bucket.strip();
    if (!store.equals(LOCAL) && !store.equals(S3)) {
      throw new IllegalArgumentException(
          "fraudops.artifacts.store must be 'local' or 's3', not '" + store + "'");
    }
  }

  /**
   * The settings as the application would bind them (application.yml with its {@code
   * FRAUDOPS_ARTIFACTS_*} environment overrides), for commands that run without a Spring context.
   */
  public static ArtifactSettings load() {
    StandardEnvironment env = new StandardEnvironment();
    try {
      for (PropertySource<?> source :
          new YamlPropertySourceLoader()
              .load("application.yml", new ClassPathResource("application.yml"))) {
        env.getPropertySources().addLast(source);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read application.yml", e);
    }
    return Binder.get(env)
        .bind("fraudops.artifacts", ArtifactSettings.class)
        .orElseGet(() -> new ArtifactSettings(null, null, null, null, null, null, null));
  }

  public boolean usePathStyle() {
    return pathStyle != null ? pathStyle : endpoint != null;
  }

  public URI endpointUri() {
    return endpoint == null ? null : URI.create(endpoint);
  }
}
