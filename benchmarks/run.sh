#!/usr/bin/env bash
#
# Builds the benchmarks module (with autoconfigure and starter from this checkout, nothing
# installed) and runs, in one go, the per-field encryption benchmarks against the peers,
# the JPA load and save benchmarks and the migration benchmark on H2 in memory and on a
# throwaway PostgreSQL server, and the start-up benchmark; then writes the Markdown tables of times and ratios to
# benchmarks/target/benchmark-results/results.md.
#
# Usage: benchmarks/run.sh [options]
#
#   --quick              one fork and short iterations: checks that everything runs
#   --only PARTS         comma-separated subset of crypto,jpa,migration,startup (default: all)
#   --forks N            JMH forks per benchmark (default: 3)
#   --startup-rounds N   counted launches of each start-up application (default: 10)
#   --no-postgres        run the JPA and migration benchmarks on H2 only
#   --update-doc         also copy the tables into docs/performance.md
#
# The PostgreSQL server comes from scripts/postgres.sh and is stopped on exit. When it
# cannot be started, the JPA benchmarks run on H2 only and a warning says why. Extra Maven
# arguments (for example -o) go in the MAVEN_ARGS environment variable.
#
# A full run takes about 30 minutes on 2 cores with the default 3 forks, about 22 with
# --forks 2. Benchmarks share the machine with whatever else runs on it: note the load
# average that the results file records.

set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

postgres=true
suite_args=()
while [[ $# -gt 0 ]]; do
	case $1 in
	--no-postgres) postgres=false ;;
	--update-doc) suite_args+=(--update-doc "$root/docs/performance.md") ;;
	--quick) suite_args+=(--quick) ;;
	--only | --forks | --startup-rounds)
		[[ $# -ge 2 ]] || { echo "run.sh: $1 needs a value" >&2; exit 2; }
		if [[ $1 == --only && ! $2 =~ ^(crypto|jpa|migration|startup)(,(crypto|jpa|migration|startup))*$ ]]; then
			echo "run.sh: --only takes a comma-separated subset of crypto,jpa,migration,startup, not '$2'" >&2
			exit 2
		fi
		if [[ $1 != --only && ! $2 =~ ^[1-9][0-9]*$ ]]; then
			echo "run.sh: $1 takes a whole number of at least 1, not '$2'" >&2
			exit 2
		fi
		suite_args+=("$1" "$2")
		if [[ $1 == --only && $2 != *jpa* && $2 != *migration* ]]; then
			postgres=false
		fi
		shift
		;;
	*) echo "run.sh: unknown option $1 (see the header of this script)" >&2; exit 2 ;;
	esac
	shift
done

work=$(mktemp -d "${TMPDIR:-/tmp}/secret-encryption-benchmarks.XXXXXX")
export SECRET_ENCRYPTION_PG_STATE=$work/postgres.env

finish() {
	local status=$?
	if [[ -f $SECRET_ENCRYPTION_PG_STATE ]]; then
		"$root/scripts/postgres.sh" stop >/dev/null || echo "warning: the PostgreSQL server could not be stopped" >&2
	fi
	rm -rf -- "$work"
	exit "$status"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "Building the benchmarks module"
./mvnw -B -q -ntp -Pbenchmarks -pl benchmarks -am -DskipTests package

unset SECRET_ENCRYPTION_TEST_POSTGRES_URL SECRET_ENCRYPTION_TEST_POSTGRES_USER SECRET_ENCRYPTION_TEST_POSTGRES_PASSWORD
if $postgres; then
	if "$root/scripts/postgres.sh" start >"$work/postgres.out" 2>&1; then
		# shellcheck disable=SC1090
		source "$SECRET_ENCRYPTION_PG_STATE"
		echo "PostgreSQL started at $SECRET_ENCRYPTION_TEST_POSTGRES_URL"
	else
		reason=$(sed -n 's/^postgres\.sh: //p' "$work/postgres.out" | tail -n 1)
		echo "warning: PostgreSQL could not be started (${reason:-see scripts/postgres.sh}); the JPA benchmarks run on H2 only" >&2
	fi
fi

cd benchmarks
java -cp "target/classes:$(cat target/classpath.txt)" io.github.secretencryption.benchmarks.BenchmarkSuite \
	--output target/benchmark-results "${suite_args[@]}"
