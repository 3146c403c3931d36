#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""make_pdfs.py OUTDIR - the test PDFs, made at test time with cairo's PDF surface.

  lecture.pdf    4 pages, 16:9, title metadata; big Kazakh, Russian and English
                 lines (real text, Noto Sans embedded) and a line of small print
  beamer.pdf     7 pages with page labels 1,1,1,2,3,3,4 (a beamer deck's overlays)
  long.pdf       2,000 pages, a number on each
  absurd.pdf     one page 14,000 x 1 inches (cairo's limit is 14,400)
  truncated.pdf  lecture.pdf cut in half      garbage.pdf  %PDF- and noise
Encrypted copies are made by the test with qpdf --encrypt.
"""
import os
import random
import sys

import cairo

FONT = "Noto Sans"


def text(cr, x, y, size, s, bold=False):
    cr.select_font_face(FONT, cairo.FONT_SLANT_NORMAL,
                        cairo.FONT_WEIGHT_BOLD if bold else cairo.FONT_WEIGHT_NORMAL)
    cr.set_font_size(size)
    cr.move_to(x, y)
    cr.show_text(s)


def lecture(path):
    w, h = 960, 540  # points: 16:9
    s = cairo.PDFSurface(path, w, h)
    s.set_metadata(cairo.PDFMetadata.TITLE, "Steppe Lecture")
    cr = cairo.Context(s)
    pages = [
        ("Қазақ тілі", "Қош келдіңіздер мұражайға"),
        ("Русский язык", "Добро пожаловать в музей"),
        ("English", "Welcome to the museum"),
        ("Small print", "Look closer"),
    ]
    for i, (head, line) in enumerate(pages):
        cr.set_source_rgb(1, 1, 1)
        cr.paint()
        cr.set_source_rgb(0.05, 0.05, 0.2)
        text(cr, 60, 120, 56, head, bold=True)
        text(cr, 60, 260, 44, line)
        # 4-point print: unreadable at 1x on a small screen, clear at 4x
        text(cr, 60, 480, 4, "THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG %d" % (i + 1))
        text(cr, w - 80, h - 20, 14, "%d" % (i + 1))
        cr.show_page()
    s.finish()


def beamer(path):
    s = cairo.PDFSurface(path, 640, 480)
    s.set_metadata(cairo.PDFMetadata.TITLE, "Overlays")
    cr = cairo.Context(s)
    labels = ["1", "1", "1", "2", "3", "3", "4"]
    step = 0
    for i, label in enumerate(labels):
        step = step + 1 if i > 0 and labels[i - 1] == label else 1
        s.set_page_label(label)
        cr.set_source_rgb(1, 1, 1)
        cr.paint()
        cr.set_source_rgb(0, 0, 0)
        text(cr, 40, 100, 40, "Slide %s" % label, bold=True)
        for k in range(step):
            text(cr, 60, 180 + 60 * k, 32, "Point %d" % (k + 1))
        cr.show_page()
    s.finish()


def long_deck(path, n=2000):
    s = cairo.PDFSurface(path, 400, 300)
    cr = cairo.Context(s)
    for i in range(n):
        text(cr, 40, 160, 60, "Page %d" % (i + 1), bold=True)
        cr.show_page()
    s.finish()


def absurd(path):
    s = cairo.PDFSurface(path, 14000 * 72, 72)
    cr = cairo.Context(s)
    text(cr, 10, 50, 40, "a very long strip")
    cr.show_page()
    s.finish()


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    lecture(os.path.join(out, "lecture.pdf"))
    beamer(os.path.join(out, "beamer.pdf"))
    absurd(os.path.join(out, "absurd.pdf"))
    if len(sys.argv) < 3 or sys.argv[2] != "--no-long":
        long_deck(os.path.join(out, "long.pdf"))
    data = open(os.path.join(out, "lecture.pdf"), "rb").read()
    open(os.path.join(out, "truncated.pdf"), "wb").write(data[: len(data) // 2])
    rnd = random.Random(11)
    open(os.path.join(out, "garbage.pdf"), "wb").write(
        b"%PDF-1.7\n" + bytes(rnd.randrange(256) for _ in range(4000)))


if __name__ == "__main__":
    main()
