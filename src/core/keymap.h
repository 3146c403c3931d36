/* SPDX-License-Identifier: GPL-3.0-or-later */
/* keymap.h - keys -> actions, per context, with the clickers' defaults.
 *
 * A table of {key, modifiers, action, contexts}, like sent's key bindings.
 * The defaults cover keyboards and common presentation clickers (see
 * README "Lecturers"); settings can replace the keys of any action.
 */
#ifndef VITRINE_KEYMAP_H
#define VITRINE_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>

#include "action.h"
#include "event.h"

/* Where a binding applies (bit mask). */
enum {
    KC_HOME = 1u << 0,      /* kiosk: list of exhibitions */
    KC_SLIDE = 1u << 1,     /* kiosk: a slide */
    KC_LECTURE = 1u << 2,   /* lecture: a slide, blank or presenting */
    KC_OVERVIEW = 1u << 3,  /* lecture: the grid of slides */
    KC_ADMIN = 1u << 4,     /* the administrator's PIN pad and menu */
    KC_ANY = 0x1Fu,
};

typedef struct {
    int key;                /* Key or lower-case ASCII (event.h) */
    unsigned mods;          /* MOD_*: must match exactly, except Shift, see keymap_lookup */
    Action action;
    unsigned contexts;      /* KC_* mask */
} KeyBinding;

typedef struct {
    KeyBinding *items;      /* owned */
    int n, cap;
} KeyMap;

/* Fill km with the built-in bindings (km is overwritten, not freed). */
bool keymap_init_default(KeyMap *km);
void keymap_free(KeyMap *km);
/* The action for key+mods in context (one KC_* bit): an exact match of the
 * modifiers first, then one that ignores Shift. ACT_NONE if nothing. */
Action keymap_lookup(const KeyMap *km, unsigned context, int key, unsigned mods);
/* Remove every binding of action a in the given contexts. */
void keymap_clear(KeyMap *km, Action a, unsigned contexts);
bool keymap_bind(KeyMap *km, Action a, unsigned contexts, int key, unsigned mods);
/* The contexts an action is bound in by default (where settings put it). */
unsigned keymap_default_contexts(Action a);

/* "PageDown", "Next" (X's name), "Shift+F5", "period", ".", "b", "Return",
 * "Enter", "Escape", "space", "BackSpace"... case-insensitive names,
 * modifiers Ctrl+ Alt+ Shift+ Gui+. false if not a key vitrine knows. */
bool keymap_parse_key(const char *spec, int *key, unsigned *mods);
/* The modifiers in front of a key name: "Ctrl+", "Alt+", "Shift+", "Gui+"
 * in any case and order (and "Control+" too when `control`) into *mods, the
 * key name after them into *rest (a pointer into spec). False when a
 * modifier is not one of these or no key name follows. Shared by the
 * settings' keys and the replay script's "key" command. */
bool keymap_split_mods(const char *spec, bool control, unsigned *mods, const char **rest);
/* The canonical spelling keymap_parse_key reads back ("Shift+F5"). */
void keymap_format_key(int key, unsigned mods, char *buf, size_t n);

#endif
