/* SPDX-License-Identifier: GPL-3.0-or-later */
/* admin.h - the administrator's screens (PIN pad, menu, the list of
 * exhibitions to lecture on) and the PIN, stored only as a salted hash.
 *
 * The screens are a small state machine: actions and time in, an outcome
 * out (close, start lecture N, end the lecture, exit...). It never calls
 * into the show; the show carries the outcome out.
 *
 * Hashing is libxcrypt's crypt(3) with yescrypt ("$y$..."), the same
 * scheme Debian uses for account passwords: salted, slow on purpose, and
 * checked without ever keeping the PIN itself.
 */
#ifndef VITRINE_ADMIN_H
#define VITRINE_ADMIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "action.h"
#include "gesture.h"
#include "scene.h"

#define ADMIN_PIN_MIN 4
#define ADMIN_PIN_MAX 12
#define ADMIN_LONG_PRESS_MS 3000  /* a press this long in the top-left corner opens the PIN pad */
#define ADMIN_CORNER_PX 120       /* the corner's size at 1080p */
#define ADMIN_TIMEOUT_MS 60000    /* an admin screen left alone closes itself */
#define ADMIN_MAX_WRONG 5         /* wrong PINs in a row before a pause */
#define ADMIN_LOCK_MS 60000

/* Is this a PIN vitrine accepts: ADMIN_PIN_MIN..ADMIN_PIN_MAX digits. */
bool admin_pin_valid(const char *pin);
/* The salted hash of pin (fresh random salt) into out. false on a bad PIN or
 * when no randomness is available. */
bool admin_hash_pin(const char *pin, char *out, size_t n);
/* Does pin match the stored hash? false for a malformed hash. */
bool admin_check_pin(const char *pin, const char *hash);

/* ---- the screens ------------------------------------------------------------ */

typedef struct {
    const char *pin_hash;     /* crypt(3) hash, or NULL: no PIN set; not owned */
    bool exit_without_pin;    /* without a PIN, the menu still offers Exit (see admin_init) */
    AdminStage stage;
    char pin[ADMIN_PIN_MAX + 1]; /* digits typed so far, wiped after each try */
    int pin_len;
    bool pin_wrong;           /* the last PIN was wrong */
    int wrong_count;          /* wrong PINs in a row */
    uint64_t locked_until;    /* ms; 0 = not locked */
    int sel;                  /* keyboard selection in the menu or the list */
    uint64_t seen;            /* ms: the last input on the admin screen */
} AdminScreen;

/* What the show must do after an admin action or tick. */
typedef enum {
    ADMIN_STAY,               /* nothing beyond redrawing the admin screen */
    ADMIN_PASS,               /* not the admin's: the show's own action applies (language, quit) */
    ADMIN_CLOSE,              /* back to the screen under the admin screen */
    ADMIN_START_LECTURE,      /* arg: exhibition index */
    ADMIN_END_LECTURE,
    ADMIN_EXIT,               /* end vitrine */
} AdminOutcome;

/* pin_hash (NULL: no PIN, the keyboard chord opens the menu directly) must
 * outlive a. exit_without_pin: whether a menu reached without a PIN may end
 * vitrine. A fullscreen kiosk says false: the chord is then only a visitor's
 * chord away, so without a PIN the menu offers no Exit (and says how to set
 * a PIN); a development window or a lecturer's --lecture say true. With a
 * PIN, Exit is always offered behind it. */
void admin_init(AdminScreen *a, const char *pin_hash, bool exit_without_pin);
/* Does the menu offer Exit? */
bool admin_can_exit(const AdminScreen *a);
/* The screens open at time now: the PIN pad, or the menu without a PIN. */
void admin_open(AdminScreen *a, uint64_t now);
/* Forget the digits typed (closing the screens does). */
void admin_forget_pin(AdminScreen *a);
/* Action act (arg as in action.h) at time now. n_exhibitions is the length
 * of the list to lecture on; in_lecture whether the menu offers "End the
 * lecture" instead of "Lecture". *arg_out receives the outcome's argument. */
AdminOutcome admin_handle(AdminScreen *a, Action act, int arg, uint64_t now, int n_exhibitions,
                          bool in_lecture, int *arg_out);
/* Time has passed while the screens are shown: ADMIN_CLOSE when they were
 * left alone too long. *redraw is set when the PIN pad unlocked itself. */
AdminOutcome admin_tick(AdminScreen *a, uint64_t now, bool *redraw);
/* Milliseconds from now until admin_tick has something to do, while the
 * screens are shown. */
uint64_t admin_next_deadline(const AdminScreen *a, uint64_t now);
/* Keep the selection within a list of n_exhibitions after a reload. */
void admin_clamp(AdminScreen *a, int n_exhibitions);
/* What the scene draws. */
AdminView admin_view(const AdminScreen *a, uint64_t now, bool in_lecture);
/* The long press in the top-left corner that opens the PIN pad at a screen
 * of w x h, for the gesture recogniser (gesture_hold_poll). */
GestureHold admin_corner_hold(int w, int h);

#endif
