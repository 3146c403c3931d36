#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The largest CIE76 Delta E between two lists of sRGB colours ("r g b"
lines, 0..255), as a person would see the difference (about 2: just
noticeable)."""
import sys


def lab(rgb):
    def lin(c):
        c /= 255.0
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (lin(float(c)) for c in rgb)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t):
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116
    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def read(path):
    with open(path) as fh:
        return [line.split() for line in fh if line.strip()]


def delta_e(u, v):
    return sum((p - q) ** 2 for p, q in zip(lab(u), lab(v))) ** 0.5


if __name__ == "__main__":
    a, b = read(sys.argv[1]), read(sys.argv[2])
    assert len(a) == len(b) and a
    print("%.2f" % max(delta_e(u, v) for u, v in zip(a, b)))
