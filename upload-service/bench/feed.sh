#!/usr/bin/env bash
# Home-feed benchmark (docs/performance.md, "Home feed"). One command: builds, starts FeedBenchServer
# (upload-service + embedded PostgreSQL 17 + KRaft broker, seeded with 10k users / 200k posts) on
# :18082 and the gateway jar on :18080 in front of it, both on JDK 25 when present, then sends
# GET /api/feed?limit=20 open-loop (OpenLoad, its own JVM) directly and through the gateway for three
# viewer sets: one following 10 accounts, one following 2,000 (both + 5 celebrities), 1,000 random
# users. Prints latency percentiles and the CPU each process used per request, then the freshness
# check (FreshnessCheck: how soon a new post is in followers' feeds). Only ever sends traffic
# to 127.0.0.1; stops everything it started on exit.
#
# Usage, from the repository root:  upload-service/bench/feed.sh [rate=300] [seconds=30]
# Env: WARMUP (seconds at the same rate before each target, default 30), TARGETS ("direct gateway"; each
#      gateway target starts its own gateway JVM; "gateway=<jar>" runs another gateway jar, e.g. a copy of the
#      one before a change: TARGETS="direct gateway=/tmp/before.jar gateway gateway=/tmp/before.jar gateway";
#      "gateway=<jar>,<jvm option>,..." adds JVM options for that gateway only),
#      JFR=1 (profiles of the service and the gateway in upload-service/target/*.jfr), GATEWAY_OPTS,
#      SERVER_OPTS (extra JVM flags), SKIP_BUILD=1, VIEWERS ("light heavy viewers": which open-model runs),
#      WRK_CONNECTIONS (e.g. 32: after the open-model runs, the highest throughput of each target with wrk,
#      closed loop, that many connections, the 1,000 random viewers' tokens, WRK_SECONDS long, default 20;
#      unset: no wrk run), WRK_ROUNDS (that many wrk runs in a row per target, each printed, default 1: the
#      first doubles as a warm-up at saturation), FRESHNESS=0 (skip the freshness check)
set -euo pipefail
cd "$(dirname "$0")/../.."
RATE=${1:-300}
SECONDS_=${2:-30}
WARMUP=${WARMUP:-30}
TARGETS=${TARGETS:-direct gateway}
VIEWERS=${VIEWERS:-light heavy viewers}
JAVA=java
[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
if [ "${SKIP_BUILD:-0}" != 1 ]; then
	modules=upload-service
	[[ " $TARGETS " == *" gateway"* ]] && modules=upload-service,gateway
	./mvnw -o -q -pl $modules -am install -DskipTests -Dinstaclone.cds.skip
	./mvnw -o -q -pl upload-service test-compile dependency:build-classpath \
		-Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
fi
T=upload-service/target
CP="$T/test-classes:$T/classes:$(cat $T/bench-classpath.txt)"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

ROOT=$PWD
jfr() { [ "${JFR:-0}" = 1 ] && echo "-XX:StartFlightRecording=filename=$ROOT/$T/$1.jfr,settings=profile,dumponexit=true" || true; }

# CPU ticks (1/100 s) used so far by processes and all their descendants
descendants() { local c; for c in $(pgrep -P "$1" 2>/dev/null); do echo "$c"; descendants "$c"; done; }
ticks() {
	local sum=0 p
	for p in "$@" $(for r in "$@"; do descendants "$r"; done); do
		[ -r /proc/$p/stat ] && sum=$((sum + $(awk '{print $14 + $15}' /proc/$p/stat 2>/dev/null || echo 0)))
	done
	echo $sum
}

(cd upload-service && exec "$JAVA" -Xmx512m -XX:FlightRecorderOptions:stackdepth=256 $(jfr feed-service) ${SERVER_OPTS:-} \
	-cp "$(echo "$CP" | sed "s#$T/#target/#g")" org.instaclone.upload.bench.FeedBenchServer) > $T/bench-feed-server.log 2>&1 &
SERVER=$!
PIDS+=($SERVER)
echo "== seeding (upload-service/target/bench-feed-server.log)"
until grep -q "BENCH READY" $T/bench-feed-server.log; do
	kill -0 $SERVER 2>/dev/null || { tail -50 $T/bench-feed-server.log; exit 1; }
	sleep 2
done
grep -E "seeded|follows" $T/bench-feed-server.log
JWKS=$(grep -o 'BENCH JWKS [^ ]*' $T/bench-feed-server.log | cut -d' ' -f3)
# the embedded PostgreSQL's postmaster is not the JVM's child (pg_ctl daemonises it): find it by port
PG_PORT=$(grep -o 'BENCH POSTGRES jdbc:postgresql://[^/]*' $T/bench-feed-server.log | sed 's/.*://')
POSTMASTER=$(pgrep -f "bin/postgres .*-p $PG_PORT( |$)" | head -1)

GW_PID=""
start_gateway() { # jar: the gateway on :18080 in front of the service
	# one viewer sends hundreds of requests a second here: the per-user limit is raised, not switched
	# off, so its cost stays in the measurement
	INSTACLONE_GATEWAY_RATE_LIMIT_API=100000000 \
	SERVER_PORT=18080 UPLOAD_SERVICE_URL=http://127.0.0.1:18082 FOLLOW_SERVICE_URL=http://127.0.0.1:1 ADS_SERVICE_URL=http://127.0.0.1:1 \
		INTEGRATIONS_SERVICE_URL=http://127.0.0.1:1 METRICS_SERVICE_URL=http://127.0.0.1:1 \
		INSTACLONE_SECURITY_JWKS_URI=$JWKS INSTACLONE_SECURITY_ISSUER=http://instaclone.test \
		"$JAVA" -Xmx256m $(jfr feed-gateway) ${GATEWAY_OPTS:-} ${GATEWAY_EXTRA:-} -jar "$1" > $T/bench-feed-gateway.log 2>&1 &
	GW_PID=$!
	PIDS+=($GW_PID)
	until curl -sf -o /dev/null http://127.0.0.1:18080/actuator/health/readiness; do
		kill -0 $GW_PID 2>/dev/null || { tail -30 $T/bench-feed-gateway.log; exit 1; }
		sleep 1
	done
}
stop_gateway() {
	if [ -n "$GW_PID" ]; then
		kill $GW_PID
		wait $GW_PID 2>/dev/null || true
		GW_PID=""
	fi
}

open_load() { # base tokens seconds warm-up
	"$JAVA" -cp "$CP" org.instaclone.testsupport.bench.OpenLoad "$1" "/api/feed?limit=20" "$RATE" "$3" "$2" "$4"
}

echo "== machine: $(nproc) cores, $(uname -r), $("$JAVA" -version 2>&1 | head -1), $(uptime)"
for target in $TARGETS; do
	base=http://127.0.0.1:18082
	if [[ $target == gateway* ]]; then
		# "gateway" is this checkout's jar; "gateway=<jar>" another one (before/after runs, interleaved)
		jar=gateway/target/gateway.jar
		[[ $target == gateway=* ]] && jar=${target#gateway=}
		# "gateway=<jar>,<jvm option>,...": extra JVM options for that gateway only
		IFS=, read -ra words <<< "$jar"
		jar=${words[0]}
		GATEWAY_EXTRA="${words[*]:1}"
		start_gateway "$jar"
		base=http://127.0.0.1:18080
		label=$target
		target=gateway
		[ "$label" != gateway ] && target="gateway (${label#gateway=})"
	fi
	echo "== $target: warm-up ${WARMUP} s at $RATE req/s (random viewers)"
	open_load $base $T/bench-feed-viewers.txt "$WARMUP" 0 > /dev/null
	for viewers in $VIEWERS; do
		s0=$(ticks $SERVER); p0=$(ticks $POSTMASTER); g0=0; [ -n "$GW_PID" ] && g0=$(ticks $GW_PID)
		echo "== $target, $viewers: $(uptime | sed 's/.*load/load/')"
		# 10 s at the same rate first, in the same generator JVM: a fresh JVM's own JIT warm-up would
		# otherwise show up as the service's latency (measured from each request's scheduled start)
		open_load $base $T/bench-feed-$viewers.txt "$SECONDS_" 10
		s1=$(ticks $SERVER); p1=$(ticks $POSTMASTER); g1=0; [ -n "$GW_PID" ] && g1=$(ticks $GW_PID)
		# CPU over the whole call (in-process warm-up + measured run, both at the same rate): per request
		requests=$((RATE * (SECONDS_ + 10)))
		awk -v s=$((s1 - s0)) -v p=$((p1 - p0)) -v g=$((g1 - g0)) -v n=$requests -v t="$target" 'BEGIN {
			printf "  CPU per request: service JVM %.2f ms, its PostgreSQL %.2f ms", s * 10 / n, p * 10 / n
			if (t ~ /^gateway/) printf ", gateway %.2f ms", g * 10 / n
			printf "\n" }'
	done
	if [ -n "${WRK_CONNECTIONS:-}" ]; then
		# closed loop: the most this path serves; CPU per request over the run
		{ echo "tokens = {"; sed 's/.*/  "&",/' $T/bench-feed-viewers.txt; echo "}"
			echo 'request = function() return wrk.format("GET", "/api/feed?limit=20", { ["Authorization"] = "Bearer " .. tokens[math.random(#tokens)] }) end'
			cat gateway/bench/results.lua; } > $T/bench-feed-wrk.lua
		for round in $(seq "${WRK_ROUNDS:-1}"); do
			s0=$(ticks $SERVER); p0=$(ticks $POSTMASTER); g0=0; [ -n "$GW_PID" ] && g0=$(ticks $GW_PID)
			echo "== $target: wrk -t2 -c$WRK_CONNECTIONS -d${WRK_SECONDS:-20}s (closed loop, random viewers): $(uptime | sed 's/.*load/load/')"
			out=$(wrk -t2 -c"$WRK_CONNECTIONS" -d"${WRK_SECONDS:-20}s" -s $T/bench-feed-wrk.lua "$base" | grep RESULT)
			s1=$(ticks $SERVER); p1=$(ticks $POSTMASTER); g1=0; [ -n "$GW_PID" ] && g1=$(ticks $GW_PID)
			requests=$(echo "$out" | sed 's/.*requests=\([0-9]*\).*/\1/')
			echo "  $out"
			awk -v s=$((s1 - s0)) -v p=$((p1 - p0)) -v g=$((g1 - g0)) -v n=$requests -v t="$target" 'BEGIN {
				printf "  CPU per request: service JVM %.2f ms, its PostgreSQL %.2f ms", s * 10 / n, p * 10 / n
				if (t ~ /^gateway/) printf ", gateway %.2f ms", g * 10 / n
				printf "\n" }'
		done
	fi
	if [ "${FRESHNESS:-1}" != 0 ]; then
		echo "== $target: freshness, 5 posts each by an author with 4,999 followers and by a celebrity (FreshnessCheck)"
		(cd upload-service && "$JAVA" -cp "$(echo "$CP" | sed "s#$T/#target/#g")" org.instaclone.upload.bench.FreshnessCheck $base 5 50)
	fi
	stop_gateway
done
echo "== done: $(uptime | sed 's/.*load/load/')"
