#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# vitrine --lecture talk.pdf in real time under Xvfb: the lecturer saves the
# PDF again (a page added) and edits talk.pdfpc while vitrine runs; both are
# picked up by hot reload (the PDF's folder is watched), and the lecture
# stays on its page.
#
#   xvfb_pdf_reload.sh VITRINE PYTHON3 MAKE_PDFS OUTDIR
set -eu
vitrine=$1 python=$2 make_pdfs=$3 out=$4
root=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$out" && mkdir -p "$out"
state="$out/state.json"
. "$root/tests/e2e/common.sh"
start_x x -screen 0 1280x720x24
"$python" "$make_pdfs" "$out/pdfs" --no-long
mkdir -p "$out/talk"
cp "$out/pdfs/beamer.pdf" "$out/talk/talk.pdf"
SDL_VIDEODRIVER=x11 "$vitrine" --windowed --size 1280x720 --lecture --slide 2 --exhibition talk \
    --state-file "$state" "$out/talk/talk.pdf" 2>"$out/vitrine.log" &
vit=$!
expect '"exhibition":"talk","slide":2,"slides":7,'
# saved again, as an editor does: a new file moved over the old one
cp "$out/pdfs/lecture.pdf" "$out/talk/.talk.pdf.tmp" && mv "$out/talk/.talk.pdf.tmp" "$out/talk/talk.pdf"
expect '"exhibition":"talk","slide":2,"slides":4,'
# pdfpc's notes file written beside it: read again too
n=$(grep -c "reloaded .*talk.pdf: 1 exhibition" "$out/vitrine.log" || true)
echo '{"pdfpcFormat": 2, "duration": 12, "pages": [{"idx": 1, "note": "x"}]}' >"$out/talk/talk.pdfpc"
for _ in $(seq 100); do
    [ "$(grep -c "reloaded .*talk.pdf: 1 exhibition" "$out/vitrine.log" || true)" -gt "$n" ] && break
    sleep 0.1
done
[ "$(grep -c "reloaded .*talk.pdf: 1 exhibition" "$out/vitrine.log" || true)" -gt "$n" ] ||
    { echo "FAIL: talk.pdfpc written, no reload"; cat "$out/vitrine.log"; exit 1; }
expect '"exhibition":"talk","slide":2,"slides":4,'
echo "ok: the PDF and its notes reload"
