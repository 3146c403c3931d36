/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_textures.c - the picture cache with real threads, a software
 * renderer and real JPEGs: pictures wanted are decoded and drawn, the byte
 * budget holds, requests given up and wanted again still arrive, a zoom
 * gets (and gives back) full pixels, a zoom of a TIFF too large for the
 * zoom budget reads the view by region (one at a time, the last kept while
 * the next is read), a broken file is reported once, a large picture shows
 * a preview first, in the same place and brightness, replaced by its full
 * copy; a picture seen once has its next preview from the small copy kept
 * in the state folder, while it is the same file. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <turbojpeg.h>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "platform/decode.h"
#include "platform/prevstore.h"
#include "platform/textures.h"
#include "harness/platform/texcount.h"

#define N_IMG 8

typedef struct {
    char dir[64];
    char path[N_IMG][128];
    char broken[128];
    SDL_Surface *target;
    SDL_Renderer *ren;
    int ok, failed;
    int last_w, last_h;
} Fx;

/* RGB pixels px (freed) as a JPEG at quality q. */
static void save_jpeg(const char *path, unsigned char *px, int w, int h, int q)
{
    tjhandle tj = tjInitCompress();
    unsigned char *jpg = NULL;
    unsigned long len = 0;
    assert_int_equal(tjCompress2(tj, px, w, 0, h, TJPF_RGB, &jpg, &len, TJSAMP_420, q, 0), 0);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(jpg, 1, len, f), len);
    fclose(f);
    tjFree(jpg);
    tjDestroy(tj);
    free(px);
}

static void write_jpeg(const char *path, int w, int h, int seed)
{
    unsigned char *px = malloc((size_t)w * h * 3);
    assert_non_null(px);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            unsigned char *p = px + ((size_t)y * w + x) * 3;
            p[0] = (unsigned char)(x * 255 / w);
            p[1] = (unsigned char)(y * 255 / h);
            p[2] = (unsigned char)(seed * 40);
        }
    save_jpeg(path, px, w, h, 85);
}

/* A w x h RGB TIFF (as stored; its Orientation tag o), one uncompressed
 * strip, the same gradient as write_jpeg's (written here byte by byte:
 * vitrine-tiff reads it). */
static void write_tiff(const char *path, int w, int h, int o)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    enum { N = 10 };
    uint32_t ifd = 8, bps = ifd + 2 + N * 12 + 4, data = bps + 6;
    uint32_t entries[N][3] = {{256, 4, (uint32_t)w}, {257, 4, (uint32_t)h}, {258, 3, bps}, {259, 3, 1},
                              {262, 3, 2}, {273, 4, data}, {274, 3, (uint32_t)o}, {277, 3, 3},
                              {278, 4, (uint32_t)h}, {279, 4, (uint32_t)(w * h * 3)}};
    fwrite("II*\0", 1, 4, f);
    fwrite(&ifd, 4, 1, f);
    uint16_t n = N;
    fwrite(&n, 2, 1, f);
    for (int i = 0; i < N; i++) {
        uint16_t tag = (uint16_t)entries[i][0], type = (uint16_t)entries[i][1];
        uint32_t count = tag == 258 ? 3 : 1, value = entries[i][2];
        fwrite(&tag, 2, 1, f);
        fwrite(&type, 2, 1, f);
        fwrite(&count, 4, 1, f);
        fwrite(&value, 4, 1, f); /* a SHORT sits in the low bytes: little-endian */
    }
    uint32_t next = 0;
    fwrite(&next, 4, 1, f);
    uint16_t eight[3] = {8, 8, 8};
    fwrite(eight, 2, 3, f);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            unsigned char p[3] = {(unsigned char)(x * 255 / w), (unsigned char)(y * 255 / h), 99};
            fwrite(p, 1, 3, f);
        }
    fclose(f);
}

static int setup(void **state)
{
    Fx *fx = calloc(1, sizeof *fx);
    snprintf(fx->dir, sizeof fx->dir, "/tmp/vitrine-textures-XXXXXX");
    if (!mkdtemp(fx->dir))
        return -1;
    char dir[sizeof fx->dir]; /* a copy: at -O1 GCC takes fx->dir and fx->path for one object (-Wrestrict) */
    memcpy(dir, fx->dir, sizeof dir);
    for (int i = 0; i < N_IMG; i++) {
        snprintf(fx->path[i], sizeof fx->path[i], "%s/%d.jpg", dir, i);
        write_jpeg(fx->path[i], 1200, 800, i);
    }
    snprintf(fx->broken, sizeof fx->broken, "%s/broken.jpg", dir);
    FILE *f = fopen(fx->broken, "wb");
    fputs("\xff\xd8\xff\xe0 not really a JPEG", f);
    fclose(f);
    fx->target = SDL_CreateRGBSurfaceWithFormat(0, 640, 480, 32, SDL_PIXELFORMAT_ARGB8888);
    fx->ren = SDL_CreateSoftwareRenderer(fx->target);
    if (!fx->ren)
        return -1;
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    Fx *fx = *state;
    for (int i = 0; i < N_IMG; i++)
        unlink(fx->path[i]);
    unlink(fx->broken);
    rmdir(fx->dir);
    SDL_DestroyRenderer(fx->ren);
    SDL_FreeSurface(fx->target);
    free(fx);
    return 0;
}

static void loaded(void *ctx, int ex, int slide, bool ok, int w, int h)
{
    (void)ex;
    (void)slide;
    Fx *fx = ctx;
    if (ok) {
        fx->ok++;
        fx->last_w = w;
        fx->last_h = h;
    } else {
        fx->failed++;
    }
}

static const Color BG = {17, 17, 17, 255};

/* A scene of one picture, path, in a w x h box, zoomed by z. */
static void one_picture(Scene *sc, const char *path, int w, int h, float z)
{
    scene_init(sc);
    sc->clear = BG;
    sc->items = calloc(1, sizeof *sc->items);
    sc->cap = 1;
    sc->n = 1;
    sc->items[0] = (DrawItem){.kind = DRAW_IMAGE, .r = {0, 0, w, h}, .path = path,
                              .format = IMG_FMT_JPEG, .fit = FIT_CONTAIN, .zoom = {z, 0.5f, 0.5f}};
}

/* The target's pixels as a copy (the software renderer draws into it). */
static SDL_Surface *frame_of(Fx *fx)
{
    return SDL_ConvertSurfaceFormat(fx->target, SDL_PIXELFORMAT_ARGB8888, 0);
}

static void clear(Fx *fx)
{
    SDL_SetRenderDrawColor(fx->ren, BG.r, BG.g, BG.b, 255);
    SDL_RenderClear(fx->ren);
}

static Uint32 px_at(const SDL_Surface *s, int x, int y)
{
    return ((const Uint32 *)((const Uint8 *)s->pixels + (size_t)y * s->pitch))[x] & 0xFFFFFFu;
}

/* The rectangle of pixels that are not the background. */
static Rect painted(const SDL_Surface *s)
{
    Uint32 bg = ((Uint32)BG.r << 16) | ((Uint32)BG.g << 8) | BG.b;
    int x0 = s->w, y0 = s->h, x1 = -1, y1 = -1;
    for (int y = 0; y < s->h; y++)
        for (int x = 0; x < s->w; x++)
            if (px_at(s, x, y) != bg) {
                x0 = SDL_min(x0, x), x1 = SDL_max(x1, x);
                y0 = SDL_min(y0, y), y1 = SDL_max(y1, y);
            }
    return (Rect){x0, y0, x1 - x0 + 1, y1 - y0 + 1};
}

static bool drawn(Textures *t, Fx *fx, const Scene *sc, bool *full)
{
    return textures_draw(t, fx->ren, &sc->items[0], BG, full, NULL);
}

static void wanted_pictures_are_decoded_and_drawn(void **state)
{
    Fx *fx = *state;
    Textures *t = textures_create(NULL);
    Scene sc;
    one_picture(&sc, fx->path[0], 300, 200, 1.0f);
    ImageRequest pre[2] = {{fx->path[1], {0, 0, 300, 200}, FIT_CONTAIN, 0, 1, 0},
                           {fx->path[2], {0, 0, 300, 200}, FIT_CONTAIN, 0, 2, 0}};
    assert_false(drawn(t, fx, &sc, NULL)); /* nothing yet, and never decoded by drawing */
    textures_want(t, fx->ren, &sc, BG, pre, 2);
    assert_true(textures_settle(t, fx->ren, 10000, loaded, fx));
    assert_int_equal(fx->ok, 3);
    assert_int_equal(fx->last_w, 1200); /* its own size, for zooming */
    assert_int_equal(fx->last_h, 800);
    assert_true(drawn(t, fx, &sc, NULL));
    assert_int_equal(textures_pending(t, &sc), 0);
    size_t screen, zoom;
    textures_usage(t, &screen, &zoom);
    assert_int_equal(screen, 3 * 300 * 200 * 4);
    assert_int_equal(zoom, 0);
    scene_free(&sc);
    textures_free(t);
}

static void the_budget_holds_while_paging(void **state)
{
    Fx *fx = *state;
    TexturesConfig cfg = {.budget = 3 * 300 * 200 * 4, .workers = 2};
    Textures *t = textures_create(&cfg);
    int made = texcount_made_total();
    char err[256];
    for (int k = 0; k < 3 * N_IMG; k++) {
        Scene sc;
        one_picture(&sc, fx->path[k % N_IMG], 300, 200, 1.0f);
        ImageRequest next = {fx->path[(k + 1) % N_IMG], {0, 0, 300, 200}, FIT_CONTAIN, 0, 0, 0};
        textures_want(t, fx->ren, &sc, BG, &next, 1);
        assert_true(textures_settle(t, fx->ren, 10000, loaded, fx));
        clear(fx);
        assert_true(drawn(t, fx, &sc, NULL));
        size_t screen, zoom;
        textures_usage(t, &screen, &zoom);
        assert_true(screen <= cfg.budget);
        /* each its own pixels, in a texture let go by another or new */
        SDL_Surface *shot = frame_of(fx), *gold = decode_image(fx->path[k % N_IMG], 300, 200, FIT_CONTAIN, BG,
                                                              err, sizeof err);
        assert_non_null(gold);
        Rect r = painted(shot);
        assert_int_equal(r.w, gold->w);
        assert_int_equal(r.h, gold->h);
        for (int y = 0; y < gold->h; y += 7)
            for (int x = 0; x < gold->w; x += 7)
                assert_int_equal(px_at(shot, r.x + x, r.y + y), px_at(gold, x, y));
        SDL_FreeSurface(shot);
        SDL_FreeSurface(gold);
        scene_free(&sc);
    }
    /* a full cache of same-size slides reuses the texture it lets go: 3
     * made to fill it, one per page turn would be 24 */
    printf("textures made while paging 24 times: %d\n", texcount_made_total() - made);
    assert_true(texcount_made_total() - made <= 6);
    textures_free(t);
}

static void given_up_and_wanted_again_still_arrives(void **state)
{
    Fx *fx = *state;
    TexturesConfig cfg = {.workers = 1};
    Textures *t = textures_create(&cfg);
    /* a visitor racing ahead: each picture wanted for a moment only */
    for (int k = 0; k < N_IMG; k++) {
        Scene sc;
        one_picture(&sc, fx->path[k], 300, 200, 1.0f);
        textures_want(t, fx->ren, &sc, BG, NULL, 0);
        scene_free(&sc);
    }
    /* then back to the second: it must come, whatever happened to its job */
    Scene sc;
    one_picture(&sc, fx->path[1], 300, 200, 1.0f);
    textures_want(t, fx->ren, &sc, BG, NULL, 0);
    assert_true(textures_settle(t, fx->ren, 10000, loaded, fx));
    textures_want(t, fx->ren, &sc, BG, NULL, 0);
    assert_true(textures_settle(t, fx->ren, 10000, loaded, fx));
    assert_true(drawn(t, fx, &sc, NULL));
    scene_free(&sc);
    textures_free(t);
}

static Uint32 pixel_at(const Fx *fx, int x, int y)
{
    return ((const Uint32 *)fx->target->pixels)[(size_t)y * (size_t)(fx->target->pitch / 4) + (size_t)x];
}

static void a_zoom_gets_full_pixels_and_gives_them_back(void **state)
{
    Fx *fx = *state;
    Textures *t = textures_create(NULL);
    Scene sc;
    one_picture(&sc, fx->path[3], 300, 200, 1.0f);
    textures_want(t, fx->ren, &sc, BG, NULL, 0);
    assert_true(textures_settle(t, fx->ren, 10000, loaded, fx));
    sc.items[0].zoom.z = 3.0f;
    bool full = true;
    assert_true(drawn(t, fx, &sc, &full)); /* the screen-size copy stands in at once */
    assert_false(full);
    textures_want(t, fx->ren, &sc, BG, NULL, 0);
    assert_true(textures_settle(t, fx->ren, 10000, loaded, fx));
    assert_true(drawn(t, fx, &sc, &full));
    assert_true(full);
    size_t screen, zoom;
    textures_usage(t, &screen, &zoom);
    assert_int_equal(zoom, 1200 * 800 * 4); /* 1:1 is the limit here: its own pixels */
    sc.items[0].zoom.z = 1.0f;
    textures_want(t, fx->ren, &sc, BG, NULL, 0);
    textures_usage(t, &screen, &zoom);
    assert_int_equal(zoom, 0);
    scene_free(&sc);
    textures_free(t);
}

/* Picture `path` in a w x h box, its screen copy decoded, then zoomed to z
 * and what that asks for decoded: the zoom's bytes. */
static size_t zoomed_to(Textures *t, Fx *fx, Scene *sc, const char *path, int w, int h, float z)
{
    one_picture(sc, path, w, h, 1.0f);
    textures_want(t, fx->ren, sc, BG, NULL, 0);
    assert_true(textures_settle(t, fx->ren, 10000, loaded, fx));
    sc->items[0].zoom.z = z;
    textures_want(t, fx->ren, sc, BG, NULL, 0);
    assert_true(textures_settle(t, fx->ren, 10000, loaded, fx));
    textures_want(t, fx->ren, sc, BG, NULL, 0);
    bool full = false;
    SDL_FillRect(fx->target, NULL, 0);
    assert_true(drawn(t, fx, sc, &full));
    assert_true(full);
    size_t screen, zoom;
    textures_usage(t, &screen, &zoom);
    return zoom;
}

/* A JPEG whose own pixels are more than an eighth of the zoom budget (here
 * 8 MB: 1 MB; its 3.8 MB are) is zoomed by its view only, read by
 * decode_jpeg.c at the zoom's DCT scale, never whole. */
static void a_large_jpeg_zooms_by_its_view(void **state)
{
    Fx *fx = *state;
    TexturesConfig cfg = {.zoom_budget = 8u << 20};
    Textures *t = textures_create(&cfg);
    Scene sc;
    /* at 3x the picture is 900 x 600 and the view its middle 300 x 200,
     * snapped out to 256: 512 x 512 */
    assert_int_equal(zoomed_to(t, fx, &sc, fx->path[3], 300, 200, 3.0f), 512 * 512 * 4);
    /* screen (150, 100) is the 900 x 600 picture's (450, 300), the file's
     * (600, 400): its colour there, within the JPEG's error */
    Uint32 c = pixel_at(fx, 150, 100);
    assert_true(abs((int)((c >> 16) & 255) - 600 * 255 / 1200) <= 3);
    assert_true(abs((int)((c >> 8) & 255) - 400 * 255 / 800) <= 3);
    scene_free(&sc);
    /* in a 600 x 400 box, 4x (the furthest) is twice its own pixels: the
     * view is read at those (300 x 200 round the centre, snapped out), and
     * drawn "full" though larger than 1:1 */
    assert_int_equal(zoomed_to(t, fx, &sc, fx->path[3], 600, 400, 4.0f), 512 * 256 * 4);
    sc.items[0].zoom.z = 1.0f;
    textures_want(t, fx->ren, &sc, BG, NULL, 0);
    size_t screen, zoom;
    textures_usage(t, &screen, &zoom);
    assert_int_equal(zoom, 0);
    scene_free(&sc);
    textures_free(t);
}

static void a_far_zoom_reads_the_view_by_region(void **state)
{
    Fx *fx = *state;
    char path[160];
    snprintf(path, sizeof path, "%s/big.tif", fx->dir);
    write_tiff(path, 1200, 800, 1);
    /* a zoom budget of 1 MB: this TIFF's own pixels (3.8 MB) do not fit */
    TexturesConfig cfg = {.zoom_budget = 1u << 20};
    Textures *t = textures_create(&cfg);
    Scene sc;
    one_picture(&sc, path, 300, 200, 1.0f);
    sc.items[0].format = IMG_FMT_TIFF;
    textures_want(t, fx->ren, &sc, BG, NULL, 0);
    assert_true(textures_settle(t, fx->ren, 10000, loaded, fx));
    assert_int_equal(fx->last_w, 1200);
    /* 4x: its own pixels, one to one; the view is 300 x 200 of them round
     * the centre, snapped out to 256: 512 x 256 */
    sc.items[0].zoom.z = 4.0f;
    textures_want(t, fx->ren, &sc, BG, NULL, 0);
    assert_true(textures_settle(t, fx->ren, 10000, loaded, fx));
    textures_want(t, fx->ren, &sc, BG, NULL, 0);
    size_t screen, zoom;
    textures_usage(t, &screen, &zoom);
    assert_int_equal(zoom, 512 * 256 * 4);
    bool full = false;
    SDL_FillRect(fx->target, NULL, 0);
    assert_true(drawn(t, fx, &sc, &full));
    assert_true(full);
    /* screen (150, 100) is the picture's (600, 400): its own colour there */
    Uint32 c = pixel_at(fx, 150, 100);
    assert_int_equal((c >> 16) & 255, 600 * 255 / 1200);
    assert_int_equal((c >> 8) & 255, 400 * 255 / 800);
    /* a pan to the left edge: while its region is read, the last one stays
     * (drawn where it still is); once it is there, the last one goes */
    sc.items[0].zoom.cx = 0.125f;
    textures_want(t, fx->ren, &sc, BG, NULL, 0);
    textures_usage(t, &screen, &zoom);
    assert_true(zoom >= 512 * 256 * 4);
    assert_true(textures_settle(t, fx->ren, 10000, loaded, fx));
    textures_want(t, fx->ren, &sc, BG, NULL, 0);
    textures_usage(t, &screen, &zoom);
    assert_int_equal(zoom, 512 * 256 * 4); /* one region at a time */
    SDL_FillRect(fx->target, NULL, 0);
    assert_true(drawn(t, fx, &sc, &full));
    assert_true(full);
    c = pixel_at(fx, 10, 100); /* the picture's (10, 400) */
    assert_int_equal((c >> 16) & 255, 10 * 255 / 1200);
    /* unzoomed, nothing of it is kept */
    sc.items[0].zoom = (ZoomView){1.0f, 0.5f, 0.5f};
    textures_want(t, fx->ren, &sc, BG, NULL, 0);
    textures_usage(t, &screen, &zoom);
    assert_int_equal(zoom, 0);
    scene_free(&sc);
    textures_free(t);
    unlink(path);
}

static void a_turned_tiff_zooms_by_region_upright(void **state)
{
    Fx *fx = *state;
    char path[160];
    snprintf(path, sizeof path, "%s/turned.tif", fx->dir);
    write_tiff(path, 1200, 800, 6); /* stored lying down: seen 800 x 1200 */
    TexturesConfig cfg = {.zoom_budget = 1u << 20};
    Textures *t = textures_create(&cfg);
    Scene sc;
    one_picture(&sc, path, 300, 200, 1.0f);
    sc.items[0].format = IMG_FMT_TIFF;
    textures_want(t, fx->ren, &sc, BG, NULL, 0);
    assert_true(textures_settle(t, fx->ren, 10000, loaded, fx));
    assert_int_equal(fx->last_w, 800);
    assert_int_equal(fx->last_h, 1200);
    /* 6x: one to one; the view's centre at the seen picture's (200, 600) */
    sc.items[0].zoom = (ZoomView){6.0f, 0.25f, 0.5f};
    textures_want(t, fx->ren, &sc, BG, NULL, 0);
    assert_true(textures_settle(t, fx->ren, 10000, loaded, fx));
    textures_want(t, fx->ren, &sc, BG, NULL, 0);
    bool full = false;
    SDL_FillRect(fx->target, NULL, 0);
    assert_true(drawn(t, fx, &sc, &full));
    assert_true(full);
    /* seen (200, 600) is stored (600, 799 - 200) under orientation 6 (a
     * row either way: the fitted 133 pixels zoomed 6x are 798, not 800;
     * orientation 8 would give stored (599, 200), green 63) */
    Uint32 c = pixel_at(fx, 150, 100);
    assert_int_equal((c >> 16) & 255, 600 * 255 / 1200);
    int g = (int)((c >> 8) & 255);
    assert_true(g >= 599 * 255 / 800 - 1 && g <= 599 * 255 / 800 + 1);
    scene_free(&sc);
    textures_free(t);
    unlink(path);
}

static void a_broken_picture_is_reported_once(void **state)
{
    Fx *fx = *state;
    Textures *t = textures_create(NULL);
    Scene sc;
    one_picture(&sc, fx->broken, 300, 200, 1.0f);
    fx->failed = 0;
    for (int k = 0; k < 3; k++) {
        textures_want(t, fx->ren, &sc, BG, NULL, 0);
        assert_true(textures_settle(t, fx->ren, 10000, loaded, fx));
    }
    assert_int_equal(fx->failed, 1);
    assert_false(drawn(t, fx, &sc, NULL));
    assert_int_equal(textures_pending(t, &sc), 0); /* not waited for either */
    textures_reset(t); /* the file may have been fixed: tried again */
    textures_want(t, fx->ren, &sc, BG, NULL, 0);
    assert_true(textures_settle(t, fx->ren, 10000, loaded, fx));
    assert_int_equal(fx->failed, 2);
    scene_free(&sc);
    textures_free(t);
}

/* Both frames averaged over 16 x 16 blocks (what a visitor sees of a
 * jump: the picture's place and brightness, not its fine detail): the
 * mean difference of the blocks' channels. */
static double block_difference(const SDL_Surface *a, const SDL_Surface *b)
{
    double sum = 0;
    int n = 0;
    for (int by = 0; by + 16 <= a->h; by += 16)
        for (int bx = 0; bx + 16 <= a->w; bx += 16)
            for (int c = 0; c < 3; c++) {
                double ma = 0, mb = 0;
                for (int y = by; y < by + 16; y++)
                    for (int x = bx; x < bx + 16; x++) {
                        ma += (px_at(a, x, y) >> (8 * c)) & 255;
                        mb += (px_at(b, x, y) >> (8 * c)) & 255;
                    }
                sum += SDL_fabs(ma - mb) / 256.0;
                n++;
            }
    return sum / n;
}

/* A photograph-like 2400 x 1600 JPEG: gradients and sharp-edged squares. */
static void write_photo(const char *path)
{
    int w = 2400, h = 1600;
    unsigned char *px = malloc((size_t)w * h * 3);
    assert_non_null(px);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            unsigned char *p = px + ((size_t)y * w + x) * 3;
            bool square = (x / 200 + y / 200) % 2 == 0;
            p[0] = (unsigned char)(square ? 230 : x * 200 / w + 30);
            p[1] = (unsigned char)(square ? 40 + y * 150 / h : 90);
            p[2] = (unsigned char)((x ^ y) & 16 ? 160 : 60); /* fine detail */
        }
    save_jpeg(path, px, w, h, 90);
}

/* The photo in fx's folder (path), and a cache that holds full copies
 * back: what a visitor sees while the full copy decodes. */
static Textures *photo_held(Fx *fx, char *path, size_t n)
{
    snprintf(path, n, "%s/photo.jpg", fx->dir);
    write_photo(path);
    Textures *t = textures_create(NULL);
    textures_hold_full(t, true);
    return t;
}

static void a_preview_comes_first_and_the_full_copy_replaces_it(void **state)
{
    Fx *fx = *state;
    char path[160];
    Textures *t = photo_held(fx, path, sizeof path);
    Scene sc;
    one_picture(&sc, path, 640, 480, 1.0f);
    fx->ok = 0;
    textures_want(t, fx->ren, &sc, BG, NULL, 0);
    assert_true(textures_settle(t, fx->ren, 10000, loaded, fx));
    assert_int_equal(fx->ok, 0); /* a preview is not the picture loaded */
    assert_int_equal(textures_pending(t, &sc), 0); /* something to show: no frame held for it */
    bool full = true, preview = false;
    clear(fx);
    assert_false(textures_draw(t, fx->ren, &sc.items[0], BG, &full, &preview)); /* not full quality */
    assert_true(preview);
    SDL_Surface *first = frame_of(fx);

    textures_hold_full(t, false);
    assert_int_equal(textures_pump(t, fx->ren, loaded, fx), 1);
    assert_int_equal(fx->ok, 1);
    clear(fx);
    assert_true(textures_draw(t, fx->ren, &sc.items[0], BG, &full, &preview));
    assert_false(preview); /* replaced */
    SDL_Surface *then = frame_of(fx);

    /* full quality is exactly the picture decoded for its box (the golden) */
    char err[256];
    SDL_Surface *gold = decode_image(path, 640, 480, FIT_CONTAIN, BG, err, sizeof err);
    assert_non_null(gold);
    assert_int_equal(gold->w, 640);
    assert_int_equal(gold->h, 427);
    Rect r = painted(then);
    assert_int_equal(r.x, 0);
    assert_int_equal(r.y, (480 - 427) / 2);
    assert_int_equal(r.w, 640);
    assert_int_equal(r.h, 427);
    for (int y = 0; y < gold->h; y++)
        for (int x = 0; x < gold->w; x++)
            assert_int_equal(px_at(then, x, r.y + y), px_at(gold, x, y));

    /* the preview took the same place, with the same brightness */
    Rect p = painted(first);
    assert_memory_equal(&p, &r, sizeof r);
    if (getenv("VITRINE_TEST_SHOTS")) { /* to look at: the preview, then the full copy */
        SDL_SaveBMP(first, "/tmp/vitrine-preview-first.bmp");
        SDL_SaveBMP(then, "/tmp/vitrine-preview-full.bmp");
    }
    double d = block_difference(first, then);
    printf("preview vs full: mean block difference %.2f of 255\n", d);
    assert_true(d < 4.0);
    /* yet it is the small copy: the fine detail is not there */
    assert_true(memcmp(first->pixels, then->pixels, (size_t)then->pitch * then->h) != 0);

    SDL_FreeSurface(gold);
    SDL_FreeSurface(first);
    SDL_FreeSurface(then);
    scene_free(&sc);
    textures_free(t);
    unlink(path);
}

/* The preview drawn now for the photo at 640x480 by a fresh cache on the
 * state folder `store` (full copies held back). */
static SDL_Surface *preview_from(Fx *fx, const char *store, const char *path)
{
    TexturesConfig cfg = {.store_dir = store};
    Textures *t = textures_create(&cfg);
    textures_hold_full(t, true);
    Scene sc;
    one_picture(&sc, path, 640, 480, 1.0f);
    textures_want(t, fx->ren, &sc, BG, NULL, 0);
    assert_true(textures_settle(t, fx->ren, 10000, loaded, fx));
    bool full = true, preview = false;
    clear(fx);
    assert_false(textures_draw(t, fx->ren, &sc.items[0], BG, &full, &preview));
    assert_true(preview);
    SDL_Surface *shot = frame_of(fx);
    scene_free(&sc);
    textures_free(t); /* waits for its threads: the full copy's small copy is written */
    return shot;
}

static void a_picture_seen_once_previews_from_its_small_copy(void **state)
{
    Fx *fx = *state;
    char path[160], store[160];
    snprintf(path, sizeof path, "%s/photo.jpg", fx->dir);
    write_photo(path);
    snprintf(store, sizeof store, "%s/state", fx->dir);
    assert_int_equal(mkdir(store, 0755), 0);
    assert_false(prevstore_has(store, path));

    /* first sight: the preview is decoded from the picture, and kept */
    SDL_Surface *cold = preview_from(fx, store, path);
    assert_true(prevstore_has(store, path));
    /* the next one comes from the small copy: the same place and look */
    SDL_Surface *warm = preview_from(fx, store, path);
    Rect rc = painted(cold), rw = painted(warm);
    assert_memory_equal(&rc, &rw, sizeof rc);
    double d = block_difference(cold, warm);
    printf("preview from the picture vs its small copy: mean block difference %.2f of 255\n", d);
    assert_true(d < 4.0);

    /* proof that it is read from there: a copy of another look, kept under
     * the photo's name, is what the next preview shows */
    SDL_Surface *red = SDL_CreateRGBSurfaceWithFormat(0, 160, 107, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_FillRect(red, NULL, 0xFFFF0000u);
    prevstore_put(store, path, red, 160, 120, 2400, 1600);
    SDL_FreeSurface(red);
    SDL_Surface *kept = preview_from(fx, store, path);
    Rect rk = painted(kept);
    assert_memory_equal(&rk, &rc, sizeof rc); /* the photo's place, from its own size in the head */
    Uint32 c = px_at(kept, rk.x + rk.w / 2, rk.y + rk.h / 2);
    assert_true(((c >> 16) & 255) > 240 && ((c >> 8) & 255) < 16 && (c & 255) < 16);

    /* the picture edited: the copy no longer counts, and is made again */
    write_photo(path);
    assert_false(prevstore_has(store, path));
    SDL_Surface *again = preview_from(fx, store, path);
    assert_true(block_difference(again, cold) < 1.0);
    assert_true(prevstore_has(store, path));

    /* a damaged copy is no copy; a full copy shown without a preview (a
     * prefetch, decoded while no other picture waits or decodes: textures.c's
     * calm()) keeps one too */
    SDL_Surface *got = NULL;
    int nw = 0, nh = 0;
    assert_true(prevstore_get(store, path, &got, &nw, &nh));
    assert_int_equal(nw, 2400);
    assert_int_equal(nh, 1600);
    SDL_FreeSurface(got);
    char dir[200];
    snprintf(dir, sizeof dir, "%s/previews", store);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "for f in %s/*.jpg; do head -c 100 \"$f\" > \"$f.cut\" && mv \"$f.cut\" \"$f\"; done",
             dir);
    assert_int_equal(system(cmd), 0);
    assert_false(prevstore_get(store, path, &got, &nw, &nh));
    assert_null(got);
    TexturesConfig cfg = {.store_dir = store};
    Textures *t = textures_create(&cfg);
    Scene none;
    one_picture(&none, path, 10, 10, 1.0f); /* on screen: something else */
    textures_want(t, fx->ren, &none, BG, NULL, 0);
    assert_true(textures_settle(t, fx->ren, 10000, loaded, fx)); /* decoded before the prefetch */
    ImageRequest next = {path, {0, 0, 640, 480}, FIT_CONTAIN, 0, 1, 0};
    textures_want(t, fx->ren, &none, BG, &next, 1);
    assert_true(textures_settle(t, fx->ren, 10000, loaded, fx));
    textures_free(t);
    scene_free(&none);
    assert_true(prevstore_has(store, path));
    /* no state folder: nothing kept, nothing read */
    assert_false(prevstore_has(NULL, path));
    assert_false(prevstore_get("", path, &got, &nw, &nh));

    SDL_FreeSurface(cold);
    SDL_FreeSurface(warm);
    SDL_FreeSurface(kept);
    SDL_FreeSurface(again);
    snprintf(cmd, sizeof cmd, "rm -rf %s", store);
    assert_int_equal(system(cmd), 0);
    unlink(path);
}

/* With one decoding thread and two prefetches asked for at once, the first
 * is decoded while the second waits: its small copy is not made then (a
 * lecturer paging fast needs the next slides first); the second, decoded
 * with nothing else waiting, keeps its copy. */
static void a_busy_prefetch_leaves_its_small_copy_for_later(void **state)
{
    Fx *fx = *state;
    char a[160], b[160], store[160];
    snprintf(a, sizeof a, "%s/first.jpg", fx->dir);
    snprintf(b, sizeof b, "%s/second.jpg", fx->dir);
    write_photo(a);
    write_photo(b);
    snprintf(store, sizeof store, "%s/busy-state", fx->dir);
    assert_int_equal(mkdir(store, 0755), 0);
    TexturesConfig cfg = {.store_dir = store, .workers = 1};
    Textures *t = textures_create(&cfg);
    Scene none;
    one_picture(&none, a, 10, 10, 1.0f); /* on screen: a box too small for a copy */
    textures_want(t, fx->ren, &none, BG, NULL, 0);
    assert_true(textures_settle(t, fx->ren, 10000, loaded, fx));
    ImageRequest next[2] = {{a, {0, 0, 640, 480}, FIT_CONTAIN, 0, 1, 0}, {b, {0, 0, 640, 480}, FIT_CONTAIN, 0, 2, 0}};
    textures_want(t, fx->ren, &none, BG, next, 2);
    assert_true(textures_settle(t, fx->ren, 10000, loaded, fx));
    assert_false(prevstore_has(store, a));
    assert_true(prevstore_has(store, b));
    textures_free(t);
    scene_free(&none);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", store);
    assert_int_equal(system(cmd), 0);
    unlink(a);
    unlink(b);
}

/* The one file in `dir` not named in `known` (n names), added to it. */
static void new_name_in(const char *dir, char known[][32], int *n)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *de;
    while ((de = readdir(d))) {
        bool seen = de->d_name[0] == '.';
        for (int i = 0; i < *n && !seen; i++)
            seen = !strcmp(known[i], de->d_name);
        if (!seen) {
            assert_true(strlen(de->d_name) < 32);
            strcpy(known[(*n)++], de->d_name);
            break;
        }
    }
    closedir(d);
}

static void date_file(const char *dir, const char *name, time_t t)
{
    char p[600];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    struct timespec ts[2] = {{t, 0}, {t, 0}};
    assert_int_equal(utimensat(AT_FDCWD, p, ts, 0), 0);
}

static bool file_in(const char *dir, const char *name)
{
    char p[600];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    return access(p, F_OK) == 0;
}

/* The folder of small copies never grows without end: past its cap the
 * least recently read go, temporary copies an ended process left go after
 * an hour, and nothing else in the folder is touched. */
static void old_small_copies_give_way_to_new_ones(void **state)
{
    Fx *fx = *state;
    char store[160], dir[200], path[6][200], names[8][32];
    int n = 0;
    snprintf(store, sizeof store, "%s/prune", fx->dir);
    snprintf(dir, sizeof dir, "%s/previews", store);
    assert_int_equal(mkdir(store, 0755), 0);
    SDL_Surface *grey = SDL_CreateRGBSurfaceWithFormat(0, 32, 24, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_FillRect(grey, NULL, 0xFF808080u);
    time_t now = time(NULL);
    for (int i = 0; i < 6; i++) { /* copy i last read i days ago */
        snprintf(path[i], sizeof path[i], "%s/picture%d.jpg", fx->dir, i);
        FILE *f = fopen(path[i], "w");
        assert_non_null(f);
        fprintf(f, "picture %d", i);
        fclose(f);
        prevstore_put(store, path[i], grey, 32, 24, 3200, 2400);
        new_name_in(dir, names, &n);
        assert_int_equal(n, i + 1);
        date_file(dir, names[i], now - i * 86400 - 60);
    }
    SDL_FreeSurface(grey);
    /* a foreign file and two temporary copies, one left two hours ago */
    FILE *f;
    char p[600];
    const char *foreign = "notes.txt", *stale = "0123456789abcdef.jpg.1.2.tmp", *fresh = "fedcba9876543210.jpg.3.4.tmp";
    const char *extra[3] = {foreign, stale, fresh};
    for (int i = 0; i < 3; i++) {
        snprintf(p, sizeof p, "%s/%s", dir, extra[i]);
        f = fopen(p, "w");
        assert_non_null(f);
        fclose(f);
    }
    date_file(dir, foreign, now - 10 * 86400);
    date_file(dir, stale, now - 2 * 3600);

    /* the oldest one read again: it is dated now, and stays */
    SDL_Surface *got = NULL;
    int w, h;
    assert_true(prevstore_get(store, path[5], &got, &w, &h));
    SDL_FreeSurface(got);

    /* (looked for by name from here: reading a copy would date it) */
    prevstore_prune(store, 10); /* under the cap: only the stale temporary goes */
    for (int i = 0; i < 6; i++)
        assert_true(file_in(dir, names[i]));
    assert_false(file_in(dir, stale));
    assert_true(file_in(dir, fresh) && file_in(dir, foreign));

    prevstore_prune(store, 4); /* six past four: the two read longest ago go */
    for (int i = 0; i < 6; i++) {
        printf("copy of picture %d (read %d days ago): %s\n", i, i == 5 ? 0 : i,
               file_in(dir, names[i]) ? "kept" : "removed");
        assert_true(file_in(dir, names[i]) == (i != 3 && i != 4));
    }
    assert_true(file_in(dir, fresh) && file_in(dir, foreign));
    assert_true(prevstore_has(store, path[5]) && !prevstore_has(store, path[4]));

    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", store);
    assert_int_equal(system(cmd), 0);
    for (int i = 0; i < 6; i++)
        unlink(path[i]);
}

static void small_boxes_and_prefetches_get_no_preview(void **state)
{
    Fx *fx = *state;
    char path[160];
    Textures *t = photo_held(fx, path, sizeof path);
    Scene sc;
    one_picture(&sc, path, 300, 200, 1.0f); /* a thumbnail decodes at 1/8 anyway */
    ImageRequest next = {path, {0, 0, 640, 480}, FIT_CONTAIN, 0, 1, 0};
    textures_want(t, fx->ren, &sc, BG, &next, 1);
    assert_true(textures_settle(t, fx->ren, 10000, loaded, fx));
    bool preview = true;
    assert_false(textures_draw(t, fx->ren, &sc.items[0], BG, NULL, &preview));
    assert_false(preview);
    assert_int_equal(textures_pending(t, &sc), 1);
    DrawItem big = sc.items[0];
    big.r = next.r;
    assert_false(textures_draw(t, fx->ren, &big, BG, NULL, &preview));
    assert_false(preview);
    textures_hold_full(t, false);
    textures_pump(t, fx->ren, loaded, fx);
    scene_free(&sc);
    textures_free(t);
    unlink(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(wanted_pictures_are_decoded_and_drawn),
        cmocka_unit_test(the_budget_holds_while_paging),
        cmocka_unit_test(given_up_and_wanted_again_still_arrives),
        cmocka_unit_test(a_zoom_gets_full_pixels_and_gives_them_back),
        cmocka_unit_test(a_large_jpeg_zooms_by_its_view),
        cmocka_unit_test(a_far_zoom_reads_the_view_by_region),
        cmocka_unit_test(a_turned_tiff_zooms_by_region_upright),
        cmocka_unit_test(a_broken_picture_is_reported_once),
        cmocka_unit_test(a_preview_comes_first_and_the_full_copy_replaces_it),
        cmocka_unit_test(small_boxes_and_prefetches_get_no_preview),
        cmocka_unit_test(a_busy_prefetch_leaves_its_small_copy_for_later),
        cmocka_unit_test(a_picture_seen_once_previews_from_its_small_copy),
        cmocka_unit_test(old_small_copies_give_way_to_new_ones),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
