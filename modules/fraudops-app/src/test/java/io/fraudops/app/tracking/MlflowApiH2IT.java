package io.fraudops.app.tracking;

import java.util.Map;

/** The MLflow API suite on the embedded H2 database (the default). */
class MlflowApiH2IT extends MlflowApiContract {

  @Override
  Map<String, String> database() {
    return Map.of();
  }

  @Override
  void dropDatabase() {
    // the H2 file lives in the temporary home
  }
}
