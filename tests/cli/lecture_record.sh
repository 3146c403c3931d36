#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A lecture run writes its record to the state folder, and the record holds
# the time spent per slide while the timer ran (pauses not counted).
#
#   lecture_record.sh VITRINE OUTDIR
set -eu
vitrine=$1 out=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$out" && mkdir -p "$out"
cat >"$out/run.script" <<'SCRIPT'
key F5
wait 60000
key Right
wait 120000
key Right
key s
wait 600000
key s
wait 30000
SCRIPT
"$vitrine" --lecture --exhibition karlag-artists --state-dir "$out/state" --replay "$out/run.script" \
    "$root/exhibitions" 2>"$out/log.txt"
rec=$(ls "$out"/state/lectures/*-karlag-artists.json)
"$vitrine" --lecture-report "$rec" >"$out/report.txt"
cat "$out/report.txt"
grep -q '^Actual     3:30' "$out/report.txt" || { echo "FAIL: total should be 3:30"; exit 1; }
grep -Eq '^ +1 +2:00 +1:00 ' "$out/report.txt" || { echo "FAIL: slide 1 should show 1:00"; exit 1; }
grep -Eq '^ +2 +4:00 +2:00 ' "$out/report.txt" || { echo "FAIL: slide 2 should show 2:00"; exit 1; }
grep -Eq '^ +3 +5:00 +0:30 ' "$out/report.txt" || { echo "FAIL: slide 3 should show 0:30 (paused time not counted)"; exit 1; }
grep -Eq '^ +4 .*not shown' "$out/report.txt" || { echo "FAIL: slide 4 was never shown"; exit 1; }
# A lecture's audience is not visitors: no visitor statistics.
[ ! -e "$out/state/stats" ] || { echo "FAIL: a lecture wrote visitor statistics"; ls -R "$out/state/stats"; exit 1; }
echo "lecture record: ok"
