#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The bad-content suite: one exhibition folder per case (tests/fixtures/
# bad_content, written by tests/tools/make_bad_content.py) plus the cases made
# here, at test time, because they are big or cannot be committed: a 50 MB
# manifest, 10,000 levels of nesting, symbolic links and a FIFO.
#
#   run.sh check  VITRINE IMGDIFF OUTDIR   the exact --check output of the
#                                          corpus: tests/bad_content/check.expected
#   run.sh kiosk  VITRINE IMGDIFF OUTDIR   the corpus as one kiosk, replayed
#                                          (kiosk.script): the state lines must
#                                          equal kiosk.expected, the screenshots
#                                          the golden images, and each reason
#                                          must be logged once
#
# A screenshot NAME--CASE.png is compared with tests/golden/bad_content_suite/
# NAME.png: every image that must look like the reference picture is held
# against the same golden, as is every placeholder. Accept new output on
# purpose with VITRINE_UPDATE_GOLDEN=1 (only NAME.png files are copied).
set -eu
mode=$1 vitrine=$2 imgdiff=$3 out=$4
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
golden=$root/tests/golden/bad_content_suite

rm -rf "$out" && mkdir -p "$out"
corpus=$out/corpus
cp -R "$root/tests/fixtures/bad_content" "$corpus"

# -- the cases made here ---------------------------------------------------
# 10,000 levels of arrays inside the top-level object
d=$corpus/manifest-nesting-10000 && mkdir -p "$d"
{
    printf '{"title": "Nesting", "slides": [{"text": "x"}],\n "deep": '
    yes '[' | head -n 10000 | tr -d '\n'
    yes ']' | head -n 10000 | tr -d '\n'
    printf '}\n'
} >"$d/exhibition.json"
# exactly 50 MiB: a valid manifest with a long string in it
d=$corpus/manifest-50mb && mkdir -p "$d"
pre='{"title": "50 MB", "slides": [{"text": "x"}], "pad": "'
post='"}'
{
    printf "%s" "$pre"
    head -c $((52428800 - ${#pre} - ${#post})) /dev/zero | tr '\0' 'a'
    printf "%s" "$post"
} >"$d/exhibition.json"
# a link inside the folder (fine), one out of it, and a FIFO where an image should be
ln -s photo.jpg "$corpus/path-symlink-inside/images/alias.jpg"
mkdir -p "$corpus/path-symlink-out/images" "$corpus/path-fifo/images"
ln -s ../../jpeg-plain/images/photo.jpg "$corpus/path-symlink-out/images/photo.jpg"
mkfifo "$corpus/path-fifo/images/photo.jpg"

cd "$out"
fail=0
case "$mode" in
check)
    status=0
    "$vitrine" --check corpus >check.txt 2>&1 || status=$?
    if [ "${VITRINE_UPDATE_GOLDEN:-}" = 1 ]; then
        cp check.txt "$here/check.expected"
        echo "updated $here/check.expected"
        exit 0
    fi
    diff -u "$here/check.expected" check.txt || { echo "--check output differs"; fail=1; }
    [ "$status" -eq 1 ] || { echo "--check exited $status, expected 1"; fail=1; }
    ;;
kiosk)
    status=0
    "$vitrine" --replay "$here/kiosk.script" --size 960x540 corpus >stdout.txt 2>stderr.txt ||
        status=$?
    if [ "$status" -ne 0 ]; then
        echo "vitrine --replay exited $status"; cat stderr.txt; exit 1
    fi
    if [ "${VITRINE_UPDATE_GOLDEN:-}" = 1 ]; then
        cp stdout.txt "$here/kiosk.expected"
        mkdir -p "$golden"
        for png in *.png; do
            case "$png" in *--*) ;; *) cp "$png" "$golden/$png" ;; esac
        done
        echo "updated $here/kiosk.expected and $golden"
        exit 0
    fi
    diff -u "$here/kiosk.expected" stdout.txt || { echo "state output differs"; fail=1; }
    for png in *.png; do
        want=${png%%--*}
        want=${want%.png}.png
        if [ ! -e "$golden/$want" ]; then
            echo "no golden image $golden/$want for $png"; fail=1; continue
        fi
        "$imgdiff" "$png" "$golden/$want" 1.5 "diff-$png" >/dev/null ||
            { echo "  $png differs from $want (see $out/diff-$png)"; fail=1; }
    done
    # Each reason is logged once, however often the slide is drawn: the
    # images that fail only when decoded, and the manifests' problems.
    for what in "image: corpus/image-truncated-jpeg/images/photo.jpg: the file ends" \
                "image: corpus/image-truncated-png/images/scan.png: the file ends" \
                "image: corpus/image-many-scans/images/photo.jpg: it is a progressive JPEG" \
                "corpus/path-missing/exhibition.json:5:16: error: image" \
                "corpus/manifest-50mb/exhibition.json:0:0: error: file is too large"; do
        n=$(grep -c -F "$what" stderr.txt || true)
        [ "$n" -eq 1 ] || { echo "logged $n times, not once: $what"; fail=1; }
    done
    ;;
*)
    echo "usage: run.sh check|kiosk VITRINE IMGDIFF OUTDIR" >&2
    exit 2
    ;;
esac
[ "$fail" -eq 0 ] && echo "bad content ($mode): ok"
exit $fail
