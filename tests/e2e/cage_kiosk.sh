#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The Wayland kiosk as dist/vitrine.service starts it, run headless (issue
# 16, item 3): cage on wlroots' headless backend with the pixman renderer
# (no GPU, no input devices), as an unprivileged user (cage refuses root),
# and vitrine inside it with the unit's own ExecStart and Environment=.
#
# 1. As deployed: vitrine reaches the home screen (its --state-file), and
#    presents frames on cage's output (VITRINE_TRACE: a complete frame), on
#    a Wayland display ("Headless output 1"), with the renderer it chose on
#    purpose (the log says why, and nothing fell back behind its back).
#    Input: cage 0.1.4 offers no virtual-keyboard protocol and the headless
#    backend has no devices, so no key can reach vitrine here; if wtype ever
#    gets through (a newer cage), the key must move the selection.
#    SIGTERM ends vitrine with status 0, and cage with it.
# 2. A screenshot with grim, compared with what `vitrine --render` draws.
#    cage scans a fullscreen client's buffer out directly, and wlroots
#    0.15's screencopy cannot read such a buffer with the pixman renderer:
#    grim gets black. So this run turns the output by 180 degrees (cage -r
#    -r), which makes cage compose the screen itself; grim then takes the
#    picture the right way up, and vitrine still sees a 1280x720 display.
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

run_cage() { # run_cage NAME EXTRA-CAGE-FLAGS
    # shellcheck disable=SC2086
    wl_start "$1" cage $cage_flags $2 -- "$kiosk/bin/vitrine" --state-file "$kiosk/$1/state.json" \
        $vitrine_args "$kiosk/exhibitions"
}

# ---- 1. as deployed ------------------------------------------------------------------
run_cage deployed ""
wait_for "$d/state.json" '"screen":"home"' || fail "no home screen in the state file"
wait_for "$d/trace" 'frame screen=home .*complete=1' || fail "no complete frame presented (VITRINE_TRACE)"
cp "$d/state.json" "$d/trace" "$out/"
echo "ok: home screen in --state-file: $(cut -c1-80 "$d/state.json")..."
echo "ok: presented: $(grep -m1 'complete=1' "$d/trace")"
grep -q 'renderer .* on display 0 (Headless output 1)' "$out/deployed.log" ||
    fail "vitrine's window is not on cage's headless Wayland output"
if grep -q 'renderer .* was asked for and could not be made' "$out/deployed.log"; then
    fail "the renderer vitrine chose is not the one it got"
fi
if ! ls /dev/dri/renderD* >/dev/null 2>&1; then
    grep -q 'no GPU .* under Wayland: OpenGL' "$out/deployed.log" || fail "no word of the renderer chosen without a GPU"
    grep -q 'renderer opengl on display 0' "$out/deployed.log" || fail "without a GPU under Wayland, OpenGL was chosen"
fi
echo "ok: $(grep -o 'renderer [a-z0-9]* on display 0 (Headless output 1)' "$out/deployed.log")"

# Input inside cage: whatever can be tried
if command -v wtype >/dev/null; then
    if wl_client wtype -s 300 -k Right >"$out/wtype.log" 2>&1; then
        wait_for "$d/state.json" '"home_selection":2' || fail "wtype's Right reached cage but not vitrine"
        echo "ok: a key from wtype (virtual keyboard) moved the home selection"
    else
        echo "not testable: no key reaches vitrine in cage: $(head -n 1 "$out/wtype.log")"
    fi
fi

wl_stop
grep -q '"running":false' "$d/state.json" || fail "vitrine did not end cleanly (state file)"
echo "ok: SIGTERM ended vitrine cleanly and cage with it"

# ---- 2. the screen, through grim -------------------------------------------------------
run_cage screenshot "-r -r"
wait_for "$d/trace" 'frame screen=home .*complete=1' || fail "no complete frame presented (screenshot run)"
sleep 0.5 # cage composes on its next frame
wl_client grim "$d/screen.png" 2>"$out/grim.log" || fail "grim could not take a screenshot"
cp "$d/screen.png" "$out/screen.png"
wl_stop
"$vitrine" --render "$out/expected.png" --size 1280x720 "$kiosk/exhibitions" 2>"$out/render.log" ||
    fail "vitrine --render failed"
# OpenGL on llvmpipe against the software renderer: the same picture, not the same bytes
if ! "$imgdiff" "$out/screen.png" "$out/expected.png" 4.0 "$out/diff.png"; then
    fail "grim's picture of cage's output is not vitrine's home screen (see $out/diff.png)"
fi
echo "ok: grim's screenshot of cage's output is the home screen --render draws"
echo "PASS"
