/* SPDX-License-Identifier: GPL-3.0-or-later */
/* learn.h - --learn-keys: ask the lecturer to press each clicker button.
 *
 * A small state machine on a clock passed in. For each step (next, previous,
 * start/stop, black screen, white screen, a film's play/pause) it records the keys the button
 * sends; a button that sends different keys on alternate presses (F5 then
 * Escape) is asked for twice. A step with no press for LEARN_SKIP_MS is
 * skipped (the defaults stay).
 */
#ifndef VITRINE_LEARN_H
#define VITRINE_LEARN_H

#include <stdbool.h>
#include <stdint.h>

#include "keymap.h"

#define LEARN_SKIP_MS 15000

typedef struct Learn Learn;

Learn *learn_create(uint64_t now);
void learn_free(Learn *l);
/* A key press (repeats are ignored). */
void learn_key(Learn *l, int key, unsigned mods, bool repeat, uint64_t now);
void learn_tick(Learn *l, uint64_t now);
bool learn_done(const Learn *l);
/* The action now being learned, and how many presses of it were seen. */
Action learn_current(const Learn *l);
int learn_presses(const Learn *l);
/* What to show the lecturer now, in English ("Press the NEXT button on
 * the clicker"). Static or owned by l. */
const char *learn_prompt(const Learn *l);
/* Milliseconds until learn_tick needs to run (the skip timeout). */
uint64_t learn_next_deadline(const Learn *l, uint64_t now);
/* Replace, in km, the keys of every learned action (lecture context). */
void learn_apply(const Learn *l, KeyMap *km);

#endif
