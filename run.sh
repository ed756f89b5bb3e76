#!/usr/bin/env bash
# Runs the whole Convergence platform on this machine: a real Kafka broker (KRaft), the durable
# MongoDB-wire store, the four services and the gateway; loads demo data on the first run.
# Data is kept in .data/ between runs. Ctrl-C stops every process this script started.
#   ./run.sh            build what is missing, start, load demo data once, print the URLs
#   ./run.sh --rebuild  rebuild the jars first
#   ./run.sh --no-demo  do not load demo data
#   ./run.sh --reset-demo  delete the data directory (every person, event and key) and load the demo afresh
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
DATA=${CONVERGENCE_DATA:-$ROOT/.data}
LOGS=$DATA/logs
mkdir -p "$LOGS"
REBUILD=0; DEMO=1; RESET=0
for arg in "$@"; do
  case $arg in
    --rebuild) REBUILD=1 ;;
    --no-demo) DEMO=0 ;;
    --reset-demo) RESET=1 ;;
    *) echo "unknown option $arg"; exit 2 ;;
  esac
done
if [[ $RESET == 1 && -d $DATA ]]; then
  # The only way to start the demo over: a partial demo is completed by the next start, never loaded twice.
  echo "==> --reset-demo: deleting $DATA (every participant, pathway, partner, figure, key and log of this machine's run)"
  rm -rf "$DATA"
  mkdir -p "$LOGS"
fi

PIDS=()
stop_all() {
  trap - INT TERM EXIT
  echo; echo "Stopping ${#PIDS[@]} processes..."
  for ((i=${#PIDS[@]}-1; i>=0; i--)); do kill "${PIDS[i]}" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  done
  echo "All stopped. Data kept in $DATA"
}
trap stop_all EXIT
trap 'exit 130' INT TERM   # the EXIT trap stops everything; without this exit the script would carry on

SERVICES=(identity-provider participant-service pathway-service partnership-service reporting-service workspace gateway)
jar_of() { echo "$ROOT/$1/target/$1-0.1.0-SNAPSHOT.jar"; }
need_build=$REBUILD
for s in "${SERVICES[@]}"; do [[ -f $(jar_of "$s") ]] || need_build=1; done
[[ -f deploy/target/infra-classpath.txt ]] || need_build=1
if [[ $need_build == 1 ]]; then
  echo "==> Building the platform (first run downloads dependencies; a few minutes)"
  ./mvnw -q -B -DskipTests install
fi

# Refuse to start over another platform: a port answered by someone else would pass for one of ours.
for port in 27017 9092 9093 9000 8081 8082 8083 8084 8085 8080; do
  if (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null; then
    echo "!! port $port is already in use (another run of the platform?); stop it first"; exit 1
  fi
done

START_TIME=$(date +%s)
# C1 only (TieredStopAtLevel=1) starts fast and uses little memory: right for the processes off the hot path. The
# gateway and pathway-service carry every command and read; they get the full JIT (C2), which costs a few seconds of
# compilation at first and then serves each request with optimised code (issue 20: thin gateway, flat commands).
JAVA_OPTS_BASE="-XX:+UseSerialGC -Xss512k -XX:MaxMetaspaceSize=160m -Xshare:auto"
JAVA_OPTS_COMMON="-XX:TieredStopAtLevel=1 $JAVA_OPTS_BASE"
JAVA_OPTS_HOT="$JAVA_OPTS_BASE -XX:ReservedCodeCacheSize=64m"
INFRA_CP="$(cat deploy/target/infra-classpath.txt):$ROOT/deploy/target/classes"

wait_port() { # name port
  local name=$1 port=$2
  for _ in $(seq 1 120); do
    if (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null; then echo "    $name is listening on $port"; return 0; fi
    sleep 0.5
  done
  echo "!! $name did not open port $port; see $LOGS"; exit 1
}
declare -A PID_OF
wait_healthy() { # name port
  local name=$1 port=$2
  printf "    waiting for %s " "$name"
  for _ in $(seq 1 240); do
    if ! kill -0 "${PID_OF[$name]}" 2>/dev/null; then
      echo; echo "!! $name stopped while starting; last lines of $LOGS/$name.log:"; tail -n 20 "$LOGS/$name.log"; exit 1
    fi
    if curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1 || \
       curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; then echo " healthy"; return 0; fi
    printf "."; sleep 1
  done
  echo; echo "!! $name is not healthy after 4 minutes; see $LOGS/$name.log"; exit 1
}

echo "==> [1/4] MongoDB-wire store (durable, $DATA/mongo)"
java -Xmx384m $JAVA_OPTS_COMMON -cp "$INFRA_CP" fr.convergence.deploy.store.EmbeddedMongoStore 27017 "$DATA/mongo" >"$LOGS/mongo.log" 2>&1 &
PIDS+=($!)
echo "==> [2/4] Kafka broker, KRaft mode ($DATA/kafka)"
java -Xmx512m $JAVA_OPTS_COMMON -cp "$INFRA_CP" fr.convergence.deploy.kafka.EmbeddedKafkaBroker 9092 "$DATA/kafka" >"$LOGS/kafka.log" 2>&1 &
PIDS+=($!)
wait_port mongo 27017
wait_port kafka 9092

# pathway- and partnership-service serve every territory of the programme (TERRITORIES=*): the eight seeded by
# participant-service and any the administrator opens later, learnt from TerritoryCreated on the participant streams,
# without a restart. Given to those two only: the other services serve no territory list (and must not start the
# discovery that comes with '*').
SEEDED_TERRITORIES=(paris lyon lille nantes strasbourg rouen charente marseille)
export MONGODB_URI=mongodb://127.0.0.1:27017 KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092 TERRITORY=paris
# Every service and the gateway trust the embedded identity provider (any OIDC provider in production).
export OIDC_ISSUER=http://localhost:9000 GATEWAY_PUBLIC_URL=http://localhost:8080
start_service() { # module port heap [extra env...]
  local module=$1 port=$2 heap=$3; shift 3
  local opts=$JAVA_OPTS_COMMON
  [[ $module == gateway || $module == pathway-service ]] && opts=$JAVA_OPTS_HOT
  env "$@" PORT="$port" java -Xmx"$heap" $opts -jar "$(jar_of "$module")" >"$LOGS/$module.log" 2>&1 &
  PIDS+=($!)
  PID_OF[$module]=$!
}
echo "==> [3/4] Identity provider and services"
# the demo provider (every demo user's password is "demo") starts only in the local profile: never in a deployment
start_service identity-provider 9000 160m SPRING_PROFILES_ACTIVE=local IDP_KEY_FILE="$DATA/idp/signing-key.json"
start_service participant-service 8081 256m MONGODB_DATABASE=participant_local PARTICIPANT_MASTER_KEY_FILE="$DATA/participant-master-key.dev"
start_service pathway-service 8082 256m MONGODB_DATABASE=pathway_local PATHWAY_CHAIN_KEY_FILE="$DATA/pathway-chain-key.dev" 'TERRITORIES=*'
start_service partnership-service 8083 256m MONGODB_DATABASE=partnership_local 'TERRITORIES=*'
start_service reporting-service 8084 320m MONGODB_DATABASE=reporting_national REPORTING_EVALUATION_KEY_FILE="$DATA/reporting-evaluation-key.dev"
start_service workspace 8085 192m PARTICIPANT_URL=http://127.0.0.1:8081 PATHWAY_URL=http://127.0.0.1:8082 PARTNERSHIP_URL=http://127.0.0.1:8083 REPORTING_URL=http://127.0.0.1:8084 AUDIT_URL=http://127.0.0.1:8082
start_service gateway 8080 192m
for pair in identity-provider:9000 participant-service:8081 pathway-service:8082 partnership-service:8083 reporting-service:8084 workspace:8085 gateway:8080; do
  wait_healthy "${pair%%:*}" "${pair##*:}"
done
# On the first run participant-service seeds the territories while the others start: wait until pathway- and
# partnership-service serve them all (their health lists what they serve) before the demo loader hires there.
wait_serving() { # name port
  local name=$1 port=$2 served missing
  printf "    waiting for %s to serve the seeded territories " "$name"
  for _ in $(seq 1 120); do
    served=$(curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -o '"territories":\[[^]]*\]' || true)
    missing=0
    for t in "${SEEDED_TERRITORIES[@]}"; do [[ $served == *"\"$t\""* ]] || missing=1; done
    if [[ $missing == 0 ]]; then echo " serving"; return 0; fi
    printf "."; sleep 1
  done
  echo; echo "!! $name does not serve every seeded territory after 2 minutes; see $LOGS/$name.log"; exit 1
}
wait_serving pathway-service 8082
wait_serving partnership-service 8083
HEALTHY=$(( $(date +%s) - START_TIME ))

report_memory() {
  local rss=0
  for pid in "${PIDS[@]}"; do rss=$(( rss + $(awk '/VmRSS/{print $2}' /proc/"$pid"/status 2>/dev/null || echo 0) )); done
  echo $(( rss / 1024 ))
}
echo "    all healthy in ${HEALTHY}s; resident memory $(report_memory) MiB in ${#PIDS[@]} processes"

echo "==> [4/4] Demo data"
# The loader keeps a journal ($DATA/demo-progress) and sends every write with an idempotency key derived from the
# demo person and step: after an interruption or a failure, the next start completes the demo and never loads a
# person twice. The marker is written only when every expected person is present.
if [[ $DEMO == 0 ]]; then
  echo "    not loaded (--no-demo)"
elif [[ -f $DATA/demo-loaded ]]; then
  echo "    $(cat "$DATA/demo-loaded") (./run.sh --reset-demo deletes everything and loads it afresh)"
else
  # In the background and waited for, so that Ctrl-C (or a TERM to this script) stops it at once like the rest.
  OIDC_ISSUER=http://127.0.0.1:9000 DEMO_PROGRESS="$DATA/demo-progress" java -Xmx256m $JAVA_OPTS_COMMON -cp "$INFRA_CP" \
    fr.convergence.deploy.demo.DemoDataLoader http://127.0.0.1:8080 > >(tee "$LOGS/demo-load.log") 2>&1 &
  LOADER=$!
  PIDS+=($LOADER)
  if wait $LOADER; then
    for _ in $(seq 1 20); do grep -q 'people present' "$LOGS/demo-load.log" && break; sleep 0.1; done   # tee's last line
    grep -o 'demo data: .* people present' "$LOGS/demo-load.log" | tail -n 1 | sed 's/$/ (loaded)/' >"$DATA/demo-loaded"
  else
    echo "!! the demo data is incomplete (see above); the platform runs with what is there, and the next ./run.sh completes it"
  fi
fi

cat <<INFO

  Convergence platform is up (all healthy in ${HEALTHY}s, resident memory now $(report_memory) MiB in ${#PIDS[@]} processes)

    Workspace     http://localhost:8080/   (each role's home: cip-aci-paris-1 → "Mes salarié·es"; sign in as a demo user below)
    Dashboard     http://localhost:8080/api/reporting/dashboard
    Sign-in       http://localhost:9000  (embedded OpenID Connect provider; every demo password is: demo)
                  analyst (national team) · auditor · admin · coordinator-paris · cdp-paris (partnerships)
                  cip-aci-paris-1 (ACI staff) · encadrant-paris-1 · auditor-paris — the same for every territory: see README
                  projet-nord (national team, lille + rouen + paris) · evaluator (pseudonymised extract)
    Gateway       http://localhost:8080
    API docs      http://localhost:8080/swagger-ui.html
    Metrics       each service: http://localhost:8081-8084/actuator/prometheus; the gateway's needs an admin token or the scrape credential (SECURITY.md)
    Audit         http://localhost:8080/api/audit/participants/<participantId>/history
    Kafka         127.0.0.1:9092      MongoDB  mongodb://127.0.0.1:27017
    Logs          $LOGS

  Press Ctrl-C to stop everything.
INFO
wait
