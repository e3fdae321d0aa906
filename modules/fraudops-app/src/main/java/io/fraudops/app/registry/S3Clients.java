package io.fraudops.app.registry;

import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Builds the one S3 client configuration the artifact store and {@code s3://} data share. */
public final class S3Clients {
  private S3Clients() {}

  public static S3Client create(ArtifactSettings settings) {
    S3ClientBuilder builder =
        S3Client.builder()
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .region(Region.of(settings.region()))
            .forcePathStyle(settings.usePathStyle());
    if (settings.endpoint() != null) {
      // S3-compatible servers (MinIO, s3proxy) may not speak the SDK's newer default checksum
      // trailers; AWS itself gets the SDK defaults.
      builder
          .endpointOverride(settings.endpointUri())
          .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
          .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    }
    return builder.build();
  }
}
