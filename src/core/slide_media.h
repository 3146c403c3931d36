/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slide_media.h - a slide's film and sound, as the manifest gives them
 * (docs/manifest.md, "Films and sound"):
 *
 *   "video": "film.mp4"  or  {"kk": "film-kk.mp4", "ru": "film-ru.mp4"}
 *   "subtitles": {"kk": "kk.srt", "ru": "ru.vtt"}    (SRT, WebVTT, ASS)
 *   "audio": {"kk": "kk.m4a"}   an audio track per language, beside the film's own
 *   "narration": {"kk": "kk.ogg", "ru": "ru.ogg"}    recorded, per language
 *   "poster": "still.jpg", "loop": true, "start": 12.5, "end": 70
 *
 * manifest.c reads the four per-language fields as Localized values (a
 * language code, or LOC_ALL, to a path); slide_media_parse() then checks
 * each file the way an image's path is checked and reads the rest. The
 * files' insides (container, streams, subtitle cues) are checked by the
 * media worker (src/worker/media.h) in `vitrine --check`.
 */
#ifndef VITRINE_SLIDE_MEDIA_H
#define VITRINE_SLIDE_MEDIA_H

#include <stdbool.h>

#include "jsondiag.h"
#include "localized.h"

typedef struct {
    Localized video;     /* code -> path (dir + "/" + as written) */
    Localized subtitles;
    Localized audio;
    Localized narration;
    char *poster_path;   /* resolved, or NULL */
    bool loop;
    int start_ms, end_ms; /* the clip; -1: from the start, to the end */
    bool video_given;    /* "video" was written, even if no file of it can be played */
} SlideMedia;

/* dir/rel when rel is a regular file inside the exhibition folder, else
 * NULL after an error at ptr ("kind" names the file in it: "film"). */
typedef char *(*MediaResolve)(void *ctx, const char *rel, const char *ptr, const char *subject,
                              const char *kind);

/* m's Localized fields hold what manifest.c read (paths as written): each
 * is resolved (a file that is not there is dropped, with an error), and
 * "poster", "loop", "start", "end" are read from the slide object at JSON
 * pointer base, slide number no. */
void slide_media_parse(JsonDiag *jd, json_t *slide, const char *base, int no, MediaResolve resolve,
                       void *ctx, SlideMedia *m);

/* Was the slide given a film (then it is shown even without image or
 * text: a placeholder stands in when no file of it can be played)? */
bool slide_media_has_video(const SlideMedia *m);

void slide_media_clear(SlideMedia *m);

#endif
