#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Run one replay script with the real binary, headless, and compare what it
# printed (state lines) and the screenshots it took with what is expected.
#
#   run.sh VITRINE IMGDIFF SCRIPT OUTDIR
#
# SCRIPT.expected holds the exact stdout; tests/golden/<name>/<file>.png the
# golden screenshots. A first line "# dir: PATH" (relative to the repository)
# names the exhibitions to use instead of exhibitions/; "# size: WxH" the size;
# "# args: ..." more command-line options (e.g. --lecture); "# files: A B"
# files the run writes (relative to OUTDIR, e.g. with "# args: --state-dir
# state"), each compared exactly with SCRIPT's name + "." + its file name.
# "# args: ..." more command-line options (e.g. --lecture).
# "# scratch: PATH" copies PATH to OUTDIR/exhibitions and runs on the copy,
# which the script's file commands (copy, write-part, move, remove) may
# change. SCRIPT.stderr-expected, when it exists, lists text that must
# appear in what vitrine logged (a line "! TEXT": must not appear), with the
# copy's path written @DIR@; it is written by hand, never updated.
# To accept new output on purpose: VITRINE_UPDATE_GOLDEN=1 ctest -R replay
set -eu
vitrine=$1 imgdiff=$2 script=$3 out=$4
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
name=$(basename "$script" .script)
golden="$root/tests/golden/$name"
dir=$(sed -n 's/^# dir: *//p' "$script" | head -n 1)
size=$(sed -n 's/^# size: *//p' "$script" | head -n 1)
args=$(sed -n "s/^# args: *//p" "$script" | head -n 1 | sed "s|@ROOT@|$root|g")
files=$(sed -n 's/^# files: *//p' "$script" | head -n 1)
scratch=$(sed -n 's/^# scratch: *//p' "$script" | head -n 1)
rm -rf "$out" && mkdir -p "$out"
cd "$out"
target="$root/${dir:-exhibitions}"
if [ -n "$scratch" ]; then
    cp -R "$root/$scratch" "$out/exhibitions"
    target="$out/exhibitions"
fi
status=0
# shellcheck disable=SC2086
"$vitrine" --replay "$script" --size "${size:-1280x720}" $args "$target" >stdout.txt 2>stderr.txt || status=$?
if [ "$status" -ne 0 ]; then
    echo "vitrine --replay exited $status"; cat stderr.txt; exit 1
fi
if [ "${VITRINE_UPDATE_GOLDEN:-}" = 1 ]; then
    cp stdout.txt "${script%.script}.expected"
    for f in $files; do cp "$f" "${script%.script}.$(basename "$f")"; done
    mkdir -p "$golden"
    for png in *.png; do [ -e "$png" ] && cp "$png" "$golden/$png"; done
    echo "updated ${script%.script}.expected and $golden"
    exit 0
fi
fail=0
if ! diff -u "${script%.script}.expected" stdout.txt; then
    echo "state output differs from ${script%.script}.expected"; fail=1
fi
for f in $files; do
    if [ ! -e "$f" ]; then
        echo "the replay wrote no $f"; fail=1
    elif ! diff -u "${script%.script}.$(basename "$f")" "$f"; then
        echo "$f differs from ${script%.script}.$(basename "$f")"; fail=1
    fi
done
logs="${script%.script}.stderr-expected"
if [ -e "$logs" ]; then
    sed "s|$target|@DIR@|g" stderr.txt >stderr-dir.txt
    while IFS= read -r want; do
        case "$want" in
        '') ;;
        '! '*) if grep -qF -- "${want#! }" stderr-dir.txt; then
                   echo "vitrine logged what it must not: ${want#! }"; fail=1
               fi ;;
        *) if ! grep -qF -- "$want" stderr-dir.txt; then
               echo "vitrine did not log: $want"; fail=1
           fi ;;
        esac
    done <"$logs"
    [ "$fail" -eq 0 ] || { echo "--- what it logged:"; cat stderr-dir.txt; }
fi
for png in *.png; do
    [ -e "$png" ] || continue
    case "$png" in diff-*) continue ;; esac
    if [ ! -e "$golden/$png" ]; then
        echo "no golden image $golden/$png"; fail=1; continue
    fi
    "$imgdiff" "$png" "$golden/$png" 1.5 "diff-$png" || { echo "  $png differs from golden (see $out/diff-$png)"; fail=1; }
done
[ "$fail" -eq 0 ] && echo "replay $name: ok"
exit $fail
