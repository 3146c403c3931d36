/* SPDX-License-Identifier: GPL-3.0-or-later */
/* films.c - see films.h */
#include "films.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "platform/media.h"

#define FIRST_FRAME_WAIT_MS 3000 /* on the virtual clock: then the screenshot goes without */
#define REDRAW_WAIT_MS 1000      /* on the virtual clock: a frame redrawn (subtitles, a seek) */
#define SETTLED_MS 250           /* on the virtual clock: no newer frame this long, the picture is final */

static struct {
    MediaPlayer *player;
    const SlideMedia *media; /* the film open, NULL: none */
    bool failed;             /* it could not be played: a grey box in its place */
    char lang[16];
    SDL_Renderer *ren;
    SDL_Texture *tex;
    int tex_w, tex_h;
    unsigned long long shown; /* the frame in the texture */
    bool still;
    bool paused;             /* by the visitor: no frames to look for */
} f;

static const DrawItem *film_item(const Scene *sc)
{
    for (int i = 0; sc && i < sc->n; i++)
        if (sc->items[i].kind == DRAW_VIDEO && sc->items[i].media)
            return &sc->items[i];
    return NULL;
}

static void close_film(void)
{
    if (f.player && f.media)
        media_player_close(f.player);
    f.media = NULL;
    f.failed = false;
    f.shown = 0;
}

/* Copy a new frame into the texture; true when there was one. */
static bool upload(void)
{
    int w, h, stride;
    unsigned long long serial;
    if (!f.player || !f.ren)
        return false;
    const unsigned char *px = media_player_frame(f.player, &w, &h, &stride, &serial);
    bool fresh = px && serial != f.shown;
    if (fresh) {
        if (!f.tex || w != f.tex_w || h != f.tex_h) {
            if (f.tex)
                SDL_DestroyTexture(f.tex);
            f.tex = SDL_CreateTexture(f.ren, SDL_PIXELFORMAT_XRGB8888, SDL_TEXTUREACCESS_STREAMING, w, h);
            f.tex_w = w;
            f.tex_h = h;
        }
        if (f.tex && SDL_UpdateTexture(f.tex, NULL, px, stride) == 0)
            f.shown = serial;
    }
    media_player_frame_done(f.player);
    return fresh;
}

/* Where the sound goes: mpv's own output, or what the tests name
 * ($VITRINE_MEDIA_AO, e.g. "pcm" with $VITRINE_MEDIA_AO_FILE); none on the
 * virtual clock, where films stand still. */
static void sound_output(bool still)
{
    const char *ao = getenv("VITRINE_MEDIA_AO"), *file = getenv("VITRINE_MEDIA_AO_FILE");
    char opt[1024];
    if (ao && *ao) {
        snprintf(opt, sizeof opt, "ao=%s", ao);
        media_player_option(f.player, opt);
    } else if (still) {
        media_player_option(f.player, "ao=null");
    }
    if (file && *file) {
        snprintf(opt, sizeof opt, "ao-pcm-file=%s", file);
        media_player_option(f.player, opt);
    }
}

/* The virtual clock stands still while a film draws its picture anew (a
 * first frame, a seek, other subtitles: mpv may draw more than one on the
 * way), until no newer frame came for SETTLED_MS; so what a screenshot
 * shows does not depend on the machine's speed. */
static void wait_frame(int ms)
{
    Uint64 end = SDL_GetTicks64() + (Uint64)ms;
    while (!upload() && SDL_GetTicks64() < end)
        SDL_Delay(5);
    for (Uint64 quiet = SDL_GetTicks64() + SETTLED_MS; SDL_GetTicks64() < quiet && SDL_GetTicks64() < end + SETTLED_MS;) {
        if (upload())
            quiet = SDL_GetTicks64() + SETTLED_MS;
        else
            SDL_Delay(5);
    }
}

bool films_sync(SDL_Renderer *r, const Scene *sc, const char *lang, int w, int h, bool still)
{
    const DrawItem *it = film_item(sc);
    const SlideMedia *m = it ? it->media : NULL;
    if (r != f.ren) {
        if (f.tex)
            SDL_DestroyTexture(f.tex);
        f.tex = NULL;
        f.ren = r;
        f.shown = 0;
    }
    if (m != f.media)
        close_film();
    if (!m)
        return false;
    if (!f.player && !(f.player = media_player_new())) {
        f.media = m;
        f.failed = true;
        return false;
    }
    if (!f.media)
        sound_output(still);
    if (f.media == m) {
        if (lang && strcmp(lang, f.lang) != 0 && !f.failed) {
            snprintf(f.lang, sizeof f.lang, "%s", lang);
            if (!media_player_lang(f.player, lang))
                SDL_Log("vitrine: the film's language could not be switched");
            else if (f.still)
                wait_frame(REDRAW_WAIT_MS);
        }
        return false;
    }
    char err[300];
    f.media = m;
    f.still = still;
    snprintf(f.lang, sizeof f.lang, "%s", lang ? lang : "");
    f.failed = !media_player_open(f.player, m, f.lang, NULL, 0, w, h, !still, err, sizeof err);
    if (f.failed) {
        SDL_Log("vitrine: slide %d's film cannot be played: %s", it->slide + 1, err);
        return true;
    }
    f.paused = still;
    if (still) /* the virtual clock: the first frame before the screenshot */
        wait_frame(FIRST_FRAME_WAIT_MS);
    return true;
}

void films_command(int action, bool paused)
{
    if (!f.media || f.failed)
        return;
    bool ok = true;
    if (action == ACT_FILM_PLAY) {
        f.paused = paused;
        ok = f.still || media_player_play(f.player, !paused); /* the virtual clock: it stands still */
    } else if (action == ACT_FILM_BACK || action == ACT_FILM_FORWARD) {
        ok = media_player_seek(f.player, action == ACT_FILM_BACK ? -10000 : 10000, true);
        if (ok && f.still)
            wait_frame(REDRAW_WAIT_MS);
    }
    if (!ok)
        SDL_Log("vitrine: the film did not answer");
}

void films_draw(SDL_Renderer *r, const DrawItem *it)
{
    if (r != f.ren || it->media != f.media)
        return;
    if (f.failed) {
        SDL_Rect box = {it->r.x + it->r.w / 6, it->r.y + it->r.h / 6, it->r.w * 2 / 3, it->r.h * 2 / 3};
        SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
        SDL_SetRenderDrawColor(r, 0x3a, 0x3a, 0x3a, 255);
        SDL_RenderFillRect(r, &box);
        return;
    }
    upload();
    if (!f.tex || f.shown == 0 || f.tex_w <= 0 || f.tex_h <= 0)
        return; /* before the first frame: what is under it shows */
    /* fitted, aspect kept, centred (FIT_CONTAIN) */
    double s = (double)it->r.w / f.tex_w < (double)it->r.h / f.tex_h ? (double)it->r.w / f.tex_w
                                                                     : (double)it->r.h / f.tex_h;
    int dw = (int)(f.tex_w * s), dh = (int)(f.tex_h * s);
    SDL_Rect dst = {it->r.x + (it->r.w - dw) / 2, it->r.y + (it->r.h - dh) / 2, dw, dh};
    SDL_RenderCopy(r, f.tex, NULL, &dst);
}

bool films_playing(void)
{
    return f.media && !f.failed && !f.still && !f.paused;
}

bool films_new_frame(void)
{
    if (!films_playing())
        return false;
    int w, h, stride;
    unsigned long long serial;
    const unsigned char *px = media_player_frame(f.player, &w, &h, &stride, &serial);
    media_player_frame_done(f.player);
    return px && serial != f.shown;
}

void films_free(void)
{
    close_film();
    media_player_free(f.player);
    if (f.tex)
        SDL_DestroyTexture(f.tex);
    memset(&f, 0, sizeof f);
}
