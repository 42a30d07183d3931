#!/usr/bin/env bash
# The one benchmark command of issue 10 (docs/performance.md, "Benchmark command"): builds, measures
# each service's start-up and idle memory alone on JDK 17, JDK 25 and JDK 25 with an AOT cache, runs the
# Instagram mix (and, with --dsb-rate, DeathStarBench's mix) on the local system with the benchmark JVM
# flags from a seeded snapshot, optionally sweeps the Instagram mix's rate, and writes the results into
# docs/performance.md between <!-- benchmark:begin --> and <!-- benchmark:end -->
# (org.instaclone.loadtests.report.BenchmarkReport). Only ever sends traffic to localhost.
#
# Usage: load-tests/benchmark.sh [--only=STEPS] [--rate=10] [--dsb-rate=N] [--sweep=10,20,30,40]
#   STEPS, comma-separated, in this order (default: all but sweep; --sweep=... adds it):
#     build    ./mvnw -q -DskipTests package (as the README) and the load tests' class path
#     machine  records the machine, JDKs, commit, date and load average (always run with report)
#     startup  load-tests/startup.sh 17 25 25-aot (STARTUP_CONFIGS to choose)
#     seed     seeds the snapshot once, if it is not there yet (~12 min: every sign-up is an Argon2 hash)
#     mix      the Instagram mix at --rate sessions/s (+ DeathStarBench's at --dsb-rate requests/s)
#     sweep    the Instagram mix at each rate of --sweep, lowest first, until one misses the target
#              (any error, or feed p99 > 50 ms); the mix step's run counts for its own rate
#     report   writes the section of docs/performance.md from what is in RESULTS
# Env: RESULTS (default load-tests/target/benchmark; each step adds to it, so steps can be run in
#      separate invocations, e.g. under a time-limited lock), SEEDED (the seeded snapshot, default
#      load-tests/target/seeded/reed98-pl$POWER_LAW_USERS-p$POSTS_PER_USER-ph$PHOTOS-c$CAMPAIGNS; its
#      data is copied for every run, so each run starts from the same state), WARMUP=120, DURATION=60,
#      STARTUP_CONFIGS="17 25 25-aot", RUNNER_JAVA (default java), and run.sh's seeding variables.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
ONLY=""
RATE=10
DSB_RATE=""
SWEEP=""
for arg in "$@"; do
	case "$arg" in
		--only=*) ONLY=${arg#--only=} ;;
		--rate=*) RATE=${arg#--rate=} ;;
		--dsb-rate=*) DSB_RATE=${arg#--dsb-rate=} ;;
		--sweep=*) SWEEP=${arg#--sweep=} ;;
		-h|--help) sed -n '2,26p' "$0"; exit 0 ;;
		*) echo "unknown argument $arg (see --help)" >&2; exit 2 ;;
	esac
done
if [ -z "$ONLY" ]; then
	ONLY=build,machine,startup,seed,mix${SWEEP:+,sweep},report
fi
step() { [[ ",$ONLY," == *",$1,"* ]]; }
# 120 s: after 60 s at 20 sessions/s the six JVMs' C2 compilers are still busy on the same two cores
# (docs/performance.md, "Memory per service", the second A/B: CPU 59-67 -> 43.5 CPU-s, feed p99 63-85 -> 41 ms)
export WARMUP=${WARMUP:-120}
DURATION=${DURATION:-60}
RESULTS=${RESULTS:-$ROOT/load-tests/target/benchmark}
mkdir -p "$RESULTS"
RESULTS=$(cd "$RESULTS" && pwd)
export POWER_LAW_USERS=${POWER_LAW_USERS:-1000} POSTS_PER_USER=${POSTS_PER_USER:-3} PHOTOS=${PHOTOS:-500}
export CAMPAIGNS=${CAMPAIGNS:-10}
SEEDED=${SEEDED:-$ROOT/load-tests/target/seeded/reed98-pl$POWER_LAW_USERS-p$POSTS_PER_USER-ph$PHOTOS-c$CAMPAIGNS}
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
CP() { echo "load-tests/target/classes:$(cat load-tests/target/classpath.txt)"; }

if step build; then
	echo "== build"
	./mvnw -q -DskipTests package
	./mvnw -o -q -pl load-tests dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
fi

if step machine || step report; then
	if step machine || [ ! -f "$RESULTS/machine.properties" ]; then
		{
			echo "cpus=$(nproc)"
			echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
			echo "memory=$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
			echo "kernel=$(uname -r)"
			echo "jdk17=$(java -version 2>&1 | head -1)"
			echo "jdk25=$("$JAVA25" -version 2>&1 | head -1)"
			echo "commit=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . 2>/dev/null || echo ' (with uncommitted changes in the tree)')"
			echo "date=$(date -u +%FT%TZ)"
			echo "load=$(cut -d' ' -f1-3 /proc/loadavg)"
		} > "$RESULTS/machine.properties"
	fi
fi

if step startup; then
	echo "== start-up, each service alone: ${STARTUP_CONFIGS:-17 25 25-aot}"
	RESULTS=$RESULTS load-tests/startup.sh ${STARTUP_CONFIGS:-17 25 25-aot}
fi

if step seed && [ ! -f "$SEEDED/users.csv" ]; then
	echo "== seeding the snapshot $SEEDED (once; later runs copy it)"
	mkdir -p "$SEEDED"
	DATA_DIR=$SEEDED SEED_ONLY=1 SKIP_BUILD=1 RUNNER_OPTS=--jvm=benchmark load-tests/run.sh instagram 1 1
fi

# one load run on a fresh copy of the seeded snapshot; its result folder lands in $RESULTS/$1
load_run() { # results-subfolder simulation rate
	local dir=$RESULTS/$1 data
	[ -f "$SEEDED/users.csv" ] || { echo "no seeded snapshot in $SEEDED: run the seed step first" >&2; return 1; }
	data=$(mktemp -d "$ROOT/load-tests/target/bench-run-XXXX")
	cp -a "$SEEDED/postgres" "$SEEDED/kafka" "$SEEDED/keys" "$SEEDED/media" "$SEEDED/secrets" "$SEEDED/users.csv" "$data/"
	[ -d "$SEEDED/jwks" ] && cp -a "$SEEDED/jwks" "$data/"
	rm -rf "$dir"
	DATA_DIR=$data SKIP_SEED=1 SKIP_BUILD=1 RUNNER_OPTS="--jvm=benchmark ${RUNNER_OPTS:-}" RESULT_DIR=$dir \
		load-tests/run.sh "$2" "$3" "$DURATION" || { rm -rf "$data"; return 1; }
	cp "$data"/summary-*.txt "$dir/" 2>/dev/null || true
	mkdir -p "$dir/logs" && cp "$data"/logs/*.log "$data/runner.out" "$dir/logs/" 2>/dev/null || true
	rm -rf "$data"
}

if step mix; then
	load_run "mix/instagram-$RATE" instagram "$RATE"
	[ -z "$DSB_RATE" ] || load_run "mix/deathstarbench-$DSB_RATE" deathstarbench "$DSB_RATE"
fi

if step sweep; then
	[ -n "$SWEEP" ] || { echo "the sweep step needs --sweep=RATE,RATE,..." >&2; exit 2; }
	for rate in $(echo "$SWEEP" | tr ',' '\n' | sort -n); do
		if [ -f "$RESULTS/mix/instagram-$rate/stats.js" ]; then
			# the mix step's run at this rate is this point of the sweep
			rm -rf "$RESULTS/sweep/instagram-$rate"; mkdir -p "$RESULTS/sweep"
			cp -r "$RESULTS/mix/instagram-$rate" "$RESULTS/sweep/instagram-$rate"
		else
			load_run "sweep/instagram-$rate" instagram "$rate"
		fi
		if ! java -cp "$(CP)" org.instaclone.loadtests.report.BenchmarkReport verdict "$RESULTS/sweep/instagram-$rate"; then
			echo "== $rate sessions/s missed the target: the sweep stops here"
			break
		fi
	done
fi

if step report; then
	java -cp "$(CP)" org.instaclone.loadtests.report.BenchmarkReport write "$RESULTS" docs/performance.md
fi
