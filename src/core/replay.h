/* SPDX-License-Identifier: GPL-3.0-or-later */
/* replay.h - the replay-script language (../shared/GUIDE.md section 3).
 *
 * One command a line, '#' starts a comment, coordinates are fractions of the
 * window (0..1), times in ms. Parsing is here; running it (turning commands
 * into SDL events on a virtual clock) is in the SDL layer, so replays go
 * through the same event path as real input.
 *
 *   open ID [N]                 open exhibition ID at slide N (default 1)
 *   key NAME                    SDL key name with optional Ctrl+ Alt+ Shift+ Gui+
 *   hold NAME MS                hold a key down MS ms: auto-repeat starts after
 *                               500 ms and repeats every 33 ms, as X does
 *   finger-down X Y             one finger touches (and stays: finger-move, finger-up)
 *   finger-move X Y
 *   finger-up X Y
 *   tap X Y                     one finger down and up
 *   click X Y                   mouse button down and up
 *   swipe X0 Y0 X1 Y1 MS        one finger dragged
 *   drag X0 Y0 X1 Y1 MS         the mouse dragged with the button held
 *   pinch X Y S0 S1 MS          two fingers around (X, Y) from scale S0 to S1
 *   wheel X Y N                 N notches of the mouse wheel at (X, Y); > 0 away
 *                               from the user, < 0 towards
 *   close                       the window manager asks the window to close
 *   sigterm                     the service manager asks vitrine to end
 *   resize W H                  the display changes size (pixels)
 *   lang CODE                   switch language directly (test shortcut)
 *   wait MS                     let virtual time pass
 *   state                       print one JSON line of state to stdout
 *   screenshot FILE.png         save what is on screen now
 *   presenter-screenshot FILE   save the presenter view (lecture mode)
 *
 * Files, for hot-reload tests (replay_files.h runs them). SRC is relative to
 * the script's folder, PATH and DST to the exhibitions DIR; DST and PATH may
 * not be absolute or contain "..":
 *   copy SRC DST                copy a file (written in place, as cp does)
 *                               or a folder (file by file)
 *   write-part SRC DST BYTES    write the next BYTES bytes of SRC to DST and
 *                               keep DST open, as a slow copy does; the part
 *                               that reaches the end of SRC closes it
 *   move PATH DST               rename inside DIR (mv from a staging folder)
 *   remove PATH                 delete a file or a folder with all it holds
 *
 * The soak test (soak.h): a long random script written from a seed, in place
 * of this line:
 *   soak EDITS INPUTS RELOADS SEED [PIN]
 *                               INPUTS random inputs and RELOADS changes to
 *                               DIR made from the edits in EDITS (relative to
 *                               the script's folder); PIN: the administrator's
 *                               PIN of the settings in use, if any
 */
#ifndef VITRINE_REPLAY_H
#define VITRINE_REPLAY_H

#include <stdbool.h>

#include "diag.h"

typedef enum {
    RC_OPEN, RC_KEY, RC_TAP, RC_CLICK, RC_SWIPE, RC_DRAG, RC_PINCH, RC_CLOSE,
    RC_SIGTERM, RC_RESIZE, RC_LANG, RC_WAIT, RC_STATE, RC_SCREENSHOT, RC_PRESENTER_SCREENSHOT,
    RC_HOLD, RC_FINGER_DOWN, RC_FINGER_MOVE, RC_FINGER_UP,
    RC_COPY, RC_WRITE_PART, RC_MOVE, RC_REMOVE,
    RC_WHEEL, RC_SOAK,
    RC_SOAK_BEGIN, RC_SOAK_END,  /* put in by soak_expand(), never parsed */
} ReplayOp;

#define REPLAY_MAX_NUMS 5
#define REPLAY_MAX_WAIT_MS (7LL * 24 * 3600 * 1000) /* a week of virtual time */

typedef struct {
    ReplayOp op;
    int line;                    /* 1-based, for messages */
    char *arg;                   /* id, key name, language or file; owned */
    int arg_col;                 /* 1-based column of arg */
    double num[REPLAY_MAX_NUMS]; /* numeric arguments in order */
    int n_num;
    char *arg2;                  /* second word (copy, write-part, move: DST), or NULL; owned */
    int arg2_col;
} ReplayCmd;

typedef struct {
    ReplayCmd *cmds;             /* owned */
    int n;
} ReplayScript;

/* Parse a whole script. Problems go to diags as "file:line:col: error: ...";
 * returns false if there was any (out is then empty). */
bool replay_parse(const char *text, const char *file, ReplayScript *out, DiagList *diags);
void replay_free(ReplayScript *s);

/* Does the script change files (copy, write-part, move, remove, or a soak
 * with reloads)? Replays watch the exhibitions folder only then. */
bool replay_changes_files(const ReplayScript *s);

/* Split "Ctrl+Shift+PageDown" into modifiers (MOD_*) and the key name, which
 * points into `spec`. false on an unknown modifier. */
bool replay_split_key(const char *spec, unsigned *mods, const char **name);

#endif
