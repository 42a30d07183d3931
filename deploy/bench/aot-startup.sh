#!/usr/bin/env bash
# Measures what the Dockerfile's AOT cache saves at start-up, without Docker: the same layered
# extraction, training run and flags as the image, on the local JDK 25. Context refresh only
# (spring.context.exit=onRefresh), no database or broker needed; CPU time is the number to read.
#   ./mvnw -q -pl gateway,follow-service -am package -DskipTests
#   deploy/bench/aot-startup.sh [module ...]        (default: gateway follow-service; 2 rounds)
# Needs JAVA25 (default /usr/lib/jvm/temurin-25-jdk-amd64/bin/java) and GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/../.."
java="${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
if [ $# -gt 0 ]; then modules=("$@"); else modules=(gateway follow-service); fi
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
export JDK_JAVA_OPTIONS="-XX:MaxRAMPercentage=70 -XX:InitialRAMPercentage=25 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -Xss512k"
export POSTGRES_URL=jdbc:postgresql://127.0.0.1:1/training KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:1
export INSTACLONE_TOKENS_KEY_DIR="$work/keys" MEDIA_DIR="$work/media"
flags=(-Dspring.context.exit=onRefresh -Dspring.flyway.enabled=false -Dspring.jpa.hibernate.ddl-auto=none
  -Dspring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access=false
  -Dspring.jpa.database-platform=org.hibernate.dialect.PostgreSQLDialect -Dspring.kafka.admin.auto-create=false)
for m in "${modules[@]}"; do
  "$java" -Djarmode=tools -jar "$m/target/$m.jar" extract --layers --destination "$work/$m/layers" >/dev/null
  mkdir -p "$work/$m/app"
  for layer in dependencies spring-boot-loader snapshot-dependencies application; do cp -r "$work/$m/layers/$layer/." "$work/$m/app/"; done
  mv "$work/$m/app/$m.jar" "$work/$m/app/app.jar"
  (cd "$work/$m/app" && "$java" -XX:AOTCacheOutput=app.aot "${flags[@]}" -jar app.jar >"$work/$m/training.log" 2>&1 || true)
  echo "$m: AOT cache $(stat -c %s "$work/$m/app/app.aot") bytes"
done
for round in 1 2; do
  for m in "${modules[@]}"; do
    cd "$work/$m/app"
    echo "round $round, load $(cut -d' ' -f1 /proc/loadavg)"
    /usr/bin/time -f "$m without cache: %U+%S s CPU, %e s wall" "$java" "${flags[@]}" -jar app.jar >/dev/null 2>"$work/t" || true; tail -1 "$work/t"
    /usr/bin/time -f "$m with AOT cache: %U+%S s CPU, %e s wall" "$java" -XX:AOTCache=app.aot "${flags[@]}" -jar app.jar >/dev/null 2>"$work/t" || true; tail -1 "$work/t"
    cd - >/dev/null
  done
done
