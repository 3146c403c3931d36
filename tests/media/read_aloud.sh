#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A slide read aloud as a visitor hears it (real clock, Xvfb, vitrine's one
# sound output captured with VITRINE_MEDIA_AO=pcm): the slide has a title
# and a caption in Kazakh and Russian and no recording, so its button shows
# a loudspeaker; a tap reads the Kazakh aloud, and when the reading has
# ended by itself the button shows its loudspeaker again (not the stop
# square it has while it reads); after the Russian language button a tap
# reads the Russian from its beginning. What was heard is compared with the espeak-ng
# program's own readings of the same words (made here, at test time): the
# Kazakh reading, then the whole Russian one, by their loudness over time
# and their length. (mpv's ao=pcm has no clock and plays ahead of time: the
# Kazakh reading ends at once, so its end is what the button shows; a
# switch while it reads is followed as a recording's is, media.narration.)
#   read_aloud.sh VITRINE
set -eu
vitrine=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/tests/e2e/common.sh"
scratch_out read-aloud
ex=$out/fx
mkdir -p "$ex"
title_kk="Әйелдер лагері"
text_kk="Мұнда мыңдаған әйел қамалған: олардың өмірі, үміті және қайғысы ұмытылмауы тиіс. Һәм бүгін біз оларды еске аламыз."
title_ru="Женский лагерь"
text_ru="Здесь были заключены тысячи женщин: их жизнь, надежда и горе не должны быть забыты."
cat >"$ex/exhibition.json" <<JSON
{"id": "fx", "title": "Voices", "languages": ["kk", "ru", "en"],
 "slides": [{"title": {"kk": "$title_kk", "ru": "$title_ru"},
             "text": {"kk": "$text_kk", "ru": "$text_ru"}},
            {"text": "After"}]}
JSON
# the references: each part as the button reads it, one after the other
espeak-ng -v kk -w "$out/kk1.wav" "$title_kk"
espeak-ng -v kk -w "$out/kk2.wav" "$text_kk"
espeak-ng -v ru -w "$out/ru1.wav" "$title_ru"
espeak-ng -v ru -w "$out/ru2.wav" "$text_ru"
start_x x -screen 0 1280x720x24
# raw samples appended: the switch stops the Kazakh reading (MEDIA_CLOSE),
# which closes mpv's sound output, and ao=pcm would start the file anew
VITRINE_MEDIA_AO=pcm VITRINE_MEDIA_AO_FILE=$out/sound.raw \
    VITRINE_MEDIA_OPTIONS="ao-pcm-append=yes ao-pcm-waveheader=no audio-format=s16 audio-samplerate=22050 audio-channels=mono" \
    SDL_VIDEODRIVER=x11 "$vitrine" --exhibition fx \
    --slide 1 --lang kk --state-file "$state" --state-dir "$out/state" "$ex" 2>"$out/vitrine.log" &
vit=$!
expect '"slide":1,'
wid=$(xdotool search --sync --name '^vitrine$' | head -n 1)
px() { import -display "$DISPLAY" -window root "$out/$1.png" &&
    convert "$out/$1.png" -crop "1x1+$2+$3" -depth 8 txt:- | sed -n 's/.*#\([0-9A-F]\{6\}\).*/\1/p'; }
# the button at the top of the slide, in the middle (1280x720), where a
# recording's is: a loudspeaker, whose box lights left of where the play
# triangle would begin
sleep 0.5
body=$(px speaker 627 111)
[ "$body" = EEEAE2 ] || { echo "FAIL: no loudspeaker on the read-aloud button (#$body)"; exit 1; }
xdotool mousemove --window "$wid" 640 111 click 1
sleep 1.5
corner=$(px ended 625 96)
body=$(px ended 627 111)
[ "$corner" != EEEAE2 ] && [ "$body" = EEEAE2 ] ||
    { echo "FAIL: the button did not show its loudspeaker again when the reading ended (#$corner #$body)"; exit 1; }
echo "ok: the reading ended, the button shows its loudspeaker again"
xdotool mousemove --window "$wid" 1127 34 click 1
expect '"language":"ru"'
sleep 0.5
xdotool mousemove --window "$wid" 640 111 click 1
sleep 2
kill "$vit"
wait "$vit" || true
vit=
python3 - "$out" <<'PY'
import struct, sys, wave, math
out = sys.argv[1]

def samples(path):
    """The first channel of a 16-bit WAV (espeak-ng's)."""
    data = open(path, "rb").read()
    pos, ch, rate, bits = 12, 1, 0, 0
    while pos + 8 <= len(data):
        cid, size = data[pos:pos + 4], struct.unpack("<I", data[pos + 4:pos + 8])[0]
        if cid == b"fmt ":
            ch, rate = struct.unpack("<HI", data[pos + 10:pos + 16])
            bits = struct.unpack("<H", data[pos + 22:pos + 24])[0]
        if cid == b"data":
            pcm = data[pos + 8:]
            break
        pos += 8 + size + (size & 1)
    else:
        sys.exit("FAIL: %s holds no sound" % path)
    if bits != 16:
        sys.exit("FAIL: %d-bit sound, not 16" % bits)
    n = len(pcm) // (2 * ch)
    return rate, [struct.unpack_from("<h", pcm, i * 2 * ch)[0] for i in range(n)]

def envelope(rate, s):
    """Loudness (RMS) in 20 ms windows."""
    w = rate // 50
    return [math.sqrt(sum(v * v for v in s[i:i + w]) / w) for i in range(0, len(s) - w + 1, w)]

def sounding(env):
    lit = [i for i, e in enumerate(env) if e > 300]
    return (lit[0], lit[-1] + 1) if lit else (0, 0)

def alike(a, b):
    n = min(len(a), len(b))
    a, b = a[:n], b[:n]
    ma, mb = sum(a) / n, sum(b) / n
    ab = sum((x - ma) * (y - mb) for x, y in zip(a, b))
    aa = sum((x - ma) ** 2 for x in a)
    bb = sum((y - mb) ** 2 for y in b)
    return ab / math.sqrt(aa * bb) if aa and bb else 0

# the worker reads the title, then the caption: their samples one after the other
def reading(lang):
    rate, s1 = samples("%s/%s1.wav" % (out, lang))
    return envelope(rate, s1 + samples("%s/%s2.wav" % (out, lang))[1])
kk, ru = reading("kk"), reading("ru")
raw = open(out + "/sound.raw", "rb").read()
rate, s = 22050, [v[0] for v in struct.iter_unpack("<h", raw[:len(raw) // 2 * 2])]
heard = envelope(rate, s)
a, b = sounding(heard)
if b - a < 50:
    sys.exit("FAIL: nothing was heard")
# the Kazakh from where it starts to sound, then the Russian to where it stops
ka, kb = sounding(kk)
ra, rb = sounding(ru)
want = (len(kk) - ka) + rb
got = b - a
# the best of a few windows either way: the Russian starts anywhere in one
def best(ref, at):
    return max(alike(ref, heard[max(0, at + d):]) for d in range(-3, 4))
head, tail = best(kk[ka:], a), best(ru[ra:rb], b - (rb - ra))
print("heard %.2f s, espeak-ng's Kazakh then Russian %.2f s; alike: Kazakh head %.2f, Russian tail %.2f"
      % (got / 50, want / 50, head, tail))
if abs(got - want) > 0.1 * want:
    sys.exit("FAIL: the readings heard are not as long as espeak-ng's (±10%)")
if head < 0.8:
    sys.exit("FAIL: the reading did not start with the Kazakh words")
if tail < 0.8:
    sys.exit("FAIL: after the language switch the Russian reading was not heard from its beginning")
print("ok: the Kazakh caption read aloud, then the Russian from its beginning after the switch and a tap")
PY
