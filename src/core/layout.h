/* SPDX-License-Identifier: GPL-3.0-or-later */
/* layout.h - text wrapping and fitting through an injected measure function.
 *
 * The core never opens a font: the SDL layer passes a Measure that asks
 * SDL_ttf, tests pass a fake one. Text is UTF-8; lines are byte ranges of the
 * input, so nothing is copied.
 */
#ifndef VITRINE_LAYOUT_H
#define VITRINE_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

typedef enum { FONT_REGULAR = 0, FONT_BOLD = 1 } FontStyle;

typedef struct {
    /* Width in pixels of s[0..len) at size px. */
    int (*width)(void *ctx, int px, FontStyle style, const char *s, size_t len);
    /* Distance between baselines at size px. */
    int (*line_height)(void *ctx, int px, FontStyle style);
    void *ctx;
} Measure;

typedef struct {
    size_t start, len;   /* bytes of the input; trailing spaces excluded */
    int width;           /* pixels */
} LayoutLine;

#define LAYOUT_MAX_LINES 64

typedef struct {
    LayoutLine lines[LAYOUT_MAX_LINES];
    int n;
    int px;              /* the font size chosen */
    int line_h;          /* pixels between lines at px */
    bool truncated;      /* the text did not fit even at the smallest size */
} TextBlock;

/* Break text into lines no wider than max_w: where the Unicode line
 * breaking algorithm (UAX #14, libunibreak) allows a break (after spaces
 * and hyphens, between Chinese or Japanese characters, never before closing
 * punctuation), at '\n' always, and elsewhere only when a piece alone is
 * wider than max_w (between code points). Returns the number of lines, at most max_lines; *more is set when
 * text was left over. */
int layout_wrap(const Measure *m, int px, FontStyle style, const char *text,
                int max_w, LayoutLine *lines, int max_lines, bool *more);

/* Whether text reads right to left: its first strong letter is of a
 * right-to-left script (Arabic, Hebrew...), by the Unicode bidirectional
 * algorithm's character types (FriBidi). Such text is right-aligned where
 * other text is left-aligned. */
bool layout_is_rtl(const char *text);

/* Fit text into a max_w x max_h box: try px_max, then step down (by about
 * 8%) to px_min, and take the first size at which every line fits. At px_min
 * the lines that fit are kept and out->truncated is set. */
void layout_fit(const Measure *m, FontStyle style, const char *text, int max_w,
                int max_h, int px_max, int px_min, TextBlock *out);

#endif
