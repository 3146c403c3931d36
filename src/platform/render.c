/* SPDX-License-Identifier: GPL-3.0-or-later */
/* render.c - see render.h */
#include "render.h"

#include "platform/films.h"

static void set_color(SDL_Renderer *r, Color c)
{
    SDL_SetRenderDrawBlendMode(r, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(r, c.r, c.g, c.b, c.a);
}

static SDL_Rect sdl_rect(Rect r)
{
    return (SDL_Rect){r.x, r.y, r.w, r.h};
}

static bool overlap(Rect a, Rect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

bool render_scene(SDL_Renderer *r, const Scene *s, Text *text, Textures *tex, RenderFacts *facts)
{
    bool complete = true;
    RenderFacts f = {0};
    if (text)
        text_frame(text);
    set_color(r, s->clear);
    SDL_RenderClear(r);
    for (int i = 0; i < s->n; i++) {
        const DrawItem *it = &s->items[i];
        switch (it->kind) {
        case DRAW_RECT: {
            SDL_Rect rr = sdl_rect(it->r);
            set_color(r, it->color);
            SDL_RenderFillRect(r, &rr);
            break;
        }
        case DRAW_FRAME: {
            set_color(r, it->color);
            int k = it->thick;
            SDL_Rect sides[4] = {
                {it->r.x, it->r.y, it->r.w, k},
                {it->r.x, it->r.y + it->r.h - k, it->r.w, k},
                {it->r.x, it->r.y + k, k, it->r.h - 2 * k},
                {it->r.x + it->r.w - k, it->r.y + k, k, it->r.h - 2 * k},
            };
            SDL_RenderFillRects(r, sides, 4);
            break;
        }
        case DRAW_IMAGE: {
            bool full = false, preview = false;
            bool drawn = textures_draw(tex, r, it, s->clear, &full, &preview);
            complete &= drawn;
            f.zoom_full |= full;
            f.previews += preview;
            f.missing += !drawn && !preview;
            break;
        }
        case DRAW_TEXT: {
            int w, h;
            SDL_Texture *t = text_texture(text, r, scene_text(s, it), it->text_len, it->font_px,
                                          it->style, &w, &h);
            if (!t)
                break;
            SDL_SetTextureColorMod(t, it->color.r, it->color.g, it->color.b);
            SDL_SetTextureAlphaMod(t, it->color.a);
            SDL_Rect dst = {it->r.x, it->r.y, w, h};
            SDL_RenderCopy(r, t, NULL, &dst);
            break;
        }
        case DRAW_VIDEO:
            films_draw(r, it);
            break;
        }
    }
    for (int i = 0; i < s->n; i++)
        if (s->items[i].kind == DRAW_VIDEO) {
            bool covered = false;
            for (int k = i + 1; k < s->n && !covered; k++)
                covered = overlap(s->items[k].r, s->items[i].r);
            films_covered(covered);
            break;
        }
    if (facts)
        *facts = f;
    return complete;
}
