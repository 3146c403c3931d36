# SPDX-License-Identifier: GPL-3.0-or-later
# wayland.sh - sourced by the Wayland end-to-end scripts (cage_kiosk.sh,
# sway_hall.sh); not a test itself.
#
# A Wayland compositor on wlroots' headless backend with the pixman renderer
# (no GPU, no input devices), run as an unprivileged user: cage refuses root,
# and a kiosk runs as its own user anyway. As root the user is "nobody"
# (through setpriv); as anyone else, that user.
#
# Expects $vitrine (the build's binary), $out (the test's folder) and $root
# (the source tree). wl_setup sets $as (the command prefix that runs as the
# kiosk user) and $kiosk: a folder of its own under /tmp holding copies of
# vitrine, its helper programs and the bundled exhibitions (the build tree
# may sit where that user cannot go, such as /root), removed at the end
# with the compositor, which is killed by its id.

wl_pid=""
kiosk=""
wl_cleanup() {
    [ -n "$wl_pid" ] && kill "$wl_pid" 2>/dev/null || true
    [ -n "$kiosk" ] && rm -rf "$kiosk"
}
trap wl_cleanup EXIT INT TERM

wl_setup() {
    as=""
    if [ "$(id -u)" -eq 0 ]; then
        if ! id nobody >/dev/null 2>&1 || ! command -v setpriv >/dev/null; then
            echo "SKIP: running as root, with no user nobody or no setpriv to leave root"
            exit 77
        fi
        as="setpriv --reuid=nobody --regid=$(id -g nobody) --clear-groups"
    fi
    kiosk=$(mktemp -d /tmp/vitrine-wayland.XXXXXX)
    chmod 755 "$kiosk"
    mkdir "$kiosk/bin"
    for f in "$(dirname "$vitrine")"/vitrine "$(dirname "$vitrine")"/vitrine-*; do
        if [ -f "$f" ] && [ -x "$f" ]; then cp "$f" "$kiosk/bin/"; fi
    done
    cp -R "$root/exhibitions" "$kiosk/exhibitions"
    chmod -R a+rX "$kiosk/bin" "$kiosk/exhibitions"
}

# wl_start NAME COMMAND...: COMMAND (the compositor) in the background as the
# kiosk user, with $wl_env (VAR=value words) added to a clean environment;
# its folder is $d = $kiosk/NAME (home in $d/home, the Wayland socket in
# $d/run), its output in $out/NAME.log. The sanitizers' options pass
# through (the sanitized pass of the suite sets them).
wl_start() {
    d="$kiosk/$1"
    log="$out/$1.log"
    shift
    mkdir -p "$d/run" "$d/home"
    chmod 700 "$d/run"
    if [ -n "$as" ]; then chown -R nobody "$d"; fi
    # shellcheck disable=SC2086
    $as env -i PATH=/usr/bin:/bin HOME="$d/home" XDG_RUNTIME_DIR="$d/run" \
        WLR_BACKENDS=headless WLR_RENDERER=pixman WLR_LIBINPUT_NO_DEVICES=1 \
        VITRINE_TRACE="$d/trace" ${ASAN_OPTIONS:+ASAN_OPTIONS=$ASAN_OPTIONS} \
        ${UBSAN_OPTIONS:+UBSAN_OPTIONS=$UBSAN_OPTIONS} $wl_env "$@" >"$log" 2>&1 &
    wl_pid=$!
}

# wl_client COMMAND...: a Wayland client next to vitrine, on the display of
# the compositor started last (its first socket in $d/run).
wl_client() {
    sock=$(cd "$d/run" && ls wayland-* 2>/dev/null | grep -v lock | head -n 1)
    # shellcheck disable=SC2086
    $as env XDG_RUNTIME_DIR="$d/run" WAYLAND_DISPLAY="$sock" "$@"
}

# wl_stop: SIGTERM to the kiosk's vitrine; the compositor must end with it,
# with status 0.
wl_stop() {
    pid=$(vitrine_pid) || fail "vitrine is not running"
    kill -TERM "$pid"
    status=0
    wait "$wl_pid" || status=$?
    wl_pid=""
    [ "$status" -eq 0 ] || fail "SIGTERM: vitrine and its compositor ended with status $status, not 0"
}

wait_for() { # wait_for FILE FRAGMENT: up to 15 s for a line of FILE to match
    for _ in $(seq 150); do
        grep -q "$2" "$1" 2>/dev/null && return 0
        sleep 0.1
    done
    return 1
}

vitrine_pid() { # the kiosk's vitrine (not the suite's others)
    for p in $(pgrep -x vitrine); do
        if [ "$(readlink "/proc/$p/exe" 2>/dev/null)" = "$kiosk/bin/vitrine" ]; then
            echo "$p"
            return 0
        fi
    done
    return 1
}

fail() {
    echo "FAIL: $1"
    for f in "$out"/*.log; do echo "--- $f"; cat "$f"; done
    exit 1
}

# unit_env UNIT: the unit's Environment= assignments, as words
unit_env() {
    sed -n 's/^Environment=//p' "$1"
}
