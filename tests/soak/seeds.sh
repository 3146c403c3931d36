#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Run the soak test (docs/replay.md, "soak") with other seeds than the
# suite's, to look for what the suite's seed does not happen to find.
#
#   tests/soak/seeds.sh VITRINE FIRST LAST [INPUTS [RELOADS]] [OUTDIR]
#
# Seeds FIRST..LAST, each on a fresh copy of tests/fixtures/soak with the
# suite's settings (tests/fixtures/settings/soak.json, PIN 2468) in a
# 480x270 window, INPUTS inputs (default 20000) and RELOADS reloads (default
# 40). A failing seed's folder is kept in OUTDIR (default /tmp/vitrine-seeds)
# with what it logged and the script it ran (soak.script: run it again with
# `vitrine --replay` from that folder). Exit status 1 if any seed failed.
set -eu
vitrine=$(realpath "$1") first=$2 last=$3 inputs=${4:-20000} reloads=${5:-40}
out=${6:-/tmp/vitrine-seeds}
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$out"
failed=0
seed=$first
while [ "$seed" -le "$last" ]; do
    dir="$out/seed-$seed"
    rm -rf "$dir" && mkdir -p "$dir"
    cp -R "$root/tests/fixtures/soak" "$dir/exhibitions"
    edits=$(realpath --relative-to="$dir" "$root/tests/fixtures/soak-edits")
    printf 'soak %s %s %s %s 2468\n' "$edits" "$inputs" "$reloads" "$seed" >"$dir/run.script"
    start=$(date +%s)
    if (cd "$dir" && VITRINE_SOAK_SCRIPT="$dir/soak.script" "$vitrine" --replay run.script --size 480x270 \
            --settings "$root/tests/fixtures/settings/soak.json" exhibitions >stdout.txt 2>stderr.txt); then
        echo "seed $seed: ok ($(($(date +%s) - start)) s)"
        rm -rf "$dir"
    else
        echo "seed $seed: FAILED, see $dir/stderr.txt"
        grep -E "soak seed|ERROR|runtime error|LeakSanitizer" "$dir/stderr.txt" | head -n 5 || true
        failed=1
    fi
    seed=$((seed + 1))
done
exit $failed
