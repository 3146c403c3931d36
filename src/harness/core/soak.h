/* SPDX-License-Identifier: GPL-3.0-or-later */
/* soak.h - the soak test's script: long, random, and the same for the same
 * seed. Test harness (src/harness/README.md), core level: no SDL.
 *
 * The replay command `soak EDITS INPUTS RELOADS SEED [PIN]` (replay.h,
 * docs/replay.md) stands for a script written here, which the replay loop
 * runs in its place through the same SDL event path as any replay:
 *
 *  - INPUTS random inputs, as visitors, lecturers and administrators make
 *    them: taps (half of them where buttons are), double taps, mouse clicks
 *    and drags, swipes, pinches, wheel notches, keys (the clicker's lecture
 *    keys, the keys visitors try to escape with), held keys, language
 *    switches, the administrator's chord or corner press with a wrong PIN,
 *    lectures started and ended from the admin menu with the right PIN, and
 *    waits from a frame to minutes, so that "still there?", the reset and
 *    the attract loop come too;
 *  - RELOADS changes to the exhibitions folder, made with the replay file
 *    commands, half of them changes and half putting them back: a manifest
 *    replaced by a variant (a slide more or fewer, a broken one), now and
 *    then written slowly in two parts; an image replaced by another; an
 *    exhibition moved out of the folder (into a hidden one) and back.
 *
 * Before the inputs and after them comes the same sequence that brings the
 * kiosk to one known state whatever happened before (Escape, a wait through
 * the idle reset into the attract loop, a touch to wake it): the app measures
 * what is alive at both points and compares. The text is a replay script:
 * its line numbers are the soak's step numbers, and written to a file it
 * runs as a replay of its own, to reproduce a failure.
 */
#ifndef VITRINE_SOAK_H
#define VITRINE_SOAK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "replay.h"

#define SOAK_MAX_EXHIBITIONS 16
#define SOAK_MAX_FILES 16          /* variants, and replacements, per exhibition */
#define SOAK_MAX_LANGS 8
#define SOAK_RELOAD_GAP_MS 1000    /* between two changes: each settles and loads on its own */

/* ---- the edits ------------------------------------------------------------- */

/* What the soak may change, read from the folder EDITS:
 *   EDITS/<id>/exhibition.json   the manifest as it is in DIR: puts it back
 *   EDITS/<id>/<name>.json       variants, copied over <id>/exhibition.json
 *   EDITS/<id>/<sub>/<file>      replacements for <id>/<sub>/<file>
 * <id> is the exhibition's folder name in DIR. Everything sorted by name. */
typedef struct {
    char *id;
    char *variants[SOAK_MAX_FILES];     /* "added.json" */
    int n_variants;
    char *replacements[SOAK_MAX_FILES]; /* "images/photo.jpg" */
    int n_replacements;
} SoakExhibition;

typedef struct {
    SoakExhibition ex[SOAK_MAX_EXHIBITIONS];
    int n;
} SoakPlan;

/* Read the folder `dir`. false with a message in err (a folder without its
 * exhibition.json, too many files, a folder that cannot be read). */
bool soak_plan_load(SoakPlan *p, const char *dir, char *err, size_t n);
void soak_plan_free(SoakPlan *p);

/* ---- the script ------------------------------------------------------------ */

typedef struct {
    const char *edits;           /* EDITS as the script names it: SRC of the copies */
    long inputs;
    int reloads;                 /* even */
    uint64_t seed;
    bool pin_set;                /* the settings have an administrator's PIN */
    const char *pin;             /* and this is it (digits), or NULL: no lectures then */
    int idle_ms, warning_ms, attract_delay_ms; /* the kiosk's idle rule (settings) */
    const char *langs[SOAK_MAX_LANGS];         /* offered languages */
    int n_langs;
} SoakParams;

/* The kinds of input, for the summary. */
typedef enum {
    SOAK_TAP, SOAK_DOUBLE_TAP, SOAK_CLICK, SOAK_SWIPE, SOAK_DRAG, SOAK_PINCH, SOAK_WHEEL,
    SOAK_KEY, SOAK_HOLD, SOAK_LANG, SOAK_CLOSE, SOAK_WAIT, SOAK_WRONG_PIN, SOAK_LECTURE,
    SOAK_KINDS
} SoakKind;

typedef struct {
    long kind[SOAK_KINDS];       /* inputs by kind; they add up to SoakParams.inputs */
    int reloads;                 /* changes + puttings back (each one reload) */
    int known_lines;             /* lines of the known-state sequence at each end */
    long lines;                  /* of the whole script */
    uint64_t virtual_ms;         /* virtual time the script takes, at least */
} SoakCounts;

/* The kind's name in the summary ("double taps"). */
const char *soak_kind_name(SoakKind k);

/* The script as text (malloc'd), and what is in it; NULL on out of memory.
 * The same params give the same text, on any machine. */
char *soak_script(const SoakPlan *plan, const SoakParams *p, SoakCounts *counts);

/* Parse `text` (from soak_script, whose counts are given) and put it into s
 * right after s->cmds[at] (the soak command): the known-state lines, an
 * RC_SOAK_BEGIN, the inputs, the known-state lines again, an RC_SOAK_END.
 * Each command keeps its line in the text. `name` names the text in parse
 * errors. false (and s unchanged) on out of memory or a parse error, in
 * diags. */
bool soak_expand(ReplayScript *s, int at, const char *text, const SoakCounts *counts, const char *name,
                 DiagList *diags);

#endif
