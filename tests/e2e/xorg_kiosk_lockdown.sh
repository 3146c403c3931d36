#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# README's X11 kiosk file, taken from README itself, does what it says on a
# real X server (Xorg's dummy driver; issue 16):
#
# 1. Control: without it, and with Ctrl+Alt+Backspace bound to "terminate
#    the server" (setxkbmap -option terminate:ctrl_alt_bksp, as some
#    keyboards' layouts are), xdotool's Ctrl+Alt+Backspace zaps X. So the
#    key press below really reaches XKB's zap.
# 2. With README's /etc/X11/xorg.conf.d/10-vitrine-kiosk.conf appended to the
#    same configuration: Xorg logs DontVTSwitch, DontZap and DontZoom as
#    set, the same zap leaves X and the fullscreen kiosk running, and so do
#    Ctrl+Alt+F2, Ctrl+Alt+Keypad-plus, and, with no PIN set, the
#    administrator's chord with every entry of its menu. SIGTERM then ends
#    vitrine with status 0.
#
# Not tested here: a VT switch itself (the dummy server has no virtual
# terminal; DontVTSwitch is proved set by Xorg's log, not by switching).
#
#   xorg_kiosk_lockdown.sh VITRINE OUTDIR
set -eu
vitrine=$1 out=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$out" && mkdir -p "$out"
state="$out/state.json"
. "$root/tests/e2e/common.sh"

# The file exactly as README gives it (its first line names it).
awk -v h="# /etc/X11/xorg.conf.d/10-vitrine-kiosk.conf" '
    /^```/ { if (inb) { if (take) exit; inb = 0 } else { inb = 1; first = 1 } next }
    inb && first { first = 0; if ($0 == h) take = 1; next }
    inb && take { print }' "$root/README.md" >"$out/10-vitrine-kiosk.conf"
if ! grep -q ServerFlags "$out/10-vitrine-kiosk.conf"; then
    echo "FAIL: README has no /etc/X11/xorg.conf.d/10-vitrine-kiosk.conf"; exit 1
fi
cp "$root/tests/e2e/dummy-xorg.conf" "$out/plain.conf"
cat "$root/tests/e2e/dummy-xorg.conf" "$out/10-vitrine-kiosk.conf" >"$out/locked.conf"

serve() { # serve NAME CONFIG: Xorg on CONFIG; DISPLAY points at it, $xvfb is its pid
    Xorg -displayfd 3 -config "$2" -noreset -nolisten tcp -logfile "$out/$1.xorg.log" \
        3>"$out/$1.display" >"$out/$1.xorg.out" 2>&1 &
    xvfb=$!
    for _ in $(seq 100); do [ -s "$out/$1.display" ] && break; sleep 0.1; done
    DISPLAY=:$(cat "$out/$1.display")
    export DISPLAY
    setxkbmap -option terminate:ctrl_alt_bksp
}
x_alive() { xdotool getmouselocation >/dev/null 2>&1; }
x_gone_within() { # x_gone_within S: true when the server stops answering within S seconds
    for _ in $(seq $(($1 * 10))); do x_alive || return 0; sleep 0.1; done
    return 1
}

# ---- 1. control: the zap works where nothing stops it ------------------------------
serve plain "$out/plain.conf"
x_alive || { echo "FAIL: the control X server did not start"; cat "$out/plain.xorg.log"; exit 1; }
xdotool key ctrl+alt+BackSpace 2>/dev/null || true # the server it talks to goes away
if ! x_gone_within 3; then
    echo "FAIL: Ctrl+Alt+Backspace did not zap the unprotected server: this test cannot tell"; exit 1
fi
echo "ok: control: Ctrl+Alt+Backspace zaps an X server without the kiosk file"
kill "$xvfb" 2>/dev/null || true
wait "$xvfb" 2>/dev/null || true

# ---- 2. README's file: no zap, no zoom, no VT switch; no way out of vitrine ---------
serve locked "$out/locked.conf"
for opt in DontVTSwitch DontZap DontZoom; do
    if ! grep -q "(\*\*) Option \"$opt\" \"true\"" "$out/locked.xorg.log"; then
        echo "FAIL: Xorg did not take Option \"$opt\" from README's file:"; cat "$out/locked.xorg.log"; exit 1
    fi
done
echo "ok: Xorg took DontVTSwitch, DontZap and DontZoom from README's file"
log="$out/vitrine.log"
SDL_VIDEODRIVER=x11 "$vitrine" --state-file "$state" --state-dir "$out/state" "$root/exhibitions" 2>"$log" &
vit=$!
expect '"screen":"home"'
sleep 0.3
for k in ctrl+alt+BackSpace ctrl+alt+F2 ctrl+alt+KP_Add ctrl+alt+KP_Subtract; do
    xdotool key "$k"
    sleep 0.5
    if ! x_alive || ! kill -0 "$vit" 2>/dev/null; then
        echo "FAIL: $k ended X or vitrine"; cat "$out/locked.xorg.log" "$log"; exit 1
    fi
    echo "ok: $k: X and vitrine still running"
done
# the administrator's chord without a PIN: a menu with no Exit (Lecture, Back)
xdotool key ctrl+alt+shift+q
expect '"admin":"menu"'
xdotool key Down Return
expect '"screen":"home","mode":"kiosk"'
xdotool key ctrl+alt+shift+q
expect '"admin":"menu"'
xdotool key Down Down Return
expect '"admin":"pick"'
xdotool key Escape
sleep 0.5
kill -0 "$vit" 2>/dev/null || { echo "FAIL: vitrine ended from the menu without a PIN"; cat "$log"; exit 1; }
grep -q '"running":true' "$state" || { echo "FAIL: vitrine is not running"; cat "$state"; exit 1; }
echo "ok: without a PIN the administrator's menu cannot end the kiosk"
kill -TERM "$vit"
status=0
wait "$vit" || status=$?
vit=
[ "$status" -eq 0 ] || { echo "FAIL: vitrine exited $status on SIGTERM"; cat "$log"; exit 1; }
echo "ok: SIGTERM ends it with status 0"
echo "xorg kiosk lockdown: ok"
