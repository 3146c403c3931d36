/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_jpeg_region.c - a zoomed JPEG's view decoded by itself
 * (decode_jpeg.c, libjpeg's cropping and skipping) is the same crop of the
 * whole decode (libturbojpeg, decode.c), within one level a channel: for
 * baseline and progressive files, 4:2:0, 4:2:2 and 4:4:4, sizes that are
 * no multiple of the block, every EXIF orientation, CMYK (YCCK with
 * Adobe's marker), an embedded RGB profile and a display profile, at the
 * DCT scales of several zooms, for regions in the middle and touching each
 * edge. A file cut short or with damaged data is refused with a reason or
 * decoded round, never a crash. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <SDL.h>
#include <lcms2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <turbojpeg.h>
#include <unistd.h>

#include "colour/icc.h"
#include "platform/decode.h"

static char dir[64];
static const Color BG = {17, 17, 17, 255};

/* ---- making JPEGs --------------------------------------------------------- */

/* w x h pixels of smooth colour with noise on it: a region a pixel off
 * would not match. 4 bytes a pixel (CMYK, or RGB and a spare). */
static unsigned char *picture(int w, int h)
{
    unsigned char *px = malloc((size_t)w * h * 4);
    assert_non_null(px);
    uint32_t r = 99;
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            unsigned char *p = px + ((size_t)y * w + x) * 4;
            r = r * 1103515245u + 12345u;
            int n = (int)(r >> 27) - 16; /* -16..15 */
            p[0] = (unsigned char)SDL_clamp(x * 255 / w + n, 0, 255);
            p[1] = (unsigned char)SDL_clamp(y * 255 / h - n, 0, 255);
            p[2] = (unsigned char)SDL_clamp(((x / 7 + y / 5) & 1) * 120 + 60 + n, 0, 255);
            p[3] = (unsigned char)SDL_clamp(((x + y) & 63) * 2 + n, 0, 255);
        }
    return px;
}

/* A JPEG of w x h, with these segments (whole, marker included) after SOI. */
static void save(const char *name, int w, int h, int pf, int samp, int flags, const unsigned char *seg,
                 size_t segn, char *path, size_t pathn)
{
    unsigned char *px = picture(w, h);
    tjhandle tj = tjInitCompress();
    unsigned char *jpg = NULL;
    unsigned long len = 0;
    assert_int_equal(tjCompress2(tj, px, w, 0, h, pf, &jpg, &len, samp, 92, flags), 0);
    snprintf(path, pathn, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fwrite(jpg, 1, 2, f);
    if (seg)
        fwrite(seg, 1, segn, f);
    fwrite(jpg + 2, 1, len - 2, f);
    fclose(f);
    tjFree(jpg);
    tjDestroy(tj);
    free(px);
}

/* An APP1 Exif segment with orientation o only. */
static size_t exif(unsigned char *b, int o)
{
    static const unsigned char head[] = {0xFF, 0xE1, 0, 34, 'E', 'x', 'i', 'f', 0, 0,
                                         'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0,
                                         0x12, 0x01, 3, 0, 1, 0, 0, 0};
    memcpy(b, head, sizeof head);
    unsigned char tail[8] = {(unsigned char)o, 0, 0, 0, 0, 0, 0, 0};
    memcpy(b + sizeof head, tail, sizeof tail);
    return sizeof head + sizeof tail;
}

/* An APP2 ICC_PROFILE segment with an RGB profile far from sRGB (wide
 * primaries, gamma 1.0), so its effect shows. */
static unsigned char *icc_segment(size_t *n)
{
    cmsCIExyY white = {0.3457, 0.3585, 1.0};
    cmsCIExyYTRIPLE prim = {{0.7347, 0.2653, 1.0}, {0.1596, 0.8404, 1.0}, {0.0366, 0.0001, 1.0}};
    cmsToneCurve *g = cmsBuildGamma(NULL, 1.0);
    cmsToneCurve *c[3] = {g, g, g};
    cmsHPROFILE p = cmsCreateRGBProfile(&white, &prim, c);
    cmsFreeToneCurve(g);
    cmsUInt32Number len = 0;
    assert_true(cmsSaveProfileToMem(p, NULL, &len));
    unsigned char *b = malloc(18 + len);
    assert_true(cmsSaveProfileToMem(p, b + 18, &len));
    cmsCloseProfile(p);
    size_t seglen = 16 + len;
    unsigned char head[18] = {0xFF, 0xE2, (unsigned char)(seglen >> 8), (unsigned char)seglen,
                              'I', 'C', 'C', '_', 'P', 'R', 'O', 'F', 'I', 'L', 'E', 0, 1, 1};
    memcpy(b, head, sizeof head);
    *n = 18 + len;
    return b;
}

/* ---- comparing ------------------------------------------------------------- */

/* The most any channel of region rg (of the picture fitted to bw x bh)
 * differs between the region read by itself and the whole's crop. */
static int region_error(const char *path, int bw, int bh, Rect rg)
{
    char err[256] = "";
    SDL_Surface *whole = decode_image(path, bw, bh, FIT_CONTAIN, BG, err, sizeof err);
    if (!whole)
        fail_msg("%s whole: %s", path, err);
    DecodeRequest rq = {.path = path, .box_w = bw, .box_h = bh, .fit = FIT_CONTAIN, .bg = BG, .region = rg};
    SDL_Surface *part = decode_request(&rq, err, sizeof err);
    if (!part)
        fail_msg("%s region %dx%d+%d+%d of %dx%d: %s", path, rg.w, rg.h, rg.x, rg.y, bw, bh, err);
    assert_int_equal(part->w, rg.w);
    assert_int_equal(part->h, rg.h);
    int worst = 0;
    for (int y = 0; y < rg.h; y++)
        for (int x = 0; x < rg.w; x++) {
            const Uint8 *a = (const Uint8 *)part->pixels + (size_t)y * part->pitch + (size_t)x * 4;
            const Uint8 *b = (const Uint8 *)whole->pixels + (size_t)(rg.y + y) * whole->pitch +
                             (size_t)(rg.x + x) * 4;
            for (int c = 0; c < 4; c++)
                worst = SDL_max(worst, abs(a[c] - b[c]));
        }
    SDL_FreeSurface(whole);
    SDL_FreeSurface(part);
    return worst;
}

/* The picture's upright size fitted to bw x bh. */
static void fitted(const char *path, int bw, int bh, int *uw, int *uh)
{
    int w, h;
    assert_true(decode_probe(path, 1, &w, &h));
    decode_target_size(w, h, bw, bh, FIT_CONTAIN, uw, uh);
}

/* Regions in the middle, at each edge and corner, and the whole, at boxes
 * that pick several DCT scales (own size 8/8, about 5/8, 3/8, 1/4). */
static void check_regions(const char *path)
{
    int w, h;
    assert_true(decode_probe(path, 1, &w, &h));
    const int box[][2] = {{w, h}, {w * 5 / 8 + 7, h * 5 / 8 + 3}, {w * 3 / 8 + 1, h * 3 / 8 + 1}, {w / 4, h / 4}};
    for (size_t b = 0; b < sizeof box / sizeof box[0]; b++) {
        int uw, uh;
        fitted(path, box[b][0], box[b][1], &uw, &uh);
        int rw = SDL_max(1, uw / 3), rh = SDL_max(1, uh / 3);
        const Rect rg[] = {
            {uw / 3, uh / 3, rw, rh},            /* the middle */
            {0, uh / 4, rw, rh},                 /* the left edge */
            {uw - rw, uh / 4, rw, rh},           /* the right edge */
            {uw / 5, 0, rw, rh},                 /* the top */
            {uw / 5, uh - rh, rw, rh},           /* the bottom */
            {uw - 17, uh - 13, 17, 13},          /* the far corner */
            {0, 0, 1, 1},                        /* the first pixel */
            {0, 0, uw, uh},                      /* all of it */
        };
        for (size_t i = 0; i < sizeof rg / sizeof rg[0]; i++) {
            int e = region_error(path, box[b][0], box[b][1], rg[i]);
            if (e > 1)
                fail_msg("%s: region %dx%d+%d+%d of %dx%d differs by %d levels", path, rg[i].w, rg[i].h,
                         rg[i].x, rg[i].y, uw, uh, e);
        }
    }
}

/* ---- the cases ----------------------------------------------------------------- */

static void baseline_odd_sizes_and_subsamplings(void **state)
{
    (void)state;
    char path[128];
    const int samp[] = {TJSAMP_420, TJSAMP_422, TJSAMP_444};
    for (int i = 0; i < 3; i++) {
        char name[32];
        snprintf(name, sizeof name, "base%d.jpg", i);
        save(name, 1001, 667, TJPF_RGBX, samp[i], 0, NULL, 0, path, sizeof path);
        check_regions(path);
    }
}

static void progressive(void **state)
{
    (void)state;
    char path[128];
    save("prog.jpg", 803, 611, TJPF_RGBX, TJSAMP_420, TJFLAG_PROGRESSIVE, NULL, 0, path, sizeof path);
    check_regions(path);
}

static void every_exif_orientation(void **state)
{
    (void)state;
    char path[128];
    for (int o = 1; o <= 8; o++) {
        unsigned char seg[64];
        size_t n = exif(seg, o);
        char name[32];
        snprintf(name, sizeof name, "orient%d.jpg", o);
        save(name, 517, 301, TJPF_RGBX, TJSAMP_420, 0, seg, n, path, sizeof path);
        int w, h;
        assert_true(decode_probe(path, 1, &w, &h));
        assert_int_equal(w, o >= 5 ? 301 : 517); /* read as turned */
        check_regions(path);
    }
}

static void cmyk(void **state)
{
    (void)state;
    char path[128];
    save("cmyk.jpg", 613, 409, TJPF_CMYK, TJSAMP_420, 0, NULL, 0, path, sizeof path);
    check_regions(path);
}

static void an_embedded_profile_and_a_display_profile(void **state)
{
    (void)state;
    char path[128], plain[128];
    size_t n;
    unsigned char *seg = icc_segment(&n);
    save("icc.jpg", 611, 407, TJPF_RGBX, TJSAMP_420, 0, seg, n, path, sizeof path);
    save("noicc.jpg", 611, 407, TJPF_RGBX, TJSAMP_420, 0, NULL, 0, plain, sizeof plain);
    free(seg);
    /* the profile is applied: the same pixels come out otherwise */
    char err[256];
    SDL_Surface *a = decode_image(path, 611, 407, FIT_CONTAIN, BG, err, sizeof err);
    SDL_Surface *b = decode_image(plain, 611, 407, FIT_CONTAIN, BG, err, sizeof err);
    assert_non_null(a);
    assert_non_null(b);
    assert_true(memcmp(a->pixels, b->pixels, (size_t)a->pitch * (size_t)a->h) != 0);
    SDL_FreeSurface(a);
    SDL_FreeSurface(b);
    check_regions(path);
    /* and through a display profile (the setting; the profile above as a file) */
    char disp[128];
    snprintf(disp, sizeof disp, "%s/display.icc", dir);
    cmsToneCurve *g = cmsBuildGamma(NULL, 1.8);
    cmsToneCurve *c[3] = {g, g, g};
    cmsCIExyY white = {0.3127, 0.3290, 1.0};
    cmsCIExyYTRIPLE prim = {{0.64, 0.33, 1.0}, {0.30, 0.60, 1.0}, {0.15, 0.06, 1.0}};
    cmsHPROFILE p = cmsCreateRGBProfile(&white, &prim, c);
    cmsFreeToneCurve(g);
    assert_true(cmsSaveProfileToFile(p, disp));
    cmsCloseProfile(p);
    char why[256];
    assert_true(icc_set_display_profile(disp, why, sizeof why));
    check_regions(path);
    check_regions(plain);
    assert_true(icc_set_display_profile(NULL, why, sizeof why));
}

/* Zoomed into a file cut short, or one whose data is damaged: a reason,
 * never a crash (decode.h: bad content shows a placeholder). */
static void a_cut_or_damaged_file_is_refused_or_decoded_round(void **state)
{
    (void)state;
    char path[128], cut[128];
    save("whole.jpg", 801, 601, TJPF_RGBX, TJSAMP_420, 0, NULL, 0, path, sizeof path);
    FILE *f = fopen(path, "rb");
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    unsigned char *b = malloc((size_t)len);
    fseek(f, 0, SEEK_SET);
    assert_int_equal(fread(b, 1, (size_t)len, f), (size_t)len);
    fclose(f);
    snprintf(cut, sizeof cut, "%s/cut.jpg", dir);
    const DecodeRequest base = {.path = cut, .box_w = 801, .box_h = 601, .fit = FIT_CONTAIN, .bg = BG,
                                .region = {300, 200, 256, 256}};
    for (long at = len / 2; at > 0; at /= 3) { /* cut: refused with a reason */
        f = fopen(cut, "wb");
        fwrite(b, 1, (size_t)at, f);
        fclose(f);
        char err[256] = "";
        SDL_Surface *s = decode_request(&base, err, sizeof err);
        assert_null(s);
        assert_true(err[0] != '\0');
    }
    uint32_t r = 7; /* damaged in its data: each a reason, or pixels of the region's size */
    for (int k = 0; k < 40; k++) {
        unsigned char *d = malloc((size_t)len);
        memcpy(d, b, (size_t)len);
        for (int i = 0; i < 8; i++) {
            r = r * 1103515245u + 12345u;
            d[600 + (r >> 8) % (uint32_t)(len - 610)] = (unsigned char)(r >> 3);
        }
        f = fopen(cut, "wb");
        fwrite(d, 1, (size_t)len, f);
        fclose(f);
        free(d);
        char err[256] = "";
        SDL_Surface *s = decode_request(&base, err, sizeof err);
        assert_true(s ? s->w == 256 && s->h == 256 : err[0] != '\0');
        SDL_FreeSurface(s);
    }
    free(b);
    /* and a region outside the picture */
    DecodeRequest out = base;
    out.path = path;
    out.region = (Rect){700, 500, 256, 256};
    char err[256] = "";
    assert_null(decode_request(&out, err, sizeof err));
    assert_non_null(strstr(err, "outside"));
}

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/vitrine-jpeg-region-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(baseline_odd_sizes_and_subsamplings),
        cmocka_unit_test(progressive),
        cmocka_unit_test(every_exif_orientation),
        cmocka_unit_test(cmyk),
        cmocka_unit_test(an_embedded_profile_and_a_display_profile),
        cmocka_unit_test(a_cut_or_damaged_file_is_refused_or_decoded_round),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
