# SPDX-License-Identifier: GPL-3.0-or-later
# common.sh - sourced by the end-to-end scripts (not a test itself).
#
# Expects $out (the test's folder), $root (the source tree) and $state
# (vitrine's --state-file) to be set; sets $xvfb to the X server it starts.
# The script sets $vit to the vitrine it starts; both are killed by their
# ids when the script ends (a script may define its own cleanup instead).

xvfb= vit= scratch=
cleanup() {
    [ -n "$vit" ] && kill "$vit" 2>/dev/null || true
    [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true
    # vitrine writes its state and records as it ends (slowly under ASan):
    # let it finish (5 s at most) before its folder goes, or rm races it
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        [ -n "$vit" ] && kill -0 "$vit" 2>/dev/null || break
        sleep 0.5
    done
    [ -z "$scratch" ] || [ -n "${KEEP:-}" ] || rm -rf "$scratch" || true
}
trap cleanup EXIT INT TERM

scratch_out() { # scratch_out NAME: $out, a fresh folder removed at the end (KEEP=1 keeps
    out=$(mktemp -d "/tmp/vitrine-$1-XXXXXX")   # it), and $state in it
    state=$out/state.json
    scratch=$out
}

blue_film() { # blue_film PATH: a film of 20 s in one blue (#2060D0), 640x360, no sound
    mkdir -p "$(dirname "$1")"
    ffmpeg -v error -f lavfi -i "color=c=0x2060d0:s=640x360:r=25:d=20" -c:v libx264 -preset ultrafast "$1"
}

start_x() { # start_x NAME SCREEN-OPTIONS...: an X server; DISPLAY points at it
    name=$1
    shift
    Xvfb -displayfd 3 "$@" -nolisten tcp 3>"$out/$name.display" 2>"$out/$name.xvfb.log" &
    xvfb=$!
    for _ in $(seq 100); do [ -s "$out/$name.display" ] && break; sleep 0.1; done
    DISPLAY=:$(cat "$out/$name.display")
    export DISPLAY
}

start_xorg() { # start_xorg NAME: Xorg with the dummy driver (dummy-xorg.conf): RandR outputs
    name=$1     # DUMMY0, DUMMY1... that xrandr sets up as monitors; DISPLAY points at it
    Xorg -displayfd 3 -config "$root/tests/e2e/dummy-xorg.conf" -noreset -nolisten tcp \
        -logfile "$out/$name.xorg.log" 3>"$out/$name.display" >"$out/$name.xorg.out" 2>&1 &
    xvfb=$!
    for _ in $(seq 100); do [ -s "$out/$name.display" ] && break; sleep 0.1; done
    DISPLAY=:$(cat "$out/$name.display")
    export DISPLAY
}

expect() { # expect FRAGMENT: wait (up to 10 s) until the state file shows it
    for _ in $(seq 100); do
        if [ -f "$state" ] && grep -q "$1" "$state"; then
            echo "ok: $1"
            return 0
        fi
        sleep 0.1
    done
    echo "FAIL: state never showed $1; it is:"; cat "$state" 2>/dev/null; cat "$out"/*.log
    exit 1
}
