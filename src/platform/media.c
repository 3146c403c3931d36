/* SPDX-License-Identifier: GPL-3.0-or-later */
/* media.c - see media.h */
#include "media.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "core/subcheck.h"
#include "worker/media.h"

#define LONG_FILM_MS (3 * 3600 * 1000) /* longer than any film a visitor stands through */

const WorkerSpec media_worker = {"vitrine-media", "the media player", MEDIA_MEM_MB, MEDIA_DEADLINE_MS};

bool media_probe(Worker *w, const char *path, bool subtitles, MediaProbe *out, char *err, size_t errn)
{
    memset(out, 0, sizeof *out);
    WorkerRequest rq = {.op = MEDIA_PROBE, .arg = {subtitles}, .text = path, .file = path};
    WorkerReply rp;
    if (!worker_call(w, &rq, &rp, err, errn))
        return false;
    out->duration_ms = rp.arg[0];
    out->video = rp.arg[1];
    out->audio = rp.arg[2];
    out->subtitles = rp.arg[3];
    snprintf(out->words, sizeof out->words, "%s", rp.text);
    return true;
}

/* The path as the curator wrote it: relative to the exhibition folder. */
static const char *shown(const Exhibition *ex, const char *path)
{
    size_t n = strlen(ex->dir);
    return strncmp(path, ex->dir, n) == 0 && path[n] == '/' ? path + n + 1 : path;
}

typedef enum { WANT_FILM, WANT_SOUND, WANT_SUBTITLES } Want;

static void check_file(Worker *w, const Exhibition *ex, int k, const char *key, const char *path,
                       Want want, DiagList *out)
{
    const Slide *sl = &ex->slides[k];
    const char *file = ex->manifest_path, *rel = shown(ex, path);
    MediaProbe p;
    char err[300];
    if (want == WANT_SUBTITLES && subcheck_file(path, out) > 0)
        return; /* said where, at its line: mpv's words would add nothing */
    if (!media_probe(w, path, want == WANT_SUBTITLES, &p, err, sizeof err)) {
        diag_add(out, DIAG_ERROR, file, sl->line, sl->col, "%s \"%s\" of slide %d: %s%s", key, rel,
                 k + 1, err,
                 want == WANT_FILM        ? "; a placeholder is shown"
                 : want == WANT_SUBTITLES ? "; the film is shown without them"
                                          : "; it is left out");
        return;
    }
    if (want == WANT_FILM && p.video == 0)
        diag_add(out, DIAG_ERROR, file, sl->line, sl->col,
                 "%s \"%s\" of slide %d has no picture, only sound (%s); a placeholder is shown",
                 key, rel, k + 1, p.words);
    else if (want == WANT_SOUND && p.audio == 0)
        diag_add(out, DIAG_ERROR, file, sl->line, sl->col,
                 "%s \"%s\" of slide %d has no sound (%s); it is left out", key, rel, k + 1, p.words);
    else if (want == WANT_SUBTITLES && p.subtitles == 0)
        diag_add(out, DIAG_ERROR, file, sl->line, sl->col,
                 "%s \"%s\" of slide %d holds no subtitles (%s); the film is shown without them", key,
                 rel, k + 1, p.words);
    else if (want == WANT_FILM && p.duration_ms > LONG_FILM_MS)
        diag_add(out, DIAG_WARNING, file, sl->line, sl->col,
                 "%s \"%s\" of slide %d is %.1f hours long: is it the right file?", key, rel, k + 1,
                 p.duration_ms / 3600000.0);
}

static void check_all(Worker *w, const Exhibition *ex, int k, const char *key, const Localized *l,
                      Want want, DiagList *out)
{
    for (int i = 0; i < l->n; i++)
        check_file(w, ex, k, key, l->items[i].text, want, out);
}

void media_check(const Library *lib, DiagList *out)
{
    Worker *w = NULL;
    for (int i = 0; lib && i < lib->n; i++) {
        const Exhibition *ex = lib->items[i];
        for (int k = 0; k < ex->n_slides; k++) {
            const SlideMedia *m = &ex->slides[k].media;
            if (!m->video.n && !m->audio.n && !m->narration.n && !m->subtitles.n)
                continue;
            if (!w && !(w = worker_new(&media_worker)))
                return;
            check_all(w, ex, k, "film", &m->video, WANT_FILM, out);
            check_all(w, ex, k, "audio", &m->audio, WANT_SOUND, out);
            check_all(w, ex, k, "narration", &m->narration, WANT_SOUND, out);
            check_all(w, ex, k, "subtitles", &m->subtitles, WANT_SUBTITLES, out);
        }
    }
    worker_free(w);
}

/* ---- a film playing ---------------------------------------------------------- */

struct MediaPlayer {
    Worker *w;
    int shm_fd;
    /* The mapping is swapped (a new worker, a dead one) by the thread that
     * calls the worker while another may be reading a frame: this lock is
     * held for mmap/munmap and for a frame's reading only, never across a
     * call to the worker, so a reader waits microseconds at most. */
    pthread_mutex_t frames_lock;
    MediaFrames *frames;
    size_t frames_size;
    uint32_t frames_w, frames_h; /* the sizes it was made for */
    int frames_pid; /* the worker that made them */
    long long frame_pts_ms; /* the film's position of the frame media_player_frame() gave last */
    const SlideMedia *media; /* the open film's, borrowed from the exhibition */
    char *const *fallback;
    int n_fallback;
    const char *video; /* the file playing */
    int max_w, max_h;
    int box_w, box_h; /* where the film is shown (media_player_set_box), 0: max_w x max_h */
    SlideMedia narration; /* a narration played as a film of sound alone: its files as the "video" */
    SlideMedia ambient; /* the attract loop's film: the slide's, looped */
    bool muted; /* the open film has no sound at all (the attract loop's) */
};

MediaPlayer *media_player_new(void)
{
    MediaPlayer *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->shm_fd = -1;
    pthread_mutex_init(&p->frames_lock, NULL);
    p->w = worker_new(&media_worker);
    if (!p->w) {
        pthread_mutex_destroy(&p->frames_lock);
        free(p);
        return NULL;
    }
    return p;
}

static void unmap(MediaPlayer *p)
{
    pthread_mutex_lock(&p->frames_lock);
    if (p->frames)
        munmap(p->frames, p->frames_size);
    if (p->shm_fd >= 0)
        close(p->shm_fd);
    p->frames = NULL;
    p->shm_fd = -1;
    pthread_mutex_unlock(&p->frames_lock);
}

void media_player_free(MediaPlayer *p)
{
    if (!p)
        return;
    unmap(p);
    worker_free(p->w);
    pthread_mutex_destroy(&p->frames_lock);
    free(p);
}

/* The worker died, in a call or between calls (worker_call then starts a
 * new one, which has no film yet): its frames went with it. */
static void forget_dead_frames(MediaPlayer *p)
{
    if (p->frames && worker_pid(p->w) != p->frames_pid)
        unmap(p);
}

static bool call(MediaPlayer *p, int op, const char *text, int a0, int a1, WorkerReply *rp)
{
    char err[256];
    WorkerReply mine;
    if (!rp)
        rp = &mine;
    WorkerRequest rq = {.op = op, .arg = {a0, a1}, .text = text};
    bool ok = worker_call(p->w, &rq, rp, err, sizeof err);
    if (rp->fd >= 0)
        close(rp->fd); /* the frames come with MEDIA_OPEN only */
    forget_dead_frames(p);
    return ok;
}

bool media_player_option(MediaPlayer *p, const char *name_value)
{
    return call(p, MEDIA_OPTION, name_value, 0, 0, NULL);
}

/* MEDIA_OPEN or MEDIA_SPEAK: a new worker's first answers with its
 * frames, which are mapped here. false with the reason in err. */
static bool open_call(MediaPlayer *p, const WorkerRequest *rq, char *err, size_t errn)
{
    WorkerReply rp;
    if (!worker_call(p->w, rq, &rp, err, errn)) {
        forget_dead_frames(p);
        return false;
    }
    if (rp.fd >= 0) { /* a new worker's first film: its frames */
        unmap(p);
        size_t size = media_frames_size((uint32_t)p->max_w, (uint32_t)p->max_h);
        void *f = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, rp.fd, 0);
        if (f == MAP_FAILED) {
            close(rp.fd);
            snprintf(err, errn, "the film's frames cannot be shared");
            return false;
        }
        pthread_mutex_lock(&p->frames_lock);
        p->frames_size = size;
        p->frames_w = (uint32_t)p->max_w;
        p->frames_h = (uint32_t)p->max_h;
        p->frames_pid = worker_pid(p->w);
        p->frames = f;
        p->shm_fd = rp.fd;
        pthread_mutex_unlock(&p->frames_lock);
    }
    return true;
}

/* Open `video` at `at_ms` (-1: the clip's start). */
static bool open_file(MediaPlayer *p, const char *video, const char *lang, int at_ms, bool play,
                      char *err, size_t errn)
{
    const SlideMedia *m = p->media;
    pthread_mutex_lock(&p->frames_lock); /* the box is set from the render thread too */
    int box_w = p->box_w, box_h = p->box_h;
    pthread_mutex_unlock(&p->frames_lock);
    WorkerRequest rq = {.op = MEDIA_OPEN,
                        .arg = {p->max_w, p->max_h, at_ms >= 0 ? at_ms : m->start_ms, m->end_ms,
                                (m->loop ? MEDIA_LOOP : 0) | (p->muted ? MEDIA_MUTED : 0), !play, box_w, box_h},
                        .text = video,
                        .file = video};
    if (!open_call(p, &rq, err, errn))
        return false;
    p->video = video;
    for (int k = 0; k < 2; k++) {
        const Localized *l = k ? &m->audio : &m->subtitles;
        for (int i = 0; i < l->n && !(k && p->muted); i++) {
            char t[4096];
            snprintf(t, sizeof t, "%s\n%s", l->items[i].code, l->items[i].text);
            call(p, MEDIA_TRACK, t, k, 0, NULL); /* one bad file costs that track only */
        }
    }
    return media_player_lang(p, lang);
}

/* Frames of max_w x max_h: a worker whose frames have another size is
 * replaced (they are sized once per worker). */
static bool frames_sized(MediaPlayer *p, int max_w, int max_h, char *err, size_t errn)
{
    if (p->frames && (max_w != p->max_w || max_h != p->max_h)) {
        worker_free(p->w);
        unmap(p);
        p->w = worker_new(&media_worker);
        if (!p->w) {
            snprintf(err, errn, "no memory");
            return false;
        }
    }
    p->max_w = max_w;
    p->max_h = max_h;
    return true;
}

bool media_player_open(MediaPlayer *p, const SlideMedia *m, const char *lang, char *const *fallback,
                       int n_fallback, int max_w, int max_h, bool play, char *err, size_t errn)
{
    return media_player_open_at(p, m, lang, fallback, n_fallback, max_w, max_h, -1, play, err, errn);
}

bool media_player_open_ambient(MediaPlayer *p, const SlideMedia *m, const char *lang, int max_w, int max_h,
                               bool play, char *err, size_t errn)
{
    p->ambient = *m; /* borrowed files; the clip kept, looped */
    p->ambient.loop = true;
    return media_player_open_at(p, &p->ambient, lang, NULL, 0, max_w, max_h, -1, play, err, errn);
}

bool media_player_open_at(MediaPlayer *p, const SlideMedia *m, const char *lang, char *const *fallback,
                          int n_fallback, int max_w, int max_h, int at_ms, bool play, char *err, size_t errn)
{
    const char *video = loc_text(&m->video, lang, fallback, n_fallback);
    if (!video) {
        snprintf(err, errn, "the slide has no film that can be played");
        return false;
    }
    if (!frames_sized(p, max_w, max_h, err, errn))
        return false;
    p->media = m;
    p->fallback = fallback;
    p->n_fallback = n_fallback;
    p->muted = m == &p->ambient; /* a language switch's reopening (open_file) keeps it so */
    return open_file(p, video, lang, at_ms, play, err, errn);
}

bool media_player_open_narration(MediaPlayer *p, const SlideMedia *m, const char *lang, char *const *fallback,
                                  int n_fallback, int max_w, int max_h, bool play, char *err, size_t errn)
{
    /* the recordings as the files of a film without subtitles or other
     * tracks: a language switch reopens the other recording at the same
     * position (media_player_lang), as for a film with a file per language */
    p->narration = (SlideMedia){.video = m->narration, .start_ms = -1, .end_ms = -1, .video_given = true};
    return media_player_open(p, &p->narration, lang, fallback, n_fallback, max_w, max_h, play, err, errn);
}

char *media_speech_text(const ReadAloud *r)
{
    size_t cap = 1, used = 0;
    for (int i = 0; i < r->n; i++)
        cap += strlen(r->part[i].voice) + strlen(r->part[i].text) + 2;
    char *out = r->n > 0 ? malloc(cap) : NULL;
    if (!out)
        return NULL;
    for (int i = 0; i < r->n; i++) {
        if (i > 0)
            out[used++] = MEDIA_SPEAK_PART;
        size_t v = strlen(r->part[i].voice);
        memcpy(out + used, r->part[i].voice, v);
        used += v;
        out[used++] = MEDIA_SPEAK_VOICE;
        /* the separators (never in a caption a person wrote, but nothing
         * forbids them) read as spaces */
        for (const char *t = r->part[i].text; *t; t++)
            out[used++] = *t == MEDIA_SPEAK_PART || *t == MEDIA_SPEAK_VOICE ? ' ' : *t;
    }
    if (used >= MEDIA_SPEECH_MAX) { /* cut, never in the middle of a letter */
        used = MEDIA_SPEECH_MAX - 1;
        while (used > 0 && ((unsigned char)out[used] & 0xC0) == 0x80)
            used--;
    }
    out[used] = '\0';
    return out;
}

bool media_player_open_speech(MediaPlayer *p, const char *speech, int max_w, int max_h, bool play, char *err,
                              size_t errn)
{
    if (!frames_sized(p, max_w, max_h, err, errn))
        return false;
    WorkerRequest rq = {.op = MEDIA_SPEAK, .arg = {max_w, max_h, -1, -1, 0, !play}, .text = speech};
    if (!open_call(p, &rq, err, errn))
        return false;
    /* a film of sound alone with no file to follow a language with: a
     * language switch is a new reading (films.c) */
    p->narration = (SlideMedia){.start_ms = -1, .end_ms = -1};
    p->media = &p->narration;
    p->video = NULL;
    return true;
}

bool media_player_lang(MediaPlayer *p, const char *lang)
{
    if (!p->media)
        return false;
    const char *video = loc_text(&p->media->video, lang, p->fallback, p->n_fallback);
    if (video && p->video && strcmp(video, p->video) != 0) {
        /* another file for this language: the same place in it */
        MediaState st;
        char err[256];
        if (!media_player_state(p, &st))
            return false;
        return open_file(p, video, lang, st.position_ms, !st.paused, err, sizeof err);
    }
    return call(p, MEDIA_LANG, lang, 0, 0, NULL);
}

bool media_player_play(MediaPlayer *p, bool play)
{
    return call(p, MEDIA_PLAY, NULL, play, 0, NULL);
}

bool media_player_seek(MediaPlayer *p, int ms, bool relative)
{
    return call(p, MEDIA_SEEK, NULL, ms, relative, NULL);
}

bool media_player_volume(MediaPlayer *p, int percent)
{
    return call(p, MEDIA_VOLUME, NULL, percent, 0, NULL);
}

bool media_player_state(MediaPlayer *p, MediaState *st)
{
    WorkerReply rp;
    memset(st, 0, sizeof *st);
    if (!call(p, MEDIA_STATE, NULL, 0, 0, &rp))
        return false;
    st->position_ms = rp.arg[0];
    st->duration_ms = rp.arg[1];
    st->paused = rp.arg[2];
    st->ended = rp.arg[3];
    st->frames = (unsigned)rp.arg[4];
    sscanf(rp.text, "%15s %15s", st->audio_lang, st->subtitle_lang);
    return true;
}

void media_player_close(MediaPlayer *p)
{
    if (p->media && worker_pid(p->w) > 0)
        call(p, MEDIA_CLOSE, NULL, 0, 0, NULL);
    p->media = NULL;
    p->video = NULL;
}

const unsigned char *media_player_frame(MediaPlayer *p, int *w, int *h, int *stride,
                                        unsigned long long *serial)
{
    pthread_mutex_lock(&p->frames_lock); /* until media_player_frame_done() */
    MediaFrames *f = p->frames;
    if (!f || f->magic != MEDIA_FRAMES_MAGIC)
        return NULL;
    int s = media_frame_take(f);
    /* sizes checked against ours, not the worker's word in the header */
    size_t mw = p->frames_w, mh = p->frames_h;
    if (s < 0 || s >= MEDIA_SLOTS || f->slot[s].w > mw || f->slot[s].h > mh ||
        f->slot[s].stride < f->slot[s].w * 4 || (size_t)f->slot[s].stride * f->slot[s].h > mw * mh * 4) {
        media_frame_release(f);
        return NULL; /* nothing yet, or a worker gone wrong: never read past the frame */
    }
    *w = (int)f->slot[s].w;
    *h = (int)f->slot[s].h;
    *stride = (int)f->slot[s].stride;
    *serial = atomic_load(&f->frame);
    p->frame_pts_ms = f->slot[s].pts_ms;
    /* the slot's place from our own sizes too */
    return (unsigned char *)f + (sizeof(MediaFrames) + 63) / 64 * 64 +
           (size_t)s * mw * mh * 4;
}

void media_player_set_box(MediaPlayer *p, int w, int h)
{
    pthread_mutex_lock(&p->frames_lock);
    p->box_w = w;
    p->box_h = h;
    if (p->frames && p->frames->magic == MEDIA_FRAMES_MAGIC)
        atomic_store(&p->frames->box, media_frames_box(w, h));
    pthread_mutex_unlock(&p->frames_lock);
}

int media_player_pid(const MediaPlayer *p)
{
    return worker_pid(p->w);
}

long long media_player_frame_pts(const MediaPlayer *p)
{
    return p->frame_pts_ms;
}

void media_player_frame_done(MediaPlayer *p)
{
    if (p->frames)
        media_frame_release(p->frames);
    pthread_mutex_unlock(&p->frames_lock);
}
