/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jsondiag.c - see jsondiag.h
 *
 * The words here are the ones curators and tests know (tests/check,
 * tests/bad_content): change them only with those files.
 */
#include "jsondiag.h"

#include "fsutil.h"
#include "jsontext.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Parsing ---------------------------------------------------------------- */

/* jansson's terse words, and the usual cause of each in a hand-edited file. */
static const char *syntax_hint(const json_error_t *err, const JsonRules *r)
{
    if (!r->one_object)
        return "";
    const char *t = err->text;
    enum json_error_code code = json_error_code(err);
    if (strstr(t, "'[' or '{' expected"))
        return r->one_object;
    if (strstr(t, "near end of file") || code == json_error_premature_end_of_input)
        return " (is a closing bracket or quote missing?)";
    if (strstr(t, "'}' expected") || strstr(t, "']' expected"))
        return " (is a comma missing between two items?)";
    if (strstr(t, "end of file expected"))
        return " (is there an extra closing bracket?)";
    if (!r->more_hints)
        return "";
    if (strstr(t, "unexpected token near ']'") || strstr(t, "unexpected token near '}'"))
        return " (is there a comma after the last item?)";
    if (code == json_error_invalid_utf8)
        return " (the file is not UTF-8: save it as UTF-8, not as Windows-1251 or another "
               "encoding)";
    return "";
}

json_t *jdiag_parse(JsonDiag *jd, const char *buf, size_t len, const JsonRules *r)
{
    const char *then = r->then ? r->then : "";
    /* a BOM is common from Windows editors and harmless; jansson refuses it */
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
        buf += 3;
        len -= 3;
    }
    /* Notepad's "Unicode" is UTF-16: two bytes a letter, every other one
     * zero for JSON's punctuation. jansson would stop at the first byte. */
    if (r->refuse_utf16 && len >= 2
        && ((unsigned char)buf[0] == 0xFF || (unsigned char)buf[0] == 0xFE || buf[0] == '\0'
            || buf[1] == '\0')) {
        jd->errors++;
        diag_add(jd->diags, DIAG_ERROR, jd->file, 1, 1,
                 "the file is saved as UTF-16 (\"Unicode\"); save it as UTF-8%s", then);
        return NULL;
    }
    int line, col;
    if (!jsonloc_depth_ok(buf, len, r->max_depth, &line, &col)) {
        jd->errors++;
        diag_add(jd->diags, DIAG_ERROR, jd->file, line, col,
                 "nesting deeper than %d levels of objects and arrays%s", r->max_depth, then);
        return NULL;
    }
    json_error_t err;
    json_t *root = json_loadb(buf, len, 0, &err);
    if (!root) {
        line = err.line > 0 ? err.line : 0;
        col = err.column > 0 ? err.column : 0;
        /* jansson places a bad UTF-8 byte on the character before it */
        if (json_error_code(&err) == json_error_invalid_utf8 && line > 0)
            col++;
        jd->errors++;
        diag_add(jd->diags, DIAG_ERROR, jd->file, line, col, "%s%s%s", err.text,
                 syntax_hint(&err, r), then);
        return NULL;
    }
    jd->loc = jsonloc_build(buf, len);
    return root;
}

void jdiag_free(JsonDiag *jd)
{
    if (!jd)
        return;
    jsonloc_free(jd->loc);
    jd->loc = NULL;
}

/* ---- Reporting -------------------------------------------------------------- */

void jdiag_locate(const JsonDiag *jd, const char *ptr, bool key, int *line, int *col)
{
    *line = *col = 0;
    if (!jd->loc || !ptr)
        return;
    if (key && jsonloc_key(jd->loc, ptr, line, col))
        return;
    char *p = strdup(ptr);
    if (!p)
        return;
    for (;;) {
        if (jsonloc_value(jd->loc, p, line, col))
            break;
        char *slash = strrchr(p, '/');
        if (!slash)
            break;
        *slash = '\0';
    }
    free(p);
}

static void JDIAG_PRINTF(5, 0) vreport(JsonDiag *jd, DiagLevel lv, const char *ptr, bool key,
                                       const char *fmt, va_list ap)
{
    if (lv == DIAG_ERROR)
        jd->errors++;
    if (!jd->diags)
        return;
    char msg[1024];
    vsnprintf(msg, sizeof msg, fmt, ap);
    int line, col;
    jdiag_locate(jd, ptr, key, &line, &col);
    diag_add(jd->diags, lv, jd->file, line, col, "%s", msg);
}

void jdiag_at_value(JsonDiag *jd, DiagLevel lv, const char *ptr, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(jd, lv, ptr, false, fmt, ap);
    va_end(ap);
}

void jdiag_at_key(JsonDiag *jd, DiagLevel lv, const char *ptr, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(jd, lv, ptr, true, fmt, ap);
    va_end(ap);
}

/* ---- Keys ------------------------------------------------------------------- */

const char *jdiag_suggest(const char *key, const char *const *names, size_t n)
{
    const char *best = NULL;
    int best_d = JTEXT_SUGGEST_MAX_DIST + 1;
    for (size_t i = 0; i < n; i++) {
        if (!names[i])
            continue;
        int d = jtext_edit_distance(key, names[i]);
        if (d >= 0 && d < best_d && (size_t)d < strlen(key)) {
            best_d = d;
            best = names[i];
        }
    }
    return best;
}

void jdiag_unknown_keys(JsonDiag *jd, json_t *obj, const char *obj_ptr,
                        const char *const *known, size_t n_known, const char *where,
                        JsonVoice voice)
{
    const char *key;
    json_t *v;
    json_object_foreach(obj, key, v) {
        bool is_known = false;
        for (size_t i = 0; i < n_known && !is_known; i++)
            is_known = strcmp(key, known[i]) == 0;
        if (is_known)
            continue;
        char *ptr = jsonloc_ptr_join(obj_ptr, key);
        const char *p = ptr ? ptr : obj_ptr;
        char s[JTEXT_SHOWN_CAP];
        const char *best = voice == JDIAG_CURATOR ? jdiag_suggest(key, known, n_known) : NULL;
        if (voice == JDIAG_RECORD)
            /* keys are not quoted back in full: a record is not curator text */
            jdiag_at_key(jd, DIAG_WARNING, p, "unknown key \"%.40s\"%s is ignored", key,
                         where);
        else if (best)
            jdiag_at_key(jd, DIAG_WARNING, p, "unknown key \"%s\"%s (did you mean \"%s\"?)",
                         jtext_shown(key, s, sizeof s), where, best);
        else
            jdiag_at_key(jd, DIAG_WARNING, p, "unknown key \"%s\"%s",
                         jtext_shown(key, s, sizeof s), where);
        free(ptr);
    }
}

void jdiag_duplicates(JsonDiag *jd, JsonVoice voice)
{
    int n = jsonloc_dup_count(jd->loc);
    for (int i = 0; i < n; i++) {
        const JsonLocDup *d = jsonloc_dup(jd->loc, i);
        char s[JTEXT_SHOWN_CAP];
        jd->errors++;
        if (voice == JDIAG_RECORD)
            diag_add(jd->diags, DIAG_ERROR, jd->file, d->line, d->col,
                     "duplicate key \"%.40s\" (first at line %d, column %d)", d->key,
                     d->first_line, d->first_col);
        else
            diag_add(jd->diags, DIAG_ERROR, jd->file, d->line, d->col,
                     "duplicate key \"%s\" (first at line %d, column %d); the last one is used",
                     jtext_shown(d->key, s, sizeof s), d->first_line, d->first_col);
    }
}

/* ---- Files ------------------------------------------------------------------ */

char *jdiag_read_file(const char *path, size_t max, size_t *len, DiagList *diags)
{
    char *buf;
    long long size;
    int err = fs_read_file(path, max, &buf, len, &size);
    if (err == EFBIG && size < 0)
        diag_add(diags, DIAG_ERROR, path, 0, 0,
                 "file is too large (more than %zu bytes; at most %zu are allowed)", max, max);
    else if (err == EFBIG)
        diag_add(diags, DIAG_ERROR, path, 0, 0,
                 "file is too large (%lld bytes; at most %zu are allowed)", size, max);
    else if (err)
        diag_add(diags, DIAG_ERROR, path, 0, 0, "cannot read file: %s",
                 err == EINVAL ? "not a regular file" : strerror(err));
    return err ? NULL : buf;
}
