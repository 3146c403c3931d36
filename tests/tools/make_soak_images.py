#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""make_soak_images.py - write the pictures of the soak test's fixture.

    python3 tests/tools/make_soak_images.py          # from the repository root

The soak (docs/replay.md, `soak`) decodes pictures thousands of times in a
Debug build under AddressSanitizer, where vitrine's own pixel code
(resampling, CMYK, EXIF turns) runs unoptimised: so most of its pictures
are small, 160x80, shown as they are; one, photos/images/photo.jpg, is
912x456, which libjpeg-turbo decodes at half size for the soak's 480x270
window (so resampling has little to do) and which can be zoomed into twice
over.
They are stored in every way the kiosk must read
(EXIF turns, CMYK,
YCCK, progressive, 16-bit and paletted PNG, WebP with alpha and lossless,
grey, a truncated file). They show the bad-content suite's reference
picture (tests/tools/make_bad_content.py), scaled down. The manifests in
tests/fixtures/soak and tests/fixtures/soak-edits are written by hand.
Needs ImageMagick's `convert` and libjpeg's headers, as that script does.
"""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_bad_content as bc  # noqa: E402  (its helpers and reference picture)

SOAK = os.path.join(bc.ROOT, "tests", "fixtures", "soak")
EDITS = os.path.join(bc.ROOT, "tests", "fixtures", "soak-edits")
SIZE = "160x80"
BIG = "912x456"


def build(tmp):
    t = lambda name: os.path.join(tmp, name)
    mkcmyk = t("mkcmyk")
    bc.run("cc", "-O1", "-o", mkcmyk, os.path.join(bc.ROOT, "tests", "tools", "mkcmyk.c"), "-ljpeg")
    bc.convert(*bc.REFERENCE, t("ref640.png"))
    bc.convert(t("ref640.png"), "-resize", SIZE + "!", t("ref.png"))
    bc.convert(t("ref640.png"), "-resize", BIG + "!", t("big.png"))
    bc.convert(t("ref.png"), *bc.JPEG, t("ref.jpg"))
    ref_jpg = bc.read(t("ref.jpg"))
    bc.convert(t("big.png"), *bc.JPEG, t("big.jpg"))
    files = {}  # path relative to the fixture -> bytes

    def turned(o, src="ref.png"):
        bc.convert(t(src), *bc.STORE_FOR[o], *bc.JPEG, t("o.jpg"))
        return bc.with_exif(bc.read(t("o.jpg")), o)

    def cmyk(mode):
        bc.convert(t("ref.png"), "ppm:" + t("ref.ppm"))
        bc.run(mkcmyk, t("ref.ppm"), t("c.jpg"), mode)
        return bc.read(t("c.jpg"))

    def converted(name, *args):
        bc.convert(t("ref.png"), *args, t(name))
        return bc.read(t(name))

    files["soak/photos/images/photo.jpg"] = bc.read(t("big.jpg"))
    files["soak/photos/images/turned.jpg"] = turned(6)
    files["soak/photos/images/cmyk.jpg"] = cmyk("adobe")
    files["soak/photos/images/progressive.jpg"] = converted("p.jpg", *bc.JPEG, "-interlace", "JPEG")
    bc.convert(t("ref.png"), "-depth", "16", "png48:" + t("p16.png"))
    files["soak/photos/images/scan.png"] = bc.read(t("p16.png"))
    bc.convert(t("ref.png"), "-alpha", "set", "-channel", "A", "-evaluate", "set", "60%", "+channel",
               "-quality", "90", "-define", "webp:alpha-quality=100", t("a.webp"))
    files["soak/photos/images/drawing.webp"] = bc.read(t("a.webp"))
    bc.convert(t("ref.png"), "png8:" + t("p8.png"))
    files["soak/photos/images/map.png"] = bc.read(t("p8.png"))
    files["soak/letters/images/grey.jpg"] = converted("g.jpg", "-colorspace", "Gray", *bc.JPEG)
    files["soak/letters/images/broken.jpg"] = ref_jpg[:len(ref_jpg) // 2]
    files["soak/letters/images/lossless.webp"] = converted("l.webp", "-define", "webp:lossless=true")
    files["soak/steppe/images/upside.jpg"] = turned(3)
    files["soak/steppe/images/left.jpg"] = turned(8)
    files["soak/steppe/images/ycck.jpg"] = cmyk("ycck")
    # replacements the soak copies over the originals (and then puts back)
    files["soak-edits/photos/images/photo.jpg"] = turned(6)   # now 80x160 upright
    files["soak-edits/photos/images/map.png"] = bc.read(t("p8.png"))[:200]  # truncated
    files["soak-edits/letters/images/grey.jpg"] = cmyk("plain")
    for rel, data in files.items():
        bc.write(os.path.join(bc.ROOT, "tests", "fixtures", rel), data)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        build(tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
