/* SPDX-License-Identifier: GPL-3.0-or-later */
/* learn.c - see learn.h
 *
 * Steps in order: next, previous, start/stop, black, white, play/pause. One press ends
 * a step, except start/stop, which asks for a second press because many
 * clickers send F5 and Escape in turn from that one button. A key already
 * learned for an earlier step is not taken again: the lecturer pressed the
 * wrong button, and the prompt says which one it was.
 */
#include "learn.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LEARN_MAX_KEYS 2        /* keys kept per step: start/stop needs two */

typedef struct {
    Action action;
    const char *name;           /* in capitals, as the prompt names the button */
    int presses;                /* presses that complete the step */
    bool may_lack;              /* many clickers have no such button */
} Step;

static const Step steps[] = {
    {ACT_NEXT, "NEXT", 1, false},
    {ACT_PREV, "PREVIOUS", 1, false},
    {ACT_START_STOP, "START/STOP", 2, true},
    {ACT_BLACK, "BLACK SCREEN", 1, true},
    {ACT_WHITE, "WHITE SCREEN", 1, true},
    {ACT_FILM_PLAY, "PLAY/PAUSE", 1, true}, /* a film's: many clickers and remotes have one */
};
#define N_STEPS ((int)(sizeof steps / sizeof steps[0]))

typedef struct {
    int key;
    unsigned mods;
} Learned;

struct Learn {
    int step;                   /* index into steps[]; N_STEPS when done */
    uint64_t since;             /* ms: start of the step or its last press */
    int presses;                /* accepted presses in this step */
    Learned keys[N_STEPS][LEARN_MAX_KEYS];
    int n_keys[N_STEPS];
    int taken_by;               /* step the last refused key belongs to, -1 none */
    char prompt[192];
};

/* ---- Prompt --------------------------------------------------------------- */

static void update_prompt(Learn *l)
{
    char *p = l->prompt;
    size_t cap = sizeof l->prompt;
    if (l->step >= N_STEPS) {
        bool any = false;
        for (int i = 0; i < N_STEPS; i++)
            any |= l->n_keys[i] > 0;
        snprintf(p, cap, "%s", any ? "Done: the clicker's buttons are learned."
                                   : "Done: no button was pressed, so the keys stay as "
                                     "they were.");
        return;
    }
    const Step *st = &steps[l->step];
    size_t o = 0;
    if (l->taken_by >= 0)
        o = (size_t)snprintf(p, cap, "That button is already %s; ", steps[l->taken_by].name);
    const char *press = l->taken_by >= 0 ? "press" : "Press";
    if (l->presses > 0)
        snprintf(p + o, cap - o, "%s the %s button once more.", press, st->name);
    else if (st->may_lack)
        snprintf(p + o, cap - o, "%s the %s button on the clicker. No such button? Wait, "
                 "and this step is skipped.", press, st->name);
    else
        snprintf(p + o, cap - o, "%s the %s button on the clicker.", press, st->name);
}

/* ---- Steps ---------------------------------------------------------------- */

static void next_step(Learn *l, uint64_t now)
{
    l->step++;
    l->since = now;
    l->presses = 0;
    l->taken_by = -1;
    update_prompt(l);
}

Learn *learn_create(uint64_t now)
{
    Learn *l = calloc(1, sizeof *l);
    if (!l)
        return NULL;
    l->step = 0;
    l->since = now;
    l->taken_by = -1;
    update_prompt(l);
    return l;
}

void learn_free(Learn *l)
{
    free(l);
}

/* The step (before `before`) that learned key+mods, or -1. */
static int learned_by(const Learn *l, int before, int key, unsigned mods)
{
    for (int i = 0; i < before; i++)
        for (int k = 0; k < l->n_keys[i]; k++)
            if (l->keys[i][k].key == key && l->keys[i][k].mods == mods)
                return i;
    return -1;
}

/* Only keys a settings file can name again, so --learn-keys never writes
 * one it cannot read back. */
static bool nameable(int key, unsigned mods)
{
    char spec[64];
    int k;
    unsigned m;
    keymap_format_key(key, mods, spec, sizeof spec);
    return key != KEY_NONE && keymap_parse_key(spec, &k, &m) && k == key && m == mods;
}

void learn_key(Learn *l, int key, unsigned mods, bool repeat, uint64_t now)
{
    if (!l || repeat || l->step >= N_STEPS || !nameable(key, mods))
        return;
    /* any press shows the lecturer is there: the step's clock restarts */
    l->since = now;
    int owner = learned_by(l, l->step, key, mods);
    if (owner >= 0) {
        l->taken_by = owner;
        update_prompt(l);
        return;
    }
    l->taken_by = -1;
    int s = l->step;
    bool have = false;
    for (int k = 0; k < l->n_keys[s] && !have; k++)
        have = l->keys[s][k].key == key && l->keys[s][k].mods == mods;
    if (!have && l->n_keys[s] < LEARN_MAX_KEYS)
        l->keys[s][l->n_keys[s]++] = (Learned){key, mods};
    l->presses++;
    if (l->presses >= steps[s].presses)
        next_step(l, now);
    else
        update_prompt(l);
}

void learn_tick(Learn *l, uint64_t now)
{
    if (!l || l->step >= N_STEPS)
        return;
    /* no press for a while: skip the step (or, after the first press of
     * start/stop, keep what that press sent) */
    if (now >= l->since + LEARN_SKIP_MS)
        next_step(l, now);
}

bool learn_done(const Learn *l)
{
    return !l || l->step >= N_STEPS;
}

Action learn_current(const Learn *l)
{
    return l && l->step < N_STEPS ? steps[l->step].action : ACT_NONE;
}

int learn_presses(const Learn *l)
{
    return l && l->step < N_STEPS ? l->presses : 0;
}

const char *learn_prompt(const Learn *l)
{
    return l ? l->prompt : "";
}

uint64_t learn_next_deadline(const Learn *l, uint64_t now)
{
    if (!l || l->step >= N_STEPS)
        return UINT64_MAX;
    uint64_t due = l->since + LEARN_SKIP_MS;
    return due > now ? due - now : 0;
}

void learn_apply(const Learn *l, KeyMap *km)
{
    if (!l || !km)
        return;
    for (int s = 0; s < N_STEPS; s++) {
        if (l->n_keys[s] == 0)
            continue;
        Action a = steps[s].action;
        /* Learned keys are added to the action's keys, not put in their
         * place: the keyboard keeps working beside the clicker. */
        for (int k = l->n_keys[s] - 1; k >= 0; k--) {
            int key = l->keys[s][k].key;
            unsigned mods = l->keys[s][k].mods;
            /* the button means this action now: no other action keeps that
             * key in a lecture (kiosk contexts stay as they are) */
            int j = 0;
            bool have = false;
            for (int i = 0; i < km->n; i++) {
                KeyBinding b = km->items[i];
                if (b.action != a && b.key == key && b.mods == mods)
                    b.contexts &= ~(unsigned)KC_LECTURE;
                if (b.action == a && b.key == key && b.mods == mods && (b.contexts & KC_LECTURE))
                    have = true;
                if (b.contexts)
                    km->items[j++] = b;
            }
            km->n = j;
            if (have)
                continue; /* a default key the clicker also sends */
            /* backwards, as keymap_bind puts each new binding first */
            keymap_bind(km, a, KC_LECTURE, key, mods);
        }
    }
}
