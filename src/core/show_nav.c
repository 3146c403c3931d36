/* SPDX-License-Identifier: GPL-3.0-or-later */
/* show_nav.c - the show moving between exhibitions, slides and zoom (see
 * show_internal.h). */
#include "show_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "relocate.h"

/* Slide k of ex, clamped to those there are. */
static int clamp_slide(const Exhibition *ex, int k)
{
    if (k < 0)
        k = 0;
    return k >= ex->n_slides ? ex->n_slides - 1 : k; /* -1 when there are none */
}

static void go_slide(Show *s, int slide)
{
    const Exhibition *ex = show_current(s);
    if (!ex)
        return;
    slide = clamp_slide(ex, slide);
    if (slide != s->slide) {
        s->slide = slide;
        touch_unscroll(&s->touch);
        s->zoom = ZOOM_NONE;
        touch_forget(&s->touch);
        s->dirty = true;
    }
}

static void animate_from(Show *s, float from)
{
    touch_animate_from(&s->touch, from, s->now);
    s->dirty = true;
}

/* Go to a slide as a visitor does: it slides in from the side it lies on,
 * continuing from wherever the finger or a running animation left it. In
 * lectures slides change at once (lecturers and their audience prefer it). */
void show_nav_to(Show *s, int to)
{
    const Exhibition *ex = show_current(s);
    if (!ex)
        return;
    to = clamp_slide(ex, to);
    float off = touch_let_go(&s->touch, s->now);
    if (to == s->slide) {
        if (off != 0.0f)
            animate_from(s, off); /* spring back */
        return;
    }
    bool animated = !s->lecture_mode && s->screen == SCREEN_SLIDE;
    int from = s->slide;
    s->travel = to < from ? -1 : 1;
    go_slide(s, to);
    if (animated)
        animate_from(s, off + (to > from ? (float)s->w : -(float)s->w));
}

/* In a lecture the timer starts with the first move onwards (or the start key). */
void show_nav_advance(Show *s, int to)
{
    if (s->exhibition >= 0 && s->lecture_mode)
        lecture_moving(&s->lec, s->slide, to, s->now);
    show_nav_to(s, to);
}

void show_nav_open(Show *s, int i, int slide)
{
    if (i < 0 || i >= s->lib->n)
        return;
    const Exhibition *ex = s->lib->items[i];
    s->screen = SCREEN_SLIDE;
    s->exhibition = i;
    s->home_sel = i;
    s->slide = -1;
    int minutes = s->duration_min > 0 ? s->duration_min : ex->lecture_duration_min;
    lecture_open(&s->lec, ex, minutes, s->lecture_mode);
    /* a pdfpc user's "lastMinutes" for this deck, else the settings' */
    s->lec.warn_min = ex->lecture_warn_min > 0 ? ex->lecture_warn_min : s->warn_min;
    go_slide(s, slide);
    s->dirty = true;
}

void show_nav_home(Show *s)
{
    /* a kiosk that shows one exhibition only: its start, or "being prepared" */
    int only = s->only ? library_find(s->lib, s->only) : -1;
    if (only >= 0) {
        show_nav_open(s, only, s->only_slide);
        return;
    }
    s->zoom = ZOOM_NONE;
    touch_forget(&s->touch);
    if (s->exhibition >= 0)
        s->home_sel = s->exhibition;
    s->screen = SCREEN_HOME;
    s->exhibition = -1;
    s->slide = 0;
    s->dirty = true;
}

void show_nav_card(Show *s, int sel)
{
    int n = s->lib->n;
    if (n == 0)
        return;
    if (sel < 0)
        sel = 0;
    if (sel >= n)
        sel = n - 1;
    if (sel != s->home_sel) {
        s->home_sel = sel;
        s->dirty = true;
    }
}

/* ---- zoom ------------------------------------------------------------------ */

static void set_zoom(Show *s, ZoomView v)
{
    if (v.z != s->zoom.z || v.cx != s->zoom.cx || v.cy != s->zoom.cy) {
        s->zoom = v;
        s->dirty = true;
    }
}

void show_nav_unzoom(Show *s)
{
    touch_end_pan(&s->touch);
    set_zoom(s, ZOOM_NONE);
}

/* Zoom to z about screen point (px, py), or the picture's centre (px < 0). */
void show_nav_zoom(Show *s, float z, float px, float py)
{
    TouchPicture p;
    if (!show_view_picture(s, &p))
        return;
    if (px < 0) {
        px = (float)p.area.x + (float)p.area.w / 2;
        py = (float)p.area.y + (float)p.area.h / 2;
    }
    set_zoom(s, zoom_about(p.area, p.iw, p.ih, s->zoom, z, px, py, 0, 0));
}

void show_nav_follow(Show *s)
{
    float k, mx, my, mx0, my0;
    TouchPicture p;
    if (gesture_pinch(&s->gesture, &k, &mx, &my, &mx0, &my0) && show_view_picture(s, &p))
        set_zoom(s, touch_pinch(&s->touch, &s->gesture, &p, s->zoom, k, mx, my, mx0, my0));
    /* one finger on a zoomed picture moves it (and never turns the page) */
    if (zoom_active(s->zoom) && touch_may_pan(&s->touch, &s->gesture) && show_view_picture(s, &p)) {
        ZoomView z = s->zoom;
        bool mine = touch_pan(&s->touch, &s->gesture, &p, &z);
        set_zoom(s, z);
        if (mine)
            return;
    }
    const Exhibition *ex = show_current(s);
    const Scene *sc = &s->scene;
    TouchSlide sl = {
        .can_drag = !s->lecture_mode && s->screen == SCREEN_SLIDE && ex != NULL,
        .first = s->slide == 0,
        .last = ex && s->slide == ex->n_slides - 1,
        .scroll_area = sc->scroll_area,
        .scroll_line = sc->scroll_line,
        .scroll_max = sc->scroll_max,
    };
    if (touch_follow(&s->touch, &s->gesture, &sl, s->now))
        s->dirty = true;
}

void show_set_library(Show *s, const Library *lib)
{
    const Library *old = s->lib;
    if (!lib || lib == old)
        return;
    int was = s->exhibition;
    int ex = relocate_exhibition(old, was, lib);
    int slide = ex >= 0 ? relocate_slide(old->items[was], s->slide, lib->items[ex]) : 0;
    int sel = relocate_exhibition(old, s->home_sel, lib);
    /* From here on nothing may point into the old library. */
    s->lib = lib;
    /* picture sizes are by index and the files may have changed: learnt
     * again as the pictures load; the whole picture again */
    pictures_reset(&s->pictures, lib);
    s->zoom = ZOOM_NONE;
    touch_forget(&s->touch);
    kiosk_set_library(&s->kiosk, lib);
    s->home_sel = sel >= 0 ? sel : relocate_clamp(s->home_sel, lib->n);
    if (was >= 0 && ex < 0) {
        /* The exhibition is gone: back home, the nearest card selected. */
        s->home_sel = relocate_clamp(was, lib->n);
        if (s->screen == SCREEN_SLIDE)
            s->screen = SCREEN_HOME;
        s->exhibition = -1;
        s->slide = 0;
        lecture_reload(&s->lec, NULL);
        touch_stop(&s->touch);
    } else if (ex >= 0) {
        s->exhibition = ex;
        if (slide != s->slide) {
            s->slide = slide;
            touch_unscroll(&s->touch);
        }
        lecture_reload(&s->lec, lib->items[ex]);
    }
    if (s->screen == SCREEN_ADMIN)
        admin_clamp(&s->admin, lib->n);
    if (show_preparing(s))
        show_nav_home(s); /* the one exhibition has come: it opens at once */
    s->dirty = true;
    s->presenter_dirty = true;
}

bool show_set_waiting(Show *s, const char *id)
{
    char *copy = NULL;
    if (id && !(copy = strdup(id)))
        return false;
    free(s->waiting);
    s->waiting = copy;
    return true;
}

bool show_set_only(Show *s, const char *id, int slide1)
{
    char *copy = NULL;
    if (id && !(copy = strdup(id)))
        return false;
    free(s->only);
    s->only = copy;
    s->only_slide = slide1 > 0 ? slide1 - 1 : 0;
    kiosk_set_only(&s->kiosk, s->only, s->lib);
    if (s->screen == SCREEN_HOME)
        show_nav_home(s); /* its start, or "being prepared": never the list */
    s->dirty = true;
    return true;
}

const char *show_only(const Show *s)
{
    return s->only;
}

void show_set_problems(Show *s, const DiagList *diags, const char *root)
{
    problems_set(&s->problems, diags, root);
    s->dirty = true;
}

