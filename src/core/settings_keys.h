/* SPDX-License-Identifier: GPL-3.0-or-later */
/* settings_keys.h - the "keys" section of the settings file: which keys do
 * which action (docs/settings.md), read with its problems at their positions,
 * and written back by --learn-keys.
 */
#ifndef VITRINE_SETTINGS_KEYS_H
#define VITRINE_SETTINGS_KEYS_H

#include <jansson.h>
#include <stdbool.h>

#include "jsondiag.h"
#include "keymap.h"

/* Applies the "keys" object (at "/keys"; the caller checked it is an
 * object) to km: each action listed gets exactly the keys listed, in their
 * order, and a key listed for one action is taken from every other. Bad
 * entries are reported through c and leave the defaults. */
void settings_keys_parse(JsonDiag *c, KeyMap *km, json_t *keys);

/* {"next": [...], ...}: the lecture keys of km (the actions --learn-keys
 * learns), added to or replacing members of keys, which keeps its other
 * members and their order. False on out of memory. */
bool settings_keys_fill(json_t *keys, const KeyMap *km);

#endif
