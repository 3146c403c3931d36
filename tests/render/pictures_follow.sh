#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Everything that handles pictures follows them (issue 14, item 7), with
# files made here at test time:
#   - the contact sheet of an exhibition with a TIFF slide (16-bit CMYK
#     through its SWOP profile) and a HEIC slide shows each thumbnail in its
#     own colour (a block of that colour is on the sheet);
#   - "page": N of a multi-page TIFF: the slide shows that page (rendered),
#     --check passes it, and names a page the file does not have;
#   - hot reload: in a replay, a TIFF slide's file replaced by a TIFF of
#     another colour is shown in it; a damaged TIFF written over it shows
#     the placeholder without vitrine stopping, and a good one brings the
#     picture back.
# Colours are found by value (pixels within 4% of the colour), not by place,
# so the layout of the sheet and the slide may change without this test.
#   pictures_follow.sh VITRINE OUTDIR
set -eu
vitrine=$1 out=$2
rm -rf "$out" && mkdir -p "$out/ex/sheet" "$out/ex/reload" "$out/pages/ex/pages" "$out/media" && cd "$out"
fail=0
bad() { echo "FAIL: $*"; fail=1; }
count() { # PNG COLOUR: how many pixels are within 4% of COLOUR
    convert "$1" -alpha off -fuzz 4% -fill black +opaque "$2" -fill white -opaque "$2" \
        -format '%[fx:int(mean*w*h+.5)]' info:
}
srgb=/usr/share/color/icc/sRGB.icc
swop=/usr/share/color/icc/ghostscript/default_cmyk.icc
red='#c81e1e' green='#1eb43c' blue='#2850c8'

# ---- the contact sheet: a CMYK TIFF and a HEIC ---------------------------------
convert -size 400x300 "xc:$red" -profile "$srgb" -profile "$swop" -depth 16 -compress zip ex/sheet/red.tif
# png24: heif-enc reads a two-colour (paletted) PNG wrongly: half blue
convert -size 400x300 "xc:$green" png24:media/green.png
heif-enc -q 95 media/green.png -o ex/sheet/green.heic >/dev/null 2>&1
# the red the SWOP inks stand for: lcms' conversion, as vitrine's
tificc ex/sheet/red.tif media/red-ref.tif 2>/dev/null
swop_red=$(convert media/red-ref.tif -format '#%[hex:p{0,0}]' info: | cut -c1-7)
cat >ex/sheet/exhibition.json <<'JSON'
{"title": "Formats", "languages": ["en"], "slides": [
  {"image": "red.tif", "title": {"en": "TIFF"}, "caption": {"en": "A CMYK TIFF."}},
  {"image": "green.heic", "title": {"en": "HEIC"}, "caption": {"en": "A HEIC."}}]}
JSON
"$vitrine" --contact-sheet sheet.png --exhibition sheet ex >sheet.txt 2>sheet.err ||
    { bad "the contact sheet failed"; cat sheet.txt sheet.err; }
if [ -e sheet.png ]; then
    r=$(count sheet.png "$swop_red") g=$(count sheet.png "$green")
    echo "contact sheet: $r pixels of the TIFF's red ($swop_red), $g of the HEIC's green"
    [ "$r" -ge 2000 ] || bad "the TIFF's thumbnail is not its red ($r pixels)"
    [ "$g" -ge 2000 ] || bad "the HEIC's thumbnail is not its green ($g pixels)"
fi

# ---- "page": N of a multi-page TIFF -------------------------------------------------
convert -size 400x300 "xc:$red" -size 400x300 "xc:$green" -size 400x300 "xc:$blue" pages/ex/pages/letter.tif
printf '{"title": "Pages", "languages": ["en"], "slides": [\n  {"image": "letter.tif", "page": %s}]}\n' 2 \
    >pages/ex/pages/exhibition.json
"$vitrine" --check pages/ex >pages/check.txt 2>&1 || { bad "--check refused page 2 of 3"; cat pages/check.txt; }
"$vitrine" --render pages/page2.png --exhibition pages --slide 1 --size 640x360 pages/ex 2>pages/render.err ||
    bad "--render of page 2 failed"
if [ -e pages/page2.png ]; then
    r=$(count pages/page2.png "$red") g=$(count pages/page2.png "$green") b=$(count pages/page2.png "$blue")
    echo "\"page\": 2 of a red, green, blue TIFF: $r red pixels, $g green, $b blue"
    if [ "$g" -lt 5000 ] || [ "$r" -ne 0 ] || [ "$b" -ne 0 ]; then
        bad "the slide is not the TIFF's second page"
    fi
fi
sed -i 's/"page": 2/"page": 4/' pages/ex/pages/exhibition.json
"$vitrine" --check pages/ex >pages/check4.txt 2>&1 && bad "--check passed page 4 of 3"
grep -q 'exhibition.json:2:35: error: "page" of slide 1 cannot be shown: letter.tif: TIFF cannot be read: it has no page 4 (it has 3)' \
    pages/check4.txt || { bad "--check did not name page 4 of 3"; cat pages/check4.txt; }

# ---- hot reload: a TIFF replaced, broken, mended --------------------------------
convert -size 400x300 "xc:$red" -compress lzw ex/reload/picture.tif
convert -size 400x300 "xc:$blue" -colorspace CMYK -depth 16 -define tiff:tile-geometry=64x64 media/blue.tif
head -c 3000 media/blue.tif >media/broken.tif
cp ex/reload/picture.tif media/red.tif
cat >ex/reload/exhibition.json <<'JSON'
{"title": "Reload", "languages": ["en"], "slides": [
  {"image": "picture.tif", "title": {"en": "A scan"}, "caption": {"en": "Replaced while shown."}}]}
JSON
cat >reload.script <<'SCRIPT'
open reload 1
screenshot 1-red.png
copy media/blue.tif picture.tif.new
move picture.tif.new reload/picture.tif
wait 1500
screenshot 2-blue.png
copy media/broken.tif reload/picture.tif
wait 1500
screenshot 3-broken.png
state
copy media/red.tif reload/picture.tif
wait 1500
screenshot 4-red.png
state
SCRIPT
"$vitrine" --replay reload.script --size 640x360 ex >reload.txt 2>reload.err ||
    { bad "the replay stopped"; cat reload.err; }
for s in 1-red:$red 2-blue:$blue 3-broken: 4-red:$red; do
    png=${s%%:*}.png want=${s#*:}
    [ -e "$png" ] || { bad "no $png"; continue; }
    r=$(count "$png" "$red") b=$(count "$png" "$blue")
    echo "$png: $r red pixels, $b blue"
    case $want in # how many red and blue pixels there should be
    "$red") lo_r=5000 hi_r=1000000 hi_b=0 lo_b=0 ;;
    "$blue") lo_r=0 hi_r=0 lo_b=5000 hi_b=1000000 ;;
    *) lo_r=0 hi_r=0 lo_b=0 hi_b=0 ;; # the placeholder
    esac
    if [ "$r" -lt $lo_r ] || [ "$r" -gt $hi_r ] || [ "$b" -lt $lo_b ] || [ "$b" -gt $hi_b ]; then
        bad "$png is not what it should show (${want:-the placeholder})"
    fi
done
grep -q 'picture.tif' reload.err || bad "the damaged TIFF was not reported"
[ $fail -eq 0 ] && echo "pictures follow: ok"
exit $fail
