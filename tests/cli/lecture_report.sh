#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# vitrine --lecture-report on a known rehearsal record: the exact table, and
# --suggest-budgets writing a copy of the manifest whose lecture_s are the
# times spent (rounded to 5 s) and which --check still accepts.
#
#   lecture_report.sh VITRINE OUTDIR
set -eu
vitrine=$1 out=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$out" && mkdir -p "$out/suggested"
rec="$root/tests/fixtures/lectures/karlag-rehearsal.json"
"$vitrine" --lecture-report "$rec" >"$out/report.txt"
diff -u "$root/tests/fixtures/lectures/karlag-rehearsal.report.txt" "$out/report.txt"
cp -r "$root/exhibitions/karlag-artists/images" "$out/suggested/"
"$vitrine" --lecture-report "$rec" --suggest-budgets "$out/suggested/exhibition.json" >/dev/null
got=$(grep -o '"lecture_s": [0-9]*' "$out/suggested/exhibition.json" | sed 's/.*: //' | tr '\n' ' ')
[ "$got" = "130 225 320 290 470 305 340 310 435 " ] || { echo "FAIL: suggested lecture_s are $got"; exit 1; }
# The suggestion is a valid exhibition (its \$schema path may point elsewhere: a warning at most).
"$vitrine" --check "$out/suggested" | tail -n 1 | grep -q " 0 errors" || { "$vitrine" --check "$out/suggested"; exit 1; }
# The curator's own file is never overwritten.
if "$vitrine" --lecture-report "$rec" --suggest-budgets "$root/exhibitions/karlag-artists/exhibition.json" >/dev/null 2>&1; then
    echo "FAIL: --suggest-budgets overwrote the manifest"; exit 1
fi
echo "lecture report: ok"
