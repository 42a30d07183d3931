#!/usr/bin/env bash
# The one comparison command of issue 11 (docs/monolith-vs-microservices.md): the same code deployed as
# six JVMs + PostgreSQL + Kafka (the local runner) and as one JVM + PostgreSQL (the monolith twin), measured
# on this machine: deployable artifacts and lines of configuration, start-up, the same Gatling workload at
# the same open-model rates on the same seeded data, the same injected faults, then the report.
# Only ever sends traffic to localhost.
#
# Usage: monolith/bench/compare.sh [--only=STEPS] [--rates=10,20,30]
#   STEPS, comma-separated, in this order (default: all):
#     build     ./mvnw -q -DskipTests package (as the README) and the load tests' class path (SKIP_BUILD=1: skip)
#     static    artifact sizes (jars, and their image layers from Spring Boot's layer index) and lines of
#               configuration and deployment descriptors per shape
#     seed      the monolith's copy of the microservices' seeded snapshot (load-tests/benchmark.sh's seed
#               step): the same rows, copied table by table from each service's database into that
#               service's schema of the monolith's one database; once, reused afterwards
#     startup   time to ready, RUNS=3 times each: the monolith (fresh data folder incl. initdb; existing data
#               folder; PostgreSQL already running) and the whole local system (fresh; existing data)
#     workload  the Instagram mix at each of --rates against each shape, on a fresh copy of the seeded data
#     faults    monolith/bench/blast-radius.sh (RESULTS, SHAPES, FAULTS, SKIP_BUILD passed on)
#     report    writes the generated section of docs/monolith-vs-microservices.md (CompareReport)
# Env: RESULTS (default monolith/target/compare; each step adds to it, so the steps can run in separate
#      invocations, e.g. each under the CPU lock), SHAPES="microservices monolith" (startup, workload, faults),
#      WARMUP=60, DURATION=60, RUNS=3, SEEDED (the microservices' snapshot, as load-tests/benchmark.sh:
#      load-tests/target/seeded/reed98-pl$POWER_LAW_USERS-p$POSTS_PER_USER-ph$PHOTOS-c$CAMPAIGNS),
#      MONOLITH_JVM (the monolith's flags, see below), RUNNER_FLAGS (the local runner's, default
#      "--jvm=benchmark --heap=fixed"), JAVA (default: java), SKIP_BUILD=1, and for the faults step
#      FAULTS, LOCK and BLAST_ARGS (e.g. --only=monolith:threads, or --report-only when its steps ran on their
#      own into the same RESULTS), passed on to blast-radius.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
ONLY=""
RATES=10,20,30
for arg in "$@"; do
	case "$arg" in
		--only=*) ONLY=${arg#--only=} ;;
		--rates=*) RATES=${arg#--rates=} ;;
		-h|--help) sed -n '2,28p' "$0"; exit 0 ;;
		*) echo "unknown argument $arg (see --help)" >&2; exit 2 ;;
	esac
done
[ -n "$ONLY" ] || ONLY=build,static,seed,startup,workload,faults,report
step() { [[ ",$ONLY," == *",$1,"* ]]; }
shape() { [[ " $SHAPES " == *" $1 "* ]]; }
SHAPES=${SHAPES:-microservices monolith}
export WARMUP=${WARMUP:-60}
DURATION=${DURATION:-60}
RUNS=${RUNS:-3}
JAVA=${JAVA:-java}
RESULTS=${RESULTS:-$ROOT/monolith/target/compare}
mkdir -p "$RESULTS"
RESULTS=$(cd "$RESULTS" && pwd)
export POWER_LAW_USERS=${POWER_LAW_USERS:-1000} POSTS_PER_USER=${POSTS_PER_USER:-3} PHOTOS=${PHOTOS:-60}
export CAMPAIGNS=${CAMPAIGNS:-10}
SEEDED=${SEEDED:-$ROOT/load-tests/target/seeded/reed98-pl$POWER_LAW_USERS-p$POSTS_PER_USER-ph$PHOTOS-c$CAMPAIGNS}
MONOLITH_SEEDED=$ROOT/monolith/target/seeded/$(basename "$SEEDED")
# The same heap policy for both shapes: fixed heaps (-Xms = -Xmx). The microservices run the local runner's
# --jvm=benchmark --heap=fixed (serial GC, C2, each service's maximum from the start); the monolith the same
# flags with the heap the five services get together there (follow-service 128 MB + upload-service 320 MB +
# 3 x 160 MB = 928 MB), so neither shape gets more heap; Metaspace and the code cache uncapped (one JVM holds
# all five services' classes and compiled code).
RUNNER_FLAGS=${RUNNER_FLAGS:---jvm=benchmark --heap=fixed}
MONOLITH_JVM=${MONOLITH_JVM:--XX:+UseSerialGC -Xss512k -Xms928m -Xmx928m -XX:MaxDirectMemorySize=64m -XX:+ExitOnOutOfMemoryError}
MONOLITH_PORT=8090
MONOLITH_PG_PORT=15443
PSQL=/usr/lib/postgresql/15/bin/psql
CP() { echo "load-tests/target/classes:$(cat load-tests/target/classpath.txt)"; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
log() { echo "== $(date -u +%T) load $(loadavg): $*"; }
commit() { echo "$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . 2>/dev/null || echo ' (with uncommitted changes in the tree)')"; }

if step build && [ "${SKIP_BUILD:-0}" != 1 ]; then
	log "build"
	./mvnw -q -DskipTests package
	./mvnw -o -q -pl load-tests test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
		-Dmdep.includeScope=runtime
fi

# --- the monolith as a process -------------------------------------------------------------------
MONOLITH=""
MONOLITH_DATA=""
stop_monolith() {
	[ -n "$MONOLITH" ] || return 0
	kill -TERM "$MONOLITH" 2>/dev/null || true
	for _ in $(seq 1 120); do kill -0 "$MONOLITH" 2>/dev/null || break; sleep 0.5; done
	kill -0 "$MONOLITH" 2>/dev/null && kill -KILL "$MONOLITH"
	wait "$MONOLITH" 2>/dev/null || true
	MONOLITH=""
	# (a PostgreSQL this script started itself, the startup step's postgres-running case, is stopped by pg_stop)
	local left
	left=$(pgrep -f -- "$MONOLITH_DATA/postgres" || true)
	[ -z "$left" ] || [ "$DST_PG" = "$MONOLITH_DATA/postgres" ] || echo "WARNING: PostgreSQL of $MONOLITH_DATA still running: $left"
}
# starts the monolith on a data folder and waits for its ready line; READY = the seconds from the fork
READY=""
start_monolith() { # data-folder [VAR=value ...]
	MONOLITH_DATA=$1; shift
	mkdir -p "$MONOLITH_DATA"
	local t0 t1 out=$MONOLITH_DATA/monolith.out
	: > "$out"
	t0=$(date +%s.%N)
	env INSTACLONE_MONOLITH_DATA="$MONOLITH_DATA" SERVER_PORT=$MONOLITH_PORT \
		INSTACLONE_MONOLITH_POSTGRES_PORT=$MONOLITH_PG_PORT "$@" \
		"$JAVA" $MONOLITH_JVM -jar monolith/target/monolith.jar >> "$out" 2>&1 &
	MONOLITH=$!
	until grep -q "Instaclone monolith ready" "$out"; do
		kill -0 "$MONOLITH" 2>/dev/null || { tail -30 "$out" >&2; echo "the monolith stopped" >&2; return 1; }
		(( $(date +%s) - ${t0%.*} < 300 )) || { tail -30 "$out" >&2; echo "not ready after 300 s" >&2; return 1; }
		sleep 0.1
	done
	t1=$(date +%s.%N)
	READY=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
}

# --- the local system (microservices) as a process --------------------------------------------------
RUNNER=""
RUNNER_DATA=""
stop_runner() {
	[ -n "$RUNNER" ] || return 0
	kill -TERM "$RUNNER" 2>/dev/null || true
	for _ in $(seq 1 180); do kill -0 "$RUNNER" 2>/dev/null || break; sleep 0.5; done
	wait "$RUNNER" 2>/dev/null || true
	RUNNER=""
	local left
	left=$(pgrep -f -- "$RUNNER_DATA" || true)
	[ -z "$left" ] || echo "WARNING: processes of $RUNNER_DATA still running: $left"
}
start_runner() { # data-folder; READY = the seconds from the fork to "Instaclone is ready"
	RUNNER_DATA=$1
	mkdir -p "$RUNNER_DATA"
	local t0 t1 out=$RUNNER_DATA/runner.out
	: > "$out"
	t0=$(date +%s.%N)
	# shellcheck disable=SC2086
	"$JAVA" -jar local-runner/target/local-runner.jar --data-dir="$RUNNER_DATA" $RUNNER_FLAGS >> "$out" 2>&1 &
	RUNNER=$!
	until grep -q "Instaclone is ready" "$out"; do
		kill -0 "$RUNNER" 2>/dev/null || { tail -30 "$out" >&2; echo "the runner stopped" >&2; return 1; }
		(( $(date +%s) - ${t0%.*} < 330 )) || { tail -30 "$out" >&2; echo "not ready after 330 s" >&2; return 1; }
		sleep 0.1
	done
	t1=$(date +%s.%N)
	READY=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
}

# PostgreSQL by itself, with the embedded binaries, as zonky runs them when the user is root: in a user
# namespace of its own (unshare -U), since PostgreSQL refuses to run as root
PG_BIN=$(ls -d /tmp/embedded-pg/PG-*/bin 2>/dev/null | head -1 || true)
pg_start() { # data-folder port
	[ -n "$PG_BIN" ] || PG_BIN=$(ls -d /tmp/embedded-pg/PG-*/bin | head -1)
	rm -f "$1/postmaster.pid"
	unshare -U "$PG_BIN/postgres" -D "$1" -p "$2" -c listen_addresses=localhost -k /tmp -c shared_buffers=32MB \
		-c max_connections=100 > "$1.log" 2>&1 &
	for _ in $(seq 1 300); do
		/usr/lib/postgresql/15/bin/pg_isready -q -h localhost -p "$2" && return 0
		sleep 0.1
	done
	tail -20 "$1.log" >&2; echo "PostgreSQL in $1 did not start" >&2; return 1
}
pg_stop() { # data-folder
	[ -f "$1/postmaster.pid" ] || return 0
	kill -INT "$(head -1 "$1/postmaster.pid")" 2>/dev/null || true
	for _ in $(seq 1 300); do [ -f "$1/postmaster.pid" ] || return 0; sleep 0.1; done
	echo "WARNING: PostgreSQL in $1 did not stop" >&2
}

SRC_PG=""
DST_PG=""
cleanup() {
	stop_monolith
	stop_runner
	local d
	for d in "$SRC_PG" "$DST_PG"; do
		[ -z "$d" ] || pg_stop "$d"
	done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ports_free() {
	local port
	for port in 8080 8081 8082 8083 8084 8085 8182 15432 19092 19093 $MONOLITH_PORT $MONOLITH_PG_PORT; do
		if ss -ltn | grep -q ":$port "; then echo "port $port is in use; stop what runs there first" >&2; exit 1; fi
	done
}

if step static; then
	log "static: artifacts and configuration lines"
	monolith/bench/static.sh > "$RESULTS/static.tsv"
	cat "$RESULTS/static.tsv"
fi

# --- seed: the monolith's copy of the microservices' seeded snapshot ----------------------------------
pg() { # port database [psql args...]: psql as the superuser
	local port=$1 db=$2; shift 2
	"$PSQL" -X -q -v ON_ERROR_STOP=1 -h localhost -p "$port" -U postgres -d "$db" "$@" 2> >(grep -v 'psql major version\|Some psql features' >&2)
}
if step seed && [ ! -f "$MONOLITH_SEEDED/users.csv" ]; then
	[ -f "$SEEDED/users.csv" ] || { echo "no seeded snapshot in $SEEDED: run load-tests/benchmark.sh --only=seed first" >&2; exit 1; }
	ports_free
	work=$(mktemp -d "$ROOT/monolith/target/seed-XXXX")
	log "seed: the monolith once on an empty data folder (initdb, each module's migrations in its schema)"
	start_monolith "$work/monolith"
	echo "   ready after $READY s"
	stop_monolith
	log "seed: copying the snapshot's rows into the schemas"
	cp -a "$SEEDED/postgres" "$work/source"
	rm -f "$work/source/postmaster.pid" "$work/source/epg-lock"
	SRC_PG=$work/source
	DST_PG=$work/monolith/postgres
	pg_start "$SRC_PG" 15498
	pg_start "$DST_PG" 15499
	export PGPASSWORD
	# (a java.util.Properties file: "=" and ":" in values are escaped with a backslash)
	PGPASSWORD=$(sed -n 's/^postgres=//p' "$SEEDED/secrets/postgres-passwords.properties" | sed 's/\\//g')
	for db in follow upload ads integrations metrics; do
		src_version=$(pg 15498 "$db" -Atc "select string_agg(version, ',' order by installed_rank) from flyway_schema_history where success and version is not null")
		dst_version=$(pg 15499 instaclone -Atc "select string_agg(version, ',' order by installed_rank) from $db.flyway_schema_history where success and version is not null")
		[ "$src_version" = "$dst_version" ] || echo "WARNING: $db: the snapshot's migrations are $src_version, the monolith's $dst_version; columns are matched by name"
		tables=$(pg 15499 instaclone -Atc "select string_agg(format('%I.%I', schemaname, tablename), ', ') from pg_tables where schemaname = '$db' and tablename <> 'flyway_schema_history'")
		pg 15499 instaclone -c "truncate $tables cascade"
		for table in $(pg 15498 "$db" -Atc "select tablename from pg_tables where schemaname = 'public' and tablename <> 'flyway_schema_history' order by 1"); do
			# the columns both sides have, in the source's order (two servers: each catalog asked separately)
			src_cols=$(pg 15498 "$db" -Atc "select string_agg(column_name, ' ' order by ordinal_position) from information_schema.columns where table_schema = 'public' and table_name = '$table' and is_generated = 'NEVER'")
			dst_cols=$(pg 15499 instaclone -Atc "select string_agg(column_name, ' ' order by ordinal_position) from information_schema.columns where table_schema = '$db' and table_name = '$table' and is_generated = 'NEVER'")
			[ -n "$dst_cols" ] || { echo "WARNING: $db.$table is not in the monolith's schema; skipped"; continue; }
			columns=$(for c in $src_cols; do [[ " $dst_cols " == *" $c "* ]] && printf '"%s",' "$c"; done)
			columns=${columns%,}
			pg 15498 "$db" -c "copy public.\"$table\" ($columns) to stdout" |
				PGOPTIONS='-c session_replication_role=replica' pg 15499 instaclone -c "copy $db.\"$table\" ($columns) from stdin"
			a=$(pg 15498 "$db" -Atc "select count(*) from public.\"$table\"")
			b=$(pg 15499 instaclone -Atc "select count(*) from $db.\"$table\"")
			[ "$a" = "$b" ] || { echo "$db.$table: $a rows in the snapshot, $b copied" >&2; exit 1; }
			printf '   %-40s %8s rows\n' "$db.$table" "$a"
		done
		pg 15498 "$db" -Atc "select format('select setval(%L, %s, %s);', '$db.' || quote_ident(sequencename), last_value, 'true') from pg_sequences where schemaname = 'public' and last_value is not null" |
			pg 15499 instaclone -At >/dev/null
	done
	pg 15499 instaclone -c "vacuum analyze"
	pg_stop "$SRC_PG"; SRC_PG=""
	pg_stop "$DST_PG"; DST_PG=""
	unset PGPASSWORD
	# the same signing keys, photos, webhook-secret key (the runner's AES key for integrations-service) and users
	rm -rf "$work/monolith/keys" "$work/monolith/media"
	cp -a "$SEEDED/keys" "$SEEDED/media" "$SEEDED/users.csv" "$work/monolith/"
	sed -n 's/^aes-key.integrations-service=//p' "$SEEDED/secrets/postgres-passwords.properties" | sed 's/\\//g' > "$work/monolith/integrations-secret-key"
	chmod 600 "$work/monolith/integrations-secret-key"
	rm -f "$work/monolith/monolith.out"
	mkdir -p "$(dirname "$MONOLITH_SEEDED")"
	rm -rf "$MONOLITH_SEEDED"
	mv "$work/monolith" "$MONOLITH_SEEDED"
	rm -rf "$work"
	log "seed: $MONOLITH_SEEDED"
fi

# --- startup ---------------------------------------------------------------------------------------
if step startup; then
	ports_free
	TSV=$RESULTS/startup.tsv
	touch "$TSV"
	record() { # shape case run seconds rss-mib
		grep -v -P "^$1\t$2\t$3\t" "$TSV" > "$TSV.tmp" || true
		mv "$TSV.tmp" "$TSV"
		printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" | tee -a "$TSV"
	}
	rss_mib() { local sum=0 p; for p in "$@"; do sum=$((sum + $(ps -o rss= -p "$p" 2>/dev/null || echo 0))); done; echo $((sum / 1024)); }
	jvm_pids() { # the runner's service JVMs
		pgrep -P "$RUNNER" -f -- '-jar .*(gateway|follow-service|upload-service|ads-service|integrations-service|metrics-service)\.jar' || true
	}
	echo "java=$("$JAVA" -version 2>&1 | head -1)" > "$RESULTS/startup.properties"
	echo "monolithJvm=$MONOLITH_JVM" >> "$RESULTS/startup.properties"
	echo "runnerFlags=$RUNNER_FLAGS" >> "$RESULTS/startup.properties"
	echo "loadBefore=$(loadavg)" >> "$RESULTS/startup.properties"
	if shape monolith; then
		work=$(mktemp -d "$ROOT/monolith/target/startup-XXXX")
		for run in $(seq 1 "$RUNS"); do
			rm -rf "$work/data"; mkdir -p "$work/data"
			start_monolith "$work/data"; sleep 4
			record monolith fresh "$run" "$READY" "$(rss_mib "$MONOLITH")"
			stop_monolith
			start_monolith "$work/data"; sleep 4
			record monolith existing "$run" "$READY" "$(rss_mib "$MONOLITH")"
			stop_monolith
			# PostgreSQL already running (started here with the same binaries and settings, on the same data)
			DST_PG=$work/data/postgres
			pg_start "$DST_PG" "$MONOLITH_PG_PORT"
			start_monolith "$work/data" POSTGRES_URL="jdbc:postgresql://localhost:$MONOLITH_PG_PORT/instaclone"
			sleep 4
			record monolith postgres-running "$run" "$READY" "$(rss_mib "$MONOLITH")"
			stop_monolith
			pg_stop "$DST_PG"; DST_PG=""
		done
		rm -rf "$work"
	fi
	if shape microservices; then
		work=$(mktemp -d "$ROOT/monolith/target/startup-XXXX")
		for run in $(seq 1 "$RUNS"); do
			rm -rf "$work/data"; mkdir -p "$work/data"
			start_runner "$work/data"; sleep 4
			# shellcheck disable=SC2046
			record microservices fresh "$run" "$READY" "$(rss_mib $(jvm_pids))"
			stop_runner
			start_runner "$work/data"; sleep 4
			# shellcheck disable=SC2046
			record microservices existing "$run" "$READY" "$(rss_mib $(jvm_pids))"
			stop_runner
		done
		rm -rf "$work"
	fi
	echo "loadAfter=$(loadavg)" >> "$RESULTS/startup.properties"
	# each service alone (issue 10's load-tests/startup.sh), if it was measured
	[ ! -f load-tests/target/benchmark/startup.tsv ] || cp load-tests/target/benchmark/startup.tsv "$RESULTS/startup-services.tsv"
fi

# --- workload ---------------------------------------------------------------------------------------
descendants() { local c; for c in $(pgrep -P "$1" 2>/dev/null); do echo "$c"; descendants "$c"; done; }
ticks() { local sum=0 p; for p in "$1" $(descendants "$1"); do [ -r /proc/$p/stat ] && sum=$((sum + $(awk '{print $14 + $15}' /proc/$p/stat 2>/dev/null || echo 0))); done; echo $sum; }
rss_kib() { local sum=0 p; for p in "$1" $(descendants "$1"); do sum=$((sum + $(ps -o rss= -p "$p" 2>/dev/null || echo 0))); done; echo $sum; }
monolith_processes() {
	echo "monolith $MONOLITH"
	local pid
	pid=$(pgrep -f "bin/postgres .*$MONOLITH_DATA/postgres" | head -1 || true)
	[ -z "$pid" ] || echo "postgres $pid"
}
snapshot() { local name pid; while read -r name pid; do echo "$name $(ticks "$pid")"; done < <(monolith_processes)
	echo "machine $(awk '/^cpu / {print $2+$3+$4+$7+$8+$9}' /proc/stat)"; }

# the Instagram mix against the monolith, as load-tests/run.sh runs it against the local system
monolith_run() { # rate
	local rate=$1 dir=$RESULTS/workload/monolith-$1 data run_id out
	data=$(mktemp -d "$ROOT/monolith/target/compare-run-XXXX")
	cp -a "$MONOLITH_SEEDED/." "$data/"
	rm -rf "$dir"; mkdir -p "$dir"
	log "monolith: starting on a copy of $MONOLITH_SEEDED"
	start_monolith "$data"
	echo "   ready after $READY s"
	# a start-up on the seeded data (existing data folder, ~400 MB of PostgreSQL), recorded beside the startup step's
	printf 'monolith\tseeded\t%s\t%s\t%s\n' "$rate" "$READY" "$(( $(ps -o rss= -p "$MONOLITH") / 1024 ))" >> "$RESULTS/startup-seeded.tsv"
	run_id=$(date -u +%Y%m%d-%H%M%S)-instagram-$rate
	out=$data/gatling.out
	: > "$out"
	log "monolith: Instagram mix at $rate/s, ${WARMUP} s warm-up + ${DURATION} s measured"
	(
		until grep -q "Simulation .* started" "$out" 2>/dev/null; do sleep 0.2; done
		sleep "$WARMUP"
		loadavg > "$data/load-before"; snapshot > "$data/cpu-before"
		sleep "$DURATION"
		snapshot > "$data/cpu-after"; loadavg > "$data/load-after"
		while read -r name pid; do echo "$name $(rss_kib "$pid")"; done < <(monolith_processes) > "$data/rss-after"
	) &
	local sampler=$!
	./mvnw -o -pl load-tests gatling:test -Dgatling.simulationClass=org.instaclone.loadtests.simulation.InstagramMixSimulation \
		-Dload.base=http://localhost:$MONOLITH_PORT -Dload.rate="$rate" -Dload.warmup="$WARMUP" -Dload.duration="$DURATION" \
		-Dload.users="$data/users.csv" -Dload.sign-in-users="${SIGN_IN_USERS:-200}" 2>&1 | tee "$out" | grep -E 'Simulation|errors|KO' | tail -5 || true
	wait "$sampler" 2>/dev/null || true
	local report
	report=load-tests/target/gatling/$(tail -1 load-tests/target/gatling/lastRun.txt)
	cp "$report/js/stats.js" "$dir/stats.js"
	{
		echo "simulation=instagram"; echo "rate=$rate"; echo "warmup=$WARMUP"; echo "duration=$DURATION"
		echo "started=$run_id"; echo "report=$report"
		echo "loadBefore=$(cat "$data/load-before" 2>/dev/null)"; echo "loadAfter=$(cat "$data/load-after" 2>/dev/null)"
		echo "runnerOptions=java $MONOLITH_JVM -jar monolith.jar"
		echo "java=$("$JAVA" -version 2>&1 | head -1)"
		echo "machineCpuSeconds=$(awk 'FNR == NR { b[$1] = $2; next } $1 == "machine" { printf "%.1f", ($2 - b[$1]) / 100 }' "$data/cpu-before" "$data/cpu-after" 2>/dev/null)"
		echo "commit=$(commit)"
	} > "$dir/run.properties"
	awk 'FILENAME ~ /rss-after$/ { rss[$1] = $2; next } FILENAME ~ /cpu-before$/ { before[$1] = $2; next }
		$1 != "machine" { printf "%s\t%.1f\t%.0f\n", $1, ($2 - before[$1]) / 100, rss[$1] / 1024 }' \
		"$data/rss-after" "$data/cpu-before" "$data/cpu-after" > "$dir/processes.tsv" 2>/dev/null || true
	stop_monolith
	mkdir -p "$dir/logs"; cp "$data/monolith.out" "$out" "$dir/logs/" 2>/dev/null || true
	rm -rf "$data"
	java -cp "$(CP)" org.instaclone.loadtests.report.BenchmarkReport verdict "$dir" || true
}
# the same mix against the microservices: load-tests/run.sh on a copy of the seeded snapshot (benchmark.sh's load_run)
microservices_run() { # rate
	local rate=$1 dir=$RESULTS/workload/microservices-$1 data
	data=$(mktemp -d "$ROOT/load-tests/target/bench-run-XXXX")
	cp -a "$SEEDED/postgres" "$SEEDED/kafka" "$SEEDED/keys" "$SEEDED/media" "$SEEDED/secrets" "$SEEDED/users.csv" "$data/"
	[ -d "$SEEDED/jwks" ] && cp -a "$SEEDED/jwks" "$data/"
	rm -rf "$dir"
	DATA_DIR=$data SKIP_SEED=1 SKIP_BUILD=1 RUNNER_OPTS="$RUNNER_FLAGS" RUNNER_JAVA="$JAVA" RESULT_DIR=$dir \
		load-tests/run.sh instagram "$rate" "$DURATION" > "$data/run.out" 2>&1 || true
	grep -E '^==|^\| (GET|POST|PUT|Insta|whole)' "$data/run.out" || true
	# run.sh's start-up on the seeded data, recorded beside the startup step's (RSS not read there)
	ready=$(sed -n 's/^== ready after \([0-9.]*\) s$/\1/p' "$data/run.out" | head -1)
	[ -z "$ready" ] || printf 'microservices\tseeded\t%s\t%s\t0\n' "$rate" "$ready" >> "$RESULTS/startup-seeded.tsv"
	echo "commit=$(commit)" >> "$dir/run.properties"
	mkdir -p "$dir/logs" && cp "$data/runner.out" "$data/run.out" "$dir/logs/" 2>/dev/null || true
	rm -rf "$data"
	java -cp "$(CP)" org.instaclone.loadtests.report.BenchmarkReport verdict "$dir" || true
}

if step workload; then
	[ -f "$MONOLITH_SEEDED/users.csv" ] || ! shape monolith || { echo "run the seed step first" >&2; exit 1; }
	for rate in $(echo "$RATES" | tr ',' '\n' | sort -n); do
		ports_free
		! shape microservices || microservices_run "$rate"
		! shape monolith || monolith_run "$rate"
	done
fi

if step faults; then
	mkdir -p "$RESULTS"
	if [ ! -x monolith/bench/blast-radius.sh ]; then
		echo "status=missing" > "$RESULTS/faults.properties"
		echo "detail=monolith/bench/blast-radius.sh does not exist (yet) at $(git rev-parse --short HEAD)" >> "$RESULTS/faults.properties"
	else
		log "faults: monolith/bench/blast-radius.sh"
		set +e
		# shellcheck disable=SC2086
		RESULTS=$RESULTS SHAPES=$SHAPES FAULTS=${FAULTS:-throwing slowed memory threads} SKIP_BUILD=1 \
			monolith/bench/blast-radius.sh ${BLAST_ARGS:-} 2>&1 | tee "$RESULTS/faults.out"
		rc=${PIPESTATUS[0]}
		set -e
		{ [ "$rc" = 0 ] && echo "status=ok" || echo "status=failed"
		  echo "detail=monolith/bench/blast-radius.sh exited with $rc at $(git rev-parse --short HEAD)"; } > "$RESULTS/faults.properties"
	fi
fi

if step report; then
	{
		echo "cpus=$(nproc)"
		echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
		echo "memory=$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
		echo "java=$("$JAVA" -version 2>&1 | head -1)"
		echo "commit=$(commit)"
		echo "date=$(date -u +%FT%TZ)"
		echo "monolithJvm=$MONOLITH_JVM"
		echo "runnerFlags=$RUNNER_FLAGS"
	} > "$RESULTS/machine.properties"
	java -cp "$(CP)" org.instaclone.loadtests.report.CompareReport write "$RESULTS" docs/monolith-vs-microservices.md
fi
