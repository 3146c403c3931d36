/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jsonloc.c - see jsonloc.h */
#include "jsonloc.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- Data --------------------------------------------------------------- */

enum { NODE_SCALAR, NODE_OBJECT, NODE_ARRAY };

/* One value. Its path is the chain of (key or index) up to the root. */
typedef struct {
    int parent;             /* node index, -1 for the root */
    int key_off;            /* decoded key in pool, -1 for array elements and the root */
    int key_len;            /* bytes of the key; or the index in the parent array */
    int vline, vcol;        /* first character of the value */
    int kline, kcol;        /* opening quote of the key, 0 when there is no key */
    int first;              /* a repeated key: node of its first occurrence; else -1 */
    unsigned char type;     /* NODE_* */
} Node;

typedef struct {
    int key_off;            /* in pool */
    int key_len;
    int first;              /* node of the first occurrence */
    int later;              /* node of the repeated occurrence */
} DupRec;

struct JsonLoc {
    Node *nodes;
    int n_nodes, cap_nodes;
    char *pool;             /* decoded keys, each NUL-terminated */
    size_t pool_len, pool_cap;
    int *table;             /* node index + 1 per slot, 0 = empty; size is a power of 2 */
    size_t table_cap;
    size_t table_used;
    DupRec *dup_recs;
    int n_dups, cap_dups;
    JsonLocDup *dups;       /* filled once the scan is over (pool no longer moves) */
};

/* ---- Hash table: (parent, key or index) -> node ------------------------- */

static uint64_t hash_bytes(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) {
        h ^= b[i];
        h *= 1099511628211u; /* FNV-1a */
    }
    return h;
}

/* Objects hash their key bytes, arrays their index; a parent is one or the
 * other, so the two never need telling apart. */
static uint64_t hash_child(int parent, const char *key, size_t key_len, int index)
{
    uint64_t h = 14695981039346656037u;
    h = hash_bytes(h, &parent, sizeof parent);
    if (key)
        h = hash_bytes(h, key, key_len);
    else
        h = hash_bytes(h, &index, sizeof index);
    return h ^ (h >> 29);
}

static bool node_matches(const JsonLoc *jl, const Node *nd, int parent,
                         const char *key, size_t key_len, int index)
{
    if (nd->parent != parent)
        return false;
    if (!key)
        return nd->key_off < 0 && nd->key_len == index;
    return nd->key_off >= 0 && (size_t)nd->key_len == key_len
           && memcmp(jl->pool + nd->key_off, key, key_len) == 0;
}

/* Slot holding the child, or the empty slot where it would go. */
static size_t table_slot(const JsonLoc *jl, int parent, const char *key, size_t key_len,
                         int index)
{
    size_t mask = jl->table_cap - 1;
    size_t i = (size_t)hash_child(parent, key, key_len, index) & mask;
    while (jl->table[i]) {
        if (node_matches(jl, &jl->nodes[jl->table[i] - 1], parent, key, key_len, index))
            return i;
        i = (i + 1) & mask;
    }
    return i;
}

static const char *node_key(const JsonLoc *jl, const Node *nd)
{
    return nd->key_off >= 0 ? jl->pool + nd->key_off : NULL;
}

static bool table_grow(JsonLoc *jl)
{
    size_t cap = jl->table_cap ? jl->table_cap * 2 : 1024;
    int *old = jl->table;
    size_t old_cap = jl->table_cap;
    jl->table = calloc(cap, sizeof *jl->table);
    if (!jl->table) {
        jl->table = old;
        return false;
    }
    jl->table_cap = cap;
    for (size_t i = 0; i < old_cap; i++) {
        if (!old[i])
            continue;
        const Node *nd = &jl->nodes[old[i] - 1];
        size_t s = table_slot(jl, nd->parent, node_key(jl, nd), (size_t)nd->key_len,
                              nd->key_len);
        jl->table[s] = old[i];
    }
    free(old);
    return true;
}

/* ---- Building ----------------------------------------------------------- */

static bool add_dup(JsonLoc *jl, int first, int later)
{
    if (jl->n_dups == jl->cap_dups) {
        int cap = jl->cap_dups ? jl->cap_dups * 2 : 8;
        DupRec *d = realloc(jl->dup_recs, (size_t)cap * sizeof *d);
        if (!d)
            return false;
        jl->dup_recs = d;
        jl->cap_dups = cap;
    }
    const Node *nd = &jl->nodes[later];
    jl->dup_recs[jl->n_dups++] = (DupRec){nd->key_off, nd->key_len, first, later};
    return true;
}

/* Appends a node and indexes it under its parent. A repeated key takes over
 * the slot (last one wins, as in jansson) and is recorded as a duplicate.
 * Returns the node index or -1 when out of memory. */
static int add_node(JsonLoc *jl, const Node *tmpl)
{
    if (jl->n_nodes == jl->cap_nodes) {
        if (jl->cap_nodes > INT_MAX / 2)
            return -1;
        int cap = jl->cap_nodes ? jl->cap_nodes * 2 : 256;
        Node *n = realloc(jl->nodes, (size_t)cap * sizeof *n);
        if (!n)
            return -1;
        jl->nodes = n;
        jl->cap_nodes = cap;
    }
    int id = jl->n_nodes++;
    jl->nodes[id] = *tmpl;
    if (tmpl->parent < 0)
        return id;
    /* keep the load factor under 1/2 so probes stay short */
    if ((jl->table_used + 1) * 2 > jl->table_cap && !table_grow(jl))
        return -1;
    const Node *nd = &jl->nodes[id];
    size_t s = table_slot(jl, nd->parent, node_key(jl, nd), (size_t)nd->key_len,
                          nd->key_len);
    if (jl->table[s]) {
        /* the slot holds the latest occurrence; point back at the first */
        const Node *prev = &jl->nodes[jl->table[s] - 1];
        int first = prev->first >= 0 ? prev->first : jl->table[s] - 1;
        jl->nodes[id].first = first;
        if (!add_dup(jl, first, id))
            return -1;
    } else {
        jl->table_used++;
    }
    jl->table[s] = id + 1;
    return id;
}

static bool pool_put(JsonLoc *jl, char c)
{
    if (jl->pool_len == jl->pool_cap) {
        size_t cap = jl->pool_cap ? jl->pool_cap * 2 : 1024;
        char *p = realloc(jl->pool, cap);
        if (!p)
            return false;
        jl->pool = p;
        jl->pool_cap = cap;
    }
    jl->pool[jl->pool_len++] = c;
    return true;
}

static bool pool_put_utf8(JsonLoc *jl, uint32_t cp)
{
    char b[4];
    int n;
    if (cp < 0x80) {
        b[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        b[0] = (char)(0xC0 | (cp >> 6));
        b[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        b[0] = (char)(0xE0 | (cp >> 12));
        b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        b[0] = (char)(0xF0 | (cp >> 18));
        b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    for (int i = 0; i < n; i++)
        if (!pool_put(jl, b[i]))
            return false;
    return true;
}

/* ---- Scanning ----------------------------------------------------------- */

typedef struct {
    const unsigned char *s;
    size_t len, pos;
    int line;               /* of the next character */
    int col;                /* code points already consumed on this line */
} Scan;

static void sc_adv(Scan *sc)
{
    unsigned char c = sc->s[sc->pos++];
    if (c == '\n') {
        sc->line++;
        sc->col = 0;
    } else if ((c & 0xC0) != 0x80) {
        /* count only the lead byte of a UTF-8 sequence, as jansson does */
        sc->col++;
    }
}

static bool sc_more(const Scan *sc)
{
    return sc->pos < sc->len;
}

static void sc_ws(Scan *sc)
{
    while (sc_more(sc)) {
        unsigned char c = sc->s[sc->pos];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            break;
        sc_adv(sc);
    }
}

static int hex4(const unsigned char *p)
{
    int v = 0;
    for (int i = 0; i < 4; i++) {
        int c = p[i], d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        else
            return -1;
        v = v * 16 + d;
    }
    return v;
}

/* At '"': skips the string. With jl, decodes it into the pool (NUL-ended)
 * and returns its offset and length. False when the text ends inside it or
 * out of memory. */
static bool sc_string(Scan *sc, JsonLoc *jl, int *off, int *slen)
{
    size_t start = jl ? jl->pool_len : 0;
    sc_adv(sc); /* opening quote */
    for (;;) {
        if (!sc_more(sc))
            return false;
        unsigned char c = sc->s[sc->pos];
        if (c == '"') {
            sc_adv(sc);
            break;
        }
        if (c != '\\') {
            sc_adv(sc);
            if (jl && !pool_put(jl, (char)c))
                return false;
            continue;
        }
        sc_adv(sc);
        if (!sc_more(sc))
            return false;
        unsigned char e = sc->s[sc->pos];
        sc_adv(sc);
        if (e != 'u') {
            char out;
            switch (e) {
            case 'b': out = '\b'; break;
            case 'f': out = '\f'; break;
            case 'n': out = '\n'; break;
            case 'r': out = '\r'; break;
            case 't': out = '\t'; break;
            default: out = (char)e; break; /* '"', '\\', '/' */
            }
            if (jl && !pool_put(jl, out))
                return false;
            continue;
        }
        if (sc->len - sc->pos < 4)
            return false;
        int u = hex4(sc->s + sc->pos);
        for (int i = 0; i < 4; i++)
            sc_adv(sc);
        uint32_t cp = u < 0 ? 0xFFFD : (uint32_t)u;
        if (cp >= 0xD800 && cp <= 0xDBFF && sc->len - sc->pos >= 6
            && sc->s[sc->pos] == '\\' && sc->s[sc->pos + 1] == 'u') {
            int lo = hex4(sc->s + sc->pos + 2);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                for (int i = 0; i < 6; i++)
                    sc_adv(sc);
                cp = 0x10000 + ((cp - 0xD800) << 10) + ((uint32_t)lo - 0xDC00);
            }
        }
        if (cp >= 0xD800 && cp <= 0xDFFF) /* lone surrogate: jansson refuses it */
            cp = 0xFFFD;
        if (jl && !pool_put_utf8(jl, cp))
            return false;
    }
    if (jl) {
        if (jl->pool_len - start > (size_t)INT_MAX - 1 || !pool_put(jl, '\0'))
            return false;
        *off = (int)start;
        *slen = (int)(jl->pool_len - start - 1);
    }
    return true;
}

/* Skips a number or a literal (true, false, null). */
static void sc_scalar(Scan *sc)
{
    while (sc_more(sc)) {
        unsigned char c = sc->s[sc->pos];
        if (c == ',' || c == ']' || c == '}' || c == ' ' || c == '\t' || c == '\n'
            || c == '\r' || c == '"' || c == '[' || c == '{' || c == ':')
            break;
        sc_adv(sc);
    }
}

typedef struct {
    int node;
    bool obj;
    int count;              /* members or elements seen so far */
} Frame;

/* The member or element the next value belongs to. */
typedef struct {
    int parent;
    int key_off, key_len;   /* key_off -1: array element, key_len is its index */
    int kline, kcol;
} Slot;

/* After '{' or ',' in an object: reads `"key" :` into *slot. */
static bool sc_member(Scan *sc, JsonLoc *jl, int parent, Slot *slot)
{
    sc_ws(sc);
    if (!sc_more(sc) || sc->s[sc->pos] != '"')
        return false;
    slot->parent = parent;
    slot->kline = sc->line;
    slot->kcol = sc->col + 1;
    if (!sc_string(sc, jl, &slot->key_off, &slot->key_len))
        return false;
    sc_ws(sc);
    if (!sc_more(sc) || sc->s[sc->pos] != ':')
        return false;
    sc_adv(sc);
    return true;
}

static void finish_dups(JsonLoc *jl)
{
    if (!jl->n_dups)
        return;
    jl->dups = malloc((size_t)jl->n_dups * sizeof *jl->dups);
    if (!jl->dups) {
        jl->n_dups = 0;
        return;
    }
    for (int i = 0; i < jl->n_dups; i++) {
        const DupRec *r = &jl->dup_recs[i];
        const Node *a = &jl->nodes[r->first], *b = &jl->nodes[r->later];
        jl->dups[i] = (JsonLocDup){jl->pool + r->key_off, (size_t)r->key_len,
                                   b->kline, b->kcol, a->kline, a->kcol};
    }
}

JsonLoc *jsonloc_build(const char *buf, size_t len)
{
    if (!buf && len)
        return NULL;
    if (len >= INT_MAX)
        return NULL;
    JsonLoc *jl = calloc(1, sizeof *jl);
    if (!jl)
        return NULL;
    Scan sc = {(const unsigned char *)buf, len, 0, 1, 0};
    Frame *stack = NULL;
    int depth = 0, cap = 0;
    Slot slot = {-1, -1, 0, 0, 0};
    bool ok = true;

    /* Iterative: one value per turn of the outer loop; the inner loop climbs
     * out of closed containers until a ',' asks for the next value. */
    for (;;) {
        sc_ws(&sc);
        if (!sc_more(&sc))
            break;
        unsigned char c = sc.s[sc.pos];
        Node nd = {slot.parent, slot.key_off, slot.key_len, sc.line, sc.col + 1,
                   slot.kline, slot.kcol, -1, NODE_SCALAR};
        if (c == '{')
            nd.type = NODE_OBJECT;
        else if (c == '[')
            nd.type = NODE_ARRAY;
        int id = add_node(jl, &nd);
        if (id < 0) {
            ok = false;
            break;
        }
        bool closed = true;
        if (c == '{' || c == '[') {
            sc_adv(&sc);
            sc_ws(&sc);
            if (sc_more(&sc) && sc.s[sc.pos] == (c == '{' ? '}' : ']')) {
                sc_adv(&sc); /* empty container */
            } else {
                if (depth == cap) {
                    int ncap = cap ? cap * 2 : 32;
                    Frame *f = realloc(stack, (size_t)ncap * sizeof *f);
                    if (!f) {
                        ok = false;
                        break;
                    }
                    stack = f;
                    cap = ncap;
                }
                stack[depth++] = (Frame){id, c == '{', 0};
                closed = false;
                if (c == '{') {
                    if (!sc_member(&sc, jl, id, &slot))
                        break;
                } else {
                    slot = (Slot){id, -1, 0, 0, 0};
                }
            }
        } else if (c == '"') {
            if (!sc_string(&sc, NULL, NULL, NULL))
                break;
        } else {
            sc_scalar(&sc);
        }
        if (!closed)
            continue;
        /* the value is complete: find what comes next */
        bool next = false;
        while (depth > 0) {
            sc_ws(&sc);
            if (!sc_more(&sc))
                break;
            unsigned char d = sc.s[sc.pos];
            Frame *top = &stack[depth - 1];
            if (d == ',') {
                sc_adv(&sc);
                top->count++;
                if (top->obj) {
                    if (!sc_member(&sc, jl, top->node, &slot))
                        break;
                } else {
                    slot = (Slot){top->node, -1, top->count, 0, 0};
                }
                next = true;
                break;
            }
            if (d != '}' && d != ']')
                break; /* not JSON: stop here */
            sc_adv(&sc);
            depth--;
        }
        if (!next)
            break;
    }
    free(stack);
    if (!ok) {
        jsonloc_free(jl);
        return NULL;
    }
    finish_dups(jl);
    return jl;
}

void jsonloc_free(JsonLoc *jl)
{
    if (!jl)
        return;
    free(jl->nodes);
    free(jl->pool);
    free(jl->table);
    free(jl->dup_recs);
    free(jl->dups);
    free(jl);
}

/* ---- Lookup ------------------------------------------------------------- */

/* Node at `ptr`, or -1. */
static int find_node(const JsonLoc *jl, const char *ptr)
{
    if (!jl || !ptr || jl->n_nodes == 0)
        return -1;
    if (*ptr == '\0')
        return 0;
    if (*ptr != '/' || !jl->table_cap)
        return -1;
    char *tok = malloc(strlen(ptr) + 1);
    if (!tok)
        return -1;
    int cur = 0;
    const char *p = ptr;
    while (cur >= 0 && *p == '/') {
        p++;
        size_t n = 0;
        bool bad = false;
        for (; *p && *p != '/'; p++) {
            if (*p == '~') {
                if (p[1] == '0')
                    tok[n++] = '~';
                else if (p[1] == '1')
                    tok[n++] = '/';
                else
                    bad = true;
                p++;
                if (!*p)
                    break;
            } else {
                tok[n++] = *p;
            }
        }
        tok[n] = '\0';
        const Node *nd = &jl->nodes[cur];
        int found = -1;
        if (bad) {
            found = -1;
        } else if (nd->type == NODE_OBJECT) {
            size_t s = table_slot(jl, cur, tok, n, 0);
            found = jl->table[s] ? jl->table[s] - 1 : -1;
        } else if (nd->type == NODE_ARRAY) {
            /* RFC 6901: "0" or digits without a leading zero */
            long idx = 0;
            bool num = n > 0 && (n == 1 || tok[0] != '0');
            for (size_t i = 0; num && i < n; i++) {
                if (tok[i] < '0' || tok[i] > '9' || idx > (INT_MAX - 9) / 10)
                    num = false;
                else
                    idx = idx * 10 + (tok[i] - '0');
            }
            if (num) {
                size_t s = table_slot(jl, cur, NULL, 0, (int)idx);
                found = jl->table[s] ? jl->table[s] - 1 : -1;
            }
        }
        cur = found;
    }
    free(tok);
    return *p ? -1 : cur;
}

bool jsonloc_value(const JsonLoc *jl, const char *ptr, int *line, int *col)
{
    int id = find_node(jl, ptr);
    if (id < 0)
        return false;
    if (line)
        *line = jl->nodes[id].vline;
    if (col)
        *col = jl->nodes[id].vcol;
    return true;
}

bool jsonloc_key(const JsonLoc *jl, const char *ptr, int *line, int *col)
{
    int id = find_node(jl, ptr);
    if (id < 0 || jl->nodes[id].key_off < 0)
        return false;
    if (line)
        *line = jl->nodes[id].kline;
    if (col)
        *col = jl->nodes[id].kcol;
    return true;
}

int jsonloc_dup_count(const JsonLoc *jl)
{
    return jl ? jl->n_dups : 0;
}

const JsonLocDup *jsonloc_dup(const JsonLoc *jl, int i)
{
    if (!jl || i < 0 || i >= jl->n_dups)
        return NULL;
    return &jl->dups[i];
}

/* Bytes the token takes once escaped. */
static size_t escaped_len(const char *t, size_t n)
{
    size_t m = n;
    for (size_t i = 0; i < n; i++)
        m += t[i] == '~' || t[i] == '/';
    return m;
}

static char *put_escaped(char *out, const char *t, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (t[i] == '~') {
            *out++ = '~';
            *out++ = '0';
        } else if (t[i] == '/') {
            *out++ = '~';
            *out++ = '1';
        } else {
            *out++ = t[i];
        }
    }
    return out;
}

static size_t index_str(char *buf, int index)
{
    /* small buffer: INT_MAX has 10 digits */
    char tmp[16];
    size_t n = 0;
    unsigned v = (unsigned)index;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    for (size_t i = 0; i < n; i++)
        buf[i] = tmp[n - 1 - i];
    return n;
}

char *jsonloc_dup_path(const JsonLoc *jl, int i)
{
    if (!jl || i < 0 || i >= jl->n_dups)
        return NULL;
    /* two passes up the tree: measure, then fill from the end */
    size_t total = 0;
    char num[16];
    for (int id = jl->dup_recs[i].later; jl->nodes[id].parent >= 0;
         id = jl->nodes[id].parent) {
        const Node *nd = &jl->nodes[id];
        total += 1 + (nd->key_off >= 0
                          ? escaped_len(jl->pool + nd->key_off, (size_t)nd->key_len)
                          : index_str(num, nd->key_len));
    }
    char *out = malloc(total + 1);
    if (!out)
        return NULL;
    size_t end = total;
    out[end] = '\0';
    for (int id = jl->dup_recs[i].later; jl->nodes[id].parent >= 0;
         id = jl->nodes[id].parent) {
        const Node *nd = &jl->nodes[id];
        if (nd->key_off >= 0) {
            size_t m = escaped_len(jl->pool + nd->key_off, (size_t)nd->key_len);
            end -= m;
            put_escaped(out + end, jl->pool + nd->key_off, (size_t)nd->key_len);
        } else {
            size_t m = index_str(num, nd->key_len);
            end -= m;
            memcpy(out + end, num, m);
        }
        out[--end] = '/';
    }
    return out;
}

char *jsonloc_ptr_join(const char *parent, const char *token)
{
    if (!parent)
        parent = "";
    if (!token)
        token = "";
    size_t pn = strlen(parent), tn = strlen(token);
    char *out = malloc(pn + 1 + escaped_len(token, tn) + 1);
    if (!out)
        return NULL;
    memcpy(out, parent, pn);
    out[pn] = '/';
    *put_escaped(out + pn + 1, token, tn) = '\0';
    return out;
}

bool jsonloc_depth_ok(const char *buf, size_t len, int max_depth, int *line, int *col)
{
    Scan sc = {(const unsigned char *)buf, buf ? len : 0, 0, 1, 0};
    int depth = 0;
    while (sc_more(&sc)) {
        unsigned char c = sc.s[sc.pos];
        if (c == '"') {
            if (!sc_string(&sc, NULL, NULL, NULL))
                return true; /* unterminated: the parser will say so */
            continue;
        }
        if (c == '{' || c == '[') {
            if (++depth > max_depth) {
                if (line)
                    *line = sc.line;
                if (col)
                    *col = sc.col + 1;
                return false;
            }
        } else if ((c == '}' || c == ']') && depth > 0) {
            depth--;
        }
        sc_adv(&sc);
    }
    return true;
}
