/* SPDX-License-Identifier: GPL-3.0-or-later */
/* event.h - the core's own input events.
 *
 * The SDL layer turns SDL events into these; the core never sees SDL. Times
 * are milliseconds from a monotonic clock (virtual in replays), positions are
 * window pixels.
 */
#ifndef VITRINE_EVENT_H
#define VITRINE_EVENT_H

#include <stdbool.h>
#include <stdint.h>

/* Printable keys are their lower-case ASCII code ('a', '5', ' ', '.', ',').
 * Everything else is named here. */
typedef enum {
    KEY_NONE = 0,
    KEY_ENTER = 0x100,
    KEY_ESCAPE,
    KEY_BACKSPACE,
    KEY_TAB,
    KEY_LEFT,
    KEY_RIGHT,
    KEY_UP,
    KEY_DOWN,
    KEY_PAGEUP,
    KEY_PAGEDOWN,
    KEY_HOME,
    KEY_END,
    KEY_F1, KEY_F2, KEY_F3, KEY_F4, KEY_F5, KEY_F6,
    KEY_F7, KEY_F8, KEY_F9, KEY_F10, KEY_F11, KEY_F12,
    KEY_PLAY_PAUSE,     /* the keyboard's (or remote's) media play/pause key */
} Key;

enum {
    MOD_SHIFT = 1u << 0,
    MOD_CTRL  = 1u << 1,
    MOD_ALT   = 1u << 2,
    MOD_GUI   = 1u << 3,
};

typedef enum {
    EV_KEY,            /* key, mods, repeat */
    EV_POINTER_DOWN,   /* pointer, x, y */
    EV_POINTER_MOVE,
    EV_POINTER_UP,
    EV_RESIZE,         /* w, h: the drawable size in pixels */
    EV_CLOSE,          /* the window manager asks the window to close */
    EV_QUIT,           /* the service manager asks the program to end (SIGTERM) */
    EV_IMAGE_LOADED,   /* exhibition, slide (-1 = cover), ok, img_w, img_h */
    EV_TICK,           /* a deadline the show asked for has come */
    EV_WHEEL,          /* x, y: where the pointer is; wheel: notches, > 0 away from the user */
} EventType;

/* Pointer ids: 0 is the mouse, fingers are 1 + their index in the touch. */
#define POINTER_MOUSE 0

typedef struct {
    EventType type;
    uint64_t t;        /* ms */
    int key;           /* Key or ASCII */
    unsigned mods;     /* MOD_* */
    bool repeat;       /* key auto-repeat */
    int pointer;
    float x, y;        /* pixels */
    int w, h;
    int exhibition, slide;
    bool ok;
    int img_w, img_h;
    int wheel;
} Event;

#endif
