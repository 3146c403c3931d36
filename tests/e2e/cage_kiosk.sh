#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The Wayland kiosk as dist/vitrine.service starts it, run headless (issue
# 16, item 3): cage on wlroots' headless backend with the pixman renderer
# (no GPU, no input devices), as an unprivileged user (cage refuses root),
# and vitrine inside it with the unit's own ExecStart and Environment=.
#
# 1. As deployed: vitrine reaches the home screen (its --state-file), and
#    presents frames on cage's output (VITRINE_TRACE: a complete frame),
#    through the video driver and renderer it chose by itself (the unit sets
#    no SDL_VIDEODRIVER): without a GPU (no render node in /dev/dri, as
#    here) X11 through cage's Xwayland with SDL's software renderer, the log
#    saying why, and nothing fell back behind its back; with a GPU, Wayland.
#    Input: cage 0.1.4 offers no virtual-keyboard protocol and the headless
#    backend has no devices, so no key can reach vitrine here; if wtype ever
#    gets through (a newer cage), the key must move the selection.
#    SIGTERM ends vitrine with status 0, and cage with it.
# 2. The user's word wins: the unit with Environment=SDL_VIDEODRIVER=wayland
#    added puts vitrine on cage's Wayland output ("Headless output 1"),
#    without a GPU with OpenGL on llvmpipe, as the log says.
# 3. A screenshot with grim of the deployed kiosk, compared with what
#    `vitrine --render` draws. cage scans a fullscreen client's buffer out
#    directly, and wlroots 0.15's screencopy cannot read such a buffer with
#    the pixman renderer: grim gets black. So this run turns the output by
#    180 degrees (cage -r -r), which makes cage compose the screen itself;
#    grim then takes the picture the right way up, and vitrine still sees a
#    1280x720 display.
#
#   cage_kiosk.sh VITRINE IMGDIFF OUTDIR
# Exit 77 (ctest: skipped) only when run as root on a system without the
# user "nobody" or setpriv, which an unprivileged cage needs.
set -eu
vitrine=$1 imgdiff=$2 out=$3
root=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$out" && mkdir -p "$out"

. "$root/tests/e2e/wayland.sh"
wl_setup

# ---- the unit's command and environment --------------------------------------------
unit="$root/dist/vitrine.service"
exec_start=$(sed -n 's/^ExecStart=//p' "$unit")
cage_flags=$(echo "$exec_start" | sed -n 's|^[^ ]*/cage \(.*\)-- .*|\1|p')
vitrine_args=$(echo "$exec_start" | sed -n 's|^.* -- [^ ]*/vitrine \(.*\) [^ ]*$|\1|p')
wl_env=$(unit_env "$unit")
case "$exec_start" in
*/cage*" -- "*/vitrine*) ;;
*) echo "FAIL: the unit's ExecStart is not cage -- vitrine ...: $exec_start"; exit 1 ;;
esac
echo "unit: cage $cage_flags-- vitrine $vitrine_args DIR; environment: $wl_env"

run_cage() { # run_cage NAME EXTRA-CAGE-FLAGS [VAR=value...]: the unit's command, its environment and these
    name=$1 flags=$2
    shift 2
    # shellcheck disable=SC2086
    wl_start "$name" "$@" cage $cage_flags $flags -- "$kiosk/bin/vitrine" --state-file "$kiosk/$name/state.json" \
        $vitrine_args "$kiosk/exhibitions"
}
case " $wl_env " in
*" SDL_VIDEODRIVER="*) fail "the unit sets SDL_VIDEODRIVER: vitrine should choose its video driver itself" ;;
esac
gpu=no
if ls /dev/dri/renderD* >/dev/null 2>&1; then gpu=yes; fi

# ---- 1. as deployed ------------------------------------------------------------------
run_cage deployed ""
wait_for "$d/state.json" '"screen":"home"' || fail "no home screen in the state file"
wait_for "$d/trace" 'frame screen=home .*complete=1' || fail "no complete frame presented (VITRINE_TRACE)"
cp "$d/state.json" "$d/trace" "$out/"
echo "ok: home screen in --state-file: $(cut -c1-80 "$d/state.json")..."
echo "ok: presented: $(grep -m1 'complete=1' "$d/trace")"
if grep -q 'renderer .* was asked for and could not be made\|video driver did not start' "$out/deployed.log"; then
    fail "the video driver or renderer vitrine chose is not the one it got"
fi
if [ "$gpu" = no ]; then
    grep -q 'video driver x11 through Xwayland (:[0-9]*): under Wayland without a GPU' "$out/deployed.log" ||
        fail "under cage without a GPU, vitrine did not choose X11 through Xwayland (or did not say why)"
    grep -q 'no GPU (/dev/dri has no render node): the software renderer' "$out/deployed.log" ||
        fail "through Xwayland without a GPU, not SDL's software renderer"
    grep -q 'renderer software on display 0 ' "$out/deployed.log" || fail "the software renderer was not made"
    # cage's Xwayland window manager answers: the window asks for fullscreen
    ! grep -q 'no window manager' "$out/deployed.log" || fail "cage's Xwayland window manager was not seen"
else
    grep -q 'video driver wayland: under Wayland (wayland-[0-9]*) with a GPU' "$out/deployed.log" ||
        fail "under cage with a GPU, vitrine did not choose Wayland (or did not say why)"
    grep -q 'renderer .* on display 0 (Headless output 1)' "$out/deployed.log" ||
        fail "vitrine's window is not on cage's headless Wayland output"
fi
echo "ok: $(grep -o 'video driver [a-z0-9]*[^:]*:[^ ]*' "$out/deployed.log"), $(grep -o 'renderer [a-z0-9]* on display 0.*' "$out/deployed.log")"

# Input inside cage: whatever can be tried
if command -v wtype >/dev/null; then
    if wl_client wtype -s 300 -k Right >"$out/wtype.log" 2>&1; then
        wait_for "$d/state.json" '"home_selection":2' || fail "wtype's Right reached cage but not vitrine"
        echo "ok: a key from wtype (virtual keyboard) moved the home selection"
    else
        echo "not testable: no Wayland key reaches vitrine in cage: $(head -n 1 "$out/wtype.log")"
    fi
fi
# Through Xwayland, X's own test input (XTest, as xdotool sends it) reaches an
# X11 vitrine: not a device of cage's seat, but the keys' whole way in vitrine.
if [ "$gpu" = no ] && command -v xdotool >/dev/null; then
    pid=$(vitrine_pid) || fail "vitrine is not running"
    xdisplay=$(tr '\0' '\n' <"/proc/$pid/environ" | sed -n 's/^DISPLAY=//p')
    $as env DISPLAY="$xdisplay" sh -c 'xdotool windowfocus --sync "$(xdotool search --sync --name "^vitrine$" | head -n 1)" &&
        xdotool key Right' >"$out/xdotool.log" 2>&1 || fail "xdotool could not send a key through Xwayland"
    sel=$(grep -o '"home_selection":[0-9]*' "$d/state.json")
    wait_for "$d/state.json" '"home_selection":[^1]' || fail "a key through Xwayland did not move the home selection"
    echo "ok: a key through Xwayland (xdotool) moved the home selection: $sel -> $(grep -o '"home_selection":[0-9]*' "$d/state.json")"
fi

wl_stop
grep -q '"running":false' "$d/state.json" || fail "vitrine did not end cleanly (state file)"
echo "ok: SIGTERM ended vitrine cleanly and cage with it"

# ---- 2. SDL_VIDEODRIVER set in the unit is respected -------------------------------
run_cage asked "" SDL_VIDEODRIVER=wayland
wait_for "$d/trace" 'frame screen=home .*complete=1' || fail "no complete frame presented (SDL_VIDEODRIVER=wayland)"
grep -q 'video driver wayland: SDL_VIDEODRIVER asks for it' "$out/asked.log" ||
    fail "vitrine did not say it took SDL_VIDEODRIVER's driver"
grep -q 'renderer .* on display 0 (Headless output 1)' "$out/asked.log" ||
    fail "with SDL_VIDEODRIVER=wayland, vitrine's window is not on cage's Wayland output"
if [ "$gpu" = no ]; then
    grep -q 'no GPU .* under Wayland: OpenGL' "$out/asked.log" || fail "no word of the renderer chosen without a GPU"
    grep -q 'renderer opengl on display 0' "$out/asked.log" || fail "without a GPU under Wayland, not OpenGL"
fi
wl_stop
echo "ok: SDL_VIDEODRIVER=wayland respected: $(grep -o 'renderer [a-z0-9]* on display 0.*' "$out/asked.log")"

# ---- 3. the screen, through grim -------------------------------------------------------
run_cage screenshot "-r -r"
wait_for "$d/trace" 'frame screen=home .*complete=1' || fail "no complete frame presented (screenshot run)"
sleep 0.5 # cage composes on its next frame
wl_client grim "$d/screen.png" 2>"$out/grim.log" || fail "grim could not take a screenshot"
cp "$d/screen.png" "$out/screen.png"
wl_stop
"$vitrine" --render "$out/expected.png" --size 1280x720 "$kiosk/exhibitions" 2>"$out/render.log" ||
    fail "vitrine --render failed"
# Without a GPU, the software renderer both ways, through Xwayland and
# cage: the same bytes (RMSE 0). With one, OpenGL against the software
# renderer: the same picture, not the same bytes.
limit=0.5
[ "$gpu" = no ] || limit=4.0
if ! "$imgdiff" "$out/screen.png" "$out/expected.png" "$limit" "$out/diff.png"; then
    fail "grim's picture of cage's output is not vitrine's home screen (see $out/diff.png)"
fi
echo "ok: grim's screenshot of cage's output is the home screen --render draws"
echo "PASS"
