/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lang.c - see lang.h
 *
 * English is the source: SOURCE[] holds its words, which are the msgids
 * translators see in po/<code>.po. To add an interface language, add its
 * PO file (README: "Adding a language"); an entry in LANGS is needed only
 * for a short button label or to offer it by default.
 */
#include "lang.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fsutil.h"
#include "lang_names.h"
#include "po.h"

static const Lang LANGS[] = {
    {.code = "kk", .name = "ҚАЗ", .offered = true},
    {.code = "ru", .name = "РУС", .offered = true},
    {.code = "en", .name = "ENG", .offered = true},
    /* CLDR 42 (Debian 12) has no kk_Latn locale, so no name of Latin-script
     * Kazakh in itself: the short label, as ҚАЗ is written in Latin letters */
    {.code = "kk-Latn", .name = "QAZ", .offered = false},
};

#define N_LANGS (int)(sizeof LANGS / sizeof LANGS[0])
_Static_assert(N_LANGS <= LANG_MAX, "raise LANG_MAX");

/* English: msgid and, for a count, msgid_plural. */
static const struct {
    const char *id, *plural;
} SOURCE[UI__COUNT] = {
    [UI_CHOOSE_EXHIBITION] = {"Choose an exhibition", NULL},
    [UI_HOME] = {"Home", NULL},
    [UI_NO_EXHIBITIONS] = {"No exhibitions at the moment", NULL},
    [UI_IMAGE_UNAVAILABLE] = {"Image temporarily unavailable", NULL},
    [UI_SLIDES] = {"%d slide", "%d slides"},
    [UI_NEXT] = {"Next", NULL},
    [UI_NOTES] = {"Notes", NULL},
    [UI_NO_NOTES] = {"No notes for this slide", NULL},
    [UI_PAUSED] = {"PAUSED", NULL},
    [UI_AHEAD] = {"ahead", NULL},
    [UI_BEHIND] = {"behind", NULL},
    [UI_ON_TIME] = {"on time", NULL},
    [UI_LEFT] = {"left", NULL},
    [UI_OVER] = {"over", NULL},
    [UI_END] = {"Last slide", NULL},
    [UI_BLACK_SCREEN] = {"Black screen", NULL},
    [UI_WHITE_SCREEN] = {"White screen", NULL},
    [UI_GOTO] = {"Go to slide:", NULL},
    [UI_FILM] = {"Film", NULL},
    [UI_ADMIN] = {"Administrator", NULL},
    [UI_ENTER_PIN] = {"Enter the PIN", NULL},
    [UI_WRONG_PIN] = {"Wrong PIN", NULL},
    [UI_LOCKED] = {"Try again in a minute", NULL},
    [UI_START_LECTURE] = {"Start a lecture", NULL},
    [UI_END_LECTURE] = {"End the lecture", NULL},
    [UI_EXIT] = {"Exit vitrine", NULL},
    [UI_BACK] = {"Back to visitors", NULL},
    [UI_CANCEL] = {"Cancel", NULL},
    [UI_CHOOSE_LECTURE] = {"Choose the exhibition to lecture on", NULL},
    [UI_NO_PIN_NO_EXIT] = {"No PIN is set, so this menu cannot close vitrine. Set one with vitrine --hash-pin; staff can stop vitrine with systemctl stop vitrine.", NULL},
    [UI_STILL_THERE] = {"Still there?", NULL},
    [UI_TOUCH_TO_CONTINUE] = {"Touch the screen to continue", NULL},
    [UI_TOUCH_TO_BEGIN] = {"Touch the screen to begin", NULL},
    [UI_PROBLEMS] = {"The exhibition's files have errors", NULL},
    [UI_PROBLEMS_FIX] = {"Fix them and save: the slide comes back by itself", NULL},
    [UI_MORE] = {"and %d more", "and %d more"},
    [UI_CHART_TITLE] = {"Visitor statistics", NULL},
    [UI_CHART_DWELL] = {"Time on each slide (median)", NULL},
    [UI_CHART_PER_DAY] = {"Visits per day, by language", NULL},
    [UI_CHART_VISITS] = {"visits", NULL},
    [UI_CHART_NO_VISITS] = {"no visits", NULL},
    [UI_BEING_PREPARED] = {"This exhibition is being prepared. Please come back a little later.", NULL},
};

/* ---- the state set at start ------------------------------------------------- */

#define CODE_MAX 36

typedef struct {
    char code[CODE_MAX];
    PoCatalog *cat;             /* owned */
} Loaded;

typedef struct {
    char code[CODE_MAX];
    char label[LANG_LABEL_MAX];
} Label;

static Loaded loaded[LANG_MAX];
static int n_loaded;
static Label labels[LANG_MAX];
static int n_labels;
static char order[LANG_MAX][CODE_MAX];
static int n_order;

int lang_count(void)
{
    return N_LANGS;
}

const Lang *lang_at(int i)
{
    return i >= 0 && i < N_LANGS ? &LANGS[i] : NULL;
}

const Lang *lang_find(const char *code)
{
    for (int i = 0; code && i < N_LANGS; i++)
        if (strcmp(LANGS[i].code, code) == 0)
            return &LANGS[i];
    return NULL;
}

static const PoCatalog *catalog(const char *code)
{
    for (int i = 0; code && i < n_loaded; i++)
        if (strcmp(loaded[i].code, code) == 0)
            return loaded[i].cat;
    return NULL;
}

/* A code a file may be named by: letters, digits and "-", not too long. */
static bool code_usable(const char *code)
{
    size_t n = strlen(code);
    if (n < 2 || n >= CODE_MAX)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = code[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'))
            return false;
    }
    return true;
}

bool lang_load_text(const char *code, const char *text, size_t len, const char *file, DiagList *dl)
{
    if (!code || !code_usable(code))
        return false;
    PoCatalog *c = po_parse(text, len, file, dl);
    if (!c)
        return false;
    for (int i = 0; i < n_loaded; i++)
        if (strcmp(loaded[i].code, code) == 0) {
            po_free(loaded[i].cat);
            loaded[i].cat = c;
            return true;
        }
    if (n_loaded == LANG_MAX) {
        if (dl)
            diag_add(dl, DIAG_WARNING, file, 0, 0, "vitrine reads at most %d translations; this one is "
                     "left out", LANG_MAX);
        po_free(c);
        return false;
    }
    snprintf(loaded[n_loaded].code, CODE_MAX, "%s", code);
    loaded[n_loaded++].cat = c;
    return true;
}

int lang_load_dir(const char *dir, DiagList *dl)
{
    int n = 0, got = 0;
    char **names = fs_list(dir, &n);
    for (int i = 0; names && i < n; i++) {
        size_t l = strlen(names[i]);
        if (l < 4 || strcmp(names[i] + l - 3, ".po") != 0 || names[i][0] == '.')
            continue;
        char code[CODE_MAX];
        snprintf(code, sizeof code, "%.*s", (int)(l - 3), names[i]);
        char *path = fs_path_join(dir, names[i]);
        char *text = NULL;
        size_t len = 0;
        long long size = 0;
        int err = path ? fs_read_file(path, PO_MAX_BYTES, &text, &len, &size) : 1;
        if (err) {
            if (dl && path)
                diag_add(dl, DIAG_WARNING, path, 0, 0, "cannot read this translation (%s); its words "
                         "show in the next language", err == 1 ? "out of memory" : strerror(err));
        } else if (!code_usable(code)) {
            diag_add(dl, DIAG_WARNING, path, 0, 0, "\"%s\" is not a language code; name the file "
                     "<code>.po, as de.po or kk-Latn.po", code);
        } else {
            got += lang_load_text(code, text, len, path, dl);
        }
        free(text);
        free(path);
    }
    fs_list_free(names, n);
    return got;
}

void lang_unload(void)
{
    for (int i = 0; i < n_loaded; i++)
        po_free(loaded[i].cat);
    n_loaded = n_labels = n_order = 0;
}

void lang_set_order(const char *const *codes, int n)
{
    n_order = 0;
    for (int i = 0; i < n && n_order < LANG_MAX; i++)
        if (codes[i])
            snprintf(order[n_order++], CODE_MAX, "%s", codes[i]);
}

void lang_set_label(const char *code, const char *label)
{
    if (!code)
        return;
    int i = 0;
    while (i < n_labels && strcmp(labels[i].code, code) != 0)
        i++;
    if (!label || !label[0]) {
        if (i < n_labels)
            labels[i] = labels[--n_labels];
        return;
    }
    if (i == n_labels) {
        if (n_labels == LANG_MAX)
            return;
        n_labels++;
    }
    snprintf(labels[i].code, CODE_MAX, "%s", code);
    /* cut at a character boundary */
    size_t l = strlen(label);
    if (l >= LANG_LABEL_MAX) {
        l = LANG_LABEL_MAX - 1;
        while (l > 0 && ((unsigned char)label[l] & 0xC0) == 0x80)
            l--;
    }
    memcpy(labels[i].label, label, l);
    labels[i].label[l] = '\0';
}

bool lang_has_ui(const char *code)
{
    return code && (strcmp(code, LANG_FALLBACK) == 0 || catalog(code));
}

const char *lang_cldr_name(const char *code)
{
    int lo = 0, hi = LANG_NAMES_COUNT - 1;
    while (code && lo <= hi) {
        int mid = (lo + hi) / 2, c = strcmp(LANG_NAMES[mid].code, code);
        if (c == 0)
            return LANG_NAMES[mid].name;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return NULL;
}

const char *lang_label(const char *code)
{
    if (!code)
        return "?";
    for (int i = 0; i < n_labels; i++)
        if (strcmp(labels[i].code, code) == 0)
            return labels[i].label;
    const Lang *l = lang_find(code);
    if (l)
        return l->name;
    const char *n = lang_cldr_name(code);
    return n ? n : code;
}

/* ---- the words -------------------------------------------------------------- */

/* code's own translation of s for count n (plural strings), or NULL. */
static const char *own(const char *code, UiString s, long n)
{
    if (code && strcmp(code, LANG_FALLBACK) == 0)
        return SOURCE[s].plural && n != 1 ? SOURCE[s].plural : SOURCE[s].id;
    const PoCatalog *c = catalog(code);
    if (!c)
        return NULL;
    if (SOURCE[s].plural)
        return po_nget(c, NULL, SOURCE[s].id, n < 0 ? (unsigned long)-n : (unsigned long)n);
    return po_get(c, NULL, SOURCE[s].id);
}

static const char *text_n(UiString s, long n, const char *code)
{
    if ((unsigned)s >= UI__COUNT)
        return "";
    const char *t = own(code, s, n);
    for (int i = 0; !t && i < n_order; i++)
        t = own(order[i], s, n);
    return t ? t : own(LANG_FALLBACK, s, n);
}

const char *lang_text(UiString s, const char *code)
{
    return text_n(s, 1, code);
}

bool lang_translates(const char *code, UiString s)
{
    if ((unsigned)s >= UI__COUNT || !own(code, s, 1))
        return false;
    /* a plural string needs the forms for other counts too (ru: 2 and 5) */
    return !SOURCE[s].plural || (own(code, s, 2) && own(code, s, 5));
}

const char *lang_msgid(UiString s)
{
    return (unsigned)s < UI__COUNT ? SOURCE[s].id : NULL;
}

const char *lang_msgid_plural(UiString s)
{
    return (unsigned)s < UI__COUNT ? SOURCE[s].plural : NULL;
}

char *lang_count_text(UiString s, long n, const char *code, char *buf, size_t cap)
{
    const char *t = text_n(s, n, code);
    /* the number goes where "%d" is, by hand: a translation is data, never
     * a printf format */
    const char *d = strstr(t, "%d");
    if (!d)
        snprintf(buf, cap, "%s", t);
    else
        snprintf(buf, cap, "%.*s%ld%s", (int)(d - t), t, n, d + 2);
    return buf;
}

/* s in PO syntax, for a translator to paste: "Line\"s\n" */
static void po_quoted(FILE *out, const char *s)
{
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            fprintf(out, "\\%c", *s);
        else if (*s == '\n')
            fputs("\\n", out);
        else
            fputc(*s, out);
    }
    fputc('"', out);
}

int lang_missing_report(const char *code, FILE *out)
{
    int missing = 0;
    bool loaded_any = lang_has_ui(code);
    for (int s = 0; s < UI__COUNT; s++) {
        if (lang_translates(code, (UiString)s))
            continue;
        missing++;
        fputs("msgid ", out);
        po_quoted(out, SOURCE[s].id);
        if (SOURCE[s].plural) {
            fputs("\nmsgid_plural ", out);
            po_quoted(out, SOURCE[s].plural);
            fputs("\nmsgstr[0] \"\"\n\n", out);
        } else {
            fputs("\nmsgstr \"\"\n\n", out);
        }
    }
    fprintf(out, "# %s: %d of %d strings missing%s\n", code, missing, (int)UI__COUNT,
            loaded_any ? "" : " (there is no po file for it: start one from po/vitrine.pot)");
    return missing;
}

int lang_defaults(const char **out, int cap)
{
    int n = 0;
    for (int i = 0; i < N_LANGS && n < cap; i++)
        if (LANGS[i].offered)
            out[n++] = LANGS[i].code;
    return n;
}

char *lang_codes_text(const char *const *codes, int n, char *buf, size_t cap)
{
    size_t o = (size_t)snprintf(buf, cap, "[");
    for (int i = 0; i < n && o < cap; i++)
        o += (size_t)snprintf(buf + o, cap - o, "%s\"%s\"", i ? ", " : "", codes[i]);
    if (o < cap)
        snprintf(buf + o, cap - o, "]");
    return buf;
}

char *lang_list_text(char *buf, size_t cap)
{
    size_t o = 0;
    buf[0] = '\0';
    int total = n_loaded + (catalog(LANG_FALLBACK) ? 0 : 1);
    for (int i = 0, k = 0; i <= n_loaded && o < cap; i++) {
        const char *code = i == 0 ? LANG_FALLBACK : loaded[i - 1].code;
        if (i > 0 && strcmp(code, LANG_FALLBACK) == 0)
            continue;
        const char *sep = k == 0 ? "" : k == total - 1 ? " and " : ", ";
        int w = snprintf(buf + o, cap - o, "%s%s", sep, code);
        if (w < 0)
            break;
        o += (size_t)w;
        k++;
    }
    return buf;
}
