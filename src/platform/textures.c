/* SPDX-License-Identifier: GPL-3.0-or-later */
/* textures.c - see textures.h
 *
 * Entries (render thread only) hold what is known about each picture wanted
 * lately: waiting for a decode, or ready as a texture (or tiles). Jobs are
 * what workers decode; they move queue -> a worker -> done under the mutex,
 * and find their entry again by id, so an entry that was given up while its
 * job was running simply does not match any more.
 */
#include "textures.h"

#include <stdlib.h>
#include <string.h>

#include "core/cache_policy.h"
#include "core/zoom.h"
#include "decode.h"
#include "prevstore.h"
#include "texcopy.h"
#include "texfail.h"
#include "texzoom.h"
#include "trace.h"
#include "harness/platform/texcount.h"

#define MAX_WORKERS 4
#define DEFAULT_ZOOM_BUDGET (128u << 20)
#define TILE_MAX 4096
#define DRAWING_ZOOM 16  /* a page with no pixels of its own (PDF) zooms to this times its screen copy */
/* A box this large or larger gets a preview while its picture decodes: a
 * smaller one (a grid's thumbnail, a cover) decodes at 1/8 scale anyway,
 * as quickly as its preview would. */
#define PREVIEW_MIN_PIXELS (640 * 360)
/* A decoded picture is opaque (flattened on its background) and its
 * ARGB8888 bytes are XRGB8888's: textures in the window's own format,
 * without blending. SDL's software renderer then stretches one straight
 * into the window (a preview, a zoom's view); an ARGB8888 texture went
 * through a fresh 4 MB surface, converted and blended, each time: 10-20 ms
 * a frame here where the stretch alone takes 1.5. */
#define PICTURE_FORMAT SDL_PIXELFORMAT_XRGB8888

typedef struct Job {
    unsigned id;
    char *path;
    int page;
    int bw, bh;
    FitMode fit;
    Color bg;
    Rect rg;                /* w > 0: only this region of the picture fitted to bw x bh */
    int rank;
    bool screen;            /* started while wanted on screen */
    bool preview;           /* a quick small copy first (DecodeRequest.preview) */
    /* results */
    SDL_Surface *surf;
    int nat_w, nat_h;
    char err[256];
    struct Job *next;
} Job;

typedef struct {
    char *path;
    int page;               /* a document's page (0: the first) */
    int bw, bh;
    FitMode fit;
    Color bg;
    bool full;              /* a zoomed picture's own pixels, in tiles */
    Rect rg;                /* w > 0: a zoom's view, this region of the picture fitted to
                             * bw x bh (its pixels read alone: decode_by_region) */
    int ex, slide;          /* what its fate is reported against */
    bool ready;             /* else a job is decoding it */
    unsigned job;
    /* Until ready: a small DCT-scaled copy drawn in its place, over the
     * rectangle the full copy (full_w x full_h) will take. */
    unsigned prev_job;      /* decoding it (0: none asked or none left) */
    SDL_Texture *prev;
    int prev_w, prev_h, full_w, full_h;
    SDL_Texture **tiles;    /* ready: one, or (full) tiles_x * tiles_y */
    int tiles_x, tiles_y, tile;
    int w, h;               /* pixels held */
    int nat_w, nat_h;       /* the source image's own size */
    size_t bytes;
    unsigned last_use;
    int rank;               /* in the latest wish list, -1 = not wanted */
} Entry;

struct Textures {
    SDL_mutex *mx;
    SDL_cond *work, *finished;
    Job *queue, *done;
    int busy;               /* jobs being decoded */
    int busy_screen;        /* of which wanted on screen */
    int n_screen;           /* ranks below this are on screen (the rest prefetch) */
    bool quit;
    SDL_Thread *th[MAX_WORKERS];
    int n_th;
    Uint32 wake;
    unsigned next_id;

    Entry *e;
    int n, cap;
    size_t budget, zoom_budget;
    unsigned clock;
    TexFailures failed;     /* what could not be decoded */
    bool hold_full;         /* tests: full copies wait in `done` (textures_hold_full) */
    char *store;            /* the state folder, for small copies (prevstore.h); NULL: none */
    /* A screen-size texture let go while a pump makes room for an arrival:
     * the arrival's texture if it is the same size (a lecture's slides
     * mostly are), else destroyed at the pump's end. A new texture is a
     * new 4 MB surface that SDL zeroes: half of the render thread's time
     * in a cycle through 4K slides went to that and its page faults. */
    SDL_Texture *spare;
    int spare_w, spare_h;
};

/* ---- workers ---------------------------------------------------------------- */

static void free_job(Job *j)
{
    if (!j)
        return;
    SDL_FreeSurface(j->surf);
    free(j->path);
    free(j);
}

/* A large picture's small copy, kept for its next preview (prevstore.h):
 * made from a preview, or from a full copy at the size a preview takes. */
static bool keep_small_copy(const char *store, const Job *j)
{
    if (!store || !j->surf || j->rg.w > 0 || j->nat_w < 1 || (long)j->bw * j->bh < PREVIEW_MIN_PIXELS)
        return false;
    if (!j->preview && prevstore_has(store, j->path))
        return false;
    prevstore_put(store, j->path, j->surf, (j->bw + 3) / 4, (j->bh + 3) / 4, j->nat_w, j->nat_h);
    return true;
}

/* Whether a prefetch's full copy may have its small copy made now: only
 * when no other picture waits or decodes. A lecturer paging fast needs the
 * next slides first, and the copy (an average and a JPEG to write) would
 * delay them on a busy pipeline (bench's cycle); the copy comes the next
 * time the picture is decoded at a calmer moment. A picture wanted on
 * screen, and any preview, always has it made (a jump's target is where
 * the next jump's preview is wanted). */
static bool calm(Textures *t)
{
    SDL_LockMutex(t->mx);
    bool c = !t->queue && t->busy <= 1; /* this thread's job is counted until it is done */
    SDL_UnlockMutex(t->mx);
    return c;
}

static void decode_job(Textures *t, Job *j)
{
    const char *store = t->store;
    uint64_t t0 = trace_clock();
    if (j->preview && store && j->page <= 1 && prevstore_get(store, j->path, &j->surf, &j->nat_w, &j->nat_h)) {
        if (t0)
            trace_event("decode", "page=%d box=%dx%d region=0x0+0+0 preview=1 ok=1 stored=1 decode_us=%llu",
                        j->page, j->bw, j->bh, (unsigned long long)(trace_clock() - t0) / 1000);
        return;
    }
    bool own = j->rg.w == 0 && decode_probe(j->path, j->page, &j->nat_w, &j->nat_h);
    if (!own)
        j->nat_w = j->nat_h = 0;
    DecodeRequest rq = {.path = j->path, .page = j->page, .box_w = j->bw, .box_h = j->bh, .fit = j->fit,
                        .bg = j->bg, .region = j->rg, .preview = j->preview};
    uint64_t t1 = trace_clock(), c1 = trace_thread_cpu();
    j->surf = decode_request(&rq, j->err, sizeof j->err);
    if (t0) /* where a slide's time goes: probing, decoding (bench/README.md) */
        trace_event("decode", "page=%d box=%dx%d region=%dx%d+%d+%d preview=%d ok=%d probe_us=%llu decode_us=%llu "
                    "cpu_us=%llu", j->page, j->bw, j->bh, j->rg.w, j->rg.h, j->rg.x, j->rg.y, j->preview,
                    j->surf != NULL, (unsigned long long)(t1 - t0) / 1000,
                    (unsigned long long)(trace_clock() - t1) / 1000,
                    (unsigned long long)(trace_thread_cpu() - c1) / 1000);
    if (!j->surf || j->rg.w > 0) /* a region's size is not the picture's */
        return;
    int sw = j->surf->w, sh = j->surf->h;
    if (!own) { /* a page: no pixels of its own, so as far as it is drawn sharp */
        j->nat_w = sw * DRAWING_ZOOM;
        j->nat_h = sh * DRAWING_ZOOM;
    } else if (sw != sh && (sw > sh) != (j->nat_w > j->nat_h)) {
        int k = j->nat_w; /* turned upright by its EXIF orientation */
        j->nat_w = j->nat_h;
        j->nat_h = k;
    }
    if (own && j->page <= 1 && (j->screen || j->preview || calm(t)) && keep_small_copy(store, j) && t0)
        trace_event("kept", "preview=%d", j->preview);
}

/* Whether a decoding thread may take the queue's first job: a prefetch
 * waits while a page wanted on screen is being decoded, so that after a
 * jump the page asked for has the cores to itself (with two threads, its
 * neighbour's decode doubled its time on a two-core machine: bench's
 * pdf-jump); what is on screen never waits. Called with the lock held. */
static bool may_start(const Textures *t)
{
    return t->queue && (t->queue->rank < t->n_screen || t->busy_screen == 0);
}

static int worker(void *arg)
{
    Textures *t = arg;
    SDL_LockMutex(t->mx);
    for (;;) {
        while (!t->quit && !may_start(t))
            SDL_CondWait(t->work, t->mx);
        if (t->quit)
            break;
        Job *j = t->queue;
        t->queue = j->next;
        t->busy++;
        j->screen = j->rank < t->n_screen;
        t->busy_screen += j->screen;
        SDL_UnlockMutex(t->mx);
        decode_job(t, j);
        SDL_LockMutex(t->mx);
        t->busy--;
        t->busy_screen -= j->screen;
        SDL_CondBroadcast(t->work); /* a prefetch may have been waiting for it */
        j->next = t->done;
        t->done = j;
        SDL_CondBroadcast(t->finished);
        if (t->wake) {
            SDL_Event ev;
            SDL_zero(ev);
            ev.type = t->wake;
            SDL_PushEvent(&ev);
        }
    }
    SDL_UnlockMutex(t->mx);
    decode_release_scratch();
    prevstore_release_thread();
    return 0;
}

Textures *textures_create(const TexturesConfig *cfg)
{
    Textures *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    TexturesConfig c = cfg ? *cfg : (TexturesConfig){0};
    t->budget = c.budget ? c.budget : (size_t)CACHE_DEFAULT_BUDGET_MB << 20;
    t->zoom_budget = c.zoom_budget ? c.zoom_budget : DEFAULT_ZOOM_BUDGET;
    t->wake = c.wake_event;
    t->store = c.store_dir && c.store_dir[0] ? strdup(c.store_dir) : NULL;
    t->mx = SDL_CreateMutex();
    t->work = SDL_CreateCond();
    t->finished = SDL_CreateCond();
    if (!t->mx || !t->work || !t->finished) {
        textures_free(t);
        return NULL;
    }
    int n = c.workers > 0 ? c.workers : 2;
    for (int i = 0; i < n && i < MAX_WORKERS; i++)
        if ((t->th[t->n_th] = SDL_CreateThread(worker, "vitrine-decode", t)) != NULL)
            t->n_th++;
    if (t->n_th == 0) {
        SDL_Log("image: cannot start a decoding thread: %s", SDL_GetError());
        textures_free(t);
        return NULL;
    }
    return t;
}

/* ---- entries ---------------------------------------------------------------- */

static void drop_pixels(Entry *e)
{
    int n = e->tiles ? e->tiles_x * e->tiles_y : 0;
    for (int i = 0; i < n; i++)
        if (e->tiles[i])
            texcount_destroy(e->tiles[i]);
    free(e->tiles);
    e->tiles = NULL;
    e->bytes = 0;
    if (e->prev)
        texcount_destroy(e->prev);
    e->prev = NULL;
}

/* A zoom's pixels (the whole at full resolution, or a region): not the
 * screen-size cache's, dropped the moment the zoom does not want them. */
static bool zoomed(const Entry *e)
{
    return e->full || e->rg.w > 0;
}

static void drop_spare(Textures *t)
{
    if (t->spare)
        texcount_destroy(t->spare);
    t->spare = NULL;
}

/* Entry e's one texture kept as the spare, if it has one (and is not a
 * zoom's): drop_pixels() then finds nothing to destroy. */
static void keep_spare(Textures *t, Entry *e)
{
    if (zoomed(e) || !e->tiles || e->tiles_x * e->tiles_y != 1 || !e->tiles[0])
        return;
    drop_spare(t);
    t->spare = e->tiles[0];
    t->spare_w = e->w;
    t->spare_h = e->h;
    e->tiles[0] = NULL;
}

static void remove_entry(Textures *t, int i)
{
    drop_pixels(&t->e[i]);
    free(t->e[i].path);
    t->e[i] = t->e[--t->n];
}

/* The entry waiting for job id (its full copy or its preview), or -1. */
static int entry_of_job(const Textures *t, unsigned id)
{
    for (int i = 0; i < t->n; i++)
        if (!t->e[i].ready && (t->e[i].job == id || t->e[i].prev_job == id))
            return i;
    return -1;
}

/* Jobs nobody has started on: those nobody wants any more (all of them
 * when `all`) are dropped with their entries; the rest are put in the
 * order of the latest wish list (the visitor may have turned round). */
static void cancel_queued(Textures *t, bool all)
{
    SDL_LockMutex(t->mx);
    Job *keep = NULL;
    for (Job *j = t->queue, *next; j; j = next) {
        next = j->next;
        int i = entry_of_job(t, j->id);
        if (all || i < 0 || t->e[i].rank < 0) {
            free_job(j);
            if (i >= 0)
                remove_entry(t, i);
            continue;
        }
        if (j->preview && t->e[i].rank >= t->n_screen) {
            t->e[i].prev_job = 0; /* off screen now: only its full copy matters */
            free_job(j);
            continue;
        }
        j->rank = j->preview ? -1 : t->e[i].rank;
        Job **p = &keep; /* insertion by rank: a handful of jobs */
        while (*p && (*p)->rank <= j->rank)
            p = &(*p)->next;
        j->next = *p;
        *p = j;
    }
    t->queue = keep;
    SDL_CondBroadcast(t->work); /* ranks changed: what may start too */
    SDL_UnlockMutex(t->mx);
}

void textures_forget(Textures *t)
{
    if (!t)
        return;
    cancel_queued(t, true);
    while (t->n > 0)
        remove_entry(t, t->n - 1);
}

void textures_reset(Textures *t)
{
    if (!t)
        return;
    textures_forget(t);
    texfail_clear(&t->failed);
}

void textures_free(Textures *t)
{
    if (!t)
        return;
    if (t->mx) {
        SDL_LockMutex(t->mx);
        t->quit = true;
        if (t->work)
            SDL_CondBroadcast(t->work);
        SDL_UnlockMutex(t->mx);
    }
    for (int i = 0; i < t->n_th; i++)
        SDL_WaitThread(t->th[i], NULL);
    textures_reset(t);
    for (Job *j = t->done, *next; j; j = next) {
        next = j->next;
        free_job(j);
    }
    t->done = NULL;
    free(t->e);
    if (t->finished)
        SDL_DestroyCond(t->finished);
    if (t->work)
        SDL_DestroyCond(t->work);
    if (t->mx)
        SDL_DestroyMutex(t->mx);
    drop_spare(t);
    free(t->store);
    free(t);
}

static bool same_color(Color a, Color b)
{
    return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a;
}

static bool same_rect(Rect a, Rect b)
{
    return a.x == b.x && a.y == b.y && a.w == b.w && a.h == b.h;
}

static int find(const Textures *t, const char *path, int page, int bw, int bh, FitMode fit, Color bg,
                bool full, Rect rg)
{
    for (int i = 0; i < t->n; i++) {
        const Entry *e = &t->e[i];
        if (e->bw == bw && e->bh == bh && e->fit == fit && e->full == full && e->page == page &&
            same_rect(e->rg, rg) && same_color(e->bg, bg) && strcmp(e->path, path) == 0)
            return i;
    }
    return -1;
}


/* Queue job j in rank order (the lock is not held). */
static void enqueue(Textures *t, Job *j)
{
    SDL_LockMutex(t->mx);
    Job **p = &t->queue;
    while (*p && (*p)->rank <= j->rank)
        p = &(*p)->next;
    j->next = *p;
    *p = j;
    SDL_CondSignal(t->work);
    SDL_UnlockMutex(t->mx);
}

/* A picture wanted on screen and not there yet: its preview is decoded
 * first, ahead of every other job (rank -1), on the other core while the
 * full copy decodes. */
static void want_preview(Textures *t, Entry *e)
{
    Job *j = calloc(1, sizeof *j);
    char *p = strdup(e->path);
    if (!j || !p) {
        free(j);
        free(p);
        return;
    }
    *j = (Job){.id = ++t->next_id, .path = p, .page = e->page, .bw = e->bw, .bh = e->bh, .fit = e->fit,
               .bg = e->bg, .rank = -1, .preview = true};
    e->prev_job = j->id;
    enqueue(t, j);
}

/* Ask for it at rank `rank`: an entry and a job when it is new (and, on
 * screen, a preview). */
static void want_one(Textures *t, const char *path, int page, int bw, int bh, FitMode fit, Color bg,
                     bool full, Rect rg, bool screen, int ex, int slide, int rank)
{
    if (!path || bw < 1 || bh < 1)
        return;
    int i = find(t, path, page, bw, bh, fit, bg, full, rg);
    if (i >= 0) {
        if (t->e[i].rank < 0 || rank < t->e[i].rank)
            t->e[i].rank = rank;
        t->e[i].last_use = ++t->clock;
        t->e[i].ex = ex;
        t->e[i].slide = slide;
        return;
    }
    if (texfail_known(&t->failed, path, page, texfail_kind(full, rg)))
        return;
    if (t->n == t->cap) {
        int cap = t->cap ? t->cap * 2 : 16;
        Entry *ne = realloc(t->e, (size_t)cap * sizeof *ne);
        if (!ne)
            return;
        t->e = ne;
        t->cap = cap;
    }
    Job *j = calloc(1, sizeof *j);
    char *p1 = strdup(path), *p2 = strdup(path);
    if (!j || !p1 || !p2) {
        free(j);
        free(p1);
        free(p2);
        return;
    }
    *j = (Job){.id = ++t->next_id, .path = p2, .page = page, .bw = bw, .bh = bh, .fit = fit, .bg = bg,
               .rg = rg, .rank = rank};
    Entry *e = &t->e[t->n++];
    *e = (Entry){.path = p1, .page = page, .bw = bw, .bh = bh, .fit = fit, .bg = bg, .full = full, .rg = rg,
                 .ex = ex, .slide = slide, .job = j->id, .last_use = ++t->clock, .rank = rank};
    if (screen && !full && rg.w == 0 && (long)bw * bh >= PREVIEW_MIN_PIXELS)
        want_preview(t, e);
    enqueue(t, j);
}

static const Entry *ready_screen(const Textures *t, const DrawItem *it, Color bg)
{
    int i = find(t, it->path, it->page, it->r.w, it->r.h, it->fit, bg, false, (Rect){0});
    return i >= 0 && t->e[i].ready ? &t->e[i] : NULL;
}

/* ---- a zoom's view, read by region -------------------------------------------- */

/* Where region entry g lands on screen when the whole picture lands on d. */
static RectF region_place(const Entry *g, RectF d)
{
    double kx = d.w / g->bw, ky = d.h / g->bh;
    return (RectF){(float)(d.x + g->rg.x * kx), (float)(d.y + g->rg.y * ky), (float)(g->w * kx),
                   (float)(g->h * ky)};
}

static bool meets(RectF a, Rect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}


/* The ready region entries of item it, oldest first (at most n). */
static int ready_regions(const Textures *t, const DrawItem *it, Color bg, int *out, int n)
{
    int k = 0;
    for (int i = 0; i < t->n && k < n; i++) {
        const Entry *g = &t->e[i];
        if (g->rg.w > 0 && g->ready && g->page == it->page && same_color(g->bg, bg) &&
            strcmp(g->path, it->path) == 0) {
            int at = k++;
            while (at > 0 && t->e[out[at - 1]].job > g->job) {
                out[at] = out[at - 1];
                at--;
            }
            out[at] = i;
        }
    }
    return k;
}

/* Ask for the view's region when the zoom needs one; until it is there, the
 * newest region already shown stays (a pan shows sharp pixels where it has
 * them, never a blank); everything else of the kind is let go (evict). */
static void want_region(Textures *t, const DrawItem *it, const Entry *e, int have_w, Color bg, int *rank)
{
    int bw, bh;
    Rect rg;
    if (!zoom_active(it->zoom) || !texzoom_view_region(it, e->nat_w, e->nat_h, have_w, &bw, &bh, &rg))
        return;
    want_one(t, it->path, it->page, bw, bh, FIT_CONTAIN, bg, false, rg, true, it->exhibition, it->slide, (*rank)++);
    int k = find(t, it->path, it->page, bw, bh, FIT_CONTAIN, bg, false, rg);
    if (k >= 0 && t->e[k].ready)
        return;
    int g[4], n = ready_regions(t, it, bg, g, 4);
    RectF d = zoom_place(it->r, e->nat_w, e->nat_h, it->zoom);
    if (n > 0 && t->e[g[n - 1]].rank < 0 && meets(region_place(&t->e[g[n - 1]], d), it->r))
        t->e[g[n - 1]].rank = (*rank)++;
}

/* The screen-size entries that hold pixels, for the cache policy: items[k]
 * is entry map[k]; *used their bytes. */
static int screen_items(const Textures *t, CacheItem *items, int *map, int max, size_t *used)
{
    int k = 0;
    *used = 0;
    for (int i = 0; i < t->n && k < max; i++)
        if (!zoomed(&t->e[i]) && t->e[i].ready) {
            *used += t->e[i].bytes;
            items[k] = (CacheItem){t->e[i].bytes, t->e[i].last_use, t->e[i].rank};
            map[k++] = i;
        }
    return k;
}

/* Keep within budget: unwanted zoom pixels go at once; screen-size ones by
 * the cache policy. */
static void evict(Textures *t)
{
    for (int i = t->n - 1; i >= 0; i--)
        if (zoomed(&t->e[i]) && t->e[i].rank < 0)
            remove_entry(t, i);
    for (;;) {
        size_t used;
        CacheItem items[256];
        int map[256], k = screen_items(t, items, map, 256, &used);
        int v = cache_pick_victim(items, k, used, t->budget);
        if (v < 0)
            break;
        remove_entry(t, map[v]);
    }
}

/* Before an arrival of `bytes` wanted at `rank` becomes a texture, free
 * what may go for it (cache_pick_room), so that the old and the new are
 * not both held at the peak. Entries move: look the arrival up again. */
static void make_room(Textures *t, size_t bytes, int rank)
{
    for (;;) {
        size_t used;
        CacheItem items[256];
        int map[256], k = screen_items(t, items, map, 256, &used);
        int v = cache_pick_room(items, k, used, t->budget, bytes, rank);
        if (v < 0)
            break;
        keep_spare(t, &t->e[map[v]]);
        remove_entry(t, map[v]);
    }
}

void textures_want(Textures *t, SDL_Renderer *r, const Scene *scene, Color bg,
                   const ImageRequest *extra, int n_extra)
{
    (void)r;
    for (int i = 0; i < t->n; i++)
        t->e[i].rank = -1;
    int rank = 0;
    for (int i = 0; scene && i < scene->n; i++) {
        const DrawItem *it = &scene->items[i];
        if (it->kind != DRAW_IMAGE)
            continue;
        want_one(t, it->path, it->page, it->r.w, it->r.h, it->fit, bg, false, (Rect){0}, true, it->exhibition,
                 it->slide, rank++);
        const Entry *e = ready_screen(t, it, bg);
        int fw = e ? e->w : 0, fh;
        if (e && zoom_active(it->zoom) && it->fit == FIT_CONTAIN &&
            texzoom_full_box(it, e->nat_w, e->nat_h, t->zoom_budget, &fw, &fh))
            want_one(t, it->path, it->page, fw, fh, FIT_CONTAIN, bg, true, (Rect){0}, true, it->exhibition,
                     it->slide, rank++);
        if (e)
            want_region(t, it, e, fw, bg, &rank);
    }
    SDL_LockMutex(t->mx);
    t->n_screen = rank;
    SDL_UnlockMutex(t->mx);
    for (int i = 0; i < n_extra; i++)
        want_one(t, extra[i].path, extra[i].page, extra[i].r.w, extra[i].r.h, extra[i].fit, bg, false,
                 (Rect){0}, false, extra[i].exhibition, extra[i].slide, rank++);
    /* what nobody wants and nobody has started on is not decoded (what a
     * worker has started stays: its result may still come in handy) */
    cancel_queued(t, false);
    evict(t);
}

/* ---- finished decodes -> textures ------------------------------------------- */

static bool make_tiles(Textures *t, Entry *e, SDL_Renderer *r, SDL_Surface *s)
{
    SDL_RendererInfo info;
    int max = SDL_GetRendererInfo(r, &info) == 0 && info.max_texture_width > 0
                  ? SDL_min(info.max_texture_width, info.max_texture_height)
                  : TILE_MAX;
    int tile = zoomed(e) ? SDL_min(max, TILE_MAX) : SDL_max(s->w, s->h);
    if (!zoomed(e) && tile > max)
        return false; /* a screen-size picture larger than a texture: cannot be */
    e->tile = tile;
    e->tiles_x = (s->w + tile - 1) / tile;
    e->tiles_y = (s->h + tile - 1) / tile;
    e->tiles = calloc((size_t)e->tiles_x * (size_t)e->tiles_y, sizeof *e->tiles);
    if (!e->tiles)
        return false;
    for (int ty = 0; ty < e->tiles_y; ty++)
        for (int tx = 0; tx < e->tiles_x; tx++) {
            int x = tx * tile, y = ty * tile;
            int w = SDL_min(tile, s->w - x), h = SDL_min(tile, s->h - y);
            SDL_Texture *tex = NULL;
            if (t->spare && t->spare_w == w && t->spare_h == h && e->tiles_x * e->tiles_y == 1) {
                tex = t->spare; /* the same size: no new surface to zero */
                t->spare = NULL;
            } else {
                drop_spare(t); /* not both held at the peak */
                tex = texcount_made(SDL_CreateTexture(r, PICTURE_FORMAT, SDL_TEXTUREACCESS_STATIC, w, h));
            }
            e->tiles[ty * e->tiles_x + tx] = tex;
            const Uint8 *px = (const Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch + (size_t)x * 4;
            if (!tex || SDL_UpdateTexture(tex, NULL, px, s->pitch) != 0) {
                drop_pixels(e);
                return false;
            }
        }
    e->w = s->w;
    e->h = s->h;
    e->bytes = (size_t)s->w * (size_t)s->h * 4;
    return true;
}

/* Entry i's picture cannot be shown: remembered, reported once (a zoomed
 * picture's full pixels only cost the zoom its sharpness), dropped. */
static void give_up(Textures *t, int i, Job *j, TexturesLoaded cb, void *ctx)
{
    const Entry *e = &t->e[i];
    texfail_remember(&t->failed, j->path, j->page, texfail_kind(e->full, e->rg));
    if (!zoomed(e) && cb)
        cb(ctx, e->ex, e->slide, false, 0, 0);
    remove_entry(t, i);
    free_job(j);
}

/* A preview arrived for entry e: a texture of its own, drawn until the
 * full copy comes. Failing costs nothing but the preview. */
static bool take_preview(Entry *e, SDL_Renderer *r, Job *j)
{
    e->prev_job = 0;
    if (!j->surf)
        return false;
    SDL_Surface *s = j->surf;
    SDL_Texture *tex =
        texcount_made(SDL_CreateTexture(r, PICTURE_FORMAT, SDL_TEXTUREACCESS_STATIC, s->w, s->h));
    if (!tex || SDL_UpdateTexture(tex, NULL, s->pixels, s->pitch) != 0) {
        if (tex)
            texcount_destroy(tex);
        return false;
    }
    e->prev = tex;
    e->prev_w = s->w;
    e->prev_h = s->h;
    e->nat_w = j->nat_w;
    e->nat_h = j->nat_h;
    decode_target_size(j->nat_w, j->nat_h, e->bw, e->bh, e->fit, &e->full_w, &e->full_h);
    return true;
}

/* The finished jobs, but a full copy held back (textures_hold_full). */
static Job *take_done(Textures *t)
{
    SDL_LockMutex(t->mx);
    Job *done = t->done, *held = NULL;
    t->done = NULL;
    for (Job **p = &done; t->hold_full && *p;) {
        Job *j = *p;
        if (j->preview) {
            p = &j->next;
            continue;
        }
        *p = j->next;
        j->next = held;
        held = j;
    }
    t->done = held;
    SDL_UnlockMutex(t->mx);
    return done;
}

void textures_hold_full(Textures *t, bool hold)
{
    SDL_LockMutex(t->mx);
    t->hold_full = hold;
    SDL_UnlockMutex(t->mx);
}

int textures_pump(Textures *t, SDL_Renderer *r, TexturesLoaded cb, void *ctx)
{
    Job *done = take_done(t);
    int arrived = 0;
    for (Job *j = done, *next; j; j = next) {
        next = j->next;
        int i = entry_of_job(t, j->id);
        if (i < 0) { /* given up meanwhile, or its full copy came first */
            free_job(j);
            continue;
        }
        Entry *e = &t->e[i];
        if (j->preview) {
            arrived += take_preview(e, r, j);
            free_job(j);
            continue;
        }
        arrived++;
        if (!j->surf) {
            if (j->page > 1)
                SDL_Log("image: %s, page %d: %s; showing a placeholder", j->path, j->page, j->err);
            else
                SDL_Log("image: %s: %s; showing a placeholder", j->path, j->err);
            give_up(t, i, j, cb, ctx);
            continue;
        }
        if (zoomed(e) && e->rank < 0) { /* the zoom ended or moved meanwhile */
            remove_entry(t, i);
            free_job(j);
            continue;
        }
        size_t used = 0;
        for (int k = 0; k < t->n; k++)
            if (!zoomed(&t->e[k]))
                used += t->e[k].bytes;
        size_t bytes = (size_t)j->surf->w * (size_t)j->surf->h * 4;
        if (!zoomed(e) && !cache_admit(used, t->budget, bytes, e->rank)) {
            remove_entry(t, i); /* nobody wants it now, and there is no room */
            free_job(j);
            continue;
        }
        if (!zoomed(e)) {
            make_room(t, bytes, e->rank);
            i = entry_of_job(t, j->id);
            e = &t->e[i];
        }
        if (!make_tiles(t, e, r, j->surf)) {
            SDL_Log("image: %s: cannot make a texture (%dx%d): %s", j->path, j->surf->w, j->surf->h,
                    SDL_GetError());
            give_up(t, i, j, cb, ctx);
            continue;
        }
        e->ready = true;
        if (e->prev) /* replaced: the full copy is drawn from now on */
            texcount_destroy(e->prev);
        e->prev = NULL;
        e->prev_job = 0;
        e->nat_w = j->nat_w;
        e->nat_h = j->nat_h;
        if (cb && !zoomed(e))
            cb(ctx, e->ex, e->slide, true, e->nat_w, e->nat_h);
        free_job(j);
    }
    drop_spare(t); /* none kept past the pump: the budget counts what is held */
    if (arrived)
        evict(t);
    return arrived;
}

bool textures_settle(Textures *t, SDL_Renderer *r, int timeout_ms, TexturesLoaded cb, void *ctx)
{
    Uint64 end = SDL_GetTicks64() + (Uint64)timeout_ms;
    SDL_LockMutex(t->mx);
    while (t->queue || t->busy) {
        Uint64 now = SDL_GetTicks64();
        if (now >= end || SDL_CondWaitTimeout(t->finished, t->mx, (Uint32)(end - now)) < 0)
            break;
    }
    bool idle = !t->queue && !t->busy;
    SDL_UnlockMutex(t->mx);
    textures_pump(t, r, cb, ctx);
    return idle;
}

int textures_pending(Textures *t, const Scene *scene)
{
    int n = 0;
    for (int i = 0; scene && i < scene->n; i++) {
        const DrawItem *it = &scene->items[i];
        if (it->kind != DRAW_IMAGE)
            continue;
        int k = find(t, it->path, it->page, it->r.w, it->r.h, it->fit, scene->clear, false, (Rect){0});
        n += k >= 0 && !t->e[k].ready && !t->e[k].prev;
    }
    return n;
}

void textures_usage(const Textures *t, size_t *screen, size_t *zoom)
{
    *screen = *zoom = 0;
    for (int i = 0; i < t->n; i++)
        *(zoomed(&t->e[i]) ? zoom : screen) += t->e[i].bytes;
}

/* ---- drawing ------------------------------------------------------------------ */

/* The whole entry's pixels (all its tiles) over screen rectangle d. */
static void draw_entry(SDL_Renderer *r, const Entry *e, RectF d, Rect clip)
{
    double kx = d.w / e->w, ky = d.h / e->h;
    for (int ty = 0; ty < e->tiles_y; ty++)
        for (int tx = 0; tx < e->tiles_x; tx++) {
            int x = tx * e->tile, y = ty * e->tile;
            int w = SDL_min(e->tile, e->w - x), h = SDL_min(e->tile, e->h - y);
            /* tile edges at whole source pixels: neighbours meet exactly */
            RectF td = {(float)(d.x + x * kx), (float)(d.y + y * ky), (float)(w * kx), (float)(h * ky)};
            copy_clipped(r, e->tiles[ty * e->tiles_x + tx], w, h, td, clip);
        }
}

/* The preview of entry e in the place its full copy will take: the same
 * rectangle (FIT_CONTAIN), the same crop (FIT_COVER), the same zoom. */
static void draw_preview(SDL_Renderer *r, const Entry *e, const DrawItem *it)
{
    if (it->fit == FIT_COVER) {
        Rect src = rect_fit((Rect){0, 0, e->prev_w, e->prev_h}, it->r.w, it->r.h);
        SDL_Rect s_src = {src.x, src.y, src.w, src.h}, dst = {it->r.x, it->r.y, it->r.w, it->r.h};
        SDL_RenderCopy(r, e->prev, &s_src, &dst);
    } else if (zoom_active(it->zoom) && e->nat_w > 0 && e->nat_h > 0) {
        copy_clipped(r, e->prev, e->prev_w, e->prev_h, zoom_place(it->r, e->nat_w, e->nat_h, it->zoom), it->r);
    } else {
        Rect d = rect_fit(it->r, e->full_w, e->full_h);
        SDL_Rect dst = {d.x, d.y, d.w, d.h};
        SDL_RenderCopy(r, e->prev, NULL, &dst);
    }
}

bool textures_draw(Textures *t, SDL_Renderer *r, const DrawItem *it, Color bg, bool *full, bool *preview)
{
    if (full)
        *full = false;
    if (preview)
        *preview = false;
    if (!t) /* a page without a picture cache (page.c draws its pictures itself) */
        return false;
    int i = find(t, it->path, it->page, it->r.w, it->r.h, it->fit, bg, false, (Rect){0});
    if (i >= 0 && !t->e[i].ready && t->e[i].prev) {
        draw_preview(r, &t->e[i], it);
        if (preview)
            *preview = true;
        return false;
    }
    if (i < 0 || !t->e[i].ready)
        return false;
    Entry *e = &t->e[i];
    e->last_use = ++t->clock;
    if (it->fit == FIT_COVER) {
        /* the centre of the picture, cropped to the box's aspect ratio */
        Rect src = rect_fit((Rect){0, 0, e->w, e->h}, it->r.w, it->r.h);
        SDL_Rect s_src = {src.x, src.y, src.w, src.h}, dst = {it->r.x, it->r.y, it->r.w, it->r.h};
        SDL_RenderCopy(r, e->tiles[0], &s_src, &dst);
        return true;
    }
    if (!zoom_active(it->zoom)) {
        Rect d = rect_fit(it->r, e->w, e->h);
        SDL_Rect dst = {d.x, d.y, d.w, d.h};
        SDL_RenderCopy(r, e->tiles[0], NULL, &dst);
        return true;
    }
    /* zoomed: the full pixels when they are there, else the screen-size
     * copy enlarged until they are */
    const Entry *use = e;
    int fw, fh;
    if (texzoom_full_box(it, e->nat_w, e->nat_h, t->zoom_budget, &fw, &fh)) {
        int k = find(t, it->path, it->page, fw, fh, FIT_CONTAIN, bg, true, (Rect){0});
        if (k >= 0 && t->e[k].ready) {
            use = &t->e[k];
            if (full)
                *full = true;
        }
    }
    RectF d = zoom_place(it->r, e->nat_w, e->nat_h, it->zoom);
    /* a source pixel cut by the box's edge is drawn whole: at 40x, 40
     * screen pixels past it, over the bars, without a clip */
    SDL_Rect old, box = {it->r.x, it->r.y, it->r.w, it->r.h};
    bool clipped = SDL_RenderIsClipEnabled(r);
    SDL_RenderGetClipRect(r, &old);
    SDL_RenderSetClipRect(r, &box);
    draw_entry(r, use, d, it->r);
    /* and the view read by region over it, newest on top */
    int g[4], n = ready_regions(t, it, bg, g, 4);
    for (int k = 0; k < n; k++) {
        Entry *ge = &t->e[g[k]];
        RectF at = region_place(ge, d);
        if (!meets(at, it->r))
            continue;
        ge->last_use = ++t->clock;
        draw_entry(r, ge, at, it->r);
        /* the view's own scale, not an older one's; past 1:1, its own pixels */
        if (full && (SDL_fabs(at.w / ge->w - 1) < 0.03 ||
                     (it->format != IMG_FMT_PDF && it->format != IMG_FMT_SVG && ge->bw >= e->nat_w &&
                      at.w > ge->w)))
            *full = true;
    }
    SDL_RenderSetClipRect(r, clipped ? &old : NULL);
    return true;
}
