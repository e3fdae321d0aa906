package io.fraudops.app.serving;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The answer to {@code POST /predict/batch}: one prediction per transaction, in request order. */
@Schema(name = "BatchPrediction")
public record BatchPrediction(
    @JsonProperty("model_version") String modelVersion,
    @JsonProperty("count") int count,
    @JsonProperty("predictions") List<Prediction> predictions) {}
