#!/bin/sh
# Proves the CI checks can fail: each is run on a scratch tree with one planted violation and
# must exit non-zero, then on the same tree without it and must pass.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail() { echo "test-ci-checks: $1" >&2; exit 1; }

# check-references: a comment naming an issue number, then a link to a missing file.
mkdir -p "$scratch/refs/Sources" "$scratch/refs/docs"
echo '/// Counts answers.' > "$scratch/refs/Sources/A.swift"
echo 'See [the format](format.md).' > "$scratch/refs/docs/guide.md"
touch "$scratch/refs/docs/format.md"
sh "$here/check-references.sh" "$scratch/refs" >/dev/null 2>&1 || fail "check-references fails on a clean tree"
echo '/// Counts answers (issue 11).' > "$scratch/refs/Sources/A.swift"
! sh "$here/check-references.sh" "$scratch/refs" >/dev/null 2>&1 || fail "check-references misses an issue number"
echo '/// Counts answers.' > "$scratch/refs/Sources/A.swift"
echo 'See [the spec](spec.md).' > "$scratch/refs/docs/guide.md"
! sh "$here/check-references.sh" "$scratch/refs" >/dev/null 2>&1 || fail "check-references misses a broken link"

# function-lengths: a 61-line function not in the baseline fails; listed in it, it passes; a
# brace inside a string does not end the function early.
mkdir -p "$scratch/fl"
{
    echo 'func long() {'
    echo '    let text = "}{ {placeholder}"'
    i=0
    while [ $i -lt 58 ]; do echo '    print(text)'; i=$((i + 1)); done
    echo '}'
} > "$scratch/fl/Long.swift"
: > "$scratch/baseline.txt"
! python3 "$here/../scripts/function-lengths.py" --baseline "$scratch/baseline.txt" "$scratch/fl" >/dev/null 2>&1 ||
    fail "function-lengths misses a 61-line function"
printf '%s\tlong\n' "$scratch/fl/Long.swift" > "$scratch/baseline.txt"
python3 "$here/../scripts/function-lengths.py" --baseline "$scratch/baseline.txt" "$scratch/fl" >/dev/null ||
    fail "function-lengths fails on a function in its baseline"
echo "test-ci-checks: every check fails on its planted violation"
