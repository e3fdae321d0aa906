package io.fraudops.app.registry;

import io.fraudops.app.config.FraudopsProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

  @Bean
  ArtifactStore artifactStore(FraudopsProperties properties) {
    return new LocalArtifactStore(properties.home().resolve("artifacts"));
  }

  @Bean
  ModelRegistry modelRegistry(JdbcClient jdbc, ArtifactStore artifacts, TransactionTemplate tx) {
    return new ModelRegistry(jdbc, artifacts, tx, Clock.systemUTC());
  }
}
