#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Makes the bundled sample film, memory.mp4 (about 90 KB, committed beside
# this script so a new user sees a film slide work without ffmpeg): 12 s of
# a slow warm light moving over a dark ground (its first frame lit: what a paused film or a screenshot shows), fading out, with a
# quiet low chord as its sound (the volume buttons have something to do).
# Its subtitles are the .srt files here, one per language. Run it again
# after changing it:
#   sh exhibitions/memory-alive/films/make-film.sh
set -eu
cd "$(dirname "$0")"
ffmpeg -v error -y \
    -f lavfi -i "gradients=s=480x270:r=24:d=12:c0=0x140f0b:c1=0x5a3b1e:c2=0x2a1c12:n=3:speed=0.004,format=yuv420p" \
    -f lavfi -i "aevalsrc=0.08*sin(2*PI*110*t)+0.05*sin(2*PI*165*t)+0.03*sin(2*PI*220*t):s=24000:d=12" \
    -vf "fade=out:st=10.5:d=1.5" -af "afade=in:st=0:d=2,afade=out:st=9:d=3" \
    -c:v libx264 -preset veryslow -crf 30 -tune stillimage -c:a aac -b:a 32k -ac 1 \
    -metadata:s:a:0 language=und -movflags +faststart -map_metadata -1 -fflags +bitexact \
    memory.mp4
