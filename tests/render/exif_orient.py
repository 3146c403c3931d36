#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""exif_orient.py IN OUT ORIENTATION - give a PNG an eXIf chunk, or a simple
(VP8/VP8L) WebP the extended form with an EXIF chunk, saying EXIF
orientation ORIENTATION; the pixels stay as they are. For
tests/render/pictures.sh: no Debian tool writes these two."""
import struct
import sys
import zlib

src, dst, orientation = sys.argv[1], sys.argv[2], int(sys.argv[3])
# a little-endian TIFF structure: IFD0 with one entry, tag 0x0112
tiff = b"II*\x00" + struct.pack("<I", 8) + struct.pack("<H", 1)
tiff += struct.pack("<HHIHH", 0x0112, 3, 1, orientation, 0) + struct.pack("<I", 0)
data = open(src, "rb").read()
if data.startswith(b"\x89PNG"):
    ihdr_end = 8 + 8 + 13 + 4
    chunk = struct.pack(">I", len(tiff)) + b"eXIf" + tiff
    chunk += struct.pack(">I", zlib.crc32(b"eXIf" + tiff) & 0xFFFFFFFF)
    out = data[:ihdr_end] + chunk + data[ihdr_end:]
else:
    assert data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    first = data[12:]
    kind = first[:4]
    body = first[8:]
    if kind == b"VP8L":
        bits = struct.unpack("<I", body[1:5])[0]
        w, h = (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    else:
        w, h = struct.unpack("<H", body[6:8])[0] & 0x3FFF, struct.unpack("<H", body[8:10])[0] & 0x3FFF
    vp8x = b"VP8X" + struct.pack("<I", 10) + bytes([0x08, 0, 0, 0])
    vp8x += struct.pack("<I", w - 1)[:3] + struct.pack("<I", h - 1)[:3]
    exif = b"EXIF" + struct.pack("<I", len(tiff)) + tiff + (b"\x00" if len(tiff) & 1 else b"")
    payload = b"WEBP" + vp8x + first + exif
    out = b"RIFF" + struct.pack("<I", len(payload)) + payload
open(dst, "wb").write(out)
