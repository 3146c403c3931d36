/* SPDX-License-Identifier: GPL-3.0-or-later */
/* contact.c - see contact.h */
#include "contact.h"

#include <SDL.h>
#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "check.h"
#include "core/library.h"
#include "core/sheet.h"
#include "decode.h"
#include "page.h"

typedef struct {
    const Exhibition *ex;
    SDL_Surface **pictures;     /* per slide: decoded, or NULL */
    char (*why)[160];           /* per slide: why not, "" when fine or no picture */
} Pictures;

static const char *image_problem(void *ctx, int k)
{
    const Pictures *p = ctx;
    return p->why[k][0] ? p->why[k] : NULL;
}

/* Every slide's picture at the size the sheet draws it. */
static void decode_all(Pictures *p)
{
    int tw, th;
    sheet_thumb_size(&tw, &th);
    for (int k = 0; k < p->ex->n_slides; k++) {
        const Slide *sl = &p->ex->slides[k];
        if (!sl->image)
            continue;
        char err[160] = "";
        DecodeRequest rq = {.path = sl->image_path, .page = sl->page, .box_w = tw, .box_h = th,
                            .fit = FIT_CONTAIN, .bg = {236, 236, 240, 255}};
        if (sl->image_path)
            p->pictures[k] = decode_request(&rq, err, sizeof err);
        if (p->pictures[k])
            continue;
        bool absent = !sl->image_path || strstr(err, "No such file");
        snprintf(p->why[k], sizeof p->why[k], "%s", absent ? "not found" : err[0] ? err : "cannot be read");
    }
}

/* OUT.png for one page; OUT-1.png, OUT-2.png... for more. */
static void page_name(const char *out, int page, int pages, char *buf, size_t n)
{
    if (pages == 1) {
        snprintf(buf, n, "%s", out);
        return;
    }
    size_t len = strlen(out);
    if (len >= 4 && strcasecmp(out + len - 4, ".png") == 0)
        len -= 4;
    snprintf(buf, n, "%.*s-%d.png", (int)len, out, page + 1);
}

static bool write_pages(const SheetView *v, const Pictures *p, Text *text, const char *out)
{
    int pages = sheet_pages(v->ex);
    bool ok = true;
    printf("Contact sheet written to");
    for (int pg = 0; pg < pages && ok; pg++) {
        Scene sc;
        scene_init(&sc);
        SheetThumb thumbs[SHEET_PER_PAGE];
        int n = 0;
        sheet_build(&sc, v, pg, thumbs, &n);
        Page page;
        ok = !sc.oom && page_open(&page, text, SHEET_W, SHEET_H);
        if (ok) {
            page_draw(&page, &sc);
            for (int i = 0; i < n; i++)
                page_picture(&page, p->pictures[thumbs[i].slide], thumbs[i].r);
            char name[4096];
            page_name(out, pg, pages, name, sizeof name);
            ok = page_save(&page, name);
            if (ok)
                printf("%s %s", pg ? "," : "", name);
            page_close(&page);
        }
        scene_free(&sc);
    }
    printf("\n");
    return ok;
}

static int sheet_for(const Exhibition *ex, const ContactOptions *o, const Settings *st)
{
    const char *lang = o->lang ? o->lang : st->start_lang ? st->start_lang : ex->languages[0];
    Text *text = page_fonts();
    if (!text)
        return 1;
    Measure m = text_measure(text);
    Pictures p = {ex, calloc((size_t)ex->n_slides, sizeof *p.pictures),
                  calloc((size_t)ex->n_slides, sizeof *p.why)};
    int status = 1;
    if (p.pictures && p.why) {
        decode_all(&p);
        SheetView v = {.ex = ex, .lang = lang, .measure = &m, .large_text = st->large_text,
                       .screen_w = o->w > 0 ? o->w : CHECK_DEFAULT_W,
                       .screen_h = o->h > 0 ? o->h : CHECK_DEFAULT_H,
                       .image_problem = image_problem, .ctx = &p};
        /* the problems in words too, for a terminal or a script */
        int bad = 0;
        for (int k = 0; k < ex->n_slides; k++) {
            char lines[SHEET_MAX_PROBLEMS][160];
            int n = sheet_problems(&v, k, lines, SHEET_MAX_PROBLEMS);
            bad += n > 0;
            for (int i = 0; i < n; i++)
                printf("  slide %d: %s\n", k + 1, lines[i]);
        }
        printf("%s (%s, captions fitted at %dx%d%s): %d slide%s, %d with problems\n", ex->id, lang,
               v.screen_w, v.screen_h, v.large_text ? " in large text" : "", ex->n_slides,
               ex->n_slides == 1 ? "" : "s", bad);
        status = write_pages(&v, &p, text, o->out) ? 0 : 1;
        for (int k = 0; k < ex->n_slides; k++)
            SDL_FreeSurface(p.pictures[k]);
    }
    free(p.pictures);
    free(p.why);
    page_fonts_free(text);
    return status;
}

int contact_main(const ContactOptions *o)
{
    Settings st;
    page_settings(&st, o->settings);
    DiagList d = {0};
    Library *lib = library_load(o->dir, &d);
    diag_clear(&d); /* the exhibitions' own problems are --check's business */
    int i = lib ? library_find(lib, o->exhibition) : -1;
    int status = 1;
    if (i < 0) {
        fprintf(stderr, "vitrine: no exhibition with id \"%s\" in %s (vitrine --check %s says why)\n",
                o->exhibition, o->dir, o->dir);
    } else {
        SDL_Init(0);
        IMG_Init(IMG_INIT_PNG | IMG_INIT_WEBP);
        status = sheet_for(lib->items[i], o, &st);
        fflush(stdout);
        IMG_Quit();
        SDL_Quit();
    }
    library_free(lib);
    settings_free(&st);
    return status;
}
