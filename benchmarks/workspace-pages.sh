#!/usr/bin/env bash
# How long the staff workspace takes to render its pages on the demo data (issue 16), measured through the gateway
# by benchmarks/WorkspacePages. Not a test: it prints a table of latencies and asserts nothing.
#   ./run.sh                                   in another terminal, until the demo data is loaded
#   benchmarks/workspace-pages.sh [requests-per-page] [clients]     (default 200 requests, 1 and 4 clients)
#   WORKSPACE_BENCH_ACI=aci-lyon-1 benchmarks/workspace-pages.sh    another ACI (each caseload view is an audited read)
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -f benchmarks/target/classes/fr/convergence/bench/WorkspacePages.class ]] || ./mvnw -q -B -pl benchmarks -am install -DskipTests
CP="$(cat benchmarks/target/bench-classpath.txt 2>/dev/null || true)"
if [[ -z $CP ]]; then
  ./mvnw -q -B -pl benchmarks dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
  CP="$(cat benchmarks/target/bench-classpath.txt)"
fi
echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); load $(cut -d' ' -f1-3 /proc/loadavg)"
exec java -cp "benchmarks/target/classes:$CP" fr.convergence.bench.WorkspacePages http://127.0.0.1:8080 "${1:-200}" "${2:-4}"
