#!/usr/bin/env bash
# Round-2 benchmark: the warm pool, start-up (JDK 17 + AppCDS against JDK 25 + AOT cache), and reset (hook clones,
# database-only clones, 20 database clones) against the floors they must beat, side by side in one run.
# Writes docs/benchmarks-round2.md (bench.sh includes it in docs/benchmarks.md).
#
#   bash src/test/bench/round2.sh                 # RUNS=5
#   RUNS=3 bash src/test/bench/round2.sh
#
# Needs a running Docker engine and the local images busybox:1.36, postgres:16-alpine, redis:7-alpine and
# wiremock/wiremock:3.13.2-1 (.ci/images/*.sh build them). Public tools only: bash, docker, curl, awk, python3.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
ASYM=$ROOT/target/asymmetric
RUNS=${RUNS:-5}
OUT=${OUT:-$ROOT/docs/benchmarks-round2.md}
WWW=$ROOT/src/main/resources/templates/fixture/www
log() { printf '[round2] %s\n' "$*" >&2; }
docker info >/dev/null 2>&1 || { echo "no Docker engine answers" >&2; exit 1; }
for i in busybox:1.36 postgres:16-alpine redis:7-alpine wiremock/wiremock:3.13.2-1; do
  docker image inspect "$i" >/dev/null 2>&1 || { echo "image $i is missing (see .ci/images/)" >&2; exit 1; }
done
[ -x "$ASYM" ] || (cd "$ROOT" && ./mvnw -B -q package -DskipTests)

WORK=$(mktemp -d /tmp/asym-round2.XXXXXX)
export ASYM_HOME=$WORK/home
export ASYM_PORT_RANGE=${ASYM_PORT_RANGE:-22000-22799}  # the raw containers use 22900-22999
export ASYM_TEMPLATES_DIR=$ROOT/src/test/bench/templates
CONTROLLER_PID=
home_id() { python3 -c 'import hashlib,os,sys; print(hashlib.sha256(os.path.realpath(sys.argv[1]).encode()).hexdigest()[:12])' "$ASYM_HOME"; }
cleanup() {
  stop_controller
  ids=$(docker ps -aq --filter "label=dev.asymmetric.home=$(home_id)"; docker ps -aq --filter name=asymr2-)
  [ -n "$ids" ] && docker rm -f $ids >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
mkdir -p "$ASYM_HOME"
# the ledger (database-only) test template, beside the bench templates of ASYM_TEMPLATES_DIR
CONFIG="templates:\n  - $ROOT/src/test/resources/templates\n"
printf "$CONFIG" >"$ASYM_HOME/config.yaml"

now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.0f\n", (a[NR/2]+a[NR/2+1])/2}'; }
median_f() { sort -g | awk '{a[NR]=$1} END {if (NR%2) printf "%.2f\n", a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f\n", a/b}'; }
timed() { local t0 t1; t0=$(now); "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; return 1; }; t1=$(now); ms "$t0" "$t1"; }
# `wait` with no pid would also wait for a controller started in the background: wait for these jobs only
health_wait() { local p pids=(); for p in "$@"; do ( until curl -sf -o /dev/null --max-time 1 "http://127.0.0.1:$p/health"; do sleep 0.02; done ) & pids+=($!); done; wait "${pids[@]}"; }
jq_id() { python3 -c 'import json,sys; d=json.load(sys.stdin); d=d[0] if isinstance(d,list) else d; print(d["id"])'; }

start_controller() {
  "$ASYM" controller --specs "$WORK/specs" --port 0 >"$WORK/controller.log" 2>&1 &
  CONTROLLER_PID=$!
  until grep -q 'API http://127.0.0.1:' "$WORK/controller.log" 2>/dev/null; do sleep 0.2; done
}
stop_controller() {
  if [ -n "$CONTROLLER_PID" ]; then kill "$CONTROLLER_PID" 2>/dev/null || true; wait "$CONTROLLER_PID" 2>/dev/null || true; fi
  CONTROLLER_PID=
}
spares_ready() { grep -l 'asymmetric.dev/pool: spare' "$ASYM_HOME"/state/clones/*.yaml 2>/dev/null | xargs -r grep -l 'state: running' | wc -l; }

raw_one() { # port → one raw container up and healthy
  docker run -d --name "asymr2-raw-$1" -p "127.0.0.1:$1:8080" -v "$WWW:/www:ro" busybox:1.36 httpd -f -p 8080 -h /www >/dev/null
  health_wait "$1"
}
raw_many() { # N base-port
  local pids=()
  for i in $(seq 1 "$1"); do
    docker run -d --name "asymr2-raw-$i" -p "127.0.0.1:$(($2 + i)):8080" -v "$WWW:/www:ro" busybox:1.36 \
      httpd -f -p 8080 -h /www >/dev/null &
    pids+=($!)
  done
  wait "${pids[@]}"; health_wait $(seq $(($2 + 1)) $(($2 + $1)))
}
raw_down() { local ids; ids=$(docker ps -aq --filter name=asymr2-raw-); [ -z "$ids" ] || docker rm -f $ids >/dev/null; }
# the naive reset of 20: remove and run again, in parallel, and wait for health
raw_reset_many() {
  local pids=()
  for i in $(seq 1 "$1"); do
    ( docker rm -f "asymr2-raw-$i" >/dev/null; docker run -d --name "asymr2-raw-$i" -p "127.0.0.1:$(($2 + i)):8080" \
        -v "$WWW:/www:ro" busybox:1.36 httpd -f -p 8080 -h /www >/dev/null ) &
    pids+=($!)
  done
  wait "${pids[@]}"; health_wait $(seq $(($2 + 1)) $(($2 + $1)))
}

declare -A R
log "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); Docker $(docker version --format '{{.Server.Version}}')"

# ---- start-up -------------------------------------------------------------------------------------------------
J17=${J17:-/usr/lib/jvm/java-17-openjdk-amd64}
log "start-up: JDK 17 + AppCDS against the launcher's default (JDK 25 + AOT cache when trained)"
V17=(); V25=(); S17=(); S25=()
for _ in $(seq 1 $((RUNS * 2))); do
  V17+=("$(JAVA_HOME=$J17 timed "$ASYM" --version)"); V25+=("$(timed "$ASYM" --version)")
  S17+=("$(JAVA_HOME=$J17 timed "$ASYM" status)"); S25+=("$(timed "$ASYM" status)")
done
R[v17]=$(printf '%s\n' "${V17[@]}" | median); R[v25]=$(printf '%s\n' "${V25[@]}" | median)
R[s17]=$(printf '%s\n' "${S17[@]}" | median); R[s25]=$(printf '%s\n' "${S25[@]}" | median)
R[jvm]=$("$ASYM" --version | tail -1)
VERSION=${R[v25]}

# ---- N = 1 spin and destroy against the raw floor (no controller) -----------------------------------------------
log "N=1 spin / destroy against docker run + health and docker rm -f"
A=(); W=(); RA=(); AD=(); WD=(); RD=()
for r in $(seq 1 "$RUNS"); do
  t0=$(now); id=$("$ASYM" spin fixture --json 2>/dev/null | jq_id); t1=$(now); a=$(ms "$t0" "$t1")
  t0=$(now); "$ASYM" destroy "$id" >/dev/null 2>&1; t1=$(now); ad=$(ms "$t0" "$t1")
  t0=$(now); raw_one 22990; t1=$(now); w=$(ms "$t0" "$t1")
  t0=$(now); raw_down; t1=$(now); wd=$(ms "$t0" "$t1")
  A+=("$a"); W+=("$w"); RA+=("$(ratio "$a" "$w")"); AD+=("$ad"); WD+=("$wd"); RD+=("$(ratio "$ad" "$wd")")
done
R[spin1]=$(printf '%s\n' "${A[@]}" | median); R[raw1]=$(printf '%s\n' "${W[@]}" | median)
R[spin1_ratio]=$(printf '%s\n' "${RA[@]}" | median_f)

# ---- N = 20 destroy against docker rm -f (no controller) ---------------------------------------------------------
log "N=20 spin and destroy against the raw floor"
printf 'name: twenty\nclones:\n' >"$WORK/twenty.yaml"; for _ in $(seq 1 20); do echo "  - template: fixture" >>"$WORK/twenty.yaml"; done
A=(); W=(); RA=(); AD=(); WD=(); RD=()
for r in $(seq 1 "$RUNS"); do
  a=$(timed "$ASYM" env spin "$WORK/twenty.yaml"); ad=$(timed "$ASYM" env destroy twenty)
  t0=$(now); raw_many 20 22900; t1=$(now); w=$(ms "$t0" "$t1"); t0=$(now); raw_down; t1=$(now); wd=$(ms "$t0" "$t1")
  A+=("$a"); W+=("$w"); RA+=("$(ratio "$a" "$w")"); AD+=("$ad"); WD+=("$wd"); RD+=("$(ratio "$ad" "$wd")")
done
R[spin20]=$(printf '%s\n' "${A[@]}" | median); R[raw20]=$(printf '%s\n' "${W[@]}" | median)
R[spin20_ratio]=$(printf '%s\n' "${RA[@]}" | median_f)
R[destroy20]=$(printf '%s\n' "${AD[@]}" | median); R[rm20]=$(printf '%s\n' "${WD[@]}" | median)
R[destroy20_ratio]=$(printf '%s\n' "${RD[@]}" | median_f)

# ---- resets without a controller ------------------------------------------------------------------------------------
log "reset of a hook clone (wiremock) and of a database-only clone (ledger), whole process, no controller"
HOOK=$("$ASYM" spin wiremock --json 2>/dev/null | jq_id)
DB=$("$ASYM" spin ledger --json 2>/dev/null | jq_id)
H=(); D=(); HR=(); DR=()
for r in $(seq 1 $((RUNS * 2))); do
  v=$(timed "$ASYM" --version); h=$(timed "$ASYM" reset "$HOOK"); d=$(timed "$ASYM" reset "$DB")
  H+=("$h"); D+=("$d"); HR+=("$(ratio "$h" "$v")"); DR+=("$(ratio "$d" "$v")")
done
R[hook_alone]=$(printf '%s\n' "${H[@]}" | median); R[hook_alone_ratio]=$(printf '%s\n' "${HR[@]}" | median_f)
R[db_alone]=$(printf '%s\n' "${D[@]}" | median); R[db_alone_ratio]=$(printf '%s\n' "${DR[@]}" | median_f)

log "env reset of 20 database clones with a web container each, against 20 parallel rm -f + run + health"
for variant in dbweb dbweb-recreate; do
  printf 'name: %s\nclones:\n' "$variant" >"$WORK/$variant.yaml"; for _ in $(seq 1 20); do echo "  - template: $variant" >>"$WORK/$variant.yaml"; done
  "$ASYM" env spin "$WORK/$variant.yaml" >/dev/null 2>&1
done
raw_many 20 22900
E=(); ER=(); F=(); FR=()
for r in $(seq 1 "$RUNS"); do
  e=$(timed "$ASYM" env reset dbweb); f=$(timed "$ASYM" env reset dbweb-recreate)
  t0=$(now); raw_reset_many 20 22900; t1=$(now); w=$(ms "$t0" "$t1")
  E+=("$e"); F+=("$f"); ER+=("$(ratio "$e" "$w")"); FR+=("$(ratio "$f" "$w")"); W+=("$w")
done
R[envreset]=$(printf '%s\n' "${E[@]}" | median); R[envreset_ratio]=$(printf '%s\n' "${ER[@]}" | median_f)
R[envreset_rec]=$(printf '%s\n' "${F[@]}" | median); R[envreset_rec_ratio]=$(printf '%s\n' "${FR[@]}" | median_f)
R[rawreset]=$(printf '%s\n' "${W[@]: -$RUNS}" | median)
raw_down
"$ASYM" env destroy dbweb >/dev/null 2>&1; "$ASYM" env destroy dbweb-recreate >/dev/null 2>&1

# ---- with a controller: resets, and the warm pool ------------------------------------------------------------------
log "with a controller: resets, and a pool of 20 fixture spares"
mkdir -p "$WORK/specs"; printf "${CONFIG}pool:\n  fixture: 20\n" >"$ASYM_HOME/config.yaml"
start_controller
until [ "$(spares_ready)" -ge 20 ]; do sleep 0.5; done
H=(); D=(); HR=(); DR=()
for r in $(seq 1 $((RUNS * 2))); do
  v=$(timed "$ASYM" --version); h=$(timed "$ASYM" reset "$HOOK"); d=$(timed "$ASYM" reset "$DB")
  H+=("$h"); D+=("$d"); HR+=("$(ratio "$h" "$v")"); DR+=("$(ratio "$d" "$v")")
done
R[hook_ctl]=$(printf '%s\n' "${H[@]}" | median); R[hook_ctl_ratio]=$(printf '%s\n' "${HR[@]}" | median_f)
R[db_ctl]=$(printf '%s\n' "${D[@]}" | median); R[db_ctl_ratio]=$(printf '%s\n' "${DR[@]}" | median_f)

P=(); PR=(); P20=(); P20R=()
for r in $(seq 1 "$RUNS"); do
  until [ "$(spares_ready)" -ge 20 ]; do sleep 0.5; done
  t0=$(now); id=$("$ASYM" spin fixture --json 2>/dev/null | jq_id); t1=$(now); p=$(ms "$t0" "$t1")
  "$ASYM" destroy "$id" >/dev/null 2>&1
  t0=$(now); raw_one 22990; t1=$(now); w=$(ms "$t0" "$t1"); raw_down
  P+=("$p"); PR+=("$(ratio "$p" "$w")")
  until [ "$(spares_ready)" -ge 20 ]; do sleep 0.5; done
  p20=$(timed "$ASYM" env spin "$WORK/twenty.yaml"); "$ASYM" env destroy twenty >/dev/null 2>&1
  t0=$(now); raw_many 20 22900; t1=$(now); w=$(ms "$t0" "$t1"); raw_down
  P20+=("$p20"); P20R+=("$(ratio "$p20" "$w")")
done
R[pool1]=$(printf '%s\n' "${P[@]}" | median); R[pool1_ratio]=$(printf '%s\n' "${PR[@]}" | median_f)
R[pool20]=$(printf '%s\n' "${P20[@]}" | median); R[pool20_ratio]=$(printf '%s\n' "${P20R[@]}" | median_f)
stop_controller
printf "$CONFIG" >"$ASYM_HOME/config.yaml"

# ---- report ---------------------------------------------------------------------------------------------------------
verdict() { awk -v v="$1" -v t="$2" 'BEGIN {print (v <= t) ? "met" : "**missed**"}'; }
{
  echo "## Round 2: start-up, the warm pool, resets (\`bash src/test/bench/round2.sh\`)"
  echo
  echo "Run: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, Docker $(docker version --format '{{.Server.Version}}'), RUNS=$RUNS, medians of per-run ratios. Launcher JVM: ${R[jvm]}."
  echo
  echo "| figure | ours | floor / reference | ratio | target | verdict |"
  echo "|---|---|---|---|---|---|"
  echo "| \`--version\`, JDK 25 + AOT cache vs JDK 17 + AppCDS | ${R[v25]} ms | ${R[v17]} ms | $(ratio "${R[v25]}" "${R[v17]}") | (measured) | |"
  echo "| \`status\` (no clones), JDK 25 + AOT vs JDK 17 + AppCDS | ${R[s25]} ms | ${R[s17]} ms | $(ratio "${R[s25]}" "${R[s17]}") | (measured) | |"
  echo "| N = 1 spin / raw \`docker run\` + health | ${R[spin1]} ms | ${R[raw1]} ms | ${R[spin1_ratio]} | ≤ 2.5 | $(verdict "${R[spin1_ratio]}" 2.5) |"
  echo "| N = 20 spin / raw floor | ${R[spin20]} ms | ${R[raw20]} ms | ${R[spin20_ratio]} | ≤ 1.15 | $(verdict "${R[spin20_ratio]}" 1.15) |"
  echo "| N = 20 destroy / \`docker rm -f\` of 20 | ${R[destroy20]} ms | ${R[rm20]} ms | ${R[destroy20_ratio]} | ≤ 1.15 | $(verdict "${R[destroy20_ratio]}" 1.15) |"
  echo "| pooled N = 1 spin / raw \`docker run\` + health | ${R[pool1]} ms | (per run) | ${R[pool1_ratio]} | ≤ 1.0 | $(verdict "${R[pool1_ratio]}" 1.0) |"
  echo "| N = 20 spin from a pool of 20 / raw floor | ${R[pool20]} ms | (per run) | ${R[pool20_ratio]} | ≤ 0.5 | $(verdict "${R[pool20_ratio]}" 0.5) |"
  echo "| reset of a hook clone (wiremock), no controller / \`--version\` | ${R[hook_alone]} ms | $VERSION ms | ${R[hook_alone_ratio]} | ≤ 2.0 | $(verdict "${R[hook_alone_ratio]}" 2.0) |"
  echo "| reset of a hook clone, controller running / \`--version\` | ${R[hook_ctl]} ms | | ${R[hook_ctl_ratio]} | ≤ 1.3 | $(verdict "${R[hook_ctl_ratio]}" 1.3) |"
  echo "| reset of a database-only clone (ledger), no controller / \`--version\` | ${R[db_alone]} ms | | ${R[db_alone_ratio]} | ≤ 2.0 | $(verdict "${R[db_alone_ratio]}" 2.0) |"
  echo "| reset of a database-only clone, controller running / \`--version\` | ${R[db_ctl]} ms | | ${R[db_ctl_ratio]} | ≤ 1.3 | $(verdict "${R[db_ctl_ratio]}" 1.3) |"
  echo "| \`env reset\` of 20 database clones with a web container each (\`reset: in-place\`) / 20 parallel rm -f + run + health | ${R[envreset]} ms | ${R[rawreset]} ms | ${R[envreset_ratio]} | ≤ 1.0 | $(verdict "${R[envreset_ratio]}" 1.0) |"
  echo "| the same with \`reset: recreate\` (the web containers recreated too) | ${R[envreset_rec]} ms | | ${R[envreset_rec_ratio]} | (measured) | |"
  echo
} >"$OUT"
log "wrote $OUT"
cat "$OUT"
