#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Display changes while vitrine runs, without a restart, under a real X
# server: Xorg's dummy driver gives RandR outputs (DUMMY0, DUMMY1) whose
# modes xrandr changes, and `xrandr --output X --off` / `--auto` unplug a
# monitor and plug it back. No window manager runs, as in a kiosk (xinit +
# vitrine): nobody but vitrine resizes its windows.
#
# 1. Kiosk: 1920x1080 -> 1280x720 -> 1920x1080; each time the window fills
#    the display and the screen is what --render draws at that size. A
#    window resized behind vitrine's back is put back.
# 2. Lecture on two displays: the presenter's display unplugged (the
#    lecture goes on, keys still reach it though the window they went to is
#    gone, T shows the timer) and plugged back (the presenter view returns);
#    then the audience's display unplugged (the slides move to the other)
#    and plugged back. The slide stays all along (--state-file).
#
#   xorg_display_changes.sh VITRINE IMGDIFF OUTDIR
set -eu
vitrine=$1 imgdiff=$2 out=$3
root=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$out" && mkdir -p "$out"
. "$root/tests/e2e/common.sh"

geometry() { # geometry NAME: WxH+X+Y of the window called NAME, nothing without one
    for w in $(xdotool search --name "^$1\$" 2>/dev/null); do
        xwininfo -id "$w" | awk '/Absolute upper-left X/ { x = $4 } /Absolute upper-left Y/ { y = $4 }
                                 /Width:/ { w = $2 } /Height:/ { h = $2 } END { print w "x" h "+" x "+" y }'
    done
}

expect_window() { # expect_window NAME GEOMETRY: wait (up to 10 s) for it ("": no such window)
    for _ in $(seq 100); do
        if [ "$(geometry "$1")" = "$2" ]; then
            echo "ok: window \"$1\" ${2:-is gone}"
            return 0
        fi
        sleep 0.1
    done
    echo "FAIL: window \"$1\" is \"$(geometry "$1")\", not \"$2\""; cat "$log"; exit 1
}

expect_log() { # expect_log LINE: vitrine logged it (within 5 s)
    for _ in $(seq 50); do
        if grep -qF "$1" "$log"; then
            echo "ok: logged \"$1\""
            return 0
        fi
        sleep 0.1
    done
    echo "FAIL: vitrine did not log \"$1\":"; cat "$log"; exit 1
}

expect_screen() { # expect_screen W H SLIDE: the display at 0,0 shows what --render draws at WxH
    "$vitrine" --render "$out/expected-$1x$2.png" --exhibition karlag-artists --slide "$3" --size "$1x$2" \
        "$root/exhibitions" 2>/dev/null
    for _ in $(seq 10); do # the pictures for the new size may still be decoding
        import -window root "$out/root.png"
        convert "$out/root.png" -crop "$1x$2+0+0" +repage "$out/screen-$1x$2.png"
        if "$imgdiff" "$out/screen-$1x$2.png" "$out/expected-$1x$2.png" 4.0 "$out/diff-$1x$2.png" \
            >"$out/imgdiff.txt"; then
            echo "ok: the slide is laid out for $1x$2"
            return 0
        fi
        sleep 0.5
    done
    echo "FAIL: the screen is not the slide at $1x$2 (see $out/diff-$1x$2.png):"; cat "$out/imgdiff.txt"; exit 1
}

stop_vitrine() { # still running after all that, and SIGTERM ends it cleanly
    kill -0 "$vit" || { echo "FAIL: vitrine ended"; cat "$log"; exit 1; }
    kill -TERM "$vit"
    status=0
    wait "$vit" || status=$?
    vit=
    [ "$status" -eq 0 ] || { echo "FAIL: exit status $status after SIGTERM"; cat "$log"; exit 1; }
}

start_xorg displays
xrandr --newmode 1920x1080_60 148.50 1920 2008 2052 2200 1080 1084 1089 1125 +hsync +vsync
xrandr --newmode 1280x720_60 74.50 1280 1344 1472 1664 720 723 728 748 -hsync +vsync
xrandr --addmode DUMMY0 1920x1080_60
xrandr --addmode DUMMY0 1280x720_60
xrandr --addmode DUMMY1 1024x768
xrandr --output DUMMY0 --mode 1920x1080_60 --pos 0x0 --primary

# ---- 1. kiosk: the resolution changes under it ------------------------------------
state="$out/kiosk.state.json" log="$out/kiosk.log"
SDL_VIDEODRIVER=x11 "$vitrine" --state-file "$state" --state-dir "$out/state" --settings "$out/no-settings.json" \
    "$root/exhibitions" 2>"$log" &
vit=$!
expect '"screen":"home","mode":"kiosk"'
expect_window vitrine 1920x1080+0+0
wid=$(xdotool search --name '^vitrine$' | head -n 1)
xdotool windowfocus --sync "$wid" 2>/dev/null || xdotool windowfocus "$wid"
sleep 0.3
xdotool key Return
expect '"exhibition":"karlag-artists","slide":1,'
xdotool key Right Right Right
expect '"slide":4,'

xrandr --output DUMMY0 --mode 1280x720_60
expect_window vitrine 1280x720+0+0
expect_log "display: 1920x1080 -> 1280x720 on display 0 (DUMMY0)"
expect '"screen":"slide","mode":"kiosk","exhibition":"karlag-artists","slide":4,'
expect_screen 1280 720 4

xrandr --output DUMMY0 --mode 1920x1080_60
expect_window vitrine 1920x1080+0+0
expect_log "display: 1280x720 -> 1920x1080 on display 0 (DUMMY0)"
expect '"slide":4,'
expect_screen 1920 1080 4

# Resized and moved behind its back (a window manager, a stray xdotool): put back.
xdotool windowsize "$wid" 800 600
xdotool windowmove "$wid" 100 100
sleep 0.3
expect_window vitrine 1920x1080+0+0
stop_vitrine

# ---- 2. lecture: displays unplugged and plugged back ---------------------------
xrandr --output DUMMY1 --mode 1024x768 --pos 1920x0
# The dummy driver calls an output connected once a probe finds it lit (as
# SDL and vitrine require): probe now, as a monitor plugged in would be.
xrandr | grep -E ' connected'
state="$out/lecture.state.json" log="$out/lecture.log"
SDL_VIDEODRIVER=x11 "$vitrine" --lecture --exhibition karlag-artists --state-file "$state" \
    --state-dir "$out/state" --settings "$out/no-settings.json" "$root/exhibitions" 2>"$log" &
vit=$!
expect '"presenter":true'
expect_window vitrine 1920x1080+0+0
expect_window "vitrine presenter" 1024x768+1920+0
# The lecturer's keys go to the presenter view's window...
pid=$(xdotool search --name '^vitrine presenter$' | head -n 1)
xdotool windowfocus --sync "$pid" 2>/dev/null || xdotool windowfocus "$pid"
sleep 0.3
xdotool key Next
expect '"slide":2,'

# ...which goes with its display; the lecture goes on on the audience's.
xrandr --output DUMMY1 --off
expect '"slide":2,.*"presenter":false'
expect_window "vitrine presenter" ""
expect_window vitrine 1920x1080+0+0
expect_log "display: display 1 (DUMMY1, 1024x768+1920+0) is gone"
xdotool key Next
expect '"slide":3,'
xdotool key t
expect '"timer_overlay":true'

xrandr --output DUMMY1 --auto --pos 1920x0
expect '"slide":3,.*"presenter":true'
expect_window "vitrine presenter" 1024x768+1920+0
expect_window vitrine 1920x1080+0+0
expect_log "display: the presenter view opens on display 1 (DUMMY1, 1024x768)"

# The audience's display goes: the slides move to the lecturer's (xrandr
# may move that one to 0,0), and come back with it.
xrandr --output DUMMY0 --off
lone=$(xrandr | sed -n 's/^DUMMY1 connected \([0-9]*x[0-9]*+[0-9]*+[0-9]*\).*/\1/p')
expect_window vitrine "$lone"
expect '"slide":3,.*"presenter":false'
expect_window "vitrine presenter" ""
expect_log "display: the slides move to display 0 (DUMMY1, 1024x768)"

xrandr --output DUMMY0 --mode 1920x1080_60 --pos 0x0 --primary --output DUMMY1 --pos 1920x0
expect_window vitrine 1920x1080+0+0
expect_window "vitrine presenter" 1024x768+1920+0
expect '"slide":3,.*"presenter":true'
xdotool key Next
expect '"slide":4,'

stop_vitrine
grep -F 'display:' "$out/kiosk.log" "$out/lecture.log"
echo "e2e display changes: ok"
