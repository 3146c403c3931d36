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
#include "core/read_aloud.h"
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

/* ---- a film playing ------------------------------------------------------ */

/* One film at a time, played by its own vitrine-media process. Each call
 * is a round trip to the worker (well under a millisecond when it is
 * healthy; a stalled one is killed at MEDIA_DEADLINE_MS), so they are made
 * on a thread of their own, never the render thread (films.c). The frames
 * come through shared memory: taking one is a few atomic operations. */
typedef struct MediaPlayer MediaPlayer;

typedef struct {
    int position_ms, duration_ms;
    bool paused, ended;
    unsigned frames;       /* frames rendered so far */
    char audio_lang[16];   /* the selected tracks' language tags, "-" for none */
    char subtitle_lang[16];
} MediaState;

MediaPlayer *media_player_new(void);
void media_player_free(MediaPlayer *p);

/* An mpv option before the first film ("ao=pcm"; tests and settings). */
bool media_player_option(MediaPlayer *p, const char *name_value);

/* Open the slide's film for a visitor reading `lang` (fallback: the
 * exhibition's languages): its file in that language, every subtitle and
 * audio file added, the tracks in `lang` selected, its clip and loop;
 * frames at most max_w x max_h. false with the reason in err. */
bool media_player_open(MediaPlayer *p, const SlideMedia *m, const char *lang, char *const *fallback,
                       int n_fallback, int max_w, int max_h, bool play, char *err, size_t errn);

/* The same, at_ms into the file (-1: the clip's start): a film taken up
 * again where it was left (after its narration, films.c). */
bool media_player_open_at(MediaPlayer *p, const SlideMedia *m, const char *lang, char *const *fallback,
                          int n_fallback, int max_w, int max_h, int at_ms, bool play, char *err, size_t errn);

/* The slide's film for the attract loop: from its clip's start, looped,
 * with no sound at all (its audio is not even decoded, and no audio or
 * language switch brings it back). */
bool media_player_open_ambient(MediaPlayer *p, const SlideMedia *m, const char *lang, int max_w, int max_h,
                               bool play, char *err, size_t errn);

/* The slide's narration (its recording in `lang`, else the fallback's)
 * played as a film of sound alone, through the same one sound output; a
 * language switch (media_player_lang) restarts it in the new language at
 * the same position (a shorter recording that has no such position ends). */
bool media_player_open_narration(MediaPlayer *p, const SlideMedia *m, const char *lang, char *const *fallback,
                                  int n_fallback, int max_w, int max_h, bool play, char *err, size_t errn);

/* A reading aloud (read_aloud.h) as MEDIA_SPEAK's text (worker/media.h):
 * malloc'd, the caller frees it; NULL when r says nothing (or no memory).
 * At most MEDIA_SPEECH_MAX bytes: a caption longer than that is cut. */
#define MEDIA_SPEECH_MAX (32u << 10)
char *media_speech_text(const ReadAloud *r);

/* Read `speech` (media_speech_text) aloud: synthesised by the worker with
 * espeak-ng (47 ms measured for a 282-byte Kazakh caption, opened included)
 * and played from its start through
 * the same one sound output as a narration; like it, closed by
 * media_player_close(). A language switch is not followed here: the
 * words change, and the caller opens the new ones. false with the reason
 * in err (a voice espeak-ng does not have, among others). */
bool media_player_open_speech(MediaPlayer *p, const char *speech, int max_w, int max_h, bool play, char *err,
                              size_t errn);

/* The visitor's language changed: subtitles and audio follow at once, at
 * the same position (a film with a file per language is reopened there). */
bool media_player_lang(MediaPlayer *p, const char *lang);
bool media_player_play(MediaPlayer *p, bool play);
bool media_player_seek(MediaPlayer *p, int ms, bool relative);
bool media_player_volume(MediaPlayer *p, int percent);
bool media_player_state(MediaPlayer *p, MediaState *st);
void media_player_close(MediaPlayer *p);

/* The newest frame (B G R x bytes, SDL_PIXELFORMAT_XRGB8888), or NULL
 * before the first; *serial tells a new frame from one already shown. The
 * worker does not write it until media_player_frame_done(), which must
 * follow every media_player_frame(), NULL or not. Safe to call from
 * another thread than the one making the calls above: it never waits for
 * the worker (only, for microseconds, for its frames being mapped anew). */
const unsigned char *media_player_frame(MediaPlayer *p, int *w, int *h, int *stride,
                                        unsigned long long *serial);
void media_player_frame_done(MediaPlayer *p);
/* The film's position (ms) of the frame media_player_frame() gave last,
 * read before media_player_frame_done() (the benchmark's seek, trace.h). */
long long media_player_frame_pts(const MediaPlayer *p);

/* The box the film is shown in (pixels; 0: the largest frame): frames
 * are rendered fitted into it from then on (the next film opened: from its
 * first), so they need no scaling on the screen. Any thread, at any time:
 * like media_player_frame(), it never waits for the worker. */
void media_player_set_box(MediaPlayer *p, int w, int h);

/* The worker's process id, 0 when none runs (for tests). */
int media_player_pid(const MediaPlayer *p);

/* Every film, audio track, narration and subtitle file of every slide
 * probed (and subtitles checked for their positions, subcheck.h): the
 * problems go to out, at the slide's position or the subtitle file's. */
void media_check(const Library *lib, DiagList *out);

#endif
