#!/usr/bin/env bash
# The gateway's cost for a trivial request (issue 10; docs/performance.md "Gateway cost"): the same
# request straight to a minimal HTTP server (the ceiling), through a bare Reactor Netty reverse proxy,
# and through the real gateway jar routing to that server. Closed loop (wrk, fixed connections) for
# the highest throughput, then open model (OpenLoad: fixed arrival rate, latency from each request's
# scheduled start) for the latency at a given rate. Prints per target: req/s, p50/p99/p99.9, CPU of
# the proxying process and of the server per request, the proxying process's thread context switches
# per request, and the ratios gateway/direct and proxy/direct.
# Only ever sends traffic to 127.0.0.1; stops everything it started on exit.
#
# Usage, from the repository root (under the CPU lock on the shared machine):
#   flock /tmp/instaclone-cpu.lock gateway/bench/cost.sh [seconds=20]
# Env: WARMUP (s of closed-loop load before each target's measurement, default 30), CONNECTIONS (wrk, 32),
#      RATES (open-model rates in req/s, default "1000"; "" skips the open model), TARGETS ("direct proxy gateway"),
#      GATEWAYS: gateway variants, "label:words|label:words"; words of the form NAME=value are
#        environment variables, the rest JVM options, e.g.
#        GATEWAYS='epoll:|nio:-Dreactor.netty.native=false|no-limits:INSTACLONE_GATEWAY_RATE_LIMIT_ENABLED=false'
#        (default "default:"); the word "java=<path>" runs that variant on another JDK, "jar=<path>" another
#        gateway jar (e.g. a copy of the one before a change, for interleaved before/after runs), "closed-only"
#        skips its open-model runs, "jfr" records a profile of that variant in gateway/target/cost-<label>.jfr,
#      PATH_=/.well-known/jwks.json (the gateway route: follow-service's public JWKS route, anonymous),
#      SKIP_BUILD=1
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_=${1:-20}
WARMUP=${WARMUP:-30}
CONNECTIONS=${CONNECTIONS:-32}
RATES=${RATES-1000}
TARGETS=${TARGETS:-direct proxy gateway}
GATEWAYS=${GATEWAYS:-default:}
PATH_=${PATH_:-/.well-known/jwks.json}
JAVA=java
[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
if [ "${SKIP_BUILD:-0}" != 1 ]; then
	./mvnw -o -q -pl gateway,bench-baselines,test-support -am install -DskipTests -Dinstaclone.cds.skip
fi
command -v wrk > /dev/null || { echo "wrk is not installed: apt-get install -y wrk"; exit 1; }
for port in 18080 18090 18091; do
	if (exec 3<> /dev/tcp/127.0.0.1/$port) 2> /dev/null; then echo "port $port is in use"; exit 1; fi
done
T=gateway/target
BASELINES="$JAVA -Xmx128m -jar bench-baselines/target/bench-baselines.jar"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2> /dev/null || true; done; wait 2> /dev/null || true; }
trap cleanup EXIT
ticks() { for p in "$@"; do awk '{ print $14 + $15 }' "/proc/$p/stat" 2> /dev/null || echo 0; done | awk '{ s += $1 } END { print s + 0 }'; }
# context switches (voluntary + involuntary) of all threads of a process so far
switches() { cat /proc/"$1"/task/*/status 2> /dev/null | awk '/ctxt_switches/ { s += $2 } END { print s + 0 }'; }
wait_ready() { until curl -s -o /dev/null "$1"; do sleep 0.5; done; }

$BASELINES minimal-server --port=18090 > $T/cost-minimal.log 2>&1 &
MINIMAL=$!
PIDS+=($MINIMAL)
$BASELINES bare-proxy --port=18091 --upstream=http://127.0.0.1:18090 > $T/cost-proxy.log 2>&1 &
PROXY=$!
PIDS+=($PROXY)
wait_ready http://127.0.0.1:18090/
wait_ready http://127.0.0.1:18091/

start_gateway() { # label words...
	local label=$1 word envs=() opts=() java=$JAVA jar=gateway/target/gateway.jar
	shift
	for word in "$@"; do
		if [[ $word == java=* ]]; then java=${word#java=}
		elif [[ $word == jar=* ]]; then jar=${word#jar=}
		elif [ "$word" = closed-only ]; then CLOSED_ONLY=1
		elif [ "$word" = jfr ]; then opts+=("-XX:StartFlightRecording=filename=$PWD/$T/cost-$label.jfr,settings=profile,dumponexit=true")
		elif [[ $word =~ ^[A-Z_][A-Z0-9_]*= ]]; then envs+=("$word"); else opts+=("$word"); fi
	done
	# everything routes to the minimal server; the anonymous request is limited per IP, so the
	# general limit is raised (not switched off: its cost stays in the measurement)
	env INSTACLONE_GATEWAY_RATE_LIMIT_API=1000000000 SERVER_PORT=18080 \
		FOLLOW_SERVICE_URL=http://127.0.0.1:18090 UPLOAD_SERVICE_URL=http://127.0.0.1:18090 ADS_SERVICE_URL=http://127.0.0.1:18090 \
		INTEGRATIONS_SERVICE_URL=http://127.0.0.1:18090 METRICS_SERVICE_URL=http://127.0.0.1:18090 \
		INSTACLONE_SECURITY_JWKS_URI=http://127.0.0.1:18090/jwks INSTACLONE_SECURITY_ISSUER=http://instaclone.test \
		"${envs[@]}" "$java" -Xmx256m "${opts[@]}" -jar "$jar" > "$T/cost-gateway-$label.log" 2>&1 &
	GATEWAY=$!
	PIDS+=($GATEWAY)
	until curl -sf -o /dev/null http://127.0.0.1:18080/actuator/health/readiness; do
		kill -0 $GATEWAY 2> /dev/null || { tail -30 "$T/cost-gateway-$label.log"; exit 1; }
		sleep 0.5
	done
}
stop_gateway() { kill $GATEWAY; wait $GATEWAY 2> /dev/null || true; }

RESULTS=$(mktemp)
measure() { # name base-url pids-whose-CPU-counts...
	local name=$1 base=$2 url=$2$PATH_ c0 c1 out rate
	shift 2
	wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" "$url" > /dev/null
	echo "== $name: load $(cut -d' ' -f1-3 /proc/loadavg); wrk -t2 -c$CONNECTIONS -d${SECONDS_}s (closed loop, after ${WARMUP} s of the same)"
	c0=$(for p in "$@"; do ticks $p; done | paste -sd' ')
	s0=$(switches $1)
	out=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_}s" -s gateway/bench/results.lua "$url" | grep RESULT)
	c1=$(for p in "$@"; do ticks $p; done | paste -sd' ')
	s1=$(switches $1)
	local requests=$(echo "$out" | sed 's/.*requests=\([0-9]*\).*/\1/')
	local cpu=$(awk -v a="$c0" -v b="$c1" -v n="$requests" 'BEGIN { split(a, x, " "); split(b, y, " ");
		for (i = 1; i in x; i++) printf "%s%.3f", (i > 1 ? "/" : ""), (y[i] - x[i]) * 10 / n }')
	local sw=$(awk -v a="$s0" -v b="$s1" -v n="$requests" 'BEGIN { printf "%.2f", (b - a) / n }')
	echo "  $out cpu_ms_per_request=$cpu switches_per_request=$sw"
	echo "$name closed $out cpu=$cpu switches=$sw" >> "$RESULTS"
	for rate in $([ "${CLOSED_ONLY:-0}" = 1 ] || echo $RATES); do
		echo "== $name: open model, $rate req/s for ${SECONDS_} s after 10 s at the same rate (OpenLoad)"
		out=$("$JAVA" -cp test-support/target/classes org.instaclone.testsupport.bench.OpenLoad "$base" \
			"$PATH_" "$rate" "$SECONDS_" - 10 | tr '\n' ' ')
		echo "  $out"
		echo "$name open-$rate $out" >> "$RESULTS"
	done
}

echo "== machine: $(nproc) cores, $(uname -r), $("$JAVA" -version 2>&1 | head -1); load $(cat /proc/loadavg)"
for target in $TARGETS; do
	case $target in
		direct) measure direct http://127.0.0.1:18090 $MINIMAL ;;
		proxy) measure proxy http://127.0.0.1:18091 $PROXY $MINIMAL ;;
		gateway)
			IFS='|' read -ra variants <<< "$GATEWAYS"
			for variant in "${variants[@]}"; do
				label=${variant%%:*}
				CLOSED_ONLY=0
				read -ra words <<< "${variant#*:}"
				start_gateway "$label" "${words[@]}"
				measure "gateway-$label" http://127.0.0.1:18080 $GATEWAY $MINIMAL
				stop_gateway
			done ;;
	esac
done
echo "== summary (closed loop; CPU ms per request: proxying process / minimal server); load $(cut -d' ' -f1-3 /proc/loadavg)"
direct=$(awk '$1 == "direct" && $2 == "closed" { sub("rps=", "", $4); print $4 }' "$RESULTS")
awk -v d="${direct:-0}" '$2 == "closed" { r = $4; sub("rps=", "", r); printf "  %-24s %s  %s %s", $1, $4, $(NF - 1), $NF; if (d > 0) printf "  ratio to direct %.2f", r / d; printf "\n" }' "$RESULTS"
rm -f "$RESULTS"
