/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_text.c - the rendered lines' cache with real fonts and a software
 * renderer: lines drawn ahead of their frame (text_warm, the next slide's
 * caption while the kiosk waits) are the ones the frame then uses, and they
 * never push out a line of the frame on screen: when there is no room
 * beside those, drawing ahead gives up. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <SDL.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <string.h>

#include "harness/platform/texcount.h"
#include "platform/text.h"

#define PX 64

typedef struct {
    SDL_Surface *target;
    SDL_Renderer *ren;
    Text *text;
} Fx;

static int setup(void **state)
{
    static Fx f;
    assert_int_equal(SDL_Init(0), 0);
    assert_int_equal(TTF_Init(), 0);
    f.target = SDL_CreateRGBSurfaceWithFormat(0, 1920, 1080, 32, SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(f.target);
    f.ren = SDL_CreateSoftwareRenderer(f.target);
    assert_non_null(f.ren);
    f.text = text_create();
    assert_non_null(f.text);
    *state = &f;
    return 0;
}

static int teardown(void **state)
{
    Fx *f = *state;
    text_free(f->text);
    text_quit();
    SDL_DestroyRenderer(f->ren);
    SDL_FreeSurface(f->target);
    TTF_Quit();
    SDL_Quit();
    return 0;
}

/* A caption line of slide n, as wide as a screen's panel. */
static const char *line(int n, char *buf, size_t len)
{
    snprintf(buf, len, "Қарағанды облысы, 1950 жылдар. Әйелдер лагерінің тұтқындары, № %d", n);
    return buf;
}

static size_t draw(Fx *f, int n)
{
    char buf[160];
    int w = 0, h = 0;
    const char *s = line(n, buf, sizeof buf);
    assert_non_null(text_texture(f->text, f->ren, s, strlen(s), PX, FONT_REGULAR, &w, &h));
    return (size_t)w * (size_t)h * 4;
}

static bool warm(Fx *f, int n, bool *drawn)
{
    char buf[160];
    const char *s = line(n, buf, sizeof buf);
    return text_warm(f->text, f->ren, s, strlen(s), PX, FONT_REGULAR, drawn);
}

static void lines_drawn_ahead_are_used_and_never_displace_the_frame(void **state)
{
    Fx *f = *state;
    /* a frame of lines filling three quarters of the cache */
    text_frame(f->text);
    size_t bytes = 0, one = draw(f, 0);
    int on_screen = 1;
    while (bytes + one <= TEXT_MAX_BYTES * 3 / 4)
        bytes += draw(f, on_screen++);
    assert_true(on_screen >= 4);
    /* ahead: new lines while there is room beside the frame's, then no more */
    int ahead = 0;
    bool drawn = false;
    while (ahead < 1000 && warm(f, 1000 + ahead, &drawn)) {
        assert_true(drawn);
        ahead++;
    }
    assert_true(ahead >= 1);
    assert_true(ahead < 1000);
    assert_false(drawn);
    assert_true((size_t)(on_screen + ahead) * one <= TEXT_MAX_BYTES + one);
    /* the frame's lines are all still there: drawing them makes nothing */
    int made = texcount_made_total();
    for (int i = 0; i < on_screen; i++)
        draw(f, i);
    assert_int_equal(texcount_made_total(), made);
    /* a line drawn ahead is there when its frame comes, and drawing it
     * ahead again costs nothing */
    assert_true(warm(f, 1000, &drawn));
    assert_false(drawn);
    assert_int_equal(texcount_made_total(), made);
    /* the next frame: the lines drawn ahead; the old frame's lines may now
     * give way to the lines of the frame after it */
    text_frame(f->text);
    for (int i = 0; i < ahead; i++)
        draw(f, 1000 + i);
    assert_int_equal(texcount_made_total(), made);
    assert_true(warm(f, 5000, &drawn));
    assert_true(drawn);
    assert_int_equal(texcount_made_total(), made + 1);
    for (int i = 0; i < ahead; i++) /* and still none of this frame's went */
        draw(f, 1000 + i);
    assert_int_equal(texcount_made_total(), made + 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(lines_drawn_ahead_are_used_and_never_displace_the_frame, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
