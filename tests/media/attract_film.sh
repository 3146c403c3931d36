#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The attract loop on a film slide (real clock, Xvfb, the one sound output
# captured with VITRINE_MEDIA_AO=pcm): the film plays in it, muted and
# looped: screenshots a second apart show its frame counter (testsrc's)
# moving; the sound captured holds the visitor's film's tone (440 Hz, slide
# 1 at start) and nothing of the attract film's (660 Hz): it is all before
# the attract loop began, and the file does not grow during it; a touch
# ends the attract loop and the film stops (the media worker's CPU time
# stands still). kiosk.attract_films false: the poster stands still.
# Prints the CPU both processes spend a second on the attract film.
#   attract_film.sh VITRINE
set -eu
vitrine=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/tests/e2e/common.sh"
scratch_out attract-film
ex=$out/fx
mkdir -p "$ex/films"
ffmpeg -v error -f lavfi -i "testsrc=s=640x360:r=25:d=2" -f lavfi -i "sine=f=440:d=2:sample_rate=8000" \
    -c:v libx264 -preset ultrafast -c:a aac -ac 1 -shortest "$ex/films/visitor.mp4"
ffmpeg -v error -f lavfi -i "testsrc=s=640x360:r=25:d=6" -f lavfi -i "sine=f=660:d=6:sample_rate=8000" \
    -c:v libx264 -preset ultrafast -c:a aac -ac 1 -shortest "$ex/films/loop.mp4"
cat >"$ex/exhibition.json" <<'JSON'
{"id": "fx", "title": "Films", "languages": ["en"],
 "slides": [{"video": "films/visitor.mp4", "title": "A short film"},
            {"video": "films/loop.mp4", "title": "The attract loop's film", "start": 1}]}
JSON
# kiosk.attract_films false waits for its attract loop on a second X server
# meanwhile (the idle timeout's 14 s once, not twice)
start_x y -screen 0 1280x720x24
display_b=$DISPLAY xvfb_b=$xvfb vit_b=
start_x x -screen 0 1280x720x24
cleanup_both() {
    [ -n "$vit_b" ] && kill "$vit_b" 2>/dev/null || true
    kill "$xvfb_b" 2>/dev/null || true
    cleanup
}
trap cleanup_both EXIT INT TERM
ticks() { # the CPU time (clock ticks) of process $1
    awk '{ print $14 + $15 }' "/proc/$1/stat"
}
start() { # start ATTRACT_FILMS: vitrine on $DISPLAY with its state in $state, touched once
    printf '{"kiosk": {"idle_s": 10, "warning_s": 3, "attract_delay_s": 1, "attract": ["fx:2"], "attract_films": %s}}\n' \
        "$1" >"$out/settings-$1.json"
    VITRINE_MEDIA_AO=pcm VITRINE_MEDIA_AO_FILE=$out/sound-$1.raw \
        VITRINE_MEDIA_OPTIONS="ao-pcm-append=yes ao-pcm-waveheader=no audio-format=s16 audio-samplerate=8000 audio-channels=mono" \
        SDL_VIDEODRIVER=x11 "$vitrine" --settings "$out/settings-$1.json" --exhibition fx --slide 1 \
        --state-file "$state" --state-dir "$out/state-$1" "$ex" 2>"$out/vitrine-$1.log" &
    vit=$!
    expect '"slide":1,'
    wid=$(xdotool search --sync --name '^vitrine$' | head -n 1)
    xdotool windowfocus --sync "$wid" 2>/dev/null || xdotool windowfocus "$wid"
    xdotool key x # a visitor: the idle clock starts here
}
attract() { # until the attract loop shows slide 2, and 1.5 s more
    # 14 s of idle timeout after the 2 s film, which holds the kiosk from
    # its opening on: a media worker that opens slowly (a sanitized build
    # on a loaded machine) may take up to MEDIA_DEADLINE_MS (10 s) before
    # that, so 45 s in all (30 s failed once under such load)
    for _ in $(seq 450); do grep -q '"idle":"attract"' "$state" && break; sleep 0.1; done
    grep -q '"idle":"attract"' "$state" || { echo "FAIL: no attract loop:"; cat "$state"; exit 1; }
    sleep 1.5
}
shot() { import -display "$DISPLAY" -window root "$out/$1.png"; }
differ() { # differ A B: the pixels of the film's place that changed between two screenshots
    compare -metric AE -crop 800x450+240+40 "$out/$1.png" "$out/$2.png" null: 2>&1 || true
}

state_a=$state
DISPLAY=$display_b state=$out/state-b.json
start false
vit_b=$vit
DISPLAY=:$(cat "$out/x.display") state=$state_a
start true
attract
media=$(pgrep -P "$vit" vitrine-media | head -n 1)
[ -n "$media" ] || { echo "FAIL: no media worker"; exit 1; }
size0=$(stat -c %s "$out/sound-true.raw" 2>/dev/null || echo 0)
t0=$(ticks "$vit"); m0=$(ticks "$media")
shot a1; sleep 1; shot a2; sleep 1; shot a3
sleep 3.5 # past the 5 s clip: it loops
shot a4
t1=$(ticks "$vit"); m1=$(ticks "$media")
for pair in "a1 a2" "a2 a3" "a3 a4"; do
    # shellcheck disable=SC2086
    d=$(differ $pair)
    [ "${d%% *}" -gt 1000 ] || { echo "FAIL: the attract film stands still ($pair: $d pixels changed)"; exit 1; }
done
echo "ok: the attract loop's film moves (and loops past its end)"
hz=$(getconf CLK_TCK)
python3 -c "import sys; t, m, hz = (int(x) for x in sys.argv[1:]); print('cpu: attract film, 640x360 in a 1280x720 window: vitrine %.1f%%, vitrine-media %.1f%% of one core' % (t * 100 / hz / 10, m * 100 / hz / 10))" \
    $((t1 - t0)) $((m1 - m0)) "$hz"
size1=$(stat -c %s "$out/sound-true.raw" 2>/dev/null || echo 0)
[ "$size0" -eq "$size1" ] || { echo "FAIL: sound during the attract loop ($size0 -> $size1 bytes)"; exit 1; }
# a touch: the attract loop ends, the film stops
xdotool mousemove --window "$wid" 640 360 click 1
for _ in $(seq 50); do grep -q '"idle":"attract"' "$state" || break; sleep 0.1; done
! grep -q '"idle":"attract"' "$state" || { echo "FAIL: a touch did not end the attract loop"; exit 1; }
sleep 1
m2=$(ticks "$media"); sleep 2; m3=$(ticks "$media")
[ $((m3 - m2)) -le 4 ] || { echo "FAIL: the film goes on after the touch ($((m3 - m2)) ticks in 2 s)"; exit 1; }
echo "ok: a touch ended the attract loop, and its film stopped"
kill "$vit"; wait "$vit" || true; vit=
python3 - "$out/sound-true.raw" <<'PY'
import struct, sys
raw = open(sys.argv[1], "rb").read()
s = [v[0] for v in struct.iter_unpack("<h", raw[:len(raw) // 2 * 2])]
def hz(a, b):
    prev, c = 0, 0
    for v in s[a:b]:
        x = (v > 0) - (v < 0)
        if x and prev and x != prev:
            c += 1
        if x:
            prev = x
    return c / 2 / ((b - a) / 8000)
tones = [round(hz(i, i + 800)) for i in range(0, len(s) - 800, 800)]
lit = [t for t in tones if t > 100]
print("captured %.1f s: %d windows with a tone, %s Hz" % (len(s) / 8000, len(lit), sorted(set(lit))))
if not lit or any(abs(t - 440) > 20 for t in lit):
    sys.exit("FAIL: the sound was not the visitor's film's alone (440 Hz): the attract film was heard")
print("ok: only the visitor's film was heard, nothing of the attract loop's")
PY

DISPLAY=$display_b state=$out/state-b.json vit=$vit_b
attract
shot p1; sleep 1; shot p2
d=$(differ p1 p2)
[ "${d%% *}" -lt 1000 ] || { echo "FAIL: kiosk.attract_films false, yet the film moves ($d pixels)"; exit 1; }
echo "ok: kiosk.attract_films false: its poster stands still"
kill "$vit"; wait "$vit" || true; vit= vit_b=
