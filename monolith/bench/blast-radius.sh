#!/usr/bin/env bash
# Blast radius (issue 11): the same fault in one module, injected in each deployment shape, and what
# the user sees. docs/monolith.md, "Blast radius".
#
# Interface (monolith/bench/compare.sh calls this; keep it stable):
#   monolith/bench/blast-radius.sh [--only=SHAPE:FAULT[,SHAPE:FAULT...]] [--report-only]
#   env RESULTS=monolith/target/compare   where everything goes (relative to the repository)
#       SHAPES="microservices monolith"   which deployments
#       FAULTS="throwing slowed memory threads"   which faults; a no-fault baseline row ("none") per
#                                          shape is run first unless BASELINE=0
#       SKIP_BUILD=1                       use the jars as built (else: ./mvnw -o -q -DskipTests install)
#       BLAST_SECONDS=60                   measured seconds per step
#       LOCK=/tmp/instaclone-cpu.lock      if set, each step runs under `flock $LOCK` (30 s pause between
#                                          steps); unset (the default) when the caller holds the lock
#       MONOLITH_JAVA_OPTS                 the monolith's JVM flags (default below: the runner's service
#                                          flags with the five services' heaps summed, 928 MB)
#   writes $RESULTS/blast-radius.md        the markdown fragment: one table per fault, a row per shape,
#                                          a column per user action (made from whatever steps exist)
#          $RESULTS/blast-radius/<shape>-<fault>/   raw data per step: requests.csv (every request),
#                                          events.txt (processes that died / were ready again, epoch ms),
#                                          step.properties, window.properties, logs
#   exit code: non-zero only if the harness failed (build, start-up, seeding, a port in use), never
#   because a shape suffered under its fault.
#   --only=monolith:threads runs that one step (plus the report), e.g. one step per flock hold; "none"
#   is the baseline fault. --report-only rewrites blast-radius.md from the raw data.
#
# A step: start the shape on :8080 (microservices: local-runner, through the gateway; monolith:
# java -jar monolith/target/monolith.jar), fresh data folder, the fault switched on at start-up for
# ads-service's placements only (INSTACLONE_FAULT_INJECTION_PATH_PREFIX=/api/ads/placements: in the
# monolith that prefix only ever reaches the ads module), seed 20 users and two campaigns, run the
# open-model mix (org.instaclone.loadtests.blast.BlastLoad) for BLAST_SECONDS while a watcher restarts
# any process that dies (as Kubernetes would) and records when it died and was ready again, then stop
# everything. One step takes about 2 minutes; only localhost is ever contacted.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
RESULTS=${RESULTS:-monolith/target/compare}
SHAPES=${SHAPES:-"microservices monolith"}
FAULTS=${FAULTS:-"throwing slowed memory threads"}
SECONDS_PER_STEP=${BLAST_SECONDS:-60}
MONOLITH_JAVA_OPTS=${MONOLITH_JAVA_OPTS:-"-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -Xms32m -Xmx928m -XX:ReservedCodeCacheSize=64m -XX:MaxDirectMemorySize=64m -XX:+ExitOnOutOfMemoryError"}
ONLY=""
REPORT_ONLY=0
for arg in "$@"; do
	case "$arg" in
		--only=*) ONLY=${arg#--only=} ;;
		--report-only) REPORT_ONLY=1 ;;
		*) echo "usage: $0 [--only=SHAPE:FAULT,...] [--report-only]" >&2; exit 2 ;;
	esac
done
mkdir -p "$RESULTS/blast-radius"
RESULTS=$(cd "$RESULTS" && pwd)

# the faulted requests: ads-service's placements, in either shape
FAULT_PREFIX=/api/ads/placements
fault_env() { # the environment variables of a fault, one NAME=value a line
	[ "$1" = none ] && return 0
	echo "INSTACLONE_FAULT_INJECTION_ENABLED=true"
	echo "INSTACLONE_FAULT_INJECTION_PATH_PREFIX=$FAULT_PREFIX"
	case "$1" in
		throwing) echo "INSTACLONE_FAULT_INJECTION_ERROR_FRACTION=1.0" ;;
		slowed) echo "INSTACLONE_FAULT_INJECTION_LATENCY=800ms" ;;
		memory) echo "INSTACLONE_FAULT_INJECTION_MEMORY_LEAK=2MB" ;;
		threads) echo "INSTACLONE_FAULT_INJECTION_HANG=30s" ;;
		*) echo "unknown fault '$1' (none throwing slowed memory threads)" >&2; return 1 ;;
	esac
}
fault_text() { # what the report says was injected
	case "$1" in
		none) echo "" ;;
		throwing) echo "every placement answered 503 \`injected-fault\` (\`INSTACLONE_FAULT_INJECTION_ERROR_FRACTION=1.0\`)" ;;
		slowed) echo "every placement held 800 ms before it is handled (\`INSTACLONE_FAULT_INJECTION_LATENCY=800ms\`)" ;;
		memory) echo "every placement leaves 2 MB of heap behind (\`INSTACLONE_FAULT_INJECTION_MEMORY_LEAK=2MB\`); heaps: ads-service 160 MB, the monolith 928 MB, both \`-XX:+ExitOnOutOfMemoryError\`" ;;
		threads) echo "every placement holds its request thread 30 s, then 503 (\`INSTACLONE_FAULT_INJECTION_HANG=30s\`), like a call to a hung dependency; Tomcat's 200 platform threads (JDK 17) per process" ;;
	esac
}

report() {
	java -cp "$CP" org.instaclone.loadtests.blast.BlastRadiusReport "$RESULTS"
}

CP=""
prepare() {
	if [ "${SKIP_BUILD:-0}" != 1 ]; then
		echo "== building (./mvnw -o -q -DskipTests install)"
		./mvnw -o -q -DskipTests install
	fi
	if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f load-tests/target/classpath.txt ] ||
		[ ! -f load-tests/target/classes/org/instaclone/loadtests/blast/BlastLoad.class ]; then
		./mvnw -o -q -pl load-tests compile dependency:build-classpath \
			-Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
	fi
	CP="$ROOT/load-tests/target/classes:$(cat load-tests/target/classpath.txt)"
	for jar in local-runner/target/local-runner.jar monolith/target/monolith.jar; do
		[ -f "$jar" ] || { echo "$jar is missing: build first (or unset SKIP_BUILD)" >&2; exit 1; }
	done
}

now_ms() { date +%s%3N; }

ports_free() {
	local port
	for port in 8080 8081 8082 8083 8084 8085 8182 15432 15433 19092 19093; do
		if ss -ltn | grep -q ":$port "; then
			echo "port $port is in use: another Instaclone (or something else) is running; stop it first" >&2
			return 1
		fi
	done
}

# ---- one step, in a subshell: its own environment, its processes stopped whatever happens ----
run_step() (
	local shape=$1 fault=$2
	local step="$RESULTS/blast-radius/$shape-$fault"
	rm -rf "$step" && mkdir -p "$step"
	local data
	data=$(mktemp -d /tmp/instaclone-blast.XXXXXX) # short: the runner's control socket lives in it
	local env_lines
	env_lines=$(fault_env "$fault")
	while IFS= read -r line; do [ -n "$line" ] && export "${line?}"; done <<< "$env_lines"
	# the gateway's limits raised for this run only (all requests come from 127.0.0.1), as load-tests/run.sh
	export INSTACLONE_GATEWAY_RATE_LIMIT_API=100000000 INSTACLONE_GATEWAY_RATE_LIMIT_SIGN_IN=100000000 \
		INSTACLONE_GATEWAY_RATE_LIMIT_SIGN_UP=100000000 INSTACLONE_GATEWAY_RATE_LIMIT_UPLOADS=100000000 \
		INSTACLONE_GATEWAY_RATE_LIMIT_FOLLOWS=100000000
	: > "$step/events.txt"
	{
		echo "shape=$shape"
		echo "fault=$fault"
		echo "injected=$(fault_text "$fault")"
		echo "date=$(date -u +%FT%H:%MZ)"
		echo "load_before=$(cut -d' ' -f1-3 /proc/loadavg)"
		echo "java=$(java -version 2>&1 | head -1)"
		echo "fault_env=$(echo "$env_lines" | tr '\n' ' ')"
	} > "$step/step.properties"
	echo "== $shape / $fault: $(fault_text "$fault" | cut -c1-90) (load $(cut -d' ' -f1-3 /proc/loadavg))"

	local runner="" mono="" mono_life=1 mono_restarting=0 restarting="" restart_name=""
	postgres_orphan() { # the monolith's embedded PostgreSQL, when a hard exit of the JVM left it running
		local pidfile="$data/monolith/postgres/postmaster.pid" pid
		[ -f "$pidfile" ] || return 0
		pid=$(head -1 "$pidfile")
		if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q "$data"; then
			echo "$pid"
		fi
	}
	stop_orphan() {
		local pid
		pid=$(postgres_orphan)
		[ -n "$pid" ] || return 0
		kill -INT "$pid" 2>/dev/null || true # fast shutdown
		for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
		kill -KILL "$pid" 2>/dev/null || true
	}
	start_monolith() {
		local log="$step/monolith-$mono_life.log"
		SERVER_PORT=8080 INSTACLONE_MONOLITH_DATA="$data/monolith" \
			java $MONOLITH_JAVA_OPTS -jar "$ROOT/monolith/target/monolith.jar" > "$log" 2>&1 &
		mono=$!
	}
	cleanup() {
		if [ -n "$restarting" ] && kill -0 "$restarting" 2>/dev/null; then wait "$restarting" 2>/dev/null || true; fi
		if [ -n "$runner" ] && kill -0 "$runner" 2>/dev/null; then
			kill -TERM "$runner" 2>/dev/null || true
			for _ in $(seq 1 120); do kill -0 "$runner" 2>/dev/null || break; sleep 1; done
		fi
		if [ -n "$mono" ] && kill -0 "$mono" 2>/dev/null; then
			kill -TERM "$mono" 2>/dev/null || true
			for _ in $(seq 1 90); do kill -0 "$mono" 2>/dev/null || break; sleep 1; done
		fi
		stop_orphan
		local left
		left=$(pgrep -f -- "$data" || true)
		if [ -n "$left" ]; then
			echo "   stopping what is left of this step's processes: $left"
			kill -TERM $left 2>/dev/null || true
			sleep 3
			left=$(pgrep -f -- "$data" || true)
			[ -z "$left" ] || kill -KILL $left 2>/dev/null || true
		fi
		[ -d "$data/logs" ] && cp "$data/logs/"*.log "$step/" 2>/dev/null || true
		rm -rf "$data"
	}
	trap cleanup EXIT
	trap 'exit 130' INT TERM

	ports_free
	local started ready_line log
	started=$(date +%s)
	if [ "$shape" = microservices ]; then
		log="$step/runner.out"
		java -jar "$ROOT/local-runner/target/local-runner.jar" --data-dir="$data" > "$log" 2>&1 &
		runner=$!
		ready_line="Instaclone is ready"
	else
		start_monolith
		log="$step/monolith-1.log"
		ready_line="Instaclone monolith ready"
	fi
	until grep -q "$ready_line" "$log"; do
		if { [ -n "$runner" ] && ! kill -0 "$runner" 2>/dev/null; } || { [ -n "$mono" ] && ! kill -0 "$mono" 2>/dev/null; }; then
			tail -30 "$log"; echo "$shape did not start" >&2; exit 1
		fi
		(( $(date +%s) - started < 300 )) || { tail -30 "$log"; echo "$shape not ready after 300 s" >&2; exit 1; }
		sleep 1
	done
	echo "   ready after $(( $(date +%s) - started )) s; seeding and then ${SECONDS_PER_STEP} s of load"

	java -Xmx256m -XX:+UseSerialGC -cp "$CP" org.instaclone.loadtests.blast.BlastLoad --base=http://localhost:8080 \
		--seconds="$SECONDS_PER_STEP" --out="$step" > "$step/load.out" 2>&1 &
	local load=$!
	# the watcher: a process that dies is recorded and restarted, as a supervisor (Kubernetes) would
	local warnings=0 seen deadline=0
	while :; do
		if [ "$shape" = microservices ]; then
			seen=$(grep -c "stopped unexpectedly" "$log" || true)
			while (( warnings < seen )); do
				warnings=$((warnings + 1))
				local line name detail
				line=$(grep "stopped unexpectedly" "$log" | sed -n "${warnings}p")
				name=$(echo "$line" | sed -E 's/^WARNING: ([a-z0-9-]+) stopped.*/\1/')
				detail=$(echo "$line" | grep -oE 'exit code [0-9]+' || true)
				grep -q "OutOfMemoryError" "$data/logs/${name%-[0-9]}.log" 2>/dev/null && detail="OutOfMemoryError, $detail"
				echo "$(now_ms) died $name $detail" >> "$step/events.txt"
				echo "   $name died ($detail); restarting it"
				if [ -z "$restarting" ]; then
					java -jar "$ROOT/local-runner/target/local-runner.jar" --data-dir="$data" start "$name" \
						> "$step/restart-$warnings.out" 2>&1 &
					restarting=$!
					restart_name=$name
				fi
			done
			if [ -n "$restarting" ] && ! kill -0 "$restarting" 2>/dev/null; then
				if wait "$restarting"; then
					echo "$(now_ms) ready $restart_name" >> "$step/events.txt"
				else
					echo "$(now_ms) restart-failed $restart_name" >> "$step/events.txt"
				fi
				restarting=""
			fi
		else
			if [ -n "$mono" ] && ! kill -0 "$mono" 2>/dev/null; then
				local code=0
				wait "$mono" || code=$?
				local detail="exit code $code"
				grep -q "OutOfMemoryError" "$step/monolith-$mono_life.log" && detail="OutOfMemoryError, $detail"
				echo "$(now_ms) died monolith $detail" >> "$step/events.txt"
				[ -n "$(postgres_orphan)" ] && echo "$(now_ms) note postgres outlived the JVM (stopped by the harness before the restart)" >> "$step/events.txt"
				echo "   the monolith died ($detail); restarting it"
				stop_orphan
				mono_life=$((mono_life + 1))
				start_monolith
				mono_restarting=1
			fi
			if (( mono_restarting )) && grep -q "$ready_line" "$step/monolith-$mono_life.log"; then
				echo "$(now_ms) ready monolith" >> "$step/events.txt"
				mono_restarting=0
			fi
		fi
		if ! kill -0 "$load" 2>/dev/null; then
			# the load is over; give a restart in progress up to 60 s more so its return is recorded
			(( deadline > 0 )) || deadline=$(( $(date +%s) + 60 ))
			[ -z "$restarting" ] && (( ! mono_restarting )) && break
			(( $(date +%s) < deadline )) || break
		fi
		sleep 0.5
	done
	local load_rc=0
	wait "$load" || load_rc=$?
	echo "load_after=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$step/step.properties"
	sed 's/^/   /' "$step/load.out" | tail -8
	if (( load_rc != 0 )); then
		echo "the load generator failed (exit $load_rc); see $step/load.out" >&2
		exit 1
	fi
)

steps=()
if [ -n "$ONLY" ]; then
	IFS=',' read -r -a steps <<< "$ONLY"
else
	for shape in $SHAPES; do
		[ "${BASELINE:-1}" = 1 ] && steps+=("$shape:none")
		for fault in $FAULTS; do steps+=("$shape:$fault"); done
	done
fi
for s in "${steps[@]}"; do
	case "${s%%:*}" in microservices|monolith) ;; *) echo "unknown shape in '$s' (microservices, monolith)" >&2; exit 2 ;; esac
	fault_env "${s#*:}" > /dev/null || exit 2
done

# with LOCK: the build and each step under the shared lock, released in between (fd 9 on the lock file)
[ -z "${LOCK:-}" ] || exec 9>>"$LOCK"
lock() { [ -z "${LOCK:-}" ] || flock 9; }
unlock() { [ -z "${LOCK:-}" ] || flock -u 9; }

lock
prepare
unlock
if [ "$REPORT_ONLY" != 1 ]; then
	first=1
	for s in "${steps[@]}"; do
		if [ -n "${LOCK:-}" ] && (( ! first )); then
			sleep 30 # let the others have the lock between steps
		fi
		lock
		run_step "${s%%:*}" "${s#*:}"
		unlock
		first=0
	done
fi
report
