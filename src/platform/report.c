/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report.c - see report.h */
#include "report.h"

#include <SDL.h>
#include <SDL_image.h>
#include <stdio.h>

#include "core/lang.h"
#include "core/library.h"
#include "core/stats_chart.h"
#include "core/stats_report.h"
#include "page.h"

/* Draw r's chart into path. */
static bool write_chart(const StatsReport *r, const Library *lib, const char *lang, const char *path)
{
    Text *text = page_fonts();
    if (!text)
        return false;
    Measure m = text_measure(text);
    Scene sc;
    scene_init(&sc);
    int h = 0;
    stats_chart_build(&sc, r, lib, lang, &m, &h);
    Page p;
    bool ok = !sc.oom && page_open(&p, text, STATS_CHART_W, h);
    if (ok) {
        page_draw(&p, &sc);
        ok = page_save(&p, path);
        page_close(&p);
    }
    scene_free(&sc);
    page_fonts_free(text);
    return ok;
}

int report_main(const ReportOptions *o)
{
    DiagList d = {0};
    StatsReport r;
    bool loaded = stats_report_load(&r, o->logdir, o->from, o->to, &d);
    diag_print(&d, stderr);
    diag_clear(&d);
    if (!loaded) {
        stats_report_free(&r);
        return 1;
    }
    Settings st;
    page_settings(&st, o->settings);
    const char *first = LANG_FALLBACK;
    lang_defaults(&first, 1);
    const char *lang = o->lang ? o->lang : st.start_lang ? st.start_lang : st.n_langs ? st.langs[0] : first;
    /* Titles only: the exhibitions' own problems are --check's business. */
    Library *lib = library_load(o->dir, &d);
    diag_clear(&d);
    stats_report_print(&r, lib, lang, stdout);
    int status = 0;
    if (r.visits > 0 || r.n_ex > 0) {
        char def[64];
        snprintf(def, sizeof def, "visitor-statistics-%s_%s.png", r.from[0] ? r.from : r.first,
                 r.to[0] ? r.to : r.last);
        const char *path = o->chart ? o->chart : def;
        SDL_Init(0);
        IMG_Init(IMG_INIT_PNG);
        if (write_chart(&r, lib, lang, path))
            printf("\nChart written to %s\n", path);
        else
            status = 1;
        IMG_Quit();
        SDL_Quit();
    }
    fflush(stdout);
    library_free(lib);
    settings_free(&st);
    stats_report_free(&r);
    return status;
}
