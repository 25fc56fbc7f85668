#!/usr/bin/env bash
# fuzz.sh — run every Fuzz target of the module for a while each and print one line per target.
#
#   scripts/fuzz.sh                      # every target, FUZZTIME each (default 60s)
#   FUZZTIME=30s scripts/fuzz.sh IMAP    # only the targets whose name matches the regexp IMAP
#
# Environment: FUZZTIME (per target, default 60s), FUZZMINIMIZETIME (per new input, default 2s;
# Go's default of 60s stalls a short run), FUZZPARALLEL (workers, default 2), FUZZLOGDIR (logs,
# default a temporary directory that is kept and printed).
#
# Loopback only: the targets read from in-memory pipes and 127.0.0.1 sockets, and each runs in
# a network namespace of its own (unshare -n, loopback up) when the machine allows it, so not
# even a mistake can reach another address. The test binaries are built first, outside it.
#
# A crasher is written by Go to <package>/testdata/fuzz/<Target>/<hash>; this script names it.
# Fix the bug, keep the file (it is then a seed that every `go test` runs), and commit both.
# Exit status: 0 when every target ran clean, 1 when any failed, 2 on a usage or build error.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2

FUZZTIME=${FUZZTIME:-60s}
FUZZMINIMIZETIME=${FUZZMINIMIZETIME:-2s}
FUZZPARALLEL=${FUZZPARALLEL:-2}
only=${1:-.}
logdir=${FUZZLOGDIR:-$(mktemp -d /tmp/mailcheck-fuzz.XXXXXX)}
mkdir -p "$logdir" || exit 2
bindir=$(mktemp -d)
trap 'rm -rf "$bindir"' EXIT

# isolated CMD...: run CMD in a new network namespace with only loopback, when possible.
if unshare -n true 2>/dev/null; then
	isolation="network namespace (loopback only)"
	isolated() { unshare -n sh -c 'ip link set lo up 2>/dev/null || exit 3; exec "$@"' sh "$@"; }
elif unshare -rn true 2>/dev/null; then
	isolation="user and network namespace (loopback only)"
	isolated() { unshare -rn sh -c 'ip link set lo up 2>/dev/null || exit 3; exec "$@"' sh "$@"; }
else
	isolation="none available: the targets themselves use loopback and pipes only"
	isolated() { "$@"; }
fi

# Targets: "dir name" pairs, from every test file's `func FuzzXxx(f *testing.F)`.
mapfile -t targets < <(grep -rHo --include='*_test.go' '^func Fuzz[A-Za-z0-9_]*(f \*testing\.F)' . |
	sed -E 's#^\./(.*)/[^/]*_test\.go:func (Fuzz[A-Za-z0-9_]*)\(.*#\1 \2#' | grep -E " .*${only}" | sort -u)
if [ ${#targets[@]} -eq 0 ]; then
	echo "fuzz.sh: no Fuzz target matches ${only}" >&2
	exit 2
fi
echo "fuzz.sh: ${#targets[@]} targets, ${FUZZTIME} each, ${FUZZPARALLEL} workers; isolation: ${isolation}; logs in ${logdir}"

declare -A built
status=0
printf '%-8s %-16s %-24s %10s %6s %s\n' result package target execs new note
for t in "${targets[@]}"; do
	dir=${t% *}
	name=${t#* }
	bin="$bindir/${dir//\//_}.test"
	if [ -z "${built[$dir]:-}" ]; then
		# -fuzz at build time instruments the package for coverage-guided fuzzing.
		if ! go test -c -fuzz . -o "$bin" "./$dir" >"$logdir/build-${dir//\//_}.log" 2>&1; then
			echo "fuzz.sh: building ./$dir failed, see $logdir/build-${dir//\//_}.log" >&2
			exit 2
		fi
		built[$dir]=1
	fi
	log="$logdir/$name.log"
	before=$(ls "$dir/testdata/fuzz/$name" 2>/dev/null | sort)
	(cd "$dir" && isolated "$bin" -test.run '^$' -test.fuzz "^${name}\$" -test.fuzztime "$FUZZTIME" \
		-test.fuzzminimizetime "$FUZZMINIMIZETIME" -test.parallel "$FUZZPARALLEL" \
		-test.fuzzcachedir "$logdir/cache") >"$log" 2>&1
	rc=$?
	last=$(grep -E '^fuzz: elapsed: .*execs:' "$log" | tail -1)
	execs=$(sed -nE 's/.*execs: ([0-9]+).*/\1/p' <<<"$last")
	new=$(sed -nE 's/.*new interesting: ([0-9]+).*/\1/p' <<<"$last")
	note=""
	if [ $rc -eq 0 ]; then
		result=ok
	else
		result=FAIL
		status=1
		after=$(ls "$dir/testdata/fuzz/$name" 2>/dev/null | sort)
		crasher=$(comm -13 <(echo "$before") <(echo "$after") | head -1)
		if [ -n "$crasher" ]; then
			note="crasher $dir/testdata/fuzz/$name/$crasher (rerun: go test ./$dir -run '$name/$crasher')"
		elif [ $rc -eq 3 ]; then
			note="could not bring up loopback in the namespace"
		else
			note="exit $rc, see $log"
		fi
	fi
	printf '%-8s %-16s %-24s %10s %6s %s\n' "$result" "$dir" "$name" "${execs:-?}" "${new:-?}" "$note"
done
exit $status
