#!/usr/bin/env bash
# Builds local stand-ins for the official Postgres and Redis images, for
# machines that cannot pull from any registry but can reach a Debian mirror.
#
#   sudo .ci/images/data-plane.sh          # build what is missing (quick no-op if both exist)
#   FORCE=1 sudo .ci/images/data-plane.sh  # rebuild both
#
# Needs: root, a running Docker engine, a reachable Debian mirror (apt only;
# no image registry). One debootstrap'ed Debian bookworm rootfs
# (postgresql-15, redis-server, dumb-init) is imported twice with
# `docker import`, tagged with the official images' default names so the
# product's defaults resolve offline as they would pull elsewhere:
#
#   postgres:16-alpine -> really PostgreSQL 15 (Debian), official interface:
#       env POSTGRES_USER (postgres), POSTGRES_PASSWORD (required unless
#       POSTGRES_HOST_AUTH_METHOD=trust), POSTGRES_DB (= user),
#       POSTGRES_HOST_AUTH_METHOD (scram-sha-256), POSTGRES_INITDB_ARGS,
#       POSTGRES_INITDB_WALDIR, *_FILE variants, PGDATA (/var/lib/postgresql/data);
#       /docker-entrypoint-initdb.d/*.sh|*.sql|*.sql.gz; port 5432 on all
#       interfaces; VOLUME /var/lib/postgresql/data; args starting with '-'
#       go to postgres (`... postgres:16-alpine -c max_connections=200`).
#       SIGTERM (docker stop) = fast shutdown, like the official STOPSIGNAL SIGINT.
#   redis:7-alpine -> really Redis 7.0 (Debian), official interface:
#       args starting with '-' (or a *.conf) go to redis-server; port 6379 on
#       all interfaces, protected mode off, no password; VOLUME/WORKDIR /data.
#
# Entrypoints live in .ci/images/data-plane/. Postgres data directories are
# not interchangeable with a real 16 server (the on-disk format is 15).
#
# Env overrides: PG_IMAGE, REDIS_IMAGE, DEBIAN_SUITE, DEBIAN_MIRROR,
#                DEBOOTSTRAP_TIMEOUT (default 15m), FORCE=1.
set -euo pipefail

PG_IMAGE="${PG_IMAGE:-postgres:16-alpine}"
REDIS_IMAGE="${REDIS_IMAGE:-redis:7-alpine}"
DEBIAN_SUITE="${DEBIAN_SUITE:-bookworm}"
DEBIAN_MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
DEBOOTSTRAP_TIMEOUT="${DEBOOTSTRAP_TIMEOUT:-15m}"
PG_MAJOR=15
FORCE="${FORCE:-}"

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
FILES="$HERE/data-plane"
BASE_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

log() { printf '[data-plane] %s\n' "$*" >&2; }
die() { printf '[data-plane] ERROR: %s\n' "$*" >&2; exit 1; }
# shellcheck disable=SC2154  # rc is assigned inside the trap string
trap 'rc=$?; printf "[data-plane] ERROR: command failed (exit %s) at line %s: %s\n" "$rc" "$LINENO" "$BASH_COMMAND" >&2' ERR

[ "$(id -u)" = 0 ] || die "must run as root (debootstrap and docker import need it)"
command -v docker >/dev/null || die "docker CLI not found"
timeout 30 docker info >/dev/null 2>&1 \
	|| die "docker engine not reachable (is dockerd running? e.g. 'nohup dockerd >/tmp/dockerd.log 2>&1 &')"
for f in postgres-entrypoint.sh redis-entrypoint.sh; do
	[ -f "$FILES/$f" ] || die "missing $FILES/$f"
done

have_image() { timeout 30 docker image inspect "$1" >/dev/null 2>&1; }

need_pg=yes need_redis=yes
if [ -z "$FORCE" ]; then
	have_image "$PG_IMAGE" && need_pg=
	have_image "$REDIS_IMAGE" && need_redis=
fi
if [ -z "$need_pg" ] && [ -z "$need_redis" ]; then
	log "images $PG_IMAGE and $REDIS_IMAGE already present; nothing to do (FORCE=1 rebuilds)"
	exit 0
fi

if ! command -v debootstrap >/dev/null; then
	log "installing debootstrap"
	export DEBIAN_FRONTEND=noninteractive
	timeout 5m apt-get update -qq || die "apt-get update failed"
	timeout 10m apt-get install -y -qq --no-install-recommends debootstrap >/dev/null \
		|| die "apt-get install debootstrap failed"
fi

WORK="$(mktemp -d /var/tmp/data-plane.XXXXXX)"
ROOTFS="$WORK/rootfs"

mounts_under_rootfs() {
	awk -v r="$ROOTFS" '$2 == r || index($2, r "/") == 1 { print $2 }' /proc/mounts | sort -r
}
umount_rootfs() {
	local m
	mounts_under_rootfs | while read -r m; do umount -l "$m" 2>/dev/null || :; done
}
cleanup() {
	# debootstrap may leave /proc, /sys, /dev mounts behind if it was interrupted.
	if [ -d "$ROOTFS" ]; then umount_rootfs; fi
	if [ -z "$(mounts_under_rootfs)" ]; then
		rm -rf --one-file-system "$WORK" 2>/dev/null || :
	else
		printf '[data-plane] WARNING: mounts remain under %s; not removing it\n' "$ROOTFS" >&2
	fi
}
bg_pid=
on_signal() {
	# Stop the background step first: `timeout` passes the signal to its whole
	# process group (debootstrap and the dpkg runs it started).
	if [ -n "$bg_pid" ]; then kill -TERM "$bg_pid" 2>/dev/null || :; wait "$bg_pid" 2>/dev/null || :; fi
	printf '[data-plane] interrupted\n' >&2
	exit "$1"
}
trap cleanup EXIT
trap 'on_signal 130' INT
trap 'on_signal 143' TERM

log "debootstrap $DEBIAN_SUITE (postgresql-$PG_MAJOR, redis-server, dumb-init) from $DEBIAN_MIRROR into $ROOTFS (timeout $DEBOOTSTRAP_TIMEOUT)"
start=$SECONDS
# In the background so that INT/TERM reach the traps above at once.
timeout --kill-after=30s "$DEBOOTSTRAP_TIMEOUT" debootstrap --variant=minbase \
	--include="postgresql-$PG_MAJOR,redis-server,dumb-init" \
	"$DEBIAN_SUITE" "$ROOTFS" "$DEBIAN_MIRROR" >"$WORK/debootstrap.log" 2>&1 </dev/null &
bg_pid=$!
if ! wait "$bg_pid"; then
	bg_pid=
	tail -n 40 "$WORK/debootstrap.log" >&2 || :
	[ -f "$ROOTFS/debootstrap/debootstrap.log" ] && tail -n 40 "$ROOTFS/debootstrap/debootstrap.log" >&2
	die "debootstrap failed or timed out (log above)"
fi
bg_pid=
log "debootstrap done in $((SECONDS - start))s"
umount_rootfs
[ -z "$(mounts_under_rootfs)" ] || die "could not unmount $(mounts_under_rootfs | tr '\n' ' ')"

[ -x "$ROOTFS/usr/lib/postgresql/$PG_MAJOR/bin/postgres" ] || die "postgres binary missing from rootfs"
[ -x "$ROOTFS/usr/bin/redis-server" ] || die "redis-server binary missing from rootfs"
[ -x "$ROOTFS/usr/bin/setpriv" ] || die "setpriv missing from rootfs"
[ -x "$ROOTFS/usr/bin/dumb-init" ] || die "dumb-init missing from rootfs"
chroot "$ROOTFS" id postgres >/dev/null || die "postgres user missing from rootfs"
chroot "$ROOTFS" id redis >/dev/null || die "redis user missing from rootfs"

log "trimming and configuring rootfs"
(
	cd "$ROOTFS"
	# The Debian package's default cluster and its config are not used.
	rm -rf "var/lib/postgresql/$PG_MAJOR" "etc/postgresql/$PG_MAJOR"
	rm -rf usr/share/doc/* usr/share/man/* usr/share/info/* usr/share/locale/* \
		usr/share/lintian usr/share/linda \
		var/lib/apt/lists/* var/cache/apt/*.bin var/cache/apt/archives/*.deb \
		var/cache/debconf/*-old var/lib/dpkg/*-old var/log/* tmp/* debootstrap
	# The JIT provider (LLVM + z3, ~130 MB) is optional: without llvmjit.so
	# PostgreSQL simply runs without JIT. Locale sources are not needed either.
	rm -rf "usr/lib/postgresql/$PG_MAJOR/lib/llvmjit"* "usr/lib/postgresql/$PG_MAJOR/lib/bitcode" \
		usr/lib/x86_64-linux-gnu/libLLVM-* usr/lib/x86_64-linux-gnu/libz3.so* \
		usr/lib/*/libLLVM-* usr/lib/*/libz3.so* usr/share/i18n
	# Docker provides /dev, /proc and /sys; nothing of the build host's goes in.
	for d in dev proc sys; do
		if [ -d "$d" ]; then find "$d" -mindepth 1 -maxdepth 1 -exec rm -rf --one-file-system {} +; fi
	done
	: > etc/hostname
	rm -f etc/resolv.conf
)

# Listen on all interfaces in clusters created by initdb, as the official image does.
sample="$ROOTFS/usr/share/postgresql/$PG_MAJOR/postgresql.conf.sample"
[ -f "$sample" ] || die "missing $sample"
sed -ri "s!^#?(listen_addresses)\s*=\s*\S+.*!\1 = '*'!" "$sample"
grep -q "^listen_addresses = '\*'" "$sample" || die "could not set listen_addresses in $sample"

install -d -o "$(chroot "$ROOTFS" id -u postgres)" -g "$(chroot "$ROOTFS" id -g postgres)" -m 1777 \
	"$ROOTFS/var/lib/postgresql/data"
install -d -o "$(chroot "$ROOTFS" id -u postgres)" -g "$(chroot "$ROOTFS" id -g postgres)" -m 3777 \
	"$ROOTFS/run/postgresql"
install -d -m 0755 "$ROOTFS/docker-entrypoint-initdb.d"
install -d -o "$(chroot "$ROOTFS" id -u redis)" -g "$(chroot "$ROOTFS" id -g redis)" -m 0755 "$ROOTFS/data"

import() { # import IMAGE DOCKER-IMPORT-ARGS...
	local image="$1"; shift
	log "importing $image"
	tar --numeric-owner --xattrs -C "$ROOTFS" -c . \
		| timeout 10m docker import "$@" - "$image" >/dev/null \
		|| die "docker import of $image failed"
	log "built $image ($(docker image inspect -f '{{.Size}}' "$image" | awk '{ printf "%.0f MB", $1/1e6 }'))"
}

if [ -n "$need_pg" ]; then
	install -m 0755 "$FILES/postgres-entrypoint.sh" "$ROOTFS/usr/local/bin/docker-entrypoint.sh"
	import "$PG_IMAGE" \
		-c "ENV PATH=/usr/lib/postgresql/$PG_MAJOR/bin:$BASE_PATH" \
		-c "ENV LANG=C.UTF-8" \
		-c "ENV PG_MAJOR=$PG_MAJOR" \
		-c "ENV PGDATA=/var/lib/postgresql/data" \
		-c "VOLUME /var/lib/postgresql/data" \
		-c "EXPOSE 5432" \
		-c 'ENTRYPOINT ["docker-entrypoint.sh"]' \
		-c 'CMD ["postgres"]' \
		-m "stand-in for the official postgres image: PostgreSQL $PG_MAJOR on Debian $DEBIAN_SUITE (built by .ci/images/data-plane.sh)"
fi

if [ -n "$need_redis" ]; then
	# The redis image does not need the PostgreSQL server binaries.
	rm -rf "$ROOTFS/usr/lib/postgresql" "$ROOTFS/usr/share/postgresql" \
		"$ROOTFS/var/lib/postgresql/data" "$ROOTFS/docker-entrypoint-initdb.d"
	install -m 0755 "$FILES/redis-entrypoint.sh" "$ROOTFS/usr/local/bin/docker-entrypoint.sh"
	import "$REDIS_IMAGE" \
		-c "ENV PATH=$BASE_PATH" \
		-c "ENV LANG=C.UTF-8" \
		-c "VOLUME /data" \
		-c "WORKDIR /data" \
		-c "EXPOSE 6379" \
		-c 'ENTRYPOINT ["docker-entrypoint.sh"]' \
		-c 'CMD ["redis-server"]' \
		-m "stand-in for the official redis image: Redis 7 on Debian $DEBIAN_SUITE (built by .ci/images/data-plane.sh)"
fi

log "done: $PG_IMAGE, $REDIS_IMAGE"
