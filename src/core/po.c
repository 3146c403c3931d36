/* SPDX-License-Identifier: GPL-3.0-or-later */
/* po.c - see po.h */
#include "po.h"

#include <ctype.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- the catalog ---------------------------------------------------------- */

typedef struct {
    char *key;                      /* ctx "\x04" id, or id (gettext's own key) */
    char *str[PO_MAX_PLURALS];      /* msgstr, or msgstr[0..n) */
    int n;                          /* forms: 1 for a plain entry */
} PoEntry;

struct PoCatalog {
    PoEntry *e;
    int n, cap;
    int nplurals;                   /* 0 when the file's rule is broken: plurals left out */
    char plural[256];               /* the rule's expression */
};

static void entry_free(PoEntry *e)
{
    free(e->key);
    for (int i = 0; i < e->n; i++)
        free(e->str[i]);
}

void po_free(PoCatalog *c)
{
    if (!c)
        return;
    for (int i = 0; i < c->n; i++)
        entry_free(&c->e[i]);
    free(c->e);
    free(c);
}

int po_count(const PoCatalog *c)
{
    return c ? c->n : 0;
}

static const PoEntry *find(const PoCatalog *c, const char *ctx, const char *id)
{
    if (!c || !id)
        return NULL;
    size_t lc = ctx ? strlen(ctx) + 1 : 0;
    for (int i = 0; i < c->n; i++) {
        const char *k = c->e[i].key;
        if (ctx && (strncmp(k, ctx, lc - 1) != 0 || k[lc - 1] != '\x04'))
            continue;
        if (!ctx && strchr(k, '\x04'))
            continue;
        if (strcmp(k + lc, id) == 0)
            return &c->e[i];
    }
    return NULL;
}

const char *po_get(const PoCatalog *c, const char *ctx, const char *id)
{
    const PoEntry *e = find(c, ctx, id);
    return e ? e->str[0] : NULL;
}

const char *po_nget(const PoCatalog *c, const char *ctx, const char *id, unsigned long n)
{
    const PoEntry *e = find(c, ctx, id);
    if (!e || c->nplurals == 0)
        return NULL;
    long k = po_plural_eval(c->plural, n);
    return k >= 0 && k < e->n && k < c->nplurals ? e->str[k] : NULL;
}

/* ---- the plural rule: gettext's C expression in n --------------------------- */

typedef struct {
    const char *p;
    unsigned long n;
    bool bad;
    int depth;
} Expr;

static unsigned long ex_cond(Expr *x, bool live);

static void ex_space(Expr *x)
{
    while (*x->p == ' ' || *x->p == '\t' || *x->p == '\n')
        x->p++;
}

static bool ex_eat(Expr *x, const char *op)
{
    ex_space(x);
    size_t l = strlen(op);
    if (strncmp(x->p, op, l) != 0)
        return false;
    /* "<" must not take the start of "<=", nor "!" of "!=", "=" is never alone */
    if (l == 1 && (op[0] == '<' || op[0] == '>' || op[0] == '!') && x->p[1] == '=')
        return false;
    if (l == 1 && (op[0] == '|' || op[0] == '&'))
        return false;
    x->p += l;
    return true;
}

static unsigned long ex_primary(Expr *x, bool live)
{
    ex_space(x);
    if (++x->depth > 64) {
        x->bad = true;
        return 0;
    }
    unsigned long v = 0;
    if (*x->p == 'n') {
        x->p++;
        v = x->n;
    } else if (isdigit((unsigned char)*x->p)) {
        char *end;
        v = strtoul(x->p, &end, 10);
        x->p = end;
    } else if (ex_eat(x, "(")) {
        v = ex_cond(x, live);
        if (!ex_eat(x, ")"))
            x->bad = true;
    } else if (ex_eat(x, "!")) {
        v = !ex_primary(x, live);
    } else {
        x->bad = true;
    }
    x->depth--;
    return v;
}

static unsigned long ex_mul(Expr *x, bool live)
{
    unsigned long v = ex_primary(x, live);
    for (;;) {
        int op = ex_eat(x, "*") ? '*' : ex_eat(x, "/") ? '/' : ex_eat(x, "%") ? '%' : 0;
        if (!op || x->bad)
            return v;
        unsigned long r = ex_primary(x, live);
        if (op != '*' && r == 0) {
            if (live)
                x->bad = true;  /* division by zero where it is evaluated */
            v = 0;
        } else {
            v = op == '*' ? v * r : op == '/' ? v / r : v % r;
        }
    }
}

static unsigned long ex_add(Expr *x, bool live)
{
    unsigned long v = ex_mul(x, live);
    for (;;) {
        if (ex_eat(x, "+"))
            v += ex_mul(x, live);
        else if (ex_eat(x, "-"))
            v -= ex_mul(x, live);
        else
            return v;
    }
}

static unsigned long ex_rel(Expr *x, bool live)
{
    unsigned long v = ex_add(x, live);
    for (;;) {
        if (ex_eat(x, "<="))
            v = v <= ex_add(x, live);
        else if (ex_eat(x, ">="))
            v = v >= ex_add(x, live);
        else if (ex_eat(x, "<"))
            v = v < ex_add(x, live);
        else if (ex_eat(x, ">"))
            v = v > ex_add(x, live);
        else
            return v;
    }
}

static unsigned long ex_eq(Expr *x, bool live)
{
    unsigned long v = ex_rel(x, live);
    for (;;) {
        if (ex_eat(x, "=="))
            v = v == ex_rel(x, live);
        else if (ex_eat(x, "!="))
            v = v != ex_rel(x, live);
        else
            return v;
    }
}

static unsigned long ex_and(Expr *x, bool live)
{
    unsigned long v = ex_eq(x, live);
    while (ex_eat(x, "&&")) {
        unsigned long r = ex_eq(x, live && v);
        v = v && r;
    }
    return v;
}

static unsigned long ex_or(Expr *x, bool live)
{
    unsigned long v = ex_and(x, live);
    while (ex_eat(x, "||")) {
        unsigned long r = ex_and(x, live && !v);
        v = v || r;
    }
    return v;
}

static unsigned long ex_cond(Expr *x, bool live)
{
    if (++x->depth > 64) {
        x->bad = true;
        return 0;
    }
    unsigned long c = ex_or(x, live);
    if (ex_eat(x, "?")) {
        unsigned long a = ex_cond(x, live && c);
        if (!ex_eat(x, ":"))
            x->bad = true;
        unsigned long b = ex_cond(x, live && !c);
        c = c ? a : b;
    }
    x->depth--;
    return c;
}

long po_plural_eval(const char *expr, unsigned long n)
{
    if (!expr)
        return -1;
    Expr x = {expr, n, false, 0};
    unsigned long v = ex_cond(&x, true);
    ex_space(&x);
    if (*x.p == ';')
        x.p++;
    ex_space(&x);
    if (x.bad || *x.p || v > 1000)
        return -1;
    return (long)v;
}

/* ---- reading the file ------------------------------------------------------- */

/* What the reader is filling: the entry being read and where its text goes. */
typedef enum { F_NONE, F_CTX, F_ID, F_PLURAL, F_STR } Field;

typedef struct {
    const char *file;
    DiagList *dl;
    PoCatalog *c;
    int line;                       /* 1-based, of the line being read */
    const char *line_start;
    /* the entry being read */
    char *ctx, *id, *plural, *str[PO_MAX_PLURALS];
    int n_str;                      /* msgstr forms seen (1 + highest [N]) */
    bool has_str, indexed, fuzzy, bad, oom; /* indexed: msgstr[N] seen */
    int at;                         /* its first line */
    Field field;
    int form;                       /* for F_STR: which msgstr[N] */
} Reader;

static int col_of(const Reader *r, const char *p)
{
    int col = 1;
    for (const char *q = r->line_start; q < p; q++)
        col += ((unsigned char)*q & 0xC0) != 0x80;
    return col;
}

static void warn(Reader *r, const char *p, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
static void warn(Reader *r, const char *p, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (r->dl)
        diag_add(r->dl, DIAG_WARNING, r->file, p ? r->line : r->at, p ? col_of(r, p) : 0, "%s", msg);
}

static bool utf8_ok(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        uint32_t cp;
        int k;
        if (*p < 0x80) {
            p++;
            continue;
        } else if ((*p & 0xE0) == 0xC0) {
            cp = *p & 0x1F, k = 1;
        } else if ((*p & 0xF0) == 0xE0) {
            cp = *p & 0x0F, k = 2;
        } else if ((*p & 0xF8) == 0xF0) {
            cp = *p & 0x07, k = 3;
        } else {
            return false;
        }
        for (int i = 1; i <= k; i++) {
            if ((p[i] & 0xC0) != 0x80)
                return false;
            cp = cp << 6 | (p[i] & 0x3F);
        }
        if ((k == 1 && cp < 0x80) || (k == 2 && cp < 0x800) || (k == 3 && cp < 0x10000) ||
            cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        p += k + 1;
    }
    return true;
}

static void reset_entry(Reader *r)
{
    free(r->ctx), free(r->id), free(r->plural);
    for (int i = 0; i < PO_MAX_PLURALS; i++)
        free(r->str[i]);
    memset(&r->ctx, 0, sizeof *r - offsetof(Reader, ctx));
}

static void header(Reader *r, const char *h)
{
    const char *cs = strstr(h, "charset=");
    if (cs) {
        cs += 8;
        size_t l = strcspn(cs, " ;\n");
        if (!((l == 5 && strncasecmp(cs, "UTF-8", 5) == 0) || (l == 4 && strncasecmp(cs, "UTF8", 4) == 0)))
            warn(r, NULL, "the header says charset=%.*s; vitrine reads PO files in UTF-8 "
                 "(save it as UTF-8 and say charset=UTF-8)", (int)(l < 40 ? l : 40), cs);
    }
    const char *pf = strstr(h, "Plural-Forms:");
    if (!pf)
        return;
    const char *np = strstr(pf, "nplurals=");
    const char *pl = strstr(pf, "plural=");
    /* "nplurals=" contains "plural=": take the one after it */
    while (pl && pl > pf && pl[-1] == 'n')
        pl = strstr(pl + 1, "plural=");
    int n = np ? atoi(np + 9) : 0;
    size_t l = pl ? strcspn(pl + 7, ";\n") : 0;
    bool ok = n >= 1 && n <= PO_MAX_PLURALS && pl && l < sizeof r->c->plural;
    if (ok) {
        memcpy(r->c->plural, pl + 7, l);
        r->c->plural[l] = '\0';
        for (unsigned long k = 0; k < 1000 && ok; k++) {
            long v = po_plural_eval(r->c->plural, k);
            ok = v >= 0 && v < n;
        }
    }
    if (ok) {
        r->c->nplurals = n;
    } else {
        r->c->nplurals = 0;
        warn(r, NULL, "the header's Plural-Forms is not a rule vitrine can use "
             "(like \"nplurals=2; plural=(n != 1);\"); the plural strings are left out");
    }
}

static void flush(Reader *r)
{
    if (!r->id && !r->has_str && !r->ctx) {
        reset_entry(r);
        return;
    }
    bool keep = !r->bad && !r->oom;
    if (keep && (!r->id || !r->has_str)) {
        warn(r, NULL, "the entry at line %d has no %s; it is left out", r->at, r->id ? "msgstr" : "msgid");
        keep = false;
    }
    for (int i = 0; keep && i < r->n_str; i++)
        if (!r->str[i]) {
            warn(r, NULL, "the entry at line %d has no msgstr[%d]; it is left out", r->at, i);
            keep = false;
        }
    if (keep && r->indexed != (r->plural != NULL)) {
        warn(r, NULL, "the entry at line %d has %s; it is left out", r->at,
             r->plural ? "msgid_plural but a plain msgstr (it needs msgstr[0], msgstr[1]...)"
                       : "msgstr[N] without msgid_plural");
        keep = false;
    }
    bool utf8 = !keep || ((!r->ctx || utf8_ok(r->ctx)) && utf8_ok(r->id) && (!r->plural || utf8_ok(r->plural)));
    for (int i = 0; keep && utf8 && i < r->n_str; i++)
        utf8 = utf8_ok(r->str[i]);
    if (!utf8) {
        warn(r, NULL, "the entry at line %d is not valid UTF-8; it is left out", r->at);
        keep = false;
    }
    if (keep && !r->ctx && r->id[0] == '\0') {
        header(r, r->str[0]);
        keep = false;
    }
    for (int i = 0; keep && i < r->n_str; i++)
        keep = r->str[i][0] != '\0';    /* untranslated, as msgfmt leaves it out */
    if (keep && r->fuzzy)
        keep = false;                   /* a guess waiting for the translator, as msgfmt */
    if (keep && find(r->c, r->ctx, r->id)) {
        warn(r, NULL, "the entry at line %d translates \"%.60s\" a second time; the first one is used",
             r->at, r->id);
        keep = false;
    }
    if (keep && r->c->n == r->c->cap) {
        int cap = r->c->cap ? r->c->cap * 2 : 64;
        PoEntry *e = realloc(r->c->e, (size_t)cap * sizeof *e);
        if (!e)
            keep = false, r->oom = true;
        else
            r->c->e = e, r->c->cap = cap;
    }
    if (keep) {
        size_t lc = r->ctx ? strlen(r->ctx) : 0, li = strlen(r->id);
        char *key = malloc(lc + 1 + li + 1);
        if (!key) {
            r->oom = true;
        } else {
            if (r->ctx)
                memcpy(key, r->ctx, lc), key[lc++] = '\x04';
            memcpy(key + lc, r->id, li + 1);
            PoEntry *e = &r->c->e[r->c->n++];
            memset(e, 0, sizeof *e);
            e->key = key;
            e->n = r->n_str;
            for (int i = 0; i < r->n_str; i++)
                e->str[i] = r->str[i], r->str[i] = NULL;
        }
    }
    reset_entry(r);
}

/* The C-style string at *pp (at its opening quote), unescaped into a
 * malloc'd string; *pp moves past it. NULL after a warning, or on out of
 * memory (r->oom). */
static char *read_string(Reader *r, const char **pp, const char *end)
{
    const char *p = *pp + 1;
    char *out = malloc((size_t)(end - p) + 1);
    if (!out) {
        r->oom = true;
        return NULL;
    }
    size_t o = 0;
    while (p < end && *p != '"') {
        if (*p != '\\') {
            out[o++] = *p++;
            continue;
        }
        const char *esc = p++;
        char ch = p < end ? *p : '\0';
        const char *map = strchr("n\nt\tr\ra\ab\bf\fv\v\\\\\"\"''??", ch);
        if (ch && map && (map - "n\nt\tr\ra\ab\bf\fv\v\\\\\"\"''??") % 2 == 0) {
            out[o++] = map[1];
            p++;
        } else if (ch >= '0' && ch <= '7') {
            unsigned v = 0;
            for (int k = 0; k < 3 && p < end && *p >= '0' && *p <= '7'; k++)
                v = v * 8 + (unsigned)(*p++ - '0');
            if (v == 0 || v > 0xFF) {
                warn(r, esc, "\"%.*s\" is not a character PO strings may hold", (int)(p - esc), esc);
                free(out);
                return NULL;
            }
            out[o++] = (char)v;
        } else if (ch == 'x' && p + 1 < end && isxdigit((unsigned char)p[1])) {
            unsigned v = 0;
            p++;
            for (int k = 0; k < 2 && p < end && isxdigit((unsigned char)*p); k++, p++)
                v = v * 16 + (unsigned)(isdigit((unsigned char)*p) ? *p - '0' : (tolower((unsigned char)*p) - 'a' + 10));
            if (v == 0) {
                warn(r, esc, "\"\\x00\" is not a character PO strings may hold");
                free(out);
                return NULL;
            }
            out[o++] = (char)v;
        } else {
            warn(r, esc, "unknown escape \"\\%c\" (PO strings use C's: \\n \\t \\\" \\\\ ...)",
                 ch >= 0x20 && ch < 0x7F ? ch : '?');
            free(out);
            return NULL;
        }
    }
    if (p >= end) {
        warn(r, *pp, "the string is not closed with \"");
        free(out);
        return NULL;
    }
    out[o] = '\0';
    p++;
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\r'))
        p++;
    if (p < end) {
        warn(r, p, "text after the closing quote");
        free(out);
        return NULL;
    }
    *pp = p;
    return out;
}

/* Appends s to the field being read. */
static void append(Reader *r, char *s)
{
    char **slot = r->field == F_CTX ? &r->ctx : r->field == F_ID ? &r->id :
                  r->field == F_PLURAL ? &r->plural : &r->str[r->form];
    if (!*slot) {
        *slot = s;
        return;
    }
    size_t a = strlen(*slot), b = strlen(s);
    char *j = realloc(*slot, a + b + 1);
    if (!j) {
        r->oom = true;
        free(s);
        return;
    }
    memcpy(j + a, s, b + 1);
    *slot = j;
    free(s);
}

static void keyword_line(Reader *r, const char *p, const char *end)
{
    const char *kw = p;
    while (p < end && (isalnum((unsigned char)*p) || *p == '_' || *p == '[' || *p == ']'))
        p++;
    size_t kl = (size_t)(p - kw);
    Field f = F_NONE;
    int form = 0;
    if (kl == 7 && strncmp(kw, "msgctxt", 7) == 0)
        f = F_CTX;
    else if (kl == 5 && strncmp(kw, "msgid", 5) == 0)
        f = F_ID;
    else if (kl == 12 && strncmp(kw, "msgid_plural", 12) == 0)
        f = F_PLURAL;
    else if (kl == 6 && strncmp(kw, "msgstr", 6) == 0)
        f = F_STR;
    else if (kl == 9 && strncmp(kw, "msgstr[", 7) == 0 && isdigit((unsigned char)kw[7]) && kw[8] == ']')
        f = F_STR, form = kw[7] - '0';
    if (f == F_NONE || form >= PO_MAX_PLURALS) {
        if (r->field == F_STR || r->field == F_NONE)
            flush(r), r->at = r->line;
        warn(r, kw, "\"%.*s\" is not a PO keyword (msgctxt, msgid, msgid_plural, msgstr, msgstr[N]); "
             "the entry is left out", (int)(kl < 30 ? kl : 30), kw);
        r->bad = true;
        r->field = F_NONE;
        return;
    }
    /* a new entry starts with msgctxt or msgid after a msgstr, or after
     * an entry that never got one (flush says so) */
    if ((f == F_CTX || f == F_ID) && (r->has_str || r->id || (f == F_CTX && r->ctx)))
        flush(r);
    if (!r->id && !r->ctx && f != F_STR)
        r->at = r->line;
    if ((f == F_CTX && r->ctx) || (f == F_ID && r->id) || (f == F_PLURAL && r->plural) ||
        (f == F_STR && r->str[form])) {
        warn(r, kw, "\"%.*s\" a second time in one entry; the entry is left out", (int)kl, kw);
        r->bad = true;
    }
    if (f == F_STR) {
        r->has_str = true;
        r->indexed |= kl > 6;
        if (form + 1 > r->n_str)
            r->n_str = form + 1;
    }
    r->field = f;
    r->form = form;
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    if (p >= end || *p != '"') {
        warn(r, p, "a quoted string must follow \"%.*s\"", (int)kl, kw);
        r->bad = true;
        r->field = F_NONE;
        return;
    }
    char *s = read_string(r, &p, end);
    if (!s) {
        r->bad = true;
        r->field = F_NONE;
        return;
    }
    if (f == F_STR && !r->str[form]) {
        r->str[form] = s;
        return;
    }
    if (r->bad) {
        free(s);
        return;
    }
    append(r, s);
}

static void read_line(Reader *r, const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\r'))
        p++;
    if (p >= end)
        return;
    if (*p == '#') {
        if (p + 1 < end && p[1] == ',' && (r->has_str || r->id || r->ctx))
            flush(r);
        if (p + 1 < end && p[1] == ',') {
            for (const char *q = p; q + 5 <= end; q++)
                if (strncmp(q, "fuzzy", 5) == 0)
                    r->fuzzy = true;
        }
        return;                     /* comments, references, obsolete "#~" entries */
    }
    if (*p == '"') {
        if (r->field == F_NONE) {
            if (!r->bad)
                warn(r, p, "a string with no msgid or msgstr before it; the entry is left out");
            r->bad = true;
            return;
        }
        char *s = read_string(r, &p, end);
        if (!s)
            r->bad = true, r->field = F_NONE;
        else if (r->bad)
            free(s);
        else
            append(r, s);
        return;
    }
    keyword_line(r, p, end);
}

PoCatalog *po_parse(const char *text, size_t len, const char *file, DiagList *dl)
{
    PoCatalog *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->nplurals = 2;                /* gettext's default rule, until a header says otherwise */
    snprintf(c->plural, sizeof c->plural, "n != 1");
    Reader r = {.file = file, .dl = dl, .c = c};
    const char *p = text, *end = text + len;
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;                     /* a byte order mark some editors write */
    while (p < end && !r.oom) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        r.line++;
        r.line_start = p;
        if (memchr(p, '\0', (size_t)(le - p))) {
            warn(&r, p, "a NUL byte in the line; the entry is left out");
            r.bad = true;
        } else {
            read_line(&r, p, le);
        }
        p = nl ? nl + 1 : end;
    }
    flush(&r);
    if (r.oom) {
        reset_entry(&r);
        po_free(c);
        return NULL;
    }
    return c;
}
