package io.fraudops.app.serving;

import java.io.ByteArrayOutputStream;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes the scoring endpoints' answers (predictions and RFC 9457 problem documents) with Jackson's
 * streaming generator: the same bytes whichever HTTP server carries them, and no reflection or
 * per-request serializer lookup on the hot path.
 */
public final class ScoringJson {

  static final String PROBLEM_TYPE_PREFIX = "urn:fraudops:problem:";
  private static final JsonFactory JSON = new JsonFactory();

  private ScoringJson() {}

  public static byte[] prediction(Prediction p) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(p.explanation() == null ? 256 : 1024);
    try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
      write(g, p);
    }
    return out.toByteArray();
  }

  public static byte[] batch(BatchPrediction batch) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 200 * batch.count());
    try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
      g.writeStartObject();
      g.writeStringProperty("model_version", batch.modelVersion());
      g.writeNumberProperty("count", batch.count());
      g.writeName("predictions");
      g.writeStartArray();
      for (Prediction p : batch.predictions()) {
        write(g, p);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    return out.toByteArray();
  }

  private static void write(JsonGenerator g, Prediction p) {
    g.writeStartObject();
    g.writeStringProperty("transaction_id", p.transactionId());
    g.writeNumberProperty("is_fraud", p.isFraud());
    g.writeNumberProperty("fraud_probability", p.fraudProbability());
    g.writeStringProperty("risk_level", p.riskLevel().wire());
    g.writeStringProperty("timestamp", p.timestamp().toString());
    g.writeStringProperty("model_version", p.modelVersion());
    PredictionExplanation e = p.explanation();
    if (e != null) {
      g.writeName("explanation");
      g.writeStartObject();
      g.writeNumberProperty("base_value", e.baseValue());
      g.writeName("top_features");
      g.writeStartArray();
      for (PredictionExplanation.Contribution c : e.topFeatures()) {
        g.writeStartObject();
        g.writeStringProperty("feature", c.feature());
        if (c.value() instanceof Double d) {
          g.writeNumberProperty("value", d);
        } else {
          g.writeStringProperty("value", String.valueOf(c.value()));
        }
        g.writeNumberProperty("contribution", c.contribution());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeName("reasons");
      g.writeStartArray();
      for (String reason : e.reasons()) {
        g.writeString(reason);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  /** A problem document whose {@code errors} member names each broken field. */
  static byte[] problem(
      int status,
      String slug,
      String title,
      String detail,
      String instance,
      List<FieldError> errors) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
      g.writeStartObject();
      g.writeStringProperty("type", PROBLEM_TYPE_PREFIX + slug);
      g.writeStringProperty("title", title);
      g.writeNumberProperty("status", status);
      g.writeStringProperty("detail", detail);
      g.writeStringProperty("instance", instance);
      g.writeName("errors");
      g.writeStartArray();
      for (FieldError f : errors) {
        g.writeStartObject();
        g.writeStringProperty("field", f.field());
        g.writeStringProperty("message", f.message());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    return out.toByteArray();
  }
}
