#!/usr/bin/env bash
# The data plane's reset cost: before/after for N clones reset in parallel, and one reset against schema size
# (swap, copy, drop-and-re-migrate). Starts its own Postgres from the local postgres:16-alpine image with the shared
# Postgres's settings, on 127.0.0.1 and a port Docker picks, labelled dev.asymmetric.test=bench-*, removed at exit.
#
#   bash src/test/bench/data-reset.sh              # 5 rounds, 20 clones
#   RUNS=3 CLONES=10 bash src/test/bench/data-reset.sh
#   AUTH=trust bash src/test/bench/data-reset.sh   # no SCRAM handshake per connection (the shared one uses SCRAM)
#
# Public tools only: bash, docker, java 17 (single-file source launch) and the project's own jars.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
RUNS=${RUNS:-5}
CLONES=${CLONES:-20}
IMAGE=${ASYM_POSTGRES_IMAGE:-postgres:16-alpine}
AUTH=${AUTH:-scram-sha-256}
log() { printf '[data-bench] %s\n' "$*" >&2; }

[ -d "$ROOT/target/quarkus-app/lib/main" ] && [ -d "$ROOT/target/classes/dev/asymmetric/data" ] \
  || (cd "$ROOT" && ./mvnw -B -q package -DskipTests)
TAG=bench-$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')
NAME=asym-$TAG-pg
cleanup() { docker rm -f -v "$NAME" >/dev/null 2>&1 || true; }
trap cleanup EXIT
docker run -d --name "$NAME" --label "dev.asymmetric.test=$TAG" -p 127.0.0.1::5432 \
  -e POSTGRES_USER=asymmetric -e POSTGRES_PASSWORD=asymmetric -e POSTGRES_DB=postgres -e POSTGRES_HOST_AUTH_METHOD="$AUTH" "$IMAGE" \
  postgres -c max_connections=500 -c fsync=off -c full_page_writes=off >/dev/null
PORT=$(docker port "$NAME" 5432 | head -1 | sed 's/.*://')
log "postgres $NAME on 127.0.0.1:$PORT; waiting until it answers"
until docker exec "$NAME" pg_isready -h 127.0.0.1 -U asymmetric >/dev/null 2>&1; do sleep 0.2; done
sleep 1
echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start;"
echo "$(docker exec "$NAME" postgres --version), fsync=off, host authentication $AUTH."
echo
java -cp "$ROOT/target/classes:$ROOT/target/quarkus-app/lib/main/*" "$ROOT/src/test/bench/DataResetBench.java" "$PORT" "$RUNS" "$CLONES"
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
