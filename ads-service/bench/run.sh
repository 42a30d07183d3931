#!/usr/bin/env bash
# Placements benchmark against the bench server (ads-service/bench/server.sh) and a gateway in front
# of it: wrk closed loop (paced connections) and the open-model OpenLoad generator at a fixed rate.
# Results go to docs/performance.md ("ads-service"). Only ever sends traffic to 127.0.0.1.
#
# Usage, from the repository root, with server.sh running (and its "BENCH READY" line printed):
#   ads-service/bench/run.sh [rate, default 500] [seconds, default 60]
# Env: GATEWAY=1 also starts gateway/target/gateway.jar on 18080 in front of it (JDK 25 if present)
#      (GATEWAY_JAR, default gateway/target/gateway.jar) and measures through it; CONNECTIONS (wrk, default 20), DELAY_MS (wrk, default 38);
#      WARMUP seconds of open-model load at the same rate before the measured run (default 30);
#      WRK=0 skips the closed-loop wrk run (the 20 s wrk warm-up of each target stays);
#      DIRECT_RUN=0 measures only through the gateway; OPENLOAD_OPTS are the generator's JVM options
#      (-Dopenload.per-second=true: one latency line per second of the measured run).
# Besides the latencies it prints the CPU that ads-service's JVM, PostgreSQL (every `postgres` process)
# (the server's, found by the port in its log), the gateway JVM and the load generator used during the
# measured open-model run, in ms per request, and how busy the whole machine was.
set -euo pipefail
cd "$(dirname "$0")/../.."
RATE=${1:-500}
SECONDS_=${2:-60}
CONNECTIONS=${CONNECTIONS:-20}
DELAY_MS=${DELAY_MS:-38}
WARMUP=${WARMUP:-30}
TOKENS=ads-service/target/bench-tokens.txt
DIRECT=http://127.0.0.1:18083
GW=http://127.0.0.1:18080
JAVA=java
[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
WORK=$(mktemp -d)
GW_PID=""
cleanup() { [ -n "$GW_PID" ] && kill "$GW_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

{ echo "tokens = {"; sed 's/.*/  "&",/' "$TOKENS"; echo "}"; } > "$WORK/tokens.lua"
cat "$WORK/tokens.lua" ads-service/bench/placements.lua > "$WORK/bench.lua"
sed -i "s/__DELAY_MS__/$DELAY_MS/" "$WORK/bench.lua"
CP="ads-service/target/test-classes:ads-service/target/classes:$(cat ads-service/target/bench-classpath.txt)"
# each request: 3 slots and one of 5 feed contexts (as placements.lua)
PATHS='/api/ads/placements?slots=3|/api/ads/placements?slots=3&hashtags=cats|/api/ads/placements?slots=3&hashtags=travel,food|/api/ads/placements?slots=3|/api/ads/placements?slots=3&hashtags=dogs,fitness,cats'
open_load() { "$JAVA" ${OPENLOAD_OPTS:-} -cp "$CP" org.instaclone.testsupport.bench.OpenLoad "$1" "$PATHS" "$RATE" "$SECONDS_" "$TOKENS" "${2:-0}"; }
# CPU ticks (user + system) of the given processes; 100 ticks = 1 s
ticks() { for p in "$@"; do awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null || echo 0; done | awk '{ s += $1 } END { print s + 0 }'; }
ADS_PID=$(pgrep -f 'org.instaclone.ads.bench.PlacementsBenchServer' | head -1 || true)
# the bench server's PostgreSQL: the postmaster listening on the port of the printed JDBC URL, and its children
PG_PORT=$(grep -o 'BENCH JDBC [^ ]*' ads-service/target/bench-server.log 2>/dev/null | tail -1 | sed -E 's/.*:([0-9]+)\/.*/\1/' || true)
pg_pids() {
	local pm
	pm=$(pgrep -f "bin/postgres .*-p ${PG_PORT:-none}( |$)" | head -1 || true)
	[ -n "$pm" ] && echo "$pm $(pgrep -P "$pm" | tr '\n' ' ')"
}
# CPU of the measured window only: read after the open model's warm-up, and again when it ends
cpu_report() { # $1 = seconds to wait (warm-up); prints ms of CPU per request for ads-service, PostgreSQL, gateway
	sleep "$1"
	local pg a0 p0 g0 a1 p1 g1
	pg=$(pg_pids)
	load=$(pgrep -f 'org.instaclone.testsupport.bench.OpenLoad' | head -1 || true)
	a0=$(ticks $ADS_PID); p0=$(ticks $pg); g0=$(ticks $GW_PID); l0=$(ticks $load); t0=$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat)
	sleep "$SECONDS_"
	pg=$(pg_pids)
	a1=$(ticks $ADS_PID); p1=$(ticks $pg); g1=$(ticks $GW_PID); l1=$(ticks $load); t1=$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat)
	awk -v a=$((a1 - a0)) -v p=$((p1 - p0)) -v g=$((g1 - g0)) -v l=$((l1 - l0)) -v t=$((t1 - t0)) -v n=$((RATE * SECONDS_)) -v s="$SECONDS_" \
		'BEGIN { printf "  CPU per request during the measured run: ads-service %.2f ms, PostgreSQL %.2f ms, gateway %.2f ms, load generator %.2f ms; whole machine busy %.2f of %d cores\n", a * 10 / n, p * 10 / n, g * 10 / n, l * 10 / n, t / 100 / s, '"$(nproc)"' }'
}

targets=()
[ "${DIRECT_RUN:-1}" != 0 ] && targets+=("direct $DIRECT")
if [ "${GATEWAY:-0}" = 1 ]; then
	JWKS=${JWKS:-$(grep -o 'BENCH JWKS [^ ]*' ads-service/target/bench-server.log 2>/dev/null | tail -1 | cut -d' ' -f3 || true)}
	[ -n "$JWKS" ] || { echo "no JWKS URL: set JWKS to the URL server.sh printed (or keep its output in ads-service/target/bench-server.log)"; exit 1; }
	# the image's collector (Dockerfile: Serial GC) with a fixed heap, as the local runner's benchmark mode;
	# the per-user rate limit is raised (the benchmark is far above one person's rate), not switched
	# off, so its cost stays in the measurement
	INSTACLONE_GATEWAY_RATE_LIMIT_API=100000000 \
	SERVER_PORT=18080 ADS_SERVICE_URL=$DIRECT FOLLOW_SERVICE_URL=http://127.0.0.1:1 UPLOAD_SERVICE_URL=http://127.0.0.1:1 \
		INTEGRATIONS_SERVICE_URL=http://127.0.0.1:1 METRICS_SERVICE_URL=http://127.0.0.1:1 \
		INSTACLONE_SECURITY_JWKS_URI=$JWKS INSTACLONE_SECURITY_ISSUER=http://instaclone.test \
		"$JAVA" -XX:+UseSerialGC -Xss512k -Xms256m -Xmx256m ${GATEWAY_OPTS:-} -jar "${GATEWAY_JAR:-gateway/target/gateway.jar}" > ads-service/target/bench-gateway.log 2>&1 &
	GW_PID=$!
	until curl -sf -o /dev/null "$GW/actuator/health/readiness"; do sleep 1; done
	targets+=("gateway $GW")
fi

for target in "${targets[@]}"; do
	set -- $target
	echo "== $1: warm-up 20 s (wrk)"
	wrk -t2 -c"$CONNECTIONS" -d20s -s "$WORK/bench.lua" "$2" > /dev/null
	echo "== $1: uptime: $(uptime)"
	echo "== $1: wrk -t2 -c$CONNECTIONS -d${SECONDS_}s --latency (delay ${DELAY_MS} ms per connection, closed loop)"
	if [ "${WRK:-1}" != 0 ]; then
		wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_}s" --latency -s "$WORK/bench.lua" "$2" | grep -E "Non-2xx|p50|Socket errors" || true
		echo "== $1: uptime: $(uptime)"
	fi
	echo "== $1: open model, $RATE req/s for ${SECONDS_} s (OpenLoad, after a $WARMUP s warm-up at the same rate)"
	cpu_report "$WARMUP" &
	CPU_PID=$!
	open_load "$2" "$WARMUP"
	wait "$CPU_PID" || true
	echo "== $1: uptime: $(uptime)"
done
