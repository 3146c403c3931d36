/* SPDX-License-Identifier: GPL-3.0-or-later */
/* show_view.c - what the show looks like: scenes, the state line, snapshots
 * (see show_internal.h). */
#include "show_internal.h"

#include <math.h>

#include "cache_policy.h"
#include "show_state.h"
#include "lang.h"

static bool image_failed_cb(void *ctx, int ex, int slide)
{
    const Show *s = ctx;
    return pictures_failed(&s->pictures, s->lib, ex, slide);
}

bool show_view_picture(Show *s, TouchPicture *p)
{
    const Exhibition *ex = show_current(s);
    if (!ex || s->screen != SCREEN_SLIDE || s->lec.overview || s->lec.blank != BLANK_NONE || s->slide < 0 ||
        s->slide >= ex->n_slides)
        return false;
    ImageRequest req;
    SceneView v = show_view_make(s, s->w, s->h);
    if (!pictures_size(&s->pictures, s->exhibition, s->slide, &p->iw, &p->ih) || !scene_slide_image(&v, s->slide, &req))
        return false;
    /* the picture's area as the scene draws it (scene_slide_image), worked
     * out without building the scene at every finger move */
    p->area = req.r;
    p->area.x += v.offset;
    return p->area.w > 0 && p->area.h > 0;
}

/* The narration plays while its slide is on screen; turning the page ends it. */
static bool narrating(const Show *s)
{
    return s->narration_on && s->screen == SCREEN_SLIDE && s->narration_ex == s->exhibition &&
           s->narration_slide == s->slide;
}

/* What slide k's narration button plays (show_slide_sound for the slide on screen). */
static SlideSound sound_of(const Show *s, int k, ReadAloud *ra)
{
    ReadAloud mine;
    const Exhibition *ex = show_current(s);
    if (!ra)
        ra = &mine;
    ra->n = 0;
    if (s->screen != SCREEN_SLIDE || !ex || k < 0 || k >= ex->n_slides || s->quiet)
        return SOUND_NONE;
    const SlideMedia *m = &ex->slides[k].media;
    if (m->narration.n > 0)
        return SOUND_NARRATION; /* recorded wins; on a film's slide it plays with the film paused */
    if (slide_media_has_video(m))
        return SOUND_NONE; /* the film has words of its own: no reading of the caption over it */
    if (s->st->read_aloud && read_aloud_slide(ex, k, s->langs[s->lang], ra))
        return SOUND_SPEECH;
    return SOUND_NONE;
}

SlideSound show_slide_sound(const Show *s, ReadAloud *ra)
{
    return sound_of(s, s->slide, ra);
}

SceneView show_view_make(Show *s, int w, int h)
{
    const Settings *st = s->st;
    SceneView v = {
        .w = w, .h = h,
        .screen = s->screen,
        .lib = s->lib,
        .exhibition = s->exhibition, .slide = s->slide,
        .offset = (int)lroundf(touch_offset(&s->touch, s->now)),
        .home_sel = s->home_sel,
        .n_langs = s->n_langs, .lang = s->lang,
        .captions = s->captions,
        .zoom = s->zoom,
        .caption_scroll = s->touch.caption_scroll,
        .large_text = s->large_text,
        .hide_arrows = !st->show_arrows, .hide_language = !st->show_language,
        .hide_accessibility = !st->show_accessibility, .hide_home = !st->show_home,
        .high_contrast = s->high_contrast,
        .film_paused = s->film_paused && s->film_ex == s->exhibition && s->film_slide == s->slide,
        .film_pos_ms = s->film_bar.active ? s->film_bar.at_ms : s->film_pos_ms,
        .film_dur_ms = film_known(s) ? s->film_dur_ms : -1,
        .film_volume = s->film_volume, .film_max_volume = st->max_volume,
        .narration_on = narrating(s),
        .sound = show_slide_sound(s, NULL),
        .attract_films = st->attract_films,
        .preparing = show_preparing(s),
        .image_failed = image_failed_cb, .ctx = s,
        .measure = &s->measure,
    };
    for (int i = 0; i < s->n_langs; i++)
        v.langs[i] = s->langs[i];
    if (show_idle_applies(s))
        v.idle = kiosk_view(&s->kiosk, s->now);
    v.admin = admin_view(&s->admin, s->now, s->lecture_mode);
    if (s->lecture_mode && s->screen == SCREEN_SLIDE)
        v.lecture = lecture_view(&s->lec, s->now, s->slide, st->notes_lang ? st->notes_lang : s->langs[s->lang]);
    v.lecture.film_ms = v.lecture.film_left_ms = -1;
    if (s->lecture_mode && film_known(s) && s->film_pos_ms >= 0) {
        v.lecture.film_ms = s->film_pos_ms;
        if (s->film_dur_ms >= s->film_pos_ms)
            v.lecture.film_left_ms = s->film_dur_ms - s->film_pos_ms;
    }
    return v;
}

int show_prefetch(Show *s, ImageRequest *out, int max)
{
    const Exhibition *ex = show_current(s);
    if (!ex || s->screen != SCREEN_SLIDE || max <= 0)
        return 0;
    int order[CACHE_AHEAD + CACHE_BEHIND];
    int n = cache_prefetch_order(ex->n_slides, s->slide, s->travel, CACHE_AHEAD, CACHE_BEHIND, order,
                                 CACHE_AHEAD + CACHE_BEHIND);
    SceneView v = show_view_make(s, s->w, s->h);
    v.zoom = ZOOM_NONE;
    int k = 0;
    for (int i = 0; i < n && k < max; i++)
        if (scene_slide_image(&v, order[i], &out[k]))
            k++;
    return k;
}

bool show_scene_ahead(Show *s, int which, Scene *out)
{
    const Exhibition *ex = show_current(s);
    if (!ex || s->screen != SCREEN_SLIDE || s->lec.overview || s->lec.blank != BLANK_NONE ||
        s->problems.n > 0 || which < 0 || which > 1)
        return false;
    int order[2];
    int n = cache_prefetch_order(ex->n_slides, s->slide, s->travel, 1, 1, order, 2);
    if (which >= n)
        return false;
    int k = order[which];
    SceneView v = show_view_make(s, s->w, s->h);
    if (v.idle.phase != IDLE_ACTIVE)
        return false; /* the countdown or the attract loop: no page turn comes next */
    /* slide k as it will look once the page turn is over: still, not
     * zoomed, its caption at the top, nothing of this slide's film or
     * narration on it */
    v.slide = k;
    v.offset = 0;
    v.zoom = ZOOM_NONE;
    v.caption_scroll = 0;
    v.film_paused = false;
    v.film_pos_ms = 0; /* as a page turn leaves it until the film says where it is */
    v.film_dur_ms = -1;
    v.narration_on = false;
    v.sound = sound_of(s, k, NULL);
    if (s->lecture_mode)
        v.lecture = lecture_view(&s->lec, s->now, k, s->st->notes_lang ? s->st->notes_lang : s->langs[s->lang]);
    v.lecture.film_ms = v.lecture.film_left_ms = -1;
    scene_build(out, &v);
    return true;
}

const Scene *show_scene(Show *s)
{
    if (s->dirty || s->scene.n == 0) {
        SceneView v = show_view_make(s, s->w, s->h);
        if (s->problems.n > 0) {
            const char *lang = s->langs[s->lang];
            scene_build_problems(&s->scene, &v, lang_text(UI_PROBLEMS, lang), (const char *const *)s->problems.lines,
                                 s->problems.n, lang_text(UI_PROBLEMS_FIX, lang));
        } else {
            scene_build(&s->scene, &v);
        }
        s->dirty = false;
    }
    return &s->scene;
}

void show_set_presenter(Show *s, bool on)
{
    s->presenter = on;
    s->presenter_dirty = true;
}

const Scene *show_presenter_scene(Show *s, int w, int h, uint64_t now, const char *clock)
{
    if (now > s->now)
        s->now = now;
    SceneView v = show_view_make(s, w, h);
    v.lecture.clock = clock;
    scene_build_presenter(&s->presenter_scene, &v);
    s->presenter_dirty = false;
    return &s->presenter_scene;
}

bool show_presenter_dirty(const Show *s) { return s->presenter_dirty; }
const Rehearsal *show_rehearsal(const Show *s) { return s->lec.recording ? &s->lec.rec : NULL; }
bool show_lecture_mode(const Show *s) { return s->lecture_mode; }
bool show_dirty(const Show *s) { return s->dirty; }
bool show_running(const Show *s) { return s->running; }

bool show_take_lecture_change(Show *s)
{
    bool r = s->lecture_changed;
    s->lecture_changed = false;
    return r;
}

int show_take_film_request(Show *s, bool *paused)
{
    int r = s->film_request;
    s->film_request = ACT_NONE;
    *paused = s->film_paused;
    return r;
}

void show_film_opened(Show *s)
{
    s->film_time_ex = s->film_time_slide = -1; /* nothing is known of the film opened yet */
    s->film_pos_ms = 0;
    s->film_dur_ms = -1;
    s->film_bar.active = false;
    bool paused = !s->st->autoplay; /* media.autoplay false: it waits for the visitor's play */
    if (s->film_paused != paused || s->film_ex != s->exhibition || s->film_slide != s->slide)
        s->dirty = true;
    s->film_paused = paused;
    s->film_ex = s->exhibition;
    s->film_slide = s->slide;
}

void show_film_state(Show *s, const SlideMedia *m, bool playing, int position_ms, int duration_ms,
                     uint64_t now)
{
    if (now > s->now)
        s->now = now;
    s->film_playing = playing && s->screen == SCREEN_SLIDE;
    kiosk_watching(&s->kiosk, s->film_playing, s->now);
    const Exhibition *ex = show_current(s);
    if (!m || position_ms < 0 || s->screen != SCREEN_SLIDE || !ex || s->slide < 0 || s->slide >= ex->n_slides ||
        m != &ex->slides[s->slide].media)
        return; /* not known yet, or the film of a slide turned away from */
    bool known = film_known(s);
    int pos = known ? s->film_pos_ms : -1, dur = known ? s->film_dur_ms : -1;
    s->film_time_ex = s->exhibition;
    s->film_time_slide = s->slide;
    /* the bar shows its second and the length; the presenter view whole seconds */
    if (duration_ms != dur || (!s->film_bar.active && position_ms / 1000 != pos / 1000))
        s->dirty = true;
    if (position_ms / 1000 != pos / 1000 || duration_ms / 1000 != dur / 1000 || !known)
        s->presenter_dirty = true;
    s->film_dur_ms = duration_ms;
    if (!s->film_bar.active) /* the finger says where the film is while it drags */
        s->film_pos_ms = position_ms;
}

void show_sound_ended(Show *s)
{
    if (!s->narration_on)
        return;
    s->narration_on = false; /* its button shows play again; the next press starts it anew */
    s->dirty = true;
}

const SlideMedia *show_narration(const Show *s)
{
    const Exhibition *ex = show_current(s);
    return narrating(s) && show_slide_sound(s, NULL) == SOUND_NARRATION ? &ex->slides[s->slide].media
                                                                         : NULL;
}

bool show_read_aloud(const Show *s, ReadAloud *out)
{
    bool on = narrating(s) && show_slide_sound(s, out) == SOUND_SPEECH;
    if (!on)
        out->n = 0;
    return on;
}

int show_film_seek_ms(const Show *s)
{
    return s->film_seek_ms;
}

int show_film_volume(const Show *s)
{
    return s->film_volume;
}

bool show_take_swap_request(Show *s)
{
    bool r = s->swap_request;
    s->swap_request = false;
    return r;
}

int show_state_json(const Show *s, uint64_t now, char *buf, size_t n)
{
    const Exhibition *ex = show_current(s);
    const Lecture *l = &s->lec;
    bool attract = kiosk_attract(&s->kiosk, show_idle_applies(s));
    static const char *const level_names[] = {"normal", "warn", "alert", "over"};
    int64_t elapsed = ltimer_elapsed(&l->timer, now);
    ShowStateLine line = {
        .screen = attract                   ? "attract"
                : s->screen == SCREEN_ADMIN ? "admin"
                : show_preparing(s)         ? "preparing"
                : s->screen == SCREEN_HOME  ? "home"
                : l->overview               ? "overview"
                : l->blank != BLANK_NONE    ? "blank"
                                            : "slide",
        .lecture = s->lecture_mode,
        .exhibition = ex ? ex->id : NULL,
        .slide = ex ? s->slide + 1 : 0,
        .slides = ex ? ex->n_slides : 0,
        .exhibitions = s->lib->n,
        .home_selection = s->home_sel + 1,
        .language = s->langs[s->lang],
        .zoom = s->zoom,
        .captions = s->captions,
        .running = s->running,
        .blank = l->blank,
        .overview_selection = l->overview_sel + 1,
        .timer_overlay = l->timer_overlay,
        .go_to = l->goto_digits ? l->goto_num : -1,
        .presenter = s->presenter,
        .admin = s->screen != SCREEN_ADMIN         ? NULL
               : s->now < s->admin.locked_until    ? "locked"
               : s->admin.stage == ADMIN_PIN       ? "pin"
               : s->admin.stage == ADMIN_MENU      ? "menu"
                                                   : "pick",
        .idle = kiosk_phase_name(&s->kiosk, show_idle_applies(s)),
        .large_text = s->large_text,
        .high_contrast = s->high_contrast,
        .problems = s->preview ? s->problems.n : -1,
        .waiting_for = s->waiting,
        .elapsed_ms = elapsed,
        .remaining_ms = ltimer_remaining(&l->timer, now),
        .timer_running = l->timer.running,
        .level = level_names[ltimer_level(&l->timer, now, l->warn_min, l->alert_min)],
        .has_pacing = s->lecture_mode && l->has_budgets && ex,
    };
    if (line.has_pacing)
        line.pacing_ms = ltimer_pacing(l->budgets, ex->n_slides, s->slide, elapsed);
    return show_state_format(&line, buf, n);
}

/* ---- for observers ---------------------------------------------------------- */

void show_snapshot(const Show *s, ShowSnapshot *out)
{
    const Exhibition *ex = show_current(s);
    *out = (ShowSnapshot){
        .screen = s->screen,
        .attract = kiosk_attract(&s->kiosk, show_idle_applies(s)),
        .exhibition = ex ? ex->id : NULL,
        .slides = ex ? ex->n_slides : 0,
        .slide = ex ? s->slide : -1,
        .lang = s->langs[s->lang],
        .zoom = s->zoom.z,
        .captions = s->captions,
        .lecture = s->lecture_mode,
        .inputs = s->kiosk.inputs,
        .last_input = s->kiosk.last_input,
        .resets = s->kiosk.resets,
        .unattended = show_idle_applies(s) && (s->kiosk.inputs == 0 || s->kiosk.idle.phase == IDLE_RESTING ||
                                               s->kiosk.idle.phase == IDLE_ATTRACT),
        .film_playing = s->film_playing,
        .film_ms = film_known(s) ? s->film_pos_ms : -1,
        .film_len_ms = film_known(s) ? s->film_dur_ms : -1,
    };
}

