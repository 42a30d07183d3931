#!/usr/bin/env sh
# metrics-service ingestion and query benchmark (docs/performance.md, section metrics-service).
# Not part of the test run. Usage, from the repository root:
#   metrics-service/benchmark.sh [-Dviews=1000000] [-Dproducers=4] [-Dqueries=2000] [-Dinstaclone.views.writers=1]
#   BENCHMARK=events metrics-service/benchmark.sh [-Devents=200000]   (Kafka event ingestion)
set -eu
cd "$(dirname "$0")/.."
./mvnw -o -q -pl metrics-service -am install -DskipTests
./mvnw -o -q -pl metrics-service test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/benchmark-classpath.txt -Dmdep.includeScope=test
cd metrics-service
exec java -Xmx3g "$@" -cp "target/test-classes:target/classes:$(cat target/benchmark-classpath.txt)" \
  "$(case "${BENCHMARK:-views}" in
       events) echo org.instaclone.metrics.ingest.EventIngestionBenchmark ;;
       *) echo org.instaclone.metrics.view.ViewIngestionBenchmark ;;
     esac)"
