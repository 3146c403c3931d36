#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The frame a paused film leaves on screen is the last one shown (real
# clock, Xvfb, a lecture). While the film plays, each new frame goes from
# the worker's shared memory straight into the window's pixels
# (films_present_alone) and the texture is left behind; the whole scene's
# draw that the pause (K) brings must bring the texture up to date, not show
# an older frame. The film is grey, a little lighter at each frame: the
# pixel on screen after the pause is compared with ffmpeg's own decode of
# the frame the trace says was drawn last.
#   film_pause_frame.sh VITRINE
set -eu
vitrine=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/tests/e2e/common.sh"
scratch_out film-pause
trace=$out/trace.txt
ex=$out/fx
mkdir -p "$ex/films"
# 5 frames a second, 8 s: grey level 16 + 8 x the frame number (to 255); at so few
# frames a second the pause's draw seldom finds a frame newer than the one on screen
ffmpeg -v error -f lavfi -i "color=c=black:s=320x180:r=5:d=8,format=gray,geq=lum='min(255,16+8*N)'" \
    -c:v libx264 -preset ultrafast -qp 0 -pix_fmt yuv444p "$ex/films/ramp.mp4"
cat >"$ex/exhibition.json" <<'JSON'
{"id": "fx", "title": "Films", "languages": ["en"],
 "slides": [{"text": "Before the film"}, {"video": "films/ramp.mp4", "title": "A grey ramp"}]}
JSON
start_x x -screen 0 1280x720x24
VITRINE_TRACE=$trace VITRINE_MEDIA_AO=null SDL_VIDEODRIVER=x11 "$vitrine" --lecture --exhibition fx \
    --state-dir "$out/state" "$ex" 2>"$out/vitrine.log" &
vit=$!
wid=$(xdotool search --sync --name '^vitrine$' | head -n 1)
xdotool windowfocus --sync "$wid" 2>/dev/null || xdotool windowfocus "$wid"
sleep 1
xdotool key Right
sleep 2.5 # frames drawn alone, the texture behind
xdotool key k
sleep 1
import -display "$DISPLAY" -window root "$out/paused.png"
sleep 1 # still paused: nothing moves
import -display "$DISPLAY" -window root "$out/later.png"
kill "$vit"
wait "$vit" || true
vit=
# the film's box: its middle is the grey
box=$(python3 - "$out/paused.png" <<'PY'
import subprocess, sys
# the middle of the film: the brightest grey column in the screen's middle row
row = subprocess.run(["convert", sys.argv[1], "-crop", "1280x1+0+300", "-depth", "8", "txt:-"],
                     capture_output=True, text=True).stdout.splitlines()[1:]
greys = [(int(l.split(",")[0]), l.split("#")[1][:6]) for l in row if "#" in l]
grey = [x for x, c in greys if c[0:2] == c[2:4] == c[4:6] and int(c[0:2], 16) > 0x20]
print((min(grey) + max(grey)) // 2 if grey else -1)
PY
)
[ "$box" -gt 0 ] || { echo "FAIL: no grey film on screen"; exit 1; }
at() { convert "$out/$1.png" -crop "1x1+$box+300" -depth 8 txt:- | sed -n 's/.*#\([0-9A-F]\{2\}\).*/\1/p'; }
shown=$(printf '%d' "0x$(at paused)")
later=$(printf '%d' "0x$(at later)")
pts=$(awk '$2 == "film-frame" { p = $4 } END { sub("pts_ms=", "", p); print p }' "$trace")
n=$(grep -c ' film-frame ' "$trace")
[ -n "$pts" ] && [ "$n" -ge 8 ] || { echo "FAIL: the film did not play ($n frames drawn)"; exit 1; }
# ffmpeg's decode of the frame at that time, in RGB as mpv shows it
want=$(ffmpeg -v error -ss "$(python3 -c "print($pts / 1000)")" -i "$ex/films/ramp.mp4" -frames:v 1 \
    -vf crop=1:1:160:90 -f rawvideo -pix_fmt rgb24 - | od -An -tu1 -N1 | tr -d ' ')
echo "after the pause: grey $shown on screen, $later a second later; the frame drawn last (pts $pts ms, $n drawn) is $want"
python3 -c "import sys; s, l, w = map(int, sys.argv[1:]); sys.exit(0 if abs(s - w) <= 3 and s == l else 1)" \
    "$shown" "$later" "$want" ||
    { echo "FAIL: the paused film shows another frame than the one drawn last"; exit 1; }
echo "ok: the paused film shows the frame drawn last"
