/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_input.c - SDL events, built by hand, into the core's Events
 * (platform/input.h): keys and modifiers, mouse and finger positions in
 * drawable pixels, the presenter view's window ignored, a touchscreen's
 * echoed mouse events dropped, window events as flags. No display: SDL is
 * never initialised. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <SDL.h>

#include "platform/input.h"

#define AUDIENCE 1
#define PRESENTER 2

/* A high-DPI window: 960x540 window coordinates over 1920x1080 pixels. */
static InputView view(uint64_t now)
{
    InputView v = {.now = now, .w = 1920, .h = 1080, .win_w = 960, .win_h = 540,
                   .presenter_window = PRESENTER};
    return v;
}

static SDL_Event key(SDL_Keycode sym, Uint16 mod, Uint8 repeat)
{
    SDL_Event e = {0};
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = sym;
    e.key.keysym.mod = mod;
    e.key.repeat = repeat;
    return e;
}

static SDL_Event button(Uint32 type, Uint8 which_button, Uint32 window, int x, int y)
{
    SDL_Event e = {0};
    e.type = type;
    e.button.button = which_button;
    e.button.windowID = window;
    e.button.x = x;
    e.button.y = y;
    return e;
}

static SDL_Event finger(Uint32 type, SDL_FingerID id, Uint32 window, float x, float y)
{
    SDL_Event e = {0};
    e.type = type;
    e.tfinger.fingerId = id;
    e.tfinger.windowID = window;
    e.tfinger.x = x;
    e.tfinger.y = y;
    return e;
}

static SDL_Event window_event(Uint8 what, Uint32 window)
{
    SDL_Event e = {0};
    e.type = SDL_WINDOWEVENT;
    e.window.event = what;
    e.window.windowID = window;
    return e;
}

static void test_keys(void **state)
{
    (void)state;
    InputView v = view(1234);
    Event ev;
    SDL_Event e = key(SDLK_PAGEDOWN, KMOD_LSHIFT | KMOD_RCTRL, 0);
    assert_int_equal(input_translate(&e, &v, &ev), INPUT_EVENT);
    assert_int_equal(ev.type, EV_KEY);
    assert_int_equal(ev.key, KEY_PAGEDOWN);
    assert_int_equal(ev.mods, MOD_SHIFT | MOD_CTRL);
    assert_false(ev.repeat);
    assert_int_equal(ev.t, 1234);

    e = key(SDLK_F5, KMOD_NONE, 1);
    assert_int_equal(input_translate(&e, &v, &ev), INPUT_EVENT);
    assert_int_equal(ev.key, KEY_F5);
    assert_true(ev.repeat);

    e = key(SDLK_KP_5, KMOD_NONE, 0);
    input_translate(&e, &v, &ev);
    assert_int_equal(ev.key, '5');
    e = key(SDLK_KP_PERIOD, KMOD_NONE, 0);
    input_translate(&e, &v, &ev);
    assert_int_equal(ev.key, '.');
    e = key(SDLK_KP_ENTER, KMOD_LALT | KMOD_LGUI, 0);
    input_translate(&e, &v, &ev);
    assert_int_equal(ev.key, KEY_ENTER);
    assert_int_equal(ev.mods, MOD_ALT | MOD_GUI);
    e = key(SDLK_b, KMOD_NONE, 0);
    input_translate(&e, &v, &ev);
    assert_int_equal(ev.key, 'b');

    e = key(SDLK_CAPSLOCK, KMOD_NONE, 0); /* no core key: nothing for the show */
    assert_int_equal(input_translate(&e, &v, &ev), 0);
}

static void test_mouse_in_pixels(void **state)
{
    (void)state;
    InputView v = view(10);
    Event ev;
    SDL_Event e = button(SDL_MOUSEBUTTONDOWN, SDL_BUTTON_LEFT, AUDIENCE, 100, 50);
    assert_int_equal(input_translate(&e, &v, &ev), INPUT_EVENT);
    assert_int_equal(ev.type, EV_POINTER_DOWN);
    assert_int_equal(ev.pointer, POINTER_MOUSE);
    assert_float_equal(ev.x, 200.0f, 0.001f);
    assert_float_equal(ev.y, 100.0f, 0.001f);

    e = button(SDL_MOUSEBUTTONUP, SDL_BUTTON_LEFT, AUDIENCE, 480, 270);
    assert_int_equal(input_translate(&e, &v, &ev), INPUT_EVENT);
    assert_int_equal(ev.type, EV_POINTER_UP);
    assert_float_equal(ev.x, 960.0f, 0.001f);

    SDL_Event m = {0};
    m.type = SDL_MOUSEMOTION;
    m.motion.windowID = AUDIENCE;
    m.motion.x = 10;
    m.motion.y = 20;
    assert_int_equal(input_translate(&m, &v, &ev), 0); /* no button held: not a drag */
    m.motion.state = SDL_BUTTON_LMASK;
    assert_int_equal(input_translate(&m, &v, &ev), INPUT_EVENT);
    assert_int_equal(ev.type, EV_POINTER_MOVE);
    assert_float_equal(ev.y, 40.0f, 0.001f);

    /* headless: window coordinates are pixels */
    v.win_w = v.w;
    v.win_h = v.h;
    e = button(SDL_MOUSEBUTTONDOWN, SDL_BUTTON_LEFT, AUDIENCE, 100, 50);
    input_translate(&e, &v, &ev);
    assert_float_equal(ev.x, 100.0f, 0.001f);
}

static void test_mouse_ignored(void **state)
{
    (void)state;
    InputView v = view(10);
    Event ev;
    SDL_Event e = button(SDL_MOUSEBUTTONDOWN, SDL_BUTTON_RIGHT, AUDIENCE, 1, 1);
    assert_int_equal(input_translate(&e, &v, &ev), 0);
    e = button(SDL_MOUSEBUTTONDOWN, SDL_BUTTON_LEFT, PRESENTER, 1, 1);
    assert_int_equal(input_translate(&e, &v, &ev), 0); /* the presenter view has no touch targets */
    e = button(SDL_MOUSEBUTTONDOWN, SDL_BUTTON_LEFT, AUDIENCE, 1, 1);
    e.button.which = SDL_TOUCH_MOUSEID;
    assert_int_equal(input_translate(&e, &v, &ev), 0); /* SDL's own mouse for a touch */

    /* a touchscreen's own mouse echo, just after a finger: one tap acts once */
    v.last_finger = 1000 + 1;
    v.now = 1000 + INPUT_MOUSE_AFTER_TOUCH_MS;
    e = button(SDL_MOUSEBUTTONDOWN, SDL_BUTTON_LEFT, AUDIENCE, 1, 1);
    assert_int_equal(input_translate(&e, &v, &ev), 0);
    v.now = 1000 + 1 + INPUT_MOUSE_AFTER_TOUCH_MS;
    assert_int_equal(input_translate(&e, &v, &ev), INPUT_EVENT);
}

static void test_wheel(void **state)
{
    (void)state;
    InputView v = view(0);
    Event ev;
    SDL_Event e = {0};
    e.type = SDL_MOUSEWHEEL;
    e.wheel.windowID = AUDIENCE;
    e.wheel.y = 2;
    e.wheel.direction = SDL_MOUSEWHEEL_FLIPPED;
    e.wheel.mouseX = 30;
    e.wheel.mouseY = 40;
    assert_int_equal(input_translate(&e, &v, &ev), INPUT_EVENT);
    assert_int_equal(ev.type, EV_WHEEL);
    assert_int_equal(ev.wheel, -2);
    assert_float_equal(ev.x, 60.0f, 0.001f);
    assert_float_equal(ev.y, 80.0f, 0.001f);
    e.wheel.y = 0; /* sideways only */
    assert_int_equal(input_translate(&e, &v, &ev), 0);
}

static void test_fingers(void **state)
{
    (void)state;
    InputView v = view(77);
    Event ev;
    SDL_Event e = finger(SDL_FINGERDOWN, 3, AUDIENCE, 0.5f, 0.25f);
    assert_int_equal(input_translate(&e, &v, &ev), INPUT_EVENT | INPUT_FINGER);
    assert_int_equal(ev.type, EV_POINTER_DOWN);
    assert_int_equal(ev.pointer, 4);
    assert_float_equal(ev.x, 960.0f, 0.001f);
    assert_float_equal(ev.y, 270.0f, 0.001f);
    e = finger(SDL_FINGERMOTION, 3, AUDIENCE, 0.5f, 0.5f);
    input_translate(&e, &v, &ev);
    assert_int_equal(ev.type, EV_POINTER_MOVE);
    e = finger(SDL_FINGERUP, 3, AUDIENCE, 0.5f, 0.5f);
    input_translate(&e, &v, &ev);
    assert_int_equal(ev.type, EV_POINTER_UP);
    e = finger(SDL_FINGERDOWN, 0, PRESENTER, 0.5f, 0.5f);
    assert_int_equal(input_translate(&e, &v, &ev), 0);
}

static void test_window_events(void **state)
{
    (void)state;
    InputView v = view(5);
    Event ev;
    SDL_Event e = window_event(SDL_WINDOWEVENT_CLOSE, AUDIENCE);
    assert_int_equal(input_translate(&e, &v, &ev), INPUT_EVENT);
    assert_int_equal(ev.type, EV_CLOSE);
    e = window_event(SDL_WINDOWEVENT_CLOSE, PRESENTER); /* the lecturer's own screen ends nothing */
    assert_int_equal(input_translate(&e, &v, &ev), 0);

    e = window_event(SDL_WINDOWEVENT_SIZE_CHANGED, AUDIENCE);
    assert_int_equal(input_translate(&e, &v, &ev), INPUT_EVENT | INPUT_RESIZED | INPUT_DISPLAYS | INPUT_REDRAW);
    assert_int_equal(ev.type, EV_RESIZE);
    e = window_event(SDL_WINDOWEVENT_MOVED, AUDIENCE);
    assert_int_equal(input_translate(&e, &v, &ev), INPUT_DISPLAYS);
    e = window_event(SDL_WINDOWEVENT_EXPOSED, AUDIENCE);
    assert_int_equal(input_translate(&e, &v, &ev), INPUT_REDRAW);
    e = window_event(SDL_WINDOWEVENT_FOCUS_LOST, AUDIENCE);
    assert_int_equal(input_translate(&e, &v, &ev), 0);

    SDL_Event r = {0};
    r.type = SDL_RENDER_DEVICE_RESET;
    assert_int_equal(input_translate(&r, &v, &ev), INPUT_RESET | INPUT_REDRAW);
    SDL_Event q = {0};
    q.type = SDL_QUIT;
    assert_int_equal(input_translate(&q, &v, &ev), INPUT_EVENT);
    assert_int_equal(ev.type, EV_QUIT);
    assert_int_equal(ev.t, 5);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_keys),
        cmocka_unit_test(test_mouse_in_pixels),
        cmocka_unit_test(test_mouse_ignored),
        cmocka_unit_test(test_wheel),
        cmocka_unit_test(test_fingers),
        cmocka_unit_test(test_window_events),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
