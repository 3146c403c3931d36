#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# vitrine --check on an exhibition with films, sound and subtitles made here
# with ffmpeg: each file is probed through vitrine-media, a broken SRT is
# named at file:line:col, a film that is no film, a sound-only file given as
# a film and subtitles that hold none are errors at their slide.
#   check_media.sh VITRINE EXPECTED
set -eu
vitrine=$1 expected=$2
dir=$(mktemp -d /tmp/vitrine-check-media-XXXXXX)
trap 'rm -rf "$dir"' EXIT
ex=$dir/films
mkdir -p "$ex/films"
ff() { ffmpeg -v error -y "$@"; }
ff -f lavfi -i color=c=blue:s=160x90:r=10:d=2 -f lavfi -i sine=f=440:d=2 \
    -c:v libx264 -preset ultrafast -c:a aac -metadata:s:a:0 language=kaz -shortest "$ex/films/good.mp4"
ff -f lavfi -i sine=f=440:d=1 "$ex/films/voice.ogg"
head -c 5000 /dev/urandom >"$ex/films/noise.mp4"
printf '1\n00:00:00,000 --> 00:00:02,000\nСәлем\n' >"$ex/films/kk.srt"
printf '1\n00:00:00,000 --> 00:00:02,000\nok\n\n2\n00:00:03,000 --> 00:00:01,000\nback\n' >"$ex/films/ru.srt"
printf 'just words, no cues\n' >"$ex/films/en.srt"
cat >"$ex/exhibition.json" <<'JSON'
{
  "title": "Films",
  "languages": ["kk", "ru", "en"],
  "slides": [
    {"video": "films/good.mp4", "title": "A good film",
     "subtitles": {"kk": "films/kk.srt", "ru": "films/ru.srt"},
     "narration": {"kk": "films/voice.ogg"}},
    {"video": "films/noise.mp4", "title": "Noise"},
    {"video": "films/voice.ogg", "title": "Sound only"},
    {"video": "films/good.mp4", "title": "Subtitles that are none",
     "subtitles": {"en": "films/en.srt"}, "audio": {"ru": "films/noise.mp4"}}
  ]
}
JSON
status=0
"$vitrine" --check "$ex" >"$dir/out.txt" 2>&1 || status=$?
sed "s|$dir/||g" "$dir/out.txt" >"$dir/got.txt"
if [ "${VITRINE_UPDATE_GOLDEN:-}" = 1 ]; then
    cp "$dir/got.txt" "$expected"
fi
diff -u "$expected" "$dir/got.txt"
[ "$status" = 1 ] || { echo "exit status $status, expected 1"; exit 1; }
echo "check_media: as expected"
