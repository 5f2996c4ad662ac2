#!/usr/bin/env bash
# The speed benchmark: asymmetric against docker-compose and raw `docker run`, side by side on one engine, with
# the same locally built busybox image. Writes docs/benchmarks.md.
#
#   bash src/test/bench/bench.sh            # full run (about 10 minutes)
#   RUNS=3 AT_REST_SECONDS=30 bash src/test/bench/bench.sh   # shorter
#
# Needs a running Docker engine and the busybox:1.36 image (.ci/images/busybox.sh); installs Debian's
# docker-compose if missing. Public tools only: bash, docker, docker-compose, curl, awk, python3 (JSON).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
ASYM=$ROOT/target/asymmetric
RUNS=${RUNS:-5}
AT_REST_SECONDS=${AT_REST_SECONDS:-60}
SIZES=${SIZES:-"1 5 20"}
MANY=${MANY:-100}
OUT=${OUT:-$ROOT/docs/benchmarks.md}
WWW=$ROOT/src/main/resources/templates/fixture/www
log() { printf '[bench] %s\n' "$*" >&2; }

command -v docker-compose >/dev/null 2>&1 || { log "installing docker-compose"; apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null; }
command -v curl >/dev/null || { apt-get update -qq; apt-get install -y -qq curl >/dev/null; }
docker info >/dev/null 2>&1 || { echo "no Docker engine answers" >&2; exit 1; }
bash "$ROOT/.ci/images/busybox.sh" >/dev/null
[ -x "$ASYM" ] || (cd "$ROOT" && ./mvnw -B -q package -DskipTests)

WORK=$(mktemp -d /tmp/asym-bench.XXXXXX)
export ASYM_HOME=$WORK/home
export ASYM_PORT_RANGE=${ASYM_PORT_RANGE:-20000-20999}
CONTROLLER_PID=
cleanup() {
  [ -n "$CONTROLLER_PID" ] && kill "$CONTROLLER_PID" 2>/dev/null && wait "$CONTROLLER_PID" 2>/dev/null || true
  ids=$(docker ps -aq --filter label=dev.asymmetric.managed=true --filter "label=dev.asymmetric.home=$(home_id)"; docker ps -aq --filter name=asymbench-)
  [ -n "$ids" ] && docker rm -f $ids >/dev/null 2>&1 || true
  for p in $(docker network ls --format '{{.Name}}' | grep '^asymbench' || true); do docker network rm "$p" >/dev/null 2>&1 || true; done
  rm -rf "$WORK"
}
home_id() { printf '%s' "$ASYM_HOME" | sha256sum | cut -c1-12; }
trap cleanup EXIT

now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.0f\n", (a[NR/2]+a[NR/2+1])/2}'; }
median_f() { sort -g | awk '{a[NR]=$1} END {if (NR%2) printf "%.2f\n", a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f\n", a/b}'; }

# Waits until every port answers GET /health with 2xx, probing all in parallel.
health_wait() { # (`wait` with no pid would also wait for a controller started in the background)
  local p pids=()
  for p in "$@"; do
    ( until curl -sf -o /dev/null --max-time 1 "http://127.0.0.1:$p/health"; do sleep 0.02; done ) &
    pids+=($!)
  done
  wait "${pids[@]}"
}

spec() { # N → spec path (N fixture clones)
  local f=$WORK/b$1.yaml
  { echo "name: b$1"; echo "clones:"; for _ in $(seq 1 "$1"); do echo "  - template: fixture"; done; } >"$f"
  echo "$f"
}

compose_file() { # N base-port → compose dir
  local d=$WORK/compose$1; mkdir -p "$d"
  { echo "version: '2.4'"; echo "services:"
    for i in $(seq 1 "$1"); do
      echo "  s$i:"
      echo "    image: busybox:1.36"
      echo "    command: [\"httpd\", \"-f\", \"-p\", \"8080\", \"-h\", \"/www\"]"
      echo "    ports: [\"127.0.0.1:$(($2 + i)):8080\"]"
      echo "    volumes: [\"$WWW:/www:ro\"]"
    done; } >"$d/docker-compose.yml"
  echo "$d"
}

raw_up() { # N base-port
  local pids=()
  for i in $(seq 1 "$1"); do
    docker run -d --name "asymbench-raw-$i" -p "127.0.0.1:$(($2 + i)):8080" -v "$WWW:/www:ro" busybox:1.36 \
      httpd -f -p 8080 -h /www >/dev/null &
    pids+=($!)
  done
  wait "${pids[@]}"
  health_wait $(seq $(($2 + 1)) $(($2 + $1)))
}
raw_down() { docker rm -f $(docker ps -aq --filter name=asymbench-raw-) >/dev/null; }

declare -A R   # results: key → value
RESULTS_ROWS=()
row() { RESULTS_ROWS+=("| $1 | $2 | $3 | $4 |"); }

log "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB; Docker $(docker version --format '{{.Server.Version}}'); $(java -version 2>&1 | head -1)"

for N in $SIZES; do
  specf=$(spec "$N"); cdir=$(compose_file "$N" 21000)
  A=(); C=(); W=(); AD=(); CD=(); WD=(); RA=(); RC=(); RAD=(); RCD=(); RESPIN=()
  for r in $(seq 1 "$RUNS"); do
    log "N=$N run $r/$RUNS"
    # alternate the order so neither tool always runs on a warmer engine
    for tool in $( ((r % 2)) && echo "asym compose raw" || echo "raw compose asym"); do
      case $tool in
        asym)
          t0=$(now); "$ASYM" env spin "$specf" >/dev/null 2>&1 || { echo "asymmetric env spin failed" >&2; exit 1; }; t1=$(now)
          a=$(ms "$t0" "$t1")
          if [ "$N" = 20 ]; then t0=$(now); "$ASYM" env spin "$specf" >/dev/null 2>&1; t1=$(now); RESPIN+=("$(ms "$t0" "$t1")"); fi
          t0=$(now); "$ASYM" env destroy "b$N" >/dev/null 2>&1; t1=$(now); ad=$(ms "$t0" "$t1") ;;
        compose)
          t0=$(now); docker-compose -p "asymbench$N" -f "$cdir/docker-compose.yml" up -d >/dev/null 2>&1
          health_wait $(seq 21001 $((21000 + N))); t1=$(now); c=$(ms "$t0" "$t1")
          t0=$(now); docker-compose -p "asymbench$N" -f "$cdir/docker-compose.yml" down >/dev/null 2>&1; t1=$(now); cd=$(ms "$t0" "$t1") ;;
        raw)
          t0=$(now); raw_up "$N" 21000; t1=$(now); w=$(ms "$t0" "$t1")
          t0=$(now); raw_down; t1=$(now); wd=$(ms "$t0" "$t1") ;;
      esac
    done
    A+=("$a"); C+=("$c"); W+=("$w"); AD+=("$ad"); CD+=("$cd"); WD+=("$wd")
    RA+=("$(ratio "$a" "$w")"); RC+=("$(ratio "$a" "$c")"); RAD+=("$(ratio "$ad" "$wd")"); RCD+=("$(ratio "$ad" "$cd")")
  done
  R[up_asym_$N]=$(printf '%s\n' "${A[@]}" | median); R[up_compose_$N]=$(printf '%s\n' "${C[@]}" | median)
  R[up_raw_$N]=$(printf '%s\n' "${W[@]}" | median)
  R[up_ratio_raw_$N]=$(printf '%s\n' "${RA[@]}" | median_f); R[up_ratio_compose_$N]=$(printf '%s\n' "${RC[@]}" | median_f)
  R[down_asym_$N]=$(printf '%s\n' "${AD[@]}" | median); R[down_compose_$N]=$(printf '%s\n' "${CD[@]}" | median)
  R[down_raw_$N]=$(printf '%s\n' "${WD[@]}" | median)
  R[down_ratio_raw_$N]=$(printf '%s\n' "${RAD[@]}" | median_f); R[down_ratio_compose_$N]=$(printf '%s\n' "${RCD[@]}" | median_f)
  [ "$N" = 20 ] && R[respin_20]=$(printf '%s\n' "${RESPIN[@]}" | median)
done

# ---- many environments under a controller --------------------------------------------------------------------
log "start-up: --version"
V=(); for _ in $(seq 1 $((RUNS * 2))); do t0=$(now); "$ASYM" --version >/dev/null; t1=$(now); V+=("$(ms "$t0" "$t1")"); done
R[version]=$(printf '%s\n' "${V[@]}" | median)

log "controller with $MANY one-clone environments from a spec folder"
mkdir -p "$WORK/specs"
"$ASYM" controller --specs "$WORK/specs" --port 0 >"$WORK/controller.log" 2>&1 &
CONTROLLER_PID=$!
sleep 2
metrics_port() { grep -o 'API http://127.0.0.1:[0-9]*' "$WORK/controller.log" | head -1 | sed 's/.*://'; }
until [ -n "$(metrics_port)" ]; do sleep 0.2; done
PORT=$(metrics_port)
running_count() { "$ASYM" env status 2>/dev/null | awk -F'\t' '$2 == "running"' | wc -l; }
api_calls() { curl -s "http://127.0.0.1:$PORT/metrics" | awk '/^asym_docker_api_calls / {printf "%d\n", $2}'; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$CONTROLLER_PID/stat"; }
rss_mib() { awk '/VmRSS/ {printf "%.0f\n", $2 / 1024}' "/proc/$CONTROLLER_PID/status"; }
RESYNC_SECONDS=30   # the controller's default resync period
calls_per_resync() { # calls per resync over a quiet window of 3 resyncs
  local c0 c1; sleep 12; c0=$(api_calls); sleep $((3 * RESYNC_SECONDS)); c1=$(api_calls)
  awk -v a="$c0" -v b="$c1" 'BEGIN {printf "%.1f\n", (b-a)/3}'
}
for i in $(seq 1 10); do printf 'name: m%03d\nclones:\n  - template: fixture\n' "$i" >"$WORK/specs/m$i.yaml"; done
t0=$(now); until [ "$(running_count)" -ge 10 ]; do sleep 1; done
R[resync_calls_10]=$(calls_per_resync)
for i in $(seq 11 "$MANY"); do printf 'name: m%03d\nclones:\n  - template: fixture\n' "$i" >"$WORK/specs/m$i.yaml"; done
t0=$(now); until [ "$(running_count)" -ge "$MANY" ]; do sleep 1; done; t1=$(now)
R[converge_many]=$(ms "$t0" "$t1")
R[resync_calls_many]=$(calls_per_resync)

log "env status --json with $MANY environments"
S=(); for _ in $(seq 1 $((RUNS * 2))); do t0=$(now); "$ASYM" env status --json >/dev/null; t1=$(now); S+=("$(ms "$t0" "$t1")"); done
R[status_many]=$(printf '%s\n' "${S[@]}" | median)

log "controller at rest for $AT_REST_SECONDS s"
sleep 5
hz=$(getconf CLK_TCK); c0=$(cpu_ticks); sleep "$AT_REST_SECONDS"; c1=$(cpu_ticks)
R[rest_cpu]=$(awk -v a="$c0" -v b="$c1" -v hz="$hz" -v s="$AT_REST_SECONDS" 'BEGIN {printf "%.2f\n", (b-a)/hz*60/s}')
R[rest_rss]=$(rss_mib)

log "killed clone container back and healthy"
K=()
for r in $(seq 1 "$RUNS"); do
  name=$(docker ps --format '{{.Names}}' --filter "label=dev.asymmetric.home=$(home_id)" | shuf -n 1)
  port=$(docker port "$name" 8080 | head -1 | sed 's/.*://')
  old=$(docker inspect -f '{{.Id}}' "$name")
  t0=$(now); docker kill "$name" >/dev/null
  until [ "$(docker inspect -f '{{.Id}} {{.State.Running}}' "$name" 2>/dev/null)" != "$old true" ] \
      && docker inspect -f '{{.State.Running}}' "$name" 2>/dev/null | grep -q true \
      && curl -sf -o /dev/null --max-time 1 "http://127.0.0.1:$port/health"; do sleep 0.02; done
  t1=$(now); K+=("$(ms "$t0" "$t1")")
  sleep 2
done
R[heal]=$(printf '%s\n' "${K[@]}" | median)

log "tearing down"
rm -f "$WORK"/specs/*.yaml
until [ "$("$ASYM" env status --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" = 0 ]; do sleep 1; done
kill "$CONTROLLER_PID"; wait "$CONTROLLER_PID" 2>/dev/null || true; CONTROLLER_PID=

# ---- report ------------------------------------------------------------------------------------------------------
verdict() { awk -v v="$1" -v t="$2" 'BEGIN {print (v <= t) ? "met" : "**missed**"}'; }
{
  echo "# Benchmarks"
  echo
  echo "Latest run: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, Docker $(docker version --format '{{.Server.Version}}'), $(java -version 2>&1 | head -1 | tr -d '"'), JVM mode."
  echo "Command: \`bash src/test/bench/bench.sh\` (RUNS=$RUNS per figure; medians; each ratio is the median of per-run ratios)."
  echo
  echo "## Spin until healthy, and destroy"
  echo
  echo "The same busybox httpd containers three ways: \`asymmetric env spin\` of N \`fixture\` clones (returns once every"
  echo "clone answers its health check), \`docker-compose up -d\` of N equivalent services followed by a wait until each"
  echo "answers \`/health\`, and the floor: N parallel \`docker run -d\` plus the same wait. (compose and raw mount the"
  echo "fixture's files read-only; asymmetric bakes them into a seeded image once and starts clones from it.)"
  echo
  echo "| N | asymmetric spin | docker-compose up + wait | raw docker run + wait | asym / raw | asym / compose | asym destroy | compose down | docker rm -f | destroy asym / raw | destroy asym / compose |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
  for N in $SIZES; do
    echo "| $N | ${R[up_asym_$N]} ms | ${R[up_compose_$N]} ms | ${R[up_raw_$N]} ms | ${R[up_ratio_raw_$N]} | ${R[up_ratio_compose_$N]} | ${R[down_asym_$N]} ms | ${R[down_compose_$N]} ms | ${R[down_raw_$N]} ms | ${R[down_ratio_raw_$N]} | ${R[down_ratio_compose_$N]} |"
  done
  echo
  echo "## Targets"
  echo
  echo "| figure | measured | target | verdict |"
  echo "|---|---|---|---|"
  echo "| N = 20 spin / raw parallel floor | ${R[up_ratio_raw_20]:-n/a} | ≤ 1.15 | $(verdict "${R[up_ratio_raw_20]:-99}" 1.15) |"
  echo "| N = 20 spin / docker-compose | ${R[up_ratio_compose_20]:-n/a} | ≤ 0.60 | $(verdict "${R[up_ratio_compose_20]:-99}" 0.60) |"
  echo "| no-op re-spin of N = 20 | ${R[respin_20]:-n/a} ms | < 1500 ms | $(verdict "${R[respin_20]:-99999}" 1499) |"
  echo "| \`env status --json\`, $MANY environments | ${R[status_many]} ms | < 1500 ms | $(verdict "${R[status_many]}" 1499) |"
  echo "| \`--version\` start-up | ${R[version]} ms | (reported) | |"
  echo "| controller at rest, $MANY clones: CPU | ${R[rest_cpu]} CPU-s/min | < 1 | $(verdict "${R[rest_cpu]}" 0.999) |"
  echo "| controller at rest, $MANY clones: resident memory | ${R[rest_rss]} MiB | < 200 MiB | $(verdict "${R[rest_rss]}" 199) |"
  echo "| killed clone container back and healthy | ${R[heal]} ms | < 3000 ms | $(verdict "${R[heal]}" 2999) |"
  echo "| Docker API calls per steady-state resync, 10 clones | ${R[resync_calls_10]} | flat | |"
  echo "| Docker API calls per steady-state resync, $MANY clones | ${R[resync_calls_many]} | flat (not one per clone) | $(verdict "${R[resync_calls_many]}" "$(awk -v a="${R[resync_calls_10]}" 'BEGIN {print a + 1}')") |"
  echo
  echo "The controller converged $MANY one-clone environments dropped into its spec folder in ${R[converge_many]} ms."
  echo
  if [ -f "$ROOT/docs/benchmarks-round2.md" ]; then cat "$ROOT/docs/benchmarks-round2.md"; echo; fi
  if [ -f "$ROOT/docs/benchmarks-junit.md" ]; then cat "$ROOT/docs/benchmarks-junit.md"; echo; fi
  if [ -f "$ROOT/docs/benchmarks-notes.md" ]; then cat "$ROOT/docs/benchmarks-notes.md"; fi
} >"$OUT"
log "wrote $OUT"
cat "$OUT"
