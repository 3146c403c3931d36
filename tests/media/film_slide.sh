#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A film on its slide, as a visitor sees it (vitrine --replay, headless, on
# the virtual clock where a film stands at its first frame): the film's
# colour in the picture's place, its Kazakh subtitle read by tesseract; the
# language switched to Russian: the Russian subtitle at once; the page
# turned: the film is gone. A film file that is no film costs a grey box,
# not the kiosk.
#   film_slide.sh VITRINE
set -eu
vitrine=$1
dir=$(mktemp -d /tmp/vitrine-film-slide-XXXXXX)
[ -n "${KEEP:-}" ] || trap 'rm -rf "$dir"' EXIT
ex=$dir/fx
mkdir -p "$ex/films"
# blue for 10 s, then red: "+10" shows red, "-10" blue again
ffmpeg -v error -filter_complex \
    "color=c=0x2060d0:s=640x360:r=25:d=10[a];color=c=red:s=640x360:r=25:d=3[b];[a][b]concat=n=2:v=1:a=0" \
    -c:v libx264 -preset ultrafast -g 250 "$ex/films/film.mp4"
printf '1\n00:00:00,000 --> 00:00:10,000\nСӘЛЕМ ДОСТАР\n' >"$ex/films/kk.srt"
printf '1\n00:00:00,000 --> 00:00:10,000\nПРИВЕТ ДРУЗЬЯ\n' >"$ex/films/ru.srt"
head -c 4000 /dev/urandom >"$ex/films/noise.mp4"
cat >"$ex/exhibition.json" <<'JSON'
{"id": "fx", "title": "Films", "languages": ["kk", "ru", "en"],
 "slides": [
   {"video": "films/film.mp4", "title": "A film",
    "subtitles": {"kk": "films/kk.srt", "ru": "films/ru.srt"}},
   {"text": "After the film"},
   {"video": "films/noise.mp4", "title": "Noise"}
 ]}
JSON
cat >"$dir/films.script" <<'SCRIPT'
open fx 1
lang kk
screenshot kk.png
tap 0.5625 0.157
screenshot forward.png
tap 0.4375 0.157
screenshot back.png
tap 0.5 0.157
screenshot paused.png
lang ru
screenshot ru.png
key Right
wait 600
screenshot after.png
key Right
wait 600
screenshot noise.png
SCRIPT
cd "$dir"
"$vitrine" --replay films.script --size 1280x720 "$ex" >stdout.txt 2>stderr.txt ||
    { echo "vitrine --replay failed"; cat stderr.txt; exit 1; }
fail=0
# the colour in the middle of the picture's place
colour() { convert "$1" -crop 1x1+640+300 -depth 8 txt:- | sed -n 's/.*#\([0-9A-F]\{6\}\).*/\1/p'; }
near() { # near HEX HEX: every channel within 16
    python3 -c "import sys; a, b = sys.argv[1:]; sys.exit(0 if all(abs(int(a[i:i+2], 16) - int(b[i:i+2], 16)) <= 16 for i in (0, 2, 4)) else 1)" "$1" "$2"
}
# the subtitle band of the film's place, white letters made black on white
words() {
    convert "$1" -crop 820x70+230+465 -colorspace gray -threshold 80% -negate -resize 200% "$1.ocr.png"
    tesseract "$1.ocr.png" - -l kaz+rus+eng 2>/dev/null | tr -d '\n'
}
c=$(colour kk.png)
near "$c" 2060D0 || { echo "kk.png: the film's place is #$c, not the film's blue"; fail=1; }
w=$(words kk.png)
case "$w" in *СӘЛЕМ*) ;; *) echo "kk.png: subtitle read \"$w\", not СӘЛЕМ"; fail=1 ;; esac
c=$(colour forward.png)
near "$c" FF0000 || { echo "forward.png: #$c, not the red 10 s into the film"; fail=1; }
c=$(colour back.png)
near "$c" 2060D0 || { echo "back.png: #$c, not the blue 10 s back"; fail=1; }
# the play button: two pause bars while it plays, a triangle once paused
# (its middle, between the bars, is lit only by the triangle)
mid() { convert "$1" -crop 1x1+636+113 -depth 8 txt:- | sed -n 's/.*#\([0-9A-F]\{6\}\).*/\1/p'; }
m0=$(mid kk.png) m1=$(mid paused.png)
near "$m1" EEEAE2 || { echo "paused.png: no play triangle on the button (#$m1)"; fail=1; }
near "$m0" EEEAE2 && { echo "kk.png: a play triangle while the film plays"; fail=1; }
w=$(words ru.png)
case "$w" in *ДРУЗЬЯ*) ;; *) echo "ru.png: subtitle read \"$w\", not ПРИВЕТ ДРУЗЬЯ"; fail=1 ;; esac
c=$(colour after.png)
near "$c" 2060D0 && { echo "after.png: the film is still shown after the page turn"; fail=1; }
c=$(colour noise.png)
near "$c" 3A3A3A || { echo "noise.png: #$c where a grey box should stand for the film that cannot be played"; fail=1; }
grep -q "film cannot be played" stderr.txt || { echo "no message in the log about the film that cannot be played"; fail=1; }
[ "$fail" -eq 0 ] && echo "film_slide: as a visitor sees it"
exit $fail
