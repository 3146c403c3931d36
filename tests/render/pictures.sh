#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Faithful pictures (issue 14): every file is made here, at test time, with
# Debian's tools, decoded through vitrine's own decoders (decodeshot) and
# measured by value:
#   - SVG through librsvg: a drawing with text, a blur filter, a gradient and
#     overlapping curves matches rsvg-convert's picture of it;
#   - TIFF through libtiff: 8 and 16 bits, grey, RGB, CMYK, alpha, no
#     compression, LZW, Deflate and JPEG, strips and tiles, each against
#     ImageMagick's reading of the same file; a page of a multi-page file;
#     the Orientation tag; a 16-bit grey ramp without banding;
#   - EXIF orientation in a PNG (eXIf) and a WebP (EXIF) turns them too;
#   - HEIC and AVIF through libheif, as heif-convert decodes them, turned
#     only as libheif turns them;
#   - colour profiles: patches of known colour in an Adobe RGB TIFF, JPEG,
#     PNG, WebP and HEIC (the profile embedded) come out within a Delta E of 2 of
#     the reference conversion back to sRGB (tificc; ImageMagick's lcms),
#     and are converted to the display_profile setting's profile when set;
#     so do CMYK TIFFs (8 and 16 bits) and a CMYK JPEG through an embedded
#     CMYK profile (Ghostscript's SWOP), against tificc's and jpgicc's.
#
#   pictures.sh DECODESHOT IMGDIFF OUTDIR
set -eu
shot=$1 imgdiff=$2 out=$3
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$out" && mkdir -p "$out" && cd "$out"
fail=0
bad() { echo "FAIL: $*"; fail=1; }

# ---- SVG: librsvg, as rsvg-convert draws it ------------------------------------
cat >drawing.svg <<'SVG'
<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300" viewBox="0 0 800 600">
  <defs>
    <filter id="blur"><feGaussianBlur stdDeviation="8"/></filter>
    <linearGradient id="sky" x1="0" x2="1"><stop offset="0" stop-color="#2060c0"/>
      <stop offset="1" stop-color="#e04020"/></linearGradient>
  </defs>
  <style>text { font-family: "DejaVu Sans", sans-serif; font-size: 90px; fill: white; }</style>
  <rect width="800" height="600" fill="url(#sky)"/>
  <path d="M0,400 C200,250 400,550 800,300 L800,600 L0,600 Z" fill="#203040" opacity="0.8"/>
  <path d="M0,450 C300,350 500,600 800,420 L800,600 L0,600 Z" fill="#f0c040" opacity="0.6"/>
  <circle cx="620" cy="150" r="80" fill="white" filter="url(#blur)"/>
  <text x="40" y="140">Vitrine</text>
</svg>
SVG
"$shot" drawing.svg 800 800 svg.png >/dev/null || bad "the SVG was refused"
rsvg-convert -w 800 -h 600 -b white drawing.svg -o svg-ref.png
"$imgdiff" svg.png svg-ref.png 1.5 svg-diff.png || bad "the SVG differs from rsvg-convert's picture"
# the text is there: white letters over the blue end of the gradient
white=$(convert svg.png -crop 300x90+40+60 -format '%[fx:maxima.r>0.95 && maxima.b>0.95]' info:)
[ "$white" = 1 ] || bad "the SVG's text is missing"

# ---- TIFF: the layouts libtiff reads -------------------------------------------
convert -seed 7 -size 300x200 plasma:fractal ref.png
convert ref.png -alpha set -channel A -fx 'i/w' +channel ref-alpha.png
n=0
for comp in none lzw zip jpeg; do
    for depth in 8 16; do
        for layout in strips tiles; do
            for kind in rgb grey cmyk alpha grey-alpha cmyk-alpha; do
                [ "$comp" = jpeg ] && { [ "$depth" = 16 ] || [ "${kind#*-}" = alpha ]; } && continue
                # grey and CMYK are vitrine's own reader (8 and 16 bits, alpha
                # or not): libtiff 4.5's garbles 16-bit grey tiles past the
                # last whole tile and a grey's alpha, and has no 16-bit CMYK
                src=ref.png opt=""
                case $kind in
                grey) opt="-colorspace Gray" ;;
                cmyk) opt="-colorspace CMYK" ;;
                alpha) src=ref-alpha.png ;;
                grey-alpha) src=ref-alpha.png opt="-colorspace Gray" ;;
                cmyk-alpha) src=ref-alpha.png opt="-colorspace CMYK" ;;
                esac
                tiles=""
                [ "$layout" = tiles ] && tiles="-define tiff:tile-geometry=64x64"
                f=$comp-$depth-$layout-$kind.tif
                # shellcheck disable=SC2086
                convert $src $opt -depth $depth -compress $comp $tiles "$f"
                if [ "$kind" = cmyk-alpha ]; then # its light over white, as vitrine shows it
                    convert "$f" -colorspace sRGB -background white -flatten "$f.ref.png"
                else
                    # shellcheck disable=SC2086
                    convert $src $opt -background white -flatten -colorspace sRGB "$f.ref.png"
                fi
                size=$("$shot" "$f" 300 200 "$f.png") || { bad "$f refused: $size"; continue; }
                max=1.5
                [ "$comp" = jpeg ] && max=6
                "$imgdiff" "$f.png" "$f.ref.png" $max >/dev/null || bad "$f: $("$imgdiff" "$f.png" "$f.ref.png" $max)"
                n=$((n + 1))
            done
        done
    done
done
echo "TIFF: $n layouts read as ImageMagick reads them"

# each sample in a plane of its own (PlanarConfiguration 2, as scanner software
# writes): RGB by ImageMagick, CMYK by tiff_planes.py (no Debian tool writes
# 16-bit CMYK so), 8 and 16 bits, strips and tiles, alpha or not
n=0
for depth in 8 16; do
    for layout in strips tiles; do
        for kind in rgb rgba cmyk cmyka; do
            src=ref.png
            case $kind in *a) src=ref-alpha.png ;; esac
            f=planes-$depth-$layout-$kind.tif
            case $kind in
            rgb*)
                tiles=""
                [ "$layout" = tiles ] && tiles="-define tiff:tile-geometry=64x64"
                # shellcheck disable=SC2086
                convert $src -interlace plane -depth "$depth" -compress zip $tiles "$f"
                convert $src -background white -flatten "$f.ref.png" ;;
            cmyk*)
                convert $src -colorspace CMYK -depth "$depth" -endian LSB "$kind:$f.raw"
                python3 "$here/tiff_planes.py" "$f.raw" 300 200 $kind "$depth" $layout zip - "$f"
                convert "$f" -colorspace sRGB -background white -flatten "$f.ref.png" ;;
            esac
            size=$("$shot" "$f" 300 200 "$f.png") || { bad "$f refused: $size"; continue; }
            "$imgdiff" "$f.png" "$f.ref.png" 1.5 >/dev/null || bad "$f: $("$imgdiff" "$f.png" "$f.ref.png" 1.5)"
            n=$((n + 1))
        done
    done
done
echo "TIFF in planes: $n layouts read as ImageMagick reads them"

# the second page of three, and a page that is not there
convert -size 100x80 xc:red -size 100x80 'xc:#00ff00' -size 100x80 xc:blue pages.tif
"$shot" pages.tif 100 100 page2.png page=2 >/dev/null || bad "page 2 refused"
[ "$(convert page2.png -alpha off -format '%[pixel:p{50,40}]' info:)" = "srgb(0,255,0)" ] || bad "page 2 is not the green page"
why=$("$shot" pages.tif 100 100 page4.png page=4) && bad "page 4 of 3 was shown"
echo "$why" | grep -q "no page 4 (it has 3)" || bad "page 4: $why"

# Orientation tag 6 (RightTop): shown turned a quarter clockwise
convert ref.png -orient RightTop turned.tif
convert ref.png -rotate 90 turned.ref.png
[ "$("$shot" turned.tif 1000 1000 turned.png)" = 200x300 ] || bad "orientation 6: not turned"
"$imgdiff" turned.png turned.ref.png 1.5 >/dev/null || bad "orientation 6: not as the tag says"

# a PNG's eXIf and a WebP's EXIF orientation 6, as a camera app writes them
convert ref.png png24:plain.png
convert ref.png -define webp:lossless=true plain.webp
for f in plain.png plain.webp; do
    python3 "$here/exif_orient.py" "$f" "turned-$f" 6
    [ "$("$shot" "turned-$f" 1000 1000 "turned-$f.png")" = 200x300 ] || bad "$f with EXIF orientation 6: not turned"
    "$imgdiff" "turned-$f.png" turned.ref.png 1.5 >/dev/null || bad "$f with EXIF orientation 6: not as it says"
done

# a 16-bit grey ramp: every 8-bit level, one step at a time (no banding)
convert -size 8x4096 gradient:white-black -rotate 90 -depth 16 -colorspace Gray ramp.tif
"$shot" ramp.tif 4096 8 ramp.png >/dev/null || bad "the ramp was refused"
ramp=$(convert ramp.png -crop 4096x1+0+4 -depth 8 gray:- | python3 -c '
import sys
v = sys.stdin.buffer.read()
steps = [b - a for a, b in zip(v, v[1:])]
print(min(steps), max(steps), len(set(v)))')
echo "16-bit grey ramp: smallest step, largest step, levels: $ramp"
[ "$ramp" = "0 1 256" ] || bad "the 16-bit ramp is banded: $ramp"

# ---- HEIC and AVIF: libheif, as heif-convert decodes them ----------------------
heif-enc -q 90 ref.png -o ref.heic >/dev/null 2>&1
convert ref.png -quality 90 ref.avif # heif-enc -A trips an assertion of aom 3.6
# a phone-like photo: a JPEG turned by its EXIF orientation, made a HEIC; vitrine
# shows what libheif shows (its rotation only, no EXIF turn on top)
convert ref.png -orient RightTop -quality 95 turned.jpg
heif-enc -q 90 turned.jpg -o turned.heic >/dev/null 2>&1
for f in ref.heic ref.avif turned.heic; do
    heif-convert "$f" "$f.ref.png" >/dev/null 2>&1
    size=$("$shot" "$f" 1000 1000 "$f.png") || { bad "$f refused: $size"; continue; }
    "$imgdiff" "$f.png" "$f.ref.png" 1.5 >/dev/null || bad "$f: not as heif-convert decodes it"
done
"$imgdiff" ref.heic.png ref.png 6 >/dev/null || bad "the HEIC is far from the picture it was made of"

# ---- colour profiles ----------------------------------------------------------
adobe=/usr/share/color/icc/compatibleWithAdobeRGB1998.icc
convert -size 60x60 'xc:#c81e1e' -size 60x60 'xc:#1eb43c' -size 60x60 'xc:#2850c8' \
    -size 60x60 'xc:#e6c832' -size 60x60 'xc:#808080' +append -depth 8 -compress none patches.tif
tificc -o "$adobe" -e patches.tif adobe.tif 2>/dev/null # pixels in Adobe RGB, profile embedded
tificc adobe.tif adobe-ref.tif 2>/dev/null              # lcms' conversion back to sRGB
convert adobe.tif +profile '*' adobe-raw.png            # its numbers taken for sRGB
patches() { # the five patches' colours as "r g b" lines
    for x in 30 90 150 210 270; do
        convert "$1" -format "%[fx:int(255*p{$x,30}.r+.5)] %[fx:int(255*p{$x,30}.g+.5)] %[fx:int(255*p{$x,30}.b+.5)]\n" info:
    done
}
check_patches() { # FILE REFERENCE RAW [MAX]: FILE decoded within Delta E MAX (2)
    # of REFERENCE; RAW (the same numbers taken for sRGB) far from it, or the
    # test tells nothing
    "$shot" "$1" 300 60 "$1.png" >/dev/null || { bad "$1 was refused"; return; }
    patches "$2" >ref.txt
    patches "$1.png" >got.txt
    de=$(python3 "$here/delta_e.py" ref.txt got.txt)
    patches "$3" >got.txt
    raw=$(python3 "$here/delta_e.py" ref.txt got.txt)
    echo "patches in $1: largest Delta E $de from the reference ($raw unmanaged)"
    awk -v d="$de" -v m="${4:-2}" 'BEGIN { exit !(d <= m) }' || bad "$1: Delta E $de > ${4:-2}"
    awk -v d="$raw" 'BEGIN { exit !(d > 5) }' || bad "$1: the test cannot tell, unmanaged is only $raw off"
}
check_patches adobe.tif adobe-ref.tif adobe-raw.png
# JPEG, PNG and WebP (decoded in vitrine, lcms there): made and converted back
# to sRGB by ImageMagick (lcms too, its own sRGB profile)
srgb=/usr/share/color/icc/sRGB.icc
convert patches.tif -quality 95 patches.jpg
jpgicc -o "$adobe" -e -q 95 patches.jpg adobe.jpg 2>/dev/null
convert patches.tif -profile "$srgb" -profile "$adobe" adobe.png
convert patches.tif -profile "$srgb" -profile "$adobe" -define webp:lossless=true adobe.webp
# HEIC (libheif in vitrine-heif, lcms in vitrine): heif-enc keeps the PNG's
# profile (png24: it reads a paletted PNG's colours wrongly); its lossy
# coding alone moves the patches about 0.6
convert patches.tif -profile "$srgb" -profile "$adobe" png24:adobe-heic.png
heif-enc -q 95 adobe-heic.png -o adobe.heic >/dev/null 2>&1
for f in adobe.jpg adobe.png adobe.webp adobe.heic; do
    src=$f
    [ "$f" = adobe.heic ] && src=adobe-heic.png
    convert "$src" -profile "$srgb" "$f.ref.png"
    convert "$src" +profile '*' "$f.raw.png"
    check_patches "$f" "$f.ref.png" "$f.raw.png"
done

# CMYK through its profile: Ghostscript's SWOP profile (libgs-common) embedded
# in a CMYK TIFF and a CMYK JPEG (ImageMagick, Photoshop's inverted inks);
# the reference is lcms' own conversion to its built-in sRGB (tificc, jpgicc
# without -o), the one vitrine converts to: icc-profiles-free's sRGB.icc as
# the output gives a perceptual rendering of its own (5.6 Delta E away here:
# the red and green patches' dark channels 12 to 21 levels lighter). The raw is the same
# inks turned into light without the profile.
swop=/usr/share/color/icc/ghostscript/default_cmyk.icc
convert patches.tif -profile "$srgb" -profile "$swop" -compress none swop.tif
convert patches.tif -profile "$srgb" -profile "$swop" -depth 16 -compress zip swop16.tif
convert patches.tif -profile "$srgb" -profile "$swop" -quality 95 swop.jpg
# the 16-bit inks in planes, tiled (tiff_planes.py), the profile embedded
convert swop16.tif -depth 16 -endian LSB cmyk:swop16.raw
python3 "$here/tiff_planes.py" swop16.raw 300 60 cmyk 16 tiles zip "$swop" swop16-planes.tif
tificc swop.tif swop.tif.ref.tif 2>/dev/null
tificc swop16.tif swop16.tif.ref.tif 2>/dev/null
cp swop16.tif.ref.tif swop16-planes.tif.ref.tif # the same inks
jpgicc -q 100 swop.jpg swop.jpg.ref.jpg 2>/dev/null
# 16-bit inks reach lcms whole: within 0.1 of tificc's (0.44 when rounded to 8 bits)
for f in swop.tif swop16.tif swop16-planes.tif swop.jpg; do
    convert "$f" +profile '*' -colorspace sRGB "$f.raw.png"
    max=2
    case $f in swop16*) max=0.1 ;; esac
    check_patches "$f" "$f.ref.${f##*.}" "$f.raw.png" $max
done

# the display_profile setting: an Adobe RGB screen gets Adobe RGB numbers
# (ImageMagick's conversion, adobe.png's own), from an untagged (sRGB) TIFF
# and from the Adobe RGB PNG alike
for f in patches.tif adobe.png; do
    DECODESHOT_DISPLAY_PROFILE=$adobe "$shot" "$f" 300 60 "display-$f.png" >/dev/null || bad "$f refused"
    patches adobe.png.raw.png >ref.txt
    patches "display-$f.png" >got.txt
    de=$(python3 "$here/delta_e.py" ref.txt got.txt)
    echo "for an Adobe RGB display, $f: largest Delta E $de from ImageMagick's numbers"
    awk -v d="$de" 'BEGIN { exit !(d <= 2) }' || bad "display_profile, $f: Delta E $de > 2"
done

[ $fail -eq 0 ] && echo "pictures: ok"
exit $fail
