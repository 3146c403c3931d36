#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# vitrine --check on bad content: the exact messages (file:line:col) and the
# exit status. Each line of cases.txt is "EXPECTED_STATUS DIR", DIR relative to
# the repository; DIR's output must equal tests/check/<name>.expected, where
# <name> is DIR with "/" turned into "_". Regenerate on purpose with
# VITRINE_UPDATE_GOLDEN=1.
set -eu
vitrine=$1 out=$2
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
mkdir -p "$out"
cd "$root"
fail=0
while read -r want dir; do
    case "$want" in ''|'#'*) continue ;; esac
    name=$(echo "$dir" | tr / _)
    got=0
    "$vitrine" --check "$dir" >"$out/$name.txt" 2>&1 || got=$?
    if [ "${VITRINE_UPDATE_GOLDEN:-}" = 1 ]; then
        cp "$out/$name.txt" "$here/$name.expected"
    elif ! diff -u "$here/$name.expected" "$out/$name.txt"; then
        echo "check $dir: output differs"; fail=1
    fi
    if [ "$got" != "$want" ]; then
        echo "check $dir: exit status $got, expected $want"; fail=1
    fi
done <"$here/cases.txt"
[ "$fail" -eq 0 ] && echo "check: all cases as expected"
exit $fail
