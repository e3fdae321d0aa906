# syntax=docker/dockerfile:1.7
# One fraudops image for every role: FRAUDOPS_ROLES=api (scoring), control-plane (registry API,
# pipelines, console) or both; the scheduled training task runs `train` with the same image.
#
#   docker build -t fraudops:dev .
#   docker run --rm -p 8080:8080 -e FRAUDOPS_ROLES=api fraudops:dev            # serve
#   docker run --rm fraudops:dev train --data s3://bucket/transactions.parquet # any CLI command

ARG JDK_IMAGE=eclipse-temurin:25-jdk-noble
ARG JRE_IMAGE=eclipse-temurin:25-jre-noble

# ---- build: the Maven Wrapper, exactly as on a laptop ---------------------------------------
FROM ${JDK_IMAGE} AS build
WORKDIR /src
# Poms first: the dependency download stays cached until a pom changes.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY modules/fraudops-core/pom.xml modules/fraudops-core/
COPY modules/fraudops-data/pom.xml modules/fraudops-data/
COPY modules/fraudops-training/pom.xml modules/fraudops-training/
COPY modules/fraudops-app/pom.xml modules/fraudops-app/
COPY modules/fraudops-deploy-checks/pom.xml modules/fraudops-deploy-checks/
COPY modules/fraudops-core/src/ modules/fraudops-core/src/
COPY modules/fraudops-data/src/ modules/fraudops-data/src/
COPY modules/fraudops-training/src/ modules/fraudops-training/src/
COPY modules/fraudops-app/src/ modules/fraudops-app/src/
# Tests run in CI before the image is built; here only the application jar is made.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -DskipTests -Dspotless.check.skip=true -pl modules/fraudops-app -am package \
 && cp modules/fraudops-app/target/fraudops.jar /fraudops.jar

# ---- runtime: a JRE, a non-root user, nothing else -------------------------------------------
FROM ${JRE_IMAGE} AS runtime
# The commit the image was built from: recorded in the provenance of every model it trains.
ARG GIT_COMMIT=unknown
# curl for the health check; libgomp1 for xgboost4j's native library (the training role).
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl libgomp1 \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 fraudops \
 && useradd --system --uid 10001 --gid fraudops --home-dir /var/lib/fraudops --create-home \
      --shell /usr/sbin/nologin fraudops
WORKDIR /app
COPY --from=build --chown=root:root /fraudops.jar /app/fraudops.jar

ENV FRAUDOPS_HOME=/var/lib/fraudops \
    FRAUDOPS_GIT_COMMIT=${GIT_COMMIT} \
    FRAUDOPS_ROLES=api,control-plane \
    FRAUDOPS_PORT=8080 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -Djava.security.egd=file:/dev/urandom"

USER 10001:10001
EXPOSE 8080
VOLUME ["/var/lib/fraudops"]

# /health answers 200 in every role once the server is up (degraded = no model promoted yet).
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${FRAUDOPS_PORT}/health" > /dev/null || exit 1

ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "-jar", "/app/fraudops.jar"]
CMD ["serve"]
