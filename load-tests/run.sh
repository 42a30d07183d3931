#!/usr/bin/env bash
# The load generator's one command (issue 10; docs/performance.md, "Load generator (issue 10)").
# Builds, starts the local system (java -jar local-runner/target/local-runner.jar) in a data folder of
# its own with the gateway's rate limits raised for this run only (environment variables, which the
# runner passes on to every process; the defaults in gateway/src/main/resources/application.yml stay),
# waits for "Instaclone is ready", seeds it through the gateway (org.instaclone.loadtests.Seed),
# runs one Gatling simulation (warm-up, then the measured part, open-model arrivals), prints Gatling's
# per-endpoint table, the CPU and memory of every process and the load average, and stops the system.
# Only ever sends traffic to localhost. The HTML report lands in load-tests/target/gatling/.
#
# Usage, from anywhere:  load-tests/run.sh [instagram|deathstarbench] [rate=20] [seconds=60]
#   rate: sessions/s (instagram, ~5 requests each) or requests/s (deathstarbench)
# Env: WARMUP=30 (seconds at the same rate first, named "warm-up ..." in the report)
#      EDGES=../shared/data/social-graphs/socfb-Reed98/socfb-Reed98.edges (relative to the repository;
#            "none" to skip the real graph; the deathstarbench mix needs it)
#      POWER_LAW_USERS=1000 CELEBRITIES=5 (0 users: no generated graph)  POSTS_PER_USER=3 PHOTOS=500
#      CAMPAIGNS=10 SEED_CONCURRENCY=8 SIGN_IN_USERS=200
#      DATA_DIR (default load-tests/target/run-<time>; a fresh folder means a fresh system)
#      SKIP_BUILD=1 (use the jars as built), SKIP_SEED=1 (with an existing DATA_DIR that was seeded)
#      SEED_ONLY=1 (seed, stop; e.g. to make a seeded snapshot for load-tests/benchmark.sh)
#      RUNNER_OPTS (e.g. --replicas=upload-service=2 or --jvm=benchmark), RUNNER_JAVA (the java that runs
#      the runner and so every JVM; default java), RESULT_DIR (machine-readable results for
#      load-tests/benchmark.sh's report; default <data>/result-<run>), any other env var for the services
#      (e.g. FEED_CELEBRITY_THRESHOLD=500 so the generated celebrities are merged at read time)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
case "${1:-instagram}" in
	instagram) SIMULATION=org.instaclone.loadtests.simulation.InstagramMixSimulation ;;
	deathstarbench|dsb) SIMULATION=org.instaclone.loadtests.simulation.DeathStarBenchMixSimulation ;;
	*) echo "usage: $0 [instagram|deathstarbench] [rate] [seconds]" >&2; exit 2 ;;
esac
RATE=${2:-20}
DURATION=${3:-60}
WARMUP=${WARMUP:-30}
EDGES=${EDGES:-../shared/data/social-graphs/socfb-Reed98/socfb-Reed98.edges}
DATA_DIR=${DATA_DIR:-load-tests/target/run-$(date -u +%Y%m%d-%H%M%S)}
mkdir -p "$DATA_DIR"
DATA_DIR=$(cd "$DATA_DIR" && pwd)
RUN_ID=$(date -u +%Y%m%d-%H%M%S)-${1:-instagram}-$RATE
OUT=$DATA_DIR/summary-$RUN_ID.txt

for port in 8080 8081 8082 8083 8084 8085 8182 15432 19092 19093; do
	if ss -ltn | grep -q ":$port "; then
		echo "port $port is in use: another Instaclone (or something else) is running; stop it first" >&2
		exit 1
	fi
done

if [ "${SKIP_BUILD:-0}" != 1 ]; then
	echo "== building (./mvnw -q -DskipTests package, as the README)"
	./mvnw -q -DskipTests package
fi
[ -f load-tests/target/classpath.txt ] && [ "${SKIP_BUILD:-0}" = 1 ] ||
	./mvnw -o -q -pl load-tests test-compile dependency:build-classpath \
		-Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
CP="load-tests/target/classes:$(cat load-tests/target/classpath.txt)"

# the gateway's limits, raised for this run only: sign-up and sign-in are per IP (everything comes
# from 127.0.0.1 here), follows and uploads per user per hour, api per user per minute (and per IP for
# photos, which are fetched without a token); raised rather than switched off, so their cost stays in
# the measurement
export INSTACLONE_GATEWAY_RATE_LIMIT_API=100000000
export INSTACLONE_GATEWAY_RATE_LIMIT_SIGN_IN=100000000
export INSTACLONE_GATEWAY_RATE_LIMIT_SIGN_UP=100000000
export INSTACLONE_GATEWAY_RATE_LIMIT_UPLOADS=100000000
export INSTACLONE_GATEWAY_RATE_LIMIT_FOLLOWS=100000000

RUNNER=""
stop_system() {
	[ -n "$RUNNER" ] || return 0
	if kill -0 "$RUNNER" 2>/dev/null; then
		echo "== stopping the local system (SIGTERM to the runner, pid $RUNNER)"
		kill -TERM "$RUNNER" 2>/dev/null || true
		for _ in $(seq 1 180); do kill -0 "$RUNNER" 2>/dev/null || break; sleep 1; done
	fi
	left=$(pgrep -f -- "$DATA_DIR" || true)
	[ -z "$left" ] || echo "WARNING: processes of $DATA_DIR still running: $left (stop them by pid)"
	RUNNER=""
}
trap stop_system EXIT
trap 'exit 130' INT TERM

echo "== starting the local system in $DATA_DIR (log: $DATA_DIR/runner.out)"
started=$(date +%s.%N)
: > "$DATA_DIR/runner.out"
"${RUNNER_JAVA:-java}" -jar local-runner/target/local-runner.jar --data-dir="$DATA_DIR" ${RUNNER_OPTS:-} >> "$DATA_DIR/runner.out" 2>&1 &
RUNNER=$!
until grep -q "Instaclone is ready" "$DATA_DIR/runner.out"; do
	if ! kill -0 "$RUNNER" 2>/dev/null; then tail -40 "$DATA_DIR/runner.out"; echo "the runner stopped" >&2; exit 1; fi
	if (( $(date +%s) - ${started%.*} > 330 )); then tail -40 "$DATA_DIR/runner.out"; echo "not ready after 330 s" >&2; exit 1; fi
	sleep 1
done
echo "== ready after $(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }') s"

if [ "${SKIP_SEED:-0}" != 1 ]; then
	echo "== seeding through the gateway: $(uptime | sed 's/.*load/load/')"
	java -Xmx512m -cp "$CP" org.instaclone.loadtests.Seed --base=http://localhost:8080 --edges="$EDGES" \
		--power-law-users="${POWER_LAW_USERS:-1000}" --celebrities="${CELEBRITIES:-5}" \
		--posts-per-user="${POSTS_PER_USER:-3}" --photos="${PHOTOS:-500}" --campaigns="${CAMPAIGNS:-10}" \
		--concurrency="${SEED_CONCURRENCY:-8}" --out="$DATA_DIR/users.csv" | tee "$DATA_DIR/seed.out"
	# let the follow and post events reach upload-service's timelines before measuring
	sleep 10
fi
if [ "${SEED_ONLY:-0}" = 1 ]; then
	echo "== seeded (SEED_ONLY=1): $DATA_DIR"
	exit 0
fi

# processes of this system: "name pid" lines (the runner's children by their jar, PostgreSQL's postmaster)
processes() {
	local pid cmd name
	for pid in $(pgrep -P "$RUNNER"); do
		cmd=$(tr '\0' ' ' < /proc/$pid/cmdline 2>/dev/null || true)
		name=$(echo "$cmd" | grep -oE '(gateway|follow-service|upload-service|ads-service|integrations-service|metrics-service)' | head -1 || true)
		[[ "$cmd" == *kafka.Kafka* ]] && name=kafka
		[ -n "$name" ] && echo "$name $pid"
	done
	pid=$(pgrep -f "bin/postgres .*$DATA_DIR/postgres" | head -1 || true)
	[ -n "$pid" ] && echo "postgres $pid"
	return 0
}
descendants() { local c; for c in $(pgrep -P "$1" 2>/dev/null); do echo "$c"; descendants "$c"; done; }
ticks() { # CPU ticks (1/100 s) of a process and all its descendants (PostgreSQL's backends)
	local sum=0 p
	for p in "$1" $(descendants "$1"); do
		[ -r /proc/$p/stat ] && sum=$((sum + $(awk '{print $14 + $15}' /proc/$p/stat 2>/dev/null || echo 0)))
	done
	echo $sum
}
rss_kib() { local sum=0 p; for p in "$1" $(descendants "$1"); do sum=$((sum + $(ps -o rss= -p "$p" 2>/dev/null || echo 0))); done; echo $sum; }
snapshot() { # "name ticks" per process, then the whole machine's busy ticks
	local name pid
	while read -r name pid; do echo "$name $(ticks "$pid")"; done < <(processes)
	echo "machine $(awk '/^cpu / {print $2+$3+$4+$7+$8+$9}' /proc/stat)"
}

echo "== $1 mix at $RATE/s: ${WARMUP} s warm-up + ${DURATION} s measured; $(uptime | sed 's/.*load/load/')"
echo "   (Gatling's progress: $DATA_DIR/gatling-$RUN_ID.out)"
: > "$DATA_DIR/gatling-$RUN_ID.out"
# CPU of the measured part only: Gatling prints "Simulation ... started" once the users are signed in;
# the measured arrivals begin WARMUP s later
(
	until grep -q "Simulation .* started" "$DATA_DIR/gatling-$RUN_ID.out" 2>/dev/null; do sleep 0.2; done
	sleep "$WARMUP"
	cut -d' ' -f1-3 /proc/loadavg > "$DATA_DIR/load-before"
	snapshot > "$DATA_DIR/cpu-before"
	sleep "$DURATION"
	snapshot > "$DATA_DIR/cpu-after"
	cut -d' ' -f1-3 /proc/loadavg > "$DATA_DIR/load-after"
	# resident memory at the end of the measured part, i.e. under the load
	while read -r name pid; do echo "$name $(rss_kib "$pid")"; done < <(processes) > "$DATA_DIR/rss-after"
) &
SAMPLER=$!
./mvnw -o -pl load-tests gatling:test -Dgatling.simulationClass=$SIMULATION -Dload.base=http://localhost:8080 \
	-Dload.rate="$RATE" -Dload.warmup="$WARMUP" -Dload.duration="$DURATION" -Dload.users="$DATA_DIR/users.csv" \
	-Dload.sign-in-users="${SIGN_IN_USERS:-200}" 2>&1 | tee "$DATA_DIR/gatling-$RUN_ID.out" | grep -vE '^\[(INFO|WARNING)\]' | tail -32
wait "$SAMPLER" 2>/dev/null || true
REPORT=load-tests/target/gatling/$(tail -1 load-tests/target/gatling/lastRun.txt)

{
	echo "== $(date -u +%FT%TZ) $1 mix, $RATE/s, ${WARMUP} s warm-up + ${DURATION} s measured; $(nproc) cores, $(java -version 2>&1 | head -1)"
	echo "load average (1/5/15 min) when the measured part started: $(cat "$DATA_DIR/load-before" 2>/dev/null), when it ended: $(cat "$DATA_DIR/load-after" 2>/dev/null)"
	echo "report: $REPORT/index.html"
	java -cp "$CP" org.instaclone.loadtests.report.ReportSummary "$REPORT" "$WARMUP" "$DURATION"
	echo
	echo "CPU during the measured ${DURATION} s, and resident memory at the end (PostgreSQL: postmaster and"
	echo "backends summed, shared buffers counted in each):"
	echo "| process | CPU s | % of one core | RSS MiB |"
	echo "|---|---|---|---|"
	if [ -s "$DATA_DIR/cpu-after" ]; then
		while read -r name pid; do
			awk -v n="$name" -v r="$(rss_kib "$pid")" -v s="$DURATION" '
				FNR == NR { before[$1] = $2; next }
				$1 == n { t = $2 - before[n]; printf "| %s | %.1f | %.0f %% | %.0f |\n", n, t / 100, t / s, r / 1024 }' \
				"$DATA_DIR/cpu-before" "$DATA_DIR/cpu-after"
		done < <(processes)
		awk -v s="$DURATION" 'FNR == NR { before[$1] = $2; next }
			$1 != "machine" { all += $2 - before[$1] }
			$1 == "machine" { m = $2 - before[$1] }
			END { printf "| Instaclone (all of the above) | %.1f | %.0f %% | |\n", all / 100, all / s
				printf "| whole machine (%d cores): Instaclone, Gatling, Maven and anything else running | %.1f | %.0f %% | |\n", '"$(nproc)"', m / 100, m / s }' \
			"$DATA_DIR/cpu-before" "$DATA_DIR/cpu-after"
	else
		echo "(no CPU samples: the simulation did not start)"
	fi
} | tee "$OUT"
echo "== summary also in $OUT"

# machine-readable result for load-tests/benchmark.sh's report (BenchmarkReport)
RESULT=${RESULT_DIR:-$DATA_DIR/result-$RUN_ID}
mkdir -p "$RESULT"
cp "$REPORT/js/stats.js" "$RESULT/stats.js"
{
	echo "simulation=${1:-instagram}"
	echo "rate=$RATE"
	echo "warmup=$WARMUP"
	echo "duration=$DURATION"
	echo "started=$RUN_ID"
	echo "report=$REPORT"
	echo "loadBefore=$(cat "$DATA_DIR/load-before" 2>/dev/null)"
	echo "loadAfter=$(cat "$DATA_DIR/load-after" 2>/dev/null)"
	echo "runnerOptions=${RUNNER_OPTS:-}"
	echo "java=$("${RUNNER_JAVA:-java}" -version 2>&1 | head -1)"
	echo "machineCpuSeconds=$(awk 'FNR == NR { b[$1] = $2; next } $1 == "machine" { printf "%.1f", ($2 - b[$1]) / 100 }' "$DATA_DIR/cpu-before" "$DATA_DIR/cpu-after" 2>/dev/null)"
} > "$RESULT/run.properties"
# name, CPU seconds in the measured part, RSS MiB at its end
awk 'FILENAME ~ /rss-after$/ { rss[$1] = $2; next } FILENAME ~ /cpu-before$/ { before[$1] = $2; next }
	$1 != "machine" { printf "%s\t%.1f\t%.0f\n", $1, ($2 - before[$1]) / 100, rss[$1] / 1024 }' \
	"$DATA_DIR/rss-after" "$DATA_DIR/cpu-before" "$DATA_DIR/cpu-after" > "$RESULT/processes.tsv" 2>/dev/null || true
echo "== result for the benchmark report: $RESULT"
