#!/usr/bin/env bash
#
# Starts and stops a throwaway PostgreSQL server for the tests. It listens on 127.0.0.1
# only and keeps everything it writes in one new temporary directory.
#
# Usage: scripts/postgres.sh start|stop|env
#
#   start  installs PostgreSQL from Debian's packages when it is missing, starts a server
#          with a new random password, creates the database secret_encryption_test and
#          writes the connection settings as shell export lines to the state file
#   stop   stops the server named in the state file, then removes its directory and the
#          state file; does nothing when no server was started
#   env    prints the state file, for use with eval
#
# Environment:
#   SECRET_ENCRYPTION_PG_STATE   state file (default: one per checkout of the project,
#                                ${TMPDIR:-/tmp}/secret-encryption-postgres.<hash of its path>.env)
#   SECRET_ENCRYPTION_PG_BINDIR  directory holding initdb and pg_ctl; when set, no other
#                                directory is searched and nothing is installed
#
# The state file exports SECRET_ENCRYPTION_TEST_POSTGRES_URL, _USER, _PASSWORD, _PORT,
# _DATA_DIR and _BIN_DIR. When run as root, the server runs as the postgres user.

set -euo pipefail

readonly db_name=secret_encryption_test
readonly db_user=secret_encryption
readonly server_user=postgres
readonly preferred_version=15
readonly dir_prefix=secret-encryption-pg.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
readonly root
checkout=$(printf '%s' "$root" | sha256sum | cut -c 1-12)
readonly state_file=${SECRET_ENCRYPTION_PG_STATE:-${TMPDIR:-/tmp}/secret-encryption-postgres.$checkout.env}

fail() {
	echo "postgres.sh: $*" >&2
	exit 1
}

is_root() {
	[[ $(id -u) -eq 0 ]]
}

# Runs a server command, as the postgres user when we are root, since initdb, pg_ctl and
# the server itself refuse to run as root.
as_server_user() {
	if is_root; then
		(cd / && runuser -u "$server_user" -- "$@")
	else
		"$@"
	fi
}

has_server_binaries() {
	local dir=$1
	[[ -x $dir/initdb && -x $dir/pg_ctl && -x $dir/pg_isready && -x $dir/createdb ]]
}

find_bindir() {
	if [[ -n ${SECRET_ENCRYPTION_PG_BINDIR:-} ]]; then
		has_server_binaries "$SECRET_ENCRYPTION_PG_BINDIR" || return 1
		echo "$SECRET_ENCRYPTION_PG_BINDIR"
		return 0
	fi
	local dir others
	mapfile -t others < <(printf '%s\n' /usr/lib/postgresql/*/bin | sort -t / -k 4 -V -r)
	for dir in "/usr/lib/postgresql/$preferred_version/bin" "${others[@]}"; do
		if has_server_binaries "$dir"; then
			echo "$dir"
			return 0
		fi
	done
	return 1
}

# Installs the server from Debian's packages without letting the package create or start
# a cluster of its own.
install_postgres() {
	is_root || fail "PostgreSQL is not installed and installing it needs root"
	command -v apt-get >/dev/null || fail "PostgreSQL is not installed and apt-get is not available to install it"
	local no_cluster=/etc/postgresql-common/createcluster.d/secret-encryption-no-main-cluster.conf
	mkdir -p "$(dirname "$no_cluster")"
	echo "create_main_cluster = false" >"$no_cluster"
	echo "Installing PostgreSQL with apt-get" >&2
	export DEBIAN_FRONTEND=noninteractive
	local package=postgresql-$preferred_version installed=true
	apt-get update >&2 || installed=false
	if $installed && ! apt-cache show "$package" >/dev/null 2>&1; then
		package=postgresql
	fi
	$installed && apt-get install -y --no-install-recommends "$package" >&2 || installed=false
	# Only this install is kept from making a cluster; later ones behave as Debian intends
	rm -f -- "$no_cluster"
	$installed || fail "apt-get could not install $package"
}

load_state() {
	SECRET_ENCRYPTION_TEST_POSTGRES_DATA_DIR=
	SECRET_ENCRYPTION_TEST_POSTGRES_BIN_DIR=
	SECRET_ENCRYPTION_TEST_POSTGRES_PORT=
	# shellcheck disable=SC1090
	source "$state_file"
}

server_running() {
	local bindir=$1 data_dir=$2
	[[ -x $bindir/pg_ctl && -f $data_dir/PG_VERSION ]] &&
		as_server_user "$bindir/pg_ctl" status -D "$data_dir" >/dev/null 2>&1
}

# Stops a server and removes its directory. The directory is removed only when its name
# is one that this script creates.
remove_server() {
	local bindir=$1 data_dir=$2
	local dir=${data_dir%/data}
	if server_running "$bindir" "$data_dir"; then
		as_server_user "$bindir/pg_ctl" stop -D "$data_dir" -m fast -w -t 60 >/dev/null 2>&1 ||
			as_server_user "$bindir/pg_ctl" stop -D "$data_dir" -m immediate -w -t 30 >/dev/null 2>&1 ||
			fail "could not stop the server in $data_dir"
	fi
	if [[ $data_dir == */data && $(basename "$dir") == "$dir_prefix"* && -d $dir ]]; then
		rm -rf -- "$dir"
	fi
}

random_password() {
	od -An -tx1 -N24 /dev/urandom | tr -d ' \n'
}

# Picks a port below the kernel's ephemeral range that nothing on 127.0.0.1 answers on.
# The server may still lose a race for it, so the caller retries.
pick_port() {
	local port
	while true; do
		port=$((20000 + RANDOM % 12000))
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
			echo "$port"
			return 0
		fi
	done
}

start_dir=

# Removes a half-started server when start fails or is interrupted.
cleanup_failed_start() {
	local status=$?
	if [[ -n $start_dir ]]; then
		(remove_server "${bindir:-}" "$start_dir/data") || true
		rm -f -- "$state_file.$$"
	fi
	exit "$status"
}

start() {
	if [[ -f $state_file ]]; then
		load_state
		if server_running "$SECRET_ENCRYPTION_TEST_POSTGRES_BIN_DIR" "$SECRET_ENCRYPTION_TEST_POSTGRES_DATA_DIR"; then
			fail "a server is already running on port $SECRET_ENCRYPTION_TEST_POSTGRES_PORT ($state_file); run scripts/postgres.sh stop first"
		fi
		remove_server "$SECRET_ENCRYPTION_TEST_POSTGRES_BIN_DIR" "$SECRET_ENCRYPTION_TEST_POSTGRES_DATA_DIR"
		rm -f -- "$state_file"
	fi

	if ! bindir=$(find_bindir); then
		if [[ -n ${SECRET_ENCRYPTION_PG_BINDIR:-} ]]; then
			fail "no PostgreSQL server programs (initdb, pg_ctl) in SECRET_ENCRYPTION_PG_BINDIR=$SECRET_ENCRYPTION_PG_BINDIR"
		fi
		install_postgres
		bindir=$(find_bindir) || fail "PostgreSQL was installed but no initdb was found under /usr/lib/postgresql"
	fi
	if is_root; then
		id "$server_user" >/dev/null 2>&1 || fail "running as root, but there is no $server_user user to run the server as"
		command -v runuser >/dev/null || fail "running as root, but runuser is missing to run the server as $server_user"
	fi

	trap cleanup_failed_start EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
	local base=${TMPDIR:-/tmp}
	start_dir=$(mktemp -d "$base/${dir_prefix}XXXXXX") || fail "could not create a temporary directory in $base"
	if is_root; then
		chown "$server_user:" "$start_dir"
		as_server_user test -w "$start_dir" ||
			fail "the $server_user user cannot write to $start_dir; set TMPDIR to a directory it can reach"
	fi

	local password data_dir=$start_dir/data
	password=$(random_password)
	(umask 077 && echo "$password" >"$start_dir/password")
	if is_root; then
		chown "$server_user:" "$start_dir/password"
	fi
	if ! as_server_user "$bindir/initdb" -D "$data_dir" -U "$db_user" --pwfile="$start_dir/password" \
		--auth-host=scram-sha-256 --auth-local=scram-sha-256 -E UTF8 --no-locale --no-sync \
		>"$start_dir/initdb.log" 2>&1; then
		tail -n 20 "$start_dir/initdb.log" >&2
		fail "initdb failed in $data_dir (its last messages are above)"
	fi
	rm -f -- "$start_dir/password"
	cat >>"$data_dir/postgresql.conf" <<-EOF

		# Throwaway test server
		listen_addresses = '127.0.0.1'
		unix_socket_directories = '$start_dir'
		max_connections = 200
		fsync = off
		synchronous_commit = off
		full_page_writes = off
	EOF

	local port attempt log=$start_dir/server.log
	for attempt in 1 2 3 4 5 6 7 8; do
		port=$(pick_port)
		rm -f -- "$log"
		# The server must not inherit the lock, or it would hold it for its whole life
		if as_server_user "$bindir/pg_ctl" start -D "$data_dir" -l "$log" -w -t 60 -o "-p $port" >/dev/null 2>&1 9<&-; then
			break
		fi
		if ! grep -q -e 'could not bind' -e 'could not create any TCP/IP sockets' "$log" 2>/dev/null || [[ $attempt -eq 8 ]]; then
			tail -n 20 "$log" >&2 2>/dev/null || true
			fail "the server did not start (its last messages are above)"
		fi
	done

	local ready=false
	for attempt in $(seq 1 60); do
		if "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port" -t 2; then
			ready=true
			break
		fi
		sleep 0.5
	done
	$ready || fail "the server on 127.0.0.1:$port did not accept connections within 30 seconds"

	PGPASSWORD=$password "$bindir/createdb" -h 127.0.0.1 -p "$port" -U "$db_user" "$db_name" ||
		fail "could not create the database $db_name on 127.0.0.1:$port"

	mkdir -p "$(dirname "$state_file")"
	umask 077
	{
		echo "# Throwaway PostgreSQL test server; scripts/postgres.sh stop removes it"
		printf 'export SECRET_ENCRYPTION_TEST_POSTGRES_URL=%q\n' "jdbc:postgresql://127.0.0.1:$port/$db_name"
		printf 'export SECRET_ENCRYPTION_TEST_POSTGRES_USER=%q\n' "$db_user"
		printf 'export SECRET_ENCRYPTION_TEST_POSTGRES_PASSWORD=%q\n' "$password"
		printf 'export SECRET_ENCRYPTION_TEST_POSTGRES_PORT=%q\n' "$port"
		printf 'export SECRET_ENCRYPTION_TEST_POSTGRES_DATA_DIR=%q\n' "$data_dir"
		printf 'export SECRET_ENCRYPTION_TEST_POSTGRES_BIN_DIR=%q\n' "$bindir"
	} >"$state_file.$$"
	mv -f -- "$state_file.$$" "$state_file"
	start_dir=
	trap - EXIT INT TERM

	echo "PostgreSQL $("$bindir/pg_ctl" --version | awk '{print $3}') test server started"
	echo "  url:      jdbc:postgresql://127.0.0.1:$port/$db_name"
	echo "  user:     $db_user"
	echo "  password: $password"
	echo "  settings: $state_file"
}

stop() {
	if [[ ! -f $state_file ]]; then
		return 0
	fi
	load_state
	remove_server "$SECRET_ENCRYPTION_TEST_POSTGRES_BIN_DIR" "$SECRET_ENCRYPTION_TEST_POSTGRES_DATA_DIR"
	rm -f -- "$state_file"
	local dir=${SECRET_ENCRYPTION_TEST_POSTGRES_DATA_DIR%/data}
	[[ ! -e $dir ]] || fail "the server stopped, but $dir could not be removed"
	echo "PostgreSQL test server on port $SECRET_ENCRYPTION_TEST_POSTGRES_PORT stopped; $dir removed"
}

print_env() {
	[[ -f $state_file ]] || fail "no test server has been started ($state_file does not exist)"
	cat -- "$state_file"
}

# One start or stop at a time per checkout, so that two runs cannot both start a server
# and leave one of them out of the state file
lock() {
	exec 9<"${BASH_SOURCE[0]}"
	flock 9
}

case ${1:-} in
start)
	lock
	start
	;;
stop)
	lock
	stop
	;;
env) print_env ;;
*)
	echo "Usage: $0 start|stop|env" >&2
	exit 2
	;;
esac
