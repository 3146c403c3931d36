/* SPDX-License-Identifier: GPL-3.0-or-later */
/* media.c - see media.h */
#include "media.h"

#include <stdio.h>
#include <string.h>

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
