/* SPDX-License-Identifier: GPL-3.0-or-later */
/* show_state.c - see show_state.h */
#include "show_state.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

int show_state_format(const ShowStateLine *l, char *buf, size_t n)
{
    char id_small[256] = "null", lang_small[64];
    char *id = l->exhibition ? json_str_fit(l->exhibition, id_small, sizeof id_small) : id_small;
    char *lang = json_str_fit(l->language, lang_small, sizeof lang_small);
    char slide[16] = "null", slides[16] = "null";
    if (l->exhibition) {
        snprintf(slide, sizeof slide, "%d", l->slide);
        snprintf(slides, sizeof slides, "%d", l->slides);
    }
    char pacing[24] = "null", go[16] = "null", admin[16] = "null";
    if (l->has_pacing)
        snprintf(pacing, sizeof pacing, "%lld", (long long)l->pacing_ms);
    if (l->go_to >= 0)
        snprintf(go, sizeof go, "%d", l->go_to);
    if (l->admin)
        snprintf(admin, sizeof admin, "\"%s\"", l->admin);
    char zoom[64] = "1.0";
    if (zoom_active(l->zoom))
        snprintf(zoom, sizeof zoom, "%.2f,\"zoom_centre\":[%.3f,%.3f]", (double)l->zoom.z,
                 (double)l->zoom.cx, (double)l->zoom.cy);
    char problems[32] = "";
    if (l->problems >= 0)
        snprintf(problems, sizeof problems, ",\"problems\":%d", l->problems);
    /* only while it applies, so that every other state line stays as it was */
    char wait_small[256] = "";
    char *wait = wait_small;
    if (l->waiting_for) {
        char id_s[224];
        char *w = json_str_fit(l->waiting_for, id_s, sizeof id_s);
        size_t need = w ? strlen(w) + sizeof ",\"waiting_for\":" : 0;
        wait = !w ? NULL : need <= sizeof wait_small ? wait_small : malloc(need);
        if (wait)
            snprintf(wait, need, ",\"waiting_for\":%s", w);
        if (w != id_s)
            free(w);
    }
    int r = -1;
    /* "timer" stays last: --state-file compares what comes before it. */
    if (id && lang && wait)
        r = snprintf(buf, n,
                     "{\"screen\":\"%s\",\"mode\":\"%s\",\"exhibition\":%s,\"slide\":%s,\"slides\":%s,"
                     "\"exhibitions\":%d,\"home_selection\":%d,"
                     "\"language\":%s,\"zoom\":%s,\"captions\":%s,\"running\":%s,"
                     "\"blank\":%s,\"overview_selection\":%d,\"timer_overlay\":%s,\"goto\":%s,"
                     "\"presenter\":%s,\"admin\":%s,\"idle\":\"%s\",\"large_text\":%s,\"high_contrast\":%s%s%s,"
                     "\"timer\":{\"elapsed_ms\":%lld,\"remaining_ms\":%lld,\"running\":%s,"
                     "\"level\":\"%s\",\"pacing_ms\":%s}}",
                     l->screen, l->lecture ? "lecture" : "kiosk", id, slide, slides,
                     l->exhibitions, l->home_selection,
                     lang, zoom, l->captions ? "true" : "false",
                     l->running ? "true" : "false",
                     l->blank == BLANK_BLACK ? "\"black\"" : l->blank == BLANK_WHITE ? "\"white\"" : "null",
                     l->overview_selection, l->timer_overlay ? "true" : "false", go,
                     l->presenter ? "true" : "false", admin, l->idle,
                     l->large_text ? "true" : "false", l->high_contrast ? "true" : "false", problems, wait,
                     (long long)l->elapsed_ms, (long long)l->remaining_ms,
                     l->timer_running ? "true" : "false", l->level, pacing);
    if (id != id_small)
        free(id);
    if (lang != lang_small)
        free(lang);
    if (wait != wait_small)
        free(wait);
    return r;
}
