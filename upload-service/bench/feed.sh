#!/usr/bin/env bash
# Home-feed benchmark (see FeedBenchmark): seeds 10k users / 200k posts into embedded PostgreSQL, then
# GET /api/feed at a fixed rate for viewers following 10 and 2,000 accounts. Results: docs/performance.md.
# Usage: upload-service/bench/feed.sh [requests-per-second=300] [seconds=15]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -o -q -pl upload-service -am install -DskipTests
./mvnw -o -q -pl upload-service test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cd upload-service
exec java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  org.instaclone.upload.FeedBenchmark "$@"
