/* SPDX-License-Identifier: GPL-3.0-or-later */
/* input.c - see input.h */
#include "input.h"

#include <ctype.h>
#include <string.h>

static int core_key(SDL_Keycode k)
{
    switch (k) {
    case SDLK_RETURN: case SDLK_KP_ENTER: case SDLK_RETURN2: return KEY_ENTER;
    case SDLK_ESCAPE: return KEY_ESCAPE;
    case SDLK_BACKSPACE: return KEY_BACKSPACE;
    case SDLK_TAB: return KEY_TAB;
    case SDLK_LEFT: return KEY_LEFT;
    case SDLK_RIGHT: return KEY_RIGHT;
    case SDLK_UP: return KEY_UP;
    case SDLK_DOWN: return KEY_DOWN;
    case SDLK_PAGEUP: return KEY_PAGEUP;
    case SDLK_PAGEDOWN: return KEY_PAGEDOWN;
    case SDLK_HOME: return KEY_HOME;
    case SDLK_END: return KEY_END;
    case SDLK_KP_PERIOD: return '.';
    case SDLK_AUDIOPLAY: return KEY_PLAY_PAUSE; /* XF86AudioPlay */
    default: break;
    }
    if (k >= SDLK_F1 && k <= SDLK_F12)
        return KEY_F1 + (int)(k - SDLK_F1);
    if (k >= SDLK_KP_1 && k <= SDLK_KP_9)
        return '1' + (int)(k - SDLK_KP_1);
    if (k == SDLK_KP_0)
        return '0';
    if (k > 0 && k < 128 && isprint((int)k))
        return tolower((int)k);
    return KEY_NONE;
}

static unsigned core_mods(Uint16 m)
{
    return ((m & KMOD_SHIFT) ? MOD_SHIFT : 0u) | ((m & KMOD_CTRL) ? MOD_CTRL : 0u) |
           ((m & KMOD_ALT) ? MOD_ALT : 0u) | ((m & KMOD_GUI) ? MOD_GUI : 0u);
}

/* Window coordinates -> drawable pixels (they differ on high-DPI screens). */
static void to_pixels(const InputView *v, int x, int y, float *px, float *py)
{
    *px = v->win_w > 0 ? (float)x * (float)v->w / (float)v->win_w : (float)x;
    *py = v->win_h > 0 ? (float)y * (float)v->h / (float)v->win_h : (float)y;
}

/* Times from the app's clock, not SDL's timestamps: SDL_PushEvent stamps
 * scripted events with real time, which replays must not depend on. */
static bool mouse_echo(const InputView *v)
{
    return v->last_finger && v->now < v->last_finger + INPUT_MOUSE_AFTER_TOUCH_MS;
}

/* Pointer input counts only on the audience's window: the presenter view
 * has no touch targets. */
static bool from_presenter(const InputView *v, Uint32 window_id)
{
    return v->presenter_window && window_id == v->presenter_window;
}

static unsigned window_event(const SDL_Event *e, const InputView *v, Event *out)
{
    switch (e->window.event) {
    case SDL_WINDOWEVENT_CLOSE:
        if (from_presenter(v, e->window.windowID))
            return 0; /* the lecturer's own screen: never ends anything */
        out->type = EV_CLOSE;
        return INPUT_EVENT;
    case SDL_WINDOWEVENT_SIZE_CHANGED:
        /* A window manager or the X server may have resized it for a
         * display change SDL did not notice: look at the displays. */
        out->type = EV_RESIZE;
        out->w = v->w;
        out->h = v->h;
        return INPUT_EVENT | INPUT_RESIZED | INPUT_DISPLAYS | INPUT_REDRAW;
    case SDL_WINDOWEVENT_MOVED:
    case SDL_WINDOWEVENT_DISPLAY_CHANGED:
        return INPUT_DISPLAYS;
    case SDL_WINDOWEVENT_EXPOSED:
    case SDL_WINDOWEVENT_SHOWN:
    case SDL_WINDOWEVENT_RESTORED:
        return INPUT_REDRAW;
    default:
        return 0;
    }
}

unsigned input_translate(const SDL_Event *e, const InputView *v, Event *out)
{
    memset(out, 0, sizeof *out);
    out->t = v->now;
    switch (e->type) {
    case SDL_KEYDOWN:
        out->type = EV_KEY;
        out->key = core_key(e->key.keysym.sym);
        out->mods = core_mods(e->key.keysym.mod);
        out->repeat = e->key.repeat != 0;
        return out->key != KEY_NONE ? INPUT_EVENT : 0;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        /* Touchscreens also send mouse events for each touch: one tap must act once. */
        if (e->button.which == SDL_TOUCH_MOUSEID || e->button.button != SDL_BUTTON_LEFT ||
            from_presenter(v, e->button.windowID) || mouse_echo(v))
            return 0;
        out->type = e->type == SDL_MOUSEBUTTONDOWN ? EV_POINTER_DOWN : EV_POINTER_UP;
        out->pointer = POINTER_MOUSE;
        to_pixels(v, e->button.x, e->button.y, &out->x, &out->y);
        return INPUT_EVENT;
    case SDL_MOUSEMOTION:
        if (e->motion.which == SDL_TOUCH_MOUSEID || !(e->motion.state & SDL_BUTTON_LMASK) ||
            from_presenter(v, e->motion.windowID) || mouse_echo(v))
            return 0;
        out->type = EV_POINTER_MOVE;
        out->pointer = POINTER_MOUSE;
        to_pixels(v, e->motion.x, e->motion.y, &out->x, &out->y);
        return INPUT_EVENT;
    case SDL_MOUSEWHEEL: {
        if (from_presenter(v, e->wheel.windowID) || e->wheel.which == SDL_TOUCH_MOUSEID)
            return 0;
        int notches = e->wheel.y * (e->wheel.direction == SDL_MOUSEWHEEL_FLIPPED ? -1 : 1);
        if (notches == 0)
            return 0;
        out->type = EV_WHEEL;
        out->wheel = notches;
        to_pixels(v, e->wheel.mouseX, e->wheel.mouseY, &out->x, &out->y);
        return INPUT_EVENT;
    }
    case SDL_FINGERDOWN:
    case SDL_FINGERUP:
    case SDL_FINGERMOTION:
        if (from_presenter(v, e->tfinger.windowID))
            return 0;
        out->type = e->type == SDL_FINGERDOWN ? EV_POINTER_DOWN
                  : e->type == SDL_FINGERUP   ? EV_POINTER_UP
                                              : EV_POINTER_MOVE;
        out->pointer = 1 + (int)(e->tfinger.fingerId & 0x7fff);
        out->x = e->tfinger.x * (float)v->w;
        out->y = e->tfinger.y * (float)v->h;
        return INPUT_EVENT | INPUT_FINGER;
    case SDL_WINDOWEVENT:
        return window_event(e, v, out);
    case SDL_RENDER_TARGETS_RESET:
    case SDL_RENDER_DEVICE_RESET:
        return INPUT_RESET | INPUT_REDRAW; /* the textures' contents are gone */
    case SDL_QUIT:
        out->type = EV_QUIT; /* SIGTERM/SIGINT: window closes do not quit (hint set) */
        return INPUT_EVENT;
    default:
        return 0;
    }
}
