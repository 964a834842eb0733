#!/usr/bin/env bash
#
# Runs every test of the project: starts a throwaway PostgreSQL server with
# scripts/postgres.sh, runs ./mvnw verify against it and stops the server on exit.
#
# Usage: scripts/test.sh [maven arguments...]     e.g. scripts/test.sh -pl autoconfigure
#
# Without PostgreSQL the tests that need it are skipped, and one line says why. With
# CI=true they are required instead: a server that cannot be started fails the run, and
# the tests are told to fail rather than skip (-Dsecret-encryption.test.require-postgres=true).
#
# When SECRET_ENCRYPTION_TEST_POSTGRES_URL, _USER and _PASSWORD are already set, the tests
# use that server and none is started.

set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

ci=false
case ${CI:-} in
true | TRUE | True | 1) ci=true ;;
esac

maven_args=(-B -ntp verify)
if $ci; then
	maven_args+=(-Dsecret-encryption.test.require-postgres=true)
fi

work=

finish() {
	local status=$?
	if [[ -n $work ]]; then
		SECRET_ENCRYPTION_PG_STATE=$work/postgres.env scripts/postgres.sh stop ||
			echo "warning: the PostgreSQL test server could not be stopped" >&2
		rm -rf -- "$work"
	fi
	exit "$status"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ -n ${SECRET_ENCRYPTION_TEST_POSTGRES_URL:-} ]]; then
	echo "Using the PostgreSQL server at $SECRET_ENCRYPTION_TEST_POSTGRES_URL"
else
	work=$(mktemp -d "${TMPDIR:-/tmp}/secret-encryption-test.XXXXXX")
	if SECRET_ENCRYPTION_PG_STATE=$work/postgres.env scripts/postgres.sh start 2>"$work/postgres.err"; then
		# shellcheck disable=SC1091
		source "$work/postgres.env"
	else
		reason=$(sed -n 's/^postgres\.sh: //p' "$work/postgres.err" | tail -n 1)
		reason=${reason:-scripts/postgres.sh start failed}
		if $ci; then
			grep -v '^postgres\.sh: ' "$work/postgres.err" >&2 || true
			echo "error: PostgreSQL is required when CI=true, but the test server could not be started: $reason" >&2
			exit 1
		fi
		echo "PostgreSQL tests skipped: $reason; install PostgreSQL 15 (apt-get install postgresql-15) or run as a user who can, to enable them" >&2
	fi
fi

./mvnw "${maven_args[@]}" "$@"
