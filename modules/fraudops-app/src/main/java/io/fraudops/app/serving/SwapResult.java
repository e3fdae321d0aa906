package io.fraudops.app.serving;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * Outcome of the last attempt to load a new version into serving.
 *
 * @param version the version serving tried to load
 * @param ok whether it is now serving
 * @param message what happened, e.g. the reason a bundle was refused
 * @param durationMillis load, verification, warm-up and swap time
 * @param fromVersion the version that served before, if any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SwapResult(
    @JsonProperty("at") Instant at,
    @JsonProperty("version") String version,
    @JsonProperty("ok") boolean ok,
    @JsonProperty("message") String message,
    @JsonProperty("duration_ms") Long durationMillis,
    @JsonProperty("from_version") String fromVersion) {}
