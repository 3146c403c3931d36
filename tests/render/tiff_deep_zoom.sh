#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Deep zoom (issue 14): a 30000x30000 pyramidal TIFF made by vips (tiles of
# 256, JPEG; white but for 1-pixel stripes in its far corner), its levels
# after it in the file (giga) or as SubIFDs (sub), and a flat,
# striped 100 MB TIFF (5800x5800 RGB, no compression, strips of 128 rows),
# each zoomed all the way in at that corner in a replay. The zoom reads the
# view only (textures.c, want_region; vitrine-tiff's TIFF_OP_REGION): the
# screenshot shows the 1-pixel stripes at full contrast, as
# jpeg_downscale.sh's 20 MP zoom does, and vitrine's peak resident memory
# stays within the zoom cache's bound, 128 MB (TexturesConfig.zoom_budget's
# default): the whole picture never is in memory, neither is its level.
# Unzoomed, the striped corner is an even grey (the screen copy averaged
# from the level that fits the screen).
# CMYK too: a CMYK TIFF with Ghostscript's SWOP profile embedded (vips
# icc_export; tiled, a 12000x12000 pyramid in 8 bits and flat 8000x8000 in
# 16, both past the zoom budget, so the zoom reads regions), its far
# corner 1-pixel stripes with patches of five colours on them, zoomed in the
# same way: the view is the corner's own pixels in the colours lcms gives
# them (tificc of the corner alone), every pixel within Delta E 1 of one of
# the seven, next to none mixed.
#   tiff_deep_zoom.sh VITRINE PYTHON3 OUTDIR
set -eu
vitrine=$1 python=$2 out=$3
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$out" && mkdir -p "$out/ex/giga" "$out/ex/sub" "$out/ex/flat" "$out/ex/cmyk" "$out/ex/cmyk16" && cd "$out"
convert -size 2x1 xc:black -fill white -draw 'point 1,0' -write mpr:t +delete -size 2048x2048 tile:mpr:t stripes.png
vips embed stripes.png 'ex/giga/giga.tif[tile,pyramid,compression=jpeg,Q=95,tile-width=256,tile-height=256]' \
    27952 27952 30000 30000 --extend white
vips embed stripes.png 'ex/sub/sub.tif[tile,pyramid,subifd,compression=jpeg,Q=95,tile-width=256,tile-height=256]' \
    27952 27952 30000 30000 --extend white
vips colourspace stripes.png stripes3.v srgb
vips embed stripes3.v 'ex/flat/flat.tif[compression=none]' 3752 3752 5800 5800 --extend white
rm -f stripes3.v
# the CMYK corner: stripes, and a 96-pixel patch in every 256-pixel cell
"$python" -c '
import sys
n, colours = 2048, [(200, 30, 30), (30, 180, 60), (40, 80, 200), (230, 200, 50), (128, 128, 128)]
img = bytearray(bytes([0, 0, 0, 255, 255, 255]) * (n // 2) * n)
for cy in range(n // 256):
    for cx in range(n // 256):
        c = bytes(colours[(cx + cy) % 5]) * 96
        for y in range(cy * 256 + 80, cy * 256 + 176):
            at = (y * n + cx * 256 + 80) * 3
            img[at:at + 96 * 3] = c
sys.stdout.buffer.write(b"P6 %d %d 255\n" % (n, n) + img)' >corner.ppm
swop=/usr/share/color/icc/ghostscript/default_cmyk.icc
for depth in 8 16; do
    # a flat one is read whole for the screen copy, every pixel through the
    # profile (4 s for 12000x12000 in 16 bits here, near the 30 s deadline
    # on a loaded machine under ASan): smaller
    ex=cmyk16 pyramid="" side=8000
    [ $depth = 8 ] && ex=cmyk pyramid=,pyramid side=12000
    vips icc_export corner.ppm corner$depth.v --output-profile $swop --depth $depth
    vips embed corner$depth.v "ex/$ex/$ex.tif[tile$pyramid,compression=deflate,tile-width=256,tile-height=256]" \
        $((side - 2048)) $((side - 2048)) $side $side --extend background --background '0 0 0 0'
    # the reference: lcms' conversion of the corner alone, its stripes and patches
    vips tiffsave corner$depth.v corner$depth.tif
    tificc corner$depth.tif corner$depth-ref.tif 2>/dev/null
    for xy in 0,0 1,0 128,128 384,128 640,128 896,128 1152,128; do
        convert corner$depth-ref.tif -format \
            "%[fx:int(255*p{$xy}.r+.5)] %[fx:int(255*p{$xy}.g+.5)] %[fx:int(255*p{$xy}.b+.5)]\n" info:
    done >"$ex-colours.txt"
    rm -f corner$depth.v
done
for ex in giga sub flat cmyk cmyk16; do
    echo "{\"title\": \"$ex\", \"languages\": [\"en\"], \"slides\": [{\"image\": \"$ex.tif\"}]}" >ex/$ex/exhibition.json
done
# the far corner is the picture's bottom right: the square picture is
# centred in the 1280x720 window, so that corner is under (0.75, 0.98)
printf 'screenshot whole.png\nwheel 0.75 0.98 40\nstate\nscreenshot zoomed.png\n' >zoom.script
fail=0
for ex in giga sub flat cmyk cmyk16; do
    mkdir -p $ex && cp zoom.script $ex/
    # peak resident memory of vitrine (and of its workers, as the kernel
    # counts waited-for children), in kB
    rss=$(cd $ex && "$python" -c '
import resource, subprocess, sys, time
t = time.monotonic()
r = subprocess.run(sys.argv[1:], stdout=open("state.txt", "w"), stderr=open("log.txt", "w"))
open("seconds.txt", "w").write("%.2f" % (time.monotonic() - t))
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss if r.returncode == 0 else -1)' \
        "$vitrine" --replay zoom.script --size 1280x720 --exhibition $ex ../ex)
    [ "$rss" -ge 0 ] || { echo "FAIL: $ex: the replay failed"; cat $ex/log.txt; fail=1; continue; }
    zoom=$(sed -n 's/.*"zoom":\([0-9.]*\).*/\1/p' $ex/state.txt)
    whole=$(convert $ex/whole.png -crop 400x200+440+260 -colorspace Gray -format '%[fx:mean]' info:)
    corner=$(convert $ex/whole.png -crop 30x30+925+675 -colorspace Gray -format '%[fx:mean] %[fx:standard_deviation]' info:)
    stats=$(convert $ex/zoomed.png -crop 400x200+440+260 -colorspace Gray -format '%[fx:mean] %[fx:standard_deviation]' info:)
    sd=${stats#* }
    echo "$ex: whole picture mean $whole, striped corner $corner (mean, sd); zoom $zoom: standard deviation $sd;" \
        "peak memory $((rss / 1024)) MB; the replay took $(cat $ex/seconds.txt) s"
    awk -v m="$whole" 'BEGIN { exit !(m > 0.95) }' ||
        { echo "FAIL: $ex: the whole picture is not white at its centre (not shown?)"; fail=1; }
    [ "$rss" -le $((128 * 1024)) ] || { echo "FAIL: $ex: peak memory $((rss / 1024)) MB is over 128 MB"; fail=1; }
    case $ex in cmyk*)
        # shares of the view: black, white, the five patches, none of them
        convert $ex/zoomed.png -crop 1000x500+140+150 -depth 8 rgb:$ex/view.rgb
        shares=$("$python" "$here/view_colours.py" $ex/view.rgb $ex-colours.txt)
        echo "$ex: zoomed view's pixels as black, white, five patches, none: $shares"
        echo "$shares" | awk '{ for (i = 1; i <= 2; i++) if ($i < 0.3) exit 1
            for (i = 3; i <= 7; i++) if ($i < 0.005) exit 1
            exit !($8 < 0.01) }' ||
            { echo "FAIL: $ex: zoomed in, the view is not the corner's own pixels in lcms' colours"; fail=1; }
        continue ;;
    esac
    awk -v m="${corner% *}" -v s="${corner#* }" 'BEGIN { exit !(m > 0.4 && m < 0.6 && s < 0.1) }' ||
        { echo "FAIL: $ex: unzoomed, the striped corner is not an even grey"; fail=1; }
    awk -v s="$sd" 'BEGIN { exit !(s > 0.4) }' ||
        { echo "FAIL: $ex: zoomed in, the 1-pixel stripes are not sharp (not its own pixels)"; fail=1; }
done
[ $fail -eq 0 ] && echo "tiff deep zoom: ok"
exit $fail
