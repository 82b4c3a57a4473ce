#!/usr/bin/env bash
# Benchmark of aep-failed-batches against the standalone AEP simulator. See bench/README.md.
#
#   bench/run.sh              default sizes (a few minutes on 2 cores)
#   QUICK=1 bench/run.sh      smoke run (< 1 min)
#
# Prints one table (figures, the four ratios vs their targets) and writes it to bench/results/latest.txt.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

# ---------------------------------------------------------------- knobs
QUICK=${QUICK:-0}
if [ "$QUICK" = 1 ]; then
  d_batches=30; d_files=2; d_records=50; d_lat_batches=20; d_big=64; d_passes=1; d_curl_lat=10
else
  d_batches=300; d_files=4; d_records=100; d_lat_batches=100; d_big=1024; d_passes=3; d_curl_lat=50
fi
LIFTED='-Daep.client.max-requests-per-period=1000000'   # the request-rate limit lifted (an experiment, not a default)
BATCHES=${BATCHES:-$d_batches}            # N batches (phase A, raw parse, curl+jq)
FILES=${FILES:-$d_files}                  # M part files per batch
RECORDS=${RECORDS:-$d_records}            # K records per file (1 error entry = 1 event each)
LATENCY_MS=${LATENCY_MS:-20}              # L: simulator latency on every /data request in phase C
CONCURRENCY=${CONCURRENCY:-}              # C of the ideal time; default: the pipeline's aep.client.max-concurrent-requests
LAT_BATCHES=${LAT_BATCHES:-$d_lat_batches} # batches of the latency phase (the first ones)
CURL_BATCHES=${CURL_BATCHES:-$BATCHES}    # batches of the curl+jq phase (the first ones)
BIG_FILE_MB=${BIG_FILE_MB:-$d_big}        # MiB of the single big failed file (0 = skip phase E)
BIG_XMX=${BIG_XMX:-256m}                  # heap of the big-file run
PASSES=${PASSES:-$d_passes}               # timed passes of the raw parse (median reported)
APP_OPTS=${APP_OPTS:-}                    # extra JVM options for every pipeline run (e.g. a concurrency knob)
A_APP_OPTS=${A_APP_OPTS-$LIFTED}          # extra JVM options for phase A (default: rate limit lifted)
LAT_APP_OPTS=${LAT_APP_OPTS-$LIFTED -Daep.client.max-concurrent-requests=16 -Daep.parallel.batches=16 -Daep.parallel.files=4}
                                          # extra JVM options for phase B (default: rate lifted, 16 in flight)
DEF_BATCHES=${DEF_BATCHES:-$d_lat_batches} # batches of phase D (shipped defaults, latency L)
CURL_LAT_BATCHES=${CURL_LAT_BATCHES:-$d_curl_lat} # batches of curl+jq at latency L (the first ones)
TOKEN_TTL_S=${TOKEN_TTL_S:-5}             # lifetime (expires_in) of the simulator's tokens
IDLE_S=${IDLE_S:-2}                       # camel.main.duration-max-idle-seconds of every pipeline run
WARM_IDLE_S=${WARM_IDLE_S:-8}             # the same for the A'/B' runs (outlasts the inbox's pick-up delay)
WARM_PASSES=${WARM_PASSES:-5}             # warm-up passes of the A'/B' runs before the measured one (the JIT settles by then)
APP_TIMEOUT_S=${APP_TIMEOUT_S:-900}       # a pipeline run that takes longer is stopped (and reported)
SKIP=${SKIP:-}                            # comma-separated phases to skip: latency,defaults,curl,big,raw,running
WORK=${WORK:-bench/.work}                 # scratch (logs, outputs); wiped at start
RESULTS=${RESULTS:-bench/results/latest.txt}
JFR=${JFR:-0}                             # 1 = record phase A with Java Flight Recorder ($WORK/throughput/app.jfr)

# A shipped setting of config/application.properties (empty when absent).
shipped() { awk -F= -v k="$1" '{ key = $1; gsub(/[[:space:]]/, "", key) } key == k { v = $2 } END { gsub(/[[:space:]]/, "", v); print v }' config/application.properties 2>/dev/null || true; }
DEF_RATE=$(shipped aep.client.max-requests-per-period); DEF_PERIOD_MS=$(shipped aep.client.rate-period-ms)
DEF_C=$(shipped aep.client.max-concurrent-requests)
# C: CONCURRENCY, else -Daep.client.max-concurrent-requests in LAT_APP_OPTS / APP_OPTS, else config/application.properties,
# else 4 (a pipeline without that setting).
C_SOURCE="CONCURRENCY"
if [ -z "$CONCURRENCY" ]; then
  for opts in "$LAT_APP_OPTS" "$APP_OPTS"; do
    CONCURRENCY=$(grep -oE -- '-Daep\.client\.max-concurrent-requests=[0-9]+' <<<"$opts" | tail -1 | cut -d= -f2 || true)
    [ -n "$CONCURRENCY" ] && { C_SOURCE="-Daep.client.max-concurrent-requests"; break; }
  done
fi
if [ -z "$CONCURRENCY" ]; then
  CONCURRENCY=$(grep -E '^[[:space:]]*aep\.client\.max-concurrent-requests[[:space:]]*=' config/application.properties 2>/dev/null \
    | tail -1 | cut -d= -f2 | tr -d '[:space:]' || true)
  C_SOURCE="aep.client.max-concurrent-requests in config/application.properties"
fi
if [ -z "$CONCURRENCY" ]; then CONCURRENCY=4; C_SOURCE="default (the pipeline has no aep.client.max-concurrent-requests)"; fi

JAR=target/aep-failed-batches-runnable.jar
CLASSES=bench/.build/classes
SECRET=bench-secret-$$                    # the simulator's client secret for this run (not a real credential)
MIB=1048576

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
now() { date +%s.%N; }
calc() { awk "BEGIN { printf \"$1\", $2 }"; }
skipped() { [[ ",$SKIP," == *",$1,"* ]]; }
is_root() { [ "$(id -u)" = 0 ]; }

# ---------------------------------------------------------------- tools
command -v java >/dev/null || die "java (17+) is required"
command -v javac >/dev/null || die "javac (JDK 17+) is required"
command -v curl >/dev/null || die "curl is required"
if ! command -v jq >/dev/null; then
  if is_root && command -v apt-get >/dev/null; then
    log "jq missing: apt-get install -y jq"
    apt-get install -y -qq jq >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq jq >/dev/null; }
  fi
  command -v jq >/dev/null || die "jq is required for the curl+jq baseline: install it (e.g. sudo apt-get install -y jq) and run again"
fi
TIME_BIN=
if [ -x /usr/bin/time ] && /usr/bin/time -v true >/dev/null 2>&1; then
  TIME_BIN=/usr/bin/time
elif is_root && command -v apt-get >/dev/null; then
  log "GNU time missing: apt-get install -y time (falls back to polling VmHWM if that fails)"
  apt-get install -y -qq time >/dev/null 2>&1 || true
  [ -x /usr/bin/time ] && /usr/bin/time -v true >/dev/null 2>&1 && TIME_BIN=/usr/bin/time
fi
[ -n "$TIME_BIN" ] || log "no GNU time: peak RSS is read from /proc/<pid>/status VmHWM every 0.2 s"

# ---------------------------------------------------------------- build
jar_has_simulator() { if command -v unzip >/dev/null; then unzip -l "$JAR"; else jar tf "$JAR"; fi 2>/dev/null | grep "simulator/SimulatorMain.class" >/dev/null; }
if [ ! -f "$JAR" ] || ! jar_has_simulator; then
  command -v mvn >/dev/null || die "$JAR is missing and mvn is not installed"
  log "building $JAR (mvn -B -q package -DskipTests)"
  mvn -B -q package -DskipTests >&2
fi
if [ ! -f "$CLASSES/dev/aep/failedbatches/bench/RawParse.class" ] \
    || [ bench/src/dev/aep/failedbatches/bench/RawParse.java -nt "$CLASSES/dev/aep/failedbatches/bench/RawParse.class" ] \
    || [ "$JAR" -nt "$CLASSES/dev/aep/failedbatches/bench/RawParse.class" ]; then
  log "compiling bench/src (javac against $JAR)"
  rm -rf "$CLASSES" && mkdir -p "$CLASSES"
  javac -nowarn -d "$CLASSES" -cp "$JAR" bench/src/dev/aep/failedbatches/bench/*.java
fi

rm -rf "$WORK" && mkdir -p "$WORK" "$(dirname "$RESULTS")"
# CPU used by other processes during 1 s before the run (from /proc/stat), in % of all cores.
cpu_busy() {
  local a b
  a=$(awk '/^cpu / {print $2+$3+$4+$7+$8, $5+$6}' /proc/stat 2>/dev/null) || { echo "?"; return; }
  sleep 1
  b=$(awk '/^cpu / {print $2+$3+$4+$7+$8, $5+$6}' /proc/stat)
  awk -v a="$a" -v b="$b" 'BEGIN { split(a, x, " "); split(b, y, " "); t = (y[1]-x[1]) + (y[2]-x[2]); printf "%.0f", (t > 0 ? 100 * (y[1]-x[1]) / t : 0) }'
}
BUSY_START=$(cpu_busy)
if [ "$BUSY_START" != "?" ] && [ "$BUSY_START" -gt 10 ]; then
  log "WARNING: other processes use ${BUSY_START}% of the CPU before the run: figures will be lower than on an idle host"
fi

# ---------------------------------------------------------------- simulator
SIM_PID=; APP_PID=; HWM_PID=
# Stops a process this script started, and its descendants (by pid, deepest first).
kill_tree() {
  local pid=$1 child
  for child in $(pgrep -P "$pid" 2>/dev/null || true); do kill_tree "$child"; done
  kill "$pid" 2>/dev/null || true
}
cleanup() {
  if [ -n "$HWM_PID" ]; then kill_tree "$HWM_PID"; fi
  if [ -n "$APP_PID" ]; then kill_tree "$APP_PID"; fi
  if [ -n "$SIM_PID" ]; then kill_tree "$SIM_PID"; wait "$SIM_PID" 2>/dev/null || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log "starting the simulator: $BATCHES batches x $FILES files x $RECORDS records, big file ${BIG_FILE_MB} MiB"
java -Xmx512m -cp "$JAR" dev.aep.failedbatches.simulator.SimulatorMain \
  --batches "$BATCHES" --files "$FILES" --records "$RECORDS" --latency-ms 0 \
  --big-file-mb "$(skipped big && echo 0 || echo "$BIG_FILE_MB")" \
  --token-ttl-seconds "$TOKEN_TTL_S" --client-secret "$SECRET" --ids-out "$WORK/ids.txt" > "$WORK/simulator.log" 2>&1 &
SIM_PID=$!
for _ in $(seq 1 300); do
  grep -q '^SIMULATOR_READY' "$WORK/simulator.log" 2>/dev/null && break
  kill -0 "$SIM_PID" 2>/dev/null || { cat "$WORK/simulator.log" >&2; die "the simulator did not start"; }
  sleep 0.1
done
ready=$(grep '^SIMULATOR_READY' "$WORK/simulator.log") || die "the simulator is not ready after 30 s"
BASE=$(sed -E 's/.*base-url=([^ ]+).*/\1/' <<<"$ready")
TOKEN_URL=$(sed -E 's/.*token-url=([^ ]+).*/\1/' <<<"$ready")
ADMIN=$(sed -E 's/.*admin-url=([^ ]+).*/\1/' <<<"$ready")
admin() { curl -sS -f -X POST "$ADMIN/$1"; }
stat_of() { curl -sS -f "$ADMIN/stats" | jq -r ".$1"; }
INFO=$(curl -sS -f "$ADMIN/info")
EXP_EVENTS=$(jq -r .events <<<"$INFO"); EXP_BYTES=$(jq -r .bytes <<<"$INFO")
BIG_ID=$(jq -r '.bigBatchId // empty' <<<"$INFO"); BIG_BYTES=$(jq -r .bigFileBytes <<<"$INFO")
BIG_EVENTS=$(jq -r .bigFileEvents <<<"$INFO")
log "simulator on $BASE (admin $ADMIN): $EXP_EVENTS events, $(calc %.1f "$EXP_BYTES/$MIB") MiB"

# ---------------------------------------------------------------- one pipeline run
# run_app <label> <ids-file> <heap or empty> <extra JVM options>
# Sets R_WALL (first request the simulator saw -> newest report file mtime), R_PROC (process launch -> exit, minus
# the idle seconds), R_EVENTS (lines in out/errors/**/*.jsonl), R_REPORTS, R_DEAD, R_BYTES (bytes served),
# R_REQS (/data requests), R_NON2XX, R_RSS_KB (peak RSS), R_RC (exit code).
# run_app <label> <ids-file> <heap or empty> <extra JVM options> [<latency of the measured pass>]
# With a fifth argument the run has several passes in one JVM (a bundle that is already running): WARM_PASSES
# warm-up passes of the batches at latency 0 (each pass drops the same IDs into the inbox again under another name, a
# re-drive that rewrites every output), then, once every report is written, the simulator's counters are reset, its
# latency set, and the same IDs dropped once more. The figures are then those of that last pass; R_REWRITTEN counts
# the reports it rewrote.
run_app() {
  local label=$1 ids=$2 heap=$3 extra=$4 second=${5:-}
  local dir="$WORK/$label" idle=$IDLE_S
  [ -n "$second" ] && idle=$WARM_IDLE_S
  rm -rf "$dir" && mkdir -p "$dir/inbox" "$dir/out"
  cp "$ids" "$dir/inbox/batches.txt"
  admin reset >/dev/null
  # timeout(1) stops a run that hangs; GNU time reports the peak RSS of its largest descendant (the JVM).
  local -a cmd=(timeout --signal=TERM --kill-after=30 "$APP_TIMEOUT_S" java)
  [ -n "$heap" ] && cmd+=("-Xmx$heap")
  # shellcheck disable=SC2206
  cmd+=($APP_OPTS $extra
    -Daep.api.base-url="$BASE" -Daep.ims.token-url="$TOKEN_URL"
    -Daep.auth.client-id=demo-client -Daep.auth.org-id=DEMO0000000000000000000@AdobeOrg
    -Daep.inbox.dir="$dir/inbox" -Daep.output.dir="$dir/out" -Dcamel.main.duration-max-idle-seconds="$idle"
    -jar "$JAR")
  log "[$label] ${cmd[*]}"
  local t0 t1
  t0=$(now)
  if [ -n "$TIME_BIN" ]; then
    AEP_AUTH_CLIENT_SECRET=$SECRET "$TIME_BIN" -v -o "$dir/time.txt" "${cmd[@]}" > "$dir/app.log" 2>&1 &
  else
    AEP_AUTH_CLIENT_SECRET=$SECRET "${cmd[@]}" > "$dir/app.log" 2>&1 &
  fi
  APP_PID=$!
  if [ -z "$TIME_BIN" ]; then
    # VmHWM (the kernel's peak RSS) of the JVM, the child of timeout(1); it only grows, so the last read is the peak.
    ( jvm=
      while kill -0 "$APP_PID" 2>/dev/null; do
        [ -z "$jvm" ] && jvm=$(pgrep -P "$APP_PID" 2>/dev/null | head -1)
        if [ -n "$jvm" ]; then
          awk '/^VmHWM/ {print $2}' "/proc/$jvm/status" > "$dir/vmhwm.tmp" 2>/dev/null && [ -s "$dir/vmhwm.tmp" ] \
            && mv "$dir/vmhwm.tmp" "$dir/vmhwm"
        fi
        sleep 0.2
      done ) &
    HWM_PID=$!
  fi
  R_REWRITTEN=; R_CPU_APP=nan; R_CPU_SIM=nan; R_CPU_JIT=nan
  if [ -n "$second" ]; then
    local n pass marker="$dir/second-pass.marker"
    n=$(wc -l < "$ids")
    while kill -0 "$APP_PID" 2>/dev/null && [ "$(count_files "$dir/out/reports" '*.json')" -lt "$n" ]; do sleep 0.1; done
    # more warm-up passes: the same IDs again, each pass done when all n reports are newer than its start
    for pass in $(seq 2 "$WARM_PASSES"); do
      touch "$marker"
      cp "$ids" "$dir/inbox/batches-warm-up-$pass.txt"
      while kill -0 "$APP_PID" 2>/dev/null \
          && [ "$(find "$dir/out/reports" -name '*.json' -newer "$marker" | wc -l)" -lt "$n" ]; do sleep 0.1; done
    done
    admin "latency?ms=$second" >/dev/null
    admin reset >/dev/null
    touch "$marker"
    log "[$label] $WARM_PASSES warm-up pass(es) done: the same $n IDs again, latency $second ms"
    local jvm cpu_app0 cpu_sim0 cpu_jit0
    jvm=$(jvm_of "$APP_PID"); cpu_app0=$(cpu_ticks "$jvm"); cpu_sim0=$(cpu_ticks "$SIM_PID"); cpu_jit0=$(jit_ticks "$jvm")
    cp "$ids" "$dir/inbox/batches-again.txt"
    # the CPU both processes used in the measured pass: from the drop (the inbox's pick-up delay and the compilers
    # still busy with the warm-up are in it) to its last report (the JVM then idles until it exits)
    while kill -0 "$APP_PID" 2>/dev/null \
        && [ "$(find "$dir/out/reports" -name '*.json' -newer "$marker" | wc -l)" -lt "$n" ]; do sleep 0.05; done
    R_CPU_APP=$(cpu_since "$jvm" "$cpu_app0"); R_CPU_SIM=$(cpu_since "$SIM_PID" "$cpu_sim0")
    R_CPU_JIT=$(cpu_since "$jvm" "$cpu_jit0" jit_ticks)
  fi
  R_RC=0
  wait "$APP_PID" || R_RC=$?
  t1=$(now)
  APP_PID=
  if [ -n "$HWM_PID" ]; then wait "$HWM_PID" 2>/dev/null || true; HWM_PID=; fi
  [ "$R_RC" = 124 ] && log "[$label] stopped after APP_TIMEOUT_S=${APP_TIMEOUT_S} s"

  local stats first last
  stats=$(curl -sS -f "$ADMIN/stats")
  first=$(jq -r .firstRequestAtMs <<<"$stats")
  last=; [ -d "$dir/out/reports" ] && last=$(find "$dir/out/reports" -name '*.json' -printf '%T@\n' | sort -n | tail -1)
  if [ "$first" != 0 ] && [ -n "$last" ]; then R_WALL=$(calc %.3f "$last - $first/1000"); else R_WALL=nan; fi
  R_PROC=$(calc %.3f "$t1 - $t0 - $idle")
  if [ -n "$second" ]; then
    R_REWRITTEN=$(find "$dir/out/reports" -name '*.json' -newer "$dir/second-pass.marker" | wc -l)
    admin "latency?ms=0" >/dev/null
  fi
  R_EVENTS=$(count_lines "$dir/out/errors" '*.jsonl')
  R_REPORTS=$(count_files "$dir/out/reports" '*.json')
  R_DEAD=$(count_files "$dir/out/dead-letter" '*.json')
  R_BYTES=$(jq -r .bytesServed <<<"$stats")
  R_REQS=$(jq -r .dataRequests <<<"$stats")
  R_NON2XX=$(jq -r .non2xx <<<"$stats")
  R_TOKENS=$(jq -r .tokenRequests <<<"$stats")
  # /data requests the simulator served at once: the most, and the average while any was (counts, load-independent)
  R_INFLIGHT_MAX=$(jq -r '.dataInFlightMax // "?"' <<<"$stats")
  R_INFLIGHT_AVG=$(jq -r '.dataInFlightAvg // "?"' <<<"$stats")
  if [ -n "$TIME_BIN" ]; then
    R_RSS_KB=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$dir/time.txt")
  else
    R_RSS_KB=$(cat "$dir/vmhwm" 2>/dev/null || echo 0)
  fi
  log "[$label] exit=$R_RC wall=${R_WALL}s process=${R_PROC}s events=$R_EVENTS reports=$R_REPORTS dead=$R_DEAD bytes=$R_BYTES requests=$R_REQS non2xx=$R_NON2XX peakRSS=${R_RSS_KB}kB"
}

# the JVM under timeout(1) (and GNU time): the deepest descendant of the launched pid
jvm_of() { local pid=$1 child; while child=$(pgrep -P "$pid" 2>/dev/null | head -1) && [ -n "$child" ]; do pid=$child; done; echo "$pid"; }
# user + system CPU of a process so far, in clock ticks
cpu_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat" 2>/dev/null || echo nan; }
CLK_TCK=$(getconf CLK_TCK 2>/dev/null || echo 100)
# the same for the JIT compiler threads of a JVM (threads that ended are not counted)
jit_ticks() {
  local t sum=0 n
  for t in /proc/"$1"/task/*; do
    [[ "$(cat "$t/comm" 2>/dev/null)" == C[12]\ CompilerThre* ]] || continue
    n=$(cpu_ticks "${t#/proc/}") && [ "$n" != nan ] && sum=$((sum + n))
  done
  echo "$sum"
}
# seconds of CPU a process used since <ticks> (nan when either reading failed)
cpu_since() { local now; now=$(${3:-cpu_ticks} "$1"); if [ "$now" = nan ] || [ "$2" = nan ]; then echo nan; else calc %.2f "($now - $2) / $CLK_TCK"; fi; }
count_files() { if [ -d "$1" ]; then find "$1" -maxdepth 1 -type f -name "$2" | wc -l; else echo 0; fi; }
count_lines() { if [ -d "$1" ]; then find "$1" -type f -name "$2" -exec cat {} + | wc -l; else echo 0; fi; }

CHECKS=()
check() { # check <what> <actual> <expected>
  if [ "$2" = "$3" ]; then CHECKS+=("ok   $1: $2"); else CHECKS+=("FAIL $1: $2, expected $3"); fi
}
verdict() { # verdict <awk condition on x> <x>
  if [ "$2" = nan ] || [ -z "$2" ]; then echo "n/a"; return; fi
  awk -v x="$2" "BEGIN { exit !($1) }" && echo PASS || echo MISS
}

# ---------------------------------------------------------------- A: throughput, latency 0
admin "latency?ms=0" >/dev/null
jfr_opt=; [ "$JFR" = 1 ] && jfr_opt="-XX:StartFlightRecording=filename=$WORK/throughput/app.jfr,settings=profile"
run_app throughput "$WORK/ids.txt" "" "$A_APP_OPTS $jfr_opt"
A_WALL=$R_WALL; A_PROC=$R_PROC; A_EVENTS=$R_EVENTS; A_BYTES=$R_BYTES; A_REQS=$R_REQS; A_TOKENS=$R_TOKENS
A_MS_PER_REQ=$(calc %.2f "$A_WALL * 1000 / $A_REQS")
# tokens: one token request per token lifetime, renewed a margin before it expires (the pipeline caps the margin at
# a quarter of the lifetime). Over a wall of W s a token is needed at the start and then every (lifetime - margin)
# s: at most 1 + floor(W / (lifetime - margin)) requests. The figure is the requests over that bound (<= 1: no token
# was fetched while the one in hand still had more than the margin to live). Margin: -Daep.auth.refresh-margin-seconds
# in A_APP_OPTS / APP_OPTS, else config/application.properties, else 300 (the pipeline's default).
A_MARGIN_CFG=
for opts in "$A_APP_OPTS" "$APP_OPTS"; do
  A_MARGIN_CFG=$(grep -oE -- '-Daep\.auth\.refresh-margin-seconds=[0-9]+' <<<"$opts" | tail -1 | cut -d= -f2 || true)
  [ -n "$A_MARGIN_CFG" ] && break
done
[ -z "$A_MARGIN_CFG" ] && A_MARGIN_CFG=$(shipped aep.auth.refresh-margin-seconds)
A_MARGIN=$(awk -v m="${A_MARGIN_CFG:-300}" -v t="$TOKEN_TTL_S" 'BEGIN { q = t / 4; print (m > q ? q : m) }')
A_TOKENS_MAX=$(awk -v w="$A_WALL" -v t="$TOKEN_TTL_S" -v m="$A_MARGIN" 'BEGIN { if (w != w + 0) { print "nan"; exit } print 1 + int(w / (t - m)) }')
A_LIFETIMES=$(awk -v w="$A_WALL" -v t="$TOKEN_TTL_S" 'BEGIN { if (w != w + 0) { print "nan"; exit } n = int(w / t); if (n * t < w) n++; if (n < 1) n = 1; print n }')
TOKENS_PER_LIFETIME=nan
[ "$A_TOKENS_MAX" != nan ] && TOKENS_PER_LIFETIME=$(calc %.2f "$A_TOKENS / $A_TOKENS_MAX")
A_EPS=$(calc %.0f "$A_EVENTS/$A_WALL"); A_MBPS=$(calc %.2f "$A_BYTES/$MIB/$A_WALL")
check "A events" "$A_EVENTS" "$EXP_EVENTS"
check "A bytes served" "$A_BYTES" "$EXP_BYTES"
check "A reports" "$R_REPORTS" "$BATCHES"
check "A dead letters" "$R_DEAD" 0
check "A non-2xx answers" "$R_NON2XX" 0
check "A exit code" "$R_RC" 0

# ---------------------------------------------------------------- raw Jackson parse of the same bytes
RAW_MBPS=nan; RAW_EPS=nan; TREE_MBPS=nan; TREE_EPS=nan
if ! skipped raw; then
  log "raw Jackson parse of the same bytes ($PASSES timed passes)"
  java -Xmx2g -cp "$JAR:$CLASSES" dev.aep.failedbatches.bench.RawParse --batches "$BATCHES" --files "$FILES" \
    --records "$RECORDS" --passes "$PASSES" > "$WORK/rawparse.txt" 2> "$WORK/rawparse.err" || die "RawParse failed: $(cat "$WORK/rawparse.err")"
  cat "$WORK/rawparse.txt" >&2
  field() { grep "mode=$1 " "$WORK/rawparse.txt" | tr ' ' '\n' | awk -F= -v k="$2" '$1 == k {print $2}'; }
  RAW_MBPS=$(field stream mbps); RAW_EPS=$(field stream eps); TREE_MBPS=$(field tree mbps); TREE_EPS=$(field tree eps)
  check "raw parse bytes" "$(field stream bytes)" "$EXP_BYTES"
  check "raw parse events" "$(field stream events)" "$EXP_EVENTS"
  # a streaming parse does less than a tree per line: slower means the host disturbed the baseline (rerun)
  check "raw parse faster than readTree (undisturbed baseline)" \
    "$(awk -v a="$RAW_MBPS" -v b="$TREE_MBPS" 'BEGIN { print (a > b ? "yes" : "no") }')" yes
fi
RATIO_PARSE=nan; [ "$RAW_MBPS" != nan ] && RATIO_PARSE=$(calc %.3f "$A_MBPS/$RAW_MBPS")

# ---------------------------------------------------------------- A': the same batches, the bundle already running
# A service that has run a while: the JIT has compiled the hot paths (a cold run spends about a third of its CPU
# compiling). The pass after WARM_PASSES warm-up passes of the same IDs in one JVM (run_app), latency 0.
AW_WALL=nan; AW_MBPS=nan; AW_EPS=nan; AW_REQS=0; RATIO_PARSE_W=nan; AW_CPU_APP=nan; AW_CPU_SIM=nan; AW_CPU_JIT=nan
if ! skipped running; then
  run_app running "$WORK/ids.txt" "" "$A_APP_OPTS" 0
  AW_WALL=$R_WALL; AW_REQS=$R_REQS; AW_CPU_APP=$R_CPU_APP; AW_CPU_SIM=$R_CPU_SIM; AW_CPU_JIT=$R_CPU_JIT
  [ "$AW_WALL" != nan ] && { AW_EPS=$(calc %.0f "$R_EVENTS/$AW_WALL"); AW_MBPS=$(calc %.2f "$R_BYTES/$MIB/$AW_WALL"); }
  AW_MS_PER_REQ=$(calc %.2f "$AW_WALL * 1000 / $AW_REQS")
  [ "$RAW_MBPS" != nan ] && [ "$AW_MBPS" != nan ] && RATIO_PARSE_W=$(calc %.3f "$AW_MBPS/$RAW_MBPS")
  check "A' events" "$R_EVENTS" "$EXP_EVENTS"
  check "A' bytes served (measured pass)" "$R_BYTES" "$EXP_BYTES"
  check "A' reports rewritten by the measured pass" "$R_REWRITTEN" "$BATCHES"
  check "A' dead letters" "$R_DEAD" 0
  check "A' non-2xx answers" "$R_NON2XX" 0
  check "A' exit code" "$R_RC" 0
fi

# ---------------------------------------------------------------- B: latency L, concurrency C
# The latency figures of the last run_app: L_IDEAL (/data requests x L / C), L_RATIO (wall / ideal), L_EFF (requests
# effectively in flight: requests x L / wall), L_INFLIGHT (the simulator's gauge).
latency_figures() {
  L_IDEAL=$(calc %.3f "$R_REQS * $LATENCY_MS / 1000 / $CONCURRENCY")
  L_RATIO=$(calc %.2f "$R_WALL / $L_IDEAL")
  L_EFF=$(calc %.2f "$R_REQS * $LATENCY_MS / 1000 / $R_WALL")
  L_INFLIGHT="most $R_INFLIGHT_MAX, average $R_INFLIGHT_AVG while any"
}
B_WALL=nan; B_REQS=0; B_IDEAL=nan; RATIO_LAT=nan; B_EFF=nan; LAT_N=0
if ! skipped latency; then
  LAT_N=$(( LAT_BATCHES < BATCHES ? LAT_BATCHES : BATCHES ))
  head -n "$LAT_N" "$WORK/ids.txt" > "$WORK/ids-latency.txt"
  admin "latency?ms=$LATENCY_MS" >/dev/null
  run_app latency "$WORK/ids-latency.txt" "" "$LAT_APP_OPTS"
  admin "latency?ms=0" >/dev/null
  latency_figures
  B_WALL=$R_WALL; B_REQS=$R_REQS; B_IDEAL=$L_IDEAL; RATIO_LAT=$L_RATIO; B_EFF=$L_EFF; B_INFLIGHT=$L_INFLIGHT
  check "B events" "$R_EVENTS" "$(( LAT_N * FILES * RECORDS ))"
  check "B reports" "$R_REPORTS" "$LAT_N"
  check "B non-2xx answers" "$R_NON2XX" 0
fi
# B': the same, the bundle already running (the pass after WARM_PASSES warm-up passes at latency 0)
BW_WALL=nan; BW_IDEAL=nan; RATIO_LAT_W=nan; BW_EFF=nan; BW_CPU_APP=nan; BW_CPU_SIM=nan; BW_CPU_JIT=nan
if ! skipped latency && ! skipped running; then
  run_app running-latency "$WORK/ids-latency.txt" "" "$LAT_APP_OPTS" "$LATENCY_MS"
  latency_figures
  BW_WALL=$R_WALL; BW_IDEAL=$L_IDEAL; RATIO_LAT_W=$L_RATIO; BW_EFF=$L_EFF; BW_INFLIGHT=$L_INFLIGHT
  BW_CPU_APP=$R_CPU_APP; BW_CPU_SIM=$R_CPU_SIM; BW_CPU_JIT=$R_CPU_JIT
  check "B' events" "$R_EVENTS" "$(( LAT_N * FILES * RECORDS ))"
  check "B' reports rewritten by the measured pass" "$R_REWRITTEN" "$LAT_N"
  check "B' non-2xx answers" "$R_NON2XX" 0
fi

# ---------------------------------------------------------------- D: shipped defaults, latency L
# Floor = what the configured rate and concurrency allow: max(requests / rate, requests x L / concurrency).
DF_WALL=nan; DF_FLOOR=nan; RATIO_DEF=nan; DEF_N=0; DF_REQS=0
if ! skipped defaults; then
  DEF_N=$(( DEF_BATCHES < BATCHES ? DEF_BATCHES : BATCHES ))
  head -n "$DEF_N" "$WORK/ids.txt" > "$WORK/ids-defaults.txt"
  admin "latency?ms=$LATENCY_MS" >/dev/null
  run_app defaults "$WORK/ids-defaults.txt" "" ""
  admin "latency?ms=0" >/dev/null
  DF_WALL=$R_WALL; DF_REQS=$R_REQS
  DF_INFLIGHT="most $R_INFLIGHT_MAX, average $R_INFLIGHT_AVG while any"
  DF_FLOOR=$(awk -v n="$DF_REQS" -v r="${DEF_RATE:-0}" -v p="${DEF_PERIOD_MS:-1000}" -v l="$LATENCY_MS" -v c="${DEF_C:-4}" \
    'BEGIN { a = (r > 0 ? n * p / 1000 / r : 0); b = n * l / 1000 / c; printf "%.3f", (a > b ? a : b) }')
  RATIO_DEF=$(calc %.2f "$DF_WALL / $DF_FLOOR")
  check "D events" "$R_EVENTS" "$(( DEF_N * FILES * RECORDS ))"
  check "D reports" "$R_REPORTS" "$DEF_N"
  check "D non-2xx answers" "$R_NON2XX" 0
fi

# ---------------------------------------------------------------- C: curl + jq (the seed's approach)
C_WALL=nan; C_EPS=nan; SPEEDUP=nan; SPEEDUP_W=nan; CURL_N=0
if ! skipped curl; then
  CURL_N=$(( CURL_BATCHES < BATCHES ? CURL_BATCHES : BATCHES ))
  head -n "$CURL_N" "$WORK/ids.txt" > "$WORK/ids-curl.txt"
  admin reset >/dev/null
  log "[curl+jq] $CURL_N batches, one curl + one jq per file"
  t0=$(now)
  AEP_CLIENT_SECRET=$SECRET bench/curl-jq.sh "$BASE" "$TOKEN_URL" "$WORK/ids-curl.txt" "$WORK/curl-jq/out" \
    > "$WORK/curl-jq.log" 2>&1 || die "curl+jq failed: $(tail -5 "$WORK/curl-jq.log")"
  t1=$(now)
  C_WALL=$(calc %.3f "$t1 - $t0")
  C_EVENTS=$(count_lines "$WORK/curl-jq/out" '*.jsonl')
  C_EPS=$(calc %.0f "$C_EVENTS/$C_WALL")
  log "[curl+jq] wall=${C_WALL}s events=$C_EVENTS"
  check "curl+jq events" "$C_EVENTS" "$(( CURL_N * FILES * RECORDS ))"
  # per-batch time of curl+jq / per-batch time of the pipeline (the same when both ran the same batches)
  SPEEDUP=$(calc %.1f "($C_WALL / $CURL_N) / ($A_WALL / $BATCHES)")
  SPEEDUP_PROC=$(calc %.1f "($C_WALL / $CURL_N) / ($A_PROC / $BATCHES)")
  SPEEDUP_W=nan; [ "$AW_WALL" != nan ] && SPEEDUP_W=$(calc %.1f "($C_WALL / $CURL_N) / ($AW_WALL / $BATCHES)")
fi
# curl+jq at latency L (the baseline of phase B)
CL_WALL=nan; SPEEDUP_LAT=nan; SPEEDUP_LAT_W=nan; CURL_LAT_N=0
if ! skipped curl && ! skipped latency; then
  CURL_LAT_N=$(( CURL_LAT_BATCHES < BATCHES ? CURL_LAT_BATCHES : BATCHES ))
  head -n "$CURL_LAT_N" "$WORK/ids.txt" > "$WORK/ids-curl-lat.txt"
  admin reset >/dev/null
  admin "latency?ms=$LATENCY_MS" >/dev/null
  log "[curl+jq, latency $LATENCY_MS ms] $CURL_LAT_N batches"
  t0=$(now)
  AEP_CLIENT_SECRET=$SECRET bench/curl-jq.sh "$BASE" "$TOKEN_URL" "$WORK/ids-curl-lat.txt" "$WORK/curl-jq-lat/out" \
    > "$WORK/curl-jq-lat.log" 2>&1 || die "curl+jq failed: $(tail -5 "$WORK/curl-jq-lat.log")"
  t1=$(now)
  admin "latency?ms=0" >/dev/null
  CL_WALL=$(calc %.3f "$t1 - $t0")
  check "curl+jq latency events" "$(count_lines "$WORK/curl-jq-lat/out" '*.jsonl')" "$(( CURL_LAT_N * FILES * RECORDS ))"
  SPEEDUP_LAT=$(calc %.1f "($CL_WALL / $CURL_LAT_N) / ($B_WALL / $LAT_N)")
  SPEEDUP_LAT_W=nan; [ "$BW_WALL" != nan ] && SPEEDUP_LAT_W=$(calc %.1f "($CL_WALL / $CURL_LAT_N) / ($BW_WALL / $LAT_N)")
fi

# ---------------------------------------------------------------- E: one big failed file, small heap
D_RSS_MB=nan; D_WALL=nan; D_MBPS=nan; D_DONE=skipped; RATIO_BIG=nan
if ! skipped big && [ -n "$BIG_ID" ]; then
  echo "$BIG_ID" > "$WORK/ids-big.txt"
  run_app big "$WORK/ids-big.txt" "$BIG_XMX" ""
  D_WALL=$R_WALL; D_RSS_MB=$(calc %.0f "$R_RSS_KB/1024")
  [ "$D_WALL" != nan ] && D_MBPS=$(calc %.2f "$BIG_BYTES/$MIB/$D_WALL")
  [ "$D_MBPS" != nan ] && [ "$RAW_MBPS" != nan ] && RATIO_BIG=$(calc %.3f "$D_MBPS/$RAW_MBPS")
  if [ "$R_RC" = 0 ] && [ "$R_REPORTS" = 1 ] && [ "$R_DEAD" = 0 ] && [ "$R_EVENTS" = "$BIG_EVENTS" ]; then D_DONE=yes; else D_DONE=no; fi
  check "E events" "$R_EVENTS" "$BIG_EVENTS"
  check "E bytes served" "$R_BYTES" "$BIG_BYTES"
  check "E report / dead letter / exit" "$R_REPORTS/$R_DEAD/$R_RC" "1/0/0"
fi

# ---------------------------------------------------------------- table
# Targets of issue 14 (2 cores, against the baselines of this run)
V_PARSE=$(verdict 'x >= 0.25' "$RATIO_PARSE")
V_PERREQ=$(verdict 'x >= 20' "$SPEEDUP")
V_PERREQ_W=$(verdict 'x >= 20' "$SPEEDUP_W")
V_PARSE_W=$(verdict 'x >= 0.25' "$RATIO_PARSE_W")
V_LAT_W=$(verdict 'x <= 1.25' "$RATIO_LAT_W")
V_LATCURL_W=$(verdict 'x >= 20' "$SPEEDUP_LAT_W")
V_LAT=$(verdict 'x <= 1.25' "$RATIO_LAT")
V_LATCURL=$(verdict 'x >= 20' "$SPEEDUP_LAT")
V_DEF=$(verdict 'x <= 1.1' "$RATIO_DEF")
V_TOKENS=$(verdict 'x <= 1' "$TOKENS_PER_LIFETIME")
V_BIGRATIO=$(verdict 'x >= 0.5' "$RATIO_BIG")
if [ "$D_DONE" = skipped ]; then V_BIG=n/a; elif [ "$D_DONE" = yes ]; then V_BIG=$(verdict 'x < 400' "$D_RSS_MB"); else V_BIG=MISS; fi
[ "$QUICK" = 1 ] && quick_note=" (QUICK=1: smaller than the targets' sizes)" || quick_note=""
big_note=""; [ "$BIG_FILE_MB" != 1024 ] && big_note=" (target: 1024 MiB)"

{
  echo "aep-failed-batches benchmark  $(date -u +%Y-%m-%dT%H:%M:%SZ)  $(nproc) cores, $(java -version 2>&1 | head -1)$quick_note"
  echo "host CPU busy (other processes) for 1 s before the run: ${BUSY_START}%; load average after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")"
  echo "data: $BATCHES batches x $FILES files x $RECORDS records = $EXP_EVENTS events (1 error entry per record), $(calc %.1f "$EXP_BYTES/$MIB") MiB NDJSON; tokens live ${TOKEN_TTL_S} s"
  echo
  printf '%-46s %s\n' "figure" "value"
  printf '%-46s %s\n' "----------------------------------------------" "-----------------------------------------------------------"
  printf '%-46s %s\n' "A  pipeline, latency 0, $BATCHES batches" "wall $A_WALL s (first request -> last report); process ${A_PROC} s (launch -> exit - ${IDLE_S} s idle)"
  printf '%-46s %s\n' "   end-to-end rate" "$A_EPS events/s, $A_MBPS MiB/s ($A_REQS requests, $A_MS_PER_REQ ms of wall per request)"
  printf '%-46s %s\n' "   tokens" "$A_TOKENS token requests in $A_WALL s with a ${TOKEN_TTL_S}-s token renewed ${A_MARGIN} s before it expires: at most $A_TOKENS_MAX = 1 + floor(wall / (${TOKEN_TTL_S} - ${A_MARGIN})); the wall spans $A_LIFETIMES lifetimes"
  printf '%-46s %s\n' "   options" "${A_APP_OPTS:-none}"
  if ! skipped running; then
    printf '%-46s %s\n' "A' the same, bundle already running" "wall $AW_WALL s; $AW_EPS events/s, $AW_MBPS MiB/s ($AW_REQS requests, $AW_MS_PER_REQ ms of wall per request; pass $((WARM_PASSES + 1)) of one JVM)"
    # what the 0.25x throughput target leaves per batch, against what the pass used (both processes share the cores)
    if [ "$AW_CPU_APP" != nan ] && [ "$AW_CPU_SIM" != nan ]; then
      budget=; [ "$RAW_MBPS" != nan ] && budget="; 0.25x the raw parse leaves $(calc %.1f "$EXP_BYTES / $MIB / ($RAW_MBPS / 4) * 1000 / $BATCHES") ms of wall per batch, $(calc %.1f "$EXP_BYTES / $MIB / ($RAW_MBPS / 4) * 1000 / $BATCHES * $(nproc)") ms of CPU on $(nproc) cores"
      printf '%-46s %s\n' "   CPU of that pass, per batch" "bundle $(calc %.1f "$AW_CPU_APP * 1000 / $BATCHES") ms (its JIT compilers $(calc %.1f "$AW_CPU_JIT * 1000 / $BATCHES") ms of it), simulator $(calc %.1f "$AW_CPU_SIM * 1000 / $BATCHES") ms$budget"
    fi
  fi
  printf '%-46s %s\n' "R  raw Jackson streaming parse, same bytes" "$RAW_EPS events/s, $RAW_MBPS MiB/s (1 thread, in memory, median of $PASSES)"
  printf '%-46s %s\n' "   (info) Jackson readTree per line" "$TREE_EPS events/s, $TREE_MBPS MiB/s"
  if ! skipped latency; then
    printf '%-46s %s\n' "B  latency ${LATENCY_MS} ms, C=$CONCURRENCY, $LAT_N batches" "wall $B_WALL s vs ideal $B_IDEAL s ($B_REQS requests x $LATENCY_MS ms / $CONCURRENCY); effective concurrency $B_EFF"
    printf '%-46s %s\n' "   requests in flight at the simulator" "$B_INFLIGHT (the bulkhead allows $CONCURRENCY)"
    printf '%-46s %s\n' "   options" "${LAT_APP_OPTS:-none}"
    if ! skipped running; then
      printf '%-46s %s\n' "B' the same, bundle already running" "wall $BW_WALL s vs ideal $BW_IDEAL s; effective concurrency $BW_EFF; in flight: $BW_INFLIGHT"
      if [ "$BW_CPU_APP" != nan ] && [ "$BW_CPU_SIM" != nan ]; then
        printf '%-46s %s\n' "   CPU of that pass" "bundle $BW_CPU_APP s (its JIT compilers $BW_CPU_JIT s of it), simulator $BW_CPU_SIM s: $(calc %.3f "($BW_CPU_APP + $BW_CPU_SIM) / $(nproc)") s per core on $(nproc) cores; the 1.25x target allows $(calc %.3f "$BW_IDEAL * 1.25") s of wall"
      fi
    fi
  fi
  if ! skipped defaults; then
    printf '%-46s %s\n' "D  shipped defaults, latency ${LATENCY_MS} ms, $DEF_N b." "wall $DF_WALL s vs floor $DF_FLOOR s = max($DF_REQS req / ${DEF_RATE:-?} per ${DEF_PERIOD_MS:-?} ms, $DF_REQS x $LATENCY_MS ms / ${DEF_C:-?})"
    printf '%-46s %s\n' "   requests in flight at the simulator" "$DF_INFLIGHT (the bulkhead allows ${DEF_C:-?})"
  fi
  if ! skipped curl; then
    printf '%-46s %s\n' "C  curl + jq (seed approach), $CURL_N batches" "wall $C_WALL s, $C_EPS events/s (sequential; one curl + one jq per file)"
    if ! skipped latency; then
      printf '%-46s %s\n' "   the same at latency ${LATENCY_MS} ms, $CURL_LAT_N batches" "wall $CL_WALL s"
    fi
  fi
  if [ "$D_DONE" != skipped ]; then
    printf '%-46s %s\n' "E  one ${BIG_FILE_MB} MiB failed file, -Xmx$BIG_XMX" "peak RSS $D_RSS_MB MiB; completed: $D_DONE; wall $D_WALL s ($D_MBPS MiB/s, $BIG_EVENTS events)"
  fi
  echo
  printf '%-50s %-12s %-22s %s\n' "target (issue 14)" "value" "target" "result"
  printf '%-50s %-12s %-22s %s\n' "--------------------------------------------------" "------------" "----------------------" "------"
  row() { printf '%-50s %-12s %-22s %s\n' "$1" "$2" "$3" "$4"; }
  if skipped curl; then row "per-request cost: A vs curl+jq, latency 0" "-" ">= 20x" "skipped"
  else row "per-request cost: A vs curl+jq, latency 0 ($CURL_N b.)" "${SPEEDUP}x" ">= 20x" "$V_PERREQ"; fi
  if ! skipped curl && ! skipped running; then row "  the same, bundle already running (A')" "${SPEEDUP_W}x" ">= 20x" "$V_PERREQ_W"; fi
  if skipped latency; then row "scaling: B wall / ideal" "-" "<= 1.25" "skipped"
  else row "scaling: B wall / ideal (L=${LATENCY_MS} ms, C=$CONCURRENCY)" "$RATIO_LAT" "<= 1.25" "$V_LAT"; fi
  if ! skipped latency && ! skipped running; then row "  the same, bundle already running (B')" "$RATIO_LAT_W" "<= 1.25" "$V_LAT_W"; fi
  if skipped latency || skipped curl; then row "scaling: B vs curl+jq at the same latency" "-" ">= 20x" "skipped"
  else row "scaling: B vs curl+jq at ${LATENCY_MS} ms (per batch)" "${SPEEDUP_LAT}x" ">= 20x" "$V_LATCURL"; fi
  if ! skipped latency && ! skipped curl && ! skipped running; then row "  the same, bundle already running (B')" "${SPEEDUP_LAT_W}x" ">= 20x" "$V_LATCURL_W"; fi
  if skipped defaults; then row "shipped defaults: D wall / floor" "-" "<= 1.1" "skipped"
  else row "shipped defaults: D wall / floor (L=${LATENCY_MS} ms)" "$RATIO_DEF" "<= 1.1" "$V_DEF"; fi
  if skipped raw || [ "$D_DONE" = skipped ]; then row "throughput: big file MiB/s / raw parse MiB/s" "-" ">= 0.5" "skipped"
  else row "throughput: ${BIG_FILE_MB} MiB file / raw parse" "$RATIO_BIG" ">= 0.5$big_note" "$V_BIGRATIO"; fi
  if [ "$D_DONE" = skipped ]; then row "throughput: big file peak RSS, -Xmx$BIG_XMX" "-" "< 400 MiB, completes" "skipped"
  else row "throughput: ${BIG_FILE_MB} MiB file peak RSS, -Xmx$BIG_XMX" "$D_RSS_MB MiB" "< 400 MiB, completes" "$V_BIG"; fi
  if skipped raw; then row "throughput: A MiB/s / raw parse MiB/s" "-" ">= 0.25" "skipped"
  else row "throughput: A ${BATCHES}x${FILES}x${RECORDS} / raw parse" "$RATIO_PARSE" ">= 0.25" "$V_PARSE"; fi
  if ! skipped raw && ! skipped running; then row "  the same, bundle already running (A')" "$RATIO_PARSE_W" ">= 0.25" "$V_PARSE_W"; fi
  row "tokens: requests / (1 + wall/(lifetime-margin))" "$TOKENS_PER_LIFETIME" "<= 1" "$V_TOKENS"
  if ! skipped curl; then echo "(per-request speed-up including the pipeline's JVM start: ${SPEEDUP_PROC}x)"; fi
  echo
  echo "checks:"
  for c in "${CHECKS[@]}"; do echo "  $c"; done
  echo "C=$CONCURRENCY from $C_SOURCE"
  settings=$(grep -E '^[[:space:]]*aep\.(client|parallel|records)\.[a-z.-]+[[:space:]]*=' config/application.properties 2>/dev/null \
    | sed -E 's/[[:space:]]+//g' | paste -sd' ' - || true)
  echo "shipped throughput settings in config/application.properties: ${settings:-none} (APP_OPTS, A_APP_OPTS, LAT_APP_OPTS override them)"
  echo "knobs: WARM_PASSES=$WARM_PASSES BATCHES=$BATCHES FILES=$FILES RECORDS=$RECORDS LATENCY_MS=$LATENCY_MS CONCURRENCY=$CONCURRENCY LAT_BATCHES=$LAT_BATCHES DEF_BATCHES=$DEF_BATCHES CURL_BATCHES=$CURL_BATCHES CURL_LAT_BATCHES=$CURL_LAT_BATCHES BIG_FILE_MB=$BIG_FILE_MB BIG_XMX=$BIG_XMX PASSES=$PASSES TOKEN_TTL_S=$TOKEN_TTL_S JFR=$JFR APP_OPTS='$APP_OPTS'"
  echo "logs and outputs: $WORK/"
} | tee "$RESULTS"
log "written to $RESULTS"
