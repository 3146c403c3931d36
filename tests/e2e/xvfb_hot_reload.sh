#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Hot reload in real time, the way a kiosk runs it: vitrine fullscreen under
# Xvfb on a copy of tests/fixtures/reload, its state read back from
# --state-file while files change under it. This is the path replays do not
# take: the watcher thread that wakes the sleeping main loop and the loader
# thread whose result arrives as an event. Also: between changes every
# thread sleeps (SDL's x11 driver really waits; its dummy driver would poll
# every millisecond, hence X here), and SIGTERM still ends vitrine cleanly.
#
#   xvfb_hot_reload.sh VITRINE OUTDIR
set -eu
vitrine=$1 out=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$out" && mkdir -p "$out"

. "$root/tests/e2e/common.sh"
xvfb= vit=
cleanup() {
    [ -n "$vit" ] && kill "$vit" 2>/dev/null || true
    [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true
}
trap cleanup EXIT INT TERM
start_x x -screen 0 1280x720x24
ex="$out/exhibitions"
cp -R "$root/tests/fixtures/reload" "$ex"
edits="$root/tests/fixtures/reload-edits"
state="$out/state.json"
log="$out/vitrine.log"

SDL_VIDEODRIVER=x11 "$vitrine" --state-file "$state" --exhibition steppe --slide 2 "$ex" 2>"$log" &
vit=$!

# Voluntary context switches of all vitrine's threads so far.
wakeups() {
    cat /proc/"$vit"/task/*/status 2>/dev/null | awk '/^voluntary_ctxt_switches/ { n += $2 } END { print n + 0 }'
}

expect '"exhibition":"steppe","slide":2,"slides":3,'

# Nothing changes: vitrine sleeps (a kiosk left alone for weeks runs cool).
sleep 0.5
w0=$(wakeups)
sleep 2
w1=$(wakeups)
echo "wakeups in 2 s of quiet: $((w1 - w0))"
[ $((w1 - w0)) -lt 20 ] || { echo "FAIL: vitrine keeps waking up while nothing happens"; exit 1; }

# A good edit: a slide inserted before; the visitor stays on the same image.
cp "$edits/steppe-edited.json" "$ex/steppe/exhibition.json"
expect '"exhibition":"steppe","slide":3,"slides":4,'

# A broken edit: the last good version stays, the log says where.
cp "$edits/steppe-broken.json" "$ex/steppe/exhibition.json"
cp "$edits/letters-retitled.json" "$ex/letters/exhibition.json"
for _ in $(seq 100); do grep -q "1 kept as they were" "$log" && break; sleep 0.1; done
grep -q "steppe/exhibition.json:8:5: error: " "$log" || { echo "FAIL: the broken edit was not logged"; cat "$log"; exit 1; }
expect '"exhibition":"steppe","slide":3,"slides":4,'
echo "ok: a broken edit keeps the last good version"

# A new exhibition, staged in a hidden folder and moved in at once.
mkdir "$ex/.staging"
cp -R "$edits/candle" "$ex/.staging/candle"
mv "$ex/.staging/candle" "$ex/candle"
expect '"exhibitions":3,'

# The exhibition on screen deleted: home.
rm -r "$ex/steppe"
expect '"screen":"home","mode":"kiosk","exhibition":null,.*"exhibitions":2,'

kill -TERM "$vit"
status=0
wait "$vit" || status=$?
vit=
[ "$status" -eq 0 ] || { echo "FAIL: vitrine exited $status after SIGTERM"; cat "$log"; exit 1; }
grep -c "vitrine: reloaded" "$log"
echo "hot reload live: ok"
