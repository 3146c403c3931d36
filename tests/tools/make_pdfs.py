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
import re
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
        # 3-point print: 6 pixels high on a 1080p screen, clear at 4x
        text(cr, 60, 480, 3, "THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG %d" % (i + 1))
        text(cr, w - 80, h - 20, 14, "%d" % (i + 1))
        cr.show_page()
    s.finish()


def page_labels(path, labels):
    """Give every page its label as beamer does (/PageLabels, one /P prefix a
    page), through an incremental update of cairo's file: a new catalog, an
    xref section for it and a trailer pointing back at cairo's. cairo's own
    set_page_label folds "1", "1", "2" into numbered ranges and leaves out
    the first page's, so readers see other labels than were set."""
    data = open(path, "rb").read()
    root = int(re.search(rb"/Root (\d+) 0 R", data).group(1))
    size = int(re.search(rb"/Size (\d+)", data).group(1))
    info = re.search(rb"/Info (\d+) 0 R", data)
    pages = re.search(rb"%d 0 obj\s*<< /Type /Catalog\s*/Pages (\d+) 0 R" % root, data).group(1)
    prev = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    nums = b" ".join(b"%d << /P (%s) >>" % (i, l.encode()) for i, l in enumerate(labels))
    body = b"\n%d 0 obj\n<< /Type /Catalog /Pages %s 0 R /PageLabels << /Nums [ %s ] >> >>\nendobj\n" % (
        size, pages, nums)
    off = len(data) + 1  # the object starts after the newline
    xref_at = len(data) + len(body)
    tail = b"xref\n%d 1\n%010d 00000 n \ntrailer\n<< /Size %d /Root %d 0 R %s/Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (
        size, off, size + 1, size, (b"/Info " + info.group(1) + b" 0 R ") if info else b"", prev, xref_at)
    open(path, "wb").write(data + body + tail)


def beamer(path):
    s = cairo.PDFSurface(path, 640, 480)
    s.set_metadata(cairo.PDFMetadata.TITLE, "Overlays")
    cr = cairo.Context(s)
    labels = ["1", "1", "1", "2", "3", "3", "4"]
    step = 0
    for i, label in enumerate(labels):
        step = step + 1 if i > 0 and labels[i - 1] == label else 1
        cr.set_source_rgb(1, 1, 1)
        cr.paint()
        cr.set_source_rgb(0, 0, 0)
        text(cr, 40, 100, 40, "Slide %s" % label, bold=True)
        for k in range(step):
            text(cr, 60, 180 + 60 * k, 32, "Point %d" % (k + 1))
        cr.show_page()
    s.finish()
    page_labels(path, labels)


def long_deck(path, n=2000):
    s = cairo.PDFSurface(path, 400, 300)
    cr = cairo.Context(s)
    for i in range(n):
        text(cr, 40, 160, 60, "Page %d" % (i + 1))
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
