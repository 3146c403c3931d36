#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A film slide's narration as a visitor hears it (real clock, Xvfb, the one
# sound output captured with VITRINE_MEDIA_AO=pcm, raw and appended: the
# film's sound and the recordings' are not of one format, and each opening
# of mpv's output would start the file anew):
#  - the film plays (440 Hz); its slide has a narration button, at the left
#    of the film's buttons; a tap pauses the film (its play button shows
#    the triangle), its last frame stays on screen, and the Kazakh
#    recording plays (880 Hz), with the stop square on its button;
#  - the Russian language button switches it live (1320 Hz);
#  - the film's play stops the narration and plays the film (440 Hz again);
#  - a short narration (slide 2) that ends by itself: its button shows the
#    play triangle again.
# The tones come in that order: 440, 880, 1320, 440. (ao=pcm plays ahead
# of time: the order is checked, not the times.)
#   film_narration.sh VITRINE
set -eu
vitrine=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/tests/e2e/common.sh"
scratch_out film-narration
ex=$out/fx
mkdir -p "$ex/films" "$ex/voice"
ffmpeg -v error -f lavfi -i "testsrc=s=320x180:r=5:d=600" -f lavfi -i "sine=f=440:d=600:sample_rate=8000" \
    -c:v libx264 -preset ultrafast -c:a aac -ac 1 -shortest "$ex/films/film.mp4"
# long: ao=pcm races through them (hours in seconds)
ffmpeg -v error -f lavfi -i sine=f=880:d=7200:sample_rate=8000 -c:a flac "$ex/voice/kk.flac"
ffmpeg -v error -f lavfi -i sine=f=1320:d=14400:sample_rate=8000 -c:a flac "$ex/voice/ru.flac"
ffmpeg -v error -f lavfi -i sine=f=660:d=0.5:sample_rate=8000 -c:a flac "$ex/voice/short.flac"
cat >"$ex/exhibition.json" <<'JSON'
{"id": "fx", "title": "Voices", "languages": ["kk", "ru", "en"],
 "slides": [{"video": "films/film.mp4", "title": "A film with a narration",
             "narration": {"kk": "voice/kk.flac", "ru": "voice/ru.flac"}},
            {"title": "Short", "text": "A short narration.", "narration": "voice/short.flac"}]}
JSON
start_x x -screen 0 1280x720x24
VITRINE_MEDIA_AO=pcm VITRINE_MEDIA_AO_FILE=$out/sound.raw \
    VITRINE_MEDIA_OPTIONS="ao-pcm-append=yes ao-pcm-waveheader=no audio-format=s16 audio-samplerate=8000 audio-channels=mono" \
    SDL_VIDEODRIVER=x11 "$vitrine" --exhibition fx --slide 1 --lang kk \
    --state-file "$state" --state-dir "$out/state" "$ex" 2>"$out/vitrine.log" &
vit=$!
expect '"slide":1,'
wid=$(xdotool search --sync --name '^vitrine$' | head -n 1)
px() { import -display "$DISPLAY" -window root "$out/$1.png" &&
    convert "$out/$1.png" -crop "1x1+$2+$3" -depth 8 txt:- | sed -n 's/.*#\([0-9A-F]\{6\}\).*/\1/p'; }
lit=EEEAE2
# 1280x720: the narration button at (48, 80) 64 px square, left of the
# film's buttons; the film's play button in the middle of the row, at 640
# (its triangle lights the middle, its pause bars leave it dark)
sleep 2
play=$(px film 640 112)
narr=$(px film 80 112)
[ "$play" != $lit ] || { echo "FAIL: the film does not play at first"; exit 1; }
[ "$narr" = $lit ] || { echo "FAIL: no narration button on the film's slide (#$narr)"; exit 1; }
xdotool mousemove --window "$wid" 80 112 click 1
# the Russian button as soon as the Kazakh recording is heard: ao=pcm races
# through it (two hours in about 3 s here), and on a machine busy with other
# tests the screenshots below once took longer than that
heard=$(stat -c %s "$out/sound.raw" 2>/dev/null || echo 0)
for _ in $(seq 100); do
    [ "$(stat -c %s "$out/sound.raw" 2>/dev/null || echo 0)" -gt $((heard + 2000000)) ] && break
    sleep 0.05
done
xdotool mousemove --window "$wid" 1127 34 click 1
expect '"language":"ru"'
sleep 1.5
square=$(px narrating 65 97)
play=$(px narrating 640 112)
colours=$(convert "$out/narrating.png" -crop 300x200+500+250 -format %k info:)
[ "$square" = $lit ] || { echo "FAIL: no stop square on the narration button (#$square)"; exit 1; }
[ "$play" = $lit ] || { echo "FAIL: the film was not paused for its narration (#$play)"; exit 1; }
[ "$colours" -gt 5 ] || { echo "FAIL: the film's frame went from the screen ($colours colours)"; exit 1; }
echo "ok: the narration plays, the film paused, its frame on screen"
xdotool mousemove --window "$wid" 640 112 click 1
sleep 1.5
square=$(px back 65 97)
play=$(px back 640 112)
[ "$square" != $lit ] || { echo "FAIL: the narration button still shows stop after the film's play"; exit 1; }
[ "$play" != $lit ] || { echo "FAIL: the film's play did not play it (#$play)"; exit 1; }
echo "ok: the film's play took the sound back"
# the short narration of slide 2, ended by itself: play again
xdotool key Right
expect '"slide":2,'
sleep 0.5
xdotool mousemove --window "$wid" 640 111 click 1
sleep 1.5
square=$(px ended 625 96)
tri=$(px ended 640 111)
[ "$square" != $lit ] && [ "$tri" = $lit ] ||
    { echo "FAIL: the narration ended, but its button does not show play again (#$square #$tri)"; exit 1; }
echo "ok: a narration that ended shows its play triangle again"
kill "$vit"
wait "$vit" || true
vit=
python3 - "$out/sound.raw" <<'PY'
import struct, sys
raw = open(sys.argv[1], "rb").read()
n = len(raw) // 2
rate, w = 8000, 2000
def hz(a, b):  # zero crossings between samples a and b
    prev, c = 0, 0
    for (v,) in struct.iter_unpack("<h", raw[2 * a:2 * b]):
        x = (v > 0) - (v < 0)
        if x and prev and x != prev:
            c += 1
        if x:
            prev = x
    return c / 2 / ((b - a) / rate)
tones = []
for i in range(0, n - w, 4 * w):  # a window of 0.25 s a second, named by the nearest tone
    t = hz(i, i + w)
    name = min((440, 660, 880, 1320), key=lambda f: abs(f - t))
    if t > 100 and abs(name - t) < 0.05 * name and (not tones or tones[-1] != name):
        tones.append(name)
print("captured %.1f s; the tones in turn: %s" % (n / rate, " ".join(map(str, tones))))
want = [440, 880, 1320, 440]
if tones[:4] != want:
    sys.exit("FAIL: the tones were not the film's, the Kazakh and Russian narration's, the film's: %s" % tones)
if tones[4:] not in ([], [660]):
    sys.exit("FAIL: more sound than the short narration after the film: %s" % tones[4:])
print("ok: the film, its narration in Kazakh then Russian, the film again")
PY
