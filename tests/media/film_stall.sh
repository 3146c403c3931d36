#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A stalled media worker never freezes the kiosk: vitrine fullscreen under
# Xvfb plays a film, its vitrine-media is stopped (SIGSTOP), and still the
# film's place turns into the calm grey box within seconds, the page turns
# at once (state file; the trace's first frame of the next slide soon after
# the key), and vitrine ends promptly when asked.
#   film_stall.sh VITRINE
set -eu
vitrine=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$(mktemp -d /tmp/vitrine-film-stall-XXXXXX)
state=$out/state.json trace=$out/trace.txt
worker=
. "$root/tests/e2e/common.sh"
cleanup() {
    [ -n "$worker" ] && kill -KILL "$worker" 2>/dev/null || true
    [ -n "$vit" ] && kill "$vit" 2>/dev/null || true
    [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true
    [ -n "${KEEP:-}" ] || rm -rf "$out"
}
trap cleanup EXIT INT TERM
ex=$out/fx
blue_film "$ex/films/film.mp4"
cat >"$ex/exhibition.json" <<'JSON'
{"id": "fx", "title": "Films", "languages": ["en"],
 "slides": [{"video": "films/film.mp4", "title": "A film"}, {"text": "After the film"}]}
JSON
start_x x -screen 0 1280x720x24
VITRINE_TRACE=$trace VITRINE_MEDIA_AO=null SDL_VIDEODRIVER=x11 "$vitrine" --exhibition fx --slide 1 \
    --state-file "$state" --state-dir "$out/state" "$ex" 2>"$out/vitrine.log" &
vit=$!
expect '"slide":1,'
colour() { import -display "$DISPLAY" -window root "$out/$1.png" &&
    convert "$out/$1.png" -crop 1x1+640+300 -depth 8 txt:- | sed -n 's/.*#\([0-9A-F]\{6\}\).*/\1/p'; }
near() { python3 -c "import sys; a, b = sys.argv[1:]; sys.exit(0 if all(abs(int(a[i:i+2], 16) - int(b[i:i+2], 16)) <= 16 for i in (0, 2, 4)) else 1)" "$1" "$2"; }
for _ in $(seq 50); do
    worker=$(pgrep -P "$vit" -x vitrine-media || true)
    [ -n "$worker" ] && near "$(colour playing)" 2060D0 && break
    sleep 0.1
done
[ -n "$worker" ] || { echo "FAIL: no vitrine-media under vitrine"; cat "$out/vitrine.log"; exit 1; }
c=$(colour playing)
near "$c" 2060D0 || { echo "FAIL: the film does not play: #$c"; exit 1; }
kill -STOP "$worker"
sleep 2.5 # the state is asked every 0.5 s, and a call unanswered for 1.5 s costs the film
c=$(colour stalled)
near "$c" 3A3A3A || { echo "FAIL: a stalled film shows #$c, not the grey box"; exit 1; }
echo "ok: the stalled film is a grey box"
wid=$(xdotool search --sync --name '^vitrine$' | head -n 1)
xdotool windowfocus --sync "$wid" 2>/dev/null || xdotool windowfocus "$wid"
xdotool key Right
expect '"slide":2,'
# from the key to the next slide's first frame on screen: no wait for the worker
python3 - "$trace" <<'PY'
import sys
key = frame = None
for line in open(sys.argv[1]):
    w = line.split()
    if len(w) > 1 and w[1] == "input" and "key=Right" in w and key is None:
        key = int(w[0])
    if key is not None and len(w) > 1 and w[1] == "frame" and "slide=2" in w:
        frame = int(w[0]); break
if key is None or frame is None:
    sys.exit("FAIL: no key press or no frame of slide 2 in the trace")
ms = (frame - key) / 1e6
print("the page turned %.0f ms after the key, the worker stalled" % ms)
sys.exit(0 if ms < 500 else "FAIL: the page turn took %.0f ms" % ms)
PY
t0=$(date +%s%N)
kill "$vit"
wait "$vit" || true
vit=
ms=$((($(date +%s%N) - t0) / 1000000))
echo "vitrine ended ${ms} ms after it was asked"
[ "$ms" -lt 3000 ] || { echo "FAIL: vitrine took $ms ms to end with its worker stalled"; exit 1; }
