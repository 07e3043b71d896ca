#!/bin/sh
# Fails when a comment or doc points at something a clone does not have: an issue number, a task
# description, a file outside the repository, an option the tutor does not have, or a Markdown
# link to a missing file. Usage: .ci/check-references.sh [ROOT] (default: the repository).
set -eu
root=${1:-$(dirname "$0")/..}
cd "$root"
status=0
paths=""
for p in Sources Tests Benchmarks docs scripts .ci content Makefile Package.swift README.md ARCHITECTURE.md; do
    [ -e "$p" ] && paths="$paths $p"
done
# Each pattern is an extended regular expression, matched case-insensitively.
patterns='issue #?[0-9]+
\bbriefs?\b
answer-key
\.\./shared
/work/
--no-save
this round|the round before|last round'
found=0
newline='
'
old_ifs=$IFS
IFS=$newline
for pattern in $patterns; do
    IFS=$old_ifs
    # shellcheck disable=SC2086
    if grep -rnIiE --exclude=check-references.sh --exclude=test-ci-checks.sh -e "$pattern" $paths; then
        found=1
    fi
    IFS=$newline
done
IFS=$old_ifs
if [ "$found" = 1 ]; then
    echo "check-references: the lines above name things a clone does not have; state the fact itself" >&2
    status=1
fi
# Relative Markdown links must lead to a file or folder in the repository.
for doc in $(find . -name '*.md' -not -path './.build/*' -not -path './.git/*'); do
    dir=$(dirname "$doc")
    for target in $(grep -oE '\]\([^)#:]+(#[^)]*)?\)' "$doc" | sed -E 's/^\]\(([^)#]+).*/\1/'); do
        if [ ! -e "$dir/$target" ]; then
            echo "$doc: link to $target, which does not exist" >&2
            status=1
        fi
    done
done
exit $status
