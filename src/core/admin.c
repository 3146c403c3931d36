/* SPDX-License-Identifier: GPL-3.0-or-later */
/* admin.c - see admin.h */
#include "admin.h"

#include <crypt.h>
#include <stdlib.h>
#include <string.h>

bool admin_pin_valid(const char *pin)
{
    size_t n = pin ? strlen(pin) : 0;
    if (n < ADMIN_PIN_MIN || n > ADMIN_PIN_MAX)
        return false;
    for (size_t i = 0; i < n; i++)
        if (pin[i] < '0' || pin[i] > '9')
            return false;
    return true;
}

bool admin_hash_pin(const char *pin, char *out, size_t n)
{
    if (!admin_pin_valid(pin))
        return false;
    char salt[CRYPT_GENSALT_OUTPUT_SIZE];
    /* NULL random bytes: libxcrypt reads the system's random source. */
    if (!crypt_gensalt_rn("$y$", 0, NULL, 0, salt, (int)sizeof salt))
        return false;
    struct crypt_data *cd = calloc(1, sizeof *cd);
    if (!cd)
        return false;
    const char *h = crypt_r(pin, salt, cd);
    bool ok = h && h[0] == '$' && strlen(h) < n;
    if (ok)
        strcpy(out, h);
    free(cd);
    return ok;
}

bool admin_check_pin(const char *pin, const char *hash)
{
    if (!pin || !hash || hash[0] != '$')
        return false;
    struct crypt_data *cd = calloc(1, sizeof *cd);
    if (!cd)
        return false;
    const char *h = crypt_r(pin, hash, cd);
    bool ok = false;
    if (h && h[0] == '$' && strlen(h) == strlen(hash)) {
        /* compare every byte, whatever differs first */
        unsigned char diff = 0;
        for (size_t i = 0; hash[i]; i++)
            diff |= (unsigned char)(h[i] ^ hash[i]);
        ok = diff == 0;
    }
    free(cd);
    return ok;
}

/* ---- the screens ------------------------------------------------------------ */

void admin_init(AdminScreen *a, const char *pin_hash, bool exit_without_pin)
{
    memset(a, 0, sizeof *a);
    a->pin_hash = pin_hash;
    a->exit_without_pin = exit_without_pin;
}

bool admin_can_exit(const AdminScreen *a)
{
    return a->pin_hash || a->exit_without_pin;
}

void admin_forget_pin(AdminScreen *a)
{
    memset(a->pin, 0, sizeof a->pin);
    a->pin_len = 0;
}

void admin_open(AdminScreen *a, uint64_t now)
{
    a->stage = a->pin_hash ? ADMIN_PIN : ADMIN_MENU;
    a->sel = 0;
    a->pin_wrong = false;
    a->seen = now;
    admin_forget_pin(a);
}

/* The menu's entries in order, as actions. */
static int items(const AdminScreen *a, int n_exhibitions, bool in_lecture, Action *acts, int *args,
                 int max)
{
    int n = 0;
    if (a->stage == ADMIN_MENU) {
        acts[n] = in_lecture ? ACT_ADMIN_END_LECTURE : ACT_ADMIN_PICK;
        args[n++] = 0;
        if (admin_can_exit(a)) {
            acts[n] = ACT_ADMIN_EXIT;
            args[n++] = 0;
        }
        acts[n] = ACT_ADMIN_CLOSE;
        args[n++] = 0;
    } else if (a->stage == ADMIN_PICK) {
        for (int i = 0; i < n_exhibitions && n < max - 1; i++) {
            acts[n] = ACT_ADMIN_LECTURE;
            args[n++] = i;
        }
        acts[n] = ACT_ADMIN_CLOSE;
        args[n++] = 0;
    }
    return n;
}

#define ADMIN_MAX_ITEMS 64

AdminOutcome admin_handle(AdminScreen *a, Action act, int arg, uint64_t now, int n_exhibitions,
                          bool in_lecture, int *arg_out)
{
    a->seen = now;
    *arg_out = 0;
    Action acts[ADMIN_MAX_ITEMS];
    int args[ADMIN_MAX_ITEMS];
    switch (act) {
    case ACT_PIN_DIGIT:
        if (a->stage == ADMIN_PIN && now >= a->locked_until && a->pin_len < ADMIN_PIN_MAX && arg >= 0 &&
            arg <= 9) {
            a->pin[a->pin_len++] = (char)('0' + arg);
            a->pin_wrong = false;
        }
        return ADMIN_STAY;
    case ACT_PIN_BACK:
        if (a->pin_len > 0)
            a->pin[--a->pin_len] = '\0';
        return ADMIN_STAY;
    case ACT_PIN_OK:
        if (a->stage != ADMIN_PIN || now < a->locked_until || a->pin_len == 0)
            return ADMIN_STAY;
        if (admin_check_pin(a->pin, a->pin_hash)) {
            a->stage = ADMIN_MENU;
            a->sel = 0;
            a->wrong_count = 0;
        } else {
            a->pin_wrong = true;
            if (++a->wrong_count >= ADMIN_MAX_WRONG) {
                a->locked_until = now + ADMIN_LOCK_MS;
                a->wrong_count = 0;
            }
        }
        admin_forget_pin(a);
        return ADMIN_STAY;
    case ACT_SEL_NEXT:
    case ACT_SEL_PREV: {
        int n = items(a, n_exhibitions, in_lecture, acts, args, ADMIN_MAX_ITEMS);
        if (n > 0)
            a->sel = (a->sel + (act == ACT_SEL_NEXT ? 1 : n - 1)) % n;
        return ADMIN_STAY;
    }
    case ACT_SELECT: {
        int n = items(a, n_exhibitions, in_lecture, acts, args, ADMIN_MAX_ITEMS);
        if (a->stage == ADMIN_PIN)
            return admin_handle(a, ACT_PIN_OK, 0, now, n_exhibitions, in_lecture, arg_out);
        if (a->sel < n)
            return admin_handle(a, acts[a->sel], args[a->sel], now, n_exhibitions, in_lecture, arg_out);
        return ADMIN_STAY;
    }
    case ACT_ADMIN_PICK:
        a->stage = ADMIN_PICK;
        a->sel = 0;
        return ADMIN_STAY;
    case ACT_ADMIN_LECTURE:
        if (arg < 0 || arg >= n_exhibitions)
            return ADMIN_STAY;
        *arg_out = arg;
        return ADMIN_START_LECTURE;
    case ACT_ADMIN_END_LECTURE:
        return ADMIN_END_LECTURE;
    case ACT_ADMIN_EXIT:
        /* Only from the menu, and only when it offers Exit: no other way
         * (a stale touch target, a key bound to it) may end a kiosk. */
        return a->stage == ADMIN_MENU && admin_can_exit(a) ? ADMIN_EXIT : ADMIN_STAY;
    case ACT_ADMIN_CLOSE:
        return ADMIN_CLOSE;
    case ACT_LANG:
    case ACT_LANG_NEXT:
    case ACT_QUIT:
        return ADMIN_PASS; /* the same here as anywhere */
    default:
        return ADMIN_STAY; /* visitors' and lecturers' actions do nothing here */
    }
}

AdminOutcome admin_tick(AdminScreen *a, uint64_t now, bool *redraw)
{
    *redraw = false;
    if (now >= a->seen + ADMIN_TIMEOUT_MS)
        return ADMIN_CLOSE;
    if (a->locked_until && now >= a->locked_until) {
        a->locked_until = 0;
        *redraw = true;
    }
    return ADMIN_STAY;
}

uint64_t admin_next_deadline(const AdminScreen *a, uint64_t now)
{
    uint64_t at = a->seen + ADMIN_TIMEOUT_MS;
    if (a->locked_until > now && a->locked_until < at)
        at = a->locked_until;
    return at > now ? at - now : 0;
}

void admin_clamp(AdminScreen *a, int n_exhibitions)
{
    if (a->stage != ADMIN_PICK)
        return;
    int n = n_exhibitions + 1; /* the exhibitions, then "Cancel" */
    a->sel = a->sel < 0 ? 0 : a->sel >= n ? n - 1 : a->sel;
}

AdminView admin_view(const AdminScreen *a, uint64_t now, bool in_lecture)
{
    return (AdminView){a->stage, a->pin_len, a->pin_wrong, now < a->locked_until, in_lecture, a->sel,
                       admin_can_exit(a)};
}

GestureHold admin_corner_hold(int w, int h)
{
    float u = (float)(w < h * 16 / 9 ? w : h * 16 / 9) / 1920.0f;
    float corner = ADMIN_CORNER_PX * u;
    return (GestureHold){ADMIN_LONG_PRESS_MS, corner, corner / 2};
}
