#!/usr/bin/env bash
# The long reliability suite (issue 10) on the whole platform as real processes: at least 20 SIGKILLs across every
# service, the gateway, the Kafka broker and the store under load, then reconciliation; a Kafka outage of several
# minutes; many clients on one pathway. The short version of the same suite runs in the test command (.ci/run).
#   ./reliability.sh                      24 kills over 5 minutes, a 3-minute Kafka outage (about 15 minutes)
#   KILLS=40 SECONDS_UNDER_LOAD=600 OUTAGE=300 ./reliability.sh
# Prints the counts and leaves them in platform-tests/target/reliability-report.txt.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -q -B -DskipTests install
./mvnw -B -pl platform-tests verify -Dtest=PlatformReliabilityTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dreliability.kills="${KILLS:-24}" -Dreliability.seconds="${SECONDS_UNDER_LOAD:-300}" \
  -Dreliability.outageSeconds="${OUTAGE:-180}"
echo; cat platform-tests/target/reliability-report.txt
