#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# vitrine --lecture talk.pdf, end to end on PDFs made now (tests/tools/make_pdfs.py):
#   - a beamer-like deck (labels 1,1,1,2,3,3,4) is 7 slides counted as 4 cards:
#     "next" steps through every overlay, the counter and the overview count labels;
#   - notes, "duration" and "lastMinutes" come from beamer.pdfpc beside it, and the
#     presenter view shows the notes (read back with tesseract);
#   - --check and --contact-sheet take a PDF where a folder is expected;
#   - an encrypted PDF (qpdf --encrypt) says why, in words.
#   lecture_pdf.sh VITRINE PYTHON3 MAKE_PDFS OUTDIR
set -eu
vitrine=$1 python=$2 make_pdfs=$3 out=$4
rm -rf "$out" && mkdir -p "$out" && cd "$out"
"$python" "$make_pdfs" pdfs --no-long
qpdf --encrypt secret secret 256 -- pdfs/lecture.pdf pdfs/encrypted.pdf
cat >pdfs/beamer.pdfpc <<'JSON'
{"pdfpcFormat": 2, "duration": 12, "lastMinutes": 3, "endSlide": 7,
 "pages": [{"idx": 0, "label": "1", "overlay": 0, "note": "Greet the visitors first"},
           {"idx": 3, "label": "2", "overlay": 0, "note": "Point at the steppe map"}]}
JSON
fail=0
check() { # what, expected, got
    if [ "$2" != "$3" ]; then echo "FAIL: $1: expected [$2], got [$3]"; fail=1; else echo "ok: $1"; fi
}
field() { # line key: a number or "string" from a state line
    printf '%s\n' "$1" | sed -n "s/.*\"$2\":\"\{0,1\}\([^\",}]*\).*/\1/p"
}

cat >deck.script <<'SCRIPT'
state
key PageDown
key PageDown
state
presenter-screenshot presenter-overlay3.png
key PageDown
state
presenter-screenshot presenter-slide2.png
screenshot slide2.png
key Tab
state
screenshot overview.png
key Right
key Return
state
SCRIPT
"$vitrine" --replay deck.script --size 1280x720 --lecture pdfs/beamer.pdf >states.txt 2>stderr.txt || {
    echo "vitrine --replay failed"; cat stderr.txt; exit 1; }
s1=$(sed -n 1p states.txt) s2=$(sed -n 2p states.txt) s3=$(sed -n 3p states.txt)
s4=$(sed -n 4p states.txt) s5=$(sed -n 5p states.txt)
check "the exhibition's id is the file's name" beamer "$(field "$s1" exhibition)"
check "every page a slide" 7 "$(field "$s1" slides)"
check "the .pdfpc's duration is the lecture's" 720000 "$(field "$s1" remaining_ms)"
check "next steps through every overlay" 3 "$(field "$s2" slide)"
check "the fourth page is the second card" 4 "$(field "$s3" slide)"
check "the overview opens on the card on screen" 2 "$(field "$s4" overview_selection)"
check "the overview's next card is card 3, its first page is page 5" 5 "$(field "$s5" slide)"

# what a person sees: the counter counts labels, the presenter view shows the .pdfpc's notes
convert slide2.png -crop 120x40+1180+672 +repage -colorspace gray -negate -resize 400% -threshold 70% counter.png
check "the counter counts labels" "2/4" "$(tesseract counter.png - --psm 7 2>/dev/null | tr -d ' \n\f')"
if tesseract presenter-slide2.png - 2>/dev/null | grep -q "steppe map"; then
    echo "ok: the presenter view shows the .pdfpc note"
else
    echo "FAIL: no .pdfpc note in the presenter view"; fail=1
fi
if tesseract presenter-overlay3.png - 2>/dev/null | grep -q "Greet the visitors"; then
    echo "ok: a slide's note is on each of its overlays"
else
    echo "FAIL: the first slide's note is not on its third overlay"; fail=1
fi
# the overview: one card a label, 4 of them, numbered 1..4
n=$(tesseract overview.png - 2>/dev/null | grep -c "Slide [0-9]" || true)
check "the overview shows one card a label" 4 "$n"

"$vitrine" --check pdfs/lecture.pdf >check.txt 2>&1 || { echo "FAIL: --check on a PDF"; cat check.txt; fail=1; }
grep -q "1 exhibition, 4 slides; 0 errors" check.txt && echo "ok: --check reads a PDF" ||
    { echo "FAIL: --check said:"; cat check.txt; fail=1; }
if "$vitrine" --check pdfs/encrypted.pdf >enc.txt 2>&1; then
    echo "FAIL: an encrypted PDF passed --check"; fail=1
fi
grep -q "protected by a password" enc.txt && echo "ok: encrypted: a clear message" ||
    { echo "FAIL: encrypted said:"; cat enc.txt; fail=1; }
# a slide's "page" of a PDF image: --check asks the reader, file:line:col
mkdir -p ex/letters && cp pdfs/lecture.pdf pdfs/encrypted.pdf ex/letters/
cat >ex/letters/exhibition.json <<'JSON'
{"title": "Letters", "languages": ["en"], "slides": [
 {"image": "lecture.pdf", "page": 2},
 {"image": "lecture.pdf", "page": 9},
 {"image": "encrypted.pdf"}]}
JSON
"$vitrine" --check ex >pages.txt 2>&1 && { echo "FAIL: --check passed a missing page"; fail=1; }
grep -q 'exhibition.json:3:35: error: "page" of slide 2 is 9, but lecture.pdf has 4 pages' pages.txt &&
    grep -q 'exhibition.json:4:12: error: encrypted.pdf of slide 3 cannot be shown: it is protected by a password' pages.txt &&
    echo "ok: --check names the missing page and the password" || { echo "FAIL: --check said:"; cat pages.txt; fail=1; }
"$vitrine" --render page2.png --exhibition letters --slide 1 --size 1280x720 ex >/dev/null 2>&1 ||
    { echo "FAIL: --render of a PDF page"; fail=1; }
tesseract page2.png - -l rus 2>/dev/null | grep -q "пожаловать" && echo "ok: --render shows page 2" ||
    { echo "FAIL: --render does not show page 2"; fail=1; }
"$vitrine" --contact-sheet sheet.png --exhibition lecture pdfs/lecture.pdf >sheet.txt 2>&1 ||
    { echo "FAIL: --contact-sheet on a PDF"; cat sheet.txt; fail=1; }
if tesseract sheet.png - -l rus+eng 2>/dev/null | grep -q "Русский"; then
    echo "ok: the contact sheet shows the pages"
else
    echo "FAIL: the contact sheet does not show page 2"; fail=1
fi
# vector zoom in the real program: 3-point print on page 4, 4x with a pinch
# (the wheel would go on to a page's 16x; pdf_deep_zoom.sh goes past 4x);
# the page is drawn again at the zoomed size, so the print reads (scaling the
# screen's pixels up, as an image viewer would, does not)
mkdir -p zx/doc && cp pdfs/lecture.pdf zx/doc/
echo '{"title": "Doc", "languages": ["en"], "slides": [{"image": "lecture.pdf", "page": 4}]}' >zx/doc/exhibition.json
printf 'screenshot zoom1.png\npinch 0.14 0.885 1 4 300\nstate\nscreenshot zoom4.png\n' >zoom.script
"$vitrine" --replay zoom.script --size 1280x720 --exhibition doc zx >zoom.txt 2>zoom.err ||
    { echo "FAIL: the zoom replay"; cat zoom.err; fail=1; }
check "the pinch zooms to 4x" 4.00 "$(field "$(cat zoom.txt)" zoom)"
words() { tr 'a-z' 'A-Z' | tr -s ' \n' '\n\n' | grep -cxE 'QUICK|BROWN|FOX|JUMPS|OVER|LAZY|DOG' || true; }
convert zoom4.png -crop 1240x100+0+590 +repage zoom4-print.png
convert zoom1.png -crop 310x25+0+625 +repage -scale 400% zoom1-print.png
z4=$(tesseract zoom4-print.png - 2>/dev/null | words) z1=$(tesseract zoom1-print.png - 2>/dev/null | words)
echo "small print at 4x: $z4 of 7 words drawn again, $z1 of 7 from the screen's pixels scaled up"
if [ "$z4" -ge 6 ] && [ "$z4" -gt "$z1" ]; then echo "ok: the zoomed page reads better"; else
    echo "FAIL: zoomed $z4 words, scaled $z1"; fail=1; fi

# --new-exhibition offers a PDF's pages, a slide each
mkdir -p scans && cp pdfs/lecture.pdf "scans/Letter 1938.pdf"
"$vitrine" --new-exhibition scans >new.txt 2>&1 || { echo "FAIL: --new-exhibition"; cat new.txt; fail=1; }
check "--new-exhibition: a slide a page" 4 "$(grep -c '"page": ' scans/exhibition.json || true)"
"$vitrine" --check scans >new-check.txt 2>&1
grep -q "1 exhibition, 4 slides; 0 errors" new-check.txt && echo "ok: and --check takes it" ||
    { echo "FAIL: --check of the new exhibition:"; cat new-check.txt; fail=1; }
exit $fail
