/* show.c - see show.h */
#include "show.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gesture.h"

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
    bool running;
    int w, h;

    GestureState gesture;
    LectureTimer timer;

    /* Images that failed to load: one flag per slide, plus the cover, per
     * exhibition; failed_off[i] is where exhibition i's flags start (cover
     * first). */
    unsigned char *failed;
    int *failed_off;

    Scene scene;
    bool dirty;
};

/* ---- key bindings ------------------------------------------------------- */

enum { ON_HOME = 1, ON_SLIDE = 2, ON_ANY = 3 };

typedef struct {
    unsigned screens;   /* ON_* */
    int key;
    unsigned mods;      /* exact modifiers (Shift ignored for non-letters) */
    Action action;
} KeyBinding;

static const KeyBinding key_bindings[] = {
    {ON_SLIDE, KEY_RIGHT,     0, ACT_NEXT},
    {ON_SLIDE, KEY_PAGEDOWN,  0, ACT_NEXT},
    {ON_SLIDE, ' ',           0, ACT_NEXT},
    {ON_SLIDE, KEY_DOWN,      0, ACT_NEXT},
    {ON_SLIDE, KEY_ENTER,     0, ACT_NEXT},
    {ON_SLIDE, KEY_LEFT,      0, ACT_PREV},
    {ON_SLIDE, KEY_PAGEUP,    0, ACT_PREV},
    {ON_SLIDE, KEY_BACKSPACE, 0, ACT_PREV},
    {ON_SLIDE, KEY_UP,        0, ACT_PREV},
    {ON_SLIDE, KEY_HOME,      0, ACT_FIRST},
    {ON_SLIDE, KEY_END,       0, ACT_LAST},
    {ON_SLIDE, KEY_ESCAPE,    0, ACT_HOME},
    {ON_SLIDE, 'c',           0, ACT_TOGGLE_CAPTIONS},
    {ON_HOME,  KEY_RIGHT,     0, ACT_SEL_NEXT},
    {ON_HOME,  KEY_DOWN,      0, ACT_SEL_NEXT},
    {ON_HOME,  KEY_PAGEDOWN,  0, ACT_SEL_NEXT},
    {ON_HOME,  KEY_LEFT,      0, ACT_SEL_PREV},
    {ON_HOME,  KEY_UP,        0, ACT_SEL_PREV},
    {ON_HOME,  KEY_PAGEUP,    0, ACT_SEL_PREV},
    {ON_HOME,  KEY_HOME,      0, ACT_SEL_FIRST},
    {ON_HOME,  KEY_END,       0, ACT_SEL_LAST},
    {ON_HOME,  KEY_ENTER,     0, ACT_SELECT},
    {ON_HOME,  ' ',           0, ACT_SELECT},
    {ON_ANY,   'l',           0, ACT_LANG_NEXT},
    {ON_ANY,   'q',           MOD_CTRL, ACT_QUIT},
    /* The administrator's way out until the PIN-protected exit exists. */
    {ON_ANY,   'q',           MOD_CTRL | MOD_ALT | MOD_SHIFT, ACT_ADMIN_QUIT},
};

static Action key_action(const Show *s, int key, unsigned mods)
{
    unsigned on = s->screen == SCREEN_HOME ? ON_HOME : ON_SLIDE;
    /* An exact match first; then ignore Shift, which some keyboards need
     * for '.' or ',' and which clickers sometimes send along. */
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < sizeof key_bindings / sizeof key_bindings[0]; i++) {
            const KeyBinding *b = &key_bindings[i];
            if ((b->screens & on) && b->key == key && b->mods == mods)
                return b->action;
        }
        mods &= ~(unsigned)MOD_SHIFT;
    }
    return ACT_NONE;
}

/* ---- life cycle --------------------------------------------------------- */

static bool image_failed_cb(void *ctx, int ex, int slide)
{
    const Show *s = ctx;
    if (!s->failed || ex < 0 || ex >= s->lib->n || slide < -1 || slide >= s->lib->items[ex]->n_slides)
        return false;
    return s->failed[s->failed_off[ex] + 1 + slide];
}

Show *show_create(const Library *lib, const ShowConfig *cfg, const Measure *measure, int w, int h)
{
    Show *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->lib = lib;
    s->measure = *measure;
    static const char *const default_langs[] = {"kk", "ru", "en"};
    if (cfg && cfg->n_langs > 0) {
        for (int i = 0; i < cfg->n_langs && i < SCENE_MAX_LANGS; i++)
            s->langs[s->n_langs++] = cfg->langs[i];
    } else {
        for (int i = 0; i < 3; i++)
            s->langs[s->n_langs++] = default_langs[i];
    }
    s->allow_quit = cfg && cfg->allow_quit;
    s->screen = SCREEN_HOME;
    s->exhibition = -1;
    s->captions = true;
    s->running = true;
    s->w = w;
    s->h = h;
    gesture_init(&s->gesture, w, h);
    ltimer_init(&s->timer, 0);

    int total = 0;
    for (int i = 0; i < lib->n; i++)
        total += lib->items[i]->n_slides + 1;
    s->failed = calloc((size_t)total + 1, 1);
    s->failed_off = calloc((size_t)lib->n + 1, sizeof *s->failed_off);
    if (!s->failed || !s->failed_off) {
        show_free(s);
        return NULL;
    }
    for (int i = 0, off = 0; i < lib->n; i++) {
        s->failed_off[i] = off;
        off += lib->items[i]->n_slides + 1;
    }
    if (cfg && cfg->start_lang)
        show_set_lang(s, cfg->start_lang);
    scene_init(&s->scene);
    s->dirty = true;
    return s;
}

void show_free(Show *s)
{
    if (!s)
        return;
    scene_free(&s->scene);
    free(s->failed);
    free(s->failed_off);
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
        s->dirty = true;
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
    ltimer_init(&s->timer, (int64_t)ex->lecture_duration_min * 60000);
    go_slide(s, slide);
    s->dirty = true;
}

static void go_home(Show *s)
{
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

static void run_action(Show *s, Action a, int arg)
{
    switch (a) {
    case ACT_NONE: break;
    case ACT_NEXT: go_slide(s, s->slide + 1); break;
    case ACT_PREV: go_slide(s, s->slide - 1); break;
    case ACT_FIRST: go_slide(s, 0); break;
    case ACT_LAST: go_slide(s, current(s) ? current(s)->n_slides - 1 : 0); break;
    case ACT_HOME: go_home(s); break;
    case ACT_OPEN: open_exhibition(s, arg, 0); break;
    case ACT_LANG:
        if (arg >= 0 && arg < s->n_langs && arg != s->lang) {
            s->lang = arg;
            s->dirty = true;
        }
        break;
    case ACT_LANG_NEXT:
        s->lang = (s->lang + 1) % s->n_langs;
        s->dirty = true;
        break;
    case ACT_SEL_NEXT: select_card(s, s->home_sel + 1); break;
    case ACT_SEL_PREV: select_card(s, s->home_sel - 1); break;
    case ACT_SEL_FIRST: select_card(s, 0); break;
    case ACT_SEL_LAST: select_card(s, s->lib->n - 1); break;
    case ACT_SELECT: open_exhibition(s, s->home_sel, 0); break;
    case ACT_TOGGLE_CAPTIONS:
        s->captions = !s->captions;
        s->dirty = true;
        break;
    case ACT_QUIT:
        if (s->allow_quit)
            s->running = false;
        break;
    case ACT_ADMIN_QUIT:
        s->running = false;
        break;
    }
}

static void on_gesture(Show *s, const Gesture *g)
{
    switch (g->kind) {
    case GESTURE_TAP: {
        /* Hit-testing needs the current scene, but building it here is not
         * drawing it: keep a change the renderer has not fetched yet dirty. */
        bool undrawn = s->dirty;
        const HitTarget *t = scene_hit(show_scene(s), g->x, g->y);
        s->dirty = undrawn;
        if (t)
            run_action(s, t->action, t->arg);
        break;
    }
    case GESTURE_SWIPE_LEFT:
        run_action(s, s->screen == SCREEN_SLIDE ? ACT_NEXT : ACT_SEL_NEXT, 0);
        break;
    case GESTURE_SWIPE_RIGHT:
        run_action(s, s->screen == SCREEN_SLIDE ? ACT_PREV : ACT_SEL_PREV, 0);
        break;
    case GESTURE_NONE:
        break;
    }
}

void show_handle(Show *s, const Event *ev)
{
    switch (ev->type) {
    case EV_KEY:
        run_action(s, key_action(s, ev->key, ev->mods), 0);
        break;
    case EV_POINTER_DOWN:
    case EV_POINTER_MOVE:
    case EV_POINTER_UP: {
        Gesture g;
        if (gesture_feed(&s->gesture, ev, &g))
            on_gesture(s, &g);
        break;
    }
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
        break; /* nothing in the show is timed yet */
    case EV_IMAGE_LOADED:
        if (!ev->ok && s->failed && ev->exhibition >= 0 && ev->exhibition < s->lib->n &&
            ev->slide >= -1 && ev->slide < s->lib->items[ev->exhibition]->n_slides) {
            unsigned char *f = &s->failed[s->failed_off[ev->exhibition] + 1 + ev->slide];
            if (!*f) {
                *f = 1;
                s->dirty = true;
            }
        }
        break;
    }
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

const Scene *show_scene(Show *s)
{
    if (s->dirty || s->scene.n == 0) {
        SceneView v = {
            .w = s->w, .h = s->h,
            .screen = s->screen,
            .lib = s->lib,
            .exhibition = s->exhibition, .slide = s->slide,
            .home_sel = s->home_sel,
            .n_langs = s->n_langs, .lang = s->lang,
            .captions = s->captions,
            .image_failed = image_failed_cb, .ctx = s,
            .measure = &s->measure,
        };
        for (int i = 0; i < s->n_langs; i++)
            v.langs[i] = s->langs[i];
        scene_build(&s->scene, &v);
        s->dirty = false;
    }
    return &s->scene;
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
    (void)s;
    (void)now;
    return SHOW_NO_DEADLINE;
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
    int r = -1;
    if (id && lang)
        r = snprintf(buf, n,
                     "{\"screen\":\"%s\",\"exhibition\":%s,\"slide\":%s,\"slides\":%s,"
                     "\"exhibitions\":%d,\"home_selection\":%d,"
                     "\"language\":%s,\"zoom\":1.0,\"captions\":%s,\"running\":%s,"
                     "\"timer\":{\"elapsed_ms\":%lld,\"remaining_ms\":%lld,\"running\":%s}}",
                     s->screen == SCREEN_HOME ? "home" : "slide", id, slide, slides,
                     s->lib->n, s->home_sel + 1,
                     lang, s->captions ? "true" : "false",
                     s->running ? "true" : "false",
                     (long long)ltimer_elapsed(&s->timer, now),
                     (long long)ltimer_remaining(&s->timer, now),
                     s->timer.running ? "true" : "false");
    if (id != id_small)
        free(id);
    if (lang != lang_small)
        free(lang);
    return r;
}
