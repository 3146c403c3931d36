/* SPDX-License-Identifier: GPL-3.0-or-later */
/* media.h - what vitrine says to its media worker, vitrine-media
 * (src/media/vitrine-media.c), over src/worker/wire.h.
 *
 * vitrine-media plays films and sound with libmpv: FFmpeg demuxes and
 * decodes, libass draws the subtitles, mpv's own audio output plays the
 * sound (so every sound of the kiosk goes through one output, and tests
 * capture it with ao=pcm). The frames, subtitles drawn in, are rendered
 * with libmpv's software render API into shared memory (MediaFrames
 * below), passed to vitrine once with the reply to the first MEDIA_OPEN.
 *
 * Requests (op), their arg and text, and what the reply carries:
 *
 *   MEDIA_OPTION  text "name=value": an mpv option, before the first open
 *                 (ao, ao-pcm-file, audio-device, volume-max ...)
 *   MEDIA_OPEN    text: the file. arg[0], arg[1]: the largest frame
 *                 wanted (the screen); arg[2], arg[3]: the clip's start and
 *                 end in ms (-1: none); arg[4]: MEDIA_LOOP and MEDIA_MUTED
 *                 (no audio track, not even on MEDIA_LANG: the attract
 *                 loop's); arg[5]: start paused; arg[6], arg[7]: the box it is shown in (0: the largest
 *                 frame), MediaFrames.box.
 *                 Reply: arg[0] duration in ms (-1 unknown), arg[1], arg[2]
 *                 the film's size (0 for sound only); a descriptor of the
 *                 shared frames with the first open's reply.
 *   MEDIA_TRACK   text "LANG\nPATH": an external subtitle (arg[0] 0) or
 *                 audio (arg[0] 1) file in that language, for the open file
 *   MEDIA_LANG    text: a language (kk, ru, en, or its 3-letter code): the
 *                 subtitle and audio tracks in it are selected, at once, at
 *                 the same position. Subtitles in no other language are
 *                 shown; the audio stays as it was when none is in it.
 *   MEDIA_PLAY    arg[0]: 1 play, 0 pause
 *   MEDIA_SEEK    arg[0] ms; arg[1] 1: relative to the position
 *   MEDIA_VOLUME  arg[0] percent (0-100)
 *   MEDIA_STATE   reply arg: [0] position ms, [1] duration ms, [2] paused,
 *                 [3] ended, [4] frames rendered; text "AUDIO_LANG SUB_LANG"
 *                 ("-" for none)
 *   MEDIA_PROBE   text: a file, not opened for playing; arg[0] 1: a
 *                 subtitle file (SRT, WebVTT, ASS). Reply: arg[0]
 *                 duration ms, arg[1..3] video, audio and subtitle streams;
 *                 text: container, streams and duration in words
 *   MEDIA_CLOSE   stop playing, and the sound with it
 *   MEDIA_SPEAK   text: what to read aloud, parts "VOICE\x1fTEXT" separated
 *                 by "\x1e" (an espeak-ng voice name: "kk", "cmn"; UTF-8
 *                 text without those two bytes), each read in its voice,
 *                 one after the other. Synthesised whole by espeak-ng, then
 *                 played as MEDIA_OPEN plays a sound file from its start
 *                 (no clip, no loop): arg[0], arg[1] and arg[5] and the reply
 *                 as MEDIA_OPEN's. An unknown voice is refused (WIRE_ERR).
 *
 * A file that cannot be played is refused with WIRE_ERR and mpv's words.
 */
#ifndef VITRINE_WORKER_MEDIA_H
#define VITRINE_WORKER_MEDIA_H

#include <stdatomic.h>
#include <stdint.h>

enum {
    MEDIA_OPTION = 1,
    MEDIA_OPEN = 2,
    MEDIA_TRACK = 3,
    MEDIA_LANG = 4,
    MEDIA_PLAY = 5,
    MEDIA_SEEK = 6,
    MEDIA_VOLUME = 7,
    MEDIA_STATE = 8,
    MEDIA_PROBE = 9,
    MEDIA_CLOSE = 10,
    MEDIA_SPEAK = 11,
};

/* MEDIA_OPEN's arg[4] */
#define MEDIA_LOOP 1  /* the film starts again at its end */
#define MEDIA_MUTED 2 /* no sound decoded, none played */

#define MEDIA_SPEAK_VOICE '\x1f' /* between a part's voice and its text */
#define MEDIA_SPEAK_PART '\x1e'  /* between parts */

#define MEDIA_FRAMES_MAGIC 0x766d6631u /* "vmf1" */
#define MEDIA_SLOTS 3

/* The shared frames: a header, then MEDIA_SLOTS pictures of max_w x max_h
 * pixels (4 bytes each, B G R x in memory: SDL_PIXELFORMAT_XRGB8888 on a
 * little-endian machine). A triple buffer: the worker writes a slot that
 * is neither `ready` nor `reading`, then publishes it in `ready` and counts
 * it in `frame`; the reader (vitrine) takes a frame with media_frame_take(),
 * so the worker never writes the picture it is reading. */
typedef struct {
    uint32_t magic;
    uint32_t max_w, max_h;
    /* The box vitrine shows the film in, w << 16 | h (0: max_w x max_h),
     * set with MEDIA_OPEN and changed by vitrine at any time: frames are
     * rendered at the film's size fitted into it, so vitrine copies them
     * to the screen as they are. Scaling there (SDL's software renderer,
     * bilinear) cost more than mpv's scaler, and a frame the size of the
     * screen is twice the bytes of one the size of a lecture's picture. */
    _Atomic uint32_t box;
    _Atomic int32_t ready;   /* the newest whole frame's slot, -1 none yet */
    _Atomic int32_t reading; /* the slot the reader reads, -1 none */
    _Atomic uint64_t frame;  /* frames published so far */
    struct {
        uint32_t w, h, stride;
        uint32_t pad;
        int64_t pts_ms; /* the film's position of this frame */
    } slot[MEDIA_SLOTS];
} MediaFrames;

static inline size_t media_frames_size(uint32_t max_w, uint32_t max_h)
{
    return (sizeof(MediaFrames) + 63) / 64 * 64 + (size_t)MEDIA_SLOTS * max_w * max_h * 4;
}

static inline unsigned char *media_frame_pixels(MediaFrames *f, int slot)
{
    return (unsigned char *)f + (sizeof(MediaFrames) + 63) / 64 * 64 +
           (size_t)slot * f->max_w * f->max_h * 4;
}

static inline uint32_t media_frames_box(int w, int h)
{
    return w > 0 && h > 0 && w < 65536 && h < 65536 ? (uint32_t)w << 16 | (uint32_t)h : 0;
}

/* The reader's side: the newest frame's slot, held as `reading` until the
 * next take (or media_frame_release), or -1 when there is none yet. */
static inline int media_frame_take(MediaFrames *f)
{
    for (;;) {
        int32_t r = atomic_load(&f->ready);
        atomic_store(&f->reading, r);
        if (atomic_load(&f->ready) == r)
            return r;
    }
}

static inline void media_frame_release(MediaFrames *f)
{
    atomic_store(&f->reading, -1);
}

#endif
