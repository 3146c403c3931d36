#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A slide's recorded narration as a visitor hears it (real clock, Xvfb,
# vitrine's one sound output captured with VITRINE_MEDIA_AO=pcm): the play
# button on the slide starts the Kazakh recording (a 440 Hz tone), the
# Russian language button switches it live to the Russian one (880 Hz):
# the captured sound is 440 Hz, then 880 Hz. The button shows a stop square
# while it plays. (mpv's ao=pcm has no clock and plays ahead of time, so
# the order of the tones is checked, not their times.)
#   narration.sh VITRINE
set -eu
vitrine=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/tests/e2e/common.sh"
scratch_out narration
ex=$out/fx
mkdir -p "$ex/voice"
# long: ao=pcm races through them (hours in seconds), so the Kazakh one must
# not end before the switch, and the Russian one goes on past where it ended
ffmpeg -v error -f lavfi -i sine=f=440:d=7200:sample_rate=8000 -c:a flac "$ex/voice/kk.flac"
ffmpeg -v error -f lavfi -i sine=f=880:d=14400:sample_rate=8000 -c:a flac "$ex/voice/ru.flac"
cat >"$ex/exhibition.json" <<'JSON'
{"id": "fx", "title": "Voices", "languages": ["kk", "ru", "en"],
 "slides": [{"title": "Narrated", "text": "A slide read aloud by its recording.",
             "narration": {"kk": "voice/kk.flac", "ru": "voice/ru.flac"}},
            {"text": "After"}]}
JSON
start_x x -screen 0 1280x720x24
VITRINE_MEDIA_AO=pcm VITRINE_MEDIA_AO_FILE=$out/sound.wav \
    VITRINE_MEDIA_OPTIONS="audio-samplerate=8000 audio-channels=mono" SDL_VIDEODRIVER=x11 "$vitrine" --exhibition fx \
    --slide 1 --lang kk --state-file "$state" --state-dir "$out/state" "$ex" 2>"$out/vitrine.log" &
vit=$!
expect '"slide":1,'
wid=$(xdotool search --sync --name '^vitrine$' | head -n 1)
px() { import -display "$DISPLAY" -window root "$out/$1.png" &&
    convert "$out/$1.png" -crop "1x1+$2+$3" -depth 8 txt:- | sed -n 's/.*#\([0-9A-F]\{6\}\).*/\1/p'; }
# the button at the top of the slide, in the middle (1280x720): a triangle,
# whose middle left is lit; a square lights its corner too
xdotool mousemove --window "$wid" 640 111 click 1
# the Russian button as soon as the Kazakh recording is heard (ao=pcm races
# through its two hours in a few seconds; a busy machine's screenshot could
# take longer); the stop square is looked for after the switch
for _ in $(seq 100); do
    [ "$(stat -c %s "$out/sound.wav" 2>/dev/null || echo 0)" -gt 2000000 ] && break
    sleep 0.05
done
xdotool mousemove --window "$wid" 1127 34 click 1
expect '"language":"ru"'
corner=$(px playing 625 96)
[ "$corner" = EEEAE2 ] || { echo "FAIL: no stop square on the narration button while it plays (#$corner)"; exit 1; }
sleep 1.5
kill "$vit"
wait "$vit" || true
vit=
python3 - "$out/sound.wav" <<'PY'
import struct, sys
data = open(sys.argv[1], "rb").read()
if len(data) < 44:
    sys.exit("FAIL: no sound was captured")
ch, rate = struct.unpack("<HI", data[22:28])
bits = struct.unpack("<H", data[34:36])[0]
if bits != 16:
    sys.exit("FAIL: %d-bit sound, not 16" % bits)
pcm = data[44:]
n = len(pcm) // (2 * ch)
first = [struct.unpack_from("<h", pcm, i * 2 * ch)[0] for i in range(n)]
def hz(a, b):  # zero crossings of the first channel between samples a and b
    prev, c = 0, 0
    for v in first[a:b]:
        s = (v > 0) - (v < 0)
        if s and prev and s != prev:
            c += 1
        if s:
            prev = s
    return c / 2 / ((b - a) / rate)
# tones in windows of 0.25 s: the first lit ones 440 Hz, the last 880 Hz, and 440 never after 880
w = rate // 4
tones = [hz(i, i + w) for i in range(0, n - w, w)]
lit = [t for t in tones if t > 100]
print("captured %.1f s: %s" % (n / rate, " ".join("%.0f" % t for t in lit[:3] + ["..."] + lit[-3:] if t != "..." ) if False else "%d windows, first %.0f Hz, last %.0f Hz" % (len(lit), lit[0] if lit else 0, lit[-1] if lit else 0)))
if not lit or abs(lit[0] - 440) > 15:
    sys.exit("FAIL: the narration did not start with the Kazakh recording (440 Hz)")
if abs(lit[-1] - 880) > 25:
    sys.exit("FAIL: after the language switch the Russian recording (880 Hz) did not play")
k = max(i for i, t in enumerate(lit) if abs(t - 440) < 15)
if any(abs(t - 880) < 25 for t in lit[:k]):
    sys.exit("FAIL: the Russian recording played before the Kazakh one ended")
print("ok: 440 Hz (kk), then 880 Hz (ru) after the language switch")
PY
