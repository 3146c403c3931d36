#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""make_bad_content.py - write the bad-content corpus in tests/fixtures/bad_content.

    python3 tests/tools/make_bad_content.py          # from the repository root

One exhibition folder per case (its folder name is its id). The files are
small and committed; run this again only to change the corpus, then look at
the diff. Needs ImageMagick's `convert` and a C compiler with libjpeg's
headers (for tests/tools/mkcmyk.c). The cases that cannot or should not be
committed - a 50 MB manifest, 10,000 levels of nesting, a symbolic link out
of the folder, a FIFO - are made at test time by tests/bad_content/run.sh.

Every image that must display correctly shows the same picture, REFERENCE
below (four coloured quarters and an arrow pointing up), however it is
stored: turned by any EXIF orientation, CMYK, YCCK, 16-bit, paletted,
progressive, lossless WebP. So their screenshots are compared with one
golden image, and a wrong turn or a wrong colour shows at once.
"""
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "tests", "fixtures", "bad_content")

# 640x320: red, green, blue and cream quarters; a black arrow pointing up
# in the middle. Sharp edges (+antialias) so a paletted PNG holds it exactly.
REFERENCE = ["-size", "640x320", "xc:#f0e8d0", "+antialias",
             "-fill", "#c81e1e", "-draw", "rectangle 0,0 319,159",
             "-fill", "#1e9632", "-draw", "rectangle 320,0 639,159",
             "-fill", "#1e3cc8", "-draw", "rectangle 0,160 319,319",
             "-fill", "black", "-draw", "polygon 320,50 250,150 390,150",
             "-draw", "rectangle 295,150 345,270"]
JPEG = ["-quality", "95", "-sampling-factor", "1x1"]

# A text slide after each broken image: the rest of the exhibition works.
AFTER = {"text": {"kk": "Келесі слайд жұмыс істейді: ә ғ қ ң ө ұ ү һ і",
                  "ru": "Следующий слайд работает",
                  "en": "The next slide works"}}

# What the stored picture must be turned by, so that the viewer, applying
# EXIF orientation o, shows REFERENCE upright (ImageMagick's operators).
STORE_FOR = {1: [], 2: ["-flop"], 3: ["-rotate", "180"], 4: ["-flip"],
             5: ["-transpose"], 6: ["-rotate", "270"], 7: ["-transverse"],
             8: ["-rotate", "90"]}


def run(*args):
    subprocess.run(list(args), check=True)


def convert(*args):
    """ImageMagick, without the dates and comments it would write into
    PNG and WebP files, so that running this again changes nothing."""
    run("convert", *args[:-1], "-strip", "-define", "png:exclude-chunks=date,time", args[-1])


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(path, mode, **({} if mode == "wb" else {"encoding": "utf-8", "newline": ""})) as f:
        f.write(data)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def json_text(obj, indent=2):
    import json
    return json.dumps(obj, ensure_ascii=False, indent=indent) + "\n"


def case(name, title, slides, files=()):
    """An exhibition folder: its manifest and (path, bytes) files."""
    d = os.path.join(OUT, name)
    for rel, data in files:
        write(os.path.join(d, rel), data)
    write(os.path.join(d, "exhibition.json"), json_text({"title": title, "slides": slides}))


def one_image(name, title, rel, data):
    case(name, title, [{"image": rel}], [(rel, data)])


def broken_image(name, title, rel, data):
    case(name, title, [{"image": rel}, AFTER], [(rel, data)] if data is not None else [])


# ---- JPEG byte surgery ------------------------------------------------------

def segments(jpeg):
    """(marker, start, end) of each marker segment up to the first SOS."""
    out, pos = [], 2
    while pos < len(jpeg):
        assert jpeg[pos] == 0xFF
        m = jpeg[pos + 1]
        length = struct.unpack(">H", jpeg[pos + 2:pos + 4])[0]
        out.append((m, pos, pos + 2 + length))
        if m == 0xDA:
            break
        pos += 2 + length
    return out


def with_exif(jpeg, orientation):
    """jpeg with an APP1 Exif segment (little-endian TIFF, IFD0 holding
    Orientation) right after SOI, as cameras write it."""
    tiff = b"II*\x00" + struct.pack("<I", 8) + struct.pack("<H", 1)
    tiff += struct.pack("<HHIHH", 0x0112, 3, 1, orientation, 0) + struct.pack("<I", 0)
    payload = b"Exif\x00\x00" + tiff
    app1 = b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload
    return jpeg[:2] + app1 + jpeg[2:]


def sof_patched(jpeg, precision=None, size=None):
    for m, start, _ in segments(jpeg):
        if m in (0xC0, 0xC1, 0xC2):
            b = bytearray(jpeg)
            if precision is not None:
                b[start + 4] = precision
            if size is not None:
                b[start + 5:start + 9] = struct.pack(">HH", size[1], size[0])
            return bytes(b)
    raise ValueError("no frame header")


def many_scans(progressive, times):
    """The scans of a progressive JPEG repeated `times` over."""
    first_sos = [s for s in segments(progressive) if s[0] == 0xDA][0][1]
    end = progressive.rindex(b"\xff\xd9")
    return progressive[:first_sos] + progressive[first_sos:end] * times + b"\xff\xd9"


# ---- PNG, WebP by hand ----------------------------------------------------------

def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_claiming(w, h):
    """A valid-looking PNG whose header claims w x h pixels (and holds a few)."""
    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) +
            png_chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + png_chunk(b"IEND", b""))


def webp_claiming(w, h):
    """An extended WebP (VP8X) whose canvas is w x h pixels, and nothing else."""
    vp8x = struct.pack("<I", 0) + struct.pack("<I", w - 1)[:3] + struct.pack("<I", h - 1)[:3]
    body = b"WEBP" + b"VP8X" + struct.pack("<I", len(vp8x)) + vp8x
    return b"RIFF" + struct.pack("<I", len(body)) + body


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    tmp = tempfile.mkdtemp()
    try:
        build(tmp)
    finally:
        shutil.rmtree(tmp)
    print("wrote", OUT)


def build(tmp):
    t = lambda name: os.path.join(tmp, name)
    mkcmyk = t("mkcmyk")
    run("cc", "-O1", "-o", mkcmyk, os.path.join(ROOT, "tests", "tools", "mkcmyk.c"), "-ljpeg")

    convert(*REFERENCE, t("ref.png"))
    convert(t("ref.png"), "-resize", "64x32", t("small.png"))
    convert(t("ref.png"), *JPEG, t("ref.jpg"))
    ref_jpg = read(t("ref.jpg"))

    # -- images that must look exactly like REFERENCE --------------------------
    one_image("jpeg-plain", "JPEG", "images/photo.jpg", ref_jpg)
    for o in range(1, 9):
        convert(t("ref.png"), *STORE_FOR[o], *JPEG, t("o.jpg"))
        one_image("jpeg-exif-%d" % o, "EXIF %d" % o, "images/photo.jpg",
                  with_exif(read(t("o.jpg")), o))
    convert(t("ref.png"), "ppm:" + t("ref.ppm"))
    for mode, name, title in [("adobe", "jpeg-cmyk-adobe", "CMYK (Adobe)"),
                              ("ycck", "jpeg-ycck", "YCCK (Adobe)"),
                              ("plain", "jpeg-cmyk-plain", "CMYK")]:
        run(mkcmyk, t("ref.ppm"), t("c.jpg"), mode)
        one_image(name, title, "images/photo.jpg", read(t("c.jpg")))
    convert(t("ref.png"), *JPEG, "-interlace", "JPEG", t("prog.jpg"))
    one_image("jpeg-progressive", "Progressive JPEG", "images/photo.jpg", read(t("prog.jpg")))
    convert(t("ref.png"), "-depth", "16", "png48:" + t("p16.png"))
    one_image("png-16bit", "PNG 16-bit", "images/scan.png", read(t("p16.png")))
    convert(t("ref.png"), "png8:" + t("p8.png"))
    one_image("png-palette", "PNG palette", "images/map.png", read(t("p8.png")))
    convert(t("ref.png"), "-define", "webp:lossless=true", t("l.webp"))
    one_image("webp-lossless", "WebP lossless", "images/photo.webp", read(t("l.webp")))
    # Cyrillic letters, spaces and a comma in folder and file names
    rel = "суреттер мен/Қарағанды лагері, 1937 ж.jpg"
    one_image("names-cyrillic-spaces", "Қарағанды", rel, ref_jpg)
    # a Windows editor's file: byte-order mark and CRLF line ends
    d = os.path.join(OUT, "manifest-bom-crlf")
    write(os.path.join(d, "images/photo.jpg"), ref_jpg)
    text = json_text({"title": {"kk": "Әліппе", "ru": "Азбука", "en": "BOM and CRLF"},
                      "slides": [{"image": "images/photo.jpg"}]})
    write(os.path.join(d, "exhibition.json"), "\ufeff" + text.replace("\n", "\r\n"))
    # duplicate keys: an error each, the last one is used
    d = os.path.join(OUT, "manifest-duplicate-keys")
    write(os.path.join(d, "images/photo.jpg"), ref_jpg)
    write(os.path.join(d, "exhibition.json"),
          '{\n  "title": "Duplicate keys",\n  "title": "Екі кілт",\n  "slides": [\n'
          '    {"image": "images/missing.jpg", "image": "images/photo.jpg"}\n  ]\n}\n')

    # -- images with their own golden: greyscale, transparency --------------------
    convert(t("ref.png"), "-colorspace", "Gray", *JPEG, t("g.jpg"))
    one_image("jpeg-grey", "Greyscale JPEG", "images/photo.jpg", read(t("g.jpg")))
    # transparent to the right: flattened onto the background colour
    alpha = ["(", "-size", "320x640", "gradient:white-black", "-rotate", "-90", ")",
             "-alpha", "off", "-compose", "CopyOpacity", "-composite"]
    convert(t("ref.png"), *alpha, "png32:" + t("a.png"))
    one_image("png-alpha", "PNG alpha", "images/drawing.png", read(t("a.png")))
    convert(t("ref.png"), "-colorspace", "Gray", *alpha, "-define", "png:color-type=4",
            "-depth", "8", t("ga.png"))
    one_image("png-grey-alpha", "PNG grey + alpha", "images/drawing.png", read(t("ga.png")))
    convert(t("ref.png"), *alpha, "-quality", "90", "-define", "webp:alpha-quality=100",
            t("a.webp"))
    one_image("webp-alpha", "WebP alpha", "images/drawing.webp", read(t("a.webp")))

    # -- broken images: a placeholder, then the next slide -------------------------
    broken_image("image-empty", "Empty file", "images/photo.jpg", b"")
    broken_image("image-truncated-jpeg", "Truncated JPEG", "images/photo.jpg",
                 ref_jpg[:len(ref_jpg) // 2])
    ref_png = read(t("ref.png"))
    broken_image("image-truncated-png", "Truncated PNG", "images/scan.png",
                 ref_png[:len(ref_png) // 2])
    for kind, name, title in [("pcx", "image-pcx-as-jpg", "PCX named .jpg"),
                              ("gif", "image-gif-as-jpg", "GIF named .jpg"),
                              ("bmp3", "image-bmp-as-jpg", "BMP named .jpg")]:
        convert(t("small.png"), kind + ":" + t("x"))
        broken_image(name, title, "images/photo.jpg", read(t("x")))
    # a TIFF is shown whatever its name; this one ends before its directory
    # (ImageMagick writes it after the pixels), so libtiff cannot open it
    convert(t("small.png"), "tiff:" + t("x"))
    broken_image("image-tiff-as-jpg", "TIFF named .jpg", "images/photo.jpg", read(t("x"))[:200])
    broken_image("image-html-as-jpg", "HTML named .jpg", "images/photo.jpg",
                 b"<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>\n"
                 b"<body><h1>Not Found</h1></body></html>\n")
    broken_image("image-huge-png", "PNG 100000x100000", "images/scan.png",
                 png_claiming(100000, 100000))
    broken_image("image-huge-jpeg", "JPEG 65000x65000", "images/photo.jpg",
                 sof_patched(ref_jpg, size=(65000, 65000)))
    broken_image("image-huge-webp", "WebP 100000x100000", "images/photo.webp",
                 webp_claiming(100000, 100000))
    broken_image("image-12bit-jpeg", "12-bit JPEG", "images/photo.jpg",
                 sof_patched(ref_jpg, precision=12))
    convert(t("small.png"), *JPEG, "-interlace", "JPEG", t("small-prog.jpg"))
    broken_image("image-many-scans", "JPEG of 110 scans", "images/photo.jpg",
                 many_scans(read(t("small-prog.jpg")), 11))

    # -- paths that may not be followed -------------------------------------------------
    broken_image("path-dotdot", "..", "../jpeg-plain/images/photo.jpg", None)
    broken_image("path-absolute", "Absolute path", "/etc/hostname", None)
    case("path-backslash", "Backslash", [{"image": "images\\photo.jpg"}, AFTER],
         [("images/photo.jpg", ref_jpg)])
    broken_image("path-missing", "Missing", "images/missing.jpg", None)
    # a link that stays inside the folder is fine (images/alias.jpg -> photo.jpg,
    # made at test time, as are the link out of the folder and the FIFO below)
    case("path-symlink-inside", "Symbolic link inside", [{"image": "images/alias.jpg"}],
         [("images/photo.jpg", ref_jpg)])
    # images/photo.jpg becomes a link out of the folder, and a FIFO, at test time
    broken_image("path-symlink-out", "Symbolic link", "images/photo.jpg", None)
    broken_image("path-fifo", "FIFO", "images/photo.jpg", None)

    # -- manifests that cannot be read: the exhibition is skipped -----------------------
    d = os.path.join(OUT, "manifest-invalid-utf8")
    write(os.path.join(d, "exhibition.json"),
          b'{\n  "title": "Invalid UTF-8",\n  "slides": [\n    {"text": "'
          + "Караганда".encode("cp1251") + b'"}\n  ]\n}\n')
    d = os.path.join(OUT, "manifest-utf16")
    write(os.path.join(d, "exhibition.json"),
          json_text({"title": "UTF-16", "slides": [{"text": "Сәлем"}]}).encode("utf-16"))
    d = os.path.join(OUT, "manifest-syntax-error")
    write(os.path.join(d, "exhibition.json"),
          '{\n  "title": "Syntax error",\n  "slides": [\n    {"text": "one"},\n  ]\n}\n')


if __name__ == "__main__":
    sys.exit(main())
