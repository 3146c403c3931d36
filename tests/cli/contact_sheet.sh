#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# vitrine --contact-sheet: a bundled exhibition in Kazakh (one page, golden)
# and a fixture with every kind of problem (two pages, goldens): a missing
# translation, a picture not found, one that cannot be decoded, a caption
# too long for its panel, a picture without a caption. The problems are also
# listed on stdout, exactly; the settings' text size and --size change the
# caption fit; mistakes on the command line are refused.
#
#   contact_sheet.sh VITRINE IMGDIFF OUTDIR
# To accept new output on purpose: VITRINE_UPDATE_GOLDEN=1 ctest -R cli.contact_sheet
set -eu
vitrine=$1 imgdiff=$2 out=$3
root=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$out" && mkdir -p "$out"
cd "$root"
golden="$root/tests/golden/contact_sheet"
fx=tests/fixtures/curator/sheet-problems
plain=tests/fixtures/settings/defaults.json
fail=0

sheet() { # NAME ARGS...: stdout (with $out/ taken out) into $out/NAME.txt
    name=$1; shift
    "$vitrine" --contact-sheet "$@" 2>"$out/$name.err" | sed "s|$out/||g" >"$out/$name.txt"
}
sheet karlag "$out/karlag-kk.png" --exhibition karlag-artists --lang kk --settings $plain exhibitions
sheet problems "$out/problems.png" --exhibition sheet-problems --lang kk --settings $plain $fx

if [ "${VITRINE_UPDATE_GOLDEN:-}" = 1 ]; then
    mkdir -p "$golden"
    cp "$out/karlag-kk.png" "$out/problems-1.png" "$out/problems-2.png" "$golden/"
    cat "$out/karlag.txt" "$out/problems.txt" >tests/cli/contact_sheet.expected
    echo "updated tests/cli/contact_sheet.expected and $golden"
    exit 0
fi
cat "$out/karlag.txt" "$out/problems.txt" | diff -u tests/cli/contact_sheet.expected - ||
    { echo "FAIL: the listed problems differ"; fail=1; }
for png in karlag-kk.png problems-1.png problems-2.png; do
    "$imgdiff" "$out/$png" "$golden/$png" 1.5 "$out/diff-$png" ||
        { echo "FAIL: $png differs from $golden/$png (see $out/diff-$png)"; fail=1; }
done
[ ! -e "$out/problems.png" ] || { echo "FAIL: two pages are problems-1.png and -2.png only"; fail=1; }

# Large text (from the settings): more lines over; a 5:4 screen (--size)
# leaves the panel more room: fewer.
sheet large "$out/large.png" --exhibition sheet-problems --lang kk --settings tests/fixtures/settings/large-text.json $fx
grep -qx 'sheet-problems (kk, captions fitted at 1920x1080 in large text): 14 slides, 7 with problems' \
    "$out/large.txt" || { echo "FAIL: large text"; cat "$out/large.txt"; fail=1; }
grep -qx '  slide 5: caption too long at 1920x1080: 7 lines over' "$out/large.txt" ||
    { echo "FAIL: slide 5 in large text"; cat "$out/large.txt"; fail=1; }
sheet square "$out/square.png" --exhibition sheet-problems --lang kk --settings $plain --size 1280x1024 $fx
grep -qx '  slide 5: caption too long at 1280x1024: 1 line over' "$out/square.txt" ||
    { echo "FAIL: slide 5 at 1280x1024"; cat "$out/square.txt"; fail=1; }
# In Russian, slide 2's caption and slide 6's title are there: not problems.
sheet ru "$out/ru.png" --exhibition sheet-problems --lang ru --settings $plain $fx
grep -q 'slide 2:\|slide 6:' "$out/ru.txt" && { echo "FAIL: ru has slides 2 and 6"; fail=1; }
grep -q '^  slide 8: no "ru"' "$out/ru.txt" && { echo "FAIL: slide 8 is in ru"; fail=1; }

expect_status() { # WANT ARGS...
    want=$1; shift
    status=0
    "$vitrine" "$@" >"$out/bad.out" 2>"$out/bad.err" || status=$?
    [ "$status" = "$want" ] || { echo "FAIL: $*: exit $status, expected $want"; cat "$out/bad.err"; fail=1; }
}
expect_status 2 --contact-sheet "$out/x.png"
expect_status 2 --contact-sheet "$out/x.png" --exhibition karlag-artists --check
expect_status 1 --contact-sheet "$out/x.png" --exhibition no-such-thing exhibitions
grep -q 'no exhibition with id "no-such-thing"' "$out/bad.err" || { echo "FAIL: unknown id message"; fail=1; }
[ "$fail" -eq 0 ] && echo "contact sheet: ok"
exit $fail
