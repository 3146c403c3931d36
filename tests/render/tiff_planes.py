#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""tiff_planes.py RAW W H KIND BITS LAYOUT COMPRESSION ICC OUT - write a TIFF
with each sample in a plane of its own (PlanarConfiguration 2) from RAW,
W x H pixels of interleaved samples as ImageMagick writes them with
`-endian LSB` to cmyk:, cmyka:, rgb: or rgba: (KIND); BITS 8 or 16; LAYOUT
strips (16 rows each) or tiles (64x64); COMPRESSION none or zip; ICC a
profile to embed, or "-". For tests/render/pictures.sh: ImageMagick writes
separate planes only for RGB and tiffcp only for 8 bits, so no Debian tool
writes 16-bit CMYK in planes, as scanner software does."""
import struct
import sys
import zlib

raw, w, h, kind, bits, layout, comp, icc, out = sys.argv[1:10]
w, h, bits = int(w), int(h), int(bits)
samples = len(kind)
data = open(raw, "rb").read()
b = bits // 8
assert len(data) == w * h * samples * b, "RAW is not W x H pixels of KIND"
# one plane per sample: rows of w samples of b bytes
planes = []
for s in range(samples):
    plane = bytearray(w * h * b)
    for i in range(w * h):
        plane[i * b:(i + 1) * b] = data[(i * samples + s) * b:(i * samples + s + 1) * b]
    planes.append(bytes(plane))

TW = TL = 64
RPS = 16
chunks = []  # plane-major, as the TIFF numbers strips and tiles
for plane in planes:
    if layout == "tiles":
        for ty in range(0, h, TL):
            for tx in range(0, w, TW):
                tile = bytearray(TW * TL * b)  # edge tiles padded
                for r in range(min(TL, h - ty)):
                    n = min(TW, w - tx) * b
                    start = ((ty + r) * w + tx) * b
                    tile[r * TW * b:r * TW * b + n] = plane[start:start + n]
                chunks.append(bytes(tile))
    else:
        for y in range(0, h, RPS):
            chunks.append(plane[y * w * b:min(y + RPS, h) * w * b])
if comp == "zip":
    chunks = [zlib.compress(c) for c in chunks]

body = bytearray(b"II*\x00\x00\x00\x00\x00")
offsets = []
for c in chunks:
    offsets.append(len(body))
    body += c
    if len(body) % 2:
        body += b"\x00"


def array(fmt, values):
    """the offset of values written after the pixels"""
    global body
    at = len(body)
    body += struct.pack("<%d%s" % (len(values), fmt), *values)
    if len(body) % 2:
        body += b"\x00"
    return at


cmyk = kind.startswith("cmyk")
alpha = samples == (5 if cmyk else 4)
entries = [(256, 4, 1, w), (257, 4, 1, h)]
entries.append((258, 3, samples, array("H", [bits] * samples)))
entries.append((259, 3, 1, 8 if comp == "zip" else 1))
entries.append((262, 3, 1, 5 if cmyk else 2))
entries.append((277, 3, 1, samples))
entries.append((284, 3, 1, 2))
offs = array("I", offsets)
counts = array("I", [len(c) for c in chunks])
if layout == "tiles":
    entries += [(322, 3, 1, TW), (323, 3, 1, TL), (324, 4, len(chunks), offs), (325, 4, len(chunks), counts)]
else:
    entries += [(273, 4, len(chunks), offs), (278, 3, 1, RPS), (279, 4, len(chunks), counts)]
if alpha:
    entries.append((338, 3, 1, 2))  # unassociated alpha
if icc != "-":
    profile = open(icc, "rb").read()
    entries.append((34675, 7, len(profile), array("B", list(profile))))
entries.sort()
ifd = len(body)
body += struct.pack("<H", len(entries))
for tag, typ, count, value in entries:
    inline = typ == 3 and count == 1
    body += struct.pack("<HHI", tag, typ, count)
    body += struct.pack("<HH", value, 0) if inline else struct.pack("<I", value)
body += struct.pack("<I", 0)
body[4:8] = struct.pack("<I", ifd)
open(out, "wb").write(body)
