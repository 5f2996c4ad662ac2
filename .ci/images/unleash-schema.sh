#!/usr/bin/env bash
# Writes the `unleash` template's migration: the schema Unleash 8.2.0 gives an empty database at first boot.
#
#   .ci/images/unleash-schema.sh [OUT]   # default OUT: src/main/resources/templates/unleash/db/001-schema.sql
#
# Unleash migrates its own schema at every start (397 migrations). Shipping the result as the template's one
# migration lets seeds be plain SQL rows and makes each clone's database a copy instead of a 3-6 s migration.
# How: a throwaway Postgres (the local postgres:16-alpine image) and the unleashorg/unleash-server:8.2.0
# image (.ci/images/unleash.sh) on a network of their own; Unleash boots once on the empty database WITHOUT
# INIT_ADMIN_API_TOKENS (so no token is baked in: each clone's boot creates its own from the template's
# environment), is healthy, is stopped; then `pg_dump --no-owner --no-privileges` (plain format) runs inside
# the Postgres container. The output is kept exactly as pg_dump wrote it. Everything started is removed.
# Env: UNLEASH_IMAGE, POSTGRES_IMAGE, BOOT_TIMEOUT (seconds, default 300).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="${1:-$ROOT/src/main/resources/templates/unleash/db/001-schema.sql}"
UNLEASH_IMAGE="${UNLEASH_IMAGE:-unleashorg/unleash-server:8.2.0}"
POSTGRES_IMAGE="${POSTGRES_IMAGE:-postgres:16-alpine}"
BOOT_TIMEOUT="${BOOT_TIMEOUT:-300}"
NAME="asym-unleash-schema-$$"

log() { printf '[unleash-schema] %s\n' "$*" >&2; }
die() { printf '[unleash-schema] ERROR: %s\n' "$*" >&2; exit 1; }
cleanup() {
	docker rm -f -v "$NAME-unleash" "$NAME-pg" >/dev/null 2>&1 || :
	docker network rm "$NAME" >/dev/null 2>&1 || :
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

timeout 30 docker info >/dev/null 2>&1 || die "no Docker engine answers (start dockerd, or set DOCKER_HOST)"
docker image inspect "$UNLEASH_IMAGE" >/dev/null 2>&1 || die "no image $UNLEASH_IMAGE: run .ci/images/unleash.sh"
docker image inspect "$POSTGRES_IMAGE" >/dev/null 2>&1 || die "no image $POSTGRES_IMAGE: run .ci/images/data-plane.sh"

docker network create "$NAME" >/dev/null
docker run -d --name "$NAME-pg" --network "$NAME" -e POSTGRES_USER=unleash -e POSTGRES_PASSWORD=unleash \
	-e POSTGRES_DB=unleash "$POSTGRES_IMAGE" >/dev/null
for _ in $(seq 1 60); do
	docker exec "$NAME-pg" pg_isready -q -h 127.0.0.1 -U unleash 2>/dev/null && break
	sleep 1
done
docker exec "$NAME-pg" pg_isready -q -h 127.0.0.1 -U unleash || die "Postgres did not come up within 60 s"

log "booting $UNLEASH_IMAGE on an empty database"
start=$SECONDS
docker run -d --name "$NAME-unleash" --network "$NAME" -p 127.0.0.1::4242 \
	-e "DATABASE_URL=postgres://unleash:unleash@$NAME-pg:5432/unleash" -e DATABASE_SSL=false \
	"$UNLEASH_IMAGE" >/dev/null
mapping=$(docker port "$NAME-unleash" 4242/tcp)
mapping=${mapping%%$'\n'*}
port=${mapping##*:}
until curl -fs --max-time 2 "http://127.0.0.1:$port/health" >/dev/null; do
	if [ "$(docker inspect -f '{{.State.Running}}' "$NAME-unleash")" != true ]; then
		docker logs --tail 30 "$NAME-unleash" >&2
		die "Unleash exited before it was healthy (log above)"
	fi
	[ $((SECONDS - start)) -lt "$BOOT_TIMEOUT" ] || die "Unleash was not healthy within $BOOT_TIMEOUT s"
	sleep 1
done
log "healthy after $((SECONDS - start)) s; stopping it and dumping"
docker stop -t 30 "$NAME-unleash" >/dev/null

mkdir -p "$(dirname "$OUT")"
docker exec "$NAME-pg" pg_dump --no-owner --no-privileges -U unleash unleash >"$OUT.part" || die "pg_dump failed"
mv "$OUT.part" "$OUT"
tables=$(grep -c '^CREATE TABLE ' "$OUT" || :)
log "wrote $OUT: $tables tables, $(wc -c <"$OUT" | awk '{ printf "%.0f kB", $1/1024 }')"
