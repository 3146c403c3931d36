/* SPDX-License-Identifier: GPL-3.0-or-later */
/* display_plan.h - which display shows the slides and which the presenter
 * view, while displays change size, are unplugged and come back.
 *
 * The platform lists the displays as they are now (the primary first, as
 * SDL numbers them); display_plan_choose() says where each window goes; the
 * platform moves, opens and closes windows to match, and logs what
 * display_plan_describe() says changed. Displays are known by name (the
 * RandR output, "HDMI-1"), not by number: the numbers shift when one is
 * unplugged. A plan remembers where each window belongs (its "home"), so
 * the projector that comes back after a loose cable gets the slides back
 * and the lecturer's screen the presenter view.
 */
#ifndef VITRINE_DISPLAY_PLAN_H
#define VITRINE_DISPLAY_PLAN_H

#include <stdbool.h>

#include "geom.h"

#define DISPLAY_NAME_MAX 64     /* bytes of a display's name, with the NUL */
#define DISPLAYS_MAX 16         /* displays looked at; settings number them 0..15 */
#define DISPLAY_LINE_MAX 256    /* bytes of one line of display_plan_describe() */

typedef struct {
    char name[DISPLAY_NAME_MAX]; /* unique in a list */
    Rect r;                      /* where it is on the desktop, in pixels */
} DisplayDesc;

typedef struct {
    char audience[DISPLAY_NAME_MAX];  /* where the slides belong ("": not decided yet) */
    char presenter[DISPLAY_NAME_MAX]; /* where the presenter view belongs ("": not yet) */
} DisplayHome;

/* Indexes into the list a choice was made for; -1: no window. */
typedef struct {
    int audience;
    int presenter;
} DisplayChoice;

/* The index of the display called name in list[0..n), or -1. */
int display_find(const DisplayDesc *list, int n, const char *name);

/* Where the windows go on list[0..n):
 *  - the slides on their home display while it is there; else on the first
 *    display the presenter view is not on (the lecture goes on);
 *  - in a lecture with two displays or more, the presenter view on its
 *    home display, else on display `preferred` (the settings' number; -1:
 *    the second display), else on the first display without the slides;
 *    with one display, no presenter view.
 * An empty home slot is filled with the display chosen for it; a home
 * display that is gone stays remembered, so the window returns when it
 * does. With no display at all (n <= 0: a monitor between two modes)
 * both are -1 and the caller leaves its windows as they are. */
DisplayChoice display_plan_choose(DisplayHome *home, const DisplayDesc *list, int n, bool lecture,
                                  int preferred);

/* The lecturer swapped the displays (the D key): the slides now belong
 * where the presenter view is, and the other way round. Nothing changes
 * unless c has both. */
void display_plan_swap(DisplayHome *home, const DisplayDesc *list, int n, DisplayChoice c);

/* True when the two lists hold the same displays at the same places. */
bool display_list_equal(const DisplayDesc *a, int na, const DisplayDesc *b, int nb);

/* One line per change from `before` to `after`, for the log:
 *   "display: 1920x1080 -> 1280x720 on display 0 (HDMI-1)"
 *   "display: 1024x768+1280+0 -> 1024x768+1920+0 on display 1 (DP-1)"  (it moved)
 *   "display: display 1 (DP-1, 1024x768+1280+0) is gone"
 *   "display: display 1 (DP-1, 1024x768+1280+0) appeared"
 * Writes up to max lines; returns how many there were (may exceed max). */
int display_plan_describe(const DisplayDesc *before, int n_before, const DisplayDesc *after, int n_after,
                          char (*lines)[DISPLAY_LINE_MAX], int max);

#endif
