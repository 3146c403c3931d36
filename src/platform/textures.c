/* textures.c - see textures.h */
#include "textures.h"

#include <stdlib.h>
#include <string.h>

#include "decode.h"

typedef struct {
    char *path;            /* owned */
    int box_w, box_h;
    FitMode fit;
    SDL_Texture *tex;      /* NULL for a remembered failure */
    int w, h;
    unsigned last_use;
} Entry;

struct Textures {
    Entry *e;
    int n, max;
    unsigned clock;
    char **failed;         /* paths that could not be decoded (owned) */
    int n_failed;
};

Textures *textures_create(int max_entries)
{
    Textures *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->max = max_entries > 0 ? max_entries : 8;
    t->e = calloc((size_t)t->max, sizeof *t->e);
    if (!t->e) {
        free(t);
        return NULL;
    }
    return t;
}

void textures_forget(Textures *t)
{
    for (int i = 0; i < t->n; i++) {
        if (t->e[i].tex)
            SDL_DestroyTexture(t->e[i].tex);
        free(t->e[i].path);
    }
    t->n = 0;
}

void textures_free(Textures *t)
{
    if (!t)
        return;
    textures_reset(t);
    free(t->e);
    free(t);
}

static bool known_failure(const Textures *t, const char *path)
{
    for (int i = 0; i < t->n_failed; i++)
        if (strcmp(t->failed[i], path) == 0)
            return true;
    return false;
}

static void remember_failure(Textures *t, const char *path)
{
    char **nf = realloc(t->failed, (size_t)(t->n_failed + 1) * sizeof *nf);
    if (!nf)
        return;
    t->failed = nf;
    if ((t->failed[t->n_failed] = strdup(path)) != NULL)
        t->n_failed++;
}

SDL_Texture *textures_get(Textures *t, SDL_Renderer *r, const DrawItem *it, Color bg, int *w,
                          int *h, bool *fresh_failure)
{
    *fresh_failure = false;
    if (!it->path)
        return NULL;
    for (int i = 0; i < t->n; i++) {
        Entry *e = &t->e[i];
        if (e->box_w == it->r.w && e->box_h == it->r.h && e->fit == it->fit &&
            strcmp(e->path, it->path) == 0) {
            e->last_use = ++t->clock;
            *w = e->w;
            *h = e->h;
            return e->tex;
        }
    }
    if (known_failure(t, it->path))
        return NULL;

    char err[256] = "";
    SDL_Surface *s = decode_image(it->path, it->r.w, it->r.h, it->fit, bg, err, sizeof err);
    SDL_Texture *tex = s ? SDL_CreateTextureFromSurface(r, s) : NULL;
    if (s && !tex)
        SDL_snprintf(err, sizeof err, "cannot make a texture: %s", SDL_GetError());
    if (!tex) {
        SDL_Log("image: %s: %s; showing a placeholder", it->path, err);
        remember_failure(t, it->path);
        SDL_FreeSurface(s);
        *fresh_failure = true;
        return NULL;
    }
    *w = s->w;
    *h = s->h;
    SDL_FreeSurface(s);

    int slot = t->n;
    if (t->n == t->max) {
        slot = 0;
        for (int i = 1; i < t->n; i++)
            if (t->e[i].last_use < t->e[slot].last_use)
                slot = i;
        SDL_DestroyTexture(t->e[slot].tex);
        free(t->e[slot].path);
    } else {
        t->n++;
    }
    t->e[slot] = (Entry){strdup(it->path), it->r.w, it->r.h, it->fit, tex, *w, *h, ++t->clock};
    if (!t->e[slot].path) { /* out of memory: do not keep what we cannot find again */
        SDL_DestroyTexture(tex);
        t->e[slot] = t->e[--t->n];
        return NULL;
    }
    return tex;
}

void textures_reset(Textures *t)
{
    if (!t)
        return;
    textures_forget(t);
    for (int i = 0; i < t->n_failed; i++)
        free(t->failed[i]);
    free(t->failed);
    t->failed = NULL;
    t->n_failed = 0;
}
