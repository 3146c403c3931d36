#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The lecture hall as dist/vitrine-hall.service and dist/sway-hall.conf set
# it up (issue 16, item 4), on two headless displays: sway on wlroots'
# headless backend with the pixman renderer, as an unprivileged user, with
# the unit's Environment= and the config as shipped (only the paths of
# vitrine and the exhibitions, and a --state-file, put in).
#
# sway reads the config without an error and starts vitrine: the kiosk's
# home screen. Then real keys through sway's virtual-keyboard protocol
# (wtype), as the hall's keyboard would send them: the administrator's
# chord, "Start a lecture", the first exhibition. The lecture's slides and
# its presenter view are then fullscreen on different displays (sway's own
# tree says which), and grim's picture of each is what vitrine draws for it
# headless (--render of the lecture's first slide; the presenter view must
# show its timer, notes and next slide, so it is compared with a replay's
# presenter screenshot, the clock aside). PageDown moves both to slide 2;
# D swaps the displays. SIGTERM ends vitrine with its lecture record
# written, and sway ends with it.
#
# cage cannot do this: it shows one window, stretched over every display,
# so the presenter view covers the slides (README, A lecture hall).
#
#   sway_hall.sh VITRINE IMGDIFF OUTDIR
set -eu
vitrine=$1 imgdiff=$2 out=$3
root=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$out" && mkdir -p "$out"

. "$root/tests/e2e/wayland.sh"
wl_setup

unit="$root/dist/vitrine-hall.service"
grep -q '^ExecStart=[^ ]*/sway --config /etc/vitrine/sway-hall.conf$' "$unit" ||
    { echo "FAIL: $unit does not start sway with /etc/vitrine/sway-hall.conf"; exit 1; }
wl_env="$(unit_env "$unit") WLR_HEADLESS_OUTPUTS=2"
mkdir -p "$kiosk/hall"
state="$kiosk/hall/state.json"
sed -e "s|/usr/local/bin/vitrine|$kiosk/bin/vitrine --state-file $state|" \
    -e "s|/srv/vitrine/exhibitions|$kiosk/exhibitions|" "$root/dist/sway-hall.conf" >"$kiosk/sway-hall.conf"
grep -q "exec .*$kiosk/bin/vitrine" "$kiosk/sway-hall.conf" || fail "sway-hall.conf does not exec vitrine"
chmod 644 "$kiosk/sway-hall.conf"
wl_start hall sway --config "$kiosk/sway-hall.conf"

wait_for "$state" '"screen":"home"' || fail "no home screen in the state file"
wait_for "$d/trace" 'frame screen=home .*complete=1' || fail "no complete frame presented"
if grep -Eq 'Error on line|Unknown command|Invalid' "$out/hall.log"; then
    fail "sway finds fault with sway-hall.conf"
fi
echo "ok: sway read sway-hall.conf and vitrine shows the home screen"

# placed: read sway's tree; $slides and $presenter are then the outputs whose
# workspaces hold vitrine's two windows ("-" when not there, with
# "(not-fullscreen)" when not fullscreen)
placed() {
    wl_client env SWAYSOCK="$(ls "$d"/run/sway-ipc.*.sock)" swaymsg -t get_tree >"$out/tree.json"
    # shellcheck disable=SC2046
    set -- $(python3 - "$out/tree.json" <<'EOF'
import json, sys
found = {}
def walk(n, output):
    if n.get("type") == "output":
        output = n["name"]
    if n.get("name") in ("vitrine", "vitrine presenter") and n.get("pid"):
        found[n["name"]] = output + ("" if n.get("fullscreen_mode") else "(not-fullscreen)")
    for c in n.get("nodes", []) + n.get("floating_nodes", []):
        walk(c, output)
walk(json.load(open(sys.argv[1])), None)
print(found.get("vitrine", "-"), found.get("vitrine presenter", "-"))
EOF
)
    slides=$1 presenter=$2
}
key() { # key WTYPE-ARGS...: keys as the hall's keyboard sends them
    wl_client wtype -s 200 "$@" 2>>"$out/wtype.log" || fail "wtype: $(cat "$out/wtype.log")"
}

# ---- a lecture from the administrator's menu, with real keys ----------------------------
key -M ctrl -M alt -M shift -k q -m shift -m alt -m ctrl
wait_for "$state" '"admin":"menu"' || fail "the administrator's chord did not open the menu"
key -k Return
wait_for "$state" '"admin":"pick"' || fail "Start a lecture did not list the exhibitions"
key -k Return
wait_for "$state" '"mode":"lecture".*"presenter":true' || fail "no lecture with a presenter view"
wait_for "$d/trace" 'frame screen=slide exhibition=karlag-artists slide=1 complete=1' ||
    fail "the lecture's first slide was not presented"
echo "ok: chord, Return, Return (wtype): a lecture on karlag-artists with a presenter view"

until=$(($(date +%s) + 15))
while [ "$(date +%s)" -lt "$until" ]; do # sway places the presenter view's window
    placed
    [ "$slides" != - ] && [ "$presenter" != - ] && [ "$slides" != "$presenter" ] && break
    sleep 0.1
done
case "$slides $presenter" in
*not-fullscreen* | -* | *" -") fail "the slides ($slides) and the presenter view ($presenter) are not both fullscreen" ;;
esac
[ "$slides" != "$presenter" ] || fail "the slides and the presenter view are on one display"
echo "ok: slides fullscreen on $slides, presenter view fullscreen on $presenter"

"$vitrine" --render "$out/slides-expected.png" --lecture --exhibition karlag-artists --size 1280x720 \
    "$kiosk/exhibitions" 2>"$out/render.log" || fail "vitrine --render --lecture"
printf 'presenter-screenshot presenter-expected.png\n' >"$out/presenter.script"
(cd "$out" && "$vitrine" --replay presenter.script --lecture --exhibition karlag-artists --size 1280x720 \
    "$kiosk/exhibitions" >/dev/null 2>"$out/replay.log") || fail "the presenter view's replay"
# shows OUTPUT NAME MAX-RMSE: grim's picture of OUTPUT is $out/NAME-expected.png
# (tried for up to 5 s: a window's first frame can follow its placing)
shows() {
    for _ in $(seq 10); do
        wl_client grim -o "$1" "$d/$2.png" || fail "grim -o $1"
        cp "$d/$2.png" "$out/"
        "$imgdiff" "$out/$2.png" "$out/$2-expected.png" "$3" "$out/$2-diff.png" >"$out/$2-imgdiff.txt" &&
            { cat "$out/$2-imgdiff.txt"; return 0; }
        sleep 0.5
    done
    cat "$out/$2-imgdiff.txt"
    return 1
}
shows "$slides" slides 4.0 || fail "the audience's display does not show the lecture's first slide"
# the wall clock differs: a looser bound than the slides'
shows "$presenter" presenter 8.0 || fail "the presenter's display does not show the presenter view"
echo "ok: grim: the slide on $slides, the presenter view on $presenter, as vitrine draws them"

# ---- the clicker's keys ------------------------------------------------------------------
key -k Next
wait_for "$state" '"slide":2' || fail "PageDown did not move the lecture on"
echo "ok: PageDown (wtype): slide 2"
# D, sent again (twice at most) while vitrine's trace shows no D arriving
# within 3 s: in about 1 of 20 sanitized runs the D never reached vitrine at
# all (no input event in its trace, the keys before it all there); wtype
# makes a new keymap for each key it sends, and its keymap and its key can
# reach the client in the wrong order. What is tested is what vitrine does
# with a D it gets, so a D lost before vitrine is sent again, and said.
sent_d() { grep -c 'input kind=key key=D$' "$d/trace" 2>/dev/null || true; }
had_d=$(sent_d)
for try in 1 2 3; do
    key -k d
    for _ in $(seq 30); do
        [ "$(sent_d)" -gt "$had_d" ] && break 2
        sleep 0.1
    done
    echo "note: D (wtype) did not reach vitrine in 3 s (try $try)"
done
[ "$(sent_d)" -gt "$had_d" ] || fail "D (wtype) never reached vitrine"
was_slides=$slides was_presenter=$presenter
until=$(($(date +%s) + 15))
while [ "$(date +%s)" -lt "$until" ]; do # both windows made again, each on the other display
    placed
    [ "$slides" = "$was_presenter" ] && [ "$presenter" = "$was_slides" ] && break
    sleep 0.1
done
[ "$slides" = "$was_presenter" ] && [ "$presenter" = "$was_slides" ] ||
    fail "D did not swap the displays: slides on $slides, presenter view on $presenter"
echo "ok: D (wtype): slides now on $slides, presenter view on $presenter"

wl_stop
ls "$d"/home/.local/state/vitrine/lectures/*-karlag-artists.json >/dev/null 2>&1 ||
    fail "no lecture record after SIGTERM"
echo "ok: SIGTERM: vitrine ended cleanly with its lecture record written, and sway with it"
echo "PASS"
