/* SPDX-License-Identifier: GPL-3.0-or-later */
/* soakrun.c - see soakrun.h
 *
 * A crash (a signal, or under the sanitizers their report) is reported from
 * a signal handler or the sanitizers' death callback, where only write(2) is
 * safe: so the line of the step about to run is kept where the handler finds
 * it, in the one piece of process-wide state here (the exception to "no
 * mutable globals outside main.c": a signal handler has no other way in).
 */
#include "soakrun.h"

#include <SDL.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/fsutil.h"
#include "core/lang.h"
#include "core/manifest.h"

#if defined(__SANITIZE_ADDRESS__)
#include <dlfcn.h>
#include <sanitizer/common_interface_defs.h>
#define SOAK_SANITIZED 1
#endif

#define PROGRESS_STEPS 10        /* progress lines on stderr in a soak */
#define SOAK_DRAW_EVERY 50       /* steps between frames drawn */
#define SOAK_EVENT_ROOM 64       /* events SDL's queue has room for when the soak measures */

struct SoakRun {
    SoakParams params;
    char *edits;                 /* params.edits, owned */
    char *pin;                   /* params.pin, owned */
    SoakCounts counts;
    char *text;                  /* the script, its lines NUL-terminated */
    char **lines;                /* lines[k]: line k + 1 */
    long n_lines;
    long step;                   /* the line of the command running */
    long next_progress;
    long steps;                  /* run so far */
    int frames;                  /* drawn so far */
    Uint32 room_event;           /* an SDL event type of its own (soakrun_event_room) */
    SoakMeasure before;
};

/* ---- crash reports ------------------------------------------------------------ */

static struct {
    volatile sig_atomic_t on;
    char head[160];              /* "vitrine: soak seed 7 stopped at step " */
    volatile sig_atomic_t step;
    const char *volatile line;
} crash;

static void put_all(const char *s, size_t n)
{
    while (n > 0) {
        ssize_t w = write(2, s, n);
        if (w <= 0)
            return;
        s += w;
        n -= (size_t)w;
    }
}

static void crash_report(void)
{
    if (!crash.on)
        return;
    crash.on = 0;
    char num[24];
    int k = (int)sizeof num;
    long v = crash.step;
    do {
        num[--k] = (char)('0' + v % 10);
        v /= 10;
    } while (v > 0 && k > 0);
    put_all(crash.head, strlen(crash.head));
    put_all(num + k, sizeof num - (size_t)k);
    put_all(": ", 2);
    const char *line = crash.line;
    if (line)
        put_all(line, strlen(line));
    static const char tail[] = "\nvitrine: the soak is the same on every run: VITRINE_SOAK_SCRIPT=FILE writes its "
                               "script, whose lines up to this step reproduce it as a replay\n";
    put_all(tail, sizeof tail - 1);
}

#ifdef SOAK_SANITIZED
typedef void (*SetDeathCallback)(void (*)(void));

static void crash_installed(bool on)
{
    if (on) {
        __sanitizer_set_death_callback(crash_report); /* AddressSanitizer's (and LeakSanitizer's) */
        /* UndefinedBehaviorSanitizer is a runtime of its own, with its own */
        void *ubsan = dlopen("libubsan.so.1", RTLD_NOW | RTLD_NOLOAD);
        SetDeathCallback set = ubsan ? (SetDeathCallback)dlsym(ubsan, "__sanitizer_set_death_callback") : NULL;
        if (set)
            set(crash_report);
        if (ubsan)
            dlclose(ubsan);
    }
    crash.on = on;
}
#else
static const int crash_signals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};

static void on_crash(int sig)
{
    crash_report();
    raise(sig); /* SA_RESETHAND: now the default action, which ends the process */
}

static void crash_installed(bool on)
{
    crash.on = on;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on ? on_crash : SIG_DFL;
    sa.sa_flags = on ? SA_RESETHAND | SA_NODEFER : 0;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof crash_signals / sizeof crash_signals[0]; i++)
        sigaction(crash_signals[i], &sa, NULL);
}
#endif

/* ---- start ---------------------------------------------------------------------- */

/* The script's folder + rel. */
static char *beside_script(const char *script_path, const char *rel)
{
    const char *slash = strrchr(script_path, '/');
    char *dir = slash ? strndup(script_path, (size_t)(slash - script_path) + (slash == script_path))
                      : strdup(".");
    char *p = dir ? fs_path_join(dir, rel) : NULL;
    free(dir);
    return p;
}

static bool split_lines(SoakRun *r)
{
    r->lines = malloc((size_t)(r->counts.lines + 1) * sizeof *r->lines);
    if (!r->lines)
        return false;
    char *p = r->text;
    while (*p && r->n_lines <= r->counts.lines) {
        r->lines[r->n_lines++] = p;
        char *nl = strchr(p, '\n');
        if (!nl)
            break;
        *nl = '\0';
        p = nl + 1;
    }
    return true;
}

/* VITRINE_SOAK_SCRIPT=FILE: the script, to run it as a replay of its own. */
static void dump(const SoakRun *r)
{
    const char *path = getenv("VITRINE_SOAK_SCRIPT");
    if (!path || !*path)
        return;
    FILE *f = fopen(path, "w");
    bool ok = f && fputs(r->text, f) >= 0;
    if (f && fclose(f) != 0)
        ok = false;
    fprintf(stderr, ok ? "vitrine: the soak's script is in %s\n" : "vitrine: cannot write the soak's script to %s\n",
            path);
}

/* What the script must know of the kiosk it runs on. */
static void kiosk_params(const Settings *st, SoakParams *p)
{
    memset(p, 0, sizeof *p);
    p->pin_set = st->admin_pin_hash != NULL;
    p->idle_ms = st->idle_s * 1000;
    p->warning_ms = st->warning_s * 1000;
    p->attract_delay_ms = st->attract_delay_s * 1000;
    for (int i = 0; i < st->n_langs && i < SOAK_MAX_LANGS; i++)
        p->langs[p->n_langs++] = st->langs[i];
    if (p->n_langs == 0)
        p->n_langs = lang_defaults(p->langs, SOAK_MAX_LANGS);
}

SoakRun *soakrun_start(ReplayScript *sc, int at, const char *script_path, const Settings *st)
{
    const ReplayCmd *c = &sc->cmds[at];
    SoakRun *r = calloc(1, sizeof *r);
    char pin[32];
    if (c->n_num > 3)
        snprintf(pin, sizeof pin, "%.0f", c->num[3]);
    char *plan_dir = beside_script(script_path, c->arg);
    if (!r || !plan_dir || !(r->edits = strdup(c->arg)) || (c->n_num > 3 && !(r->pin = strdup(pin)))) {
        fprintf(stderr, "vitrine: out of memory\n");
        free(plan_dir);
        soakrun_free(r);
        return NULL;
    }
    kiosk_params(st, &r->params);
    r->params.edits = r->edits;
    r->params.inputs = (long)c->num[0];
    r->params.reloads = (int)c->num[1];
    r->params.seed = (uint64_t)c->num[2];
    r->params.pin = r->pin;
    SoakPlan plan;
    char err[512];
    bool ok = soak_plan_load(&plan, plan_dir, err, sizeof err);
    free(plan_dir);
    if (!ok) {
        fprintf(stderr, "%s:%d:%d: error: %s\n", script_path, c->line, c->arg_col, err);
        soakrun_free(r);
        return NULL;
    }
    r->text = soak_script(&plan, &r->params, &r->counts);
    soak_plan_free(&plan);
    DiagList d = {0};
    char name[64];
    snprintf(name, sizeof name, "soak seed %llu", (unsigned long long)r->params.seed);
    if (r->text)
        dump(r);
    if (!r->text || !soak_expand(sc, at, r->text, &r->counts, name, &d) || !split_lines(r)) {
        diag_print(&d, stderr);
        diag_clear(&d);
        fprintf(stderr, "%s:%d:%d: error: the soak's script cannot be written\n", script_path, c->line,
                c->arg_col);
        soakrun_free(r);
        return NULL;
    }
    snprintf(crash.head, sizeof crash.head, "\nvitrine: soak seed %llu stopped at step ",
             (unsigned long long)r->params.seed);
    crash_installed(true);
    fprintf(stderr, "vitrine: soak seed %llu: %ld inputs and %d reloads, %ld steps\n",
            (unsigned long long)r->params.seed, r->params.inputs, r->counts.reloads, r->n_lines);
    return r;
}

void soakrun_free(SoakRun *r)
{
    if (!r)
        return;
    crash_installed(false);
    crash.line = NULL;
    free(r->edits);
    free(r->pin);
    free(r->text);
    free(r->lines);
    free(r);
}

/* ---- steps ------------------------------------------------------------------------- */

void soakrun_step(SoakRun *r, const ReplayCmd *c)
{
    if (!r || !crash.on)
        return;
    r->step = c->line;
    crash.line = c->line >= 1 && c->line <= r->n_lines ? r->lines[c->line - 1] : NULL;
    crash.step = (sig_atomic_t)c->line;
    if (r->step >= r->next_progress) {
        if (r->next_progress > 0)
            fprintf(stderr, "vitrine: soak: step %ld of %ld\n", r->step, r->n_lines);
        r->next_progress = r->step + r->n_lines / PROGRESS_STEPS + 1;
    }
}

bool soakrun_draw_due(SoakRun *r)
{
    if (!r || ++r->steps % SOAK_DRAW_EVERY != 0)
        return false;
    r->frames++;
    return true;
}

void soakrun_failed(SoakRun *r, const char *why)
{
    if (!r)
        return;
    fprintf(stderr, "vitrine: soak seed %llu FAILED at step %ld (%s): %s\n", (unsigned long long)r->params.seed,
            r->step, crash.line ? crash.line : "?", why);
}

void soakrun_event_room(SoakRun *r)
{
    if (!r->room_event)
        r->room_event = SDL_RegisterEvents(1); /* a type nobody else pushes or reads */
    if (r->room_event == (Uint32)-1)
        return;
    SDL_Event e;
    SDL_zero(e);
    e.type = r->room_event;
    for (int i = 0; i < SOAK_EVENT_ROOM; i++)
        SDL_PushEvent(&e);
    SDL_FlushEvent(r->room_event);
}

/* Remove ,"key":value (a number, a word) from a state line. */
static void drop_field(char *json, const char *key)
{
    char pat[64];
    snprintf(pat, sizeof pat, ",\"%s\":", key);
    char *at = strstr(json, pat);
    if (!at)
        return;
    char *end = at + strlen(pat);
    end += strcspn(end, ",}");
    memmove(at, end, strlen(end) + 1);
}

/* The state as the comparison sees it: what the last lecture left for the
 * next (its clock, the timer overlay, the overview's selection) is no
 * visitor's business. */
static void known_state(char *state)
{
    char *timer = strstr(state, ",\"timer\"");
    if (timer)
        *timer = '\0';
    drop_field(state, "timer_overlay");
    drop_field(state, "overview_selection");
}

void soakrun_begin(SoakRun *r, const SoakMeasure *m)
{
    r->before = *m;
    known_state(r->before.state);
}

bool soakrun_end(SoakRun *r, const SoakMeasure *measured)
{
    const SoakCounts *c = &r->counts;
    const SoakMeasure *b = &r->before;
    SoakMeasure after = *measured;
    const SoakMeasure *m = &after;
    known_state(after.state);
    crash_installed(false);
    char kinds[1024] = "";
    size_t k = 0;
    for (int i = 0; i < SOAK_KINDS && k < sizeof kinds; i++)
        if (c->kind[i])
            k += (size_t)snprintf(kinds + k, sizeof kinds - k, "%s%ld %s", k ? ", " : "", c->kind[i],
                                  soak_kind_name((SoakKind)i));
    uint64_t s = c->virtual_ms / 1000;
    fprintf(stderr, "vitrine: soak seed %llu: %ld inputs (%s); %d reloads (%d loaded); %d frames drawn; "
                    "%llu:%02llu:%02llu of virtual time\n",
            (unsigned long long)r->params.seed, r->params.inputs, kinds, c->reloads, m->loads - b->loads,
            r->frames, (unsigned long long)(s / 3600), (unsigned long long)(s / 60 % 60),
            (unsigned long long)(s % 60));
    fprintf(stderr, "vitrine: soak: SDL allocations %d before, %d after; SDL textures %d before, %d after\n",
            b->allocations, m->allocations, b->textures, m->textures);
    bool ok = true;
    if (m->allocations != b->allocations || m->textures != b->textures) {
        fprintf(stderr, "vitrine: soak seed %llu FAILED: %+d SDL allocations, %+d textures after it\n",
                (unsigned long long)r->params.seed, m->allocations - b->allocations, m->textures - b->textures);
        ok = false;
    }
    if (m->loads - b->loads != c->reloads) {
        fprintf(stderr, "vitrine: soak seed %llu FAILED: %d changes to the folder were loaded in %d reloads\n",
                (unsigned long long)r->params.seed, c->reloads, m->loads - b->loads);
        ok = false;
    }
    if (strcmp(m->state, b->state) != 0) {
        fprintf(stderr, "vitrine: soak seed %llu FAILED: not back in the known state\n  before: %s\n  after:  %s\n",
                (unsigned long long)r->params.seed, b->state, m->state);
        ok = false;
    }
    if (ok)
        fprintf(stderr, "vitrine: soak seed %llu: ok, nothing left behind\n", (unsigned long long)r->params.seed);
    return ok;
}
