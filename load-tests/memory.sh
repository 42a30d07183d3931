#!/usr/bin/env bash
# Where each service JVM's resident memory goes, at idle and under the Instagram mix (issue 10;
# docs/performance.md, "Memory per service"). Starts the local system the way load-tests/benchmark.sh
# does (java -jar local-runner/target/local-runner.jar --jvm=benchmark, on a fresh copy of the seeded
# snapshot, gateway rate limits raised as in run.sh), waits for "Instaclone is ready", sends a little
# traffic (each service's actuator and a few public API calls through the gateway), waits IDLE seconds
# and reads, per JVM: RSS, RssAnon and RssFile (/proc/<pid>/status), the heap's committed and used
# bytes (jcmd GC.heap_info), the classes loaded (jcmd PerfCounter.print: loaded minus unloaded, archived
# ones included) and, after that, the heap used after a full GC (jcmd GC.run: the live set); each JVM's
# /proc/<pid>/smaps goes to $RESULTS/LABEL/ (which mappings are resident).
# With MIX_RATE set it then runs the Instagram mix against the same system (WARMUP s, then DURATION s,
# open model, the simulation load-tests/run.sh runs) and reads the same figures (without forcing a GC)
# 5 s before the end of the measured part. Everything it starts is stopped before it returns.
#
# Usage: load-tests/memory.sh LABEL
# Env: RUNNER_OPTS (default --jvm=benchmark), INSTACLONE_JVM_OPTIONS (appended to every service JVM's
#      flags by the runner, e.g. "-XX:NativeMemoryTracking=summary": then each reading also writes
#      jcmd VM.native_memory summary to $RESULTS/LABEL/), RUNNER_JAVA (default java), IDLE=30,
#      MIX_RATE (sessions/s; empty: idle only), WARMUP=60, DURATION=60, SIGN_IN_USERS=200,
#      SEEDED (default: the newest load-tests/target/seeded/*), RESULTS (default load-tests/target/memory)
# Writes $RESULTS/memory.tsv lines: label phase process rss-mib anon-mib file-mib heap-committed-mib
# heap-used-mib live-mib classes (phase: idle or mix-RATE; live only at idle), replacing the label's old lines,
# and prints them as a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
[ $# -eq 1 ] || { sed -n '2,25p' "$0"; exit 2; }
LABEL=$1
RESULTS=${RESULTS:-$ROOT/load-tests/target/memory}
mkdir -p "$RESULTS/$LABEL"
RESULTS=$(cd "$RESULTS" && pwd)
OUT=$RESULTS/$LABEL
IDLE=${IDLE:-30}
WARMUP=${WARMUP:-60}
DURATION=${DURATION:-60}
RUNNER_JAVA=${RUNNER_JAVA:-java}
JCMD=$(dirname "$(readlink -f "$(command -v "$RUNNER_JAVA")")")/jcmd
SEEDED=${SEEDED:-$(ls -d "$ROOT"/load-tests/target/seeded/*/ 2>/dev/null | tail -1)}
[ -f "$SEEDED/users.csv" ] || { echo "no seeded snapshot (SEEDED=$SEEDED): load-tests/benchmark.sh --only=seed" >&2; exit 1; }

for port in 8080 8081 8082 8083 8084 8085 8182 15432 19092 19093; do
	if ss -ltn | grep -q ":$port "; then echo "port $port is in use; stop what runs there first" >&2; exit 1; fi
done

export INSTACLONE_GATEWAY_RATE_LIMIT_API=100000000 INSTACLONE_GATEWAY_RATE_LIMIT_SIGN_IN=100000000 \
	INSTACLONE_GATEWAY_RATE_LIMIT_SIGN_UP=100000000 INSTACLONE_GATEWAY_RATE_LIMIT_UPLOADS=100000000 \
	INSTACLONE_GATEWAY_RATE_LIMIT_FOLLOWS=100000000
DATA_DIR=$(mktemp -d "$ROOT/load-tests/target/memory-run-XXXX")
cp -a "$SEEDED"/. "$DATA_DIR/"
rm -rf "$DATA_DIR/cds" "$DATA_DIR"/summary-* "$DATA_DIR"/result-*

RUNNER=""
cleanup() {
	if [ -n "$RUNNER" ] && kill -0 "$RUNNER" 2>/dev/null; then
		kill -TERM "$RUNNER" 2>/dev/null || true
		for _ in $(seq 1 180); do kill -0 "$RUNNER" 2>/dev/null || break; sleep 1; done
	fi
	left=$(pgrep -f -- "$DATA_DIR" || true)
	[ -z "$left" ] || echo "WARNING: processes of $DATA_DIR still running: $left (stop them by pid)"
	cp "$DATA_DIR/runner.out" "$OUT/" 2>/dev/null || true
	mkdir -p "$OUT/logs" && cp "$DATA_DIR"/logs/*.log "$OUT/logs/" 2>/dev/null || true
	rm -rf "$DATA_DIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== $(date -u +%FT%TZ) $LABEL: load $(cut -d' ' -f1-3 /proc/loadavg); runner ${RUNNER_OPTS:---jvm=benchmark}; INSTACLONE_JVM_OPTIONS=${INSTACLONE_JVM_OPTIONS:-}"
: > "$DATA_DIR/runner.out"
"$RUNNER_JAVA" -jar local-runner/target/local-runner.jar --data-dir="$DATA_DIR" ${RUNNER_OPTS:---jvm=benchmark} >> "$DATA_DIR/runner.out" 2>&1 &
RUNNER=$!
started=$(date +%s)
until grep -q "Instaclone is ready" "$DATA_DIR/runner.out"; do
	kill -0 "$RUNNER" 2>/dev/null || { tail -30 "$DATA_DIR/runner.out"; exit 1; }
	(( $(date +%s) - started < 330 )) || { tail -30 "$DATA_DIR/runner.out"; echo "not ready after 330 s" >&2; exit 1; }
	sleep 1
done
echo "   ready after $(( $(date +%s) - started )) s"

jvms() { # "name pid" of the six service JVMs (the runner's children, by their jar)
	local pid name
	for pid in $(pgrep -P "$RUNNER"); do
		name=$(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -oE '(gateway|follow-service|upload-service|ads-service|integrations-service|metrics-service)\.jar' | head -1 || true)
		[ -n "$name" ] && echo "${name%.jar} $pid"
	done
	return 0
}
heap_mib() { # committed and used MiB of all generations, from GC.heap_info ("total 12345K, used 678K")
	"$JCMD" "$1" GC.heap_info 2>/dev/null | awk '
		/(generation|space|heap|garbage-first).*total/ && !/Metaspace|class space/ && !/^ +(eden|from|to|the) / {
			for (i = 1; i <= NF; i++) { if ($i == "total") t += $(i + 1) + 0; if ($i == "used") u += $(i + 1) + 0 }
		}
		END { printf "%.0f %.0f", t / 1024, u / 1024 }'
}
classes() { # loaded classes now: loaded + archived loaded - unloaded - archived unloaded (what jstat -class counts)
	"$JCMD" "$1" PerfCounter.print 2>/dev/null | awk -F= '
		/^java\.cls\.(loadedClasses|sharedLoadedClasses)=/ { n += $2 }
		/^java\.cls\.(unloadedClasses|sharedUnloadedClasses)=/ { n -= $2 }
		END { print n + 0 }'
}
kib() { awk -v k="$2" '$1 == k ":" { print int($2 / 1024) }' "/proc/$1/status"; }
# one reading of the six JVMs: the RSS of all six first (one instant), then the slower jcmd readings
snapshot() { # phase [gc]
	local phase=$1 name pid heap live loaded
	declare -A rss
	while read -r name pid; do rss[$name]="$(kib "$pid" VmRSS)\t$(kib "$pid" RssAnon)\t$(kib "$pid" RssFile)"; done < <(jvms)
	while read -r name pid; do
		heap=$(heap_mib "$pid")
		loaded=$(classes "$pid")
		cp "/proc/$pid/smaps" "$OUT/smaps-$phase-$name.txt" 2>/dev/null || true
		"$JCMD" "$pid" VM.native_memory summary scale=MB > "$OUT/nmt-$phase-$name.txt" 2>/dev/null; grep -q committed "$OUT/nmt-$phase-$name.txt" || rm -f "$OUT/nmt-$phase-$name.txt"
		"$JCMD" "$pid" GC.heap_info > "$OUT/heap-$phase-$name.txt" 2>/dev/null || true
		live=-
		if [ "${2:-}" = gc ]; then
			"$JCMD" "$pid" GC.run > /dev/null 2>&1 || true
			live=$(heap_mib "$pid" | cut -d' ' -f2)
		fi
		printf "%s\t%s\t%s\t${rss[$name]}\t%s\t%s\t%s\t%s\n" "$LABEL" "$phase" "$name" ${heap% *} ${heap#* } "$live" "$loaded" >> "$OUT/rows.tsv"
	done < <(jvms)
}

# a little traffic: what a client and Prometheus would ask first
for port in 8080 8081 8082 8083 8084 8085; do
	for path in /actuator/health/readiness /actuator/prometheus /v3/api-docs; do
		curl -s -o /dev/null -m 5 "http://localhost:$port$path" || true
	done
done
for path in /api/feed /api/users/nobody "/api/ads/placements?slots=2" /.well-known/jwks.json; do
	for _ in 1 2 3; do curl -s -o /dev/null -m 5 "http://localhost:8080$path" || true; done
done
sleep "$IDLE"
: > "$OUT/rows.tsv"
echo "   idle reading ($IDLE s after the traffic): load $(cut -d' ' -f1-3 /proc/loadavg)"
snapshot idle gc

if [ -n "${MIX_RATE:-}" ]; then
	[ -f load-tests/target/classpath.txt ] || ./mvnw -o -q -pl load-tests test-compile dependency:build-classpath \
		-Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
	echo "   Instagram mix at $MIX_RATE/s: $WARMUP s warm-up + $DURATION s; load $(cut -d' ' -f1-3 /proc/loadavg)"
	: > "$DATA_DIR/gatling.out"
	(
		until grep -q "Simulation .* started" "$DATA_DIR/gatling.out" 2>/dev/null; do sleep 0.2; done
		sleep "$WARMUP"
		echo "   measured part starts: load $(cut -d' ' -f1-3 /proc/loadavg)"
		while read -r name pid; do echo "$name $(awk '{print $14 + $15}' "/proc/$pid/stat")"; done < <(jvms) > "$OUT/ticks-before"
		sleep $(( DURATION - 5 ))
		while read -r name pid; do echo "$name $(awk '{print $14 + $15}' "/proc/$pid/stat")"; done < <(jvms) > "$OUT/ticks-after"
		echo "   mix reading (5 s before the end): load $(cut -d' ' -f1-3 /proc/loadavg)"
		snapshot "mix-$MIX_RATE"
	) &
	SAMPLER=$!
	./mvnw -o -pl load-tests gatling:test -Dgatling.simulationClass=org.instaclone.loadtests.simulation.InstagramMixSimulation \
		-Dload.base=http://localhost:8080 -Dload.rate="$MIX_RATE" -Dload.warmup="$WARMUP" -Dload.duration="$DURATION" \
		-Dload.users="$DATA_DIR/users.csv" -Dload.sign-in-users="${SIGN_IN_USERS:-200}" > "$DATA_DIR/gatling.out" 2>&1 || true
	wait "$SAMPLER" 2>/dev/null || true
	cp "$DATA_DIR/gatling.out" "$OUT/"
	report=load-tests/target/gatling/$(tail -1 load-tests/target/gatling/lastRun.txt)
	java -cp "load-tests/target/classes:$(cat load-tests/target/classpath.txt)" org.instaclone.loadtests.report.ReportSummary \
		"$report" "$WARMUP" "$DURATION" | grep -v "warm-up" | tee "$OUT/mix-summary.md"
	echo "   CPU seconds of each JVM in the measured part's first $(( DURATION - 5 )) s:"
	awk 'FNR == NR { b[$1] = $2; next } { printf "   %s %.1f\n", $1, ($2 - b[$1]) / 100 }' "$OUT/ticks-before" "$OUT/ticks-after" | tee "$OUT/cpu.txt"
fi
echo "   done: load $(cut -d' ' -f1-3 /proc/loadavg)"

TSV=$RESULTS/memory.tsv
touch "$TSV"
grep -v -P "^\Q$LABEL\E\t" "$TSV" > "$TSV.tmp" || true
cat "$TSV.tmp" "$OUT/rows.tsv" > "$TSV" && rm -f "$TSV.tmp"
echo "| $LABEL | phase | RSS MiB | anon | file | heap committed | heap used | live after GC | classes |"
echo "|---|---|---|---|---|---|---|---|---|"
awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $3, $2, $4, $5, $6, $7, $8, $9, $10 }' "$OUT/rows.tsv"
