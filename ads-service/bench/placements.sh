#!/usr/bin/env bash
# Placements benchmark: GET /api/ads/placements at a fixed rate, measured directly on ads-service
# and through the gateway. Results go to docs/performance.md ("ads-service").
#
# Needs the local system with follow-service, ads-service and the gateway running:
#   ./mvnw -q -DskipTests package -pl local-runner,gateway,follow-service,ads-service -am
#   java -jar local-runner/target/local-runner.jar --only=follow-service,ads-service,gateway
# and wrk (apt-get install -y wrk), curl, jq. Only ever sends traffic to 127.0.0.1.
#
# Usage: ads-service/bench/placements.sh [duration, default 60s]
# Env: VIEWERS (default 300), CAMPAIGNS (default 200), CONNECTIONS (default 20),
#      DELAY_MS per request and connection (default 38: 20 connections ~ 500 req/s at ~2 ms latency)
set -euo pipefail

DURATION=${1:-60s}
VIEWERS=${VIEWERS:-300}
CAMPAIGNS=${CAMPAIGNS:-200}
CONNECTIONS=${CONNECTIONS:-20}
DELAY_MS=${DELAY_MS:-38}
FOLLOW=http://127.0.0.1:8081
ADS=http://127.0.0.1:8083
GATEWAY=http://127.0.0.1:8080
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
RUN=$(date +%s)
PASSWORD='bench password 1234'

token() { # handle -> access token (signs up first)
	curl -sf -o /dev/null -X POST "$FOLLOW/api/accounts" -H 'Content-Type: application/json' \
		-d "{\"handle\":\"$1\",\"email\":\"$1@bench.example\",\"password\":\"$PASSWORD\"}"
	curl -sf -X POST "$FOLLOW/api/accounts/sign-in" -H 'Content-Type: application/json' \
		-d "{\"login\":\"$1\",\"password\":\"$PASSWORD\"}" | jq -r .accessToken
}

echo "signing up 1 advertiser and $VIEWERS viewers..."
ADVERTISER=$(token "adv_$RUN")
{
	echo "tokens = {"
	for i in $(seq 1 "$VIEWERS"); do echo "  \"$(token "v${i}_$RUN")\","; done
	echo "}"
} > "$WORK/tokens.lua"

echo "creating $CAMPAIGNS active campaigns (a third targeted at one of 5 hashtags)..."
TAGS=(cats dogs travel food fitness)
for i in $(seq 1 "$CAMPAIGNS"); do
	if (( i % 3 == 0 )); then targeting="[\"${TAGS[$(( i % 5 ))]}\"]"; else targeting="[]"; fi
	id=$(curl -sf -X POST "$ADS/api/ads/campaigns" -H "Authorization: Bearer $ADVERTISER" \
		-H 'Content-Type: application/json' \
		-d "{\"name\":\"bench $i\",\"headline\":\"Offer $i\",\"mediaKey\":\"$(printf '%064x' "$i").jpg\",
		     \"callToActionUrl\":\"https://shop.example/$i\",\"targetHashtags\":$targeting,
		     \"dailyBudgetCents\":10000000,\"bidCpmCents\":$(( (i * 7919) % 5000 + 100 ))}" | jq -r .id)
	curl -sf -o /dev/null -X POST "$ADS/api/ads/campaigns/$id/activate" -H "Authorization: Bearer $ADVERTISER"
done

cat "$WORK/tokens.lua" "$HERE/placements.lua" > "$WORK/bench.lua"
sed -i "s/__DELAY_MS__/$DELAY_MS/" "$WORK/bench.lua"

echo "warm-up (20 s, direct)..."
wrk -t2 -c"$CONNECTIONS" -d20s -s "$WORK/bench.lua" "$ADS" > /dev/null
for target in "direct $ADS" "gateway $GATEWAY"; do
	set -- $target
	echo "== $1: wrk -t2 -c$CONNECTIONS -d$DURATION --latency (delay ${DELAY_MS} ms per connection) $2/api/ads/placements"
	wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$WORK/bench.lua" "$2"
done
