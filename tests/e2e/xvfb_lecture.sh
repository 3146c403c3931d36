#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# End to end for lectures under real X servers, with the clicker's real key
# events sent by xdotool (Page_Down, Prior, period, b, w, F5, Escape).
#
# 1. One display: every clicker button acts, F5 and Escape never quit, the
#    white screen is white, SIGTERM ends it and leaves a lecture record.
# 2. Two displays: the slides land on one and the presenter view on the
#    other (screenshots of both compared with what the replays draw).
#    Xvfb cannot give SDL two displays: with +xinerama it stacks every
#    screen at 0,0 (SDL sees one display), and two X screens both have
#    bounds at 0,0, so SDL puts every window on the first. A lecture hall
#    PC has two RandR outputs side by side; Xorg's dummy driver gives
#    exactly that without hardware (tests/e2e/dummy-xorg.conf + xrandr).
#
#   xvfb_lecture.sh VITRINE IMGDIFF OUTDIR
set -eu
vitrine=$1 imgdiff=$2 out=$3
root=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$out" && mkdir -p "$out"
. "$root/tests/e2e/common.sh"

stop_all() {
    [ -n "$vit" ] && kill "$vit" 2>/dev/null && wait "$vit" 2>/dev/null || true
    vit=
    kill "$xvfb" 2>/dev/null || true
    wait "$xvfb" 2>/dev/null || true
    xvfb=
}

focus() {
    wid=$(xdotool search --sync --name "^$1\$" | head -n 1)
    xdotool windowfocus --sync "$wid" 2>/dev/null || xdotool windowfocus "$wid"
    sleep 0.3
}

# ---- 1. one display ----------------------------------------------------------
start_x one -screen 0 1280x720x24
state="$out/one.state.json"
SDL_VIDEODRIVER=x11 "$vitrine" --lecture --exhibition karlag-artists --state-file "$state" \
    --state-dir "$out/state" --settings "$out/no-settings.json" "$root/exhibitions" 2>"$out/one.log" &
vit=$!
expect '"mode":"lecture","exhibition":"karlag-artists","slide":1,'
focus vitrine
xdotool key Next
expect '"slide":2,'
expect '"running":true,"level"'
xdotool key Next Next
expect '"slide":4,'
xdotool key Prior
expect '"slide":3,'
xdotool key period
expect '"blank":"black"'
xdotool key b
expect '"screen":"slide"'
xdotool key w
expect '"blank":"white"'
sleep 0.4
import -display "$DISPLAY" -window root "$out/white.png"
white=$(convert "$out/white.png" -colorspace Gray -format '%[fx:mean]' info:)
awk -v m="$white" 'BEGIN { exit !(m > 0.99) }' || { echo "FAIL: the white screen is not white ($white)"; exit 1; }
xdotool key w
expect '"screen":"slide"'
xdotool key F5
expect '"blank":"black"'
xdotool key Escape
expect '"screen":"slide"'
xdotool key Escape
expect '"blank":"black"'
xdotool key shift+F5
expect '"screen":"slide"'
xdotool key 7 Return
expect '"slide":7,'
kill -0 "$vit" || { echo "FAIL: a clicker key ended vitrine"; exit 1; }
kill -TERM "$vit"
status=0
wait "$vit" || status=$?
vit=
[ "$status" -eq 0 ] || { echo "FAIL: exit status $status after SIGTERM"; exit 1; }
ls "$out"/state/lectures/*-karlag-artists.json >/dev/null || { echo "FAIL: no lecture record"; exit 1; }
"$vitrine" --lecture-report "$out"/state/lectures/*-karlag-artists.json | head -n 4

# --learn-keys: press the clicker's buttons when asked; the settings file gets them.
"$vitrine" --learn-keys --settings "$out/learned/settings.json" "$root/exhibitions" \
    >"$out/learn.out" 2>"$out/learn.log" &
vit=$!
focus vitrine
for k in Next Prior F5 Escape period w XF86AudioPlay; do
    xdotool key "$k"
    sleep 0.3
done
for _ in $(seq 50); do kill -0 "$vit" 2>/dev/null || break; sleep 0.1; done
# the media key ended the PLAY/PAUSE step: nothing waits for a skip
kill -0 "$vit" 2>/dev/null && { echo "FAIL: the PLAY/PAUSE step did not take the media key (XF86AudioPlay)"; cat "$out/learn.out"; exit 1; }
status=0
wait "$vit" || status=$?
vit=
cat "$out/learn.out"
[ "$status" -eq 0 ] || { echo "FAIL: --learn-keys exited $status"; cat "$out/learn.log"; exit 1; }
tr -d ' \n' <"$out/learned/settings.json" >"$out/learned.flat"
grep -q '"start_stop":\["F5","Shift+F5","Escape"\]' "$out/learned.flat" ||
    { echo "FAIL: start/stop keys not learned"; cat "$out/learned/settings.json"; exit 1; }
grep -q '"next":\["PageDown"' "$out/learned.flat" || { echo "FAIL: next not learned"; exit 1; }
# the PLAY/PAUSE step: the keyboard's media key (SDLK_AUDIOPLAY) plays and pauses films
grep -q '"film_play_pause":\[[^]]*"PlayPause"' "$out/learned.flat" ||
    { echo "FAIL: play/pause not learned"; cat "$out/learned/settings.json"; exit 1; }
"$vitrine" --lecture --settings "$out/learned/settings.json" --render "$out/learned.png" "$root/exhibitions" \
    2>"$out/learned-check.log"
if grep -q 'error' "$out/learned-check.log"; then
    echo "FAIL: the learned settings file does not load cleanly"; cat "$out/learned-check.log"; exit 1
fi
echo "ok: --learn-keys wrote the clicker's keys"
stop_all

# ---- 2. two displays -----------------------------------------------------------
start_xorg two
xrandr --newmode 1280x720_60 74.50 1280 1344 1472 1664 720 723 728 748 -hsync +vsync
xrandr --addmode DUMMY0 1280x720_60
xrandr --addmode DUMMY1 1024x768
xrandr --output DUMMY0 --mode 1280x720_60 --pos 0x0 --output DUMMY1 --mode 1024x768 --pos 1280x0
xrandr | grep -E ' connected'
state="$out/two.state.json"
SDL_VIDEODRIVER=x11 "$vitrine" --lecture --exhibition karlag-artists --state-file "$state" \
    --state-dir "$out/state2" --settings "$out/no-settings.json" "$root/exhibitions" 2>"$out/two.log" &
vit=$!
expect '"presenter":true'
focus vitrine
xdotool key Next
expect '"slide":2,'
sleep 0.5
import -window root "$out/root.png"
convert "$out/root.png" -crop 1280x720+0+0 +repage "$out/screen0.png"
convert "$out/root.png" -crop 1024x768+1280+0 +repage "$out/screen1.png"
# What each display must show, drawn headless by the same program.
printf 'open karlag-artists 1\nkey Right\nscreenshot %s\n' "$out/expected0.png" >"$out/aud.script"
"$vitrine" --lecture --replay "$out/aud.script" --size 1280x720 "$root/exhibitions" 2>/dev/null
printf 'open karlag-artists 1\nkey Right\npresenter-screenshot %s\n' "$out/expected1.png" >"$out/pres.script"
"$vitrine" --lecture --replay "$out/pres.script" --size 1024x768 "$root/exhibitions" 2>/dev/null
"$imgdiff" "$out/screen0.png" "$out/expected0.png" 4.0 "$out/diff0.png" ||
    { echo "FAIL: display 0 does not show the slide"; exit 1; }
# The presenter's timer, clock and pacing differ from the replay's (real
# time): blank the right column's top, compare the previews and the notes.
for f in screen1 expected1; do
    convert "$out/$f.png" -fill black -draw "rectangle 590,0 1024,250" "$out/$f-masked.png"
done
"$imgdiff" "$out/screen1-masked.png" "$out/expected1-masked.png" 4.0 "$out/diff1.png" ||
    { echo "FAIL: display 1 does not show the presenter view"; exit 1; }

# D swaps the displays: now the slides are on the 1024x768 one.
xdotool key d
sleep 1.5
focus vitrine
xdotool key Next
expect '"slide":3,'
sleep 0.5
import -window root "$out/root-swapped.png"
convert "$out/root-swapped.png" -crop 1024x768+1280+0 +repage "$out/swapped1.png"
printf 'open karlag-artists 1\nkey Right\nkey Right\nscreenshot %s\n' "$out/expected-swapped1.png" >"$out/sw.script"
"$vitrine" --lecture --replay "$out/sw.script" --size 1024x768 "$root/exhibitions" 2>/dev/null
"$imgdiff" "$out/swapped1.png" "$out/expected-swapped1.png" 4.0 "$out/diff-swapped.png" ||
    { echo "FAIL: after D the slides are not on the other display"; exit 1; }

# From the kiosk: the admin chord, the PIN, "Start a lecture", the first
# exhibition: the presenter view appears on the second display.
kill "$vit" && wait "$vit" 2>/dev/null || true
state="$out/kiosk.state.json"
SDL_VIDEODRIVER=x11 "$vitrine" --state-file "$state" --state-dir "$out/state3" \
    --settings "$root/tests/fixtures/settings/admin-pin-2468.json" "$root/exhibitions" 2>"$out/kiosk.log" &
vit=$!
expect '"screen":"home","mode":"kiosk"'
focus vitrine
xdotool key ctrl+alt+shift+q
expect '"admin":"pin"'
xdotool type 2468
xdotool key Return
expect '"admin":"menu"'
xdotool key Return Return
expect '"mode":"lecture","exhibition":"karlag-artists"'
expect '"presenter":true'
xdotool search --sync --name '^vitrine presenter$' >/dev/null
stop_all
echo "e2e lecture: ok"
