/* SPDX-License-Identifier: GPL-3.0-or-later */
/* read_aloud.h - what the "read aloud" button says, and in which voice.
 *
 * For visitors who cannot read the caption (poor sight, children, no
 * glasses): a slide's title and its caption (or, on a text slide, its
 * text), as the screen shows them in the visitor's language, with the same
 * fallback along the exhibition's languages. Each part is spoken with the
 * espeak-ng voice of the language it is written in, so a caption that
 * falls back to Russian is read in Russian, never Russian words in a
 * Kazakh voice. A slide's recorded narration wins over this (show.c).
 *
 * Only the words and the voice names are worked out here (plain C, unit
 * tested); the synthesis is vitrine-media's (src/worker/media.h,
 * MEDIA_SPEAK), the one process that links libespeak-ng.
 */
#ifndef VITRINE_READ_ALOUD_H
#define VITRINE_READ_ALOUD_H

#include <stdbool.h>

#include "manifest.h"

#define READ_ALOUD_PARTS 2 /* the title, then the caption */

typedef struct {
    const char *voice; /* an espeak-ng voice name ("kk", "cmn"): a static string */
    const char *text;  /* owned by the exhibition: valid while it is loaded */
} ReadAloudPart;

typedef struct {
    int n;
    ReadAloudPart part[READ_ALOUD_PARTS];
} ReadAloud;

/* The espeak-ng voice (Debian's espeak-ng-data 1.51) that reads text in
 * the language `lang` (a BCP 47 code, any case: "kk", "ru", "zh", "pt-BR"),
 * or NULL when there is none that reads it right. A code with a script
 * ("kk-Latn", "sr-Cyrl", "zh-Hant") has none unless espeak-ng reads that
 * script: its voice for the bare language reads one script only, and a
 * wrong reading is worse than none. */
const char *read_aloud_voice(const char *lang);

/* What the button on slide `slide` of ex says to a visitor reading `lang`:
 * false (out->n 0) when there is nothing to say, or when `lang` has no
 * voice (read_aloud_voice): then the slide has no such button. A part
 * whose text falls back to a language without a voice is left out. */
bool read_aloud_slide(const Exhibition *ex, int slide, const char *lang, ReadAloud *out);

#endif
