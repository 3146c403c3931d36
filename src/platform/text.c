/* SPDX-License-Identifier: GPL-3.0-or-later */
/* text.c - see text.h
 *
 * SDL_ttf 2.x flushes its glyph cache on TTF_SetFontSize, so one TTF_Font is
 * opened per size and style. Rendered lines are cached as textures: a caption
 * is rasterised once, not every frame.
 */
#include "text.h"

#include <SDL_ttf.h>
#include <fontconfig/fontconfig.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "harness/platform/texcount.h"

#define TEXT_MAX_FONTS 24      /* open (size, style) pairs */
#define TEXT_MAX_TEXTURES 384  /* cached rendered lines */
#define TEXT_MAX_WIDTHS 4096   /* measured widths remembered (a screen has a few hundred) */
#define TEXT_MAX_BYTES (8u << 20) /* the rendered lines' pixels: a caption line is up to 300 KB */

typedef struct {
    int px;
    FontStyle style;
    TTF_Font *font;
    unsigned last_use;
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
    unsigned last_use;
} TextSlot;

/* A width measured before: layout asks for the same words again and again,
 * every time a scene is built (each frame of a swipe), and shaping them
 * (HarfBuzz, behind TTF_SizeUTF8) is what building a scene costs most. */
typedef struct {
    LineKey key;
    int w;
} WidthSlot;

struct Text {
    char *path[2];             /* regular, bold */
    FontSlot fonts[TEXT_MAX_FONTS];
    TextSlot tex[TEXT_MAX_TEXTURES];
    WidthSlot *widths;         /* TEXT_MAX_WIDTHS, by hash; NULL until measured */
    unsigned clock;            /* use counter for LRU */
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

static TTF_Font *font_at(Text *t, int px, FontStyle style)
{
    if (px < 4)
        px = 4;
    if (px > 400)
        px = 400;
    int victim = 0;
    for (int i = 0; i < TEXT_MAX_FONTS; i++) {
        FontSlot *f = &t->fonts[i];
        if (f->font && f->px == px && f->style == style) {
            f->last_use = ++t->clock;
            return f->font;
        }
        if (!f->font || (t->fonts[victim].font && f->last_use < t->fonts[victim].last_use))
            victim = i;
    }
    FontSlot *f = &t->fonts[victim];
    if (f->font)
        TTF_CloseFont(f->font);
    f->font = TTF_OpenFont(t->path[style == FONT_BOLD ? 1 : 0], px);
    if (!f->font) {
        SDL_Log("text: cannot open font at %d px: %s", px, TTF_GetError());
        return NULL;
    }
    TTF_SetFontHinting(f->font, TTF_HINTING_LIGHT);
    f->px = px;
    f->style = style;
    f->last_use = ++t->clock;
    return f->font;
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
    TTF_Font *f = font_at(t, px, style);
    const char *z = terminated(t, s, len);
    int w = 0, h = 0;
    if (!f || !z || TTF_SizeUTF8(f, z, &w, &h) != 0)
        return (int)len * px / 2; /* a safe guess keeps layout going */
    if (ws && keep_line(&ws->key, &want))
        ws->w = w;
    return w;
}

static int measure_line_height(void *ctx, int px, FontStyle style)
{
    TTF_Font *f = font_at(ctx, px, style);
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

SDL_Texture *text_texture(Text *t, SDL_Renderer *r, const char *s, size_t len, int px,
                          FontStyle style, int *w, int *h)
{
    LineKey want = line_key(s, len, px, style);
    int victim = 0;
    for (int i = 0; i < TEXT_MAX_TEXTURES; i++) {
        TextSlot *ts = &t->tex[i];
        if (ts->tex && same_line(&ts->key, &want)) {
            ts->last_use = ++t->clock;
            *w = ts->w;
            *h = ts->h;
            return ts->tex;
        }
        if (!ts->tex || (t->tex[victim].tex && ts->last_use < t->tex[victim].last_use))
            victim = i;
    }
    TTF_Font *f = font_at(t, px, style);
    const char *z = terminated(t, s, len);
    if (!f || !z)
        return NULL;
    SDL_Surface *surf = TTF_RenderUTF8_Blended(f, z, (SDL_Color){255, 255, 255, 255});
    if (!surf) {
        SDL_Log("text: cannot render a line: %s", TTF_GetError());
        return NULL;
    }
    SDL_Texture *tex = texcount_made(SDL_CreateTextureFromSurface(r, surf));
    int sw = surf->w, sh = surf->h;
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
    t->bytes += (size_t)sw * (size_t)sh * 4;
    /* within the byte budget too (paging through 500 slides would otherwise
     * keep some 60 MB of caption lines): the least recently drawn go */
    while (t->bytes > TEXT_MAX_BYTES) {
        TextSlot *old = NULL;
        for (int i = 0; i < TEXT_MAX_TEXTURES; i++)
            if (t->tex[i].tex && &t->tex[i] != ts && (!old || t->tex[i].last_use < old->last_use))
                old = &t->tex[i];
        if (!old)
            break;
        drop_line(t, old);
    }
    *w = sw;
    *h = sh;
    return tex;
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
