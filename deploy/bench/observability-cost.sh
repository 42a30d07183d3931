#!/usr/bin/env bash
# Observability cost: upload-service's GET /api/feed hit directly with wrk (closed loop), the service restarted
# per configuration with the runner's own command line and environment plus the configuration's variables
# (docs/performance.md, "Observability cost"). Needs wrk (apt-get install wrk), python3, a built tree and a
# data folder seeded by load-tests/run.sh (its users.csv and the power-law users' password).
#   DATA_DIR=load-tests/target/run-<time> CONFIGS="on off on off" WARM=15 DUR=20 deploy/bench/observability-cost.sh
# on: the defaults; off: no observations, meters or tracer; full: every request traced and exported over OTLP
# to otlp-sink.py (port 14318). Prints requests/s, p50/p99, the service's CPU per request and its series.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
cd "$HERE/../.."
D=${DATA_DIR:?DATA_DIR=<a seeded data folder, e.g. load-tests/target/run-...>}; D=$(cd "$D" && pwd); OUT=${OUT:-$D/obscost}; mkdir -p $OUT
CONFIGS=${CONFIGS:-"on off full on off full"}
WARM=${WARM:-20}; DUR=${DUR:-30}; CONN=${CONN:-16}
echo "start $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
: > $D/runner.out
java -jar local-runner/target/local-runner.jar --data-dir=$D --jvm=benchmark --only=follow-service,upload-service >> $D/runner.out 2>&1 &
RUNNER=$!
cleanup() { [ -n "${SVC:-}" ] && kill $SVC 2>/dev/null; [ -n "${SINK:-}" ] && kill $SINK 2>/dev/null; kill -TERM $RUNNER 2>/dev/null; for _ in $(seq 1 90); do kill -0 $RUNNER 2>/dev/null || break; sleep 1; done; }
trap cleanup EXIT
until grep -q "Instaclone is ready" $D/runner.out; do kill -0 $RUNNER || exit 1; sleep 1; done
echo "ready $(date -u +%T)"
VIEWER=$(awk -F, '$1=="pl" {print $3}' $D/users.csv | sed -n 50p)
TOKEN=$(curl -s -X POST -H 'Content-Type: application/json' -d "{\"login\":\"$VIEWER\",\"password\":\"instaclone load test\"}" http://localhost:8081/api/accounts/sign-in | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
echo "viewer $VIEWER token ${#TOKEN} chars"
UP=$(pgrep -P $RUNNER -f upload-service | head -1)
tr '\0' '\n' < /proc/$UP/environ > $OUT/env.txt
tr '\0' '\n' < /proc/$UP/cmdline > $OUT/cmdline.txt
CWD=$(readlink /proc/$UP/cwd)
echo "upload-service cmdline: $(tr '\n' ' ' < $OUT/cmdline.txt | cut -c1-400)"
java -jar local-runner/target/local-runner.jar --data-dir=$D stop upload-service
sleep 2
python3 "$HERE/otlp-sink.py" 2> $OUT/sink.log &
SINK=$!
mapfile -t CMD < $OUT/cmdline.txt
mapfile -t ENVS < $OUT/env.txt
cat > $OUT/wrk-feed.lua <<LUA
wrk.headers["Authorization"] = "Bearer $TOKEN"
LUA
i=0
for cfg in $CONFIGS; do
  i=$((i+1))
  case $cfg in
    on) EXTRA=() ;;
    off) EXTRA=(MANAGEMENT_OBSERVATIONS_ENABLE_ALL=false MANAGEMENT_METRICS_ENABLE_ALL=false MANAGEMENT_TRACING_EXPORT_ENABLED=false) ;;
    full) EXTRA=(TRACING_SAMPLING_PROBABILITY=1.0 MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT=http://127.0.0.1:14318/v1/traces) ;;
  esac
  (cd $CWD && exec env -i "${ENVS[@]}" "${EXTRA[@]}" "${CMD[@]}") > $OUT/svc-$i-$cfg.log 2>&1 &
  SVC=$!
  until curl -sf -o /dev/null http://localhost:8082/actuator/health/readiness; do kill -0 $SVC 2>/dev/null || { echo "service died"; tail -20 $OUT/svc-$i-$cfg.log; exit 1; }; sleep 0.5; done
  curl -s -o /dev/null -w "check %{http_code}\n" -H "Authorization: Bearer $TOKEN" 'http://localhost:8082/api/feed?limit=20'
  wrk -t1 -c$CONN -d${WARM}s -s $OUT/wrk-feed.lua 'http://localhost:8082/api/feed?limit=20' > /dev/null
  l0=$(cut -d' ' -f1 /proc/loadavg)
  t0=$(awk '{print $14+$15}' /proc/$SVC/stat); m0=$(awk '/^cpu / {print $2+$3+$4+$7+$8+$9}' /proc/stat)
  wrk -t1 -c$CONN -d${DUR}s --latency -s $OUT/wrk-feed.lua 'http://localhost:8082/api/feed?limit=20' > $OUT/wrk-$i-$cfg.txt
  t1=$(awk '{print $14+$15}' /proc/$SVC/stat); m1=$(awk '/^cpu / {print $2+$3+$4+$7+$8+$9}' /proc/stat)
  reqs=$(awk '/requests in/ {print $1}' $OUT/wrk-$i-$cfg.txt)
  rps=$(awk '/Requests\/sec/ {print $2}' $OUT/wrk-$i-$cfg.txt)
  p50=$(awk '$1=="50%" {print $2}' $OUT/wrk-$i-$cfg.txt); p99=$(awk '$1=="99%" {print $2}' $OUT/wrk-$i-$cfg.txt)
  non2xx=$(awk '/Non-2xx/ {print $NF}' $OUT/wrk-$i-$cfg.txt)
  series=$(curl -s http://localhost:8082/actuator/prometheus | grep -vc '^#')
  echo "$i $cfg rps=$rps reqs=$reqs p50=$p50 p99=$p99 non2xx=${non2xx:-0} svc_cpu_s=$(( (t1-t0) ))e-2 cpu_ms_per_req=$(awk -v t=$((t1-t0)) -v r=$reqs 'BEGIN{printf "%.3f", t*10/r}') machine_cpu_s=$(( (m1-m0) ))e-2 series=$series load=$l0/$(cut -d' ' -f1 /proc/loadavg)"
  kill $SVC; wait $SVC 2>/dev/null; SVC=""
done
echo "sink: $(tail -1 $OUT/sink.log)"
echo "end $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
