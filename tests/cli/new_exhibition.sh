#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# vitrine --new-exhibition on a folder of images under mixed names (Cyrillic,
# spaces, numbers, an uppercase extension, an images/ subfolder, a text file
# among them): the slides in natural order, a manifest --check accepts
# without errors, slide 1 rendered, and a second run refused with the
# manifest untouched.
#
#   new_exhibition.sh VITRINE OUTDIR
set -eu
vitrine=$1 out=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
src="$root/exhibitions/karlag-artists/images"
rm -rf "$out" && mkdir -p "$out"
dir="$out/Суретшілер Artists 2019"
mkdir -p "$dir/images"
cp "$src/steppe.svg" "$dir/10 Дала.SVG"
cp "$src/easel.svg" "$dir/2_easel.svg"
cp "$src/wire.svg" "$dir/images/01-Тікенек сым.svg"
cp "$src/hall.svg" "$dir/IMG 3.svg"
echo "Ask the archive about the wire." >"$dir/notes.txt"
fail=0

status=0
"$vitrine" --new-exhibition "$dir" >"$out/new.out" 2>"$out/new.err" || status=$?
[ "$status" = 0 ] || { echo "FAIL: --new-exhibition exited $status"; cat "$out/new.err"; exit 1; }
manifest="$dir/exhibition.json"
[ -f "$manifest" ] || { echo "FAIL: no $manifest"; exit 1; }
got=$(grep -o '"image": "[^"]*"' "$manifest" | sed 's/"image": //' | tr '\n' '|')
want='"images/01-Тікенек сым.svg"|"2_easel.svg"|"IMG 3.svg"|"10 Дала.SVG"|'
[ "$got" = "$want" ] || { echo "FAIL: slides $got, expected $want"; fail=1; }
grep -q '"id": "artists-2019"' "$manifest" || { echo "FAIL: id"; grep '"id"' "$manifest"; fail=1; }
grep -q '"kk": "Тікенек сым"' "$manifest" || { echo "FAIL: title from the file name"; fail=1; }
grep -q 'skipped "notes.txt"' "$out/new.err" || { echo "FAIL: notes.txt not named"; cat "$out/new.err"; fail=1; }
grep -q 'vitrine --check' "$out/new.out" || { echo "FAIL: no next step"; cat "$out/new.out"; fail=1; }
grep -q '"\$schema"' "$manifest" && { echo "FAIL: \$schema outside exhibitions/"; fail=1; }

# --check: no errors; the empty captions are warnings, one a slide.
status=0
"$vitrine" --check "$dir" >"$out/check.out" 2>&1 || status=$?
[ "$status" = 0 ] || { echo "FAIL: --check exited $status"; cat "$out/check.out"; fail=1; }
tail -n 1 "$out/check.out" | grep -q '; 0 errors, 4 warnings$' ||
    { echo "FAIL: --check:"; cat "$out/check.out"; fail=1; }

# Slide 1 as a visitor sees it.
status=0
"$vitrine" --render "$out/slide1.png" --exhibition artists-2019 --slide 1 --size 1280x720 "$dir" \
    >"$out/render.out" 2>&1 || status=$?
[ "$status" = 0 ] && [ -s "$out/slide1.png" ] ||
    { echo "FAIL: --render exited $status"; cat "$out/render.out"; fail=1; }

# A second run refuses, names the file, and leaves it as it was.
cp "$manifest" "$out/first.json"
status=0
"$vitrine" --new-exhibition "$dir" >"$out/again.out" 2>"$out/again.err" || status=$?
[ "$status" = 1 ] || { echo "FAIL: second run exited $status, expected 1"; fail=1; }
grep -qF "$manifest already exists" "$out/again.err" || { echo "FAIL: refusal:"; cat "$out/again.err"; fail=1; }
cmp -s "$manifest" "$out/first.json" || { echo "FAIL: the manifest was changed"; fail=1; }

# A folder without images is refused, and so is a wrong command line.
mkdir -p "$out/empty"
status=0
"$vitrine" --new-exhibition "$out/empty" >/dev/null 2>"$out/empty.err" || status=$?
[ "$status" = 1 ] && [ ! -e "$out/empty/exhibition.json" ] ||
    { echo "FAIL: empty folder: exit $status"; fail=1; }
status=0
"$vitrine" --new-exhibition "$out/empty" "$dir" >/dev/null 2>&1 || status=$?
[ "$status" = 2 ] || { echo "FAIL: two folders: exit $status, expected 2"; fail=1; }
status=0
"$vitrine" --new-exhibition "$dir" --check >/dev/null 2>&1 || status=$?
[ "$status" = 2 ] || { echo "FAIL: with --check: exit $status, expected 2"; fail=1; }

[ "$fail" -eq 0 ] && echo "new exhibition: ok"
exit "$fail"
