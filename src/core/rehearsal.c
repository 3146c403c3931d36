/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rehearsal.c - see rehearsal.h
 *
 * Four parts: recording (begin/update on a clock passed in), the record as a
 * JSON file (written atomically, read strictly with positions), the report a
 * lecturer reads in a terminal, and the suggested budgets (a copy of the
 * manifest with each shown slide's lecture_s set to the time it took).
 */
/* realpath(), mkstemp(), fsync() are XSI */
#define _XOPEN_SOURCE 700

#include "rehearsal.h"

#include "fsutil.h"
#include "jsondiag.h"

#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define REHEARSAL_MAX_BYTES (8u * 1024u * 1024u) /* a record larger than this is refused */
#define REHEARSAL_MAX_DEPTH 8      /* root object > slides array > slide object */
#define REHEARSAL_MAX_MS (366LL * 24 * 3600 * 1000) /* any one duration: at most a year */
#define REHEARSAL_BUDGET_MAX_S 86400 /* as the manifest's lecture_s */
#define SUGGEST_STEP_S 5           /* suggested budgets are multiples of this */
#define REPORT_COLS 5

/* ---- Recording ------------------------------------------------------------ */

/* An absolute form of path when the file exists (the report is usually run
 * later, from another folder), else a copy. NULL only when out of memory. */
static char *absolute_or_copy(const char *path)
{
    char *real = realpath(path, NULL);
    return real ? real : strdup(path);
}

bool rehearsal_begin(Rehearsal *r, const Exhibition *ex, int64_t planned_ms, const char *started)
{
    memset(r, 0, sizeof *r);
    r->current = -1;
    if (!ex || ex->n_slides < 0)
        return false;
    r->exhibition = strdup(ex->id ? ex->id : "");
    if (ex->manifest_path)
        r->manifest_path = absolute_or_copy(ex->manifest_path);
    r->slides = calloc(ex->n_slides > 0 ? (size_t)ex->n_slides : 1, sizeof *r->slides);
    if (!r->exhibition || (ex->manifest_path && !r->manifest_path) || !r->slides) {
        rehearsal_free(r);
        return false;
    }
    r->n = ex->n_slides;
    for (int i = 0; i < r->n; i++)
        r->slides[i].budget_s = ex->slides[i].lecture_s > 0 ? ex->slides[i].lecture_s : 0;
    snprintf(r->started, sizeof r->started, "%s", started ? started : "");
    r->planned_ms = planned_ms > 0 ? planned_ms : 0;
    return true;
}

void rehearsal_update(Rehearsal *r, int slide, bool timer_running, uint64_t now)
{
    if (!r)
        return;
    /* charge the time since the last call to the slide that was on screen */
    if (r->counting && r->current >= 0 && r->current < r->n && now > r->since) {
        int64_t d = (int64_t)(now - r->since);
        r->slides[r->current].spent_ms += d;
        r->total_ms += d;
    }
    if (slide < 0 || slide >= r->n)
        slide = -1;
    if (slide != r->current) {
        r->current = slide;
        if (slide >= 0)
            r->slides[slide].visits++;
    }
    r->counting = timer_running && r->current >= 0;
    r->since = now;
}

void rehearsal_free(Rehearsal *r)
{
    if (!r)
        return;
    free(r->exhibition);
    free(r->manifest_path);
    free(r->slides);
    memset(r, 0, sizeof *r);
    r->current = -1;
}

/* ---- Files ------------------------------------------------------------------ */

/* text[0..len) to path atomically (fsutil.h), its folder made if needed. */
static bool write_atomic(const char *path, const char *text, size_t len, DiagList *diags)
{
    if (!fs_make_parents(path, diags, path))
        return false;
    int err = fs_write_atomic(path, NULL, text, len, 0644);
    if (err)
        diag_add(diags, DIAG_ERROR, path, 0, 0, "cannot write file: %s", strerror(err));
    return err == 0;
}

/* ---- Writing the record ---------------------------------------------------- */

static bool set_new(json_t *obj, const char *key, json_t *v)
{
    return v && json_object_set_new(obj, key, v) == 0;
}

bool rehearsal_write(const Rehearsal *r, const char *path, DiagList *diags)
{
    json_t *root = json_object();
    json_t *slides = json_array();
    bool ok = root && slides;
    ok = ok && set_new(root, "exhibition", json_string(r->exhibition ? r->exhibition : ""));
    ok = ok && set_new(root, "manifest",
                       r->manifest_path ? json_string(r->manifest_path) : json_null());
    ok = ok && set_new(root, "started", json_string(r->started));
    ok = ok && set_new(root, "planned_ms", json_integer(r->planned_ms));
    ok = ok && set_new(root, "total_ms", json_integer(r->total_ms));
    for (int i = 0; ok && i < r->n; i++) {
        const RehearsalSlide *s = &r->slides[i];
        json_t *o = json_object();
        ok = o && json_array_append_new(slides, o) == 0;
        ok = ok && set_new(o, "slide", json_integer(i + 1));
        ok = ok && set_new(o, "spent_ms", json_integer(s->spent_ms));
        ok = ok && set_new(o, "budget_s", json_integer(s->budget_s));
        ok = ok && set_new(o, "visits", json_integer(s->visits));
    }
    if (ok) {
        ok = json_object_set_new(root, "slides", slides) == 0;
        slides = NULL;
    }
    char *text = ok ? json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER) : NULL;
    json_decref(slides);
    json_decref(root);
    if (!text) {
        /* json_string() refuses text that is not UTF-8; otherwise memory */
        diag_add(diags, DIAG_ERROR, path, 0, 0,
                 "cannot write the record: out of memory or text that is not UTF-8");
        return false;
    }
    size_t len = strlen(text);
    char *full = malloc(len + 2);
    if (!full) {
        free(text);
        diag_add(diags, DIAG_ERROR, path, 0, 0, "cannot write file: %s", strerror(ENOMEM));
        return false;
    }
    memcpy(full, text, len);
    full[len] = '\n';
    full[len + 1] = '\0';
    free(text);
    ok = write_atomic(path, full, len + 1, diags);
    free(full);
    return ok;
}

/* ---- Reading the record ---------------------------------------------------- */

static const char *type_name(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER: return "a whole number";
    case JSON_REAL: return "a number with a fraction";
    case JSON_TRUE: return "true";
    case JSON_FALSE: return "false";
    case JSON_NULL: return "null";
    }
    return "a value";
}

/* The member `key` of obj (whose pointer is obj_ptr) when present and of
 * the right type; otherwise a problem and NULL. `where` follows the key in
 * messages ("" or " in slide 3"). */
static json_t *member(JsonDiag *c, json_t *obj, const char *obj_ptr, const char *key,
                      json_type type, bool null_ok, const char *where)
{
    json_t *v = json_object_get(obj, key);
    char ptr[256];
    snprintf(ptr, sizeof ptr, "%s/%s", obj_ptr, key);
    if (!v) {
        jdiag_at_value(c, DIAG_ERROR, obj_ptr, "missing \"%s\"%s", key, where);
        return NULL;
    }
    if (null_ok && json_is_null(v))
        return v;
    if (json_typeof(v) != type) {
        const char *want = type == JSON_STRING ? "a string"
                           : type == JSON_ARRAY ? "an array"
                           : type == JSON_OBJECT ? "an object" : "a whole number";
        jdiag_at_value(c, DIAG_ERROR, ptr, "\"%s\"%s must be %s%s, not %s", key, where, want,
                       null_ok ? " or null" : "", type_name(v));
        return NULL;
    }
    return v;
}

/* A whole number in [0, max]; -1 (after a problem) otherwise. */
static int64_t count_member(JsonDiag *c, json_t *obj, const char *obj_ptr, const char *key,
                            int64_t max, const char *where)
{
    json_t *v = member(c, obj, obj_ptr, key, JSON_INTEGER, false, where);
    if (!v)
        return -1;
    json_int_t x = json_integer_value(v);
    if (x < 0 || x > max) {
        char ptr[256];
        snprintf(ptr, sizeof ptr, "%s/%s", obj_ptr, key);
        jdiag_at_value(c, DIAG_ERROR, ptr, "\"%s\"%s must be between 0 and %lld, not %lld", key,
                       where, (long long)max, (long long)x);
        return -1;
    }
    return (int64_t)x;
}

/* "2026-11-25T19:03:00", optionally followed by a zone ("Z", "+06:00"). */
static bool started_ok(const char *s, size_t cap)
{
    static const char shape[] = "dddd-dd-ddTdd:dd:dd";
    size_t n = strlen(s);
    if (n < sizeof shape - 1 || n >= cap)
        return false;
    for (size_t i = 0; i < sizeof shape - 1; i++) {
        bool ok = shape[i] == 'd' ? (s[i] >= '0' && s[i] <= '9') : s[i] == shape[i];
        if (!ok)
            return false;
    }
    for (size_t i = sizeof shape - 1; i < n; i++)
        if (!strchr("0123456789:+-.Z", s[i]))
            return false;
    return true;
}

/* A relative manifest path in a record is relative to the record's folder. */
static char *resolve_manifest(const char *record_path, const char *manifest)
{
    if (manifest[0] == '/')
        return strdup(manifest);
    const char *slash = strrchr(record_path, '/');
    if (!slash)
        return absolute_or_copy(manifest);
    size_t dn = (size_t)(slash - record_path) + 1, mn = strlen(manifest);
    char *joined = malloc(dn + mn + 1);
    if (!joined)
        return NULL;
    memcpy(joined, record_path, dn);
    memcpy(joined + dn, manifest, mn + 1);
    char *real = realpath(joined, NULL);
    if (real) {
        free(joined);
        return real;
    }
    return joined;
}

static const char *const record_keys[] = {"exhibition", "manifest", "started", "planned_ms",
                                          "total_ms", "slides"};
static const char *const slide_keys[] = {"slide", "spent_ms", "budget_s", "visits"};
#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

static void read_slides(JsonDiag *c, json_t *slides, Rehearsal *t)
{
    size_t n = json_array_size(slides);
    if (n == 0 || n > MANIFEST_MAX_SLIDES) {
        jdiag_at_value(c, DIAG_ERROR, "/slides", "\"slides\" must hold 1 to %d slides, not %zu",
                       MANIFEST_MAX_SLIDES, n);
        return;
    }
    t->slides = calloc(n, sizeof *t->slides);
    if (!t->slides) {
        jdiag_at_value(c, DIAG_ERROR, "/slides", "out of memory");
        return;
    }
    t->n = (int)n;
    for (size_t i = 0; i < n; i++) {
        json_t *o = json_array_get(slides, i);
        char ptr[64], where[48];
        snprintf(ptr, sizeof ptr, "/slides/%zu", i);
        snprintf(where, sizeof where, " in slide %zu", i + 1);
        if (!json_is_object(o)) {
            jdiag_at_value(c, DIAG_ERROR, ptr, "slide %zu must be an object, not %s", i + 1,
                           type_name(o));
            continue;
        }
        RehearsalSlide *s = &t->slides[i];
        int64_t num = count_member(c, o, ptr, "slide", MANIFEST_MAX_SLIDES, where);
        if (num >= 0 && num != (int64_t)i + 1) {
            char p[96];
            snprintf(p, sizeof p, "%s/slide", ptr);
            jdiag_at_value(c, DIAG_ERROR, p,
                           "\"slide\" is %lld but this is entry %zu; slides are listed in order",
                           (long long)num, i + 1);
        }
        int64_t spent = count_member(c, o, ptr, "spent_ms", REHEARSAL_MAX_MS, where);
        int64_t budget = count_member(c, o, ptr, "budget_s", REHEARSAL_BUDGET_MAX_S, where);
        int64_t visits = count_member(c, o, ptr, "visits", INT_MAX, where);
        s->spent_ms = spent > 0 ? spent : 0;
        s->budget_s = budget > 0 ? (int)budget : 0;
        s->visits = visits > 0 ? (int)visits : 0;
        if (spent > 0 && visits == 0) {
            char p[96];
            snprintf(p, sizeof p, "%s/spent_ms", ptr);
            jdiag_at_value(c, DIAG_ERROR, p,
                           "slide %zu has time spent but \"visits\" is 0", i + 1);
        }
        jdiag_unknown_keys(c, o, ptr, slide_keys, N_OF(slide_keys), where, JDIAG_RECORD);
    }
}

static bool read_record(Rehearsal *r, const char *path, DiagList *diags);

bool rehearsal_read(Rehearsal *r, const char *path, DiagList *diags)
{
    int start = diags ? diags->n : 0;
    bool ok = read_record(r, path, diags);
    diag_sort(diags, start);
    return ok;
}

static bool read_record(Rehearsal *r, const char *path, DiagList *diags)
{
    memset(r, 0, sizeof *r);
    r->current = -1;
    size_t len = 0;
    char *buf = jdiag_read_file(path, REHEARSAL_MAX_BYTES, &len, diags);
    if (!buf)
        return false;
    static const JsonRules rules = {REHEARSAL_MAX_DEPTH, NULL, false, false, NULL};
    JsonDiag c = {path, diags, NULL, 0};
    json_t *root = jdiag_parse(&c, buf, len, &rules);
    if (!root) {
        free(buf);
        return false;
    }
    Rehearsal t;
    memset(&t, 0, sizeof t);
    t.current = -1;
    if (!json_is_object(root)) {
        jdiag_at_value(&c, DIAG_ERROR, "",
                       "a lecture record is one object ({...}), not %s", type_name(root));
        goto done;
    }
    jdiag_duplicates(&c, JDIAG_RECORD);
    json_t *v = member(&c, root, "", "exhibition", JSON_STRING, false, "");
    if (v && json_string_length(v) == 0)
        jdiag_at_value(&c, DIAG_ERROR, "/exhibition", "\"exhibition\" is empty");
    else if (v && !(t.exhibition = strdup(json_string_value(v))))
        c.errors++;
    v = member(&c, root, "", "manifest", JSON_STRING, true, "");
    if (v && json_is_string(v)) {
        if (json_string_length(v) == 0)
            jdiag_at_value(&c, DIAG_ERROR, "/manifest", "\"manifest\" is empty");
        else if (!(t.manifest_path = resolve_manifest(path, json_string_value(v))))
            c.errors++;
    }
    v = member(&c, root, "", "started", JSON_STRING, false, "");
    if (v && !started_ok(json_string_value(v), sizeof t.started))
        jdiag_at_value(&c, DIAG_ERROR, "/started",
                       "\"started\" must be a local time like \"2026-11-25T19:03:00\"");
    else if (v)
        snprintf(t.started, sizeof t.started, "%s", json_string_value(v));
    int64_t planned = count_member(&c, root, "", "planned_ms", REHEARSAL_MAX_MS, "");
    int64_t total = count_member(&c, root, "", "total_ms", REHEARSAL_MAX_MS, "");
    t.planned_ms = planned > 0 ? planned : 0;
    t.total_ms = total > 0 ? total : 0;
    json_t *slides = member(&c, root, "", "slides", JSON_ARRAY, false, "");
    if (slides) {
        int before = c.errors;
        read_slides(&c, slides, &t);
        if (c.errors == before && total >= 0) {
            int64_t sum = 0;
            for (int i = 0; i < t.n; i++)
                sum += t.slides[i].spent_ms;
            if (sum != total)
                jdiag_at_value(&c, DIAG_ERROR, "/total_ms",
                               "\"total_ms\" is %lld but the slides' \"spent_ms\" add up to %lld",
                               (long long)total, (long long)sum);
        }
    }
    jdiag_unknown_keys(&c, root, "", record_keys, N_OF(record_keys), "", JDIAG_RECORD);
done:
    jdiag_free(&c);
    json_decref(root);
    free(buf);
    if (c.errors) {
        rehearsal_free(&t);
        return false;
    }
    *r = t;
    return true;
}

/* ---- The report ------------------------------------------------------------- */

/* Milliseconds to whole seconds, halves up (also below zero), so that
 * round(spent) - budget == round(spent - budget) for whole-second budgets. */
static int64_t ms_to_s(int64_t ms)
{
    int64_t x = ms + 500;
    return x >= 0 ? x / 1000 : -((-x + 999) / 1000);
}

/* "m:ss", with "+" or "-" in front when sign (none for zero). */
static const char *mmss(char *buf, size_t n, int64_t s, bool sign)
{
    const char *pre = !sign || s == 0 ? "" : s > 0 ? "+" : "-";
    int64_t a = s < 0 ? -s : s;
    snprintf(buf, n, "%s%lld:%02lld", pre, (long long)(a / 60), (long long)(a % 60));
    return buf;
}

static const char *pacing(char *buf, size_t n, int64_t s)
{
    if (s == 0) {
        snprintf(buf, n, "on time");
    } else {
        char t[24];
        snprintf(buf, n, "%s %s", s > 0 ? "behind" : "ahead", mmss(t, sizeof t, s, false));
    }
    return buf;
}

#define CELL 48
typedef char ReportRow[REPORT_COLS][CELL];

void rehearsal_report(const Rehearsal *r, FILE *out)
{
    int n = r->n > 0 && r->slides ? r->n : 0;
    ReportRow *rows = calloc((size_t)n + 2, sizeof *rows);
    if (!rows) {
        fprintf(out, "Rehearsal  %s\n(out of memory: no table)\n", r->exhibition ? r->exhibition : "");
        return;
    }
    int64_t budget_sum = 0;
    for (int i = 0; i < n; i++)
        budget_sum += r->slides[i].budget_s;

    /* header */
    char a[CELL];
    int64_t total_s = ms_to_s(r->total_ms);
    int64_t plan_s = r->planned_ms > 0 ? ms_to_s(r->planned_ms) : budget_sum;
    fprintf(out, "Rehearsal  %s\n", r->exhibition ? r->exhibition : "");
    fprintf(out, "Started    %s\n", r->started[0] ? r->started : "-");
    if (plan_s > 0) {
        fprintf(out, "Planned    %s%s\n", mmss(a, sizeof a, plan_s, false),
                r->planned_ms > 0 ? "" : " (the slides' budgets)");
        int64_t over = total_s - plan_s;
        char b[CELL];
        fprintf(out, "Actual     %s (%s)\n", mmss(a, sizeof a, total_s, false),
                over == 0 ? "on time" : mmss(b, sizeof b, over, true));
    } else {
        fprintf(out, "Planned    -\n");
        fprintf(out, "Actual     %s\n", mmss(a, sizeof a, total_s, false));
    }
    fputc('\n', out);

    /* the table, as text first so the columns can be measured */
    static const char *const head[REPORT_COLS] = {"Slide", "Budget", "Spent", "Diff", "Pacing"};
    for (int k = 0; k < REPORT_COLS; k++)
        snprintf(rows[0][k], CELL, "%s", head[k]);
    int64_t cum_budget = 0, cum_spent = 0;
    for (int i = 0; i < n; i++) {
        const RehearsalSlide *s = &r->slides[i];
        char(*row)[CELL] = rows[i + 1];
        int64_t spent = ms_to_s(s->spent_ms);
        cum_budget += s->budget_s;
        cum_spent += spent;
        snprintf(row[0], CELL, "%d", i + 1);
        if (s->budget_s > 0)
            mmss(row[1], CELL, s->budget_s, false);
        else
            snprintf(row[1], CELL, "-");
        if (s->visits == 0) {
            snprintf(row[2], CELL, "-");
            snprintf(row[3], CELL, "-");
            snprintf(row[4], CELL, "not shown");
            continue;
        }
        mmss(row[2], CELL, spent, false);
        if (s->budget_s > 0)
            mmss(row[3], CELL, spent - s->budget_s, true);
        else
            snprintf(row[3], CELL, "-");
        if (cum_budget > 0)
            pacing(row[4], CELL, cum_spent - cum_budget);
        else
            snprintf(row[4], CELL, "-");
    }
    char(*tot)[CELL] = rows[n + 1];
    snprintf(tot[0], CELL, "Total");
    if (budget_sum > 0) {
        mmss(tot[1], CELL, budget_sum, false);
        mmss(tot[3], CELL, total_s - budget_sum, true);
        pacing(tot[4], CELL, total_s - budget_sum);
    } else {
        snprintf(tot[1], CELL, "-");
        snprintf(tot[3], CELL, "-");
        snprintf(tot[4], CELL, "-");
    }
    mmss(tot[2], CELL, total_s, false);

    /* all cells are ASCII, so bytes are columns */
    int w[REPORT_COLS] = {0};
    for (int i = 0; i < n + 2; i++)
        for (int k = 0; k < REPORT_COLS; k++) {
            int len = (int)strlen(rows[i][k]);
            if (len > w[k])
                w[k] = len;
        }
    for (int i = 0; i < n + 2; i++) {
        /* right-aligned, but the last column (words) */
        fprintf(out, "%*s", w[0], rows[i][0]);
        for (int k = 1; k < REPORT_COLS - 1; k++)
            fprintf(out, "  %*s", w[k], rows[i][k]);
        fprintf(out, "  %s\n", rows[i][REPORT_COLS - 1]);
    }
    free(rows);
}

/* ---- Suggested budgets ------------------------------------------------------ */

static bool same_file(const char *a, const char *b)
{
    if (strcmp(a, b) == 0)
        return true;
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev
           && sa.st_ino == sb.st_ino;
}

/* Time spent, rounded to the nearest SUGGEST_STEP_S (halves up), at least
 * one step and at most what the manifest allows. */
static int suggested_s(int64_t spent_ms)
{
    int64_t step_ms = SUGGEST_STEP_S * 1000;
    int64_t s = (spent_ms + step_ms / 2) / step_ms * SUGGEST_STEP_S;
    if (s < SUGGEST_STEP_S)
        s = SUGGEST_STEP_S;
    if (s > REHEARSAL_BUDGET_MAX_S)
        s = REHEARSAL_BUDGET_MAX_S;
    return (int)s;
}

bool rehearsal_suggest(const Rehearsal *r, const char *out_path, DiagList *diags)
{
    const char *mpath = r->manifest_path;
    if (!mpath) {
        diag_add(diags, DIAG_ERROR, out_path, 0, 0,
                 "the lecture record does not name its exhibition's manifest");
        return false;
    }
    if (same_file(out_path, mpath)) {
        diag_add(diags, DIAG_ERROR, out_path, 0, 0,
                 "refusing to overwrite the exhibition's own manifest; "
                 "write the suggestion to another file and compare");
        return false;
    }
    size_t len = 0;
    char *buf = jdiag_read_file(mpath, MANIFEST_MAX_BYTES, &len, diags);
    if (!buf)
        return false;
    static const JsonRules rules = {64, NULL, false, false, NULL};
    JsonDiag jd = {mpath, diags, NULL, 0};
    json_t *root = jdiag_parse(&jd, buf, len, &rules);
    jdiag_free(&jd);
    bool ok = false;
    char *text = NULL;
    json_t *slides = json_is_object(root) ? json_object_get(root, "slides") : NULL;
    if (!root) {
        /* jdiag_parse said why */
    } else if (!json_is_array(slides)) {
        diag_add(diags, DIAG_ERROR, mpath, 0, 0, "the manifest has no \"slides\" array");
    } else if (json_array_size(slides) != (size_t)r->n) {
        diag_add(diags, DIAG_ERROR, mpath, 0, 0,
                 "the manifest has %zu slides but the lecture record has %d: it changed since "
                 "the lecture (or some slides could not be shown); no budgets suggested",
                 json_array_size(slides), r->n);
    } else {
        ok = true;
        for (int i = 0; ok && i < r->n; i++) {
            json_t *o = json_array_get(slides, (size_t)i);
            if (r->slides[i].spent_ms <= 0 || !json_is_object(o))
                continue; /* not shown (or not a slide): keeps its budget */
            ok = set_new(o, "lecture_s", json_integer(suggested_s(r->slides[i].spent_ms)));
        }
        if (ok)
            text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        if (!text) {
            ok = false;
            diag_add(diags, DIAG_ERROR, out_path, 0, 0, "cannot write file: %s",
                     strerror(ENOMEM));
        }
    }
    json_decref(root);
    free(buf);
    if (ok) {
        size_t tn = strlen(text);
        char *full = malloc(tn + 2);
        if (full) {
            memcpy(full, text, tn);
            full[tn] = '\n';
            full[tn + 1] = '\0';
            ok = write_atomic(out_path, full, tn + 1, diags);
        } else {
            ok = false;
            diag_add(diags, DIAG_ERROR, out_path, 0, 0, "cannot write file: %s",
                     strerror(ENOMEM));
        }
        free(full);
    }
    free(text);
    return ok;
}
