package io.fraudops.app.training;

import io.fraudops.app.registry.ArtifactStore;
import io.fraudops.app.registry.ModelRegistry;
import io.fraudops.app.tracking.TrackingStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TrainingConfiguration {

  @Bean
  TrainingRuns trainingRuns(
      TrackingStore tracking, ModelRegistry registry, ArtifactStore artifacts) {
    return new TrainingRuns(tracking, registry, artifacts);
  }
}
