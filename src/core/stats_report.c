/* SPDX-License-Identifier: GPL-3.0-or-later */
/* stats_report.c - see stats_report.h
 *
 * Three parts: reading the day files into sums (a visit at a time), the
 * small statistics (median, durations), and the tables.
 */
#include "stats_report.h"

#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fsutil.h"
#include "manifest.h"
#include "stats_log.h"

#define DAY_FILE_LEN 16 /* "YYYY-MM-DD.jsonl" */
#define MAX_MS (366LL * 24 * 3600 * 1000) /* any one duration: at most a year */

static bool values_add(StatsValues *vs, int64_t v)
{
    if (vs->n == vs->cap) {
        int cap = vs->cap ? vs->cap * 2 : 16;
        int64_t *nv = realloc(vs->v, (size_t)cap * sizeof *nv);
        if (!nv)
            return false;
        vs->v = nv;
        vs->cap = cap;
    }
    vs->v[vs->n++] = v;
    return true;
}

/* ---- the sums ----------------------------------------------------------------- */

/* Index of exhibition id, added when new; -1 when there are too many, or on
 * out of memory. Kept in the order first seen while reading (visits hold
 * indices), sorted at the end. */
static int find_ex(StatsReport *r, const char *id)
{
    for (int i = 0; i < r->n_ex; i++)
        if (strcmp(r->ex[i].id, id) == 0)
            return i;
    if (r->n_ex == STATS_REPORT_MAX_EXHIBITIONS)
        return -1;
    StatsExSum *ne = realloc(r->ex, (size_t)(r->n_ex + 1) * sizeof *ne);
    if (!ne)
        return -1;
    r->ex = ne;
    StatsExSum *e = &r->ex[r->n_ex];
    memset(e, 0, sizeof *e);
    e->id = strdup(id);
    if (!e->id)
        return -1;
    return r->n_ex++;
}

/* Slide k (1-based) of e, the list grown to hold it; NULL on out of memory. */
static StatsSlideSum *ex_slide(StatsExSum *e, int k)
{
    if (k > e->n_slide) {
        StatsSlideSum *ns = realloc(e->slide, (size_t)k * sizeof *ns);
        if (!ns)
            return NULL;
        memset(ns + e->n_slide, 0, (size_t)(k - e->n_slide) * sizeof *ns);
        e->slide = ns;
        e->n_slide = k;
    }
    if (k > e->slides)
        e->slides = k;
    return &e->slide[k - 1];
}

static int find_lang(StatsReport *r, const char *code)
{
    for (int i = 0; i < r->n_lang; i++)
        if (strcmp(r->lang[i].code, code) == 0)
            return i;
    if (r->n_lang == STATS_REPORT_MAX_LANGS)
        return r->n_lang - 1;
    snprintf(r->lang[r->n_lang].code, sizeof r->lang[r->n_lang].code, "%s", code);
    return r->n_lang++;
}

/* The day's entry, inserted in date order; NULL on out of memory. */
static StatsDaySum *find_day(StatsReport *r, const char *date)
{
    int at = 0;
    while (at < r->n_day && strcmp(r->day[at].date, date) < 0)
        at++;
    if (at < r->n_day && strcmp(r->day[at].date, date) == 0)
        return &r->day[at];
    StatsDaySum *nd = realloc(r->day, (size_t)(r->n_day + 1) * sizeof *nd);
    if (!nd)
        return NULL;
    r->day = nd;
    memmove(&r->day[at + 1], &r->day[at], (size_t)(r->n_day - at) * sizeof *nd);
    memset(&r->day[at], 0, sizeof *nd);
    snprintf(r->day[at].date, sizeof r->day[at].date, "%s", date);
    r->n_day++;
    return &r->day[at];
}

/* ---- reading: one visit at a time ------------------------------------------------ */

typedef struct {
    int ex;                     /* index into StatsReport.ex */
    int furthest;               /* 1-based, 0 = no slide seen */
    int64_t time;               /* ms on its slides, views ended by moving on */
} VisitEx;

typedef struct {
    StatsReport *r;
    DiagList *diags;
    const char *file;
    int line;
    int warned;
    /* the visit being read */
    bool open;
    bool counted;               /* it began with visit_start (in the range read) */
    char date[11];
    int lang;                   /* index into r->lang, -1 = not known */
    VisitEx *vex;
    int n_vex, cap_vex;
} Reader;

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static void bad(Reader *rd, int col, const char *fmt, ...)
{
    rd->r->skipped++;
    if (++rd->warned > STATS_REPORT_MAX_WARNINGS)
        return;
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    diag_add(rd->diags, DIAG_WARNING, rd->file, rd->line, col, "%s; line skipped", msg);
}

static void end_visit(Reader *rd)
{
    StatsReport *r = rd->r;
    for (int i = 0; i < rd->n_vex; i++) {
        const VisitEx *v = &rd->vex[i];
        StatsExSum *e = &r->ex[v->ex];
        values_add(&e->time, v->time);
        values_add(&e->furthest, v->furthest);
        for (int k = 1; k <= v->furthest; k++) {
            StatsSlideSum *s = ex_slide(e, k);
            if (s)
                s->reached++;
        }
    }
    if (rd->open && rd->counted && rd->lang >= 0) {
        r->lang[rd->lang].visits++;
        StatsDaySum *d = find_day(r, rd->date);
        if (d)
            d->visits[rd->lang]++;
    }
    rd->open = false;
    rd->n_vex = 0;
}

static void begin_visit(Reader *rd, const char *date, bool counted, int lang)
{
    end_visit(rd);
    rd->open = true;
    rd->counted = counted;
    snprintf(rd->date, sizeof rd->date, "%s", date);
    rd->lang = lang;
}

/* This visit's entry for exhibition ex (a visit counts once per exhibition). */
static VisitEx *visit_ex(Reader *rd, int ex, const char *date)
{
    if (!rd->open)
        begin_visit(rd, date, false, -1); /* its visit_start is before the range */
    for (int i = 0; i < rd->n_vex; i++)
        if (rd->vex[i].ex == ex)
            return &rd->vex[i];
    if (rd->n_vex == rd->cap_vex) {
        int cap = rd->cap_vex ? rd->cap_vex * 2 : 8;
        VisitEx *nv = realloc(rd->vex, (size_t)cap * sizeof *nv);
        if (!nv)
            return NULL;
        rd->vex = nv;
        rd->cap_vex = cap;
    }
    rd->r->ex[ex].visits++;
    rd->vex[rd->n_vex] = (VisitEx){ex, 0, 0};
    return &rd->vex[rd->n_vex++];
}

static const char *get_str(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) && json_string_length(v) > 0 ? json_string_value(v) : NULL;
}

static bool get_int(json_t *o, const char *key, int64_t min, int64_t max, int64_t *out)
{
    json_t *v = json_object_get(o, key);
    if (!json_is_integer(v) || json_integer_value(v) < min || json_integer_value(v) > max)
        return false;
    *out = (int64_t)json_integer_value(v);
    return true;
}

/* "exhibition" and "slide" of a slide or zoom event: false (and a warning)
 * when either is missing. */
static bool get_place(Reader *rd, json_t *o, const char *event, const char **id, int64_t *slide)
{
    *id = get_str(o, "exhibition");
    if (!*id) {
        bad(rd, 1, "\"%s\" event without an \"exhibition\" id", event);
        return false;
    }
    if (!get_int(o, "slide", 1, MANIFEST_MAX_SLIDES, slide)) {
        bad(rd, 1, "\"%s\" event without a \"slide\" number from 1 to %d", event, MANIFEST_MAX_SLIDES);
        return false;
    }
    return true;
}

/* find_ex, with a warning when the line cannot be counted. */
static int ex_of(Reader *rd, const char *id)
{
    int i = find_ex(rd->r, id);
    if (i < 0)
        bad(rd, 1, "more than %d exhibitions (or out of memory)", STATS_REPORT_MAX_EXHIBITIONS);
    return i;
}

static void on_slide(Reader *rd, json_t *o, const char *date)
{
    StatsReport *r = rd->r;
    const char *id;
    int64_t k, dwell;
    if (!get_place(rd, o, "slide", &id, &k))
        return;
    if (!get_int(o, "dwell_ms", 0, MAX_MS, &dwell)) {
        bad(rd, 1, "\"slide\" event without \"dwell_ms\" (whole milliseconds, 0 or more)");
        return;
    }
    const char *ended = get_str(o, "ended");
    const char *lang = get_str(o, "language");
    bool moved_on = ended && strcmp(ended, "visitor") == 0;
    int ei = ex_of(rd, id);
    VisitEx *v = ei >= 0 ? visit_ex(rd, ei, date) : NULL;
    StatsSlideSum *s = ei >= 0 ? ex_slide(&r->ex[ei], (int)k) : NULL;
    if (!v || !s)
        return; /* out of memory */
    s->views++;
    if (v->furthest < (int)k)
        v->furthest = (int)k;
    int64_t watched, reached, len;
    if (get_int(o, "film_length_ms", 1, MAX_MS, &len) && get_int(o, "film_watched_ms", 0, MAX_MS, &watched) &&
        get_int(o, "film_reached_ms", 0, MAX_MS, &reached)) { /* a film's slide: how much was watched */
        int64_t pm = reached >= len ? 1000 : reached * 1000 / len;
        s->film_views++;
        s->film_to_end += pm >= 950;
        values_add(&s->film_watched, watched);
        values_add(&s->film_reached, pm);
    }
    int li = lang ? find_lang(r, lang) : -1;
    if (li >= 0)
        r->lang[li].views++;
    if (!moved_on)
        return;
    values_add(&s->dwell, dwell);
    s->dwell_total += dwell;
    v->time += dwell;
    if (li >= 0)
        r->lang[li].time += dwell;
}

static void on_event(Reader *rd, json_t *o)
{
    StatsReport *r = rd->r;
    const char *ev = get_str(o, "event"), *time = get_str(o, "time");
    char date[11];
    if (!ev) {
        bad(rd, 1, "no \"event\"");
        return;
    }
    snprintf(date, sizeof date, "%.10s", time ? time : "");
    if (!stats_log_day_ok(date)) {
        bad(rd, 1, "no \"time\" (\"YYYY-MM-DDTHH:MM:SS+HH:MM\")");
        return;
    }
    if ((r->from[0] && strcmp(date, r->from) < 0) || (r->to[0] && strcmp(date, r->to) > 0))
        return; /* outside the dates asked for */
    if (!r->first[0] || strcmp(date, r->first) < 0)
        snprintf(r->first, sizeof r->first, "%s", date);
    if (strcmp(date, r->last) > 0)
        snprintf(r->last, sizeof r->last, "%s", date);

    if (strcmp(ev, "visit_start") == 0) {
        const char *lang = get_str(o, "language");
        begin_visit(rd, date, true, lang ? find_lang(r, lang) : -1);
        r->visits++;
    } else if (strcmp(ev, "visit_end") == 0) {
        int64_t active;
        if (!get_int(o, "active_ms", 0, MAX_MS, &active)) {
            bad(rd, 1, "\"visit_end\" event without \"active_ms\" (whole milliseconds, 0 or more)");
            return;
        }
        if (rd->open && rd->counted)
            values_add(&r->active, active);
        end_visit(rd);
    } else if (strcmp(ev, "exhibition") == 0) {
        const char *id = get_str(o, "exhibition");
        int64_t slides = 0;
        if (!id) {
            bad(rd, 1, "\"exhibition\" event without an \"exhibition\" id");
            return;
        }
        int ei = ex_of(rd, id);
        if (ei >= 0 && get_int(o, "slides", 1, MANIFEST_MAX_SLIDES, &slides))
            ex_slide(&r->ex[ei], (int)slides);
        if (ei >= 0)
            visit_ex(rd, ei, date);
    } else if (strcmp(ev, "slide") == 0) {
        on_slide(rd, o, date);
    } else if (strcmp(ev, "language") == 0) {
        const char *lang = get_str(o, "language");
        if (!lang) {
            bad(rd, 1, "\"language\" event without a \"language\"");
            return;
        }
        if (!rd->open)
            begin_visit(rd, date, false, -1);
        rd->lang = find_lang(r, lang);
        r->lang[rd->lang].chosen++;
    } else if (strcmp(ev, "zoom") == 0) {
        const char *id;
        int64_t k, ms = 0;
        if (!get_place(rd, o, "zoom", &id, &k))
            return;
        get_int(o, "zoom_ms", 0, MAX_MS, &ms);
        int ei = ex_of(rd, id);
        StatsSlideSum *s = ei >= 0 ? ex_slide(&r->ex[ei], (int)k) : NULL;
        if (s) {
            s->zooms++;
            s->zoom_ms += ms;
        }
    } else if (strcmp(ev, "captions") == 0) {
        json_t *shown = json_object_get(o, "shown");
        if (!json_is_boolean(shown)) {
            bad(rd, 1, "\"captions\" event without \"shown\" (true or false)");
            return;
        }
        r->captions_hidden += json_is_false(shown);
    } else {
        bad(rd, 1, "unknown event \"%.40s\"", ev);
    }
}

static void read_line(Reader *rd, const char *text)
{
    json_error_t err;
    json_t *o = json_loads(text, JSON_REJECT_DUPLICATES, &err);
    if (!o) {
        bad(rd, err.column > 0 ? err.column : 1, "not JSON: %s", err.text);
        return;
    }
    if (!json_is_object(o))
        bad(rd, 1, "not a JSON object");
    else
        on_event(rd, o);
    json_decref(o);
}

static void read_file(Reader *rd, const char *path)
{
    struct stat st;
    if (stat(path, &st) == 0 && st.st_size > STATS_REPORT_MAX_FILE) {
        diag_add(rd->diags, DIAG_WARNING, path, 0, 0,
                 "larger than %ld MB, which vitrine never writes in a day; file skipped",
                 STATS_REPORT_MAX_FILE / (1024 * 1024));
        return;
    }
    FILE *f = fopen(path, "r");
    if (!f) {
        diag_add(rd->diags, DIAG_WARNING, path, 0, 0, "cannot read: %s; file skipped", strerror(errno));
        return;
    }
    rd->r->files++;
    rd->file = path;
    rd->line = 0;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) >= 0) {
        rd->line++;
        /* only the file's last line can lack its newline: vitrine writes a
         * line and its newline together, so a cut happened in the middle */
        bool torn = n > 0 && line[n - 1] != '\n';
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        if (n == 0)
            continue;
        rd->r->lines++;
        if (torn)
            bad(rd, 1, "the last line is cut short (no newline: the power went while it was "
                "written)");
        else if (n > STATS_REPORT_MAX_LINE || strlen(line) != (size_t)n)
            bad(rd, 1, "not a line vitrine writes (too long, or a NUL byte in it)");
        else
            read_line(rd, line);
    }
    free(line);
    fclose(f);
}

static int cmp_ex(const void *a, const void *b)
{
    return strcmp(((const StatsExSum *)a)->id, ((const StatsExSum *)b)->id);
}

/* The day files of dir in range, sorted; *n of them (0 when none). */
static char **day_files(const char *dir, const StatsReport *r, int *n)
{
    int all;
    char **names = fs_list(dir, &all);
    *n = 0;
    for (int i = 0; names && i < all; i++) {
        const char *f = names[i];
        char day[11];
        snprintf(day, sizeof day, "%.10s", f);
        bool in_range = strlen(f) == DAY_FILE_LEN && strcmp(f + 10, ".jsonl") == 0 && stats_log_day_ok(day) &&
                        (!r->from[0] || strcmp(day, r->from) >= 0) && (!r->to[0] || strcmp(day, r->to) <= 0);
        char *path = in_range ? fs_path_join(dir, f) : NULL;
        free(names[i]);
        if (path)
            names[(*n)++] = path; /* in place: *n <= i */
    }
    return names;
}

static bool is_dir(const char *path)
{
    struct stat st;
    return path && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

bool stats_report_load(StatsReport *r, const char *logdir, const char *from, const char *to,
                       DiagList *diags)
{
    memset(r, 0, sizeof *r);
    snprintf(r->from, sizeof r->from, "%s", from ? from : "");
    snprintf(r->to, sizeof r->to, "%s", to ? to : "");
    char *sub = fs_path_join(logdir, STATS_DIR);
    const char *dir = is_dir(sub) ? sub : logdir;
    struct stat st;
    int rc = stat(dir, &st);
    if (rc != 0 || !S_ISDIR(st.st_mode)) {
        diag_add(diags, DIAG_ERROR, logdir, 0, 0, "cannot read the statistics folder: %s",
                 strerror(rc != 0 ? errno : ENOTDIR));
        free(sub);
        return false;
    }
    int n;
    char **files = day_files(dir, r, &n);
    Reader rd = {.r = r, .diags = diags, .lang = -1};
    for (int i = 0; i < n; i++)
        read_file(&rd, files[i]);
    end_visit(&rd);
    if (rd.warned > STATS_REPORT_MAX_WARNINGS)
        diag_add(diags, DIAG_WARNING, dir, 0, 0, "%d more bad lines skipped without a warning each",
                 rd.warned - STATS_REPORT_MAX_WARNINGS);
    for (int i = 0; i < n; i++)
        free(files[i]);
    free(files);
    free(rd.vex);
    free(sub);
    if (r->n_ex > 1)
        qsort(r->ex, (size_t)r->n_ex, sizeof *r->ex, cmp_ex);
    return true;
}

void stats_report_free(StatsReport *r)
{
    if (!r)
        return;
    for (int i = 0; i < r->n_ex; i++) {
        StatsExSum *e = &r->ex[i];
        for (int k = 0; k < e->n_slide; k++) {
            free(e->slide[k].dwell.v);
            free(e->slide[k].film_watched.v);
            free(e->slide[k].film_reached.v);
        }
        free(e->slide);
        free(e->time.v);
        free(e->furthest.v);
        free(e->id);
    }
    free(r->ex);
    free(r->day);
    free(r->active.v);
    memset(r, 0, sizeof *r);
}

/* ---- small statistics ---------------------------------------------------------------- */

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

double stats_median(const StatsValues *vals)
{
    if (!vals || vals->n == 0)
        return 0.0;
    int64_t *s = malloc((size_t)vals->n * sizeof *s);
    if (!s)
        return 0.0;
    memcpy(s, vals->v, (size_t)vals->n * sizeof *s);
    qsort(s, (size_t)vals->n, sizeof *s, cmp_i64);
    int n = vals->n;
    double m = n % 2 ? (double)s[n / 2] : ((double)s[n / 2 - 1] + (double)s[n / 2]) / 2.0;
    free(s);
    return m;
}

void stats_format_ms(int64_t ms, char *buf, size_t n)
{
    int64_t s = ms > 0 ? (ms + 500) / 1000 : 0;
    if (s >= 3600)
        snprintf(buf, n, "%lld:%02lld:%02lld", (long long)(s / 3600), (long long)(s / 60 % 60),
                 (long long)(s % 60));
    else
        snprintf(buf, n, "%lld:%02lld", (long long)(s / 60), (long long)(s % 60));
}

static int64_t median_ms(const StatsValues *vals)
{
    return (int64_t)(stats_median(vals) + 0.5);
}

static int64_t sum(const StatsValues *vals)
{
    int64_t t = 0;
    for (int i = 0; i < vals->n; i++)
        t += vals->v[i];
    return t;
}

/* ---- the tables ------------------------------------------------------------------------ */

/* A title on one line: control characters (a newline in a manifest) become spaces. */
static void put_title(FILE *out, const char *t)
{
    for (const char *p = t ? t : ""; *p; p++)
        fputc((unsigned char)*p < 0x20 ? ' ' : *p, out);
    fputc('\n', out);
}

static const Exhibition *lib_ex(const Library *lib, const char *id)
{
    int i = lib ? library_find(lib, id) : -1;
    return i >= 0 ? lib->items[i] : NULL;
}

static const char *slide_title(const Exhibition *ex, int k, const char *lang)
{
    return ex && k >= 1 && k <= ex->n_slides ? loc_get(&ex->slides[k - 1].title, lang, ex) : NULL;
}

static void print_summary(const StatsReport *r, FILE *out)
{
    char a[32], b[32];
    fprintf(out, "Visitor statistics, %s to %s\n", r->from[0] ? r->from : r->first,
            r->to[0] ? r->to : r->last);
    fprintf(out, "Read %d file%s, %d line%s; %d bad line%s skipped\n\n", r->files,
            r->files == 1 ? "" : "s", r->lines, r->lines == 1 ? "" : "s", r->skipped,
            r->skipped == 1 ? "" : "s");
    stats_format_ms(median_ms(&r->active), a, sizeof a);
    stats_format_ms(sum(&r->active), b, sizeof b);
    fprintf(out, "Visits            %d\n", r->visits);
    fprintf(out, "Median visit      %s (first touch to last touch)\n", a);
    fprintf(out, "Total             %s\n", b);
    fprintf(out, "Captions hidden   %d time%s\n", r->captions_hidden, r->captions_hidden == 1 ? "" : "s");
}

static int id_width(const StatsReport *r)
{
    int w = 10;
    for (int i = 0; i < r->n_ex; i++)
        if ((int)strlen(r->ex[i].id) > w)
            w = (int)strlen(r->ex[i].id);
    return w;
}

static void print_exhibitions(const StatsReport *r, const Library *lib, const char *lang, FILE *out)
{
    int w = id_width(r);
    fprintf(out, "\n%-*s  Visits  Median time  Total time  Median furthest  Title\n", w, "Exhibition");
    for (int i = 0; i < r->n_ex; i++) {
        const StatsExSum *e = &r->ex[i];
        char med[32], tot[32], far[32];
        stats_format_ms(median_ms(&e->time), med, sizeof med);
        stats_format_ms(sum(&e->time), tot, sizeof tot);
        double f = stats_median(&e->furthest);
        if (f == (double)(int)f)
            snprintf(far, sizeof far, "%d of %d", (int)f, e->slides);
        else
            snprintf(far, sizeof far, "%.1f of %d", f, e->slides);
        fprintf(out, "%-*s  %6d  %11s  %10s  %-15s  ", w, e->id, e->visits, med, tot, far);
        const Exhibition *ex = lib_ex(lib, e->id);
        put_title(out, ex ? loc_get(&ex->title, lang, ex) : "(not in the exhibitions folder)");
    }
}

static void print_slides(const StatsExSum *e, const Library *lib, const char *lang, FILE *out)
{
    const Exhibition *ex = lib_ex(lib, e->id);
    fprintf(out, "\n%s\nSlide  Views  Reached   Median    Total  Zooms  Title\n", e->id);
    int n = e->slides > e->n_slide ? e->slides : e->n_slide;
    for (int k = 1; k <= n; k++) {
        StatsSlideSum none = {0};
        const StatsSlideSum *s = k <= e->n_slide ? &e->slide[k - 1] : &none;
        char med[32] = "-", tot[32] = "-"; /* no view ended by moving on: not known */
        if (s->dwell.n > 0) {
            stats_format_ms(median_ms(&s->dwell), med, sizeof med);
            stats_format_ms(s->dwell_total, tot, sizeof tot);
        }
        int visits = e->furthest.n;
        int pct = visits ? (s->reached * 100 + visits / 2) / visits : 0;
        fprintf(out, "%5d  %5d  %6d%%  %7s  %7s  %5d  ", k, s->views, pct, med, tot, s->zooms);
        put_title(out, slide_title(ex, k, lang));
    }
}

static void print_languages(const StatsReport *r, FILE *out)
{
    fprintf(out, "\nLanguage  Visits  Views     Time  Chosen\n");
    for (int i = 0; i < r->n_lang; i++) {
        const StatsLangSum *l = &r->lang[i];
        char t[32];
        stats_format_ms(l->time, t, sizeof t);
        fprintf(out, "%-8s  %6d  %5d  %7s  %6d\n", l->code, l->visits, l->views, t, l->chosen);
    }
}

typedef struct {
    const StatsExSum *e;
    int k;
} Zoomed;

static int cmp_zoomed(const void *a, const void *b)
{
    const Zoomed *x = a, *y = b;
    const StatsSlideSum *sx = &x->e->slide[x->k - 1], *sy = &y->e->slide[y->k - 1];
    if (sx->zooms != sy->zooms)
        return sy->zooms - sx->zooms;
    if (sx->zoom_ms != sy->zoom_ms)
        return sy->zoom_ms > sx->zoom_ms ? 1 : -1;
    int c = strcmp(x->e->id, y->e->id);
    return c ? c : x->k - y->k;
}

static void print_zoomed(const StatsReport *r, const Library *lib, const char *lang, FILE *out)
{
    int n = 0;
    for (int i = 0; i < r->n_ex; i++)
        for (int k = 0; k < r->ex[i].n_slide; k++)
            n += r->ex[i].slide[k].zooms > 0;
    if (n == 0) {
        fprintf(out, "\nMost zoomed: none (nobody zoomed into a slide)\n");
        return;
    }
    Zoomed *z = malloc((size_t)n * sizeof *z);
    if (!z)
        return;
    n = 0;
    for (int i = 0; i < r->n_ex; i++)
        for (int k = 0; k < r->ex[i].n_slide; k++)
            if (r->ex[i].slide[k].zooms > 0)
                z[n++] = (Zoomed){&r->ex[i], k + 1};
    qsort(z, (size_t)n, sizeof *z, cmp_zoomed);
    int w = id_width(r);
    fprintf(out, "\nMost zoomed\nZooms   Zoomed  %-*s  Slide  Title\n", w, "Exhibition");
    for (int i = 0; i < n && i < STATS_REPORT_TOP_ZOOMED; i++) {
        const StatsSlideSum *s = &z[i].e->slide[z[i].k - 1];
        char t[32];
        stats_format_ms(s->zoom_ms, t, sizeof t);
        fprintf(out, "%5d  %7s  %-*s  %5d  ", s->zooms, t, w, z[i].e->id, z[i].k);
        put_title(out, slide_title(lib_ex(lib, z[i].e->id), z[i].k, lang));
    }
    free(z);
}

/* The films watched (only when the days hold any): per film's slide, how
 * often it was seen, the median time it played, the median share of it
 * reached, and how often it was watched to (within 5% of) its end. */
static void print_films(const StatsReport *r, const Library *lib, const char *lang, FILE *out)
{
    bool any = false;
    int w = id_width(r);
    for (int i = 0; i < r->n_ex; i++)
        for (int k = 0; k < r->ex[i].n_slide; k++) {
            const StatsSlideSum *s = &r->ex[i].slide[k];
            if (s->film_views == 0)
                continue;
            if (!any)
                fprintf(out, "\nFilms\nViews  Watched  Reached  To the end  %-*s  Slide  Title\n", w, "Exhibition");
            any = true;
            char t[32];
            stats_format_ms(median_ms(&s->film_watched), t, sizeof t);
            fprintf(out, "%5d  %7s  %6.0f%%  %10d  %-*s  %5d  ", s->film_views, t,
                    stats_median(&s->film_reached) / 10.0, s->film_to_end, w, r->ex[i].id, k + 1);
            put_title(out, slide_title(lib_ex(lib, r->ex[i].id), k + 1, lang));
        }
}

static void print_days(const StatsReport *r, FILE *out)
{
    fprintf(out, "\nDate       ");
    for (int i = 0; i < r->n_lang; i++)
        fprintf(out, "  %5s", r->lang[i].code);
    fprintf(out, "  Total\n");
    for (int d = 0; d < r->n_day; d++) {
        int total = 0;
        fprintf(out, "%s ", r->day[d].date);
        for (int i = 0; i < r->n_lang; i++) {
            fprintf(out, "  %5d", r->day[d].visits[i]);
            total += r->day[d].visits[i];
        }
        fprintf(out, "  %5d\n", total);
    }
}

void stats_report_print(const StatsReport *r, const Library *lib, const char *lang, FILE *out)
{
    if (r->lines - r->skipped <= 0 || !r->first[0]) {
        fprintf(out, "No visitor statistics%s%s%s%s (%d file%s read)\n", r->from[0] ? " from " : "",
                r->from, r->to[0] ? " to " : "", r->to, r->files, r->files == 1 ? "" : "s");
        return;
    }
    print_summary(r, out);
    print_exhibitions(r, lib, lang, out);
    for (int i = 0; i < r->n_ex; i++)
        print_slides(&r->ex[i], lib, lang, out);
    print_languages(r, out);
    print_zoomed(r, lib, lang, out);
    print_films(r, lib, lang, out);
    print_days(r, out);
}
