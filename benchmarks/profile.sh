#!/usr/bin/env bash
#
# Profiles JMH benchmarks of the benchmarks module with async-profiler (CPU samples, from
# Maven Central's tools.profiler:async-profiler, linux-x64), and prints for each benchmark
# the share of samples spent in each part of the work (see StackShares).
#
# Usage: benchmarks/profile.sh crypto|jpa JMH-ARGUMENTS...
#
#   benchmarks/profile.sh crypto 'FieldEncryptionBenchmark.roundTrip' -p bytes=32 \
#       -p encryptor=secret-encryption,jca-baseline
#   benchmarks/profile.sh jpa 'JpaBenchmark.load' -p database=h2
#
# One fork (-f 1), 3 warm-up (-wi 3) and 5 measured iterations (-i 5) unless the arguments
# say otherwise. The
# collapsed stacks stay in benchmarks/target/profiles, one folder per benchmark and
# parameter set. The JPA benchmarks on PostgreSQL need the SECRET_ENCRYPTION_TEST_POSTGRES_*
# variables that scripts/postgres.sh writes.

set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

if [[ $# -lt 2 || ( $1 != crypto && $1 != jpa ) ]]; then
	echo "Usage: benchmarks/profile.sh crypto|jpa JMH-ARGUMENTS... (see the header of this script)" >&2
	exit 2
fi
parts=$1
shift
if [[ " $* " == *" -f 0 "* ]]; then
	echo "profile.sh: -f 0 would profile the benchmarks inside JMH's own JVM, set-up included; give -f 1 or more" >&2
	exit 2
fi

./mvnw -B -q -ntp -Pbenchmarks -pl benchmarks -am -DskipTests package
cd benchmarks
library=$(find target/async-profiler -name libasyncProfiler.so | head -n 1)
if [[ -z $library ]]; then
	echo "profile.sh: async-profiler's library is missing from target/async-profiler" >&2
	exit 1
fi
output=target/profiles
rm -rf "$output"
classpath="target/classes:$(cat target/classpath.txt)"
defaults=()
for option in "-f 1" "-wi 3" "-i 5"; do
	[[ " $* " == *" ${option% *} "* ]] || defaults+=(${option})
done
# -foe: a benchmark that fails stops the script instead of leaving a profile of its failure
java -cp "$classpath" org.openjdk.jmh.Main -foe true "${defaults[@]}" "$@" \
	-prof "async:libPath=$PWD/$library;output=collapsed;interval=100000;dir=$output"
java -cp "$classpath" io.github.secretencryption.benchmarks.StackShares "$parts" "$output"/*/collapsed-cpu.csv
