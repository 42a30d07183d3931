#!/usr/bin/env bash
# The monolith's image (Dockerfile, MODULE=monolith) run without Docker, for a machine with no engine:
# the Dockerfile's layered extraction and AOT training run, then the image's entrypoint, JVM flags and
# health check, configured as docker-compose.yml and k8s/monolith configure it: POSTGRES_URL to an
# external PostgreSQL (one database, one login, a schema per module made by Flyway), and
# INSTACLONE_MONOLITH_DATA with keys/ and media/. The external PostgreSQL is the embedded one of a
# plain `java -jar monolith.jar` started for this (its database "postgres" is left empty for the
# image-like monolith). The container's 2 GiB memory limit is given as -XX:MaxRAM.
#
# Steps: first start with the cache (creates the schemas), deploy/docker/healthcheck must pass, a
# sign-up and the profile read back through it, SIGTERM; then one restart without and one with the
# AOT cache, CPU seconds until ready (one pair: an indication, not a benchmark).
#   ./mvnw -q -pl monolith -am package -DskipTests
#   flock /tmp/instaclone-cpu.lock deploy/bench/monolith-image.sh
# Needs JAVA25 (default /usr/lib/jvm/temurin-25-jdk-amd64/bin/java) and curl. Ports: 18090 (the
# image-like monolith), 18091 and 15463 (the database's provider).
set -euo pipefail
cd "$(dirname "$0")/../.."
java25="${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
jar=monolith/target/monolith.jar
work="$(mktemp -d)"
pids=()
alive() { [ -e "/proc/$1" ] && [ "$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null)" != Z ]; }
exit_status=
stop() { # pid: SIGTERM, then wait for the process to exit (Boot's graceful shutdown); sets $exit_status
  exit_status=
  kill -TERM "$1" 2>/dev/null || return 0
  for _ in $(seq 1 300); do alive "$1" || break; sleep 0.2; done
  if alive "$1"; then echo "pid $1 still running after 60 s; killing it" >&2; kill -KILL "$1" 2>/dev/null || true; fi
  wait "$1" 2>/dev/null && exit_status=0 || exit_status=$?
}
cleanup() { for p in "${pids[@]}"; do stop "$p"; done; rm -rf "$work"; }
trap cleanup EXIT

# ready <port> <pid> <log>: the image's health check passes (HTTP 200 on /actuator/health/readiness)
ready() {
  for _ in $(seq 1 900); do
    SERVER_PORT="$1" bash deploy/docker/healthcheck 2>/dev/null && return 0
    alive "$2" || break
    sleep 0.2
  done
  echo "pid $2 not ready (exited, or 180 s passed); the end of $3:" >&2; tail -40 "$3" >&2; return 1
}
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$1/stat"; }

echo "load average at start: $(cat /proc/loadavg)"
# ---- the image's build stage and training step (Dockerfile) -----------------------------------------
"$java25" -Djarmode=tools -jar "$jar" extract --layers --destination "$work/layers" >/dev/null
mkdir -p "$work/app"
for layer in dependencies spring-boot-loader snapshot-dependencies application; do cp -r "$work/layers/$layer/." "$work/app/"; done
mv "$work/app/monolith.jar" "$work/app/app.jar"
# the image's JDK_JAVA_OPTIONS, read from the Dockerfile, plus the container's memory limit
opts="$(sed -n 's/^ *JDK_JAVA_OPTIONS="\([^"]*\)".*/\1/p' Dockerfile) -XX:MaxRAM=2g"
[ -n "$opts" ] || { echo "no JDK_JAVA_OPTIONS in the Dockerfile" >&2; exit 1; }
echo "JDK_JAVA_OPTIONS=$opts"
training="$work/training"; mkdir -p "$training"
# as in the Dockerfile, but for the port: the build container has 8080 to itself, this machine may not
(cd "$work/app" && INSTACLONE_TOKENS_KEY_DIR="$training/keys" MEDIA_DIR="$training/media" \
  INSTACLONE_MONOLITH_DATA="$training/monolith" SERVER_PORT=18092 INTEGRATIONS_SECRET_KEY="$(head -c 32 /dev/urandom | base64)" \
  POSTGRES_URL=jdbc:postgresql://127.0.0.1:1/training KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:1 \
  JDK_JAVA_OPTIONS="$opts" "$java25" -XX:AOTCacheOutput=app.aot \
    -Dspring.context.exit=onRefresh -Dspring.flyway.enabled=false -Dspring.jpa.hibernate.ddl-auto=none \
    -Dspring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access=false \
    -Dspring.jpa.database-platform=org.hibernate.dialect.PostgreSQLDialect -Dspring.kafka.admin.auto-create=false \
    -jar app.jar >"$work/training.log" 2>&1) || echo "training run exited with $? (the Dockerfile tolerates that)"
test -s "$work/app/app.aot" || { tail -30 "$work/training.log"; echo "no AOT cache written" >&2; exit 1; }
echo "training run: $(grep -c ' up in ' "$work/training.log" || true) of 5 modules up, then: $(grep -o 'every module is up, exiting.*' "$work/training.log" || echo 'NO exit line')"
echo "AOT cache: $(( $(stat -c %s "$work/app/app.aot") / 1048576 )) MiB; files the training run left in the image's /app besides the layers: $(cd "$work/app" && ls -A | grep -v -x -e app.jar -e app.aot -e lib -e META-INF -e org || echo none)"

# ---- the external PostgreSQL: a plain monolith's embedded one ------------------------------------
SERVER_PORT=18091 INSTACLONE_MONOLITH_DATA="$work/provider" INSTACLONE_MONOLITH_POSTGRES_PORT=15463 \
  java -jar "$jar" >"$work/provider.log" 2>&1 &
pids+=($!); provider=$!
ready 18091 "$provider" "$work/provider.log"

# ---- the image-like monolith: the image's entrypoint, flags and environment ------------------------
mkdir -p "$work/data/keys" "$work/data/media"   # as the image creates /var/lib/instaclone/{keys,media}
key="$(head -c 32 /dev/urandom | base64)"
start() { # start <log> [java options before -jar]: runs in the background, sets $pid
  local log="$1"; shift
  (cd "$work/app" && SERVER_PORT=18090 POSTGRES_URL=jdbc:postgresql://localhost:15463/postgres \
    POSTGRES_USER=postgres POSTGRES_PASSWORD= INSTACLONE_MONOLITH_DATA="$work/data" INTEGRATIONS_SECRET_KEY="$key" \
    JDK_JAVA_OPTIONS="$opts" exec "$java25" "$@" -jar app.jar) >"$log" 2>&1 &
  pid=$!; pids+=("$pid")
}
start "$work/first.log" -XX:AOTCache=app.aot
ready 18090 "$pid" "$work/first.log"
echo "first start (schemas created by Flyway): ready, health check passed; readiness: $(curl -s localhost:18090/actuator/health/readiness)"
status="$(curl -s -o /dev/null -w '%{http_code}' -X POST localhost:18090/api/accounts -H 'Content-Type: application/json' \
  -d '{"handle":"imagecheck","email":"imagecheck@example.com","password":"correct horse battery"}')"
token="$(curl -s -X POST localhost:18090/api/accounts/sign-in -H 'Content-Type: application/json' \
  -d '{"login":"imagecheck","password":"correct horse battery"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')"
profile="$(curl -s -w ' %{http_code}' localhost:18090/api/users/imagecheck -H "Authorization: Bearer $token")"
echo "sign-up: HTTP $status; profile read back with the token: $profile"
[ "$status" = 201 ] && [ "${profile##* }" = 200 ] || { echo "the sign-up or the profile read failed" >&2; tail -40 "$work/first.log" >&2; exit 1; }
echo "schemas in the external database: $(grep -c 'Successfully applied\|Migrating schema' "$work/first.log" || true) Flyway lines; ERROR lines in the log: $(grep -c ' ERROR ' "$work/first.log" || true)"
grep -i -m3 'aot\|cds' "$work/first.log" || echo "(no AOT/CDS warning in the log)"
stop "$pid"; echo "SIGTERM: exited with status $exit_status"

for run in without with; do
  if [ "$run" = with ]; then start "$work/$run.log" -XX:AOTCache=app.aot; else start "$work/$run.log"; fi
  t0=$(date +%s%N); ready 18090 "$pid" "$work/$run.log"
  echo "restart $run the AOT cache: ready in $(( ($(date +%s%N) - t0) / 1000000 )) ms, $(cpu_seconds "$pid") CPU s until then"
  stop "$pid"
done
echo "load average at end: $(cat /proc/loadavg)"
