/* SPDX-License-Identifier: GPL-3.0-or-later */
/* page.c - see page.h */
#include "page.h"

#include <SDL_image.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <string.h>

#include "render.h"

/* text.c logs which fonts it found; a command's output is its own. A
 * warning about the fonts themselves (no Kazakh letters) still matters:
 * the pages are then wrong, so it goes to stderr. */
static void quiet_log(void *userdata, int category, SDL_LogPriority priority, const char *message)
{
    (void)userdata;
    (void)category;
    (void)priority;
    if (strstr(message, "WARNING"))
        fprintf(stderr, "vitrine: %s\n", message);
}

Text *page_fonts(void)
{
    SDL_LogOutputFunction old_fn;
    void *old_ud;
    SDL_LogGetOutputFunction(&old_fn, &old_ud);
    SDL_LogSetOutputFunction(quiet_log, NULL);
    Text *t = text_create();
    SDL_LogSetOutputFunction(old_fn, old_ud);
    if (!t) {
        fputs("vitrine: cannot set up the fonts (is fonts-noto-core installed?)\n", stderr);
        page_fonts_free(NULL);
    }
    return t;
}

void page_fonts_free(Text *t)
{
    text_free(t);
    text_quit();
    TTF_Quit();
}

void page_settings(Settings *s, const char *path)
{
    char def[4096];
    DiagList d = {0};
    settings_defaults(s);
    if (!path)
        settings_default_path(def, sizeof def);
    settings_load(s, path ? path : def, path == NULL, &d);
    diag_print(&d, stderr);
    diag_clear(&d);
}

bool page_open(Page *p, Text *text, int w, int h)
{
    memset(p, 0, sizeof *p);
    p->text = text;
    p->target = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (p->target)
        p->ren = SDL_CreateSoftwareRenderer(p->target);
    if (!p->ren) {
        fprintf(stderr, "vitrine: cannot make a %dx%d page: %s\n", w, h, SDL_GetError());
        page_close(p);
        return false;
    }
    p->w = w;
    p->h = h;
    return true;
}

void page_draw(Page *p, const Scene *sc)
{
    render_scene(p->ren, sc, p->text, NULL, NULL);
}

void page_picture(Page *p, SDL_Surface *img, Rect r)
{
    SDL_Texture *t = img ? SDL_CreateTextureFromSurface(p->ren, img) : NULL;
    if (!t)
        return;
    Rect at = rect_fit(r, img->w, img->h);
    SDL_Rect dst = {at.x, at.y, at.w, at.h};
    SDL_RenderCopy(p->ren, t, NULL, &dst);
    SDL_DestroyTexture(t);
}

bool page_save(Page *p, const char *path)
{
    SDL_RenderFlush(p->ren);
    SDL_Surface *rgb = SDL_ConvertSurfaceFormat(p->target, SDL_PIXELFORMAT_RGB24, 0);
    bool ok = rgb && IMG_SavePNG(rgb, path) == 0;
    if (!ok)
        fprintf(stderr, "vitrine: cannot write %s: %s\n", path, SDL_GetError());
    SDL_FreeSurface(rgb);
    return ok;
}

void page_close(Page *p)
{
    if (p->text)
        text_forget(p->text);
    if (p->ren)
        SDL_DestroyRenderer(p->ren);
    SDL_FreeSurface(p->target);
    memset(p, 0, sizeof *p);
}
