#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A film's scrub bar, volume and poster as a visitor sees them (vitrine
# --replay, headless, on the virtual clock): the bar's knob at the film's
# start and its length as m:ss; a finger put down on the bar at 80% shows
# the film 10.4 s in (red) and the knob there; the same finger dragged fast
# along the bar to 20%, a swipe anywhere else, seeks back (blue) and turns
# no page; the volume meter lights no more bars than the staff's maximum
# (media.max_volume 50) and one bar fewer after "quieter"; a film that
# cannot be played shows its poster around the grey box (the poster is the
# picture under the film until its first frame), and no scrub bar: its
# length is not known (the previous film's must not linger).
#   film_controls.sh VITRINE
set -eu
vitrine=$1
dir=$(mktemp -d /tmp/vitrine-film-controls-XXXXXX)
[ -n "${KEEP:-}" ] || trap 'rm -rf "$dir"' EXIT
ex=$dir/fx
mkdir -p "$ex/films"
# blue for 10 s, then red for 3 s
ffmpeg -v error -filter_complex \
    "color=c=0x2060d0:s=640x360:r=25:d=10[a];color=c=red:s=640x360:r=25:d=3[b];[a][b]concat=n=2:v=1:a=0" \
    -c:v libx264 -preset ultrafast -g 250 "$ex/films/film.mp4"
convert -size 640x360 xc:'#20B040' "$ex/films/poster.png"
head -c 4000 /dev/urandom >"$ex/films/noise.mp4"
cat >"$ex/exhibition.json" <<'JSON'
{"id": "fx", "title": "Films", "languages": ["kk", "ru", "en"],
 "slides": [
   {"video": "films/film.mp4", "title": "A film"},
   {"video": "films/noise.mp4", "title": "Noise", "poster": "films/poster.png"},
   {"text": "After the films"}
 ]}
JSON
printf '{"media": {"max_volume": 50}}\n' >"$dir/settings.json"
# the bar at 1280x720: track from x 110 to 1170 at y 172 (0.239 of the height)
cat >"$dir/films.script" <<'SCRIPT'
open fx 1
lang en
screenshot start.png
finger-down 0.7484 0.239
finger-up 0.7484 0.239
screenshot at80.png
swipe 0.7484 0.239 0.2516 0.239 300
screenshot at20.png
tap 0.8242 0.157
screenshot quieter.png
key Right
wait 2000
screenshot poster.png
SCRIPT
cd "$dir"
"$vitrine" --replay films.script --size 1280x720 --settings settings.json "$ex" >stdout.txt 2>stderr.txt ||
    { echo "vitrine --replay failed"; cat stderr.txt; exit 1; }
fail=0
px() { convert "$1" -crop "1x1+$2+$3" -depth 8 txt:- | sed -n 's/.*#\([0-9A-F]\{6\}\).*/\1/p'; }
near() { # near HEX HEX: every channel within 16
    python3 -c "import sys; a, b = sys.argv[1:]; sys.exit(0 if all(abs(int(a[i:i+2], 16) - int(b[i:i+2], 16)) <= 16 for i in (0, 2, 4)) else 1)" "$1" "$2"
}
# where the knob is: the middle of the accent-coloured run on the track's row
# that is at least as tall as the knob (the played part is thinner)
knob() {
    convert "$1" -crop 1100x1+90+165 -depth 8 txt:- | python3 -c "
import sys
xs = [int(l.split(',')[0]) + 90 for l in sys.stdin if l[0].isdigit() and '#D6AC62' in l]
print((min(xs) + max(xs)) // 2 if xs else -1)"
}
bar_times() { # the two times beside the bar, by OCR
    convert "$1" -crop 90x40+30+152 -resize 300% -colorspace gray -negate "$1.l.png"
    convert "$1" -crop 90x40+1165+152 -resize 300% -colorspace gray -negate "$1.r.png"
    echo "$(tesseract "$1.l.png" - --psm 7 2>/dev/null | tr -cd '0-9:') $(tesseract "$1.r.png" - --psm 7 2>/dev/null | tr -cd '0-9:')"
}
k=$(knob start.png)
[ "$k" -ge 100 ] && [ "$k" -le 125 ] || { echo "start.png: the knob is at x $k, not at the bar's start (110)"; fail=1; }
t=$(bar_times start.png)
[ "$t" = "0:00 0:13" ] || { echo "start.png: the bar's times read \"$t\", not \"0:00 0:13\""; fail=1; }
c=$(px at80.png 640 300)
near "$c" FF0000 || { echo "at80.png: the film is #$c, not the red 10.4 s in"; fail=1; }
k=$(knob at80.png)
[ "$k" -ge 948 ] && [ "$k" -le 968 ] || { echo "at80.png: the knob is at x $k, not at 80% (958)"; fail=1; }
t=$(bar_times at80.png)
[ "$t" = "0:10 0:13" ] || { echo "at80.png: the bar's times read \"$t\", not \"0:10 0:13\""; fail=1; }
c=$(px at20.png 640 300)
near "$c" 2060D0 || { echo "at20.png: #$c, not the film's blue: the drag along the bar did not seek back (or turned the page)"; fail=1; }
k=$(knob at20.png)
[ "$k" -ge 312 ] && [ "$k" -le 332 ] || { echo "at20.png: the knob is at x $k, not at 20% (322)"; fail=1; }
# the meter: 10 bars 3 px wide from x 1096, lit (accent) up to the volume
lit() {
    n=0
    for i in 0 1 2 3 4 5 6 7 8 9; do
        near "$(px "$1" $((1097 + i * 6)) 140)" D6AC62 && n=$((n + 1))
    done
    echo $n
}
n=$(lit at80.png)
[ "$n" -eq 5 ] || { echo "at80.png: $n bars of the volume meter lit, not 5 (the staff's maximum, 50%)"; fail=1; }
n=$(lit quieter.png)
[ "$n" -eq 4 ] || { echo "quieter.png: $n bars lit after \"quieter\", not 4"; fail=1; }
c=$(px poster.png 640 300)
near "$c" 3A3A3A || { echo "poster.png: #$c where the grey box should stand for the film that cannot be played"; fail=1; }
c=$(px poster.png 300 100)
near "$c" 20B040 || { echo "poster.png: #$c around the grey box, not the poster's green"; fail=1; }
k=$(knob poster.png)
[ "$k" -eq -1 ] || { echo "poster.png: a scrub bar (knob at x $k) for a film that cannot be played: the last film's?"; fail=1; }
[ "$fail" -eq 0 ] && echo "film_controls: as a visitor sees them"
exit $fail
