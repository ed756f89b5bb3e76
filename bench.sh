#!/usr/bin/env bash
# Benchmarks (issue 9): one command, not part of any test suite, no timed assertion anywhere.
#   ./bench.sh                 build what is missing, start a FRESH platform (run.sh --no-demo on .data-bench/),
#                              measure it against raw MongoDB-driver / Kafka-client baselines, write BENCHMARKS.md,
#                              stop the platform
#   ./bench.sh --rebuild       rebuild the benchmark harness first
#   ./bench.sh -- --seconds=5  anything after -- goes to the harness (options: see PlatformBenchmark's Javadoc,
#                              e.g. --seconds, --e2e-seconds, --audit-events, --levels=1000,100000,1000000, --profile=none)
# Needs the fixed ports of run.sh (8080-8084, 9092, 27017) free: it refuses to start next to a running platform.
# Takes about 10-15 minutes on a 2-core machine. Holds /tmp/convergence-mvn.lock while the platform runs (builds wait);
# BENCH_HOLD_MVN_LOCK=0 to skip that.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
DATA=$ROOT/.data-bench
REBUILD=0; HARNESS_ARGS=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --rebuild) REBUILD=1; shift ;;
    --) shift; HARNESS_ARGS=("$@"); break ;;
    *) echo "unknown option $1"; exit 2 ;;
  esac
done

mvn() { if command -v flock >/dev/null 2>&1; then flock /tmp/convergence-mvn.lock "$ROOT/mvnw" "$@"; else "$ROOT/mvnw" "$@"; fi; }

PORTS=(27017 9092 9000 8081 8082 8083 8084 8080)
ports_free() {
  for port in "${PORTS[@]}"; do
    if (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null; then
      echo "!! port $port is in use: another platform (or something else) is running; stop it first"; return 1
    fi
  done
  if pgrep -f 'EmbeddedKafkaBroker 9092|EmbeddedMongoStore 27017' >/dev/null; then
    echo "!! a run.sh platform is starting (its broker or store is up); stop it first"; return 1
  fi
}
ports_free || exit 1

echo "==> [1/5] Build what is missing"
need_build=0
for s in identity-provider participant-service pathway-service partnership-service reporting-service gateway; do
  [[ -f $s/target/$s-0.1.0-SNAPSHOT.jar ]] || need_build=1
done
[[ -f deploy/target/infra-classpath.txt ]] || need_build=1
if [[ $need_build == 1 ]]; then mvn -q -B -DskipTests install; fi
if [[ $REBUILD == 1 || ! -f benchmarks/target/bench-classpath.txt || ! -f benchmarks/target/classes/fr/convergence/bench/PlatformBenchmark.class ]]; then
  (cd benchmarks && mvn -q -B package)
fi
BENCH_CP="$ROOT/benchmarks/target/classes:$(cat benchmarks/target/bench-classpath.txt)"

# Hold the Maven lock while the platform runs: a build that repackages a service jar under a running JVM
# crashes it (seen: NoClassDefFoundError in pathway-service at start-up), and a build on the same 2 cores
# would be measured instead of the platform. Builds wrapped in `flock /tmp/convergence-mvn.lock` wait for the bench.
if [[ ${BENCH_HOLD_MVN_LOCK:-1} == 1 ]] && command -v flock >/dev/null 2>&1; then
  exec 9>/tmp/convergence-mvn.lock
  if ! flock -n 9; then echo "    waiting for /tmp/convergence-mvn.lock (a build is running)"; flock 9; fi
fi

echo "==> [2/5] Start a fresh platform on $DATA"
ports_free || exit 1   # again: someone may have started a platform while we waited for the lock
rm -rf "$DATA"; mkdir -p "$DATA"
# setsid: run.sh leads its own process group, so that the whole platform can be stopped as one
# The gateway's per-user rate limit (50/s by default) is raised: the harness measures throughput, not the limiter
# (which stays in the path and is timed with everything else).
setsid env CONVERGENCE_DATA="$DATA" RATE_LIMIT_PER_SECOND=1000000 RATE_LIMIT_BURST=1000000 ./run.sh --no-demo >"$DATA/run.log" 2>&1 </dev/null 9>&- &
RUN_PID=$!
sleep 1
PGID=$(ps -o pgid= -p "$RUN_PID" | tr -d ' ')
echo "    run.sh pid $RUN_PID, process group $PGID, log $DATA/run.log"

stop_platform() {
  trap - EXIT INT TERM
  echo "==> [5/5] Stop the platform (process group $PGID)"
  kill -TERM -- -"$PGID" 2>/dev/null || true
  for _ in $(seq 1 120); do pgrep -g "$PGID" >/dev/null || break; sleep 0.5; done
  if pgrep -g "$PGID" >/dev/null; then echo "    some processes ignored TERM; killing them"; kill -KILL -- -"$PGID" 2>/dev/null || true; sleep 1; fi
  local left
  left=$( (pgrep -g "$PGID" -a java; pgrep -af "java.*$DATA") 2>/dev/null | sort -u || true)
  if [[ -n $left ]]; then echo "!! java processes left:"; echo "$left"; else echo "    no platform java process left"; fi
  exec 9>&- || true
}
trap stop_platform EXIT INT TERM

printf "==> [3/5] Wait for every service and the gateway "
for _ in $(seq 1 400); do
  if grep -q "Convergence platform is up" "$DATA/run.log" 2>/dev/null && curl -fs http://127.0.0.1:8080/actuator/health >/dev/null 2>&1; then
    echo " up"; break
  fi
  if ! kill -0 "$RUN_PID" 2>/dev/null; then echo; echo "!! run.sh exited; see $DATA/run.log and $DATA/logs"; tail -20 "$DATA/run.log"; exit 1; fi
  printf "."; sleep 1
done
grep -q "Convergence platform is up" "$DATA/run.log" || { echo; echo "!! platform not up after 400 s; see $DATA/logs"; exit 1; }
grep "Convergence platform is up" "$DATA/run.log" | sed 's/^ */    /'
# run.sh only checks that each port answers; make sure every listener is ours and not another platform's
for port in "${PORTS[@]}"; do
  owner=$(ss -ltnpH "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
  if [[ -z $owner || $(ps -o pgid= -p "$owner" | tr -d ' ') != "$PGID" ]]; then
    echo "!! port $port is served by pid ${owner:-?}, not by this platform (process group $PGID); not measuring"; exit 1
  fi
done

echo "==> [4/5] Run the harness"
java -Xmx512m -XX:+UseSerialGC -cp "$BENCH_CP" fr.convergence.bench.PlatformBenchmark \
  --out="$ROOT/BENCHMARKS.md" --pgid="$PGID" --profile="$ROOT/benchmarks/target/profiles" \
  --command="./bench.sh${HARNESS_ARGS[*]:+ -- ${HARNESS_ARGS[*]}}" ${HARNESS_ARGS[@]+"${HARNESS_ARGS[@]}"} 9>&-
