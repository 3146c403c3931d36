/* show.c - see show.h */
#include "show.h"

#include "zoom.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin.h"
#include "cache_policy.h"
#include "gesture.h"
#include "idle.h"
#include "lang.h"

struct Show {
    const Library *lib;
    Measure measure;
    const char *langs[SCENE_MAX_LANGS];
    int n_langs;
    int lang;                 /* index into langs */
    bool allow_quit;

    Screen screen;
    int exhibition, slide;    /* current, 0-based; exhibition -1 on home */
    int home_sel;
    bool captions;
    bool large_text, high_contrast;     /* visitors' accessibility modes */
    bool large_default, contrast_default; /* what a reset returns to */
    bool hide_arrows, hide_language, hide_accessibility, hide_home;
    bool running;
    int w, h;

    GestureState gesture;
    LectureTimer timer;

    /* slides that follow the finger (kiosk) */
    float drag;               /* px the current slide is dragged to the right */
    float drag_base;          /* where the slide was when the finger caught it */
    int caption_scroll;       /* lines a long caption is scrolled */
    bool scrolling;           /* a finger is scrolling the caption */
    int scroll_base;
    bool dragging;
    float anim_from;          /* an animation brings the offset from this to 0 */
    uint64_t anim_t0;
    bool animating;
    uint64_t now;             /* time of the latest event */

    /* keys */
    KeyMap own_keys;          /* the built-in map, when the config gives none */
    const KeyMap *keys;
    int held_key;             /* auto-repeat: the key held, when it went down, */
    uint64_t held_since;      /* and when it last moved a slide */
    uint64_t held_moved;
    int hold_ms, every_ms;

    /* lecture */
    bool lecture_mode;        /* exhibitions open as lecture decks */
    int duration_min;         /* from the command line; 0 = the manifest's */
    int warn_min, alert_min;
    const char *notes_lang;
    Blank blank;
    Blank stop_blank;         /* the blank that start/stop made (so it can undo it) */
    bool overview;
    int overview_sel;
    bool timer_overlay;
    bool overlay_default;     /* the overlay as the settings have it at the start of a lecture */
    bool presenter;           /* a presenter display exists */
    int goto_num, goto_digits;
    uint64_t goto_t;          /* when the last digit was typed */
    int *budgets;             /* lecture_s of each slide of the current exhibition */
    bool has_budgets;
    Rehearsal rec;
    bool recording;
    char started[32];
    bool swap_request;
    Scene presenter_scene;
    bool presenter_dirty;
    bool base_lecture;        /* the mode vitrine was started in */
    bool lecture_changed;     /* a lecture began or ended: the platform opens or closes the presenter view */
    void (*lecture_ended)(void *ctx, const Rehearsal *r);
    void *ctx;

    /* a kiosk left alone */
    Idle idle;
    int start_lang;           /* the language a reset returns to */
    struct { int ex, slide; } *attract; /* the showcase: slides marked "attract", else covers */
    int n_attract;
    char *const *attract_cfg; /* the settings' playlist (ShowConfig.attract), kept for reloads */
    int n_attract_cfg;
    bool swallow;             /* this touch only woke the kiosk: it presses nothing */
    int shown_idle[3];        /* phase, seconds left / attract step, language step: last drawn */

    /* administrator */
    const char *pin_hash;     /* crypt(3) hash, or NULL: no PIN set */
    AdminStage admin_stage;
    char pin[ADMIN_PIN_MAX + 1];
    int pin_len;
    bool pin_wrong;
    int wrong_count;
    uint64_t locked_until;
    int admin_sel;
    uint64_t admin_seen;      /* last input on the admin screen */
    Screen admin_return;
    int64_t shown_second;     /* timer second last drawn */

    /* Images that failed to load: one flag per slide, plus the cover, per
     * exhibition; failed_off[i] is where exhibition i's flags start (cover
     * first). */
    unsigned char *failed;
    int *failed_off;

    /* zoom into the current slide's image */
    ZoomView zoom;
    ZoomView zoom0;           /* where a pinch or a pan began */
    unsigned pinch_serial;    /* the gesture's pinch being followed */
    bool panning;             /* one finger moves the zoomed image */
    float pan_x0, pan_y0;
    /* natural sizes of recently loaded images (the platform reports them) */
    struct { int ex, slide, w, h; } sizes[32];
    int n_sizes, next_size;
    /* a tap on the picture waits to see whether a second one follows */
    bool tap_pending;
    int travel;               /* +1 paging forward, -1 back: where to prefetch */
    Action tap_action;
    int tap_arg;
    uint64_t tap_t;
    /* --preview: the latest load's problems, on a banner instead of the slide */
    bool preview;
    char **problems;          /* "file:line:col: error: message", owned */
    int n_problems;

    Scene scene;
    bool dirty;

    /* for observers (show_snapshot): visitors' inputs and idle resets */
    unsigned long visitor_inputs;
    uint64_t last_visitor_input;
    unsigned long idle_resets;
};

#define ADMIN_LONG_PRESS_MS 3000  /* a press this long in the top-left corner opens the PIN pad */
#define ADMIN_CORNER_PX 120       /* the corner's size at 1080p */
#define ADMIN_TIMEOUT_MS 60000    /* an admin screen left alone closes itself */
#define ADMIN_MAX_WRONG 5         /* wrong PINs in a row before a pause */
#define ADMIN_LOCK_MS 60000
#define SLIDE_ANIM_MS 250         /* a page turn or a spring back */
#define FRAME_MS 16               /* animation frames, about 60 a second */
#define EDGE_RESISTANCE 0.3f      /* dragging past the first or last slide moves this much */
#define GOTO_TIMEOUT_MS 4000   /* digits typed for "number + Enter" are forgotten after this */
#define GOTO_MAX_DIGITS 4

/* ---- life cycle --------------------------------------------------------- */

static bool image_failed_cb(void *ctx, int ex, int slide)
{
    const Show *s = ctx;
    if (!s->failed || ex < 0 || ex >= s->lib->n || slide < -1 || slide >= s->lib->items[ex]->n_slides)
        return false;
    return s->failed[s->failed_off[ex] + 1 + slide];
}

/* One "failed" flag per slide and cover of every exhibition of s->lib, all
 * clear. false on out of memory. */
static bool make_failed(Show *s)
{
    const Library *lib = s->lib;
    free(s->failed);
    free(s->failed_off);
    int total = 0;
    for (int i = 0; i < lib->n; i++)
        total += lib->items[i]->n_slides + 1;
    s->failed = calloc((size_t)total + 1, 1);
    s->failed_off = calloc((size_t)lib->n + 1, sizeof *s->failed_off);
    if (!s->failed || !s->failed_off) {
        free(s->failed);
        free(s->failed_off);
        s->failed = NULL; /* no flags: images are simply tried again */
        s->failed_off = NULL;
        return false;
    }
    for (int i = 0, off = 0; i < lib->n; i++) {
        s->failed_off[i] = off;
        off += lib->items[i]->n_slides + 1;
    }
    return true;
}

/* The attract loop's playlist for s->lib: the settings' entries, else the
 * slides curators marked, else the covers. false on out of memory. */
static bool build_attract(Show *s)
{
    const Library *lib = s->lib;
    free(s->attract);
    s->n_attract = 0;
    int cap = s->n_attract_cfg;
    for (int i = 0; i < lib->n; i++)
        cap += lib->items[i]->n_slides + 1;
    s->attract = calloc((size_t)cap + 1, sizeof *s->attract);
    if (!s->attract)
        return false;
    /* the settings' playlist first: "id" or "id:N" */
    for (int i = 0; i < s->n_attract_cfg && s->n_attract < cap; i++) {
        char id[256];
        snprintf(id, sizeof id, "%s", s->attract_cfg[i]);
        char *colon = strrchr(id, ':');
        int slide = -1;
        if (colon) {
            char *end;
            long n = strtol(colon + 1, &end, 10);
            if (*end == '\0' && n >= 1) {
                slide = (int)n - 1;
                *colon = '\0';
            }
        }
        int ex = library_find(lib, id);
        if (ex < 0 || slide >= lib->items[ex]->n_slides)
            continue;
        s->attract[s->n_attract].ex = ex;
        s->attract[s->n_attract++].slide = slide;
    }
    bool chosen = s->n_attract > 0; /* the settings chose: the manifests' marks do not add */
    for (int i = 0; !chosen && i < lib->n; i++)
        for (int k = 0; k < lib->items[i]->n_slides; k++)
            if (lib->items[i]->slides[k].attract) {
                s->attract[s->n_attract].ex = i;
                s->attract[s->n_attract++].slide = k;
            }
    if (s->n_attract == 0) /* no slide chosen by the curators: the covers */
        for (int i = 0; i < lib->n; i++) {
            s->attract[s->n_attract].ex = i;
            s->attract[s->n_attract++].slide = -1;
        }
    return true;
}

Show *show_create(const Library *lib, const ShowConfig *cfg, const Measure *measure, int w, int h)
{
    Show *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->lib = lib;
    s->measure = *measure;
    if (cfg && cfg->n_langs > 0) {
        for (int i = 0; i < cfg->n_langs && i < SCENE_MAX_LANGS; i++)
            s->langs[s->n_langs++] = cfg->langs[i];
    } else {
        s->n_langs = lang_defaults(s->langs, SCENE_MAX_LANGS);
    }
    s->allow_quit = cfg && cfg->allow_quit;
    if (cfg && cfg->keys) {
        s->keys = cfg->keys;
    } else if (keymap_init_default(&s->own_keys)) {
        s->keys = &s->own_keys;
    } else {
        free(s);
        return NULL;
    }
    s->hold_ms = cfg && cfg->repeat_hold_ms > 0 ? cfg->repeat_hold_ms : 700;
    s->every_ms = cfg && cfg->repeat_every_ms > 0 ? cfg->repeat_every_ms : 300;
    s->lecture_mode = s->base_lecture = cfg && cfg->lecture;
    s->pin_hash = cfg ? cfg->admin_pin_hash : NULL;
    s->lecture_ended = cfg ? cfg->lecture_ended : NULL;
    s->preview = cfg && cfg->preview;
    s->ctx = cfg ? cfg->ctx : NULL;
    s->duration_min = cfg ? cfg->duration_min : 0;
    s->warn_min = cfg && (cfg->warn_min || cfg->alert_min) ? cfg->warn_min : 5;
    s->alert_min = cfg && (cfg->warn_min || cfg->alert_min) ? cfg->alert_min : 1;
    s->timer_overlay = s->overlay_default = cfg && cfg->timer_overlay;
    s->notes_lang = cfg ? cfg->notes_lang : NULL;
    snprintf(s->started, sizeof s->started, "%s", cfg && cfg->started ? cfg->started : "");
    s->shown_second = -1;
    s->screen = SCREEN_HOME;
    s->exhibition = -1;
    s->captions = true;
    s->large_text = s->large_default = cfg && cfg->large_text;
    s->high_contrast = s->contrast_default = cfg && cfg->high_contrast;
    if (cfg) {
        s->hide_arrows = cfg->hide_arrows;
        s->hide_language = cfg->hide_language;
        s->hide_accessibility = cfg->hide_accessibility;
        s->hide_home = cfg->hide_home;
    }
    s->running = true;
    s->w = w;
    s->h = h;
    gesture_init(&s->gesture, w, h);
    ltimer_init(&s->timer, 0);

    if (!make_failed(s)) {
        show_free(s);
        return NULL;
    }
    if (cfg && cfg->start_lang)
        show_set_lang(s, cfg->start_lang);
    s->start_lang = s->lang;
    IdleConfig ic = {cfg ? cfg->idle_timeout_ms : 0, cfg ? cfg->idle_warning_ms : 0,
                     cfg ? cfg->attract_delay_ms : 0};
    idle_init(&s->idle, &ic, 0);
    s->attract_cfg = cfg ? cfg->attract : NULL;
    s->n_attract_cfg = cfg ? cfg->n_attract : 0;
    if (!build_attract(s)) {
        show_free(s);
        return NULL;
    }
    scene_init(&s->scene);
    scene_init(&s->presenter_scene);
    s->dirty = true;
    return s;
}

void show_free(Show *s)
{
    if (!s)
        return;
    scene_free(&s->scene);
    scene_free(&s->presenter_scene);
    keymap_free(&s->own_keys);
    if (s->recording)
        rehearsal_free(&s->rec);
    free(s->budgets);
    free(s->attract);
    free(s->failed);
    free(s->failed_off);
    show_set_problems(s, NULL, NULL);
    free(s);
}

/* ---- navigation --------------------------------------------------------- */

static const Exhibition *current(const Show *s)
{
    return s->exhibition >= 0 ? s->lib->items[s->exhibition] : NULL;
}

static void go_slide(Show *s, int slide)
{
    const Exhibition *ex = current(s);
    if (!ex)
        return;
    if (slide < 0)
        slide = 0;
    if (slide >= ex->n_slides)
        slide = ex->n_slides - 1;
    if (slide != s->slide) {
        s->slide = slide;
        s->caption_scroll = 0;
        s->zoom = ZOOM_NONE;
        s->panning = false;
        s->tap_pending = false;
        s->dirty = true;
    }
}

/* ---- zoom ------------------------------------------------------------------ */

static bool image_size(const Show *s, int ex, int slide, int *w, int *h)
{
    for (int i = 0; i < s->n_sizes; i++)
        if (s->sizes[i].ex == ex && s->sizes[i].slide == slide) {
            *w = s->sizes[i].w;
            *h = s->sizes[i].h;
            return true;
        }
    return false;
}

static void remember_size(Show *s, int ex, int slide, int w, int h)
{
    int i, n = (int)(sizeof s->sizes / sizeof s->sizes[0]);
    for (i = 0; i < s->n_sizes; i++)
        if (s->sizes[i].ex == ex && s->sizes[i].slide == slide)
            break;
    if (i == s->n_sizes) {
        i = s->n_sizes < n ? s->n_sizes++ : s->next_size;
        s->next_size = (i + 1) % n;
    }
    s->sizes[i].ex = ex;
    s->sizes[i].slide = slide;
    s->sizes[i].w = w;
    s->sizes[i].h = h;
}

/* The current slide's picture, when it can be zoomed: where it is on screen
 * and its size in pixels (known once the platform has loaded it). */
static SceneView make_view(Show *s, int w, int h);

static bool zoom_target(Show *s, Rect *area, int *iw, int *ih)
{
    const Exhibition *ex = s->exhibition >= 0 ? s->lib->items[s->exhibition] : NULL;
    if (!ex || s->screen != SCREEN_SLIDE || s->overview || s->blank != BLANK_NONE || s->slide < 0 ||
        s->slide >= ex->n_slides)
        return false;
    ImageRequest req;
    SceneView v = make_view(s, s->w, s->h);
    if (!image_size(s, s->exhibition, s->slide, iw, ih) || !scene_slide_image(&v, s->slide, &req))
        return false;
    /* the picture's area as the scene draws it (scene_slide_image), worked
     * out without building the scene at every finger move */
    *area = req.r;
    area->x += v.offset;
    return area->w > 0 && area->h > 0;
}

static void set_zoom(Show *s, ZoomView v)
{
    if (v.z != s->zoom.z || v.cx != s->zoom.cx || v.cy != s->zoom.cy) {
        s->zoom = v;
        s->dirty = true;
    }
}

static void reset_zoom(Show *s)
{
    s->panning = false;
    set_zoom(s, ZOOM_NONE);
}

/* Zoom to z about screen point (px, py), or the picture's centre (px < 0). */
static void zoom_to(Show *s, float z, float px, float py)
{
    Rect a;
    int iw, ih;
    if (!zoom_target(s, &a, &iw, &ih))
        return;
    if (px < 0) {
        px = (float)a.x + (float)a.w / 2;
        py = (float)a.y + (float)a.h / 2;
    }
    set_zoom(s, zoom_about(a, iw, ih, s->zoom, z, px, py, 0, 0));
}

/* Two fingers on the picture: it grows with their spread, and the point
 * under them follows their midpoint. */
static void follow_pinch(Show *s)
{
    float k, mx, my, mx0, my0;
    Rect a;
    int iw, ih;
    if (!gesture_pinch(&s->gesture, &k, &mx, &my, &mx0, &my0) || !zoom_target(s, &a, &iw, &ih))
        return;
    if (s->gesture.pinch_serial != s->pinch_serial) { /* a new pinch */
        s->pinch_serial = s->gesture.pinch_serial;
        s->zoom0 = s->zoom;
        s->panning = false;
    }
    set_zoom(s, zoom_about(a, iw, ih, s->zoom0, s->zoom0.z * k, mx0, my0, mx - mx0, my - my0));
}

/* One finger on a zoomed picture moves it (and never turns the page). */
static bool follow_pan(Show *s)
{
    GestureState *g = &s->gesture;
    Rect a;
    int iw, ih;
    if (!zoom_active(s->zoom) || !g->tracking || g->n_down != 1 || (g->cancelled && !s->panning) ||
        !zoom_target(s, &a, &iw, &ih))
        return false;
    if (!s->panning) {
        float dx = g->x - g->x0, dy = g->y - g->y0;
        float slop = 0.02f * (float)(s->w < s->h ? s->w : s->h);
        if (!rect_contains(a, g->x0, g->y0) || dx * dx + dy * dy < slop * slop)
            return rect_contains(a, g->x0, g->y0); /* not yet a pan, but no page turn either */
        s->panning = true;
        s->zoom0 = s->zoom;
        g->cancelled = true; /* its release is neither a tap nor a swipe */
    }
    set_zoom(s, zoom_about(a, iw, ih, s->zoom0, s->zoom0.z, g->x0, g->y0, g->x - g->x0, g->y - g->y0));
    return true;
}

/* A tap waiting to see whether a second one makes it a double tap. */
static void run_action(Show *s, Action a, int arg);

static void flush_tap(Show *s, bool force)
{
    if (!s->tap_pending)
        return;
    const GestureState *g = &s->gesture;
    uint64_t due = s->tap_t + GESTURE_DOUBLE_TAP_MS;
    /* a finger that came down in time may still make it a double tap */
    bool second_coming = g->n_down > 0 && g->t0 <= due;
    if (!force && (s->now < due || second_coming))
        return;
    s->tap_pending = false;
    run_action(s, s->tap_action, s->tap_arg);
}

/* ---- slides that move ------------------------------------------------------ */

/* Where the current slide is drawn now (px to the right). */
static float slide_offset(const Show *s)
{
    if (s->dragging)
        return s->drag;
    if (!s->animating)
        return 0.0f;
    uint64_t t = s->now > s->anim_t0 ? s->now - s->anim_t0 : 0;
    if (t >= SLIDE_ANIM_MS)
        return 0.0f;
    float p = (float)t / SLIDE_ANIM_MS;
    float ease = 1.0f - (1.0f - p) * (1.0f - p) * (1.0f - p); /* ease-out: quick, then settling */
    return s->anim_from * (1.0f - ease);
}

static void animate_from(Show *s, float from)
{
    s->anim_from = from;
    s->anim_t0 = s->now;
    s->animating = from != 0.0f;
    s->dirty = true;
}

/* While one finger drags sideways on a slide, the slide follows it. */
static void follow_finger(Show *s)
{
    if (follow_pan(s))
        return;
    const GestureState *g = &s->gesture;
    bool can = !s->lecture_mode && s->screen == SCREEN_SLIDE && s->exhibition >= 0 && g->tracking &&
               !g->cancelled && g->n_down == 1;
    if (!can) {
        if (s->dragging && g->n_down > 1) { /* a second finger: not a page turn */
            s->dragging = false;
            animate_from(s, s->drag);
        }
        return;
    }
    float dx = g->x - g->x0, dy = g->y - g->y0;
    float slop = 0.02f * (float)(s->w < s->h ? s->w : s->h);
    /* up and down on a long caption scrolls it, a line at a time */
    const Scene *sc = &s->scene;
    if (!s->dragging && (s->scrolling || (fabsf(dy) >= slop && fabsf(dy) > fabsf(dx) &&
                                          sc->scroll_area.w > 0 && rect_contains(sc->scroll_area, g->x0, g->y0)))) {
        if (!s->scrolling) {
            s->scrolling = true;
            s->scroll_base = s->caption_scroll;
        }
        int to = s->scroll_base - (int)lroundf(dy / (float)(sc->scroll_line > 0 ? sc->scroll_line : 1));
        if (to < 0)
            to = 0;
        if (to > sc->scroll_max)
            to = sc->scroll_max;
        if (to != s->caption_scroll) {
            s->caption_scroll = to;
            s->dirty = true;
        }
        return;
    }
    if (!s->dragging && (fabsf(dx) < slop || fabsf(dx) < fabsf(dy)))
        return;
    const Exhibition *ex = s->lib->items[s->exhibition];
    float d = s->drag_base + dx;
    if ((d > 0 && s->slide == 0) || (d < 0 && s->slide == ex->n_slides - 1))
        d *= EDGE_RESISTANCE; /* nothing there: it gives a little, and comes back */
    if (!s->dragging || d != s->drag) {
        s->dragging = true;
        s->animating = false;
        s->drag = d;
        s->dirty = true;
    }
}

/* Go to a slide as a visitor does: it slides in from the side it lies on,
 * continuing from wherever the finger or a running animation left it. In
 * lectures slides change at once (lecturers and their audience prefer it). */
static void navigate(Show *s, int to)
{
    const Exhibition *ex = s->exhibition >= 0 ? s->lib->items[s->exhibition] : NULL;
    if (!ex)
        return;
    if (to < 0)
        to = 0;
    if (to >= ex->n_slides)
        to = ex->n_slides - 1;
    float off = slide_offset(s);
    s->dragging = false;
    if (to == s->slide) {
        if (off != 0.0f)
            animate_from(s, off); /* spring back */
        return;
    }
    bool animated = !s->lecture_mode && s->screen == SCREEN_SLIDE;
    int from = s->slide;
    s->travel = to < from ? -1 : 1;
    go_slide(s, to);
    if (animated)
        animate_from(s, off + (to > from ? (float)s->w : -(float)s->w));
}

/* In a lecture the timer starts with the first move onwards (or the start key). */
static void lecture_advance(Show *s, int to)
{
    if (s->exhibition >= 0 && s->lecture_mode && to > s->slide && !s->timer.running &&
        ltimer_elapsed(&s->timer, s->now) == 0)
        ltimer_start(&s->timer, s->now);
    navigate(s, to);
}

/* The lecture budgets (lecture_s) of ex's slides. */
static void load_budgets(Show *s, const Exhibition *ex)
{
    free(s->budgets);
    s->budgets = calloc((size_t)ex->n_slides, sizeof *s->budgets);
    s->has_budgets = false;
    for (int k = 0; s->budgets && k < ex->n_slides; k++) {
        s->budgets[k] = ex->slides[k].lecture_s;
        s->has_budgets |= s->budgets[k] > 0;
    }
}

static void open_exhibition(Show *s, int i, int slide)
{
    if (i < 0 || i >= s->lib->n)
        return;
    const Exhibition *ex = s->lib->items[i];
    s->screen = SCREEN_SLIDE;
    s->exhibition = i;
    s->home_sel = i;
    s->slide = -1;
    int minutes = s->duration_min > 0 ? s->duration_min : ex->lecture_duration_min;
    ltimer_init(&s->timer, (int64_t)minutes * 60000);
    s->blank = s->stop_blank = BLANK_NONE;
    s->overview = false;
    s->goto_num = s->goto_digits = 0;
    load_budgets(s, ex);
    if (s->recording) {
        rehearsal_free(&s->rec);
        s->recording = false;
    }
    if (s->lecture_mode)
        s->recording = rehearsal_begin(&s->rec, ex, (int64_t)minutes * 60000, s->started);
    go_slide(s, slide);
    s->dirty = true;
}

static void go_home(Show *s)
{
    s->zoom = ZOOM_NONE;
    s->panning = false;
    s->tap_pending = false;
    if (s->exhibition >= 0)
        s->home_sel = s->exhibition;
    s->screen = SCREEN_HOME;
    s->exhibition = -1;
    s->slide = 0;
    s->dirty = true;
}

static void select_card(Show *s, int sel)
{
    int n = s->lib->n;
    if (n == 0)
        return;
    if (sel < 0)
        sel = 0;
    if (sel >= n)
        sel = n - 1;
    if (sel != s->home_sel) {
        s->home_sel = sel;
        s->dirty = true;
    }
}

static void set_blank(Show *s, Blank b)
{
    if (s->blank != b) {
        s->blank = b;
        s->dirty = true;
        s->presenter_dirty = true;
    }
}

static int n_current(const Show *s)
{
    return current(s) ? current(s)->n_slides : 0;
}

static void overview_select(Show *s, int sel)
{
    int n = n_current(s);
    if (sel < 0)
        sel = 0;
    if (sel >= n)
        sel = n - 1;
    if (sel != s->overview_sel) {
        s->overview_sel = sel;
        s->dirty = true;
    }
}

/* ---- administrator ---------------------------------------------------------- */

static void forget_pin(Show *s)
{
    memset(s->pin, 0, sizeof s->pin);
    s->pin_len = 0;
}

static void open_admin(Show *s)
{
    if (s->screen != SCREEN_ADMIN)
        s->admin_return = s->screen;
    s->screen = SCREEN_ADMIN;
    s->admin_stage = s->pin_hash ? ADMIN_PIN : ADMIN_MENU;
    s->admin_sel = 0;
    s->pin_wrong = false;
    s->admin_seen = s->now;
    forget_pin(s);
    s->overview = false;
    s->dirty = true;
}

static void close_admin(Show *s)
{
    if (s->screen != SCREEN_ADMIN)
        return;
    forget_pin(s);
    s->screen = s->admin_return;
    if (s->screen == SCREEN_SLIDE && s->exhibition < 0)
        s->screen = SCREEN_HOME;
    s->dirty = true;
}

static void end_lecture(Show *s)
{
    if (s->recording) {
        if (s->lecture_ended)
            s->lecture_ended(s->ctx, &s->rec);
        rehearsal_free(&s->rec);
        s->recording = false;
    }
    s->lecture_mode = s->base_lecture;
    s->blank = s->stop_blank = BLANK_NONE;
    if (!s->lecture_mode) { /* nothing of this lecture carries into the kiosk or the next one */
        ltimer_init(&s->timer, 0);
        s->overview = false;
        s->overview_sel = 0;
        s->goto_num = s->goto_digits = 0;
        s->timer_overlay = s->overlay_default;
    }
    s->lecture_changed = true;
}

/* The menu's entries in order, as actions. */
static int admin_items(const Show *s, Action *acts, int *args, int max)
{
    int n = 0;
    if (s->admin_stage == ADMIN_MENU) {
        acts[n] = s->lecture_mode ? ACT_ADMIN_END_LECTURE : ACT_ADMIN_PICK;
        args[n++] = 0;
        acts[n] = ACT_ADMIN_EXIT;
        args[n++] = 0;
        acts[n] = ACT_ADMIN_CLOSE;
        args[n++] = 0;
    } else if (s->admin_stage == ADMIN_PICK) {
        for (int i = 0; i < s->lib->n && n < max - 1; i++) {
            acts[n] = ACT_ADMIN_LECTURE;
            args[n++] = i;
        }
        acts[n] = ACT_ADMIN_CLOSE;
        args[n++] = 0;
    }
    return n;
}

static void admin_action(Show *s, Action a, int arg)
{
    s->admin_seen = s->now;
    s->dirty = true;
    switch (a) {
    case ACT_PIN_DIGIT:
        if (s->admin_stage == ADMIN_PIN && s->now >= s->locked_until && s->pin_len < ADMIN_PIN_MAX &&
            arg >= 0 && arg <= 9) {
            s->pin[s->pin_len++] = (char)('0' + arg);
            s->pin_wrong = false;
        }
        break;
    case ACT_PIN_BACK:
        if (s->pin_len > 0)
            s->pin[--s->pin_len] = '\0';
        break;
    case ACT_PIN_OK:
        if (s->admin_stage != ADMIN_PIN || s->now < s->locked_until || s->pin_len == 0)
            break;
        if (admin_check_pin(s->pin, s->pin_hash)) {
            s->admin_stage = ADMIN_MENU;
            s->admin_sel = 0;
            s->wrong_count = 0;
        } else {
            s->pin_wrong = true;
            if (++s->wrong_count >= ADMIN_MAX_WRONG) {
                s->locked_until = s->now + ADMIN_LOCK_MS;
                s->wrong_count = 0;
            }
        }
        forget_pin(s);
        break;
    case ACT_SEL_NEXT:
    case ACT_SEL_PREV: {
        Action acts[64];
        int args[64];
        int n = admin_items(s, acts, args, 64);
        if (n > 0)
            s->admin_sel = (s->admin_sel + (a == ACT_SEL_NEXT ? 1 : n - 1)) % n;
        break;
    }
    case ACT_SELECT: {
        Action acts[64];
        int args[64];
        int n = admin_items(s, acts, args, 64);
        if (s->admin_stage == ADMIN_PIN)
            admin_action(s, ACT_PIN_OK, 0);
        else if (s->admin_sel < n)
            admin_action(s, acts[s->admin_sel], args[s->admin_sel]);
        break;
    }
    case ACT_ADMIN_PICK:
        s->admin_stage = ADMIN_PICK;
        s->admin_sel = 0;
        break;
    case ACT_ADMIN_LECTURE:
        if (arg < 0 || arg >= s->lib->n)
            break;
        s->screen = SCREEN_SLIDE;
        s->lecture_mode = true;
        s->lecture_changed = true;
        open_exhibition(s, arg, 0);
        break;
    case ACT_ADMIN_END_LECTURE:
        end_lecture(s);
        s->admin_return = SCREEN_HOME;
        go_home(s);
        close_admin(s);
        break;
    case ACT_ADMIN_EXIT:
        s->running = false;
        break;
    case ACT_ADMIN_CLOSE:
        close_admin(s);
        break;
    case ACT_LANG:
        if (arg >= 0 && arg < s->n_langs)
            s->lang = arg;
        break;
    case ACT_LANG_NEXT:
        s->lang = (s->lang + 1) % s->n_langs;
        break;
    case ACT_QUIT:
        if (s->allow_quit)
            s->running = false;
        break;
    default:
        break; /* visitors' and lecturers' actions do nothing here */
    }
}

/* A long press in the top-left corner opens the PIN pad: visitors do not
 * find it by accident, and without a PIN it does nothing at all. */
static void check_long_press(Show *s)
{
    GestureState *g = &s->gesture;
    if (!s->pin_hash || s->screen == SCREEN_ADMIN || !g->tracking || g->cancelled || g->n_down != 1)
        return;
    float u = (float)(s->w < s->h * 16 / 9 ? s->w : s->h * 16 / 9) / 1920.0f;
    float corner = ADMIN_CORNER_PX * u;
    float dx = g->x - g->x0, dy = g->y - g->y0;
    if (g->x0 > corner || g->y0 > corner || dx * dx + dy * dy > corner * corner / 4)
        return;
    if (s->now >= g->t0 + ADMIN_LONG_PRESS_MS) {
        g->cancelled = true; /* the finger's release must not also tap */
        open_admin(s);
    }
}

static void run_action(Show *s, Action a, int arg)
{
    if (s->screen == SCREEN_ADMIN) {
        admin_action(s, a, arg);
        return;
    }
    bool lecture = s->lecture_mode && s->screen == SCREEN_SLIDE;
    /* While the screen is blank, paging only brings the slide back: the
     * audience should not miss the slide that was hidden. */
    if (lecture && s->blank != BLANK_NONE &&
        (a == ACT_NEXT || a == ACT_PREV || a == ACT_FIRST || a == ACT_LAST)) {
        set_blank(s, BLANK_NONE);
        s->stop_blank = BLANK_NONE;
        return;
    }
    switch (a) {
    case ACT_NONE: break;
    case ACT_NEXT: lecture_advance(s, s->slide + 1); break;
    case ACT_PREV: navigate(s, s->slide - 1); break;
    case ACT_FIRST: navigate(s, 0); break;
    case ACT_LAST: lecture_advance(s, n_current(s) - 1); break;
    case ACT_HOME: /* zoomed in, the home control first brings the whole picture back */
        if (zoom_active(s->zoom))
            reset_zoom(s);
        else
            go_home(s);
        break;
    case ACT_ZOOM_IN: zoom_to(s, s->zoom.z * ZOOM_STEP, -1, -1); break;
    case ACT_ZOOM_OUT:
        if (s->zoom.z / ZOOM_STEP <= 1.0001f)
            reset_zoom(s);
        else
            zoom_to(s, s->zoom.z / ZOOM_STEP, -1, -1);
        break;
    case ACT_OPEN: open_exhibition(s, arg, 0); break;
    case ACT_LANG:
        if (arg >= 0 && arg < s->n_langs && arg != s->lang) {
            s->lang = arg;
            s->caption_scroll = 0;
            s->dirty = true;
        }
        break;
    case ACT_LANG_NEXT:
        s->lang = (s->lang + 1) % s->n_langs;
        s->caption_scroll = 0;
        s->dirty = true;
        break;
    case ACT_SEL_NEXT:
        if (s->overview) overview_select(s, s->overview_sel + 1);
        else select_card(s, s->home_sel + 1);
        break;
    case ACT_SEL_PREV:
        if (s->overview) overview_select(s, s->overview_sel - 1);
        else select_card(s, s->home_sel - 1);
        break;
    case ACT_SEL_FIRST:
        if (s->overview) overview_select(s, 0);
        else select_card(s, 0);
        break;
    case ACT_SEL_LAST:
        if (s->overview) overview_select(s, n_current(s) - 1);
        else select_card(s, s->lib->n - 1);
        break;
    case ACT_SEL_UP:
    case ACT_SEL_DOWN: {
        int cols = scene_overview_cols(n_current(s), s->w, s->h);
        int to = s->overview_sel + (a == ACT_SEL_UP ? -cols : cols);
        if (to >= 0 && to < n_current(s))
            overview_select(s, to);
        break;
    }
    case ACT_SELECT:
        if (s->overview) {
            s->overview = false;
            lecture_advance(s, s->overview_sel);
            s->dirty = true;
        } else {
            open_exhibition(s, s->home_sel, 0);
        }
        break;
    case ACT_GOTO:
        s->overview = false;
        lecture_advance(s, arg);
        s->dirty = true;
        break;
    case ACT_TOGGLE_CAPTIONS:
        s->captions = !s->captions;
        s->dirty = true;
        break;
    case ACT_LARGE_TEXT:
        s->large_text = !s->large_text;
        s->dirty = true;
        break;
    case ACT_HIGH_CONTRAST:
        s->high_contrast = !s->high_contrast;
        s->dirty = true;
        break;
    case ACT_QUIT:
        if (s->allow_quit)
            s->running = false;
        break;
    case ACT_ADMIN:
        open_admin(s);
        break;
    case ACT_PIN_DIGIT:
    case ACT_PIN_BACK:
    case ACT_PIN_OK:
    case ACT_ADMIN_CLOSE:
    case ACT_ADMIN_PICK:
    case ACT_ADMIN_LECTURE:
    case ACT_ADMIN_END_LECTURE:
    case ACT_ADMIN_EXIT:
        break; /* only on the admin screen */
    case ACT_BLACK:
        if (lecture)
            set_blank(s, s->blank == BLANK_BLACK ? BLANK_NONE : BLANK_BLACK);
        s->stop_blank = BLANK_NONE;
        break;
    case ACT_WHITE:
        if (lecture)
            set_blank(s, s->blank == BLANK_WHITE ? BLANK_NONE : BLANK_WHITE);
        s->stop_blank = BLANK_NONE;
        break;
    case ACT_START_STOP:
        if (!lecture)
            break;
        /* Before the lecture has begun, "start" starts the timer on the
         * title slide; after that the button toggles presenting/blank. It
         * never quits. */
        if (!s->timer.running && ltimer_elapsed(&s->timer, s->now) == 0 && s->blank == BLANK_NONE) {
            ltimer_start(&s->timer, s->now);
            s->presenter_dirty = true;
            s->dirty |= s->timer_overlay;
        } else if (s->blank == BLANK_NONE) {
            set_blank(s, BLANK_BLACK);
            s->stop_blank = BLANK_BLACK;
        } else {
            set_blank(s, BLANK_NONE);
            s->stop_blank = BLANK_NONE;
        }
        break;
    case ACT_OVERVIEW:
        if (!lecture)
            break;
        s->overview = !s->overview;
        s->overview_sel = s->slide;
        s->dirty = true;
        break;
    case ACT_TIMER_OVERLAY:
        if (lecture) {
            s->timer_overlay = !s->timer_overlay;
            s->dirty = true;
        }
        break;
    case ACT_TIMER_PAUSE:
        if (!lecture)
            break;
        if (s->timer.running)
            ltimer_pause(&s->timer, s->now);
        else
            ltimer_start(&s->timer, s->now);
        s->dirty |= s->timer_overlay;
        s->presenter_dirty = true;
        break;
    case ACT_TIMER_RESET:
        if (!lecture)
            break;
        ltimer_reset(&s->timer);
        s->dirty |= s->timer_overlay;
        s->presenter_dirty = true;
        break;
    case ACT_SWAP_DISPLAYS:
        if (lecture)
            s->swap_request = true;
        break;
    case ACT_DIGIT:
    case ACT__COUNT:
        break;
    }
}

static void on_gesture(Show *s, const Gesture *g)
{
    Rect a;
    int iw, ih;
    bool on_picture = zoom_target(s, &a, &iw, &ih) && rect_contains(a, g->x, g->y);
    if (g->kind == GESTURE_DOUBLE_TAP && on_picture && !s->lecture_mode) {
        s->tap_pending = false; /* the first tap of the pair does nothing */
        if (zoom_active(s->zoom))
            reset_zoom(s);
        else
            zoom_to(s, ZOOM_DOUBLE_TAP, g->x, g->y);
        return;
    }
    flush_tap(s, true);
    switch (g->kind) {
    case GESTURE_TAP:
    case GESTURE_DOUBLE_TAP: { /* off the picture, the second tap is a tap like the first */
        /* Hit-testing needs the current scene, but building it here is not
         * drawing it: keep a change the renderer has not fetched yet dirty. */
        bool undrawn = s->dirty;
        const HitTarget *t = scene_hit(show_scene(s), g->x, g->y);
        s->dirty = undrawn;
        if (!t)
            break;
        if (on_picture && t->arg == SCENE_HIT_ZONE && !s->lecture_mode) {
            /* a page turn by tapping the picture waits: it may be a double tap */
            s->tap_pending = true;
            s->tap_action = t->action;
            s->tap_arg = t->arg;
            s->tap_t = s->now;
            break;
        }
        run_action(s, t->action, t->arg);
        break;
    }
    case GESTURE_SWIPE_LEFT:
        run_action(s, s->screen == SCREEN_SLIDE && !s->overview ? ACT_NEXT : ACT_SEL_NEXT, 0);
        break;
    case GESTURE_SWIPE_RIGHT:
        run_action(s, s->screen == SCREEN_SLIDE && !s->overview ? ACT_PREV : ACT_SEL_PREV, 0);
        break;
    case GESTURE_LONG_PRESS: /* nothing for visitors yet (the admin corner times its own) */
    case GESTURE_NONE:
        break;
    }
}

static unsigned key_context(const Show *s)
{
    if (s->screen == SCREEN_ADMIN)
        return KC_ADMIN;
    if (s->screen == SCREEN_HOME)
        return KC_HOME;
    if (!s->lecture_mode)
        return KC_SLIDE;
    return s->overview ? KC_OVERVIEW : KC_LECTURE;
}

/* "Number + Enter" jumps to a slide in a lecture. true if the key was used. */
static bool goto_key(Show *s, const Event *ev)
{
    if (!s->lecture_mode || s->screen != SCREEN_SLIDE || s->overview || ev->mods & (MOD_CTRL | MOD_ALT))
        return false;
    if (ev->key >= '0' && ev->key <= '9') {
        if (!ev->repeat && s->goto_digits < GOTO_MAX_DIGITS) {
            s->goto_num = s->goto_num * 10 + (ev->key - '0');
            s->goto_digits++;
            s->goto_t = ev->t;
            s->dirty = true;
            s->presenter_dirty = true;
        }
        return true;
    }
    if (s->goto_digits == 0)
        return false;
    if (ev->key == KEY_ENTER) {
        int to = s->goto_num - 1;
        s->goto_num = s->goto_digits = 0;
        set_blank(s, BLANK_NONE);
        lecture_advance(s, to < 0 ? 0 : to);
        s->dirty = true;
        return true;
    }
    if (ev->key == KEY_BACKSPACE || ev->key == KEY_ESCAPE) {
        if (ev->key == KEY_BACKSPACE && s->goto_digits > 1) {
            s->goto_num /= 10;
            s->goto_digits--;
        } else {
            s->goto_num = s->goto_digits = 0;
        }
        s->dirty = true;
        s->presenter_dirty = true;
        return true;
    }
    return false;
}

static bool is_paging(Action a)
{
    return a == ACT_NEXT || a == ACT_PREV || a == ACT_SEL_NEXT || a == ACT_SEL_PREV ||
           a == ACT_SEL_UP || a == ACT_SEL_DOWN;
}

static void on_key(Show *s, const Event *ev)
{
    if (s->screen == SCREEN_ADMIN && s->admin_stage == ADMIN_PIN && !ev->repeat) {
        if (ev->key >= '0' && ev->key <= '9') {
            admin_action(s, ACT_PIN_DIGIT, ev->key - '0');
            return;
        }
        if (ev->key == KEY_BACKSPACE) {
            admin_action(s, ACT_PIN_BACK, 0);
            return;
        }
    }
    if (goto_key(s, ev))
        return;
    Action a = keymap_lookup(s->keys, key_context(s), ev->key, ev->mods);
    if (a == ACT_NONE)
        return;
    /* Auto-repeat: a held button moves one slide; held on purpose (longer
     * than hold_ms) it moves on, at most once per every_ms. Toggles never
     * repeat. */
    if (!ev->repeat) {
        s->held_key = ev->key;
        s->held_since = s->held_moved = ev->t;
    } else {
        if (!is_paging(a) || ev->key != s->held_key || ev->t < s->held_since + (uint64_t)s->hold_ms ||
            ev->t < s->held_moved + (uint64_t)s->every_ms)
            return;
        s->held_moved = ev->t;
    }
    run_action(s, a, 0);
}

/* The second of elapsed time now shown changed: the timer must be redrawn. */
static void timer_tick(Show *s)
{
    if (!s->lecture_mode || s->screen != SCREEN_SLIDE)
        return;
    int64_t sec = ltimer_elapsed(&s->timer, s->now) / 1000;
    if (sec != s->shown_second) {
        s->shown_second = sec;
        s->presenter_dirty = true;
        if (s->timer_overlay && s->blank == BLANK_NONE)
            s->dirty = true;
    }
}

/* Idle applies to visitors: not in a lecture, not on the admin screen, not
 * in a curator's preview window. */
static bool idle_applies(const Show *s)
{
    return !s->lecture_mode && !s->preview && s->screen != SCREEN_ADMIN;
}

/* The visitor walked away: everything back as the next visitor expects. */
static void reset_for_next_visitor(Show *s)
{
    go_home(s);
    s->home_sel = 0;
    s->lang = s->start_lang;
    s->captions = true;
    s->large_text = s->large_default;
    s->high_contrast = s->contrast_default;
    s->overview = false;
    s->dirty = true;
    s->idle_resets++;
}

/* What the idle machinery shows changed (a new second, slide, language)? */
static void idle_redraw_if_changed(Show *s)
{
    int phase = (int)s->idle.phase, a = 0, b = 0;
    if (s->idle.phase == IDLE_WARNING) {
        a = idle_seconds_left(&s->idle, s->now);
    } else if (s->idle.phase == IDLE_ATTRACT) {
        uint64_t t = s->now - s->idle.since;
        a = (int)(t / IDLE_ATTRACT_STEP_MS);
        b = (int)(t / IDLE_LANG_STEP_MS);
    }
    if (phase != s->shown_idle[0] || a != s->shown_idle[1] || b != s->shown_idle[2]) {
        s->shown_idle[0] = phase;
        s->shown_idle[1] = a;
        s->shown_idle[2] = b;
        s->dirty = true;
    }
}

/* Input while idle: returns true when it must do nothing else (it only
 * dismissed "still there?" or woke the kiosk from the attract loop). */
static bool idle_wake(Show *s, const Event *ev)
{
    bool input = ev->type == EV_KEY || ev->type == EV_POINTER_DOWN || ev->type == EV_WHEEL;
    if (!input)
        return s->swallow && (ev->type == EV_POINTER_MOVE || ev->type == EV_POINTER_UP);
    IdlePhase was = idle_input(&s->idle, ev->t);
    if (!idle_applies(s) || (was != IDLE_WARNING && was != IDLE_ATTRACT))
        return false;
    s->dirty = true;
    if (ev->type == EV_POINTER_DOWN)
        s->swallow = true; /* until this finger lifts */
    return true;
}

/* A key or a press from a visitor (not a lecturer, not on the admin screen),
 * counted for show_snapshot(). */
static void count_visitor_input(Show *s, const Event *ev)
{
    if ((ev->type == EV_KEY || ev->type == EV_POINTER_DOWN) && idle_applies(s)) {
        s->visitor_inputs++;
        s->last_visitor_input = ev->t;
    }
}

void show_handle(Show *s, const Event *ev)
{
    if (ev->t > s->now)
        s->now = ev->t;
    count_visitor_input(s, ev);
    if (idle_wake(s, ev)) {
        /* keep the gesture recogniser's count of fingers right, but let
         * this touch press nothing */
        Gesture ignored;
        if (ev->type != EV_KEY) {
            gesture_feed(&s->gesture, ev, &ignored);
            s->gesture.cancelled = true;
            if (s->gesture.n_down == 0)
                s->swallow = false;
        }
        return;
    }
    int before_slide = s->slide, before_ex = s->exhibition;
    bool before_overview = s->overview;
    switch (ev->type) {
    case EV_KEY:
        on_key(s, ev);
        break;
    case EV_POINTER_DOWN:
    case EV_POINTER_MOVE:
    case EV_POINTER_UP: {
        if (ev->type == EV_POINTER_DOWN && s->animating && !s->dragging) {
            /* catch a moving slide where it is */
            s->drag_base = slide_offset(s);
            s->animating = false;
        } else if (ev->type == EV_POINTER_DOWN) {
            s->drag_base = 0.0f;
        }
        Gesture g;
        bool done = gesture_feed(&s->gesture, ev, &g);
        follow_pinch(s);
        follow_finger(s);
        if (done)
            on_gesture(s, &g);
        if (ev->type == EV_POINTER_UP && s->gesture.n_down == 0 && s->dragging)
            navigate(s, s->slide); /* released short of a page turn: spring back */
        if (s->gesture.n_down == 0) {
            s->scrolling = false;
            s->panning = false;
        }
        break;
    }
    case EV_WHEEL:
        if (ev->wheel != 0 && !s->lecture_mode) {
            float z = s->zoom.z * powf(ZOOM_STEP, (float)ev->wheel);
            if (z <= 1.0001f)
                reset_zoom(s);
            else
                zoom_to(s, z, ev->x, ev->y);
        }
        break;
    case EV_RESIZE:
        if (ev->w > 0 && ev->h > 0 && (ev->w != s->w || ev->h != s->h)) {
            s->w = ev->w;
            s->h = ev->h;
            gesture_resize(&s->gesture, ev->w, ev->h);
            s->dirty = true;
        }
        break;
    case EV_CLOSE:
        /* A kiosk ignores the window manager; a development window closes. */
        if (s->allow_quit)
            s->running = false;
        break;
    case EV_QUIT:
        s->running = false; /* SIGTERM from the service manager: always honoured */
        break;
    case EV_TICK:
        if (s->animating) {
            s->dirty = true; /* the next frame */
            if (s->now >= s->anim_t0 + SLIDE_ANIM_MS)
                s->animating = false;
        }
        if (s->goto_digits && s->now >= s->goto_t + GOTO_TIMEOUT_MS) {
            s->goto_num = s->goto_digits = 0;
            s->dirty = true;
            s->presenter_dirty = true;
        }
        break;
    case EV_IMAGE_LOADED:
        if (ev->ok && ev->img_w > 0 && ev->img_h > 0)
            remember_size(s, ev->exhibition, ev->slide, ev->img_w, ev->img_h);
        if (!ev->ok && s->failed && ev->exhibition >= 0 && ev->exhibition < s->lib->n &&
            ev->slide >= -1 && ev->slide < s->lib->items[ev->exhibition]->n_slides) {
            unsigned char *f = &s->failed[s->failed_off[ev->exhibition] + 1 + ev->slide];
            if (!*f) {
                *f = 1;
                s->dirty = true;
                s->presenter_dirty = true;
            }
        }
        break;
    }
    if (s->screen == SCREEN_ADMIN && s->now >= s->admin_seen + ADMIN_TIMEOUT_MS)
        close_admin(s);
    if (s->screen == SCREEN_ADMIN && s->locked_until && s->now >= s->locked_until) {
        s->locked_until = 0;
        s->dirty = true;
    }
    check_long_press(s);
    flush_tap(s, false);
    if (idle_applies(s)) {
        idle_update(&s->idle, s->now);
        if (idle_take_reset(&s->idle))
            reset_for_next_visitor(s);
        idle_redraw_if_changed(s);
    } else {
        idle_input(&s->idle, s->now); /* lectures and admins are never idle */
    }
    if (s->slide != before_slide || s->exhibition != before_ex || s->overview != before_overview)
        s->presenter_dirty = true;
    timer_tick(s);
    if (s->recording)
        rehearsal_update(&s->rec, s->slide, s->timer.running, s->now);
}

bool show_open(Show *s, const char *id, int slide1)
{
    int i = library_find(s->lib, id);
    if (i < 0)
        return false;
    open_exhibition(s, i, slide1 - 1);
    return true;
}

bool show_set_lang(Show *s, const char *code)
{
    for (int i = 0; i < s->n_langs; i++) {
        if (strcmp(s->langs[i], code) == 0) {
            run_action(s, ACT_LANG, i);
            return true;
        }
    }
    return false;
}

/* ---- outputs ------------------------------------------------------------ */

static SceneView make_view(Show *s, int w, int h)
{
    SceneView v = {
        .w = w, .h = h,
        .screen = s->screen,
        .lib = s->lib,
        .exhibition = s->exhibition, .slide = s->slide,
        .offset = (int)lroundf(slide_offset(s)),
        .home_sel = s->home_sel,
        .n_langs = s->n_langs, .lang = s->lang,
        .captions = s->captions,
        .zoom = s->zoom,
        .caption_scroll = s->caption_scroll,
        .large_text = s->large_text,
        .hide_arrows = s->hide_arrows, .hide_language = s->hide_language,
        .hide_accessibility = s->hide_accessibility, .hide_home = s->hide_home,
        .high_contrast = s->high_contrast,
        .image_failed = image_failed_cb, .ctx = s,
        .measure = &s->measure,
    };
    for (int i = 0; i < s->n_langs; i++)
        v.langs[i] = s->langs[i];
    if (idle_applies(s)) {
        v.idle.phase = (int)s->idle.phase;
        v.idle.seconds_left = idle_seconds_left(&s->idle, s->now);
        if (s->idle.phase == IDLE_ATTRACT && s->n_attract > 0) {
            uint64_t t = s->now - s->idle.since;
            int k = (int)((t / IDLE_ATTRACT_STEP_MS) % (uint64_t)s->n_attract);
            v.idle.attract_ex = s->attract[k].ex;
            v.idle.attract_slide = s->attract[k].slide;
            v.idle.lang_step = (int)(t / IDLE_LANG_STEP_MS);
        } else {
            v.idle.attract_ex = -1;
        }
    }
    v.admin = (AdminView){s->admin_stage, s->pin_len, s->pin_wrong, s->now < s->locked_until,
                          s->lecture_mode, s->admin_sel};
    if (s->lecture_mode && s->screen == SCREEN_SLIDE) {
        LectureView *l = &v.lecture;
        l->on = true;
        l->blank = s->blank;
        l->overview = s->overview;
        l->overview_sel = s->overview_sel;
        l->timer_overlay = s->timer_overlay;
        l->elapsed_ms = ltimer_elapsed(&s->timer, s->now);
        l->remaining_ms = ltimer_remaining(&s->timer, s->now);
        l->planned_ms = s->timer.planned_ms;
        l->timer_running = s->timer.running;
        l->level = (int)ltimer_level(&s->timer, s->now, s->warn_min, s->alert_min);
        l->has_budgets = s->has_budgets;
        l->pacing_ms = ltimer_pacing(s->budgets, n_current(s), s->slide, l->elapsed_ms);
        l->goto_num = s->goto_digits ? s->goto_num : 0;
        l->notes_lang = s->notes_lang ? s->notes_lang : s->langs[s->lang];
    }
    return v;
}

int show_prefetch(Show *s, ImageRequest *out, int max)
{
    const Exhibition *ex = current(s);
    if (!ex || s->screen != SCREEN_SLIDE || max <= 0)
        return 0;
    int order[CACHE_AHEAD + CACHE_BEHIND];
    int n = cache_prefetch_order(ex->n_slides, s->slide, s->travel, CACHE_AHEAD, CACHE_BEHIND, order,
                                 CACHE_AHEAD + CACHE_BEHIND);
    SceneView v = make_view(s, s->w, s->h);
    v.zoom = ZOOM_NONE;
    int k = 0;
    for (int i = 0; i < n && k < max; i++)
        if (scene_slide_image(&v, order[i], &out[k]))
            k++;
    return k;
}
static void build_problems(Show *s, const SceneView *v);

const Scene *show_scene(Show *s)
{
    if (s->dirty || s->scene.n == 0) {
        SceneView v = make_view(s, s->w, s->h);
        if (s->n_problems > 0)
            build_problems(s, &v);
        else
            scene_build(&s->scene, &v);
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
    SceneView v = make_view(s, w, h);
    v.lecture.clock = clock;
    scene_build_presenter(&s->presenter_scene, &v);
    s->presenter_dirty = false;
    return &s->presenter_scene;
}

bool show_presenter_dirty(const Show *s)
{
    return s->presenter_dirty;
}

const Rehearsal *show_rehearsal(const Show *s)
{
    return s->recording ? &s->rec : NULL;
}

bool show_lecture_mode(const Show *s)
{
    return s->lecture_mode;
}

bool show_take_lecture_change(Show *s)
{
    bool r = s->lecture_changed;
    s->lecture_changed = false;
    return r;
}

bool show_take_swap_request(Show *s)
{
    bool r = s->swap_request;
    s->swap_request = false;
    return r;
}

bool show_dirty(const Show *s)
{
    return s->dirty;
}

bool show_running(const Show *s)
{
    return s->running;
}

uint64_t show_next_deadline(const Show *s, uint64_t now)
{
    uint64_t d = SHOW_NO_DEADLINE;
    if (s->animating) { /* frames until it settles, then sleep */
        /* on the animation's own beat (every FRAME_MS from its start), not
         * FRAME_MS after the last frame: drawing and presenting a frame take
         * time too, and would otherwise stretch every interval by it */
        uint64_t end = s->anim_t0 + SLIDE_ANIM_MS;
        uint64_t since = now > s->anim_t0 ? now - s->anim_t0 : 0;
        uint64_t beat = FRAME_MS - since % FRAME_MS;
        d = end > now ? (end - now < beat ? end - now : beat) : 0;
    }
    if (s->goto_digits) {
        uint64_t at = s->goto_t + GOTO_TIMEOUT_MS;
        d = at > now ? at - now : 0;
    }
    if (s->tap_pending) {
        uint64_t at = s->tap_t + GESTURE_DOUBLE_TAP_MS;
        uint64_t left = at > now ? at - now : 0;
        if (left < d)
            d = left;
    }
    if (idle_applies(s)) {
        uint64_t left = idle_next_deadline(&s->idle, now);
        uint64_t t = now > s->idle.since ? now - s->idle.since : 0;
        if (s->idle.phase == IDLE_WARNING) /* the countdown's next second */
            left = left < 1000 - t % 1000 ? left : 1000 - t % 1000;
        if (s->idle.phase == IDLE_ATTRACT) { /* next slide or language */
            uint64_t a = IDLE_ATTRACT_STEP_MS - t % IDLE_ATTRACT_STEP_MS;
            uint64_t b = IDLE_LANG_STEP_MS - t % IDLE_LANG_STEP_MS;
            left = a < b ? a : b;
        }
        if (left < d)
            d = left;
    }
    if (s->screen == SCREEN_ADMIN) {
        uint64_t at = s->admin_seen + ADMIN_TIMEOUT_MS;
        if (s->locked_until > now && s->locked_until < at)
            at = s->locked_until;
        uint64_t left = at > now ? at - now : 0;
        if (left < d)
            d = left;
    }
    const GestureState *g = &s->gesture;
    if (s->pin_hash && s->screen != SCREEN_ADMIN && g->tracking && !g->cancelled && g->n_down == 1) {
        uint64_t at = g->t0 + ADMIN_LONG_PRESS_MS;
        uint64_t left = at > now ? at - now : 0;
        if (left < d)
            d = left;
    }
    /* A running timer that someone can see ticks once a second, no more. */
    bool seen = s->presenter || (s->timer_overlay && s->blank == BLANK_NONE);
    if (s->lecture_mode && s->screen == SCREEN_SLIDE && s->timer.running && seen) {
        int64_t e = ltimer_elapsed(&s->timer, now);
        uint64_t to_next = (uint64_t)(1000 - e % 1000);
        if (to_next < d)
            d = to_next;
    }
    return d;
}

/* JSON string with escapes; ids are restricted, but be safe anyway. */
static size_t json_str(char *out, size_t n, const char *str)
{
    size_t k = 0;
    #define PUT(c) do { if (k + 1 < n) out[k] = (c); k++; } while (0)
    PUT('"');
    for (const unsigned char *p = (const unsigned char *)str; *p; p++) {
        if (*p == '"' || *p == '\\') {
            PUT('\\');
            PUT((char)*p);
        } else if (*p < 0x20) {
            char esc[8];
            snprintf(esc, sizeof esc, "\\u%04x", *p);
            for (char *e = esc; *e; e++)
                PUT(*e);
        } else {
            PUT((char)*p);
        }
    }
    PUT('"');
    #undef PUT
    if (n)
        out[k < n ? k : n - 1] = '\0';
    return k;
}

/* str as a JSON string in `small`, or in a malloc'd buffer when it does not
 * fit (a fixed buffer cut ids, e.g. long folder names, into invalid JSON).
 * NULL on out of memory. */
static char *json_str_fit(const char *str, char *small, size_t small_n)
{
    size_t need = json_str(NULL, 0, str) + 1;
    char *out = need <= small_n ? small : malloc(need);
    if (out)
        json_str(out, need, str);
    return out;
}

int show_state_json(const Show *s, uint64_t now, char *buf, size_t n)
{
    const Exhibition *ex = current(s);
    char id_small[256] = "null", lang_small[64];
    char *id = ex ? json_str_fit(ex->id, id_small, sizeof id_small) : id_small;
    char *lang = json_str_fit(s->langs[s->lang], lang_small, sizeof lang_small);
    char slide[16] = "null", slides[16] = "null";
    if (ex) {
        snprintf(slide, sizeof slide, "%d", s->slide + 1);
        snprintf(slides, sizeof slides, "%d", ex->n_slides);
    }
    bool attract = idle_applies(s) && s->idle.phase == IDLE_ATTRACT;
    const char *screen = attract                   ? "attract"
                       : s->screen == SCREEN_ADMIN ? "admin"
                       : s->screen == SCREEN_HOME  ? "home"
                       : s->overview                ? "overview"
                       : s->blank != BLANK_NONE     ? "blank"
                                                    : "slide";
    static const char *const level_names[] = {"normal", "warn", "alert", "over"};
    LtLevel level = ltimer_level(&s->timer, now, s->warn_min, s->alert_min);
    int64_t elapsed = ltimer_elapsed(&s->timer, now);
    char pacing[24] = "null", go[16] = "null";
    if (s->lecture_mode && s->has_budgets && ex)
        snprintf(pacing, sizeof pacing, "%lld",
                 (long long)ltimer_pacing(s->budgets, ex->n_slides, s->slide, elapsed));
    if (s->goto_digits)
        snprintf(go, sizeof go, "%d", s->goto_num);
    char zoom[64] = "1.0";
    if (zoom_active(s->zoom))
        snprintf(zoom, sizeof zoom, "%.2f,\"zoom_centre\":[%.3f,%.3f]", (double)s->zoom.z,
                 (double)s->zoom.cx, (double)s->zoom.cy);
    char problems[32] = "";
    if (s->preview)
        snprintf(problems, sizeof problems, ",\"problems\":%d", s->n_problems);
    int r = -1;
    /* "timer" stays last: --state-file compares what comes before it. */
    if (id && lang)
        r = snprintf(buf, n,
                     "{\"screen\":\"%s\",\"mode\":\"%s\",\"exhibition\":%s,\"slide\":%s,\"slides\":%s,"
                     "\"exhibitions\":%d,\"home_selection\":%d,"
                     "\"language\":%s,\"zoom\":%s,\"captions\":%s,\"running\":%s,"
                     "\"blank\":%s,\"overview_selection\":%d,\"timer_overlay\":%s,\"goto\":%s,"
                     "\"presenter\":%s,\"admin\":%s,\"idle\":\"%s\",\"large_text\":%s,\"high_contrast\":%s%s,"
                     "\"timer\":{\"elapsed_ms\":%lld,\"remaining_ms\":%lld,\"running\":%s,"
                     "\"level\":\"%s\",\"pacing_ms\":%s}}",
                     screen, s->lecture_mode ? "lecture" : "kiosk", id, slide, slides,
                     s->lib->n, s->home_sel + 1,
                     lang, zoom, s->captions ? "true" : "false",
                     s->running ? "true" : "false",
                     s->blank == BLANK_BLACK ? "\"black\"" : s->blank == BLANK_WHITE ? "\"white\"" : "null",
                     s->overview_sel + 1, s->timer_overlay ? "true" : "false", go,
                     s->presenter ? "true" : "false",
                     s->screen != SCREEN_ADMIN        ? "null"
                     : s->now < s->locked_until       ? "\"locked\""
                     : s->admin_stage == ADMIN_PIN    ? "\"pin\""
                     : s->admin_stage == ADMIN_MENU   ? "\"menu\""
                                                      : "\"pick\"",
                     !idle_applies(s)                 ? "off"
                     : s->idle.phase == IDLE_WARNING  ? "warning"
                     : s->idle.phase == IDLE_RESTING  ? "resting"
                     : s->idle.phase == IDLE_ATTRACT  ? "attract"
                                                      : "active",
                     s->large_text ? "true" : "false", s->high_contrast ? "true" : "false", problems,
                     (long long)elapsed, (long long)ltimer_remaining(&s->timer, now),
                     s->timer.running ? "true" : "false", level_names[level], pacing);
    if (id != id_small)
        free(id);
    if (lang != lang_small)
        free(lang);
    return r;
}

/* ---- for observers ---------------------------------------------------------- */

void show_snapshot(const Show *s, ShowSnapshot *out)
{
    const Exhibition *ex = current(s);
    *out = (ShowSnapshot){
        .screen = s->screen,
        .attract = idle_applies(s) && s->idle.phase == IDLE_ATTRACT,
        .exhibition = ex ? ex->id : NULL,
        .slides = ex ? ex->n_slides : 0,
        .slide = ex ? s->slide : -1,
        .lang = s->langs[s->lang],
        .zoom = s->zoom.z,
        .captions = s->captions,
        .lecture = s->lecture_mode,
        .inputs = s->visitor_inputs,
        .last_input = s->last_visitor_input,
        .resets = s->idle_resets,
    };
}

/* ---- hot reload ------------------------------------------------------------ */

/* The slide of `to` that shows what slide k of `from` showed: the same image
 * file (of several, the one nearest k), else slide k itself, or the last
 * slide when `to` has fewer. */
static int matching_slide(const Exhibition *from, int k, const Exhibition *to)
{
    const char *img = k >= 0 && k < from->n_slides ? from->slides[k].image : NULL;
    int best = -1;
    for (int j = 0; img && j < to->n_slides; j++)
        if (to->slides[j].image && strcmp(to->slides[j].image, img) == 0 &&
            (best < 0 || abs(j - k) < abs(best - k)))
            best = j;
    if (best >= 0)
        return best;
    return k < 0 ? 0 : k < to->n_slides ? k : to->n_slides - 1;
}

/* Where exhibition i of `from` is in `to` (by id), or -1. */
static int same_exhibition(const Library *from, int i, const Library *to)
{
    return i >= 0 && i < from->n ? library_find(to, from->items[i]->id) : -1;
}

static int clamp_index(int i, int n)
{
    return n <= 0 || i < 0 ? 0 : i >= n ? n - 1 : i;
}

void show_set_library(Show *s, const Library *lib)
{
    const Library *old = s->lib;
    if (!lib || lib == old)
        return;
    int was = s->exhibition;
    int ex = same_exhibition(old, was, lib);
    int slide = ex >= 0 ? matching_slide(old->items[was], s->slide, lib->items[ex]) : 0;
    int sel = same_exhibition(old, s->home_sel, lib);
    /* From here on nothing may point into the old library. */
    s->lib = lib;
    make_failed(s);
    /* picture sizes are by index and the files may have changed: learnt
     * again as the pictures load; the whole picture again */
    s->n_sizes = s->next_size = 0;
    s->zoom = ZOOM_NONE;
    s->panning = s->tap_pending = false;
    if (!build_attract(s))
        s->n_attract = 0;
    s->home_sel = sel >= 0 ? sel : clamp_index(s->home_sel, lib->n);
    if (was >= 0 && ex < 0) {
        /* The exhibition is gone: back home, the nearest card selected. */
        s->home_sel = clamp_index(was, lib->n);
        if (s->screen == SCREEN_SLIDE)
            s->screen = SCREEN_HOME;
        s->exhibition = -1;
        s->slide = 0;
        s->overview = false;
        s->blank = s->stop_blank = BLANK_NONE;
        s->dragging = s->animating = s->scrolling = false;
        s->caption_scroll = 0;
        free(s->budgets);
        s->budgets = NULL;
        s->has_budgets = false;
    } else if (ex >= 0) {
        s->exhibition = ex;
        if (slide != s->slide) {
            s->slide = slide;
            s->caption_scroll = 0;
        }
        load_budgets(s, lib->items[ex]);
        s->overview_sel = clamp_index(s->overview_sel, lib->items[ex]->n_slides);
    }
    if (s->screen == SCREEN_ADMIN && s->admin_stage == ADMIN_PICK)
        s->admin_sel = clamp_index(s->admin_sel, lib->n + 1); /* the exhibitions, then "Cancel" */
    s->dirty = true;
    s->presenter_dirty = true;
}

void show_set_problems(Show *s, const DiagList *diags, const char *root)
{
    for (int i = 0; i < s->n_problems; i++)
        free(s->problems[i]);
    free(s->problems);
    s->problems = NULL;
    s->n_problems = 0;
    s->dirty = true;
    int errors = diag_count(diags, DIAG_ERROR);
    if (errors == 0 || !(s->problems = calloc((size_t)errors, sizeof *s->problems)))
        return;
    size_t rl = root ? strlen(root) : 0;
    while (rl > 1 && root[rl - 1] == '/')
        rl--;
    for (int i = 0; i < diags->n; i++) {
        const Diag *d = &diags->items[i];
        if (d->level != DIAG_ERROR)
            continue;
        /* the curator knows which folder: paths inside it are enough */
        const char *file = d->file;
        if (rl && strncmp(file, root, rl) == 0 && file[rl] == '/')
            file += rl + 1;
        int len = snprintf(NULL, 0, "%s:%d:%d: error: %s", file, d->line, d->col, d->msg);
        char *line = len >= 0 ? malloc((size_t)len + 1) : NULL;
        if (!line)
            continue;
        snprintf(line, (size_t)len + 1, "%s:%d:%d: error: %s", file, d->line, d->col, d->msg);
        s->problems[s->n_problems++] = line;
    }
}

static void build_problems(Show *s, const SceneView *v)
{
    const char *lang = s->langs[s->lang];
    scene_build_problems(&s->scene, v, lang_text(UI_PROBLEMS, lang), (const char *const *)s->problems,
                         s->n_problems, lang_text(UI_PROBLEMS_FIX, lang));
}

const char *show_exhibition_id(const Show *s)
{
    const Exhibition *ex = current(s);
    return ex ? ex->id : NULL;
}
