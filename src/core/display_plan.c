/* SPDX-License-Identifier: GPL-3.0-or-later */
/* display_plan.c - see display_plan.h */
#include "display_plan.h"

#include <stdio.h>
#include <string.h>

int display_find(const DisplayDesc *list, int n, const char *name)
{
    if (!name || !name[0])
        return -1;
    for (int i = 0; i < n; i++)
        if (strcmp(list[i].name, name) == 0)
            return i;
    return -1;
}

static void set_name(char *dst, const char *src)
{
    snprintf(dst, DISPLAY_NAME_MAX, "%s", src);
}

/* The first display that is not `not`, or 0 when there is none. */
static int first_other(int n, int not)
{
    for (int i = 0; i < n; i++)
        if (i != not)
            return i;
    return 0;
}

/* The settings' number for the presenter view (-1: the second display). */
static int preferred_presenter(int preferred, int n)
{
    return preferred >= 0 && preferred < n ? preferred : 1;
}

DisplayChoice display_plan_choose(DisplayHome *home, const DisplayDesc *list, int n, bool lecture,
                                  int preferred)
{
    DisplayChoice c = {-1, -1};
    if (n <= 0)
        return c;
    bool two = lecture && n >= 2;
    int pres_home = two ? display_find(list, n, home->presenter) : -1;

    c.audience = display_find(list, n, home->audience);
    if (c.audience < 0) {
        if (!home->audience[0]) {
            /* the first choice: the slides where the presenter view is not wanted */
            c.audience = two && preferred_presenter(preferred, n) == 0 ? 1 : 0;
            set_name(home->audience, list[c.audience].name);
        } else {
            /* their display is gone: the lecture goes on on another one */
            c.audience = pres_home >= 0 ? first_other(n, pres_home) : 0;
        }
    }

    if (!two)
        return c;
    if (pres_home >= 0 && pres_home != c.audience) {
        c.presenter = pres_home;
    } else {
        int want = preferred_presenter(preferred, n);
        c.presenter = want != c.audience ? want : first_other(n, c.audience);
        if (c.presenter == c.audience)
            c.presenter = -1;
        else if (!home->presenter[0])
            set_name(home->presenter, list[c.presenter].name);
    }
    return c;
}

void display_plan_swap(DisplayHome *home, const DisplayDesc *list, int n, DisplayChoice c)
{
    if (c.audience < 0 || c.presenter < 0 || c.audience >= n || c.presenter >= n)
        return;
    set_name(home->audience, list[c.presenter].name);
    set_name(home->presenter, list[c.audience].name);
}

static bool same_rect(Rect a, Rect b)
{
    return a.x == b.x && a.y == b.y && a.w == b.w && a.h == b.h;
}

bool display_list_equal(const DisplayDesc *a, int na, const DisplayDesc *b, int nb)
{
    if (na != nb)
        return false;
    for (int i = 0; i < na; i++)
        if (strcmp(a[i].name, b[i].name) != 0 || !same_rect(a[i].r, b[i].r))
            return false;
    return true;
}

/* "1920x1080", or "1920x1080+1280+0" with the position (X's geometry). */
static void geometry(char *buf, size_t n, Rect r, bool with_position)
{
    if (with_position)
        snprintf(buf, n, "%dx%d%+d%+d", r.w, r.h, r.x, r.y);
    else
        snprintf(buf, n, "%dx%d", r.w, r.h);
}

int display_plan_describe(const DisplayDesc *before, int n_before, const DisplayDesc *after, int n_after,
                          char (*lines)[DISPLAY_LINE_MAX], int max)
{
    int count = 0;
    char g0[48], g1[48];
    for (int i = 0; i < n_before; i++) {
        const DisplayDesc *d = &before[i];
        int j = display_find(after, n_after, d->name);
        if (j >= 0 && same_rect(d->r, after[j].r))
            continue;
        if (count < max) {
            if (j < 0) {
                geometry(g0, sizeof g0, d->r, true);
                snprintf(lines[count], DISPLAY_LINE_MAX, "display: display %d (%.*s, %s) is gone", i,
                         DISPLAY_NAME_MAX - 1, d->name, g0);
            } else {
                bool moved = d->r.x != after[j].r.x || d->r.y != after[j].r.y;
                geometry(g0, sizeof g0, d->r, moved);
                geometry(g1, sizeof g1, after[j].r, moved);
                snprintf(lines[count], DISPLAY_LINE_MAX, "display: %s -> %s on display %d (%.*s)", g0, g1, j,
                         DISPLAY_NAME_MAX - 1, d->name);
            }
        }
        count++;
    }
    for (int j = 0; j < n_after; j++) {
        if (display_find(before, n_before, after[j].name) >= 0)
            continue;
        if (count < max) {
            geometry(g1, sizeof g1, after[j].r, true);
            snprintf(lines[count], DISPLAY_LINE_MAX, "display: display %d (%.*s, %s) appeared", j,
                     DISPLAY_NAME_MAX - 1, after[j].name, g1);
        }
        count++;
    }
    return count;
}
