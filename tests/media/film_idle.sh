#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The kiosk's rules for films, as a visitor lives them (vitrine fullscreen
# under Xvfb, real time, sound to a file through mpv's PCM output):
#  - a film playing past the idle timeout (10 s here) is never interrupted
#    by "still there?": the state file still says "idle":"active";
#  - a looped film (ambience) does not hold the kiosk: with nobody touching,
#    "still there?" comes, then the reset to the home screen;
#  - the reset stops every sound: the PCM file stops growing, and its last
#    second before the reset was not silence;
#  - media.quiet_hours (the hour now): the film plays, without sound;
#  - media.autoplay false: the film waits for play, no sound at all.
#   film_idle.sh VITRINE
set -eu
vitrine=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/tests/e2e/common.sh"
scratch_out film-idle
ex=$out/fx
mkdir -p "$ex/films"
# a 20 s film and a 4 s loop, each with a tone
ffmpeg -v error -f lavfi -i "color=c=0x2060d0:s=320x180:r=25:d=20" -f lavfi -i "sine=f=440:d=20" \
    -c:v libx264 -preset ultrafast -c:a aac -shortest "$ex/films/film.mp4"
ffmpeg -v error -f lavfi -i "color=c=0xd06020:s=320x180:r=25:d=4" -f lavfi -i "sine=f=660:d=4" \
    -c:v libx264 -preset ultrafast -c:a aac -shortest "$ex/films/loop.mp4"
cat >"$ex/exhibition.json" <<'JSON'
{"id": "fx", "title": "Films", "languages": ["en"],
 "slides": [{"video": "films/film.mp4", "title": "A film"},
            {"video": "films/loop.mp4", "title": "A loop", "loop": true}]}
JSON
printf '{"kiosk": {"idle_s": 10, "warning_s": 3, "attract_delay_s": 60}}\n' >"$out/settings.json"
# peak SOUND.wav tone|silent|none: the last second of the PCM file is the
# film's tone / silence (samples, all zero) / there is not a second of it
peak() {
python3 - "$1" "$2" <<'PY'
import struct, sys
raw = open(sys.argv[1], "rb").read()
pos, fmt, data = 12, None, b""
while pos + 8 <= len(raw):  # the RIFF chunks: "fmt " and "data"
    cid, size = raw[pos:pos + 4], struct.unpack("<I", raw[pos + 4:pos + 8])[0]
    body = raw[pos + 8:pos + 8 + size]
    if cid == b"fmt ":
        tag, channels, rate = struct.unpack("<HHI", body[:8])
        bits = struct.unpack("<H", body[14:16])[0]
        if tag == 0xFFFE:  # extensible: the real tag opens the sub-format GUID
            tag = struct.unpack("<H", body[24:26])[0]
        fmt = (tag, bits, channels, rate)
    elif cid == b"data":
        data = raw[pos + 8:]  # mpv may leave the size unset while it writes
        break
    pos += 8 + size + (size & 1)
if not fmt:
    sys.exit("FAIL: the PCM file has no format")
tag, bits, channels, rate = fmt
code = "f" if tag == 3 else {16: "h", 32: "i"}[bits]
full = 1.0 if tag == 3 else float(2 ** (bits - 1))
size = bits // 8
n, want = len(data) // size, rate * channels  # the last second
if n < want:
    print("samples: %d" % n)
    sys.exit(0 if sys.argv[2] == "none" else "FAIL: hardly any sound was played (%d samples)" % n)
tail = struct.unpack("<%d%s" % (want, code), data[size * (n - want):size * n])
peak = max(abs(x) for x in tail) / full
print("the sound's last second peaks at %.3f of full scale" % peak)
if sys.argv[2] == "tone":
    sys.exit(0 if peak > 0.03 else "FAIL: the film was silent")
sys.exit(0 if peak < 0.001 and sys.argv[2] == "silent" else "FAIL: sound (%.3f) where there must be none" % peak)
PY
}
start_x x -screen 0 1280x720x24
VITRINE_MEDIA_AO=pcm VITRINE_MEDIA_AO_FILE=$out/sound.wav SDL_VIDEODRIVER=x11 "$vitrine" \
    --settings "$out/settings.json" --exhibition fx --slide 1 \
    --state-file "$state" --state-dir "$out/state" "$ex" 2>"$out/vitrine.log" &
vit=$!
expect '"slide":1,'
wid=$(xdotool search --sync --name '^vitrine$' | head -n 1)
xdotool windowfocus --sync "$wid" 2>/dev/null || xdotool windowfocus "$wid"
xdotool key x # a visitor: the idle clock starts here
sleep 13      # past the 10 s timeout, the film still playing
grep -q '"idle":"active"' "$state" ||
    { echo "FAIL: \"still there?\" interrupted a film being watched:"; cat "$state"; exit 1; }
echo "ok: 13 s into the film, past the 10 s timeout, the kiosk is still active"
xdotool key Right
expect '"slide":2,'
expect '"idle":"warning"' # the loop does not hold it: 10 s later "still there?"
expect '"screen":"home"'  # and 3 s later the reset
sleep 1
s1=$(stat -c %s "$out/sound.wav")
sleep 2
s2=$(stat -c %s "$out/sound.wav")
[ "$s1" -eq "$s2" ] || { echo "FAIL: sound goes on after the idle reset ($s1 -> $s2 bytes)"; exit 1; }
# the sound before the reset was the loop's tone, not silence
peak "$out/sound.wav" tone
echo "ok: the idle reset stopped the film's sound"
kill "$vit"; wait "$vit" || true; vit=

# quiet hours (the hour now, whatever the machine's time zone): no sound
quiet=$(python3 -c "import time; t = time.localtime(); m = t.tm_hour * 60 + t.tm_min; f = lambda x: '%02d:%02d' % divmod(x % 1440, 60); print(f(m - 60) + '-' + f(m + 60))")
run_film() { # run_film SETTINGS-JSON NAME: the 20 s film for 4 s
    printf '%s\n' "$1" >"$out/$2.json"
    rm -f "$out/$2.wav"
    VITRINE_MEDIA_AO=pcm VITRINE_MEDIA_AO_FILE=$out/$2.wav SDL_VIDEODRIVER=x11 "$vitrine" \
        --settings "$out/$2.json" --exhibition fx --slide 1 \
        --state-file "$state" --state-dir "$out/state" "$ex" 2>"$out/$2.log" &
    vit=$!
    sleep 4
    kill "$vit"; wait "$vit" || true; vit=
    [ -f "$out/$2.wav" ] || : >"$out/$2.wav"
}
run_film "{\"media\": {\"quiet_hours\": \"$quiet\"}}" quiet
peak "$out/quiet.wav" silent
echo "ok: in quiet hours ($quiet) the film plays without sound"
run_film '{"media": {"autoplay": false}}' noautoplay
peak "$out/noautoplay.wav" none
echo "ok: without autoplay the film waits for play"
