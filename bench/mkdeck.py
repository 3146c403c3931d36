#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""mkdeck.py OUT.pdf [PAGES] - the benchmark's PDF deck (bench/README.md).

PAGES pages (100 unless told) of 16:9, as a lecturer's slides: a title and
bullet lines in real text (Noto Sans, embedded by cairo), a chart of vector
shapes, and the whole page in a colour of its own, so that a peer without a
trace (Impressive) can be timed by the colour of a pixel on the screen:
page_rgb() below is that colour, and bench/run computes the same.
Runs with Debian's /usr/bin/python3 and python3-cairo.
"""
import math
import sys

import cairo


def page_rgb(n):
    """Page n's (1-based) background, 0..255 each: no two pages of 1000 alike,
    and far from white, black and each neighbour (bench/run has a copy)."""
    return (40 + (n * 37) % 180, 40 + (n * 91) % 180, 40 + (n * 53) % 180)


def main():
    out = sys.argv[1]
    pages = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    w, h = 960, 540
    s = cairo.PDFSurface(out, w, h)
    s.set_metadata(cairo.PDFMetadata.TITLE, "Benchmark deck")
    cr = cairo.Context(s)
    for n in range(1, pages + 1):
        r, g, b = page_rgb(n)
        cr.set_source_rgb(r / 255, g / 255, b / 255)
        cr.paint()
        cr.set_source_rgb(1, 1, 1)
        cr.select_font_face("Noto Sans", cairo.FONT_SLANT_NORMAL, cairo.FONT_WEIGHT_BOLD)
        cr.set_font_size(36)
        cr.move_to(40, 70)
        cr.show_text(f"Қарағанды, 1950 жылдар — слайд {n}")
        cr.select_font_face("Noto Sans", cairo.FONT_SLANT_NORMAL, cairo.FONT_WEIGHT_NORMAL)
        cr.set_font_size(20)
        for k, line in enumerate(("Заключённые женского лагеря на строительстве",
                                  "Prisoners of the women's camp at a building site",
                                  f"Ғылыми қор, № {n} түпнұсқа; өңделген көшірме")):
            cr.move_to(60, 130 + 34 * k)
            cr.show_text("• " + line)
        # a chart, away from the middle of the page (the pixel bench/run reads)
        for k in range(12):
            v = 0.5 + 0.45 * math.sin(n * 0.7 + k)
            cr.rectangle(60 + k * 30, 500 - 120 * v, 22, 120 * v)
        cr.fill()
        cr.arc(800, 420, 70, 0, 2 * math.pi)
        cr.set_line_width(6)
        cr.stroke()
        cr.show_page()
    s.finish()


if __name__ == "__main__":
    main()
