/* SPDX-License-Identifier: GPL-3.0-or-later */
/* page.h - pages drawn off-screen into PNG files (the report's chart, the
 * contact sheet): no window, SDL's software renderer onto a surface, the
 * kiosk's fonts and its renderer for the draw list (render.h).
 */
#ifndef VITRINE_PLATFORM_PAGE_H
#define VITRINE_PLATFORM_PAGE_H

#include <SDL.h>
#include <stdbool.h>

#include "core/scene.h"
#include "core/settings.h"
#include "text.h"

typedef struct {
    SDL_Surface *target;        /* ARGB8888, what is drawn into */
    SDL_Renderer *ren;
    Text *text;                 /* the fonts; its rendered lines belong to ren */
    int w, h;
} Page;

/* The fonts, for measuring and drawing (logs only problems, such as no
 * font with the Kazakh letters). NULL with a message on stderr when there
 * is none. Free with page_fonts_free(). */
Text *page_fonts(void);
void page_fonts_free(Text *t);
/* The settings file as the kiosk reads it (path NULL: the default
 * location, which may be missing); problems are printed on stderr. */
void page_settings(Settings *s, const char *path);

/* A w x h page drawn with text's fonts. false (with a message on stderr)
 * when it cannot be made. */
bool page_open(Page *p, Text *text, int w, int h);
/* Draw sc (it may hold no DRAW_IMAGE: pictures go through page_picture). */
void page_draw(Page *p, const Scene *sc);
/* img scaled into r, keeping its proportions, centred. */
void page_picture(Page *p, SDL_Surface *img, Rect r);
/* Write the page as an RGB PNG. false with a message on stderr. */
bool page_save(Page *p, const char *path);
/* Also drops the text's rendered lines, which belong to this page's renderer. */
void page_close(Page *p);

#endif
