#!/usr/bin/env bash
# How far the national projection trails the territories' streams while the README's run command loads the demo
# (issue 7: "within about a second of the streams under the demo load"). A benchmark, not a test: it prints figures.
#   benchmarks/demo-lag.sh            start ./run.sh on a FRESH data directory (.data-demo-lag/), sample
#                                     reporting-service's metrics every few seconds while the demo loads, print a
#                                     table and the whole-load summary, stop the platform
#   SAMPLE_SECONDS=5 (default)        sampling period
#   MAX_SECONDS=600                   stop sampling after this long even if the demo is still loading
# Figures come from reporting-service's own timer `reporting.projection.delay` (time from a record's append to
# Kafka to its projection, one series per territory, summed here): its cumulative buckets (le=0.25/0.5/1/2/5 s)
# give, per sample period and for the whole load, the share of records projected within 1 s; max is Micrometer's
# decaying maximum (last two minutes). Needs run.sh's ports free; holds /tmp/mvn.lock while
# the platform runs (a build repackaging a jar under a running JVM crashes it).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DATA=$ROOT/.data-demo-lag
SAMPLE=${SAMPLE_SECONDS:-5}
MAX=${MAX_SECONDS:-0}
METRICS=http://127.0.0.1:8084/actuator/prometheus

if command -v flock >/dev/null 2>&1; then
  exec 9>/tmp/mvn.lock
  if ! flock -n 9; then echo "    waiting for /tmp/mvn.lock (a build is running)"; flock 9; fi
fi

rm -rf "$DATA"
mkdir -p "$DATA"
echo "==> starting ./run.sh on $DATA (log: $DATA/run.log)"
CONVERGENCE_DATA=$DATA setsid ./run.sh >"$DATA/run.log" 2>&1 &
RUN_PID=$!
stop() {
  trap - INT TERM EXIT
  echo "==> stopping the platform"
  kill -TERM -- -"$RUN_PID" 2>/dev/null || true   # run.sh stops what it started; a background job ignores INT
  for _ in $(seq 1 90); do kill -0 "$RUN_PID" 2>/dev/null || break; sleep 1; done
  kill -KILL -- -"$RUN_PID" 2>/dev/null || true
}
trap stop INT TERM EXIT

metric() { # text name [label-fragment] → sum over every series of that name (0 when absent)
  awk -v m="$2" -v l="${3:-}" '(index($0, m"{") == 1 || index($0, m" ") == 1) && (l == "" || index($0, l)) { v += $NF }
                               END { printf "%.0f", v }' <<<"$1"
}
maxof() { # text name → largest value over the series
  awk -v m="$2" 'index($0, m"{") == 1 && $NF + 0 > v { v = $NF + 0 } END { printf "%.3f", v }' <<<"$1"
}
bucket() { metric "$1" reporting_projection_delay_seconds_bucket "le=\"$2\""; }

until curl -fs "$METRICS" >/dev/null 2>&1; do
  kill -0 "$RUN_PID" 2>/dev/null || { echo "!! run.sh stopped; see $DATA/run.log"; tail -20 "$DATA/run.log"; exit 1; }
  sleep 2
done
echo "==> reporting-service is up; sampling every ${SAMPLE}s until the demo is loaded (+30 s)"
printf "%8s %10s %9s %14s %9s %22s\n" "t (s)" "projected" "per s" "within 1 s" "max ms" "demo"
START=$(date +%s); LAST_COUNT=0; LAST_IN=0; LAST_T=$START; DONE_AT=0; WORST_MAX=0
while true; do
  sleep "$SAMPLE"
  NOW=$(date +%s)
  TEXT=$(curl -fs "$METRICS" || true)
  COUNT=$(metric "$TEXT" reporting_projection_delay_seconds_count)
  IN=$(bucket "$TEXT" 1.0)
  MAXS=$(maxof "$TEXT" reporting_projection_delay_seconds_max)
  PROGRESS=$(grep -aoE '[0-9]+/[0-9]+ participants' "$DATA/run.log" | tail -1 || true)
  awk -v t="$((NOW - START))" -v c="$COUNT" -v lc="$LAST_COUNT" -v i="$IN" -v li="$LAST_IN" -v dt="$((NOW - LAST_T))" \
      -v m="$MAXS" -v p="${PROGRESS:-starting}" 'BEGIN {
        n = c - lc; share = n > 0 ? sprintf("%.1f %%", 100 * (i - li) / n) : "-";
        printf "%8d %10d %9.1f %14s %9.0f %22s\n", t, c, n / (dt > 0 ? dt : 1), share, m * 1000, p }'
  WORST_MAX=$(awk -v a="$WORST_MAX" -v b="$MAXS" 'BEGIN { print (b > a ? b : a) }')
  LAST_COUNT=$COUNT; LAST_IN=$IN; LAST_T=$NOW
  if [[ $DONE_AT == 0 && -f $DATA/demo-loaded ]]; then DONE_AT=$NOW; fi
  if [[ $DONE_AT != 0 && $((NOW - DONE_AT)) -ge 30 ]]; then break; fi
  if [[ $MAX -gt 0 && $((NOW - START)) -ge $MAX ]]; then echo "    (stopped sampling after ${MAX_SECONDS}s; demo still loading)"; break; fi
  if ! kill -0 "$RUN_PID" 2>/dev/null; then echo "!! run.sh stopped; see $DATA/run.log"; exit 1; fi
done

TEXT=$(curl -fs "$METRICS")
TOTAL=$(metric "$TEXT" reporting_projection_delay_seconds_count)
echo
echo "Demo load: $(grep -E 'demo data:' "$DATA/run.log" | tail -1 || echo 'see run.log')"
echo "Records projected by the live consumer: $TOTAL (applied $(metric "$TEXT" reporting_events_total 'outcome="applied"'),\
 duplicate $(metric "$TEXT" reporting_events_total 'outcome="duplicate"'), ignored $(metric "$TEXT" reporting_events_total \
 'outcome="ignored"'), parked $(metric "$TEXT" reporting_events_total 'outcome="parked"'))"
for le in 0.25 0.5 1.0 2.0 5.0; do
  awk -v n="$(bucket "$TEXT" "$le")" -v t="$TOTAL" -v le="$le" \
    'BEGIN { printf "  projected within %4.2f s: %6.2f %% (%d of %d)\n", le, (t > 0 ? 100 * n / t : 0), n, t }'
done
awk -v n="$(metric "$TEXT" reporting_batch_seconds_count)" -v t="$(awk '/^reporting_batch_seconds_sum/ { v += $NF } END { print v + 0 }' <<<"$TEXT")" \
    -v a="$(metric "$TEXT" reporting_consumer_assignments_total)" -v TOTAL="$TOTAL" \
  'BEGIN { printf "Batches written: %d, mean %.0f ms and %.1f records each; partition assignments (rebalances): %d\n", n, (n > 0 ? 1000 * t / n : 0), (n > 0 ? TOTAL / n : 0), a }'
awk -v m="$WORST_MAX" 'BEGIN { printf "Largest delay seen (2-minute max): %.0f ms\n", m * 1000 }'
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); $(date -u +%FT%TZ)"
