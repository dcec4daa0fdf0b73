# syntax=docker/dockerfile:1
#
# MeshLedger service image. One Dockerfile builds either side of the CQRS split:
#
#   docker build --build-arg MODULE=command-side -t meshledger/command-side .
#   docker build --build-arg MODULE=query-side   -t meshledger/query-side   .
#
# docker-compose.yml passes MODULE for each service.

ARG MODULE=command-side

# ---------------------------------------------------------------------------
# Build stage: full JDK + the Maven wrapper from the repository.
# ---------------------------------------------------------------------------
FROM eclipse-temurin:17-jdk-jammy AS build
ARG MODULE
WORKDIR /workspace

# The context holds odcs-schema/ with the official ODCS JSON Schemas the build bundles (README, Production
# deployment); the build stops, naming the folder, when they are missing.
COPY . .

# The cache mount keeps ~/.m2 (local repository and the wrapper's Maven
# distribution) between builds; it never ends up in an image layer.
RUN --mount=type=cache,target=/root/.m2 \
    set -eu; \
    case "${MODULE}" in \
      command-side|query-side) ;; \
      *) echo "MODULE must be command-side or query-side, got '${MODULE}'" >&2; exit 1 ;; \
    esac; \
    chmod +x mvnw; \
    ./mvnw -B -ntp -pl "${MODULE}" -am -DskipTests -Dspotless.check.skip=true \
      -Dodcs.schema.directory=/workspace/odcs-schema package; \
    test -f "${MODULE}/target/meshledger-${MODULE}-0.1.0-SNAPSHOT-exec.jar"

# ---------------------------------------------------------------------------
# Runtime stage: JRE only, unprivileged user, the repackaged Spring Boot jar.
# ---------------------------------------------------------------------------
FROM eclipse-temurin:17-jre-jammy AS runtime
ARG MODULE

RUN groupadd --system --gid 10001 meshledger \
 && useradd --system --uid 10001 --gid meshledger --home-dir /app --no-create-home \
      --shell /usr/sbin/nologin meshledger \
 && mkdir -p /app \
 && chown meshledger:meshledger /app

WORKDIR /app

# Owned by root and read-only for the service user: the process cannot
# rewrite its own code.
COPY --from=build --chmod=0444 \
     /workspace/${MODULE}/target/meshledger-${MODULE}-0.1.0-SNAPSHOT-exec.jar /app/app.jar

COPY --chmod=0444 deploy/service.jvm.options /app/service.jvm.options

LABEL org.opencontainers.image.title="meshledger-${MODULE}" \
      org.opencontainers.image.description="MeshLedger ${MODULE} (event-sourced governance ledger)"

USER 10001:10001

# The listening port comes from SERVER_PORT (8081 command side, 8082 query side
# in docker-compose.yml); no EXPOSE because it differs per module.
# The heap is fixed at 75 % of the container's memory from the start: a heap left to grow from the default
# initial size stays small under steady reads and is collected twice as often (README, Benchmark).
# deploy/service.jvm.options holds the options every service shares (the benchmark starts the services with it too).
ENTRYPOINT ["java", "@/app/service.jvm.options", "-XX:InitialRAMPercentage=75", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
