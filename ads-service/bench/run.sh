#!/usr/bin/env bash
# Placements benchmark against the bench server (ads-service/bench/server.sh) and a gateway in front
# of it: wrk closed loop (paced connections) and the open-model OpenLoad generator at a fixed rate.
# Results go to docs/performance.md ("ads-service"). Only ever sends traffic to 127.0.0.1.
#
# Usage, from the repository root, with server.sh running (and its "BENCH READY" line printed):
#   ads-service/bench/run.sh [rate, default 500] [seconds, default 60]
# Env: GATEWAY=1 also starts gateway/target/gateway.jar on 18080 in front of it (JDK 25 if present)
#      and measures through it; CONNECTIONS (wrk, default 20), DELAY_MS (wrk, default 38)
set -euo pipefail
cd "$(dirname "$0")/../.."
RATE=${1:-500}
SECONDS_=${2:-60}
CONNECTIONS=${CONNECTIONS:-20}
DELAY_MS=${DELAY_MS:-38}
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
open_load() { "$JAVA" -cp "$CP" org.instaclone.testsupport.bench.OpenLoad "$1" "$PATHS" "$RATE" "$SECONDS_" "$TOKENS" "${2:-0}"; }

targets=("direct $DIRECT")
if [ "${GATEWAY:-0}" = 1 ]; then
	JWKS=${JWKS:-$(grep -o 'BENCH JWKS [^ ]*' ads-service/target/bench-server.log 2>/dev/null | tail -1 | cut -d' ' -f3 || true)}
	[ -n "$JWKS" ] || { echo "no JWKS URL: set JWKS to the URL server.sh printed (or keep its output in ads-service/target/bench-server.log)"; exit 1; }
	# one viewer sends hundreds of requests a second here: the per-user limit is raised, not switched
	# off, so its cost stays in the measurement
	INSTACLONE_GATEWAY_RATE_LIMIT_API=100000000 \
	SERVER_PORT=18080 ADS_SERVICE_URL=$DIRECT FOLLOW_SERVICE_URL=http://127.0.0.1:1 UPLOAD_SERVICE_URL=http://127.0.0.1:1 \
		INTEGRATIONS_SERVICE_URL=http://127.0.0.1:1 METRICS_SERVICE_URL=http://127.0.0.1:1 \
		INSTACLONE_SECURITY_JWKS_URI=$JWKS INSTACLONE_SECURITY_ISSUER=http://instaclone.test \
		"$JAVA" -Xmx256m ${GATEWAY_OPTS:-} -jar gateway/target/gateway.jar > ads-service/target/bench-gateway.log 2>&1 &
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
	wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_}s" --latency -s "$WORK/bench.lua" "$2" | grep -E "Non-2xx|p50|Socket errors" || true
	echo "== $1: uptime: $(uptime)"
	echo "== $1: open model, $RATE req/s for ${SECONDS_} s (OpenLoad, after a 10 s warm-up at the same rate)"
	open_load "$2" 10
	echo "== $1: uptime: $(uptime)"
done
