/* SPDX-License-Identifier: GPL-3.0-or-later */
/* subcheck.c - see subcheck.h */
#include "subcheck.h"

#include "fsutil.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SUBCHECK_MAX_BYTES (8u << 20)

typedef struct {
    const char *file;
    DiagList *out;
    int found;
} Report;

static void report(Report *r, int line, int col, const char *msg)
{
    if (r->found++ < SUBCHECK_MAX_REPORTS)
        diag_add(r->out, DIAG_ERROR, r->file, line, col, "%s", msg);
}

/* Length of the UTF-8 sequence at p (at most n bytes), 0 when invalid. */
static size_t utf8_len(const unsigned char *p, size_t n)
{
    unsigned c = p[0];
    size_t k = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 : (c & 0xf8) == 0xf0 ? 4 : 0;
    if (k == 0 || k > n || (k == 2 && c < 0xc2) || (k == 4 && c > 0xf4))
        return 0;
    for (size_t i = 1; i < k; i++)
        if ((p[i] & 0xc0) != 0x80)
            return 0;
    if (k == 3 && ((c == 0xe0 && p[1] < 0xa0) || (c == 0xed && p[1] >= 0xa0)))
        return 0;
    if (k == 4 && ((c == 0xf0 && p[1] < 0x90) || (c == 0xf4 && p[1] >= 0x90)))
        return 0;
    return k;
}

/* A time at *p: [HH:]MM:SS(,|.)mmm, hours required in SRT. Milliseconds,
 * or -1 with *p at the first byte that does not fit. */
static long read_time(const char **p, const char *end, bool vtt)
{
    long part[3] = {0, 0, 0};
    int n = 0;
    const char *s = *p;
    for (;;) {
        long v = 0;
        int digits = 0;
        while (s < end && *s >= '0' && *s <= '9' && digits < 6) {
            v = v * 10 + (*s++ - '0');
            digits++;
        }
        if (digits == 0 || n == 3)
            goto bad;
        part[n++] = v;
        if (s < end && *s == ':')
            s++;
        else
            break;
    }
    if (n < (vtt ? 2 : 3) || s >= end || (*s != ',' && *s != '.'))
        goto bad;
    s++;
    long ms = 0;
    for (int i = 0; i < 3; i++, s++) {
        if (s >= end || *s < '0' || *s > '9')
            goto bad;
        ms = ms * 10 + (*s - '0');
    }
    long h = n == 3 ? part[0] : 0, m = part[n - 2], sec = part[n - 1];
    if (m > 59 || sec > 59) {
        s = *p;
        goto bad;
    }
    *p = s;
    return ((h * 60 + m) * 60 + sec) * 1000 + ms;
bad:
    *p = s;
    return -1;
}

static bool starts_with(const char *p, const char *end, const char *word)
{
    size_t n = strlen(word);
    return (size_t)(end - p) >= n && memcmp(p, word, n) == 0;
}

static bool has_arrow(const char *p, const char *end)
{
    for (; end - p >= 3; p++)
        if (p[0] == '-' && p[1] == '-' && p[2] == '>')
            return true;
    return false;
}

/* One timing line [line, end): "START --> END ..." */
static void check_timing(Report *r, int no, const char *line, const char *end, bool vtt)
{
    const char *p = line;
    char msg[160];
    const char *example = vtt ? "00:01.000 --> 00:04.000" : "00:00:01,000 --> 00:00:04,000";
    long a = read_time(&p, end, vtt);
    if (a < 0) {
        snprintf(msg, sizeof msg, "the cue's start time cannot be read (a timing line reads %s)", example);
        report(r, no, (int)(p - line) + 1, msg);
        return;
    }
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    if (end - p < 3 || memcmp(p, "-->", 3) != 0) {
        snprintf(msg, sizeof msg, "\"-->\" expected between the cue's times (%s)", example);
        report(r, no, (int)(p - line) + 1, msg);
        return;
    }
    p += 3;
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    const char *at = p;
    long b = read_time(&p, end, vtt);
    if (b < 0) {
        snprintf(msg, sizeof msg, "the cue's end time cannot be read (a timing line reads %s)", example);
        report(r, no, (int)(p - line) + 1, msg);
    } else if (b < a) {
        report(r, no, (int)(at - line) + 1, "the cue ends before it starts; it is never shown");
    }
}

int subcheck_text(const char *file, const char *text, size_t len, DiagList *out)
{
    Report r = {file, out, 0};
    const char *end = text + len;
    if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
        text += 3;
    bool vtt = starts_with(text, end, "WEBVTT");
    /* bytes that are not UTF-8: where the first one is */
    int line = 1;
    const char *bol = text;
    for (const char *p = text; p < end;) {
        size_t k = utf8_len((const unsigned char *)p, (size_t)(end - p));
        if (k == 0) {
            report(&r, line, (int)(p - bol) + 1,
                   "this byte is not UTF-8: save the subtitles as UTF-8 (the whole file is refused "
                   "otherwise)");
            return r.found;
        }
        if (*p == '\n') {
            line++;
            bol = p + 1;
        }
        p += k;
    }
    /* blocks of lines between blank lines; a cue's timing line is its
     * first line with "-->", which SRT wants first or after the number */
    line = 0;
    int in_block = 0; /* lines of this block so far */
    bool timed = false, skip = vtt; /* WebVTT's header block is no cue */
    for (const char *p = text; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end;
        line++;
        const char *le = e > p && e[-1] == '\r' ? e - 1 : e;
        bool blank = le == p;
        if (blank) {
            in_block = 0;
            timed = false;
            skip = false;
        } else if (!skip) {
            in_block++;
            bool arrow = has_arrow(p, le);
            if (in_block == 1 && vtt &&
                (starts_with(p, le, "NOTE") || starts_with(p, le, "STYLE") ||
                 starts_with(p, le, "REGION")))
                skip = true;
            else if (!timed && arrow) {
                check_timing(&r, line, p, le, vtt);
                timed = true;
            } else if (!timed && !vtt && in_block == 2) {
                report(&r, line, 1,
                       "a timing line (00:00:01,000 --> 00:00:04,000) was expected after the cue's "
                       "number");
                timed = true;
            }
        }
        p = nl ? nl + 1 : end;
    }
    return r.found;
}

int subcheck_file(const char *path, DiagList *out)
{
    char *text = NULL;
    size_t len = 0;
    long long size = 0;
    if (fs_read_file(path, SUBCHECK_MAX_BYTES, &text, &len, &size) != 0) {
        diag_add(out, DIAG_ERROR, path, 0, 0, "subtitles cannot be read (or are over 8 MB)");
        return 1;
    }
    int n = subcheck_text(path, text, len, out);
    free(text);
    return n;
}
