#!/usr/bin/env sh
# Starts the placements benchmark's ads-service (embedded PostgreSQL + Kafka, 200 campaigns, 300 viewer
# tokens in ads-service/target/bench-tokens.txt) on port 18083 under JDK 25 if present, with a JFR
# recording when JFR=1 (ads-service/target/placements.jfr). Not part of the test run.
# Usage, from the repository root:  ads-service/bench/server.sh     (Ctrl-C stops it; SKIP_BUILD=1 uses what is built;
# JAVA_OPTS are added to the server's JVM, e.g. -Xlog:gc)
set -eu
cd "$(dirname "$0")/../.."
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -o -q -pl ads-service -am install -DskipTests -Dinstaclone.cds.skip
  ./mvnw -o -q -pl ads-service test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
fi
cd ads-service
JAVA=${JAVA:-java}
[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
JFR_OPTS=""
[ "${JFR:-0}" = 1 ] && JFR_OPTS="-XX:StartFlightRecording=filename=target/placements.jfr,settings=profile,dumponexit=true"
# the image's JVM flags (Dockerfile: Serial GC, heap 25..70 % of the pod's 768 MiB limit), with 64 MB more
# for the KRaft broker that shares this JVM
exec "$JAVA" -XX:+UseSerialGC -Xms256m -Xmx600m -Xss512k -XX:FlightRecorderOptions:stackdepth=256 $JFR_OPTS ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.instaclone.ads.bench.PlacementsBenchServer
