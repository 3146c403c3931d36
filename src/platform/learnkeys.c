/* SPDX-License-Identifier: GPL-3.0-or-later */
/* learnkeys.c - see learnkeys.h */
#include "learnkeys.h"

#include <SDL.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "core/learn.h"
#include "input.h"

static void learn_draw(App *a, const Learn *l)
{
    char progress[64];
    snprintf(progress, sizeof progress, "vitrine --learn-keys: %s",
             learn_done(l) ? "done" : "press the clicker's buttons one by one");
    app_show_message(a, learn_prompt(l), progress);
}

/* The keys learnt into the settings file (opt->settings or the default). */
static bool save_keys(App *a, const AppOptions *opt, const Learn *l)
{
    Settings *st = app_settings(a);
    learn_apply(l, &st->keys);
    char path[4096];
    if (opt->settings)
        snprintf(path, sizeof path, "%s", opt->settings);
    else
        settings_default_path(path, sizeof path);
    DiagList d = {0};
    bool ok = settings_save_keys(path, &st->keys, &d);
    if (ok)
        printf("vitrine: the clicker's keys are written to %s\n", path);
    diag_print(&d, stderr);
    diag_clear(&d);
    return ok;
}

int learnkeys_run(const AppOptions *opt)
{
    App *a = app_open(opt, false);
    if (!a)
        return 1;
    Learn *l = learn_create(app_now(a));
    int status = 1;
    char last_prompt[512] = "";
    bool quit = false, redraw = true;
    while (l && !learn_done(l) && !quit) {
        if (strcmp(learn_prompt(l), last_prompt) != 0) {
            snprintf(last_prompt, sizeof last_prompt, "%s", learn_prompt(l));
            printf("%s\n", last_prompt); /* for a lecturer at a terminal, and for tests */
            fflush(stdout);
            redraw = true;
        }
        if (redraw) {
            learn_draw(a, l);
            redraw = false;
        }
        uint64_t wait = learn_next_deadline(l, app_now(a));
        SDL_Event e;
        if (SDL_WaitEventTimeout(&e, wait > INT_MAX ? INT_MAX : (int)wait + 1)) {
            InputView v = {.now = app_now(a)}; /* keys need nothing else */
            Event ev;
            if (e.type == SDL_QUIT) {
                quit = true; /* SIGTERM/SIGINT: leave without writing */
            } else if (e.type == SDL_KEYDOWN && (input_translate(&e, &v, &ev) & INPUT_EVENT)) {
                learn_key(l, ev.key, ev.mods, ev.repeat, app_now(a));
            } else if (e.type == SDL_WINDOWEVENT) {
                redraw = true;
            }
        }
        learn_tick(l, app_now(a));
    }
    if (l && learn_done(l)) {
        printf("%s\n", learn_prompt(l));
        if (save_keys(a, opt, l))
            status = 0;
        learn_draw(a, l);
    }
    learn_free(l);
    app_close(a);
    return status;
}
