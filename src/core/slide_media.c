/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slide_media.c - see slide_media.h */
#include "slide_media.h"

#include "jsontext.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define CLIP_MAX_S 86400.0 /* a clip's start or end: at most a day into the film */

/* Subtitle files vitrine's player reads (libass and FFmpeg), by name. */
static bool subtitle_name_ok(const char *path)
{
    const char *dot = strrchr(path, '.');
    static const char *const ok[] = {".srt", ".vtt", ".ass", ".ssa"};
    for (size_t i = 0; dot && i < sizeof ok / sizeof ok[0]; i++)
        if (strcasecmp(dot, ok[i]) == 0)
            return true;
    return false;
}

/* Replace each path as written by the resolved one; drop the bad ones. */
static void resolve_all(JsonDiag *jd, const char *base, int no, const char *key, const char *kind,
                        MediaResolve resolve, void *ctx, Localized *l)
{
    if (l->n == 0)
        return;
    Localized out = {calloc((size_t)l->n, sizeof(LocEntry)), 0};
    for (int i = 0; out.items && i < l->n; i++) {
        char ptr[160], subject[96];
        if (strcmp(l->items[i].code, LOC_ALL) == 0)
            snprintf(ptr, sizeof ptr, "%s/%s", base, key);
        else
            snprintf(ptr, sizeof ptr, "%s/%s/%s", base, key, l->items[i].code);
        snprintf(subject, sizeof subject, "\"%s\" of slide %d", key, no);
        char *path = resolve(ctx, l->items[i].text, ptr, subject, kind);
        if (!path)
            continue;
        if (strcmp(key, "subtitles") == 0 && !subtitle_name_ok(path)) {
            char s[JTEXT_SHOWN_CAP];
            jdiag_at_value(jd, DIAG_ERROR, ptr,
                           "subtitles \"%s\" must be an SRT (.srt), WebVTT (.vtt) or ASS (.ass) "
                           "file; the film is shown without them",
                           jtext_shown(l->items[i].text, s, sizeof s));
            free(path);
            continue;
        }
        loc_add(&out, l->n, l->items[i].code, path);
        free(path);
    }
    loc_clear(l);
    *l = out;
}

/* "start" or "end": seconds into the film, or -1 when not given. */
static int clip_ms(JsonDiag *jd, json_t *slide, const char *base, int no, const char *key)
{
    json_t *v = json_object_get(slide, key);
    if (!v)
        return -1;
    char ptr[160], tb[32];
    snprintf(ptr, sizeof ptr, "%s/%s", base, key);
    double s = json_is_number(v) ? json_number_value(v) : -1;
    if (!(s >= 0 && s <= CLIP_MAX_S)) {
        jdiag_at_value(jd, DIAG_ERROR, ptr,
                       "\"%s\" of slide %d must be a number of seconds from 0 to %.0f, not %s; "
                       "it is ignored",
                       key, no, CLIP_MAX_S, jtext_describe(v, true, tb, sizeof tb));
        return -1;
    }
    return (int)lround(s * 1000);
}

void slide_media_parse(JsonDiag *jd, json_t *slide, const char *base, int no, MediaResolve resolve,
                       void *ctx, SlideMedia *m)
{
    resolve_all(jd, base, no, "video", "film", resolve, ctx, &m->video);
    resolve_all(jd, base, no, "subtitles", "subtitles", resolve, ctx, &m->subtitles);
    resolve_all(jd, base, no, "audio", "audio", resolve, ctx, &m->audio);
    resolve_all(jd, base, no, "narration", "narration", resolve, ctx, &m->narration);
    char ptr[160], subject[64], tb[32];
    json_t *poster = json_object_get(slide, "poster");
    if (poster) {
        snprintf(ptr, sizeof ptr, "%s/poster", base);
        snprintf(subject, sizeof subject, "\"poster\" of slide %d", no);
        if (!json_is_string(poster))
            jdiag_at_value(jd, DIAG_ERROR, ptr, "%s must be a string (a path to an image), not %s",
                           subject, jtext_describe(poster, false, tb, sizeof tb));
        else
            m->poster_path = resolve(ctx, json_string_value(poster), ptr, subject, "image");
    }
    json_t *loop = json_object_get(slide, "loop");
    if (loop) {
        snprintf(ptr, sizeof ptr, "%s/loop", base);
        if (!json_is_boolean(loop))
            jdiag_at_value(jd, DIAG_ERROR, ptr, "\"loop\" of slide %d must be true or false, not %s",
                           no, jtext_describe(loop, false, tb, sizeof tb));
        else
            m->loop = json_is_true(loop);
    }
    m->start_ms = clip_ms(jd, slide, base, no, "start");
    m->end_ms = clip_ms(jd, slide, base, no, "end");
    if (m->start_ms >= 0 && m->end_ms >= 0 && m->end_ms <= m->start_ms) {
        snprintf(ptr, sizeof ptr, "%s/end", base);
        jdiag_at_value(jd, DIAG_ERROR, ptr,
                       "\"end\" of slide %d must come after \"start\"; the whole film is shown", no);
        m->start_ms = m->end_ms = -1;
    }
    m->video_given = json_object_get(slide, "video") != NULL;
    if (!m->video_given && (m->subtitles.n || m->audio.n || m->poster_path || loop ||
                        m->start_ms >= 0 || m->end_ms >= 0)) {
        jdiag_at_value(jd, DIAG_WARNING, base,
                       "slide %d has film settings (\"subtitles\", \"audio\", \"poster\", \"loop\", "
                       "\"start\", \"end\") but no \"video\"; they are ignored",
                       no);
    }
}

bool slide_media_has_video(const SlideMedia *m)
{
    return m->video_given;
}

void slide_media_clear(SlideMedia *m)
{
    loc_clear(&m->video);
    loc_clear(&m->subtitles);
    loc_clear(&m->audio);
    loc_clear(&m->narration);
    free(m->poster_path);
    memset(m, 0, sizeof *m);
    m->start_ms = m->end_ms = -1;
}
