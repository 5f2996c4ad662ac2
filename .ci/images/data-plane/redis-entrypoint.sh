#!/usr/bin/env bash
# Entrypoint of the local stand-in for the official `redis` image
# (built by .ci/images/data-plane.sh). Like the official one:
#   `docker run IMAGE --appendonly yes` means `redis-server --appendonly yes`,
#   `docker run IMAGE /path/redis.conf` means `redis-server /path/redis.conf`,
#   redis-server runs as the redis user with /data (the working dir) as data dir,
#   listens on all interfaces, protected mode off, no password.
set -eo pipefail

if [ "$#" -eq 0 ] || [ "${1:0:1}" = '-' ] || [ "${1%.conf}" != "$1" ]; then
	set -- redis-server "$@"
fi

if [ "$1" = 'redis-server' ]; then
	if [ "$(id -u)" = '0' ]; then
		# /data may be a fresh volume owned by root.
		find . \! -user redis -exec chown redis '{}' +
		exec setpriv --reuid=redis --regid=redis --init-groups "${BASH_SOURCE[0]}" "$@"
	fi

	# The official image compiles protected-mode off; here it is an option,
	# added unless the caller (arguments or config file) sets it.
	want_pm_off=yes
	for a in "$@"; do
		case "$a" in --protected-mode|--protected-mode=*) want_pm_off= ;; esac
	done
	if [ -n "${2:-}" ] && [ "${2:0:1}" != '-' ] && [ -f "$2" ] \
		&& grep -qiE '^[[:space:]]*protected-mode[[:space:]]' "$2"; then
		want_pm_off=
	fi
	if [ -n "$want_pm_off" ]; then
		set -- "$@" --protected-mode no
	fi

	um="$(umask)"
	if [ "$um" = '0022' ]; then
		umask 0077
	fi
fi

exec "$@"
