/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_textures.c - the picture cache with real threads, a software
 * renderer and real JPEGs: pictures wanted are decoded and drawn, the byte
 * budget holds, requests given up and wanted again still arrives, a zoom
 * gets (and gives back) full pixels, a zoom of a TIFF too large for the
 * zoom budget reads the view by region (one at a time, the last kept while
 * the next is read), a broken file is reported once. */
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
#include <unistd.h>

#include "platform/textures.h"

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
    tjhandle tj = tjInitCompress();
    unsigned char *jpg = NULL;
    unsigned long len = 0;
    assert_int_equal(tjCompress2(tj, px, w, 0, h, TJPF_RGB, &jpg, &len, TJSAMP_420, 85, 0), 0);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(jpg, 1, len, f), len);
    fclose(f);
    tjFree(jpg);
    tjDestroy(tj);
    free(px);
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
    for (int i = 0; i < N_IMG; i++) {
        snprintf(fx->path[i], sizeof fx->path[i], "%s/%d.jpg", fx->dir, i);
        write_jpeg(fx->path[i], 1200, 800, i);
    }
    snprintf(fx->broken, sizeof fx->broken, "%s/broken.jpg", fx->dir);
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

static bool drawn(Textures *t, Fx *fx, const Scene *sc, bool *full)
{
    return textures_draw(t, fx->ren, &sc->items[0], BG, full);
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
    for (int k = 0; k < 3 * N_IMG; k++) {
        Scene sc;
        one_picture(&sc, fx->path[k % N_IMG], 300, 200, 1.0f);
        ImageRequest next = {fx->path[(k + 1) % N_IMG], {0, 0, 300, 200}, FIT_CONTAIN, 0, 0, 0};
        textures_want(t, fx->ren, &sc, BG, &next, 1);
        assert_true(textures_settle(t, fx->ren, 10000, loaded, fx));
        assert_true(drawn(t, fx, &sc, NULL));
        size_t screen, zoom;
        textures_usage(t, &screen, &zoom);
        assert_true(screen <= cfg.budget);
        scene_free(&sc);
    }
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

static Uint32 pixel_at(const Fx *fx, int x, int y)
{
    return ((const Uint32 *)fx->target->pixels)[(size_t)y * (size_t)(fx->target->pitch / 4) + (size_t)x];
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(wanted_pictures_are_decoded_and_drawn),
        cmocka_unit_test(the_budget_holds_while_paging),
        cmocka_unit_test(given_up_and_wanted_again_still_arrives),
        cmocka_unit_test(a_zoom_gets_full_pixels_and_gives_them_back),
        cmocka_unit_test(a_far_zoom_reads_the_view_by_region),
        cmocka_unit_test(a_turned_tiff_zooms_by_region_upright),
        cmocka_unit_test(a_broken_picture_is_reported_once),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
