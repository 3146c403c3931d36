#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# vitrine --report on a fixed visitor-statistics log (tests/fixtures/stats)
# whose answers were worked out by hand: the exact tables and warnings for
# three days of it, the chart (golden, in Kazakh: the titles and the chart's
# own words must show their letters), the default chart name, the dates
# range, and the mistakes in the command line.
#
#   visitor_report.sh VITRINE IMGDIFF OUTDIR
# To accept new output on purpose: VITRINE_UPDATE_GOLDEN=1 ctest -R cli.visitor_report
set -eu
vitrine=$1 imgdiff=$2 out=$3
root=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$out" && mkdir -p "$out"
cd "$root"
logs=tests/fixtures/stats
golden="$root/tests/golden/visitor_report"
fail=0

# Three days of five: the tables in English, the warnings for the two bad lines.
"$vitrine" --report $logs --from 2026-02-01 --to 2026-02-03 --lang en --chart "$out/chart-en.png" \
    exhibitions 2>"$out/report.err" | sed "s|$out/||" >"$out/report.txt"
# In the Kazakh chart, every title and word of its own in Kazakh.
"$vitrine" --report $logs --from 2026-02-01 --to 2026-02-03 --lang kk --chart "$out/chart-kk.png" \
    exhibitions >/dev/null 2>&1
if [ "${VITRINE_UPDATE_GOLDEN:-}" = 1 ]; then
    cp "$out/report.txt" tests/cli/visitor_report.expected
    cp "$out/report.err" tests/cli/visitor_report.err.expected
    mkdir -p "$golden" && cp "$out/chart-kk.png" "$golden/chart-kk.png"
    echo "updated tests/cli/visitor_report.expected and $golden"
    exit 0
fi
diff -u tests/cli/visitor_report.expected "$out/report.txt" || { echo "FAIL: the tables differ"; fail=1; }
diff -u tests/cli/visitor_report.err.expected "$out/report.err" || { echo "FAIL: the warnings differ"; fail=1; }
"$imgdiff" "$out/chart-kk.png" "$golden/chart-kk.png" 1.5 "$out/diff-chart-kk.png" ||
    { echo "FAIL: the chart differs from $golden/chart-kk.png (see $out/diff-chart-kk.png)"; fail=1; }

# All five days, the chart under its default name in the current folder.
(cd "$out" && "$vitrine" --report "$root/$logs" --lang en "$root/exhibitions" >all.txt 2>/dev/null)
grep -q '^Visitor statistics, 2026-01-31 to 2026-02-04$' "$out/all.txt" || { echo "FAIL: all days"; fail=1; }
grep -q '^Visits            7$' "$out/all.txt" || { echo "FAIL: 7 visits in all days"; fail=1; }
grep -q '^Chart written to visitor-statistics-2026-01-31_2026-02-04.png$' "$out/all.txt" &&
    [ -s "$out/visitor-statistics-2026-01-31_2026-02-04.png" ] || { echo "FAIL: default chart"; fail=1; }

# A state folder works too (its stats/ is read); a day without events says so.
mkdir -p "$out/state/stats" && cp $logs/2026-02-03.jsonl "$out/state/stats/"
"$vitrine" --report "$out/state" --lang en --chart "$out/state.png" exhibitions | grep -q '^Visits            1$' ||
    { echo "FAIL: a state folder"; fail=1; }
"$vitrine" --report $logs --from 2026-03-01 exhibitions >"$out/none.txt"
grep -qx 'No visitor statistics from 2026-03-01 (0 files read)' "$out/none.txt" || { echo "FAIL: no data"; cat "$out/none.txt"; fail=1; }

# Mistakes: exit 2 for the command line, 1 for a folder that is not there.
expect_status() { # WANT ARGS...
    want=$1; shift
    status=0
    "$vitrine" "$@" >"$out/bad.out" 2>"$out/bad.err" || status=$?
    [ "$status" = "$want" ] || { echo "FAIL: $*: exit $status, expected $want"; cat "$out/bad.err"; fail=1; }
}
expect_status 2 --report $logs --from 2026-2-1
expect_status 2 --report $logs --from 2026-02-03 --to 2026-02-01
expect_status 2 --from 2026-02-01
expect_status 2 --report $logs --check
expect_status 1 --report "$out/nowhere"
grep -q "nowhere:0:0: error: cannot read the statistics folder: No such file or directory" "$out/bad.err" ||
    { echo "FAIL: missing folder message"; cat "$out/bad.err"; fail=1; }
[ "$fail" -eq 0 ] && echo "visitor report: ok"
exit $fail
