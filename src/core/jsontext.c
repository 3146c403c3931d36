/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jsontext.c - see jsontext.h */
#include "jsontext.h"

#include <stdio.h>
#include <string.h>

/* Curator text quoted in a message: cut at JTEXT_SHOW_MAX bytes on a character
 * boundary, with '"', '\' and control characters escaped so one message
 * stays one line. */
const char *jtext_shown(const char *s, char *out, size_t cap)
{
    size_t o = 0, i = 0;
    for (; s[i]; i++) {
        unsigned char c = (unsigned char)s[i];
        /* stop only between characters, with room for one more and "…" */
        if (o + 10 >= cap || ((c & 0xC0) != 0x80 && i >= JTEXT_SHOW_MAX))
            break;
        if (c == '"' || c == '\\') {
            out[o++] = '\\';
            out[o++] = (char)c;
        } else if (c < 0x20 || c == 0x7F) {
            o += (size_t)snprintf(out + o, cap - o, "\\u%04x", c);
        } else {
            out[o++] = (char)c;
        }
    }
    if (s[i]) {
        memcpy(out + o, "\xE2\x80\xA6", 3);
        o += 3;
    }
    out[o] = '\0';
    return out;
}

/* "a string", "an object", ...; numbers as their value when show_number. */
const char *jtext_describe(const json_t *v, bool show_number, char *buf, size_t cap)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_TRUE: return "true";
    case JSON_FALSE: return "false";
    case JSON_NULL: return "null";
    case JSON_INTEGER:
        if (!show_number)
            return "a number";
        snprintf(buf, cap, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        return buf;
    case JSON_REAL:
        if (!show_number)
            return "a number";
        snprintf(buf, cap, "%g", json_real_value(v));
        return buf;
    }
    return "a value";
}

/* Optimal string alignment distance (a swap of two neighbours costs 1, so
 * "captoin" is 1 away from "caption"), on bytes; -1 when clearly far. */
int jtext_edit_distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    enum { MAXLEN = 32 };
    if (n > MAXLEN || m > MAXLEN || (n > m ? n - m : m - n) > JTEXT_SUGGEST_MAX_DIST)
        return -1;
    int d[MAXLEN + 1][MAXLEN + 1];
    for (size_t i = 0; i <= n; i++)
        d[i][0] = (int)i;
    for (size_t j = 0; j <= m; j++)
        d[0][j] = (int)j;
    for (size_t i = 1; i <= n; i++) {
        for (size_t j = 1; j <= m; j++) {
            int cost = a[i - 1] != b[j - 1];
            int best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < best)
                best = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]
                && d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    }
    return d[n][m];
}
