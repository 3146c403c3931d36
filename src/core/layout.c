/* SPDX-License-Identifier: GPL-3.0-or-later */
/* layout.c - see layout.h */
#include "layout.h"

#include <fribidi.h>
#include <linebreak.h>
#include <stdlib.h>
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

/* brks[i] for text[start..end): whether a line may end after byte start+i
 * (LINEBREAK_ALLOWBREAK, LINEBREAK_MUSTBREAK at the end), by UAX #14.
 * Without memory for it (NULL), after spaces only, as before UAX #14. */
static char *break_chances(const char *text, size_t start, size_t end)
{
    static bool ready; /* libunibreak's tables: set once, never changed after */
    if (!ready) {
        init_linebreak();
        ready = true;
    }
    char *brks = malloc(end - start);
    if (brks)
        set_linebreaks_utf8((const utf8_t *)text + start, end - start, NULL, brks);
    return brks;
}

static bool may_break_after(const char *text, size_t start, const char *brks, size_t i)
{
    if (!brks)
        return text[i] == ' ' && text[i + 1] != ' '; /* i + 1 < end: the caller's */
    char b = brks[i - start];
    if (b != LINEBREAK_ALLOWBREAK && b != LINEBREAK_MUSTBREAK)
        return false;
    /* vitrine's tailoring: not inside a command-line option ("--hash-pin",
     * in the administrator's words), which a break would make untypeable */
    if (b == LINEBREAK_ALLOWBREAK && text[i] == '-') {
        size_t w = i;
        while (w > start && text[w - 1] != ' ')
            w--;
        if (text[w] == '-')
            return false;
    }
    return true;
}

/* text[a..b) without the spaces at its end. */
static size_t trim_end(const char *text, size_t a, size_t b)
{
    while (b > a && text[b - 1] == ' ')
        b--;
    return b;
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

    char *brks = break_chances(text, start, end);
    bool ok = true;
    while (ok && line_start < end) {
        /* Greedy: extend to the next break chance while the line fits. */
        size_t best_end = line_start, next = line_start; /* the last chance that fits */
        int best_w = 0;
        for (size_t i = line_start; i < end; i++) {
            if (i + 1 < end && !may_break_after(text, start, brks, i))
                continue;
            size_t e = trim_end(text, line_start, i + 1);
            int w = m->width(m->ctx, px, style, text + line_start, e - line_start);
            if (w > max_w)
                break;
            best_end = e;
            best_w = w;
            next = i + 1;
        }
        if (next == line_start) {
            /* The first piece alone is too wide: break it between code points. */
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
            best_end = next = k;
        }
        ok = line_push(lines, max_lines, n, line_start, best_end - line_start, best_w);
        line_start = next;
        while (line_start < end && text[line_start] == ' ')
            line_start++;
    }
    free(brks);
    return ok;
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

/* ---- direction ---------------------------------------------------------- */

bool layout_is_rtl(const char *text)
{
    size_t n = text ? strlen(text) : 0;
    for (size_t i = 0; i < n;) {
        size_t k = cp_len(text, i, n);
        unsigned char c = (unsigned char)text[i];
        FriBidiChar cp = k == 1 ? c : (FriBidiChar)(c & (0x7F >> k));
        for (size_t j = 1; j < k; j++)
            cp = cp << 6 | ((unsigned char)text[i + j] & 0x3F);
        i += k;
        FriBidiCharType t = fribidi_get_bidi_type(cp);
        if (FRIBIDI_IS_LETTER(t))
            return FRIBIDI_IS_RTL(t);
    }
    return false;
}
