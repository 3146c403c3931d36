/* SPDX-License-Identifier: GPL-3.0-or-later */
/* vitrine-media - the media worker: films and sound with libmpv, in a
 * process of its own (docs/architecture.md, "Where decoders run"). What it
 * is asked and what it answers: src/worker/media.h.
 *
 * The main thread answers vitrine's requests (wire_serve); a render thread
 * waits for libmpv to say a new frame is due and renders it with the
 * software render API into the shared frames. Sound goes to mpv's own
 * audio output.
 *
 * Reading aloud (MEDIA_SPEAK) is synthesised here too, by libespeak-ng in
 * its synchronous mode, into a WAV in memory (a memfd) that the same mpv
 * plays like a narration: the one sound output, the volume, quiet hours
 * and a page turn's stop apply alike, and tests capture it with ao=pcm.
 * The kiosk process itself links no espeak-ng.
 */
#define _GNU_SOURCE /* memfd_create */
#include <espeak-ng/speak_lib.h>
#include <malloc.h>
#include <mpv/client.h>
#include <mpv/render.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <unistd.h>

#include "worker/media.h"
#include "worker/wire.h"

#define LOAD_WAIT_MS 8000 /* a file mpv has not opened by then is given up on */
#define SPEECH_MAX_S 600  /* a reading aloud longer than this is cut (a caption takes seconds) */

static struct {
    mpv_handle *mpv;
    mpv_render_context *render;
    int shm;
    MediaFrames *frames;
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    bool due, quit;
    bool muted; /* the open film plays without sound (MEDIA_OPEN's MEDIA_MUTED) */
    char said[1024];
} me = {.shm = -1, .lock = PTHREAD_MUTEX_INITIALIZER, .wake = PTHREAD_COND_INITIALIZER};

/* ---- languages -------------------------------------------------------------- */

/* Files name their languages in ISO 639-2 ("kaz"), the manifest in
 * ISO 639-1 ("kk"): both mean the same here. */
static const char *const LANG_PAIRS[][2] = {
    {"kk", "kaz"}, {"ru", "rus"}, {"en", "eng"}, {"de", "deu"}, {"de", "ger"},
    {"fr", "fra"}, {"fr", "fre"}, {"tr", "tur"}, {"uz", "uzb"}, {"zh", "zho"},
};

static bool same_lang(const char *a, const char *b)
{
    if (!a || !b || !*a || !*b)
        return false;
    if (strcasecmp(a, b) == 0)
        return true;
    for (size_t i = 0; i < sizeof LANG_PAIRS / sizeof LANG_PAIRS[0]; i++)
        for (int k = 0; k < 2; k++)
            if (strcasecmp(a, LANG_PAIRS[i][k]) == 0 && strcasecmp(b, LANG_PAIRS[i][1 - k]) == 0)
                return true;
    return false;
}

/* ---- the render thread ------------------------------------------------------- */

static void on_update(void *ctx)
{
    (void)ctx;
    pthread_mutex_lock(&me.lock);
    me.due = true;
    pthread_cond_signal(&me.wake);
    pthread_mutex_unlock(&me.lock);
}

static int64_t get_int(const char *prop, int64_t fallback)
{
    int64_t v;
    return mpv_get_property(me.mpv, prop, MPV_FORMAT_INT64, &v) >= 0 ? v : fallback;
}

static double get_double(const char *prop, double fallback)
{
    double v;
    return mpv_get_property(me.mpv, prop, MPV_FORMAT_DOUBLE, &v) >= 0 ? v : fallback;
}

/* The film's size fitted into the box it is shown in (MediaFrames.box),
 * aspect kept, larger or smaller than its own, and never past the shared
 * frame: vitrine then draws it unscaled. Without a box, its own size. */
static void fit_size(int *w, int *h)
{
    int64_t dw = get_int("dwidth", 0), dh = get_int("dheight", 0);
    MediaFrames *f = me.frames;
    uint32_t box = atomic_load(&f->box);
    /* no box: the film's own size, smaller only to fit the frame */
    int64_t bw = box ? box >> 16 : dw, bh = box ? box & 0xffff : dh;
    if (!box && (dw > f->max_w || dh > f->max_h))
        bw = f->max_w, bh = f->max_h;
    bw = bw < f->max_w ? bw : f->max_w;
    bh = bh < f->max_h ? bh : f->max_h;
    if (dw <= 0 || dh <= 0 || bw <= 0 || bh <= 0) {
        *w = *h = 0;
        return;
    }
    /* one side exactly the box's, in integers: films_draw's fit of this
     * frame into the box then has a scale of exactly 1 */
    if (bw * dh <= bh * dw) {
        *w = (int)bw;
        *h = (int)(dh * bw / dw);
    } else {
        *w = (int)(dw * bh / dh);
        *h = (int)bh;
    }
    *w = *w > 0 ? *w : 1;
    *h = *h > 0 ? *h : 1;
}

static void render_frame(void)
{
    MediaFrames *f = me.frames;
    int w, h;
    fit_size(&w, &h);
    if (w <= 0)
        return;
    int ready = atomic_load(&f->ready), reading = atomic_load(&f->reading);
    int s = 0;
    while (s == ready || s == reading)
        s++;
    int size[2] = {w, h};
    size_t stride = (size_t)w * 4;
    mpv_render_param params[] = {
        {MPV_RENDER_PARAM_SW_SIZE, size},
        {MPV_RENDER_PARAM_SW_FORMAT, "bgr0"},
        {MPV_RENDER_PARAM_SW_STRIDE, &stride},
        {MPV_RENDER_PARAM_SW_POINTER, media_frame_pixels(f, s)},
        {MPV_RENDER_PARAM_INVALID, NULL},
    };
    if (mpv_render_context_render(me.render, params) < 0)
        return;
    f->slot[s].w = (uint32_t)w;
    f->slot[s].h = (uint32_t)h;
    f->slot[s].stride = (uint32_t)stride;
    f->slot[s].pts_ms = (int64_t)(get_double("time-pos", 0) * 1000);
    atomic_store(&f->ready, s);
    atomic_fetch_add(&f->frame, 1);
}

static void *render_loop(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&me.lock);
    while (!me.quit) {
        while (!me.due && !me.quit)
            pthread_cond_wait(&me.wake, &me.lock);
        me.due = false;
        pthread_mutex_unlock(&me.lock);
        if (mpv_render_context_update(me.render) & MPV_RENDER_UPDATE_FRAME)
            render_frame();
        pthread_mutex_lock(&me.lock);
    }
    pthread_mutex_unlock(&me.lock);
    return NULL;
}

/* ---- starting mpv -------------------------------------------------------------- */

static mpv_handle *new_mpv(bool silent)
{
    mpv_handle *m = mpv_create();
    if (!m)
        return NULL;
    mpv_set_option_string(m, "config", "no");
    mpv_set_option_string(m, "terminal", "no");
    mpv_set_option_string(m, "input-default-bindings", "no");
    mpv_set_option_string(m, "osc", "no");
    mpv_set_option_string(m, "idle", "yes");
    mpv_set_option_string(m, "hwdec", "no");
    mpv_set_option_string(m, "ytdl", "no");
    mpv_set_option_string(m, "load-scripts", "no");
    mpv_set_option_string(m, "sub-auto", "no");
    mpv_set_option_string(m, "audio-file-auto", "no");
    if (silent) {
        mpv_set_option_string(m, "vo", "null");
        mpv_set_option_string(m, "ao", "null");
        mpv_set_option_string(m, "pause", "yes");
    } else {
        mpv_set_option_string(m, "vo", "libmpv");
        mpv_set_option_string(m, "keep-open", "yes"); /* the last frame stays at the end */
        /* frames are made at the film's aspect already (fit_size): mpv's own
         * fit would round a row or a column of them to a black bar */
        mpv_set_option_string(m, "keepaspect", "no");
    }
    return m;
}

static bool ensure_player(void)
{
    if (me.mpv)
        return true;
    me.mpv = new_mpv(false);
    return me.mpv != NULL;
}

/* The render context and its shared frames, made at the first open. */
static bool ensure_render(int max_w, int max_h, WireReply *rep)
{
    if (me.render)
        return true;
    if (max_w < 16 || max_h < 16 || max_w > 8192 || max_h > 8192) {
        rep->text = "the frame size asked for is out of range";
        return false;
    }
    if (mpv_initialize(me.mpv) < 0) {
        rep->text = "mpv cannot start (an option given to it is wrong?)";
        return false;
    }
    size_t size = media_frames_size((uint32_t)max_w, (uint32_t)max_h);
    me.shm = memfd_create("vitrine-frames", MFD_CLOEXEC);
    if (me.shm < 0 || ftruncate(me.shm, (off_t)size) != 0) {
        rep->text = "no shared memory for the frames";
        return false;
    }
    void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, me.shm, 0);
    if (p == MAP_FAILED) {
        rep->text = "no shared memory for the frames";
        return false;
    }
    me.frames = p;
    me.frames->magic = MEDIA_FRAMES_MAGIC;
    me.frames->max_w = (uint32_t)max_w;
    me.frames->max_h = (uint32_t)max_h;
    atomic_store(&me.frames->ready, -1);
    atomic_store(&me.frames->reading, -1);
    mpv_render_param params[] = {
        {MPV_RENDER_PARAM_API_TYPE, MPV_RENDER_API_TYPE_SW},
        {MPV_RENDER_PARAM_INVALID, NULL},
    };
    if (mpv_render_context_create(&me.render, me.mpv, params) < 0) {
        me.render = NULL;
        rep->text = "mpv cannot render in software";
        return false;
    }
    mpv_render_context_set_update_callback(me.render, on_update, NULL);
    pthread_create(&me.thread, NULL, render_loop, NULL);
    rep->send_fd = true;
    rep->fd = me.shm;
    return true;
}

/* Wait for the file loaded by the last loadfile: true when it is playing,
 * false with mpv's words when it ended (it could not be read). */
static bool wait_loaded(mpv_handle *m, WireReply *rep)
{
    int64_t deadline = wire_now_ms() + LOAD_WAIT_MS;
    while (wire_now_ms() < deadline) {
        mpv_event *ev = mpv_wait_event(m, (double)(deadline - wire_now_ms()) / 1000.0);
        if (ev->event_id == MPV_EVENT_FILE_LOADED)
            return true;
        if (ev->event_id == MPV_EVENT_END_FILE) {
            mpv_event_end_file *end = ev->data;
            if (end->reason == MPV_END_FILE_REASON_ERROR) {
                snprintf(me.said, sizeof me.said, "it cannot be played: %s",
                         mpv_error_string(end->error));
                rep->text = me.said;
                return false;
            }
        }
    }
    rep->text = "it was not opened in time";
    return false;
}

/* Events nobody waits for pile up in mpv's queue: drop them. */
static void drain_events(void)
{
    if (!me.mpv)
        return;
    while (mpv_wait_event(me.mpv, 0)->event_id != MPV_EVENT_NONE)
        ;
}

/* ---- the tracks ----------------------------------------------------------------- */

typedef struct {
    int n_video, n_audio, n_sub;
    int64_t audio_id, sub_id;   /* the tracks in the language looked for, -1 none */
    char audio_lang[16], sub_lang[16]; /* the selected ones' */
    char words[512];
} Tracks;

static const char *node_str(const mpv_node_list *map, const char *key)
{
    for (int i = 0; i < map->num; i++)
        if (strcmp(map->keys[i], key) == 0 && map->values[i].format == MPV_FORMAT_STRING)
            return map->values[i].u.string;
    return NULL;
}

static int64_t node_int(const mpv_node_list *map, const char *key)
{
    for (int i = 0; i < map->num; i++)
        if (strcmp(map->keys[i], key) == 0) {
            if (map->values[i].format == MPV_FORMAT_INT64)
                return map->values[i].u.int64;
            if (map->values[i].format == MPV_FORMAT_FLAG)
                return map->values[i].u.flag;
        }
    return -1;
}

static void read_tracks(mpv_handle *m, const char *lang, Tracks *t)
{
    memset(t, 0, sizeof *t);
    t->audio_id = t->sub_id = -1;
    snprintf(t->audio_lang, sizeof t->audio_lang, "-");
    snprintf(t->sub_lang, sizeof t->sub_lang, "-");
    mpv_node list;
    if (mpv_get_property(m, "track-list", MPV_FORMAT_NODE, &list) < 0)
        return;
    size_t used = 0;
    for (int i = 0; list.format == MPV_FORMAT_NODE_ARRAY && i < list.u.list->num; i++) {
        mpv_node *n = &list.u.list->values[i];
        if (n->format != MPV_FORMAT_NODE_MAP)
            continue;
        const char *type = node_str(n->u.list, "type"), *tl = node_str(n->u.list, "lang");
        const char *codec = node_str(n->u.list, "codec");
        bool is_audio = type && strcmp(type, "audio") == 0, is_sub = type && strcmp(type, "sub") == 0;
        t->n_video += type && strcmp(type, "video") == 0 && node_int(n->u.list, "albumart") != 1;
        t->n_audio += is_audio;
        t->n_sub += is_sub;
        if (is_audio && t->audio_id < 0 && same_lang(tl, lang))
            t->audio_id = node_int(n->u.list, "id");
        if (is_sub && t->sub_id < 0 && same_lang(tl, lang))
            t->sub_id = node_int(n->u.list, "id");
        if (node_int(n->u.list, "selected") == 1 && tl && (is_audio || is_sub))
            snprintf(is_audio ? t->audio_lang : t->sub_lang, sizeof t->audio_lang, "%s", tl);
        if (used < sizeof t->words) {
            int k = snprintf(t->words + used, sizeof t->words - used, "%s%s %s%s%s", used ? ", " : "",
                             type ? type : "?", codec ? codec : "?", tl ? " " : "", tl ? tl : "");
            used += k > 0 ? (size_t)k : 0;
        }
    }
    mpv_free_node_contents(&list);
}

/* ---- the requests ------------------------------------------------------------------ */

/* The player and its shared frames, as MEDIA_OPEN and MEDIA_SPEAK need them
 * (arg[0], arg[1]: the largest frame); false with the reply filled. */
static bool ensure_open(const WireHead *req, WireReply *rep)
{
    if (ensure_player() && ensure_render(req->arg[0], req->arg[1], rep))
        return true;
    rep->head.op = WIRE_ERR;
    if (!rep->text)
        rep->text = "mpv cannot start";
    return false;
}

/* Play path from the start of its loadfile options opts (paused when
 * asked): the reply says its length and size, or why not. */
static void load(const char *path, const char *opts, bool paused, WireReply *rep)
{
    mpv_set_property_string(me.mpv, "pause", paused ? "yes" : "no");
    drain_events();
    const char *cmd[] = {"loadfile", path, "replace", opts, NULL};
    if (mpv_command(me.mpv, cmd) < 0 || !wait_loaded(me.mpv, rep)) {
        rep->head.op = WIRE_ERR;
        if (!rep->text)
            rep->text = "it cannot be played";
        return;
    }
    /* again: the file replaced may have reached its end meanwhile, and
     * keep-open pauses there, after the pause set above */
    mpv_set_property_string(me.mpv, "pause", paused ? "yes" : "no");
    double d = get_double("duration", -1);
    rep->head.arg[0] = d < 0 ? -1 : (int32_t)(d * 1000);
    rep->head.arg[1] = (int32_t)get_int("width", 0);
    rep->head.arg[2] = (int32_t)get_int("height", 0);
}

static void do_open(const WireHead *req, const char *path, WireReply *rep)
{
    if (!ensure_open(req, rep))
        return;
    char opts[256];
    int k = snprintf(opts, sizeof opts, "loop-file=%s", req->arg[4] & MEDIA_LOOP ? "inf" : "no");
    if (req->arg[2] >= 0)
        k += snprintf(opts + k, sizeof opts - (size_t)k, ",start=%.3f", req->arg[2] / 1000.0);
    if (req->arg[3] >= 0)
        k += snprintf(opts + k, sizeof opts - (size_t)k, ",end=%.3f", req->arg[3] / 1000.0);
    me.muted = (req->arg[4] & MEDIA_MUTED) != 0; /* the attract loop's: no sound decoded, none played */
    if (me.muted)
        snprintf(opts + k, sizeof opts - (size_t)k, ",aid=no");
    atomic_store(&me.frames->box, media_frames_box(req->arg[6], req->arg[7]));
    /* the film replaced leaves no frame to be taken for this one's first */
    atomic_store(&me.frames->ready, -1);
    load(path, opts, req->arg[5], rep);
}

/* ---- reading aloud ---------------------------------------------------------------- */

/* The samples espeak-ng gave for the reading being made (mono, 16 bits, at
 * speech.rate Hz); the buffer is kept for the next one. */
static struct {
    int rate; /* Hz; 0: espeak-ng not started yet */
    short *pcm;
    size_t n, cap;
    bool cut; /* longer than SPEECH_MAX_S: the rest is not made */
} speech;

static int on_samples(short *wav, int n, espeak_EVENT *events)
{
    (void)events;
    if (!wav || n <= 0)
        return 0;
    size_t max = (size_t)speech.rate * SPEECH_MAX_S;
    if (speech.n + (size_t)n > max) {
        speech.cut = true;
        return 1; /* stop synthesising */
    }
    if (speech.n + (size_t)n > speech.cap) {
        size_t cap = speech.cap ? speech.cap * 2 : (size_t)speech.rate * 30;
        while (cap < speech.n + (size_t)n)
            cap *= 2;
        short *p = realloc(speech.pcm, (cap < max ? cap : max) * sizeof *p);
        if (!p) {
            speech.cut = true;
            return 1;
        }
        speech.pcm = p;
        speech.cap = cap < max ? cap : max;
    }
    memcpy(speech.pcm + speech.n, wav, (size_t)n * sizeof *wav);
    speech.n += (size_t)n;
    return 0;
}

static bool ensure_espeak(void)
{
    if (speech.rate > 0)
        return true;
    /* synchronous: espeak_Synth returns once every sample went to the
     * callback; its data from the system's espeak-ng-data */
    int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, NULL, espeakINITIALIZE_DONT_EXIT);
    if (rate <= 0)
        return false;
    espeak_SetSynthCallback(on_samples);
    speech.rate = rate;
    return true;
}

/* Synthesise the parts of a MEDIA_SPEAK request (media.h), one
 * after the other, each in its voice; false with the reason in me.said. */
static bool synthesise(const char *request)
{
    char *copy = strdup(request);
    bool ok = copy != NULL;
    speech.n = 0;
    speech.cut = false;
    const char between[] = {MEDIA_SPEAK_PART, '\0'};
    snprintf(me.said, sizeof me.said, "no memory for the reading");
    char *save = NULL, *part = copy ? strtok_r(copy, between, &save) : NULL;
    for (; part && ok && !speech.cut; part = strtok_r(NULL, between, &save)) {
        char *text = strchr(part, MEDIA_SPEAK_VOICE);
        if (text)
            *text++ = '\0'; /* part: the voice's name */
        if (!text) {
            snprintf(me.said, sizeof me.said, "a part of the reading names no voice");
            ok = false;
        } else if (espeak_SetVoiceByName(part) != EE_OK) {
            snprintf(me.said, sizeof me.said, "espeak-ng has no voice \"%.64s\"", part);
            ok = false;
        } else if (espeak_Synth(text, strlen(text) + 1, 0, POS_CHARACTER, 0,
                                espeakCHARS_UTF8 | espeakENDPAUSE, NULL, NULL) != EE_OK) {
            snprintf(me.said, sizeof me.said, "espeak-ng cannot read it");
            ok = false;
        }
    }
    free(copy);
    if (ok && speech.n == 0) {
        snprintf(me.said, sizeof me.said, "espeak-ng made no sound of it");
        ok = false;
    }
    return ok;
}

static void put_le(unsigned char *p, uint32_t v, int bytes)
{
    for (int i = 0; i < bytes; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

/* The samples as a WAV file in memory: its descriptor, or -1. */
static int speech_wav(void)
{
    unsigned char h[44] = "RIFF____WAVEfmt ____________________data____";
    uint32_t bytes = (uint32_t)(speech.n * 2);
    put_le(h + 4, 36 + bytes, 4);
    put_le(h + 16, 16, 4);              /* the format chunk's size */
    put_le(h + 20, 1, 2);               /* PCM */
    put_le(h + 22, 1, 2);               /* mono */
    put_le(h + 24, (uint32_t)speech.rate, 4);
    put_le(h + 28, (uint32_t)speech.rate * 2, 4);
    put_le(h + 32, 2, 2);               /* bytes a frame */
    put_le(h + 34, 16, 2);              /* bits a sample */
    put_le(h + 40, bytes, 4);
    int fd = memfd_create("vitrine-speech", MFD_CLOEXEC);
    if (fd < 0)
        return -1;
    /* the samples are the machine's: little-endian, as WAV wants them */
    if (write(fd, h, sizeof h) != (ssize_t)sizeof h || write(fd, speech.pcm, bytes) != (ssize_t)bytes) {
        close(fd);
        return -1;
    }
    return fd;
}

/* Read text aloud (media.h, MEDIA_SPEAK): synthesised whole, then played
 * as a file of sound alone from its start. */
static void do_speak(const WireHead *req, const char *text, WireReply *rep)
{
    if (!ensure_open(req, rep))
        return;
    rep->head.op = WIRE_ERR;
    rep->text = me.said;
    if (!ensure_espeak()) {
        snprintf(me.said, sizeof me.said, "espeak-ng cannot start (is espeak-ng-data installed?)");
        return;
    }
    if (!synthesise(text))
        return;
    int fd = speech_wav();
    if (fd < 0) {
        snprintf(me.said, sizeof me.said, "no memory for the reading's sound");
        return;
    }
    char path[64];
    /* its own open file, at its start: mpv's, which outlives ours */
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    rep->head.op = WIRE_OK;
    rep->text = NULL;
    load(path, "loop-file=no", req->arg[5], rep);
    close(fd);
}

static void do_track(const WireHead *req, const char *text, WireReply *rep)
{
    const char *nl = strchr(text, '\n');
    char lang[16];
    if (!me.mpv || !nl || nl - text >= (int)sizeof lang) {
        rep->head.op = WIRE_ERR_BADREQ;
        return;
    }
    snprintf(lang, sizeof lang, "%.*s", (int)(nl - text), text);
    const char *cmd[] = {req->arg[0] ? "audio-add" : "sub-add", nl + 1, "auto", lang, lang, NULL};
    int e = mpv_command(me.mpv, cmd);
    if (e < 0) {
        rep->head.op = WIRE_ERR;
        snprintf(me.said, sizeof me.said, "it cannot be read: %s", mpv_error_string(e));
        rep->text = me.said;
    }
}

static void do_lang(const char *lang)
{
    if (!me.mpv)
        return;
    Tracks t;
    read_tracks(me.mpv, lang, &t);
    if (t.audio_id >= 0 && !me.muted)
        mpv_set_property(me.mpv, "aid", MPV_FORMAT_INT64, &t.audio_id);
    if (t.sub_id >= 0)
        mpv_set_property(me.mpv, "sid", MPV_FORMAT_INT64, &t.sub_id);
    else
        mpv_set_property_string(me.mpv, "sid", "no");
}

static void do_state(WireReply *rep)
{
    Tracks t;
    read_tracks(me.mpv, "", &t);
    int flag = 0;
    rep->head.arg[0] = (int32_t)(get_double("time-pos", 0) * 1000);
    double d = get_double("duration", -1);
    rep->head.arg[1] = d < 0 ? -1 : (int32_t)(d * 1000);
    rep->head.arg[2] = mpv_get_property(me.mpv, "pause", MPV_FORMAT_FLAG, &flag) >= 0 && flag;
    flag = 0;
    rep->head.arg[3] = mpv_get_property(me.mpv, "eof-reached", MPV_FORMAT_FLAG, &flag) >= 0 && flag;
    rep->head.arg[4] = me.frames ? (int32_t)atomic_load(&me.frames->frame) : 0;
    snprintf(me.said, sizeof me.said, "%s %s", t.audio_lang, t.sub_lang);
    rep->text = me.said;
}

/* What a file holds, without playing it: for `vitrine --check`. A
 * subtitle file (subs) is no film mpv would play: it is added to an empty
 * picture made by FFmpeg, as the kiosk adds it to a film. */
static void do_probe(const char *path, bool subs, WireReply *rep)
{
    mpv_handle *m = new_mpv(true);
    if (!m || mpv_initialize(m) < 0) {
        rep->head.op = WIRE_ERR;
        rep->text = "mpv cannot start";
        if (m)
            mpv_terminate_destroy(m);
        return;
    }
    const char *cmd[] = {"loadfile", subs ? "av://lavfi:nullsrc=s=16x16:d=1" : path, NULL};
    if (mpv_command(m, cmd) < 0 || !wait_loaded(m, rep)) {
        rep->head.op = WIRE_ERR;
        if (!rep->text)
            rep->text = "it cannot be played";
        mpv_terminate_destroy(m);
        return;
    }
    const char *add[] = {"sub-add", path, "auto", NULL};
    int e = subs ? mpv_command(m, add) : 0;
    if (e < 0) {
        rep->head.op = WIRE_ERR;
        snprintf(me.said, sizeof me.said, "it cannot be read as subtitles: %s", mpv_error_string(e));
        rep->text = me.said;
        mpv_terminate_destroy(m);
        return;
    }
    Tracks t;
    read_tracks(m, "", &t);
    double d = -1;
    mpv_get_property(m, "duration", MPV_FORMAT_DOUBLE, &d);
    char *format = mpv_get_property_string(m, "file-format");
    if (subs)
        snprintf(me.said, sizeof me.said, "%s", t.words[0] ? t.words : "no streams");
    else
        snprintf(me.said, sizeof me.said, "%s: %s; %.1f s", format ? format : "?",
                 t.words[0] ? t.words : "no streams", d);
    mpv_free(format);
    rep->text = me.said;
    rep->head.arg[0] = d < 0 ? -1 : (int32_t)(d * 1000);
    rep->head.arg[1] = subs ? 0 : t.n_video;
    rep->head.arg[2] = t.n_audio;
    rep->head.arg[3] = t.n_sub;
    mpv_terminate_destroy(m);
}

static void handle(const WireHead *req, const char *text, const void *data, WireReply *rep, void *ctx)
{
    (void)data;
    (void)ctx;
    drain_events();
    if (req->op != MEDIA_OPTION && req->op != MEDIA_OPEN && req->op != MEDIA_SPEAK && req->op != MEDIA_PROBE &&
        !me.render) {
        rep->head.op = WIRE_ERR_BADREQ;
        rep->text = "no film is open";
        return;
    }
    switch (req->op) {
    case MEDIA_OPTION: {
        const char *eq = strchr(text, '=');
        char name[64];
        if (!ensure_player() || !eq || eq - text >= (int)sizeof name) {
            rep->head.op = WIRE_ERR_BADREQ;
            return;
        }
        snprintf(name, sizeof name, "%.*s", (int)(eq - text), text);
        if (mpv_set_option_string(me.mpv, name, eq + 1) < 0) {
            rep->head.op = WIRE_ERR_BADREQ;
            rep->text = "mpv refuses that option";
        }
        return;
    }
    case MEDIA_OPEN:
        do_open(req, text, rep);
        return;
    case MEDIA_SPEAK:
        do_speak(req, text, rep);
        return;
    case MEDIA_TRACK:
        do_track(req, text, rep);
        return;
    case MEDIA_LANG:
        do_lang(text);
        return;
    case MEDIA_PLAY:
        mpv_set_property_string(me.mpv, "pause", req->arg[0] ? "no" : "yes");
        return;
    case MEDIA_SEEK: {
        char at[32];
        snprintf(at, sizeof at, "%.3f", req->arg[0] / 1000.0);
        /* exact: "10 s back" means 10 s, not the keyframe before */
        const char *cmd[] = {"seek", at, req->arg[1] ? "relative+exact" : "absolute+exact", NULL};
        mpv_command(me.mpv, cmd);
        return;
    }
    case MEDIA_VOLUME: {
        int64_t v = req->arg[0] < 0 ? 0 : req->arg[0] > 100 ? 100 : req->arg[0];
        mpv_set_property(me.mpv, "volume", MPV_FORMAT_INT64, &v);
        return;
    }
    case MEDIA_STATE:
        do_state(rep);
        return;
    case MEDIA_PROBE:
        do_probe(text, req->arg[0] == 1, rep);
        return;
    case MEDIA_CLOSE: {
        const char *cmd[] = {"stop", NULL};
        mpv_command(me.mpv, cmd);
        return;
    }
    default:
        rep->head.op = WIRE_ERR_BADREQ;
    }
}

int main(int argc, char **argv)
{
    /* glibc gives each thread that allocates an arena of 64 MB of address
     * space; FFmpeg's many threads would spend the memory limit on those */
    mallopt(M_ARENA_MAX, 2);
    int rc = wire_serve(argc, argv, handle, NULL);
    if (me.render) {
        pthread_mutex_lock(&me.lock);
        me.quit = true;
        pthread_cond_signal(&me.wake);
        pthread_mutex_unlock(&me.lock);
        pthread_join(me.thread, NULL);
        mpv_render_context_free(me.render);
    }
    if (me.mpv)
        mpv_terminate_destroy(me.mpv);
    if (speech.rate > 0)
        espeak_Terminate();
    free(speech.pcm);
    return rc;
}
