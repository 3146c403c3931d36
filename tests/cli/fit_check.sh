#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# vitrine --check measures every caption with the real fonts, in the box the
# slide gives it: a Kazakh caption far too long for its panel gives exactly
# one warning, with the slide, the language and the screen size, and no
# error (exit 0); --size adds that size. The bundled exhibitions stay clean.
#
#   fit_check.sh VITRINE
set -eu
vitrine=$1
case $vitrine in /*) ;; *) vitrine=$(pwd)/$vitrine ;; esac
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
fx=tests/fixtures/curator/long-caption
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

# run NAME ARGS...: --check ARGS into $tmp/NAME.out and .err, status in $tmp/NAME.status
run() {
    name=$1; shift
    status=0
    "$vitrine" --check "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" || status=$?
    echo "$status" >"$tmp/$name.status"
}

expect_status() { # NAME WANT
    got=$(cat "$tmp/$1.status")
    [ "$got" = "$2" ] || { echo "FAIL: $1: exit status $got, expected $2"; cat "$tmp/$1.out"; fail=1; }
}

expect_no_stderr() {
    [ ! -s "$tmp/$1.err" ] || { echo "FAIL: $1: unexpected stderr:"; cat "$tmp/$1.err"; fail=1; }
}

# count_fit NAME SIZE: fit warnings for slide 2 (kk) at SIZE, in the exact form
count_fit() {
    grep -cE "^$fx/exhibition.json:[0-9]+:[0-9]+: warning: caption of slide 2 \(kk\) does not fit its panel at $2: [0-9]+ lines? too many at the smallest text size$" "$tmp/$1.out" || true
}

run default "$fx"
expect_status default 0
expect_no_stderr default
[ "$(grep -c 'does not fit' "$tmp/default.out" || true)" = 1 ] ||
    { echo "FAIL: expected exactly one fit warning:"; cat "$tmp/default.out"; fail=1; }
[ "$(count_fit default 1920x1080)" = 1 ] ||
    { echo "FAIL: no fit warning for slide 2 (kk) at 1920x1080:"; cat "$tmp/default.out"; fail=1; }
tail -n 1 "$tmp/default.out" | grep -q '; 0 errors, 1 warning$' ||
    { echo "FAIL: summary:"; tail -n 1 "$tmp/default.out"; fail=1; }

run big "$fx" --size 3840x2160
expect_status big 0
expect_no_stderr big
[ "$(count_fit big 3840x2160)" = 1 ] ||
    { echo "FAIL: no fit warning naming 3840x2160:"; cat "$tmp/big.out"; fail=1; }
grep 'does not fit' "$tmp/big.out" | grep -v '(kk)' && { echo "FAIL: only kk is too long"; fail=1; }

# The bundled exhibitions: every caption fits, at the default size and at 4K.
run bundled exhibitions
expect_status bundled 0
tail -n 1 "$tmp/bundled.out" | grep -q '; 0 errors, 0 warnings$' ||
    { echo "FAIL: bundled exhibitions:"; cat "$tmp/bundled.out"; fail=1; }
run bundled4k exhibitions --size 3840x2160
expect_status bundled4k 0
tail -n 1 "$tmp/bundled4k.out" | grep -q '; 0 errors, 0 warnings$' ||
    { echo "FAIL: bundled exhibitions at 3840x2160:"; cat "$tmp/bundled4k.out"; fail=1; }

[ "$fail" -eq 0 ] && { sed -n 1p "$tmp/default.out"; echo "fit check: ok"; }
exit "$fail"
