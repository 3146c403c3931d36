/* SPDX-License-Identifier: GPL-3.0-or-later */
/* soak.c - see soak.h
 *
 * The generator keeps a small model of what its own script does to the
 * kiosk (virtual time, a lecture on or off, the PIN pad's lock-out, which
 * change is waiting to be put back), so the script stays meaningful for
 * 100,000 inputs: a lecture it starts, it ends; a change it makes, it puts
 * back; two changes are never so close that they settle into one reload.
 * Random numbers are splitmix64 and numbers are printed with fixed decimals,
 * so a seed gives the same text everywhere.
 */
#include "soak.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fsutil.h"
#include "manifest.h"

/* The replay commands' timing (docs/replay.md), which the model follows:
 * a tap or click is 60 ms from down to up, a stroke a sample every 16 ms. */
#define TAP_MS 60
#define STROKE_STEP_MS 16
/* The PIN pad's lock-out (show.c): after this many wrong PINs in a row it
 * takes no PIN for this long. */
#define PIN_MAX_WRONG 5
#define PIN_LOCK_MS 60000
#define PIN_LOCK_MARGIN_MS 5000
#define LECTURE_CHANCE 1500        /* one input in this many starts a lecture */
#define LECTURE_MIN_INPUTS 20
#define LECTURE_MAX_INPUTS 300
#define SLOW_PART_BYTES 64         /* a slow copy's first part */
#define SLOW_REST_BYTES 67108864   /* the rest (write-part's limit), which closes it */
#define KEPT_EXHIBITIONS ".soak"   /* hidden folders in DIR: the watcher ignores them */
#define KEPT_IMAGES ".soak-images"

/* ---- the edits ------------------------------------------------------------- */

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool ends_with(const char *s, const char *tail)
{
    size_t a = strlen(s), b = strlen(tail);
    return a >= b && strcmp(s + a - b, tail) == 0;
}

/* The files below dir/rel (rel "" at the top), as paths relative to dir, into
 * ex->replacements; depth-limited like the watcher. */
static bool add_replacements(SoakExhibition *ex, const char *dir, const char *rel, int depth, char *err,
                             size_t n)
{
    char *here = fs_path_join(dir, rel);
    int count;
    char **names = here ? fs_list(here, &count) : NULL;
    free(here);
    if (!names) {
        snprintf(err, n, "cannot read %s/%s", dir, rel);
        return false;
    }
    bool ok = true;
    for (int i = 0; ok && i < count; i++) {
        char *sub = fs_path_join(rel, names[i]);
        char *full = sub ? fs_path_join(dir, sub) : NULL;
        if (!full) {
            snprintf(err, n, "out of memory");
            ok = false;
        } else if (is_dir(full)) {
            ok = depth < 4 && add_replacements(ex, dir, sub, depth + 1, err, n);
            if (depth >= 4)
                snprintf(err, n, "%s: too deep (at most 4 folders)", full);
        } else if (ex->n_replacements == SOAK_MAX_FILES) {
            snprintf(err, n, "%s: more than %d replacements", dir, SOAK_MAX_FILES);
            ok = false;
        } else {
            ex->replacements[ex->n_replacements++] = sub;
            sub = NULL;
        }
        free(sub);
        free(full);
    }
    fs_list_free(names, count);
    return ok;
}

/* EDITS/<id>: exhibition.json, variants and replacements. */
static bool load_exhibition(SoakExhibition *ex, const char *dir, char *err, size_t n)
{
    int count;
    char **names = fs_list(dir, &count);
    if (!names) {
        snprintf(err, n, "cannot read %s", dir);
        return false;
    }
    bool ok = true, original = false;
    for (int i = 0; ok && i < count; i++) {
        char *full = fs_path_join(dir, names[i]);
        if (!full) {
            snprintf(err, n, "out of memory");
            ok = false;
        } else if (is_dir(full)) {
            ok = add_replacements(ex, dir, names[i], 1, err, n);
        } else if (strcmp(names[i], "exhibition.json") == 0) {
            original = true;
        } else if (ends_with(names[i], ".json")) {
            if (ex->n_variants == SOAK_MAX_FILES) {
                snprintf(err, n, "%s: more than %d variants", dir, SOAK_MAX_FILES);
                ok = false;
            } else if (!(ex->variants[ex->n_variants++] = strdup(names[i]))) {
                snprintf(err, n, "out of memory");
                ok = false;
            }
        } else {
            snprintf(err, n, "%s: only manifests (*.json) and folders of replacements belong here", full);
            ok = false;
        }
        free(full);
    }
    fs_list_free(names, count);
    if (ok && !original) {
        snprintf(err, n, "%s has no exhibition.json (the manifest as it is, to put back)", dir);
        ok = false;
    }
    return ok;
}

bool soak_plan_load(SoakPlan *p, const char *dir, char *err, size_t n)
{
    memset(p, 0, sizeof *p);
    int count;
    char **names = fs_list(dir, &count);
    if (!names) {
        snprintf(err, n, "cannot read the soak's edits in %s", dir);
        return false;
    }
    bool ok = true;
    for (int i = 0; ok && i < count; i++) {
        if (names[i][0] == '.')
            continue;
        char *sub = fs_path_join(dir, names[i]);
        if (!sub || !is_dir(sub)) {
            snprintf(err, n, "%s/%s: the edits are one folder per exhibition", dir, names[i]);
            ok = false;
        } else if (p->n == SOAK_MAX_EXHIBITIONS) {
            snprintf(err, n, "%s: more than %d exhibitions", dir, SOAK_MAX_EXHIBITIONS);
            ok = false;
        } else {
            SoakExhibition *ex = &p->ex[p->n++];
            ex->id = strdup(names[i]);
            ok = ex->id && load_exhibition(ex, sub, err, n);
        }
        free(sub);
    }
    fs_list_free(names, count);
    if (ok && p->n == 0) {
        snprintf(err, n, "%s holds no exhibition's edits", dir);
        ok = false;
    }
    if (!ok)
        soak_plan_free(p);
    return ok;
}

void soak_plan_free(SoakPlan *p)
{
    for (int i = 0; p && i < p->n; i++) {
        SoakExhibition *ex = &p->ex[i];
        free(ex->id);
        for (int k = 0; k < ex->n_variants; k++)
            free(ex->variants[k]);
        for (int k = 0; k < ex->n_replacements; k++)
            free(ex->replacements[k]);
    }
    if (p)
        memset(p, 0, sizeof *p);
}

/* ---- text ------------------------------------------------------------------- */

typedef struct {
    char *s;
    size_t n, cap;
    bool oom;
    long lines;
} Script;

static void say(Script *t, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Append one line (fmt without its newline). */
static void say(Script *t, const char *fmt, ...)
{
    if (t->oom)
        return;
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int len = vsnprintf(t->s ? t->s + t->n : NULL, t->s ? t->cap - t->n : 0, fmt, ap);
        va_end(ap);
        if (len < 0) {
            t->oom = true;
            return;
        }
        if (t->s && t->n + (size_t)len + 2 <= t->cap) {
            t->n += (size_t)len;
            t->s[t->n++] = '\n';
            t->s[t->n] = '\0';
            t->lines++;
            return;
        }
        size_t cap = t->cap ? t->cap * 2 : 1 << 16;
        while (cap < t->n + (size_t)len + 2)
            cap *= 2;
        char *ns = realloc(t->s, cap);
        if (!ns) {
            t->oom = true;
            return;
        }
        t->s = ns;
        t->cap = cap;
    }
}

/* ---- the generator -------------------------------------------------------------- */

typedef enum { CH_NONE, CH_VARIANT, CH_SLOW_VARIANT, CH_IMAGE, CH_MOVE_OUT } ChangeKind;

typedef struct {
    ChangeKind kind;
    int ex, file;                /* plan index; variant or replacement index */
} Change;

typedef struct {
    const SoakPlan *plan;
    const SoakParams *p;
    SoakCounts *c;
    Script out;
    uint64_t rng;
    uint64_t t;                  /* virtual ms since the soak began: the model's clock */
    int wrong_streak;            /* wrong PINs in a row */
    uint64_t locked_until;       /* the PIN pad takes no PIN before */
    long lecture_left;           /* inputs left in the lecture on (0: none on) */
    int reloads_done;
    uint64_t last_change;        /* when the latest file command ran (reloads_done > 0) */
    Change pending;              /* the change to put back */
    int part_in;                 /* a slow copy's rest comes after this many inputs (-1: none) */
} Gen;

static uint64_t next64(Gen *g)
{
    uint64_t z = (g->rng += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

/* lo..hi, both included */
static long pick(Gen *g, long lo, long hi)
{
    return lo + (long)(next64(g) % (uint64_t)(hi - lo + 1));
}

/* 0..1 */
static double frac(Gen *g)
{
    return (double)(next64(g) >> 11) / 9007199254740992.0;
}

static double clamp01(double v)
{
    return v < 0.0 ? 0.0 : v > 1.0 ? 1.0 : v;
}

/* Where buttons usually are (fractions of the window): the arrows, the top
 * bar (home, captions, text size, contrast, languages), the home screen's
 * cards, the picture and the caption panel. */
static const double hot_spots[][2] = {
    {0.97, 0.55}, {0.03, 0.55}, {0.07, 0.05}, {0.62, 0.05}, {0.68, 0.05}, {0.73, 0.05},
    {0.81, 0.05}, {0.88, 0.05}, {0.95, 0.05}, {0.17, 0.5}, {0.5, 0.5}, {0.83, 0.5},
    {0.5, 0.4}, {0.5, 0.85},
};

static void some_place(Gen *g, double *x, double *y)
{
    if (pick(g, 0, 1)) {
        *x = frac(g);
        *y = frac(g);
        return;
    }
    const double *h = hot_spots[pick(g, 0, (long)(sizeof hot_spots / sizeof hot_spots[0]) - 1)];
    *x = clamp01(h[0] + (frac(g) - 0.5) * 0.04);
    *y = clamp01(h[1] + (frac(g) - 0.5) * 0.04);
}

static void wait_ms(Gen *g, uint64_t ms)
{
    say(&g->out, "wait %llu", (unsigned long long)ms);
    g->t += ms;
}

static void key(Gen *g, const char *name)
{
    say(&g->out, "key %s", name);
}

/* How long a swipe, drag or pinch of ms takes: whole 16 ms steps. */
static uint64_t stroke_ms(long ms)
{
    long steps = ms / STROKE_STEP_MS < 1 ? 1 : ms / STROKE_STEP_MS;
    return (uint64_t)((ms / steps) * steps);
}

/* Keys: navigation, the visitors' buttons, the clicker's lecture keys,
 * digits (go to a slide, in a lecture) and the keys visitors try to get
 * out of a kiosk with. The administrator's chord is not here: it comes
 * only with a PIN (wrong_pin, lecture). */
static const char *const keys[] = {
    "PageDown", "PageUp", "Right", "Left", "Up", "Down", "Home", "End", "Return", "Space",
    "Escape", "Backspace", "Tab", "c", "=", "+", "h", "z", "x", "l", "n", "p", "a", "F1",
    "Ctrl+q", "Alt+F4", "Gui+d", "Ctrl+Alt+Delete", "b", "w", ".", ",", "F5", "Shift+F5", "g",
    "t", "s", "Ctrl+r", "d", "0", "1", "2", "3", "5", "9",
};
static const char *const lecture_keys[] = {
    "PageDown", "PageUp", "Right", "Left", "Space", "Return", "b", "w", ".", ",", "F5",
    "Shift+F5", "Escape", "Tab", "g", "t", "s", "Ctrl+r", "d", "1", "2", "3", "z", "x",
};
static const char *const held_keys[] = {"PageDown", "Right", "Left", "Down", "z", "x", "PageUp"};

static const char *one_of(Gen *g, const char *const *list, size_t n)
{
    return list[pick(g, 0, (long)n - 1)];
}
#define ONE_OF(g, list) one_of((g), (list), sizeof (list) / sizeof (list)[0])

/* The PIN pad, opened by the chord or a long press in the top-left corner,
 * given a wrong PIN, then closed. */
static void wrong_pin(Gen *g)
{
    if (pick(g, 0, 3) == 0) {
        say(&g->out, "swipe 0.020 0.030 0.021 0.030 3500");
        g->t += stroke_ms(3500);
    } else {
        key(g, "Ctrl+Alt+Shift+q");
    }
    char digits[8];
    int n = (int)pick(g, 4, 6);
    for (int i = 0; i < n; i++)
        digits[i] = (char)('0' + pick(g, 0, 9));
    digits[n] = '\0';
    if (g->p->pin && strcmp(digits, g->p->pin) == 0)
        digits[n - 1] = digits[n - 1] == '9' ? '0' : (char)(digits[n - 1] + 1);
    for (int i = 0; i < n; i++) {
        char k[2] = {digits[i], '\0'};
        key(g, k);
    }
    key(g, "Return");
    if (g->t >= g->locked_until && ++g->wrong_streak >= PIN_MAX_WRONG) {
        g->locked_until = g->t + PIN_LOCK_MS;
        g->wrong_streak = 0;
    }
    key(g, "Escape");
}

/* The chord, and the PIN when one is set: the admin menu. */
static void admin_menu(Gen *g)
{
    key(g, "Ctrl+Alt+Shift+q");
    if (!g->p->pin_set)
        return;
    for (const char *d = g->p->pin; *d; d++) {
        char k[2] = {*d, '\0'};
        key(g, k);
    }
    key(g, "Return");
    g->wrong_streak = 0;
}

static bool lecture_possible(const Gen *g)
{
    return (!g->p->pin_set || g->p->pin) && g->t >= g->locked_until + PIN_LOCK_MARGIN_MS;
}

/* From the admin menu: "lecture", an exhibition (the first or second: one
 * may be moved out just now), start. */
static void start_lecture(Gen *g)
{
    admin_menu(g);
    key(g, "Return");
    if (g->plan->n >= 3 && pick(g, 0, 1))
        key(g, "Down");
    key(g, "Return");
    g->lecture_left = pick(g, LECTURE_MIN_INPUTS, LECTURE_MAX_INPUTS);
}

static void end_lecture(Gen *g)
{
    admin_menu(g);
    key(g, "Return"); /* the menu's first entry is "end the lecture" now */
    g->lecture_left = 0;
}

/* How often each kind comes, per thousand inputs: for visitors, in a lecture,
 * and between the two parts of a slow copy (nothing long: the copy must not
 * look abandoned). */
static const int visitor_weights[SOAK_KINDS] = {
    [SOAK_TAP] = 200, [SOAK_DOUBLE_TAP] = 50, [SOAK_CLICK] = 40, [SOAK_SWIPE] = 130,
    [SOAK_DRAG] = 40, [SOAK_PINCH] = 50, [SOAK_WHEEL] = 60, [SOAK_KEY] = 240, [SOAK_HOLD] = 20,
    [SOAK_LANG] = 20, [SOAK_CLOSE] = 2, [SOAK_WAIT] = 140, [SOAK_WRONG_PIN] = 3,
};
static const int lecture_weights[SOAK_KINDS] = {
    [SOAK_TAP] = 150, [SOAK_DOUBLE_TAP] = 30, [SOAK_CLICK] = 20, [SOAK_SWIPE] = 80,
    [SOAK_DRAG] = 20, [SOAK_PINCH] = 40, [SOAK_WHEEL] = 40, [SOAK_KEY] = 450, [SOAK_HOLD] = 30,
    [SOAK_LANG] = 10, [SOAK_WAIT] = 100,
};
static const int quick_weights[SOAK_KINDS] = {
    [SOAK_TAP] = 300, [SOAK_SWIPE] = 200, [SOAK_KEY] = 500,
};

static SoakKind choose_kind(Gen *g, const int *w)
{
    int total = 0;
    for (int k = 0; k < SOAK_KINDS; k++)
        total += w[k];
    long r = pick(g, 0, total - 1);
    for (int k = 0; k < SOAK_KINDS; k++) {
        if (r < w[k])
            return (SoakKind)k;
        r -= w[k];
    }
    return SOAK_KEY;
}

static void stroke(Gen *g, const char *cmd)
{
    double y = 0.15 + 0.7 * frac(g), x0 = 0.1 + 0.8 * frac(g), dx = (0.05 + 0.55 * frac(g)) * (pick(g, 0, 1) ? 1 : -1);
    double x1 = clamp01(x0 + dx), y1 = clamp01(y + (frac(g) - 0.5) * 0.1);
    if (pick(g, 0, 4) == 0) { /* up or down: the caption panel scrolls */
        x1 = clamp01(x0 + (frac(g) - 0.5) * 0.1);
        y1 = clamp01(y + (frac(g) - 0.5) * 0.8);
    }
    long ms = pick(g, 40, 700);
    say(&g->out, "%s %.3f %.3f %.3f %.3f %ld", cmd, x0, y, x1, y1, ms);
    g->t += stroke_ms(ms);
}

/* A wait: mostly short, sometimes past the idle timeout into the reset and
 * the attract loop. */
static void some_wait(Gen *g)
{
    long r = pick(g, 0, 99);
    const SoakParams *p = g->p;
    if (r < 85)
        wait_ms(g, (uint64_t)pick(g, 16, 3000));
    else if (r < 97)
        wait_ms(g, (uint64_t)pick(g, 3000, 15000));
    else
        wait_ms(g, (uint64_t)pick(g, p->idle_ms, (long)p->idle_ms + p->warning_ms + p->attract_delay_ms + 24000));
}

static void one_input(Gen *g, SoakKind k)
{
    double x, y;
    g->c->kind[k]++;
    switch (k) {
    case SOAK_TAP:
    case SOAK_CLICK:
        some_place(g, &x, &y);
        say(&g->out, "%s %.3f %.3f", k == SOAK_TAP ? "tap" : "click", x, y);
        g->t += TAP_MS;
        break;
    case SOAK_DOUBLE_TAP: {
        some_place(g, &x, &y);
        long gap = pick(g, 20, 240);
        say(&g->out, "tap %.3f %.3f", x, y);
        wait_ms(g, (uint64_t)gap);
        say(&g->out, "tap %.3f %.3f", x, y);
        g->t += 2 * TAP_MS;
        break;
    }
    case SOAK_SWIPE: stroke(g, "swipe"); break;
    case SOAK_DRAG: stroke(g, "drag"); break;
    case SOAK_PINCH: {
        long ms = pick(g, 120, 700);
        say(&g->out, "pinch %.3f %.3f %.2f %.2f %ld", 0.2 + 0.6 * frac(g), 0.2 + 0.6 * frac(g),
            0.5 + 2.5 * frac(g), 0.5 + 4.5 * frac(g), ms);
        g->t += stroke_ms(ms);
        break;
    }
    case SOAK_WHEEL: {
        long n = pick(g, 1, 3) * (pick(g, 0, 1) ? 1 : -1);
        some_place(g, &x, &y);
        say(&g->out, "wheel %.3f %.3f %ld", x, y, n);
        break;
    }
    case SOAK_KEY: key(g, g->lecture_left ? ONE_OF(g, lecture_keys) : ONE_OF(g, keys)); break;
    case SOAK_HOLD: {
        long ms = pick(g, 300, 2500);
        say(&g->out, "hold %s %ld", ONE_OF(g, held_keys), ms);
        g->t += (uint64_t)ms;
        break;
    }
    case SOAK_LANG: say(&g->out, "lang %s", g->p->langs[pick(g, 0, g->p->n_langs - 1)]); break;
    case SOAK_CLOSE: say(&g->out, "close"); break;
    case SOAK_WAIT: some_wait(g); break;
    case SOAK_WRONG_PIN: wrong_pin(g); break;
    case SOAK_LECTURE:
    case SOAK_KINDS: break;
    }
}

/* ---- changes to the folder -------------------------------------------------------- */

/* Pick a change that the edits allow for a random exhibition. */
static Change choose_change(Gen *g)
{
    Change ch = {CH_MOVE_OUT, (int)pick(g, 0, g->plan->n - 1), 0};
    const SoakExhibition *ex = &g->plan->ex[ch.ex];
    long r = pick(g, 0, 8); /* variants 4 (one of them slow), images 3, moving out 2 */
    if (r < 4 && ex->n_variants > 0) {
        ch.kind = r == 0 ? CH_SLOW_VARIANT : CH_VARIANT;
        ch.file = (int)pick(g, 0, ex->n_variants - 1);
    } else if (r < 7 && ex->n_replacements > 0) {
        ch.kind = CH_IMAGE;
        ch.file = (int)pick(g, 0, ex->n_replacements - 1);
    }
    return ch;
}

/* Changes at least SOAK_RELOAD_GAP_MS apart, so each settles on its own. */
static void keep_apart(Gen *g)
{
    if (g->reloads_done > 0 && g->t < g->last_change + SOAK_RELOAD_GAP_MS)
        wait_ms(g, g->last_change + SOAK_RELOAD_GAP_MS - g->t);
}

static void changed(Gen *g)
{
    g->reloads_done++;
    g->last_change = g->t;
}

/* The next change, or putting the last one back. */
static void next_change(Gen *g)
{
    keep_apart(g);
    const char *edits = g->p->edits;
    if (g->pending.kind == CH_NONE) {
        Change ch = choose_change(g);
        const SoakExhibition *ex = &g->plan->ex[ch.ex];
        const char *id = ex->id;
        switch (ch.kind) {
        case CH_VARIANT:
            say(&g->out, "copy %s/%s/%s %s/exhibition.json", edits, id, ex->variants[ch.file], id);
            break;
        case CH_SLOW_VARIANT: /* the rest comes a few inputs later (slow_rest) */
            say(&g->out, "write-part %s/%s/%s %s/exhibition.json %d", edits, id, ex->variants[ch.file], id,
                SLOW_PART_BYTES);
            g->part_in = (int)pick(g, 1, 3);
            g->pending = ch;
            return;
        case CH_IMAGE: {
            const char *f = ex->replacements[ch.file];
            say(&g->out, "move %s/%s %s/%s/%s", id, f, KEPT_IMAGES, id, f);
            say(&g->out, "copy %s/%s/%s %s/%s", edits, id, f, id, f);
            break;
        }
        case CH_MOVE_OUT:
        case CH_NONE:
            say(&g->out, "move %s %s/%s", id, KEPT_EXHIBITIONS, id);
            break;
        }
        g->pending = ch;
    } else {
        const SoakExhibition *ex = &g->plan->ex[g->pending.ex];
        const char *id = ex->id;
        switch (g->pending.kind) {
        case CH_VARIANT:
        case CH_SLOW_VARIANT:
            say(&g->out, "copy %s/%s/exhibition.json %s/exhibition.json", edits, id, id);
            break;
        case CH_IMAGE: {
            const char *f = ex->replacements[g->pending.file];
            say(&g->out, "move %s/%s/%s %s/%s", KEPT_IMAGES, id, f, id, f);
            break;
        }
        case CH_MOVE_OUT:
        case CH_NONE:
            say(&g->out, "move %s/%s %s", KEPT_EXHIBITIONS, id, id);
            break;
        }
        g->pending.kind = CH_NONE;
    }
    changed(g);
}

/* The rest of a slow copy: the file is closed and complete now. */
static void slow_rest(Gen *g)
{
    const SoakExhibition *ex = &g->plan->ex[g->pending.ex];
    say(&g->out, "write-part %s/%s/%s %s/exhibition.json %d", g->p->edits, ex->id,
        ex->variants[g->pending.file], ex->id, SLOW_REST_BYTES);
    g->part_in = -1;
    changed(g);
}

/* ---- the script ---------------------------------------------------------------------- */

static const char *const kind_names[SOAK_KINDS] = {
    [SOAK_TAP] = "taps", [SOAK_DOUBLE_TAP] = "double taps", [SOAK_CLICK] = "clicks",
    [SOAK_SWIPE] = "swipes", [SOAK_DRAG] = "drags", [SOAK_PINCH] = "pinches",
    [SOAK_WHEEL] = "wheel turns", [SOAK_KEY] = "keys", [SOAK_HOLD] = "held keys",
    [SOAK_LANG] = "language switches", [SOAK_CLOSE] = "window closes", [SOAK_WAIT] = "waits",
    [SOAK_WRONG_PIN] = "wrong PINs", [SOAK_LECTURE] = "lecture starts and ends",
};

const char *soak_kind_name(SoakKind k)
{
    return (unsigned)k < SOAK_KINDS ? kind_names[k] : "?";
}

/* Whatever happened before: Escape (out of the PIN pad, off a slide), a wait
 * through the idle timeout, "still there?" and the reset into the attract
 * loop, and a touch that wakes it: the home screen, as a new visitor finds it. */
static int known_state(Gen *g)
{
    const SoakParams *p = g->p;
    long before = g->out.lines;
    key(g, "Escape");
    key(g, "Escape");
    wait_ms(g, (uint64_t)p->idle_ms + (uint64_t)p->warning_ms + (uint64_t)p->attract_delay_ms + 2000);
    say(&g->out, "tap 0.500 0.500");
    g->t += TAP_MS;
    return (int)(g->out.lines - before);
}

char *soak_script(const SoakPlan *plan, const SoakParams *p, SoakCounts *counts)
{
    Gen g = {.plan = plan, .p = p, .c = counts, .rng = p->seed, .part_in = -1};
    memset(counts, 0, sizeof *counts);
    say(&g.out, "# soak %s %ld %d %llu%s%s: written by vitrine (src/harness/core/soak.c). Run it as a replay from the",
        p->edits, p->inputs, p->reloads, (unsigned long long)p->seed, p->pin ? " " : "", p->pin ? p->pin : "");
    say(&g.out, "# folder of the script that had the soak line: the copies' sources are relative to it.");
    say(&g.out, "# Its line numbers are the soak's steps. Measured after the first known state, compared after the second.");
    counts->known_lines = known_state(&g);
    int next_reload = 0; /* the schedule: change k comes at input (k + 1) * inputs / (reloads + 1) */
    for (long i = 0; i < p->inputs; i++) {
        if (g.part_in == 0)
            slow_rest(&g);
        while (g.part_in < 0 && next_reload < p->reloads &&
               i >= (long)((double)(next_reload + 1) * (double)p->inputs / (p->reloads + 1))) {
            next_change(&g);
            next_reload++;
        }
        if (g.lecture_left == 1 || (g.lecture_left > 0 && i == p->inputs - 1)) { /* before the end */
            g.c->kind[SOAK_LECTURE]++;
            end_lecture(&g);
        } else if (g.part_in > 0) {
            g.part_in--;
            one_input(&g, choose_kind(&g, quick_weights));
        } else if (g.lecture_left > 0) {
            g.lecture_left--;
            one_input(&g, choose_kind(&g, lecture_weights));
        } else if (lecture_possible(&g) && pick(&g, 1, LECTURE_CHANCE) == 1 && i < p->inputs - 1) {
            g.c->kind[SOAK_LECTURE]++;
            start_lecture(&g);
        } else {
            SoakKind k = choose_kind(&g, visitor_weights);
            if (k == SOAK_WRONG_PIN && !p->pin_set)
                k = SOAK_KEY;
            one_input(&g, k);
        }
    }
    /* what is still due: a slow copy's rest, changes, putting the last back */
    if (g.part_in >= 0)
        slow_rest(&g);
    while (next_reload < p->reloads || g.pending.kind != CH_NONE) {
        next_change(&g);
        next_reload++;
        if (g.part_in >= 0)
            slow_rest(&g);
    }
    keep_apart(&g);
    known_state(&g);
    counts->reloads = g.reloads_done;
    counts->lines = g.out.lines;
    counts->virtual_ms = g.t;
    if (g.out.oom) {
        free(g.out.s);
        return NULL;
    }
    return g.out.s;
}

/* ---- into the replay ------------------------------------------------------------------ */

bool soak_expand(ReplayScript *s, int at, const char *text, const SoakCounts *counts, const char *name,
                 DiagList *diags)
{
    ReplayScript gen;
    if (!replay_parse(text, name, &gen, diags))
        return false;
    int known = counts->known_lines;
    if (gen.n < 2 * known) {
        diag_add(diags, DIAG_ERROR, name, 0, 0, "the soak's script is shorter than its two known states");
        replay_free(&gen);
        return false;
    }
    int n = s->n + gen.n + 2;
    ReplayCmd *cmds = calloc((size_t)n, sizeof *cmds);
    if (!cmds) {
        replay_free(&gen);
        return false;
    }
    int k = 0;
    for (int i = 0; i <= at; i++)
        cmds[k++] = s->cmds[i];
    for (int i = 0; i < gen.n; i++) {
        if (i == known)
            cmds[k++] = (ReplayCmd){.op = RC_SOAK_BEGIN, .line = gen.cmds[i].line};
        cmds[k++] = gen.cmds[i];
    }
    cmds[k++] = (ReplayCmd){.op = RC_SOAK_END, .line = gen.cmds[gen.n - 1].line};
    for (int i = at + 1; i < s->n; i++)
        cmds[k++] = s->cmds[i];
    free(s->cmds);
    free(gen.cmds); /* the commands (and their strings) moved to cmds */
    s->cmds = cmds;
    s->n = k;
    return true;
}
