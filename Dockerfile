# One image recipe for every deployable module:
#   docker build --build-arg MODULE=follow-service -t instaclone/follow-service:0.1.0 .
# MODULE is one of: gateway, follow-service, upload-service, ads-service, integrations-service,
# metrics-service, or monolith (the monolith twin: the five services in one process, docs/monolith.md;
# its build compiles the five service modules it is assembled from). Needs BuildKit (the default
# builder of current Docker; `docker compose` uses it).
#
# Base images are pinned by exact Temurin release tag (25.0.3+9, the JDK this repository is tested
# with). Pin by digest as well in your registry mirror (`docker buildx imagetools inspect
# eclipse-temurin:25.0.3_9-jre-noble`); the build machine of this repository has no registry access,
# so no digest could be verified here and none is written down unverified.
ARG JDK_IMAGE=eclipse-temurin:25.0.3_9-jdk-noble
ARG JRE_IMAGE=eclipse-temurin:25.0.3_9-jre-noble

# ---- 1. build the module's executable jar with the Maven wrapper --------------------------------
FROM ${JDK_IMAGE} AS build
ARG MODULE
WORKDIR /src
COPY . .
# the Maven repository lives in a BuildKit cache, so a source change does not download the world again
RUN --mount=type=cache,target=/root/.m2 \
    test -n "${MODULE}" || { echo "build with --build-arg MODULE=<module>" >&2; exit 1; }; \
    ./mvnw -B -ntp -q -pl "${MODULE}" -am package -DskipTests \
 && java -Djarmode=tools -jar "${MODULE}/target/${MODULE}.jar" extract --layers --destination /layers \
 && mv "/layers/application/${MODULE}.jar" /layers/application/app.jar
# Layered extraction WITHOUT --launcher: app.jar + lib/*.jar on the plain class path (its manifest's
# Class-Path). That is what the JVM's AOT cache needs: it stores only classes that the built-in
# class loaders load from jar files, not classes that Spring Boot's launcher loads from BOOT-INF/.

# ---- 2. runtime: JRE only, layers from least to most often changed ------------------------------
FROM ${JRE_IMAGE}
ARG MODULE
LABEL org.opencontainers.image.title="instaclone-${MODULE}" \
      org.opencontainers.image.source="https://github.com/instaclone/instaclone" \
      org.opencontainers.image.licenses="Apache-2.0"
RUN groupadd --system --gid 10001 instaclone \
 && useradd --system --uid 10001 --gid 10001 --home-dir /nonexistent --no-create-home \
            --shell /usr/sbin/nologin instaclone \
 && mkdir -p /var/lib/instaclone/media /var/lib/instaclone/keys \
 && chown -R 10001:10001 /var/lib/instaclone
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
COPY --chmod=0755 deploy/docker/healthcheck /usr/local/bin/healthcheck

# JVM sized from the container's memory limit (cgroup aware): heap = 70 % of the limit, the rest is
# for metaspace, code cache, thread stacks and direct buffers. Serial GC: heaps stay well under 1 GB
# and pods get 1-2 CPUs, where it is also what the JVM would pick by itself; fixing it keeps the AOT
# cache (recorded below with these flags) valid. TrimNativeHeapInterval: every 10 s the JVM returns the C
# heap glibc keeps after start-up's class loading and JIT work (25-42 MiB of idle RSS per service on the
# local run, docs/performance.md "Memory per service"). Replace the whole variable to tune.
ENV SERVER_PORT=8080 \
    JDK_JAVA_OPTIONS="-XX:MaxRAMPercentage=70 -XX:InitialRAMPercentage=25 -XX:+UseSerialGC -XX:TrimNativeHeapInterval=10000 -XX:+ExitOnOutOfMemoryError -Xss512k"

# AOT cache (JDK 25, JEP 483/514): a training run records the classes the service loads and links
# while its Spring context starts, so every later start maps them instead of loading, verifying and
# linking them again. Measured on the project's 2-core machine with the same flags (context refresh
# only): 20-40 % less CPU to start (numbers in k8s/README.md). The training run needs no
# database or broker: it stops right after the context refresh (spring.context.exit=onRefresh),
# with Flyway, schema validation, JDBC metadata look-ups and topic creation switched off (the Kafka
# admin client would otherwise wait ~50 s for the absent broker); nothing connects to PostgreSQL.
# Throw-away signing keys and media go to a temp dir that is deleted in the same layer, and the
# throw-away encryption key lives only in this command's environment, so no key is ever baked into
# the image. A training run that fails part-way still leaves a valid (smaller) cache, so it does not
# fail the build; a missing cache file does.
# The monolith (MODULE=monolith) takes the same step: it honours spring.context.exit=onRefresh for the
# whole application, exiting once its five module contexts are up (Spring alone would stop it after
# its root context), so its cache holds the modules' classes too. Its data folder (signing keys,
# photos) goes to the same temp dir; its modules' schedulers start and fail to reach the absent
# database until the exit, which is harmless.
RUN tmp="$(mktemp -d)" \
 && { INSTACLONE_TOKENS_KEY_DIR="$tmp/keys" MEDIA_DIR="$tmp/media" INSTACLONE_MONOLITH_DATA="$tmp/monolith" \
      INTEGRATIONS_SECRET_KEY="$(head -c 32 /dev/urandom | base64)" \
      POSTGRES_URL=jdbc:postgresql://127.0.0.1:1/training KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:1 \
      java -XX:AOTCacheOutput=app.aot \
        -Dspring.context.exit=onRefresh \
        -Dspring.flyway.enabled=false \
        -Dspring.jpa.hibernate.ddl-auto=none \
        -Dspring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access=false \
        -Dspring.jpa.database-platform=org.hibernate.dialect.PostgreSQLDialect \
        -Dspring.kafka.admin.auto-create=false \
        -jar app.jar > "$tmp/training.log" 2>&1 \
    || { echo "AOT training run exited with $?; the cache holds what it loaded until then:"; \
         tail -n 30 "$tmp/training.log"; }; } \
 && test -s app.aot \
 && chmod 0644 app.aot \
 && rm -rf /tmp/*

USER 10001:10001
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=3 CMD ["/usr/local/bin/healthcheck"]
# exec form: the JVM is PID 1 and gets SIGTERM directly (Boot's graceful shutdown does the rest)
ENTRYPOINT ["java", "-XX:AOTCache=app.aot", "-jar", "app.jar"]
