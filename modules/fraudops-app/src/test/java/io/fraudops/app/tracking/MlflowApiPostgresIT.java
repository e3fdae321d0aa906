package io.fraudops.app.tracking;

import io.fraudops.app.support.Postgres;
import java.util.Map;

/** The MLflow API suite on the real PostgreSQL, in a schema of its own dropped afterwards. */
class MlflowApiPostgresIT extends MlflowApiContract {

  private final Postgres.Schema schema = Postgres.schema();

  @Override
  Map<String, String> database() {
    return schema.properties();
  }

  @Override
  void dropDatabase() {
    schema.close();
  }
}
