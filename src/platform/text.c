/* SPDX-License-Identifier: GPL-3.0-or-later */
/* text.c - see text.h
 *
 * SDL_ttf 2.x flushes its glyph cache on TTF_SetFontSize, so one TTF_Font is
 * opened per size and style. Rendered lines are cached as textures: a caption
 * is rasterised once, not every frame.
 *
 * SDL_ttf has no fallback fonts either: a line is cut into runs of the
 * characters one face has, the main face (Noto Sans) first, then faces
 * fontconfig finds for a character it lacks (Noto Sans CJK for Chinese,
 * Noto Sans Georgian, Noto Sans Arabic...); each run is shaped and drawn in
 * its face and the runs are put side by side on one baseline. A character
 * no installed font has is the only one drawn as a box.
 */
#include "text.h"

#include <SDL_ttf.h>
#include <fontconfig/fontconfig.h>
#include <fribidi.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "harness/platform/texcount.h"

#define TEXT_MAX_FONTS 24      /* open (size, style, face) triples */
#define TEXT_MAX_FACES 8       /* faces a style may use: the main one and fallbacks */
#define TEXT_MAX_RUNS 64       /* runs of one face in a line; beyond, the rest stays in the last */
#define TEXT_MAX_UNCOVERED 64  /* characters no font has, remembered so fontconfig is asked once */
#define TEXT_BIDI_MAX 1024     /* code points a line is reordered for (a caption line has ~100) */
#define TEXT_MAX_TEXTURES 384  /* cached rendered lines */
#define TEXT_MAX_WIDTHS 4096   /* measured widths remembered (a screen has a few hundred) */

typedef struct {
    int px;
    FontStyle style;
    int face;                  /* index into Text.face[style] */
    TTF_Font *font;
    uint64_t last_use;
} FontSlot;

/* A line of text at a size and style: what the caches below remember. */
typedef struct {
    uint64_t hash;
    char *s;                   /* owned copy, to compare on hash hits (NULL: none) */
    size_t len;
    int px;
    FontStyle style;
} LineKey;

typedef struct {
    LineKey key;
    SDL_Texture *tex;
    int w, h;
    uint64_t last_use;
} TextSlot;

/* A width measured before: layout asks for the same words again and again,
 * every time a scene is built (each frame of a swipe), and shaping them
 * (HarfBuzz, behind TTF_SizeUTF8) is what building a scene costs most. */
typedef struct {
    LineKey key;
    int w;
} WidthSlot;

/* A font file (and the face in it: .ttc collections hold several). */
typedef struct {
    char *path;
    long index;
} Face;

/* A run of a line in one face and one direction. */
typedef struct {
    size_t at, len;            /* bytes of the line */
    int face;
    int level;                 /* bidi embedding level: odd = right to left */
} Run;

struct Text {
    char *path[2];             /* regular, bold: face[style][0] */
    Face face[2][TEXT_MAX_FACES];
    int n_face[2];
    Uint32 uncovered[TEXT_MAX_UNCOVERED];
    int n_uncovered;
    /* the bidirectional algorithm's scratch, one line at a time */
    FriBidiChar bidi_cp[TEXT_BIDI_MAX];
    FriBidiCharType bidi_type[TEXT_BIDI_MAX];
    FriBidiBracketType bidi_bracket[TEXT_BIDI_MAX];
    FriBidiLevel bidi_level[TEXT_BIDI_MAX];
    FontSlot fonts[TEXT_MAX_FONTS];
    TextSlot tex[TEXT_MAX_TEXTURES];
    WidthSlot *widths;         /* TEXT_MAX_WIDTHS, by hash; NULL until measured */
    uint64_t clock;            /* use counter for LRU (64 bits: a kiosk runs for months) */
    uint64_t frame_clock;      /* the clock when the frame on screen began (text_frame) */
    size_t bytes;              /* pixels held by the rendered lines */
    char *scratch;             /* NUL-terminated copy for TTF calls */
    size_t scratch_cap;
};

/* The Kazakh letters beyond Russian, both cases. */
static const Uint32 kazakh_letters[] = {
    0x04D8, 0x04D9, 0x0492, 0x0493, 0x049A, 0x049B, 0x04A2, 0x04A3, 0x04E8, 0x04E9,
    0x04B0, 0x04B1, 0x04AE, 0x04AF, 0x04BA, 0x04BB, 0x0406, 0x0456,
};

/* ---- fonts -------------------------------------------------------------- */

static char *fc_find(const char *pattern)
{
    FcPattern *pat = FcNameParse((const FcChar8 *)pattern);
    if (!pat)
        return NULL;
    FcConfigSubstitute(NULL, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult res;
    FcPattern *match = FcFontMatch(NULL, pat, &res);
    char *path = NULL;
    FcChar8 *file;
    if (match && FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch)
        path = strdup((const char *)file);
    if (match)
        FcPatternDestroy(match);
    FcPatternDestroy(pat);
    return path;
}

/* How many Kazakh-specific letters the font at path lacks (-1: cannot open). */
static int missing_kazakh(const char *path)
{
    TTF_Font *f = TTF_OpenFont(path, 16);
    if (!f)
        return -1;
    int missing = 0;
    for (size_t i = 0; i < sizeof kazakh_letters / sizeof kazakh_letters[0]; i++)
        missing += !TTF_GlyphIsProvided32(f, kazakh_letters[i]);
    TTF_CloseFont(f);
    return missing;
}

static char *pick_font(const char *const *patterns, size_t n, const char *what)
{
    for (size_t i = 0; i < n; i++) {
        char *p = fc_find(patterns[i]);
        if (!p)
            continue;
        int miss = missing_kazakh(p);
        if (miss == 0) {
            SDL_Log("text: %s font %s (covers Kazakh)", what, p);
            return p;
        }
        SDL_Log("text: %s font %s for \"%s\" %s; trying another", what, p, patterns[i],
                miss < 0 ? "cannot be opened" : "lacks Kazakh letters (ә ғ қ ң ө ұ ү һ і)");
        free(p);
    }
    /* Nothing covers Kazakh: take anything, but say so clearly. */
    char *p = fc_find(patterns[0]);
    if (p)
        SDL_Log("text: WARNING: no installed font covers the Kazakh letters; using %s, where "
                "they will show as boxes. Install fonts-noto-core.", p);
    return p;
}

Text *text_create(void)
{
    if (!TTF_WasInit() && TTF_Init() != 0) {
        SDL_Log("text: TTF_Init failed: %s", TTF_GetError());
        return NULL;
    }
    Text *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    FcInit();
    static const char *const regular[] = {"Noto Sans:lang=kk", "DejaVu Sans:lang=kk", "sans-serif:lang=kk"};
    static const char *const bold[] = {"Noto Sans:bold:lang=kk", "DejaVu Sans:bold:lang=kk",
                                       "sans-serif:bold:lang=kk"};
    t->path[FONT_REGULAR] = pick_font(regular, 3, "regular");
    t->path[FONT_BOLD] = pick_font(bold, 3, "bold");
    if (!t->path[FONT_BOLD] && t->path[FONT_REGULAR])
        t->path[FONT_BOLD] = strdup(t->path[FONT_REGULAR]);
    if (!t->path[FONT_REGULAR]) {
        SDL_Log("text: no font found through fontconfig");
        text_free(t);
        return NULL;
    }
    for (int s = 0; s < 2; s++) {
        t->face[s][0] = (Face){t->path[s], 0};
        t->n_face[s] = 1;
    }
    return t;
}

void text_free(Text *t)
{
    if (!t)
        return;
    text_forget(t);
    text_forget_fonts(t);
    for (int i = 0; t->widths && i < TEXT_MAX_WIDTHS; i++)
        free(t->widths[i].key.s);
    free(t->widths);
    for (int s = 0; s < 2; s++)
        for (int i = 1; i < t->n_face[s]; i++)
            free(t->face[s][i].path);
    free(t->path[0]);
    free(t->path[1]);
    free(t->scratch);
    free(t);
}

void text_quit(void)
{
    FcFini(); /* fontconfig's caches: nothing else in vitrine uses it */
}

const char *text_font_path(const Text *t, FontStyle style)
{
    return t->path[style == FONT_BOLD ? 1 : 0];
}

static TTF_Font *font_at(Text *t, int px, FontStyle style, int face)
{
    int si = style == FONT_BOLD ? 1 : 0;
    if (face < 0 || face >= t->n_face[si])
        face = 0;
    if (px < 4)
        px = 4;
    if (px > 400)
        px = 400;
    int victim = 0;
    for (int i = 0; i < TEXT_MAX_FONTS; i++) {
        FontSlot *f = &t->fonts[i];
        if (f->font && f->px == px && f->style == style && f->face == face) {
            f->last_use = ++t->clock;
            return f->font;
        }
        if (!f->font || (t->fonts[victim].font && f->last_use < t->fonts[victim].last_use))
            victim = i;
    }
    FontSlot *f = &t->fonts[victim];
    if (f->font)
        TTF_CloseFont(f->font);
    f->font = TTF_OpenFontIndex(t->face[si][face].path, px, t->face[si][face].index);
    if (!f->font) {
        SDL_Log("text: cannot open font at %d px: %s", px, TTF_GetError());
        return NULL;
    }
    TTF_SetFontHinting(f->font, TTF_HINTING_LIGHT);
    f->px = px;
    f->style = style;
    f->face = face;
    f->last_use = ++t->clock;
    return f->font;
}

/* ---- fallback faces: a font for every script ----------------------------- */

/* The code point at s[*i..len), moving *i past it; U+FFFD for a bad byte. */
static Uint32 next_cp(const char *s, size_t len, size_t *i)
{
    const unsigned char *p = (const unsigned char *)s + *i;
    size_t left = len - *i;
    int k = p[0] < 0x80 ? 0 : (p[0] & 0xE0) == 0xC0 ? 1 : (p[0] & 0xF0) == 0xE0 ? 2 : (p[0] & 0xF8) == 0xF0 ? 3 : -1;
    if (k < 0 || (size_t)k >= left) {
        (*i)++;
        return k == 0 ? p[0] : 0xFFFD;
    }
    Uint32 cp = k == 0 ? p[0] : (Uint32)(p[0] & (0x3F >> k));
    for (int j = 1; j <= k; j++) {
        if ((p[j] & 0xC0) != 0x80) {
            (*i)++;
            return 0xFFFD;
        }
        cp = cp << 6 | (p[j] & 0x3F);
    }
    *i += (size_t)k + 1;
    return cp;
}

/* Characters any face draws well enough: spaces and controls stay in the
 * run they are in. */
static bool neutral(Uint32 cp)
{
    return cp <= 0x20 || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200F);
}

/* A language hint for fontconfig where one script has faces per language:
 * Han characters are drawn the Chinese way (Noto Sans CJK SC), not the
 * Japanese one the default might pick. */
static const char *lang_hint(Uint32 cp)
{
    if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x3000 && cp <= 0x303F) ||
        (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x20000 && cp <= 0x2FFFF))
        return "zh-cn";
    return NULL;
}

/* The file of an installed font that has cp, as fontconfig ranks them for
 * a sans-serif face of this weight; false when none has it. */
static bool fc_find_cp(Uint32 cp, bool bold, Face *out)
{
    FcPattern *pat = FcPatternCreate();
    FcCharSet *cs = FcCharSetCreate();
    bool ok = false;
    if (pat && cs && FcCharSetAddChar(cs, cp)) {
        FcPatternAddCharSet(pat, FC_CHARSET, cs);
        FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)"sans-serif");
        FcPatternAddInteger(pat, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
        const char *hint = lang_hint(cp);
        if (hint)
            FcPatternAddString(pat, FC_LANG, (const FcChar8 *)hint);
        FcConfigSubstitute(NULL, pat, FcMatchPattern);
        FcDefaultSubstitute(pat);
        FcResult res;
        FcPattern *m = FcFontMatch(NULL, pat, &res);
        FcCharSet *has = NULL;
        FcChar8 *file = NULL;
        int index = 0;
        /* the best match may still lack cp: fontconfig ranks, it does not filter */
        if (m && FcPatternGetCharSet(m, FC_CHARSET, 0, &has) == FcResultMatch && FcCharSetHasChar(has, cp) &&
            FcPatternGetString(m, FC_FILE, 0, &file) == FcResultMatch) {
            FcPatternGetInteger(m, FC_INDEX, 0, &index);
            out->path = strdup((const char *)file);
            out->index = index;
            ok = out->path != NULL;
        }
        if (m)
            FcPatternDestroy(m);
    }
    if (cs)
        FcCharSetDestroy(cs);
    if (pat)
        FcPatternDestroy(pat);
    return ok;
}

/* The face of style that draws cp: the first that has it, else a new one
 * from fontconfig; 0 (the main face: a box) when no installed font has it. */
static int face_for(Text *t, Uint32 cp, FontStyle style, int px)
{
    int si = style == FONT_BOLD ? 1 : 0;
    for (int i = 0; i < t->n_face[si]; i++) {
        TTF_Font *f = font_at(t, px, style, i);
        if (f && TTF_GlyphIsProvided32(f, cp))
            return i;
    }
    for (int i = 0; i < t->n_uncovered; i++)
        if (t->uncovered[i] == cp)
            return 0;
    Face nf = {NULL, 0};
    if (t->n_face[si] < TEXT_MAX_FACES && fc_find_cp(cp, si == 1, &nf)) {
        for (int i = 0; i < t->n_face[si] && nf.path; i++)
            if (strcmp(t->face[si][i].path, nf.path) == 0 && t->face[si][i].index == nf.index) {
                free(nf.path); /* a face we have: fontconfig's charset and SDL_ttf's cmap disagree */
                nf.path = NULL;
            }
        if (nf.path) {
            SDL_Log("text: U+%04X: %s fallback face %s (%ld)", (unsigned)cp, si ? "bold" : "regular",
                    nf.path, nf.index);
            t->face[si][t->n_face[si]++] = nf;
            TTF_Font *f = font_at(t, px, style, t->n_face[si] - 1);
            if (f && TTF_GlyphIsProvided32(f, cp))
                return t->n_face[si] - 1;
        }
    }
    if (t->n_uncovered < TEXT_MAX_UNCOVERED)
        t->uncovered[t->n_uncovered++] = cp;
    return 0;
}

/* The bidi embedding level of each code point of s[0..len) (Unicode
 * bidirectional algorithm, FriBidi; the direction of the line from its
 * first strong letter), into t->bidi_level[0..n); returns n, or 0 when the
 * line has no right-to-left script or is too long to reorder. */
static int bidi_levels(Text *t, const char *s, size_t len)
{
    bool any_rtl_script = false; /* Hebrew, Arabic, Syriac, Thaana, N'Ko...: U+0590 on, lead bytes 0xD6-0xDF */
    for (size_t i = 0; i < len && !any_rtl_script; i++)
        any_rtl_script = (unsigned char)s[i] >= 0xD6 && (unsigned char)s[i] <= 0xDF;
    for (size_t i = 0; i + 2 < len && !any_rtl_script; i++) /* presentation forms, U+FB1D-U+FEFF */
        any_rtl_script = (unsigned char)s[i] == 0xEF && (unsigned char)s[i + 1] >= 0xAC && (unsigned char)s[i + 1] <= 0xBB;
    if (!any_rtl_script)
        return 0;
    FriBidiChar *cps = t->bidi_cp;
    FriBidiCharType *types = t->bidi_type;
    int n = 0;
    for (size_t i = 0; i < len; n++) {
        if (n == TEXT_BIDI_MAX)
            return 0;
        cps[n] = next_cp(s, len, &i);
    }
    fribidi_get_bidi_types(cps, n, types);
    fribidi_get_bracket_types(cps, n, types, t->bidi_bracket);
    FriBidiParType dir = FRIBIDI_PAR_ON;
    if (!fribidi_get_par_embedding_levels_ex(types, t->bidi_bracket, n, &dir, t->bidi_level))
        return 0;
    return n;
}

/* Runs in visual order, by rule L2 of the bidirectional algorithm: from the
 * highest level down to the lowest odd one, every sequence of runs at that
 * level or above is reversed. */
static void reorder_runs(Run *runs, int n)
{
    int hi = 0, lo_odd = 255;
    for (int i = 0; i < n; i++) {
        if (runs[i].level > hi)
            hi = runs[i].level;
        if ((runs[i].level & 1) && runs[i].level < lo_odd)
            lo_odd = runs[i].level;
    }
    for (int k = hi; k >= lo_odd && k > 0; k--)
        for (int i = 0; i < n;) {
            if (runs[i].level < k) {
                i++;
                continue;
            }
            int j = i;
            while (j < n && runs[j].level >= k)
                j++;
            for (int a = i, b = j - 1; a < b; a++, b--) {
                Run x = runs[a];
                runs[a] = runs[b];
                runs[b] = x;
            }
            i = j;
        }
}

/* s[0..len) cut into runs of one face and one direction each, in visual
 * order (left to right on the screen); returns how many (at least 1 for a
 * non-empty line). */
static int runs_of(Text *t, const char *s, size_t len, int px, FontStyle style, Run *runs)
{
    bool bidi = bidi_levels(t, s, len) > 0;
    int n = 0, k = 0;
    size_t i = 0;
    while (i < len) {
        size_t at = i;
        Uint32 cp = next_cp(s, len, &i);
        int level = bidi ? t->bidi_level[k++] : 0;
        int face = n > 0 && neutral(cp) ? runs[n - 1].face : neutral(cp) ? 0 : face_for(t, cp, style, px);
        if (n > 0 && ((runs[n - 1].face == face && runs[n - 1].level == level) || n == TEXT_MAX_RUNS))
            runs[n - 1].len = i - runs[n - 1].at;
        else
            runs[n++] = (Run){at, i - at, face, level};
    }
    if (bidi)
        reorder_runs(runs, n);
    return n;
}

/* The font for run r, shaping in r's direction (HarfBuzz lays a right-to-
 * left run's glyphs out from the right). */
static TTF_Font *run_font(Text *t, int px, FontStyle style, const Run *r)
{
    TTF_Font *f = font_at(t, px, style, r->face);
    if (f)
        TTF_SetFontDirection(f, (r->level & 1) ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR);
    return f;
}

bool text_covers(Text *t, Uint32 cp)
{
    if (neutral(cp))
        return true;
    int face = face_for(t, cp, FONT_REGULAR, 16);
    TTF_Font *f = font_at(t, 16, FONT_REGULAR, face);
    return f && TTF_GlyphIsProvided32(f, cp);
}

static const char *terminated(Text *t, const char *s, size_t len)
{
    if (len + 1 > t->scratch_cap) {
        size_t cap = (len + 1) * 2;
        char *n = realloc(t->scratch, cap);
        if (!n)
            return NULL;
        t->scratch = n;
        t->scratch_cap = cap;
    }
    memcpy(t->scratch, s, len);
    t->scratch[len] = '\0';
    return t->scratch;
}

/* ---- lines remembered ------------------------------------------------------ */

static uint64_t fnv1a(const char *s, size_t len, int px, int style)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    h = (h ^ (uint64_t)px) * 1099511628211ull;
    return (h ^ (uint64_t)style) * 1099511628211ull;
}

/* The key of s[0..len) at px in style; its s is the caller's, not a copy. */
static LineKey line_key(const char *s, size_t len, int px, FontStyle style)
{
    return (LineKey){fnv1a(s, len, px, (int)style), (char *)s, len, px, style};
}

static bool same_line(const LineKey *k, const LineKey *want)
{
    return k->s && k->hash == want->hash && k->len == want->len && k->px == want->px &&
           k->style == want->style && memcmp(k->s, want->s, want->len) == 0;
}

/* Remember want in slot k (with a copy of its text), in place of what was
 * there. false on out of memory (k is then empty). */
static bool keep_line(LineKey *k, const LineKey *want)
{
    free(k->s);
    *k = *want;
    if (!(k->s = malloc(want->len + 1)))
        return false;
    memcpy(k->s, want->s, want->len);
    k->s[want->len] = '\0';
    return true;
}

/* ---- the Measure -------------------------------------------------------- */

static int measure_width(void *ctx, int px, FontStyle style, const char *s, size_t len)
{
    Text *t = ctx;
    LineKey want = line_key(s, len, px, style);
    if (!t->widths)
        t->widths = calloc(TEXT_MAX_WIDTHS, sizeof *t->widths);
    WidthSlot *ws = t->widths ? &t->widths[want.hash % TEXT_MAX_WIDTHS] : NULL;
    if (ws && same_line(&ws->key, &want))
        return ws->w;
    Run runs[TEXT_MAX_RUNS];
    int n = runs_of(t, s, len, px, style, runs), w = 0;
    for (int i = 0; i < n; i++) {
        TTF_Font *f = run_font(t, px, style, &runs[i]);
        const char *z = terminated(t, s + runs[i].at, runs[i].len);
        int rw = 0, rh = 0;
        if (!f || !z || TTF_SizeUTF8(f, z, &rw, &rh) != 0)
            return (int)len * px / 2; /* a safe guess keeps layout going */
        w += rw;
    }
    if (ws && keep_line(&ws->key, &want))
        ws->w = w;
    return w;
}

static int measure_line_height(void *ctx, int px, FontStyle style)
{
    TTF_Font *f = font_at(ctx, px, style, 0);
    return f ? TTF_FontLineSkip(f) : px * 5 / 4;
}

Measure text_measure(Text *t)
{
    return (Measure){measure_width, measure_line_height, t};
}

/* ---- rendered lines ----------------------------------------------------- */

static void drop_line(Text *t, TextSlot *ts)
{
    if (ts->tex)
        t->bytes -= (size_t)ts->w * (size_t)ts->h * 4;
    texcount_destroy(ts->tex);
    free(ts->key.s);
    memset(ts, 0, sizeof *ts);
}

/* s[0..len) drawn white, each run in its face, the runs side by side on
 * the main face's baseline (a taller fallback face makes the line taller,
 * never cut). NULL when it cannot be drawn. */
static SDL_Surface *render_runs(Text *t, const char *s, size_t len, int px, FontStyle style)
{
    Run runs[TEXT_MAX_RUNS];
    int n = runs_of(t, s, len, px, style, runs);
    if (n <= 1) {
        TTF_Font *f = n ? run_font(t, px, style, &runs[0]) : font_at(t, px, style, 0);
        const char *z = terminated(t, s, len);
        SDL_Surface *one = f && z ? TTF_RenderUTF8_Blended(f, z, (SDL_Color){255, 255, 255, 255}) : NULL;
        if (!one)
            SDL_Log("text: cannot render a line: %s", TTF_GetError());
        return one;
    }
    SDL_Surface *part[TEXT_MAX_RUNS] = {0};
    int asc[TEXT_MAX_RUNS], w = 0, top = 0, bottom = 0;
    bool ok = true;
    for (int i = 0; i < n && ok; i++) {
        TTF_Font *f = run_font(t, px, style, &runs[i]);
        const char *z = terminated(t, s + runs[i].at, runs[i].len);
        part[i] = f && z ? TTF_RenderUTF8_Blended(f, z, (SDL_Color){255, 255, 255, 255}) : NULL;
        if (!part[i]) {
            ok = false;
            break;
        }
        asc[i] = TTF_FontAscent(f);
        w += part[i]->w;
        if (asc[i] > top)
            top = asc[i];
        if (part[i]->h - asc[i] > bottom)
            bottom = part[i]->h - asc[i];
    }
    SDL_Surface *all = ok ? SDL_CreateRGBSurfaceWithFormat(0, w, top + bottom, 32, SDL_PIXELFORMAT_ARGB8888) : NULL;
    if (all) {
        SDL_FillRect(all, NULL, SDL_MapRGBA(all->format, 255, 255, 255, 0));
        int x = 0;
        for (int i = 0; i < n; i++) {
            SDL_SetSurfaceBlendMode(part[i], SDL_BLENDMODE_NONE); /* copy coverage as it is */
            SDL_BlitSurface(part[i], NULL, all, &(SDL_Rect){x, top - asc[i], part[i]->w, part[i]->h});
            x += part[i]->w;
        }
    } else {
        SDL_Log("text: cannot render a line: %s", TTF_GetError());
    }
    for (int i = 0; i < n; i++)
        SDL_FreeSurface(part[i]);
    return all;
}

/* Lines drawn since the frame began (text_frame) or drawn ahead since:
 * a line drawn ahead never takes their place. */
static bool kept_for_now(const Text *t, const TextSlot *ts)
{
    return ts->last_use > t->frame_clock;
}

/* The cached texture of the line, rendered if it is not there. ahead:
 * rendered for a frame to come (text_warm), which gives up (NULL) rather
 * than drop a line of the frame on screen. */
static SDL_Texture *line_texture(Text *t, SDL_Renderer *r, const char *s, size_t len, int px, FontStyle style,
                                 bool ahead, int *w, int *h, bool *made)
{
    *made = false;
    LineKey want = line_key(s, len, px, style);
    int victim = -1;
    for (int i = 0; i < TEXT_MAX_TEXTURES; i++) {
        TextSlot *ts = &t->tex[i];
        if (ts->tex && same_line(&ts->key, &want)) {
            ts->last_use = ++t->clock;
            *w = ts->w;
            *h = ts->h;
            return ts->tex;
        }
        if (ahead && ts->tex && kept_for_now(t, ts))
            continue;
        if (victim < 0 || !ts->tex || (t->tex[victim].tex && ts->last_use < t->tex[victim].last_use))
            victim = i;
    }
    if (victim < 0)
        return NULL;
    SDL_Surface *surf = render_runs(t, s, len, px, style);
    if (!surf)
        return NULL;
    int sw = surf->w, sh = surf->h;
    size_t need = (size_t)sw * (size_t)sh * 4;
    if (ahead) { /* room without the lines on screen, or not at all */
        size_t freeable = t->tex[victim].tex ? (size_t)t->tex[victim].w * (size_t)t->tex[victim].h * 4 : 0;
        for (int i = 0; i < TEXT_MAX_TEXTURES; i++)
            if (t->tex[i].tex && i != victim && !kept_for_now(t, &t->tex[i]))
                freeable += (size_t)t->tex[i].w * (size_t)t->tex[i].h * 4;
        if (t->bytes + need > TEXT_MAX_BYTES + freeable) {
            SDL_FreeSurface(surf);
            return NULL;
        }
    }
    SDL_Texture *tex = texcount_made(SDL_CreateTextureFromSurface(r, surf));
    SDL_FreeSurface(surf);
    if (!tex)
        return NULL;
    SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
    TextSlot *ts = &t->tex[victim];
    drop_line(t, ts);
    if (!keep_line(&ts->key, &want)) {
        texcount_destroy(tex);
        return NULL;
    }
    ts->tex = tex;
    ts->w = sw;
    ts->h = sh;
    ts->last_use = ++t->clock;
    t->bytes += need;
    *made = true;
    /* within the byte budget too (paging through 500 slides would otherwise
     * keep some 60 MB of caption lines): the least recently drawn go */
    while (t->bytes > TEXT_MAX_BYTES) {
        TextSlot *old = NULL;
        for (int i = 0; i < TEXT_MAX_TEXTURES; i++)
            if (t->tex[i].tex && &t->tex[i] != ts && !(ahead && kept_for_now(t, &t->tex[i])) &&
                (!old || t->tex[i].last_use < old->last_use))
                old = &t->tex[i];
        if (!old)
            break;
        drop_line(t, old);
    }
    *w = sw;
    *h = sh;
    return tex;
}

SDL_Texture *text_texture(Text *t, SDL_Renderer *r, const char *s, size_t len, int px,
                          FontStyle style, int *w, int *h)
{
    bool made;
    return line_texture(t, r, s, len, px, style, false, w, h, &made);
}

void text_frame(Text *t)
{
    t->frame_clock = t->clock;
}

bool text_warm(Text *t, SDL_Renderer *r, const char *s, size_t len, int px, FontStyle style, bool *drawn)
{
    int w, h; /* a line there already counts as wanted soon: not the next to go */
    return line_texture(t, r, s, len, px, style, true, &w, &h, drawn) != NULL;
}

void text_forget(Text *t)
{
    for (int i = 0; i < TEXT_MAX_TEXTURES; i++)
        drop_line(t, &t->tex[i]);
}

void text_forget_fonts(Text *t)
{
    for (int i = 0; i < TEXT_MAX_FONTS; i++) {
        if (t->fonts[i].font)
            TTF_CloseFont(t->fonts[i].font);
        memset(&t->fonts[i], 0, sizeof t->fonts[i]);
    }
}
