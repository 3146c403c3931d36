#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The film next door is opened ahead (films_preroll): in a lecture under
# Xvfb on a text slide before a film, the film's first frame is uploaded
# before the page turn, and the page turn's very first frame shows it (the
# trace's film-frame before that frame); a second on, its frames drawn alone
# into the scene drawn once, the film's colour and the caption panel are
# both on the screen;
# two slides on, where no slide next door has a film, the film opened
# ahead is closed again (film-preroll open=0). vitrine-media's memory is
# printed at each step.
#   film_preroll.sh VITRINE
set -eu
vitrine=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/tests/e2e/common.sh"
scratch_out film-preroll
trace=$out/trace.txt
ex=$out/fx
blue_film "$ex/films/film.mp4"
cat >"$ex/exhibition.json" <<'JSON'
{"id": "fx", "title": "Films", "languages": ["en"],
 "slides": [{"text": "Before the film"}, {"video": "films/film.mp4", "title": "A film"},
            {"text": "After the film"}, {"text": "Far from the film"}, {"text": "The end"}]}
JSON
start_x x -screen 0 1280x720x24
VITRINE_TRACE=$trace VITRINE_MEDIA_AO=null SDL_VIDEODRIVER=x11 "$vitrine" --lecture --exhibition fx \
    --state-dir "$out/state" "$ex" 2>"$out/vitrine.log" &
vit=$!
wait_trace() { # wait_trace REGEX [N]: until N (1) lines of the trace match (10 s at most)
    python3 - "$trace" "$1" "${2:-1}" <<'PY'
import re, sys, time
for _ in range(200):
    try:
        if sum(1 for l in open(sys.argv[1]) if re.search(sys.argv[2], l)) >= int(sys.argv[3]):
            sys.exit(0)
    except OSError:
        pass
    time.sleep(0.05)
sys.exit("FAIL: not %s trace lines like %r" % (sys.argv[3], sys.argv[2]))
PY
}
rss() { w=$(pgrep -P "$vit" -x vitrine-media || true)
    [ -n "$w" ] && echo "vitrine-media $1: $(awk '/VmRSS/ {print $2 / 1024 " MB"}' "/proc/$w/status")"; }
wait_trace 'film-preroll frame='
rss "with the film next door opened ahead"
wid=$(xdotool search --sync --name '^vitrine$' | head -n 1)
xdotool windowfocus --sync "$wid" 2>/dev/null || xdotool windowfocus "$wid"
xdotool key Right
wait_trace 'frame screen=slide exhibition=fx slide=2 '
# after a second of the film's frames drawn alone (films_draw_alone), into
# the scene drawn once: the film, and the caption panel under it still there
sleep 1
import -display "$DISPLAY" -window root "$out/film.png"
at() { convert "$out/film.png" -crop "1x1+$1" -depth 8 txt:- | sed -n 's/.*#\([0-9A-F]\{6\}\).*/\1/p'; }
near() { python3 -c "import sys; a, b = sys.argv[1:3]; sys.exit(0 if all(abs(int(a[i:i+2], 16) - int(b[i:i+2], 16)) <= 16 for i in (0, 2, 4)) else 'FAIL: %s shows #%s' % (sys.argv[3], a))" "$@"; }
near "$(at 640+250)" 2060D0 "the film"
near "$(at 640+650)" 1C1C20 "the caption panel"
python3 - "$trace" <<'PY' || { tail -n 20 "$trace"; exit 1; }
import sys
w = [l.split() for l in open(sys.argv[1])]
frames = [x for x in w if len(x) > 1 and x[1] == "frame" and "slide=2" in x]
drawn = [x for x in w if len(x) > 1 and x[1] == "film-frame"]
print("slide 2: %d frames presented, %d film frames drawn" % (len(frames), len(drawn)))
sys.exit(0 if len(frames) >= 10 and len(drawn) >= 10 else "FAIL: the film does not play")
PY
python3 - "$trace" <<'PY'
import sys
seen = {}
for line in open(sys.argv[1]):
    w = line.split()
    if len(w) < 2:
        continue
    if w[1] == "input" and "key=Right" in w and "key" not in seen:
        seen["key"] = int(w[0])
    elif "key" in seen and w[1] == "film-frame" and "film" not in seen:
        seen["film"] = int(w[0])
    elif "key" in seen and w[1] == "frame" and "slide=2" in w:
        seen["frame"] = int(w[0])
        break
if "frame" not in seen:
    sys.exit("FAIL: no frame of slide 2 after the key: " + "".join(open(sys.argv[1]).readlines()[-15:]))
if "film" not in seen:
    sys.exit("FAIL: the page turn's first frame has no film in it")
print("the film's first frame was drawn %.0f ms after the key, in the page turn's first frame"
      % ((seen["film"] - seen["key"]) / 1e6))
PY
rss "playing"
xdotool key Right
wait_trace 'frame screen=slide exhibition=fx slide=3 '
wait_trace 'film-preroll open=1' 2 # the film is next door again
xdotool key Right
wait_trace 'frame screen=slide exhibition=fx slide=4 '
wait_trace 'film-preroll open=0'
sleep 1
rss "with the film opened ahead closed"
n=$(grep -c 'film-preroll open=1' "$trace")
[ "$n" -eq 2 ] || { echo "FAIL: the film was opened ahead $n times, not 2 (slide 1, then slide 3)"; exit 1; }
echo "ok: opened ahead on slides 1 and 3, closed on slide 4"
