/* SPDX-License-Identifier: GPL-3.0-or-later */
/* layout.c - see layout.h */
#include "layout.h"

#include <string.h>

/* ---- UTF-8 helpers ---------------------------------------------------- */

/* Length of the code point starting at s[i] (1 for invalid bytes, so we
 * always make progress). */
static size_t cp_len(const char *s, size_t i, size_t n)
{
    unsigned char c = (unsigned char)s[i];
    size_t k = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    if (i + k > n)
        k = 1;
    return k;
}

/* ---- wrapping --------------------------------------------------------- */

static bool line_push(LayoutLine *lines, int max_lines, int *n, size_t start, size_t len, int w)
{
    if (*n >= max_lines)
        return false;
    lines[*n] = (LayoutLine){start, len, w};
    (*n)++;
    return true;
}

/* Wrap one paragraph (no '\n') at text[start..end). */
static bool wrap_paragraph(const Measure *m, int px, FontStyle style, const char *text,
                           size_t start, size_t end, int max_w, LayoutLine *lines,
                           int max_lines, int *n)
{
    size_t line_start = start;
    while (line_start < end && text[line_start] == ' ')
        line_start++;
    if (line_start >= end)
        return line_push(lines, max_lines, n, start, 0, 0); /* empty line keeps its place */

    while (line_start < end) {
        /* Greedy: extend word by word while the line fits. */
        size_t best_end = line_start; /* end of the last word that fits */
        int best_w = 0;
        size_t i = line_start;
        while (i < end) {
            size_t word_end = i;
            while (word_end < end && text[word_end] != ' ')
                word_end++;
            int w = m->width(m->ctx, px, style, text + line_start, word_end - line_start);
            if (w > max_w)
                break;
            best_end = word_end;
            best_w = w;
            i = word_end;
            while (i < end && text[i] == ' ')
                i++;
        }
        if (best_end == line_start) {
            /* The first word alone is too wide: break it between code points. */
            size_t k = line_start;
            best_w = 0;
            while (k < end && text[k] != ' ') {
                size_t nk = k + cp_len(text, k, end);
                int w = m->width(m->ctx, px, style, text + line_start, nk - line_start);
                if (w > max_w && k > line_start)
                    break;
                best_w = w;
                k = nk;
            }
            best_end = k;
        }
        if (!line_push(lines, max_lines, n, line_start, best_end - line_start, best_w))
            return false;
        line_start = best_end;
        while (line_start < end && text[line_start] == ' ')
            line_start++;
    }
    return true;
}

int layout_wrap(const Measure *m, int px, FontStyle style, const char *text, int max_w,
                LayoutLine *lines, int max_lines, bool *more)
{
    int n = 0;
    bool ok = true;
    if (more)
        *more = false;
    if (!text || max_w <= 0 || max_lines <= 0) {
        if (more && text && *text)
            *more = true;
        return 0;
    }
    size_t len = strlen(text);
    size_t p = 0;
    /* p < len: an empty text has no lines, and a final '\n' does not start
     * an empty one (which would cost a line and could mark a caption that
     * fits as truncated). */
    while (ok && p < len) {
        size_t e = p;
        while (e < len && text[e] != '\n')
            e++;
        size_t pe = e;
        if (pe > p && text[pe - 1] == '\r')
            pe--;
        ok = wrap_paragraph(m, px, style, text, p, pe, max_w, lines, max_lines, &n);
        if (e >= len)
            break;
        p = e + 1;
    }
    if (!ok && more)
        *more = true;
    return n;
}

/* ---- fitting ------------------------------------------------------------ */

void layout_fit(const Measure *m, FontStyle style, const char *text, int max_w, int max_h,
                int px_max, int px_min, TextBlock *out)
{
    memset(out, 0, sizeof *out);
    if (px_min < 1)
        px_min = 1;
    if (px_max < px_min)
        px_max = px_min;
    int px = px_max;
    for (;;) {
        int lh = m->line_height(m->ctx, px, style);
        if (lh < 1)
            lh = 1;
        int max_lines = max_h / lh;
        if (max_lines > LAYOUT_MAX_LINES)
            max_lines = LAYOUT_MAX_LINES;
        bool more = false;
        int n = layout_wrap(m, px, style, text, max_w, out->lines, max_lines, &more);
        out->n = n;
        out->px = px;
        out->line_h = lh;
        out->truncated = more;
        if (!more || px == px_min)
            return;
        int next = px - (px + 11) / 12; /* about 8% smaller, at least 1 */
        px = next < px_min ? px_min : next;
    }
}
