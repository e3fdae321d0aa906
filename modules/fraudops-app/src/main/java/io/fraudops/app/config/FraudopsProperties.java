package io.fraudops.app.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code fraudops.*} settings (environment: {@code FRAUDOPS_*}; see {@code .env.example}).
 *
 * @param home folder of the embedded database, artifacts and datasets
 * @param modelName registered model the CLI and the API work with by default
 */
@ConfigurationProperties("fraudops")
public record FraudopsProperties(Path home, String modelName, Serving serving) {

  /**
   * @param alias registry alias whose version the API serves (when no stage is set)
   * @param stage registry stage whose newest version the API serves instead, e.g. {@code
   *     Production}; empty = follow the alias
   * @param pollInterval how often serving checks whether the alias or stage moved
   * @param batchLimit most transactions one {@code /predict/batch} call may carry
   * @param maxBodyBytes largest request body the scoring endpoints read
   */
  public record Serving(
      String alias, String stage, Duration pollInterval, int batchLimit, long maxBodyBytes) {}
}
