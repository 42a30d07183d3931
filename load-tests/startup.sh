#!/usr/bin/env bash
# Start-up time and idle memory of each service JVM, measured alone (issue 10; docs/performance.md,
# "Benchmark"). Starts the local system (java -jar local-runner/target/local-runner.jar --jvm=benchmark)
# so PostgreSQL and Kafka are up and every service's database exists, reads each service's environment
# and command line from /proc, stops all six through the runner's control command, and then starts
# each service by itself, RUNS times per configuration, with exactly that environment and the
# benchmark profile's flags, timing from the fork to the first 200 of /actuator/health/readiness
# (polled every 100 ms). After each start it waits IDLE seconds and reads the RSS, then stops the JVM.
#
# Usage: load-tests/startup.sh CONFIG...   CONFIG: 17 | 25 | 25-aot
#   17, 25    the extracted jar on that JDK, no application class archive (the JDK's own CDS only)
#   BASE+NAME a variant of 17, 25 or 25-aot with EXTRA_FLAGS appended and EXTRA_ENV (e.g.
#             MALLOC_ARENA_MAX=2) added to the environment, reported in a column of its own
#   25-aot    JDK 25 with an AOT cache (JEP 483/514) from a training run of its own: the service starts
#             against the real PostgreSQL and Kafka with -XX:AOTCacheOutput, waits until ready, serves a
#             few requests and is stopped (SIGTERM); the JVM writes the cache as it exits
# Env: RESULTS (default load-tests/target/benchmark), DATA_DIR (a folder for the system; default
#      $RESULTS/startup-data, a fresh system), RUNS=3, IDLE=4 (seconds), SERVICES="gateway follow-service ...",
#      JAVA17 (default: java), JAVA25 (default /usr/lib/jvm/temurin-25-jdk-amd64/bin/java)
# Writes $RESULTS/startup.tsv lines: service config run seconds-to-ready cpu-seconds rss-mib, replacing
# the lines of the configurations it measured. The jars are extracted once into $RESULTS/startup-jars/
# (delete it to measure a new build), so all configurations measure the same code.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
[ $# -gt 0 ] || { sed -n '2,23p' "$0"; exit 2; }
RESULTS=${RESULTS:-$ROOT/load-tests/target/benchmark}
mkdir -p "$RESULTS"
RESULTS=$(cd "$RESULTS" && pwd)
DATA_DIR=${DATA_DIR:-$RESULTS/startup-data}
mkdir -p "$DATA_DIR"
DATA_DIR=$(cd "$DATA_DIR" && pwd)
RUNS=${RUNS:-3}
IDLE=${IDLE:-4}
SERVICES=${SERVICES:-gateway follow-service upload-service ads-service integrations-service metrics-service}
JAVA17=${JAVA17:-$(command -v java)}
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
JARS=$RESULTS/startup-jars
WORK=$RESULTS/startup-work
mkdir -p "$JARS" "$WORK"
declare -A PORT=([gateway]=8080 [follow-service]=8081 [upload-service]=8082 [ads-service]=8083
	[integrations-service]=8084 [metrics-service]=8085)

for port in 8080 8081 8082 8083 8084 8085 8182 15432 19092 19093; do
	if ss -ltn | grep -q ":$port "; then echo "port $port is in use; stop what runs there first" >&2; exit 1; fi
done

# the same code for every configuration: each fat jar extracted once (Spring Boot's jarmode=tools), so
# the classes come from plain jars on the class path, which is what CDS and the AOT cache can map
for m in $SERVICES; do
	if [ ! -f "$JARS/$m/$m.jar" ]; then
		rm -rf "$JARS/$m"
		"$JAVA17" -Djarmode=tools -jar "$m/target/$m.jar" extract --destination "$JARS/$m" >/dev/null
		sha256sum "$m/target/$m.jar" > "$JARS/$m/source.sha256"
	fi
done

RUNNER=""
CHILD=""
cleanup() {
	if [ -n "$CHILD" ] && kill -0 "$CHILD" 2>/dev/null; then kill -TERM "$CHILD"; wait "$CHILD" 2>/dev/null || true; fi
	if [ -n "$RUNNER" ] && kill -0 "$RUNNER" 2>/dev/null; then
		kill -TERM "$RUNNER" 2>/dev/null || true
		for _ in $(seq 1 120); do kill -0 "$RUNNER" 2>/dev/null || break; sleep 1; done
	fi
	left=$(pgrep -f -- "$DATA_DIR" || true)
	[ -z "$left" ] || echo "WARNING: processes of $DATA_DIR still running: $left"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# the services' environments and flags are read once from the runner's processes; later invocations on the
# same data folder start PostgreSQL, Kafka and the gateway only (the runner needs one service) and reuse them
KNOWN=1
for m in $SERVICES; do [ -f "$WORK/$m.env" ] && [ -f "$WORK/$m.flags" ] || KNOWN=0; done
ONLY=""
[ "$KNOWN" = 1 ] && ONLY=--only=gateway
echo "== $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg): starting the local system (--jvm=benchmark $ONLY) in $DATA_DIR"
: > "$DATA_DIR/runner.out"
"$JAVA17" -jar local-runner/target/local-runner.jar --data-dir="$DATA_DIR" --jvm=benchmark $ONLY >> "$DATA_DIR/runner.out" 2>&1 &
RUNNER=$!
started=$(date +%s)
until grep -q "Instaclone is ready" "$DATA_DIR/runner.out"; do
	kill -0 "$RUNNER" 2>/dev/null || { tail -30 "$DATA_DIR/runner.out"; exit 1; }
	(( $(date +%s) - started < 330 )) || { tail -30 "$DATA_DIR/runner.out"; echo "not ready after 330 s" >&2; exit 1; }
	sleep 1
done
control() { "$JAVA17" -XX:TieredStopAtLevel=1 -jar local-runner/target/local-runner.jar --data-dir="$DATA_DIR" "$@" | grep -vE '^\s*$' | tail -2; }

# each service's environment and flags as the runner starts it, then all six stopped
declare -A FLAGS
for m in $SERVICES; do
	if [ "$KNOWN" = 0 ]; then
		pid=$(pgrep -P "$RUNNER" -f -- "-jar .*/$m.jar" | head -1)
		tr '\0' '\n' < "/proc/$pid/environ" > "$WORK/$m.env"
		# the flags between the java binary and -jar, minus the runner's CDS archive
		tr '\0' '\n' < "/proc/$pid/cmdline" | sed -n '2,$p' | sed '/^-jar$/,$d' | grep -v -- '-XX:SharedArchiveFile\|-XX:ArchiveClassesAtExit' | tr '\n' ' ' > "$WORK/$m.flags"
	fi
	FLAGS[$m]=$(cat "$WORK/$m.flags")
done
if [ "$KNOWN" = 0 ]; then
	for m in $SERVICES; do control stop "$m"; done
else
	control stop gateway
fi
sleep 3

# starts one service JVM by itself (pid in CHILD); writes "seconds-to-ready cpu-seconds rss-mib" to $WORK/result
measure() { # module java extra-flags...
	local m=$1 java=$2; shift 2
	local port=${PORT[$m]} log="$WORK/$m.log" t0 t1 ticks rss environment
	mapfile -t environment < "$WORK/$m.env"
	t0=$(date +%s.%N)
	env -i "${environment[@]}" ${VARIANT_ENV:-} "$java" ${FLAGS[$m]} "$@" ${VARIANT_FLAGS:-} -jar "$JARS/$m/$m.jar" > "$log" 2>&1 &
	CHILD=$!
	until [ "$(curl -s -o /dev/null -m 1 -w '%{http_code}' "http://localhost:$port/actuator/health/readiness")" = 200 ]; do
		kill -0 "$CHILD" 2>/dev/null || { tail -20 "$log" >&2; echo "$m exited during start-up" >&2; return 1; }
		sleep 0.1
	done
	t1=$(date +%s.%N)
	ticks=$(awk '{print $14 + $15}' "/proc/$CHILD/stat")
	sleep "$IDLE"
	rss=$(ps -o rss= -p "$CHILD")
	echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }') $(awk -v t="$ticks" 'BEGIN { printf "%.2f", t / 100 }') $((rss / 1024))" > "$WORK/result"
}
stop_child() {
	kill -TERM "$CHILD" 2>/dev/null || true
	for _ in $(seq 1 180); do kill -0 "$CHILD" 2>/dev/null || break; sleep 0.5; done
	kill -0 "$CHILD" 2>/dev/null && kill -KILL "$CHILD"
	wait "$CHILD" 2>/dev/null || true
	CHILD=""
}
# a few requests a client would send, for the training run (public endpoints and the actuator)
exercise() {
	local port=$1 path
	for path in /actuator/health /actuator/health/readiness /actuator/prometheus /v3/api-docs /api/feed \
		/api/ads/placements?slots=2 /api/users/nobody /api/accounts/sign-in; do
		for _ in 1 2 3; do curl -s -o /dev/null -m 5 "http://localhost:$port$path" || true; done
	done
}

TSV=$RESULTS/startup.tsv
touch "$TSV"
for config in "$@"; do
	base=${config%%+*}
	VARIANT_FLAGS=""; VARIANT_ENV=""
	[ "$base" = "$config" ] || { VARIANT_FLAGS=${EXTRA_FLAGS:-}; VARIANT_ENV=${EXTRA_ENV:-}; }
	case "$base" in 17) java=$JAVA17 ;; 25|25-aot) java=$JAVA25 ;; *) echo "unknown config $config" >&2; exit 2 ;; esac
	grep -v -F "$(printf '\t%s\t' "$config")" "$TSV" > "$TSV.tmp" || true
	mv "$TSV.tmp" "$TSV"
	echo "== $config: $("$java" -version 2>&1 | head -1); load $(cut -d' ' -f1-3 /proc/loadavg)"
	for m in $SERVICES; do
		extra=()
		if [ "$base" = 25-aot ]; then
			cache="$JARS/$m/app-25.aot"
			if [ ! -f "$cache" ]; then
				t=$(date +%s)
				measure "$m" "$java" -XX:AOTCacheOutput="$cache"
				exercise "${PORT[$m]}"
				stop_child
				[ -f "$cache" ] || { tail -20 "$WORK/$m.log"; echo "no AOT cache written for $m" >&2; exit 1; }
				echo "   $m: training run and cache in $(( $(date +%s) - t )) s, $(( $(stat -c %s "$cache") >> 20 )) MiB"
			fi
			extra=(-XX:AOTCache="$cache")
		fi
		for run in $(seq 1 "$RUNS"); do
			measure "$m" "$java" "${extra[@]}"
			stop_child
			printf '%s\t%s\t%s\t%s\n' "$m" "$config" "$run" "$(cat "$WORK/result")" | tr ' ' '\t' | tee -a "$TSV"
		done
	done
	echo "== $config done; load $(cut -d' ' -f1-3 /proc/loadavg)"
done
