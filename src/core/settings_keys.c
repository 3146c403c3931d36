/* SPDX-License-Identifier: GPL-3.0-or-later */
/* settings_keys.c - see settings_keys.h */
#include "settings_keys.h"

#include "jsontext.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_KEYS_PER_ACTION 32    /* keys read from one "keys" entry */
#define KEY_EXAMPLES "PageDown, Next, Shift+F5, period, b"
#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* What --learn-keys writes: the actions it learns, and no others, so that
 * saving never narrows the keys of an action nobody pressed (Escape and
 * start/stop still close the overview, arrows still page in the kiosk). */
static const Action saved_actions[] = {
    ACT_NEXT, ACT_PREV, ACT_START_STOP, ACT_BLACK, ACT_WHITE, ACT_FILM_PLAY,
};

/* ---- Reading ------------------------------------------------------------- */

typedef struct {
    int key;
    unsigned mods;
} KeySpec;

/* Takes key+mods, in `contexts`, away from every action but a: a key the
 * file (or --learn-keys) gives to one action means that action, whatever the
 * defaults said, and a saved file then lists it only once. Returns the first
 * action it was taken from, ACT_NONE if none. `only_from`, when not NULL,
 * limits the search to the actions it marks true. */
static Action take_key(KeyMap *km, Action a, unsigned contexts, int key, unsigned mods,
                       const bool *only_from)
{
    Action from = ACT_NONE;
    int k = 0;
    for (int i = 0; i < km->n; i++) {
        KeyBinding b = km->items[i];
        if (b.action != a && b.key == key && b.mods == mods && (b.contexts & contexts)
            && (!only_from || only_from[b.action])) {
            if (from == ACT_NONE)
                from = b.action;
            b.contexts &= ~contexts;
        }
        if (b.contexts)
            km->items[k++] = b;
    }
    km->n = k;
    return from;
}

/* Replace a's keys in its default contexts by keys[0..n), in that order
 * (keymap_bind puts each new binding first, so bind backwards). */
static bool replace_keys(KeyMap *km, Action a, unsigned contexts, const KeySpec *keys, int n)
{
    keymap_clear(km, a, contexts);
    bool ok = true;
    for (int i = n - 1; i >= 0; i--)
        ok &= keymap_bind(km, a, contexts, keys[i].key, keys[i].mods);
    return ok;
}

static void action_names(const char **names)
{
    for (int i = 0; i < ACT__COUNT; i++)
        names[i] = action_name((Action)i);
}

void settings_keys_parse(JsonDiag *c, KeyMap *km, json_t *keys)
{
    char tb[32], sh[JTEXT_SHOWN_CAP];
    const char *names[ACT__COUNT];
    action_names(names);
    bool from_file[ACT__COUNT] = {false};
    const char *name;
    json_t *v;
    json_object_foreach(keys, name, v) {
        char *ptr = jsonloc_ptr_join("/keys", name);
        const char *p = ptr ? ptr : "/keys";
        Action a = action_from_name(name);
        if (a == ACT_NONE) {
            const char *best = jdiag_suggest(name, names, ACT__COUNT);
            if (best)
                jdiag_at_key(c, DIAG_WARNING, p, "unknown action \"%s\" in \"keys\" (did you mean "
                             "\"%s\"?)", jtext_shown(name, sh, sizeof sh), best);
            else
                jdiag_at_key(c, DIAG_WARNING, p, "unknown action \"%s\" in \"keys\" (the actions "
                             "are listed in docs/settings.md)", jtext_shown(name, sh, sizeof sh));
            free(ptr);
            continue;
        }
        if (!json_is_array(v)) {
            jdiag_at_value(c, DIAG_ERROR, p, "\"%s\" in \"keys\" must be an array of keys like "
                           "[\"PageDown\", \"Right\"], not %s", name,
                           jtext_describe(v, false, tb, sizeof tb));
            free(ptr);
            continue;
        }
        unsigned contexts = keymap_default_contexts(a);
        KeySpec specs[MAX_KEYS_PER_ACTION];
        int n = 0;
        size_t i;
        json_t *e;
        json_array_foreach(v, i, e) {
            char eptr[160];
            snprintf(eptr, sizeof eptr, "%s/%zu", p, i);
            KeySpec k;
            if (!json_is_string(e)) {
                jdiag_at_value(c, DIAG_ERROR, eptr, "keys of \"%s\" must be strings like "
                               "\"PageDown\", not %s",
                               name, jtext_describe(e, true, tb, sizeof tb));
                continue;
            }
            if (!keymap_parse_key(json_string_value(e), &k.key, &k.mods)) {
                jdiag_at_value(c, DIAG_ERROR, eptr, "\"%s\" is not a key vitrine knows "
                               "(examples: " KEY_EXAMPLES ")",
                               jtext_shown(json_string_value(e), sh, sizeof sh));
                continue;
            }
            bool dup = false;
            for (int j = 0; j < n && !dup; j++)
                dup = specs[j].key == k.key && specs[j].mods == k.mods;
            if (dup)
                continue;
            if (n == MAX_KEYS_PER_ACTION) {
                jdiag_at_value(c, DIAG_ERROR, eptr, "too many keys for \"%s\"; only the first %d "
                               "are used", name, MAX_KEYS_PER_ACTION);
                break;
            }
            /* the same key listed for an earlier action: the later one wins */
            Action was = take_key(km, a, contexts, k.key, k.mods, from_file);
            if (was != ACT_NONE)
                jdiag_at_value(c, DIAG_WARNING, eptr,
                               "\"%s\" is listed for both \"%s\" and \"%s\"; "
                               "the last one, \"%s\", gets it",
                               jtext_shown(json_string_value(e), sh, sizeof sh), action_name(was),
                               name, name);
            specs[n++] = k;
        }
        if (json_array_size(v) == 0) {
            jdiag_at_value(c, DIAG_WARNING, p,
                           "\"%s\" has no keys: that action cannot be used from "
                           "the keyboard", name);
            keymap_clear(km, a, contexts);
        } else if (n > 0) {
            /* and from the defaults of other actions, silently */
            for (int j = 0; j < n; j++)
                take_key(km, a, contexts, specs[j].key, specs[j].mods, NULL);
            replace_keys(km, a, contexts, specs, n);
            from_file[a] = true;
        }
        /* none of the keys could be read: the defaults stay */
        free(ptr);
    }
}

/* ---- Writing ------------------------------------------------------------- */

bool settings_keys_fill(json_t *keys, const KeyMap *km)
{
    for (size_t i = 0; i < N_OF(saved_actions); i++) {
        Action a = saved_actions[i];
        json_t *arr = json_array();
        if (!arr)
            return false;
        for (int k = 0; k < km->n; k++) {
            const KeyBinding *b = &km->items[k];
            if (b->action != a || !(b->contexts & KC_LECTURE))
                continue;
            bool dup = false;
            for (int j = 0; j < k && !dup; j++) {
                const KeyBinding *o = &km->items[j];
                dup = o->action == a && (o->contexts & KC_LECTURE) && o->key == b->key
                      && o->mods == b->mods;
            }
            if (dup)
                continue;
            char spec[64];
            keymap_format_key(b->key, b->mods, spec, sizeof spec);
            if (json_array_append_new(arr, json_string(spec)) != 0) {
                json_decref(arr);
                return false;
            }
        }
        if (json_object_set_new(keys, action_name(a), arr) != 0)
            return false;
    }
    return true;
}
