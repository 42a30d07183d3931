#!/usr/bin/env bash
# Photo pipeline benchmark (see PipelineBenchmark): a 5 MB 12 MP JPEG, alone and with 10 concurrent
# uploaders, in a 512 MiB heap like the service's benchmark setting. Results: docs/performance.md.
# Usage: upload-service/bench/pipeline.sh [sequential-uploads=20] [sustained-uploads=60] [uploaders=10]
set -euo pipefail
cd "$(dirname "$0")/../.."
# Env: SKIP_BUILD=1 uses what is built. JDK 25 (as in the container image) when installed.
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -o -q -pl upload-service -am install -DskipTests -Dinstaclone.cds.skip
  ./mvnw -o -q -pl upload-service test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
fi
JAVA=java
[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
"$JAVA" -version 2>&1 | head -1
exec "$JAVA" -Xmx512m -Xms512m -cp "upload-service/target/test-classes:upload-service/target/classes:$(cat upload-service/target/bench.classpath)" \
  org.instaclone.upload.media.PipelineBenchmark "$@"
