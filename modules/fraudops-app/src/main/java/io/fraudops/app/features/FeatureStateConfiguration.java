package io.fraudops.app.features;

import io.fraudops.app.roles.ConditionalOnRole;
import io.fraudops.app.roles.Role;
import io.fraudops.core.features.state.FeatureEngine;
import io.fraudops.core.features.state.InMemoryStateStore;
import io.fraudops.core.features.state.StateConfig;
import io.fraudops.core.features.state.StateStore;
import java.nio.file.Files;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The feature state of the API role: the store chosen by {@code fraudops.features.store} and the
 * one {@link FeatureEngine} every raw-transaction request goes through.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@ConditionalOnRole(Role.API)
class FeatureStateConfiguration {

  private static final Logger log = LoggerFactory.getLogger(FeatureStateConfiguration.class);

  @Bean
  StateConfig featureStateConfig(FeatureStateProperties properties) {
    return new StateConfig(properties.entities(), properties.retention(), properties.tolerance());
  }

  @Bean(destroyMethod = "close")
  StateStore featureStateStore(FeatureStateProperties properties, StateConfig config) {
    return switch (properties.store()) {
      case "memory" -> {
        if (Files.isRegularFile(properties.snapshotFile())) {
          InMemoryStateStore restored =
              InMemoryStateStore.restore(properties.snapshotFile(), config);
          log.info(
              "feature state restored from {} ({} transactions)",
              properties.snapshotFile(),
              restored.transactions());
          yield restored;
        }
        yield new InMemoryStateStore(config);
      }
      case "redis" -> {
        log.info(
            "feature state in Redis {} under {}", properties.redisUrl(), properties.redisPrefix());
        yield RedisStateStore.connect(properties.redisUrl(), properties.redisPrefix(), config);
      }
      default ->
          throw new IllegalArgumentException(
              "fraudops.features.store must be memory or redis, not '" + properties.store() + "'");
    };
  }

  @Bean
  FeatureEngine featureEngine(StateStore store, StateConfig config) {
    return new FeatureEngine(store, config);
  }

  @Bean
  StateSnapshots stateSnapshots(StateStore store, FeatureStateProperties properties) {
    return new StateSnapshots(store, properties.snapshotFile(), properties.snapshotInterval());
  }
}
