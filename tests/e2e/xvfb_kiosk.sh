#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# End to end under a real X server: vitrine fullscreen on the bundled
# exhibitions, real key presses and mouse clicks sent with xdotool, the state
# read back from --state-file and the screen captured and compared with what
# --render draws for the same slide.
#
#   xvfb_kiosk.sh VITRINE IMGDIFF OUTDIR
set -eu
vitrine=$1 imgdiff=$2 out=$3
root=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$out" && mkdir -p "$out"
W=1600 H=900   # not the default window size, so a window that fails to fill the screen shows

. "$root/tests/e2e/common.sh"
xvfb= vit=
cleanup() {
    [ -n "$vit" ] && kill "$vit" 2>/dev/null || true
    kill "$xvfb" 2>/dev/null || true
}
trap cleanup EXIT INT TERM
start_x x -screen 0 ${W}x${H}x24
echo "Xvfb on $DISPLAY"

state="$out/state.json"
SDL_VIDEODRIVER=x11 "$vitrine" --state-file "$state" --state-dir "$out/state" "$root/exhibitions" \
    2>"$out/vitrine.log" &
vit=$!

expect '"screen":"home"'
wid=$(xdotool search --sync --name '^vitrine$' | head -n 1)
xdotool windowfocus --sync "$wid" 2>/dev/null || xdotool windowfocus "$wid"
sleep 0.3

xdotool key Return
expect '"exhibition":"karlag-artists","slide":1,'
xdotool key Right
xdotool key Next            # Page Down, as a clicker sends it
expect '"slide":3,'
xdotool key Prior           # Page Up
expect '"slide":2,'
xdotool mousemove $((W * 9 / 10)) $((H / 2)) click 1   # right third: next
expect '"slide":3,'
xdotool mousemove $((W / 10)) $((H / 2)) click 1       # left third: back
expect '"slide":2,'
xdotool key l
expect '"language":"ru"'
xdotool mousemove $((W * 954 / 1000)) $((H * 47 / 1000)) click 1   # the ENG button
expect '"language":"en"'
sleep 0.5

# No window manager here: a borderless window over the display, made without
# SDL's 100 ms wait for a fullscreen answer that never comes.
grep -q 'vitrine: no window manager: a borderless window over display 0' "$out/vitrine.log" ||
    { echo "FAIL: no word of the borderless window without a window manager"; exit 1; }

# What the visitor sees now must be what --render draws for this slide.
import -display "$DISPLAY" -window root "$out/screen.png"
"$vitrine" --render "$out/expected.png" --exhibition karlag-artists --slide 2 --lang en \
    --size ${W}x${H} "$root/exhibitions" 2>/dev/null
# Xvfb's renderer (OpenGL on llvmpipe, or software) antialiases a little
# differently from the headless software renderer: allow for that only.
"$imgdiff" "$out/screen.png" "$out/expected.png" 4.0 "$out/diff.png"

# A visitor's escape attempts leave it running.
xdotool key Escape
expect '"screen":"home"'
xdotool key ctrl+q alt+F4 ctrl+c
sleep 0.5
kill -0 "$vit" || { echo "FAIL: vitrine ended on a visitor's keys"; exit 1; }
expect '"running":true'

# The service manager's SIGTERM ends it cleanly.
kill -TERM "$vit"
status=0
wait "$vit" || status=$?
vit=
[ "$status" -eq 0 ] || { echo "FAIL: exit status $status after SIGTERM"; exit 1; }
expect '"running":false'

# The visit went into today's visitor statistics, ended by the SIGTERM.
stats=$(ls "$out"/state/stats/*.jsonl)
for want in '"event":"visit_start"' '"event":"exhibition","exhibition":"karlag-artists"' \
            '"event":"language","language":"ru"' '"ended":"exit"'; do
    grep -q "$want" $stats || { echo "FAIL: no $want in $stats:"; cat $stats; exit 1; }
done
echo "e2e: ok"
