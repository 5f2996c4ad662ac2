#!/usr/bin/env bash
# Entrypoint of the local stand-in for the official `postgres` image
# (built by .ci/images/data-plane.sh). It mirrors the official image's
# docker-entrypoint.sh interface:
#   env  POSTGRES_USER (default postgres), POSTGRES_PASSWORD (required unless
#        POSTGRES_HOST_AUTH_METHOD=trust), POSTGRES_DB (default = user),
#        POSTGRES_HOST_AUTH_METHOD (default scram-sha-256),
#        POSTGRES_INITDB_ARGS, POSTGRES_INITDB_WALDIR, PGDATA,
#        and the *_FILE variants of POSTGRES_USER/PASSWORD/DB/INITDB_ARGS;
#   init scripts in /docker-entrypoint-initdb.d (*.sh, *.sql, *.sql.gz)
#   run once, on a fresh PGDATA;
#   `docker run IMAGE -c key=value ...` passes server options through.
set -Eeo pipefail

log() { printf '%s [entrypoint] %s\n' "$(date -u '+%Y-%m-%d %H:%M:%S UTC')" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# file_env VAR [DEFAULT]: VAR may also be given as VAR_FILE (Docker secrets).
file_env() {
	local var="$1" fileVar="${1}_FILE" def="${2:-}"
	if [ "${!var:-}" ] && [ "${!fileVar:-}" ]; then
		die "both $var and $fileVar are set (but are exclusive)"
	fi
	local val="$def"
	if [ "${!var:-}" ]; then
		val="${!var}"
	elif [ "${!fileVar:-}" ]; then
		val="$(< "${!fileVar}")"
	fi
	export "$var"="$val"
	unset "$fileVar"
}

setup_env() {
	file_env POSTGRES_PASSWORD
	file_env POSTGRES_USER postgres
	file_env POSTGRES_DB "$POSTGRES_USER"
	file_env POSTGRES_INITDB_ARGS
	: "${POSTGRES_HOST_AUTH_METHOD:=}"
	: "${PGDATA:=/var/lib/postgresql/data}"
	export PGDATA
	DATABASE_ALREADY_EXISTS=
	if [ -s "$PGDATA/PG_VERSION" ]; then
		DATABASE_ALREADY_EXISTS=true
	fi
}

# Runs as root or as the postgres user; fixes what it is allowed to fix.
create_db_directories() {
	local user
	user="$(id -u)"
	mkdir -p "$PGDATA"
	# Errors are ignored: PGDATA may be a read-only bind mount owned elsewhere.
	chmod 00700 "$PGDATA" || :
	mkdir -p /var/run/postgresql || :
	chmod 03775 /var/run/postgresql || :
	if [ -n "${POSTGRES_INITDB_WALDIR:-}" ]; then
		mkdir -p "$POSTGRES_INITDB_WALDIR"
		if [ "$user" = '0' ]; then
			find "$POSTGRES_INITDB_WALDIR" \! -user postgres -exec chown postgres '{}' +
		fi
		chmod 700 "$POSTGRES_INITDB_WALDIR"
	fi
	if [ "$user" = '0' ]; then
		# A fresh named volume is owned by root: hand it to postgres.
		find "$PGDATA" \! -user postgres -exec chown postgres '{}' +
		find /var/run/postgresql \! -user postgres -exec chown postgres '{}' +
	fi
}

verify_minimum_env() {
	if [ -z "$POSTGRES_PASSWORD" ] && [ "$POSTGRES_HOST_AUTH_METHOD" != 'trust' ]; then
		cat >&2 <<-'EOM'
		Error: Database is uninitialized and superuser password is not specified.
		       You must specify POSTGRES_PASSWORD to a non-empty value for the
		       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".

		       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all
		       connections without a password. This is *not* recommended.
		EOM
		exit 1
	fi
	if [ "$POSTGRES_HOST_AUTH_METHOD" = 'trust' ]; then
		log "warning: POSTGRES_HOST_AUTH_METHOD=trust: every host may connect without a password"
	fi
}

init_database_dir() {
	if [ -n "${POSTGRES_INITDB_WALDIR:-}" ]; then
		set -- --waldir "$POSTGRES_INITDB_WALDIR" "$@"
	fi
	# The <(...) must be on initdb's own command line: bash closes it afterwards.
	# shellcheck disable=SC2086  # POSTGRES_INITDB_ARGS is word-split on purpose, as officially
	if [ -n "$POSTGRES_PASSWORD" ]; then
		initdb --username="$POSTGRES_USER" --pwfile=<(printf '%s\n' "$POSTGRES_PASSWORD") $POSTGRES_INITDB_ARGS "$@"
	else
		initdb --username="$POSTGRES_USER" $POSTGRES_INITDB_ARGS "$@"
	fi
}

setup_hba_conf() {
	local auth="${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}"
	{
		printf '\n'
		if [ "$auth" = 'trust' ]; then
			printf '# warning trust is enabled for all connections\n'
		fi
		printf 'host all all all %s\n' "$auth"
	} >> "$PGDATA/pg_hba.conf"
}

psql_run() {
	PGHOST='' PGHOSTADDR='' psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" \
		--no-password --no-psqlrc --dbname "${1:-postgres}" "${@:2}"
}

temp_server_start() {
	# Unix socket only, so nothing can reach the half-initialised server.
	PGUSER="$POSTGRES_USER" pg_ctl -D "$PGDATA" \
		-o "-c listen_addresses='' -p ${PGPORT:-5432}" -w -t 60 start
}

temp_server_stop() {
	PGUSER="$POSTGRES_USER" pg_ctl -D "$PGDATA" -m fast -w -t 60 stop
}

setup_db() {
	if [ "$POSTGRES_DB" = 'postgres' ]; then
		return 0
	fi
	local exists
	exists="$(psql_run postgres -tA --set db="$POSTGRES_DB" <<-'EOSQL'
		SELECT 1 FROM pg_database WHERE datname = :'db' ;
	EOSQL
	)"
	if [ -z "$exists" ]; then
		psql_run postgres --set db="$POSTGRES_DB" <<-'EOSQL'
			CREATE DATABASE :"db" ;
		EOSQL
	fi
}

process_init_files() {
	local f
	for f in "$@"; do
		case "$f" in
			*.sh)
				if [ -x "$f" ]; then
					log "running $f"; "$f"
				else
					log "sourcing $f"
					# shellcheck disable=SC1090
					. "$f"
				fi ;;
			*.sql)    log "running $f"; psql_run "$POSTGRES_DB" -f "$f" ;;
			*.sql.gz) log "running $f"; gunzip -c "$f" | psql_run "$POSTGRES_DB" ;;
			*)        log "ignoring $f" ;;
		esac
	done
}

main() {
	# `docker run IMAGE -c foo=bar` means `postgres -c foo=bar`.
	if [ "${1:0:1}" = '-' ]; then
		set -- postgres "$@"
	fi

	if [ "${1:-}" = 'postgres' ]; then
		setup_env
		create_db_directories
		if [ "$(id -u)" = '0' ]; then
			# Re-run this script as the postgres OS user.
			exec setpriv --reuid=postgres --regid=postgres --init-groups "${BASH_SOURCE[0]}" "$@"
		fi

		if [ -z "$DATABASE_ALREADY_EXISTS" ]; then
			verify_minimum_env
			ls /docker-entrypoint-initdb.d/ > /dev/null 2>&1 || :
			init_database_dir
			setup_hba_conf
			export PGPASSWORD="${PGPASSWORD:-$POSTGRES_PASSWORD}"
			temp_server_start
			setup_db
			shopt -s nullglob
			process_init_files /docker-entrypoint-initdb.d/*
			shopt -u nullglob
			temp_server_stop
			unset PGPASSWORD
			log "PostgreSQL init process complete; ready for start up."
		else
			log "PostgreSQL database directory appears to contain a database; skipping initialization"
		fi
		# The official image stops postgres with SIGINT (STOPSIGNAL SIGINT = fast
		# shutdown), which `docker import` cannot set; on SIGTERM postgres would
		# do a "smart" shutdown and wait for every client to disconnect. So PID 1
		# is dumb-init, turning SIGTERM into SIGINT for postgres (its only child).
		exec dumb-init --single-child --rewrite 15:2 -- "$@"
	fi

	exec "$@"
}

main "$@"
