#!/usr/bin/env bash
# What the gateway's CPU per request is made of at a fixed, modest rate (open model), by route:
# the placements read (a bearer token, ads-service's real answer), a token-carrying request to the
# minimal server (a bearer token, an 11-byte answer) and an anonymous one (no token, the same answer),
# each through the same gateway JVM, at the same rate, one after the other; then the placements read
# again through gateway variants (other JVM options, another jar). docs/performance.md, ads-service
# ("Sixth round") and "Gateway cost". Only ever sends traffic to 127.0.0.1; stops everything it
# started on exit. Not part of the test run.
#
# Usage, from the repository root, under the CPU lock (it starts ads-service/bench/server.sh itself):
#   flock /tmp/instaclone-cpu.lock gateway/bench/token-path.sh
# Env: RATE (500), DIRECT_WARM (s of placements straight to ads-service before the first gateway, 60),
#      WARM (s of placements load on each fresh gateway before its measured phases, 45),
#      SECONDS_ (per measured phase, 30),
#      VARIANTS: "label:jar:full:jvm-option ..." (default: "default:gateway/target/gateway.jar:1:");
#        full=1 adds the token and anonymous phases; the JVM option "uring" puts the jars in $URING
#        (netty-transport-{classes,native}-io_uring) beside the gateway's own (Spring Boot's
#        PropertiesLauncher, loader.path), so Reactor Netty picks io_uring;
#      SKIP_BUILD=1 (else gateway, bench-baselines, test-support and the ads bench are built first), OUT (results folder)
# Prints per phase: OpenLoad's summary, the gateway's CPU per request (user and system), and writes per-second
# latencies (OpenLoad -Dopenload.per-second) and per-second CPU (gateway user/system, ads-service, its
# PostgreSQL, the whole machine, in ticks: 100 = one core) to $OUT.
set -u
cd "$(dirname "$0")/../.."
RATE=${RATE:-500}
WARM=${WARM:-45}
SECONDS_=${SECONDS_:-30}
OUT=${OUT:-gateway/target/token-path-$(date -u +%H%M%S)}
URING=${URING:-gateway/target/io_uring}
VARIANTS=${VARIANTS:-default:gateway/target/gateway.jar:1:}
JAVA=java
[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
mkdir -p "$OUT"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
	./mvnw -o -q -pl gateway,bench-baselines,test-support -am install -DskipTests -Dinstaclone.cds.skip || exit 1
	./mvnw -o -q -pl ads-service -am install -DskipTests -Dinstaclone.cds.skip || exit 1
	./mvnw -o -q -pl ads-service test-compile dependency:build-classpath \
		-Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test || exit 1
fi
for port in 18080 18083 18090; do
	if (exec 3<> /dev/tcp/127.0.0.1/$port) 2> /dev/null; then echo "port $port is in use"; exit 1; fi
done
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2> /dev/null; done; wait 2> /dev/null; }
trap cleanup EXIT
echo "== start $(date -u +%T), load $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/summary"
"$JAVA" -Xmx128m -jar bench-baselines/target/bench-baselines.jar minimal-server --port=18090 > "$OUT/minimal.log" 2>&1 &
PIDS+=($!)
SKIP_BUILD=1 ads-service/bench/server.sh > ads-service/target/bench-server.log 2>&1 &
ADS=$!
PIDS+=($ADS)
until grep -q 'BENCH READY' ads-service/target/bench-server.log; do
	kill -0 $ADS 2> /dev/null || { tail -30 ads-service/target/bench-server.log; exit 1; }
	sleep 1
done
JWKS=$(grep -o 'BENCH JWKS [^ ]*' ads-service/target/bench-server.log | tail -1 | cut -d' ' -f3)
PG_PORT=$(grep -o 'BENCH JDBC [^ ]*' ads-service/target/bench-server.log | tail -1 | sed -E 's/.*:([0-9]+)\/.*/\1/')
PM=$(pgrep -f "bin/postgres .*-p ${PG_PORT}( |$)" | head -1)
TOKENS=ads-service/target/bench-tokens.txt
CP="ads-service/target/test-classes:ads-service/target/classes:$(cat ads-service/target/bench-classpath.txt)"
PLACEMENTS='/api/ads/placements?slots=3|/api/ads/placements?slots=3&hashtags=cats|/api/ads/placements?slots=3&hashtags=travel,food|/api/ads/placements?slots=3|/api/ads/placements?slots=3&hashtags=dogs,fitness,cats'
echo "== ads-service ready $(date -u +%T); ${DIRECT_WARM:-60} s of placements straight to it first" | tee -a "$OUT/summary"
# warm ads-service directly: a cold one behind the gateway times out, and the breaker then keeps it out
# (and cold) for most requests, so the gateway would mostly answer its fallback
"$JAVA" -cp "$CP" org.instaclone.testsupport.bench.OpenLoad http://127.0.0.1:18083 "$PLACEMENTS" "$RATE" "${DIRECT_WARM:-60}" "$TOKENS" \
	| tr -s ' \n' ' ' | sed 's/^/   direct: /' | tee -a "$OUT/summary"
echo

# per second: epoch, gateway user and system ticks, ads-service ticks, its PostgreSQL's ticks, the machine's busy ticks
sampler() {
	while :; do
		local g a p m
		g=$(awk '{ print $14 " " $15 }' /proc/"$1"/stat 2> /dev/null || echo "0 0")
		a=$(awk '{ print $14 + $15 }' /proc/$ADS/stat 2> /dev/null || echo 0)
		p=$(for q in $PM $(pgrep -P "$PM" 2> /dev/null); do awk '{ print $14 + $15 }' /proc/"$q"/stat 2> /dev/null; done | awk '{ s += $1 } END { print s + 0 }')
		m=$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat)
		echo "$(date +%s) $g $a $p $m"
		sleep 1
	done
}
start_gateway() { # label jar [jvm option]
	local label=$1 jar=$2 option=${3:-} launch
	launch=(-jar "$jar")
	if [ "$option" = uring ]; then
		launch=(-cp "$jar" -Dloader.path="$(ls "$URING"/*.jar | paste -sd,)" org.springframework.boot.loader.launch.PropertiesLauncher)
		option=""
	fi
	# as ads-service/bench/run.sh starts it (the image's Serial GC, 256 MB, the api limit raised), with
	# follow-service's and upload-service's routes pointing at the minimal server
	INSTACLONE_GATEWAY_RATE_LIMIT_API=100000000 SERVER_PORT=18080 ADS_SERVICE_URL=http://127.0.0.1:18083 \
		FOLLOW_SERVICE_URL=http://127.0.0.1:18090 UPLOAD_SERVICE_URL=http://127.0.0.1:18090 \
		INTEGRATIONS_SERVICE_URL=http://127.0.0.1:1 METRICS_SERVICE_URL=http://127.0.0.1:1 \
		INSTACLONE_SECURITY_JWKS_URI="$JWKS" INSTACLONE_SECURITY_ISSUER=http://instaclone.test \
		"$JAVA" -XX:+UseSerialGC -Xss512k -Xms256m -Xmx256m $option "${launch[@]}" > "$OUT/gateway-$label.log" 2>&1 &
	GATEWAY=$!
	PIDS+=($GATEWAY)
	until curl -sf -o /dev/null http://127.0.0.1:18080/actuator/health/readiness; do
		kill -0 $GATEWAY 2> /dev/null || { echo "gateway $label did not start"; tail -20 "$OUT/gateway-$label.log"; return 1; }
		sleep 0.5
	done
	echo "== gateway $label ($jar ${3:-}) ready $(date -u +%T): $(cat /proc/$GATEWAY/task/*/comm | grep -o 'reactor-http-[a-z_]*' | sort | uniq -c | tr -s ' \n' ' ')" | tee -a "$OUT/summary"
	sampler $GATEWAY > "$OUT/cpu-$label.txt" &
	SAMPLER=$!
	PIDS+=($SAMPLER)
}
phase() { # label phase paths tokens seconds
	local u0 s0 u1 s1 out
	read -r u0 s0 < <(awk '{ print $14 " " $15 }' /proc/$GATEWAY/stat)
	out=$("$JAVA" -Dopenload.per-second=true -cp "$CP" org.instaclone.testsupport.bench.OpenLoad http://127.0.0.1:18080 "$3" "$RATE" "$5" "$4")
	read -r u1 s1 < <(awk '{ print $14 " " $15 }' /proc/$GATEWAY/stat)
	echo "$out" | grep '^second' | sed "s|^|$1 $2 |" >> "$OUT/seconds.txt"
	echo "-- $1 $2: $(echo "$out" | grep -v '^second' | tr -s ' \n' ' ')" | tee -a "$OUT/summary"
	awk -v u=$((u1 - u0)) -v s=$((s1 - s0)) -v n=$((RATE * $5)) -v l="$(cut -d' ' -f1 /proc/loadavg)" \
		'BEGIN { printf "   gateway CPU per request %.3f ms (user %.3f, system %.3f); load %s\n", (u + s) * 10 / n, u * 10 / n, s * 10 / n, l }' | tee -a "$OUT/summary"
}
for variant in $VARIANTS; do
	IFS=: read -r label jar full option <<< "$variant"
	start_gateway "$label" "$jar" "$option" || continue
	phase "$label" warm "$PLACEMENTS" "$TOKENS" "$WARM" > /dev/null
	phase "$label" placements "$PLACEMENTS" "$TOKENS" "$SECONDS_"
	if [ "$full" = 1 ]; then
		phase "$label" token "/api/feed" "$TOKENS" "$SECONDS_"
		phase "$label" anonymous "/.well-known/jwks.json" - "$SECONDS_"
	fi
	kill $SAMPLER $GATEWAY
	wait $GATEWAY 2> /dev/null
done
echo "== end $(date -u +%T), load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/summary"
