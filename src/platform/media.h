/* SPDX-License-Identifier: GPL-3.0-or-later */
/* media.h - vitrine's end of the media worker, vitrine-media
 * (src/worker/media.h): films and sound play in that process, under a
 * memory limit, each call with a deadline, so a file that crashes or
 * stalls FFmpeg costs the film, never the kiosk.
 *
 * media_check() is `vitrine --check`'s look into every slide's films,
 * sound and subtitles. Plain POSIX, no SDL.
 */
#ifndef VITRINE_PLATFORM_MEDIA_H
#define VITRINE_PLATFORM_MEDIA_H

#include "core/diag.h"
#include "core/library.h"
#include "platform/worker.h"

/* FFmpeg's decoders, their threads and mpv's buffers: about 0.5 GB of
 * address space for a 640x360 film (VmPeak, measured), more at 4K. */
#define MEDIA_MEM_MB 2048
#define MEDIA_DEADLINE_MS 10000

extern const WorkerSpec media_worker;

typedef struct {
    int duration_ms; /* -1 unknown */
    int video, audio, subtitles; /* streams */
    char words[1024]; /* "mkv: video h264, audio aac kaz; 4.0 s" */
} MediaProbe;

/* What the file at path holds (a subtitle file when `subtitles`); false
 * with the reason in err. */
bool media_probe(Worker *w, const char *path, bool subtitles, MediaProbe *out, char *err, size_t errn);

/* Every film, audio track, narration and subtitle file of every slide
 * probed (and subtitles checked for their positions, subcheck.h): the
 * problems go to out, at the slide's position or the subtitle file's. */
void media_check(const Library *lib, DiagList *out);

#endif
