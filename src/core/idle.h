/* SPDX-License-Identifier: GPL-3.0-or-later */
/* idle.h - a visitor walks away: inactivity -> "still there?" -> reset ->
 * attract loop. A pure function of the times passed in.
 *
 *   ACTIVE --timeout--> WARNING --warning--> (reset) RESTING --attract_delay--> ATTRACT
 *   any input: back to ACTIVE (the show decides what else the input does)
 *   a visitor's film playing holds ACTIVE (idle_hold): the timeout counts
 *   from the moment it ends or pauses
 */
#ifndef VITRINE_IDLE_H
#define VITRINE_IDLE_H

#include <stdbool.h>
#include <stdint.h>

#define IDLE_TIMEOUT_MS 90000        /* no input this long: ask "still there?" */
#define IDLE_WARNING_MS 15000        /* the countdown before the reset */
#define IDLE_ATTRACT_DELAY_MS 30000  /* home screen, then the attract loop */
#define IDLE_ATTRACT_STEP_MS 8000    /* each showcase slide */
#define IDLE_LANG_STEP_MS 3000       /* "touch to begin" changes language */

typedef enum {
    IDLE_ACTIVE,    /* someone is using the kiosk */
    IDLE_WARNING,   /* "still there?" with a countdown */
    IDLE_RESTING,   /* reset to home; waiting before the attract loop */
    IDLE_ATTRACT,   /* the showcase runs */
} IdlePhase;

typedef struct {
    int timeout_ms, warning_ms, attract_delay_ms; /* 0 = the defaults above */
} IdleConfig;

typedef struct {
    IdleConfig cfg;
    IdlePhase phase;
    uint64_t since;      /* when the phase began */
    bool reset_due;      /* WARNING ran out: the show must reset (read by idle_take_reset) */
    bool held;           /* ACTIVE held: a visitor watches a film (idle_hold) */
} Idle;

void idle_init(Idle *id, const IdleConfig *cfg, uint64_t now);
/* Input arrived. Returns the phase it interrupted (the show swallows a
 * touch that only wakes the kiosk). */
IdlePhase idle_input(Idle *id, uint64_t now);
/* A visitor's film plays (on) or stopped playing (paused, ended, gone).
 * While it plays, ACTIVE does not run out: a visitor watching a ten-minute
 * film is not idle. The timeout then starts when the film stops. Only ACTIVE
 * is held: a film does not wake a kiosk already asking "still there?". */
void idle_hold(Idle *id, bool on, uint64_t now);
/* Advance to `now`; returns the current phase. */
IdlePhase idle_update(Idle *id, uint64_t now);
/* true once when the countdown ran out (then reset language, zoom...). */
bool idle_take_reset(Idle *id);
/* ms until the phase changes (UINT64_MAX: never). */
uint64_t idle_next_deadline(const Idle *id, uint64_t now);
/* Milliseconds until what the idle screens show changes: the phase ends,
 * the countdown's next second, the attract loop's next slide or language. */
uint64_t idle_next_redraw(const Idle *id, uint64_t now);
/* WARNING: whole seconds left on the countdown (rounded up). */
int idle_seconds_left(const Idle *id, uint64_t now);

#endif
