package io.fraudops.app.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The real PostgreSQL on 127.0.0.1:5432 (database {@code test}, user {@code postgres}, trust auth).
 * Each test class works in a schema (or database) of its own, dropped afterwards, so runs never see
 * each other's rows.
 */
public final class Postgres {
  private Postgres() {}

  public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

  /** A fresh schema in database {@code test}. */
  public record Schema(String name) implements AutoCloseable {
    public String url() {
      return SERVER + "test?currentSchema=" + name;
    }

    public Map<String, String> properties() {
      return Map.of(
          "spring.datasource.url",
          url(),
          "spring.datasource.username",
          "postgres",
          "spring.datasource.password",
          "",
          "spring.flyway.schemas",
          name,
          "spring.flyway.default-schema",
          name);
    }

    @Override
    public void close() {
      execute("test", "DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }
  }

  /** A fresh database (for tests that take the database away). */
  public record Database(String name) implements AutoCloseable {
    public Map<String, String> properties() {
      return Map.of(
          "spring.datasource.url", SERVER + name,
          "spring.datasource.username", "postgres",
          "spring.datasource.password", "");
    }

    /** Refuses new connections and ends the open ones: the database is down for the app. */
    public void takeDown() {
      execute("test", "ALTER DATABASE " + name + " WITH ALLOW_CONNECTIONS false");
      execute(
          "test",
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
    }

    public void bringUp() {
      execute("test", "ALTER DATABASE " + name + " WITH ALLOW_CONNECTIONS true");
    }

    @Override
    public void close() {
      bringUp();
      execute("test", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }

  public static Schema schema() {
    Schema s = new Schema("it_" + suffix());
    execute("test", "CREATE SCHEMA " + s.name());
    return s;
  }

  public static Database database() {
    Database d = new Database("fraudops_it_" + suffix());
    execute("test", "CREATE DATABASE " + d.name());
    return d;
  }

  private static String suffix() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
  }

  public static void execute(String database, String sql) {
    try (Connection c = DriverManager.getConnection(SERVER + database, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL on 127.0.0.1:5432: " + e.getMessage(), e);
    }
  }
}
