#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""view_colours.py VIEW.rgb REFERENCE - which of the reference's colours
("r g b" lines, 0..255) the pixels of VIEW.rgb (raw 8-bit RGB, as
`convert ... rgb:-` writes) are, within Delta E 1: prints, on one line, the
share of the pixels that are each colour, in the reference's order, then
the share that is none of them (mixed: averaged, blurred, or wrong). A view
of a picture's own pixels, decoded in the right colours, has next to none."""
import collections
import sys

from delta_e import delta_e, read

ref = [tuple(int(c) for c in line) for line in read(sys.argv[2])]
data = open(sys.argv[1], "rb").read()
counts = collections.Counter(data[i:i + 3] for i in range(0, len(data) - 2, 3))
share = [0] * (len(ref) + 1)
for px, n in counts.items():
    d = [delta_e(tuple(px), r) for r in ref]
    best = min(range(len(ref)), key=d.__getitem__)
    share[best if d[best] <= 1 else len(ref)] += n
total = sum(counts.values())
print(" ".join("%.4f" % (s / total) for s in share))
