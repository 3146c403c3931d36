/* SPDX-License-Identifier: GPL-3.0-or-later */
/* keymap.c - see keymap.h */
#include "keymap.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- the built-in bindings ---------------------------------------------- */

#define KC_PAGES (KC_SLIDE | KC_LECTURE)

/* Presentation clickers send PageDown/PageUp (almost all), Right/Left or
 * Down/Up (some in "arrow" mode), Space/Enter or N/P (a few); "blank" is
 * '.' or 'b' and some send 'w' or ','; start/stop alternates F5, Shift+F5
 * and Escape. */
static const KeyBinding default_bindings[] = {
    /* paging: kiosk slides and lectures */
    {KEY_PAGEDOWN, 0, ACT_NEXT, KC_PAGES},
    {KEY_RIGHT, 0, ACT_NEXT, KC_PAGES},
    {KEY_DOWN, 0, ACT_NEXT, KC_PAGES},
    {' ', 0, ACT_NEXT, KC_PAGES},
    {KEY_ENTER, 0, ACT_NEXT, KC_PAGES},
    {'n', 0, ACT_NEXT, KC_PAGES},
    {KEY_PAGEUP, 0, ACT_PREV, KC_PAGES},
    {KEY_LEFT, 0, ACT_PREV, KC_PAGES},
    {KEY_UP, 0, ACT_PREV, KC_PAGES},
    {KEY_BACKSPACE, 0, ACT_PREV, KC_PAGES},
    {'p', 0, ACT_PREV, KC_PAGES},
    {KEY_HOME, 0, ACT_FIRST, KC_PAGES},
    {KEY_END, 0, ACT_LAST, KC_PAGES},
    /* kiosk */
    {KEY_ESCAPE, 0, ACT_HOME, KC_SLIDE},
    {'c', 0, ACT_TOGGLE_CAPTIONS, KC_SLIDE},
    {'=', 0, ACT_LARGE_TEXT, KC_SLIDE | KC_HOME},
    {'+', 0, ACT_LARGE_TEXT, KC_SLIDE | KC_HOME},
    {'h', 0, ACT_HIGH_CONTRAST, KC_SLIDE | KC_HOME},
    {'z', 0, ACT_ZOOM_IN, KC_SLIDE | KC_LECTURE},
    {'x', 0, ACT_ZOOM_OUT, KC_SLIDE | KC_LECTURE},
    {'k', 0, ACT_FILM_PLAY, KC_SLIDE | KC_LECTURE}, /* as common web players */
    {KEY_PLAY_PAUSE, 0, ACT_FILM_PLAY, KC_SLIDE | KC_LECTURE}, /* the keyboard's media key */
    {KEY_RIGHT, 0, ACT_SEL_NEXT, KC_HOME | KC_OVERVIEW},
    {KEY_DOWN, 0, ACT_SEL_NEXT, KC_HOME},
    {KEY_PAGEDOWN, 0, ACT_SEL_NEXT, KC_HOME | KC_OVERVIEW},
    {KEY_LEFT, 0, ACT_SEL_PREV, KC_HOME | KC_OVERVIEW},
    {KEY_UP, 0, ACT_SEL_PREV, KC_HOME},
    {KEY_PAGEUP, 0, ACT_SEL_PREV, KC_HOME | KC_OVERVIEW},
    {KEY_HOME, 0, ACT_SEL_FIRST, KC_HOME | KC_OVERVIEW},
    {KEY_END, 0, ACT_SEL_LAST, KC_HOME | KC_OVERVIEW},
    {KEY_ENTER, 0, ACT_SELECT, KC_HOME | KC_OVERVIEW},
    {KEY_UP, 0, ACT_SEL_UP, KC_OVERVIEW},
    {KEY_DOWN, 0, ACT_SEL_DOWN, KC_OVERVIEW},
    {' ', 0, ACT_SELECT, KC_HOME | KC_OVERVIEW},
    /* lecture */
    {'.', 0, ACT_BLACK, KC_LECTURE},
    {'b', 0, ACT_BLACK, KC_LECTURE},
    {'w', 0, ACT_WHITE, KC_LECTURE},
    {',', 0, ACT_WHITE, KC_LECTURE},
    {KEY_F5, 0, ACT_START_STOP, KC_LECTURE},
    {KEY_F5, MOD_SHIFT, ACT_START_STOP, KC_LECTURE},
    {KEY_ESCAPE, 0, ACT_START_STOP, KC_LECTURE},
    {KEY_TAB, 0, ACT_OVERVIEW, KC_LECTURE | KC_OVERVIEW},
    {'g', 0, ACT_OVERVIEW, KC_LECTURE | KC_OVERVIEW},
    {KEY_ESCAPE, 0, ACT_OVERVIEW, KC_OVERVIEW},
    {'t', 0, ACT_TIMER_OVERLAY, KC_LECTURE},
    {'s', 0, ACT_TIMER_PAUSE, KC_LECTURE | KC_OVERVIEW},
    {'r', MOD_CTRL, ACT_TIMER_RESET, KC_LECTURE | KC_OVERVIEW},
    {'d', 0, ACT_SWAP_DISPLAYS, KC_LECTURE | KC_OVERVIEW},
    /* everywhere */
    {'l', 0, ACT_LANG_NEXT, KC_HOME | KC_SLIDE | KC_LECTURE},
    {'q', MOD_CTRL, ACT_QUIT, KC_ANY},
    /* the administrator's menu: PIN first when one is set */
    {'q', MOD_CTRL | MOD_ALT | MOD_SHIFT, ACT_ADMIN, KC_ANY},
    {KEY_DOWN, 0, ACT_SEL_NEXT, KC_ADMIN},
    {KEY_TAB, 0, ACT_SEL_NEXT, KC_ADMIN},
    {KEY_UP, 0, ACT_SEL_PREV, KC_ADMIN},
    {KEY_ENTER, 0, ACT_SELECT, KC_ADMIN},
    {KEY_ESCAPE, 0, ACT_ADMIN_CLOSE, KC_ADMIN},
};

bool keymap_init_default(KeyMap *km)
{
    size_t n = sizeof default_bindings / sizeof default_bindings[0];
    km->items = malloc(n * sizeof *km->items);
    if (!km->items) {
        km->n = km->cap = 0;
        return false;
    }
    memcpy(km->items, default_bindings, n * sizeof *km->items);
    km->n = km->cap = (int)n;
    return true;
}

void keymap_free(KeyMap *km)
{
    if (!km)
        return;
    free(km->items);
    km->items = NULL;
    km->n = km->cap = 0;
}

unsigned keymap_default_contexts(Action a)
{
    unsigned c = 0;
    for (size_t i = 0; i < sizeof default_bindings / sizeof default_bindings[0]; i++)
        if (default_bindings[i].action == a)
            c |= default_bindings[i].contexts;
    return c ? c : KC_LECTURE;
}

Action keymap_lookup(const KeyMap *km, unsigned context, int key, unsigned mods)
{
    /* Exact modifiers first; then ignore Shift, which some keyboards need
     * for '.' or ',' and which clickers sometimes send along. */
    for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < km->n; i++) {
            const KeyBinding *b = &km->items[i];
            if ((b->contexts & context) && b->key == key && b->mods == mods)
                return b->action;
        }
        if (!(mods & MOD_SHIFT))
            break;
        mods &= ~(unsigned)MOD_SHIFT;
    }
    return ACT_NONE;
}

void keymap_clear(KeyMap *km, Action a, unsigned contexts)
{
    int k = 0;
    for (int i = 0; i < km->n; i++) {
        KeyBinding b = km->items[i];
        if (b.action == a)
            b.contexts &= ~contexts;
        if (b.contexts)
            km->items[k++] = b;
    }
    km->n = k;
}

bool keymap_bind(KeyMap *km, Action a, unsigned contexts, int key, unsigned mods)
{
    if (km->n == km->cap) {
        int cap = km->cap ? km->cap * 2 : 32;
        KeyBinding *items = realloc(km->items, (size_t)cap * sizeof *items);
        if (!items)
            return false;
        km->items = items;
        km->cap = cap;
    }
    /* A newer binding of the same key in these contexts wins: put it first. */
    memmove(km->items + 1, km->items, (size_t)km->n * sizeof *km->items);
    km->items[0] = (KeyBinding){key, mods, a, contexts};
    km->n++;
    return true;
}

/* ---- key names ------------------------------------------------------------ */

static const struct {
    const char *name;
    int key;
} key_names[] = {
    /* the canonical spelling comes first for each key */
    {"PageDown", KEY_PAGEDOWN}, {"Next", KEY_PAGEDOWN}, {"Page_Down", KEY_PAGEDOWN},
    {"PageUp", KEY_PAGEUP}, {"Prior", KEY_PAGEUP}, {"Page_Up", KEY_PAGEUP},
    {"Right", KEY_RIGHT}, {"Left", KEY_LEFT}, {"Up", KEY_UP}, {"Down", KEY_DOWN},
    {"Return", KEY_ENTER}, {"Enter", KEY_ENTER},
    {"Escape", KEY_ESCAPE}, {"Esc", KEY_ESCAPE},
    {"Backspace", KEY_BACKSPACE}, {"BackSpace", KEY_BACKSPACE},
    {"Tab", KEY_TAB}, {"Home", KEY_HOME}, {"End", KEY_END},
    {"Space", ' '}, {"period", '.'}, {"comma", ','},
    {"F1", KEY_F1}, {"F2", KEY_F2}, {"F3", KEY_F3}, {"F4", KEY_F4}, {"F5", KEY_F5},
    {"F6", KEY_F6}, {"F7", KEY_F7}, {"F8", KEY_F8}, {"F9", KEY_F9}, {"F10", KEY_F10},
    {"F11", KEY_F11}, {"F12", KEY_F12},
    {"PlayPause", KEY_PLAY_PAUSE}, {"XF86AudioPlay", KEY_PLAY_PAUSE}, {"AudioPlay", KEY_PLAY_PAUSE},
};

static const struct {
    const char *name;
    unsigned mod;
} mod_names[] = {{"Ctrl", MOD_CTRL}, {"Alt", MOD_ALT}, {"Shift", MOD_SHIFT}, {"Gui", MOD_GUI}};

bool keymap_split_mods(const char *spec, bool control, unsigned *mods, const char **rest)
{
    *mods = 0;
    const char *p = spec;
    for (;;) {
        const char *plus = strchr(p, '+');
        /* "+" alone is the plus key ("Ctrl++" is Ctrl and plus); a "+" at
         * the end of anything else ("Ctrl+") leaves no key, an error below. */
        if (!plus || (plus == p && plus[1] == '\0'))
            break;
        size_t len = (size_t)(plus - p);
        unsigned m = 0;
        for (size_t i = 0; i < sizeof mod_names / sizeof mod_names[0]; i++)
            if (strlen(mod_names[i].name) == len && strncasecmp(p, mod_names[i].name, len) == 0)
                m = mod_names[i].mod;
        if (!m && control && len == 7 && strncasecmp(p, "Control", 7) == 0)
            m = MOD_CTRL;
        if (!m)
            return false;
        *mods |= m;
        p = plus + 1;
    }
    *rest = p;
    return *p != '\0';
}

bool keymap_parse_key(const char *spec, int *key, unsigned *mods)
{
    const char *p;
    if (!keymap_split_mods(spec, true, mods, &p))
        return false;
    for (size_t i = 0; i < sizeof key_names / sizeof key_names[0]; i++) {
        if (strcasecmp(p, key_names[i].name) == 0) {
            *key = key_names[i].key;
            return true;
        }
    }
    unsigned char c = (unsigned char)p[0];
    if (p[1] == '\0' && c < 128 && isgraph(c)) {
        *key = tolower(c);
        return true;
    }
    return false;
}

void keymap_format_key(int key, unsigned mods, char *buf, size_t n)
{
    char name[16];
    const char *kn = NULL;
    for (size_t i = 0; i < sizeof key_names / sizeof key_names[0] && !kn; i++)
        if (key_names[i].key == key)
            kn = key_names[i].name;
    if (!kn) {
        if (key > 0 && key < 128)
            snprintf(name, sizeof name, "%c", key);
        else
            snprintf(name, sizeof name, "0x%x", (unsigned)key);
        kn = name;
    }
    snprintf(buf, n, "%s%s%s%s%s", (mods & MOD_CTRL) ? "Ctrl+" : "", (mods & MOD_ALT) ? "Alt+" : "",
             (mods & MOD_SHIFT) ? "Shift+" : "", (mods & MOD_GUI) ? "Gui+" : "", kn);
}
