/* SPDX-License-Identifier: GPL-3.0-or-later */
/* show_state.h - the show's state as one line of JSON (show_state_json),
 * formatted from plain values so the format has one place of its own.
 */
#ifndef VITRINE_SHOW_STATE_H
#define VITRINE_SHOW_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "scene.h"
#include "zoom.h"

/* What the line says; strings are not copied. */
typedef struct {
    const char *screen;       /* home|slide|attract|overview|blank|admin */
    bool lecture;             /* "mode": lecture or kiosk */
    const char *exhibition;   /* id, or NULL (null, and slide/slides null) */
    int slide, slides;        /* 1-based */
    int exhibitions, home_selection;
    const char *language;
    ZoomView zoom;
    bool captions, running;
    Blank blank;
    int overview_selection;
    bool timer_overlay;
    int go_to;                /* "goto": digits typed, -1 = null */
    bool presenter;
    const char *admin;        /* pin|menu|pick|locked, NULL = null */
    const char *idle;
    bool large_text, high_contrast;
    int problems;             /* -1: not a preview, no "problems" */
    const char *waiting_for;  /* the --exhibition awaited (show_set_waiting); NULL: no "waiting_for" */
    int64_t elapsed_ms, remaining_ms;
    bool timer_running;
    const char *level;
    bool has_pacing;
    int64_t pacing_ms;
} ShowStateLine;

/* Into buf (n bytes); returns the length (snprintf-style, may exceed n), or
 * -1 on out of memory. */
int show_state_format(const ShowStateLine *l, char *buf, size_t n);

#endif
