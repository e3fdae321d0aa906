package io.fraudops.app.registry;

import io.fraudops.app.config.FraudopsProperties;
import io.fraudops.app.tracking.TrackingStore;
import java.sql.SQLException;
import java.time.Clock;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ArtifactSettings.class)
class RegistryConfiguration {

  private static final Logger log = LoggerFactory.getLogger(RegistryConfiguration.class);

  @Bean
  ArtifactStore artifactStore(FraudopsProperties properties, ArtifactSettings settings) {
    if (ArtifactSettings.S3.equals(settings.store())) {
      return new S3ArtifactStore(S3Clients.create(settings), settings.bucket(), settings.prefix());
    }
    return new LocalArtifactStore(
        settings.root() != null ? settings.root() : properties.home().resolve("artifacts"));
  }

  @Bean
  TrackingStore trackingStore(JdbcClient jdbc, TransactionTemplate tx) {
    return new TrackingStore(jdbc, tx, Clock.systemUTC());
  }

  @Bean
  ModelRegistry modelRegistry(
      JdbcClient jdbc, ArtifactStore artifacts, TrackingStore tracking, TransactionTemplate tx) {
    return new ModelRegistry(jdbc, artifacts, tracking, tx, Clock.systemUTC());
  }

  /**
   * Migrates at start-up, but a database that cannot be reached does not stop the process: a
   * serving instance must come up on its cached model while the registry is down (the schema was
   * migrated by an earlier start). Any other migration failure still stops it.
   */
  @Bean
  FlywayMigrationStrategy migrateUnlessUnreachable() {
    return flyway -> {
      try {
        flyway.migrate();
      } catch (FlywayException e) {
        if (!unreachable(e)) {
          throw e;
        }
        log.warn(
            "registry database unreachable, starting without migrating it: {}", rootMessage(e));
      }
    };
  }

  static boolean unreachable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.net.ConnectException
          || t instanceof java.sql.SQLTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        // 08: connection exceptions; 55000 / 57P03: database not accepting connections
        if (state.startsWith("08") || state.equals("55000") || state.startsWith("57P0")) {
          return true;
        }
      }
      if (t.getMessage() != null && t.getMessage().startsWith("Unable to obtain connection")) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
