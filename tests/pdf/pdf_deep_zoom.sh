#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A PDF zoomed to 8x, past the whole-page re-render (4x), is drawn again for
# the part in view at 8x (textures.c, want_region): its small print reads, is
# as large as poppler draws the page at 8x (pdftocairo, the reference), and
# its edges are as sharp as the reference's: no more grey edge pixels than
# pdftocairo's own (an enlarged 4x copy has about twice as many).
#   pdf_deep_zoom.sh VITRINE PYTHON3 OUTDIR
set -eu
vitrine=$1 python=$2 out=$3
rm -rf "$out" && mkdir -p "$out/ex/letter" && cd "$out"
# a 16:9 page with two lines of 2.5-point print at its centre (unreadable
# on screen unzoomed: about 6 pixels high)
"$python" - ex/letter/letter.pdf <<'PY'
import sys
import cairo
s = cairo.PDFSurface(sys.argv[1], 480, 270)
cr = cairo.Context(s)
cr.set_source_rgb(1, 1, 1)
cr.paint()
cr.set_source_rgb(0, 0, 0)
cr.select_font_face("Noto Sans", cairo.FONT_SLANT_NORMAL, cairo.FONT_WEIGHT_NORMAL)
cr.set_font_size(2.5)
for y, line in ((134, "QUICK BROWN FOX"), (138, "JUMPS OVER LAZY DOG")):
    w = cr.text_extents(line).x_advance
    cr.move_to(240 - w / 2, y)
    cr.show_text(line)
s.finish()
PY
echo '{"title": "Letter", "languages": ["en"], "slides": [{"image": "letter.pdf"}]}' >ex/letter/exhibition.json
printf 'screenshot zoom1.png\npinch 0.5 0.5 1 8 300\nstate\nscreenshot zoom8.png\n' >zoom.script
fail=0
"$vitrine" --replay zoom.script --size 1280x720 --exhibition letter ex >zoom.txt 2>zoom.err ||
    { echo "FAIL: the zoom replay"; cat zoom.err; exit 1; }
zoom=$(sed -n 's/.*"zoom":\([0-9.]*\).*/\1/p' zoom.txt)
echo "zoom: $zoom"
[ "$zoom" = "8.00" ] || { echo "FAIL: the pinch should zoom to 8x, not $zoom"; fail=1; }

words() { tr 'a-z' 'A-Z' | tr -s ' \n' '\n\n' | grep -cxE 'QUICK|BROWN|FOX|JUMPS|OVER|LAZY|DOG' || true; }
# the print: the dark pixels of the picture's area, trimmed to them
convert zoom8.png -crop 1200x560+40+120 +repage -colorspace Gray -fuzz 10% -trim +repage shot.png
z8=$(tesseract shot.png - 2>/dev/null | words)
echo "8x: $z8 of 7 words read"
[ "$z8" -ge 6 ] || { echo "FAIL: the small print does not read at 8x"; fail=1; }

# the reference: the page drawn by poppler at the zoomed scale (the page
# fitted into the picture's area is the screenshot's trimmed print scaled
# back; the area is the window less its bars: measure the fitted width as
# the unzoomed page's white)
pw=$(convert zoom1.png -crop 1280x560+0+100 +repage -colorspace Gray -threshold 90% -trim -format '%w' info:)
W=$((pw * 8))
pdftocairo -png -singlefile -scale-to-x "$W" -scale-to-y -1 -x $((W / 2 - 1000)) -y $((W * 9 / 32 - 250)) \
    -W 2000 -H 500 ex/letter/letter.pdf ref >/dev/null
convert ref.png -colorspace Gray -fuzz 10% -trim +repage ref-print.png
# the same at 4x, enlarged twice: what the whole-page copy alone would show
W4=$((pw * 4))
pdftocairo -png -singlefile -scale-to-x "$W4" -scale-to-y -1 -x $((W4 / 2 - 500)) -y $((W4 * 9 / 32 - 125)) \
    -W 1000 -H 250 ex/letter/letter.pdf ref4 >/dev/null
convert ref4.png -colorspace Gray -filter Triangle -resize 200% -fuzz 10% -trim +repage blur-print.png
size() { identify -format '%w %h' "$1"; }
# edge pixels: grey ones (neither paper nor ink) per inked pixel
edges() { convert "$1" -fx '(u>0.15 && u<0.85) ? 1 : 0' -format '%[fx:mean]' info: ; }
ink() { convert "$1" -fx 'u<0.85 ? 1 : 0' -format '%[fx:mean]' info: ; }
ratio() { awk -v e="$(edges "$1")" -v i="$(ink "$1")" 'BEGIN { printf "%.3f", (i > 0 ? e / i : 9) }'; }
rs=$(ratio shot.png) rr=$(ratio ref-print.png) rb=$(ratio blur-print.png)
echo "print size: shown $(size shot.png), pdftocairo $(size ref-print.png)"
echo "grey edge pixels per ink pixel: shown $rs, pdftocairo at 8x $rr, a 4x copy enlarged $rb"
set -- $(size shot.png) $(size ref-print.png)
awk -v a="$1" -v b="$3" -v c="$2" -v d="$4" 'BEGIN { exit !(a > b * 0.97 && a < b * 1.03 && c > d * 0.9 && c < d * 1.1) }' ||
    { echo "FAIL: the print is not drawn at the zoomed size"; fail=1; }
awk -v s="$rs" -v r="$rr" -v b="$rb" 'BEGIN { exit !(s <= r * 1.2 + 0.02 && s < b) }' ||
    { echo "FAIL: the edges are not as sharp as poppler's at 8x"; fail=1; }
[ $fail -eq 0 ] && echo "pdf deep zoom: ok"
exit $fail
