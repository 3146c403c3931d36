#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A 4K and a 20-megapixel JPEG of 1-pixel black and white stripes, shown at
# 1280x720, must come out as mid-grey: nearest-neighbour or bilinear
# scaling (what a plain SDL_RenderCopy does) turns them into moire bands of
# nearly full contrast (standard deviation 0.3-0.5); DCT scaling plus an area
# average leaves at most a faint beat (measured 0.056 for 4K at a 3.55x
# ratio, 0 for 20 MP at exactly 6x). This also proves the JPEG path
# (turbojpeg with DCT scaling) shows the image, not a placeholder.
#
#   jpeg_downscale.sh VITRINE MKJPEG OUTDIR PYTHON3
set -eu
vitrine=$1 mkjpeg=$2 out=$3 python=$4
rm -rf "$out" && mkdir -p "$out/ex/stripes/images"
"$mkjpeg" "$out/ex/stripes/images/4k.jpg" 3840 2160 90 stripes
"$mkjpeg" "$out/ex/stripes/images/20mp.jpg" 5472 3648 90 stripes
cat >"$out/ex/stripes/exhibition.json" <<'JSON'
{"id": "stripes", "title": "Stripes",
 "slides": [{"image": "images/4k.jpg"}, {"image": "images/20mp.jpg"}]}
JSON
fail=0
for n in 1 2; do
    png="$out/slide$n.png"
    "$vitrine" --render "$png" --exhibition stripes --slide $n --size 1280x720 "$out/ex" 2>"$out/log$n.txt"
    # The middle of the image area (captions are off: no title, no caption).
    stats=$(convert "$png" -crop 400x200+440+260 -colorspace Gray -format '%[fx:mean] %[fx:standard_deviation]' info:)
    mean=${stats% *} sd=${stats#* }
    echo "slide $n: mean $mean, standard deviation $sd"
    awk -v m="$mean" -v s="$sd" 'BEGIN { exit !(m > 0.42 && m < 0.58 && s < 0.1) }' ||
        { echo "FAIL: slide $n is not flat grey (aliasing, or not shown)"; fail=1; }
done

# Zoomed all the way in, the 20 MP picture must show its own pixels: the
# 1-pixel stripes again at full contrast, not the grey of an enlarged
# screen-size copy (its view at 1:1, read by region).
cat >"$out/zoom.script" <<'SCRIPT'
open stripes 2
key z
key z
key z
key z
key z
key z
state
screenshot zoomed.png
SCRIPT
# Its view is read by itself (decode_jpeg.c), never the whole 80 MB: the
# peak resident memory stays within the zoom budget, 128 MB (it was 194 MB
# when the whole was decoded and made into tiles).
rss=$(cd "$out" && "$python" -c '
import resource, subprocess, sys
r = subprocess.run(sys.argv[1:], stdout=open("zoom-state.txt", "w"), stderr=open("zoom-log.txt", "w"))
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss if r.returncode == 0 else -1)' \
    "$vitrine" --replay zoom.script --size 1280x720 "$out/ex")
[ "$rss" -ge 0 ] || { echo "FAIL: the zoom replay failed"; cat "$out/zoom-log.txt"; exit 1; }
grep -o '"zoom":[0-9.]*' "$out/zoom-state.txt"
echo "zoomed 20 MP: peak memory $((rss / 1024)) MB"
[ "${VITRINE_SANITIZED:-0}" = 1 ] || [ "$rss" -le $((128 * 1024)) ] ||
    { echo "FAIL: zoomed, peak memory $((rss / 1024)) MB is over 128 MB"; fail=1; }
stats=$(convert "$out/zoomed.png" -crop 400x200+440+260 -colorspace Gray -format '%[fx:mean] %[fx:standard_deviation]' info:)
mean=${stats% *} sd=${stats#* }
echo "zoomed 20 MP: mean $mean, standard deviation $sd"
awk -v s="$sd" 'BEGIN { exit !(s > 0.4) }' ||
    { echo "FAIL: zoomed in, the 20 MP stripes are not sharp (not its own pixels)"; fail=1; }
[ $fail -eq 0 ] && echo "jpeg downscale and zoom: ok"
exit $fail
