/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jsontext.h - words about JSON values for diagnostics, shared by the
 * manifest, settings and rehearsal-record loaders: quoting a user's text
 * safely, naming a value's type, and "did you mean" distances. */
#ifndef VITRINE_JSONTEXT_H
#define VITRINE_JSONTEXT_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#define JTEXT_SHOW_MAX 80                        /* bytes of user text quoted in a message */
#define JTEXT_SHOWN_CAP (JTEXT_SHOW_MAX * 2 + 32) /* a buffer big enough for jtext_shown */
#define JTEXT_SUGGEST_MAX_DIST 2                 /* "did you mean" within this edit distance */

/* s quoted for a one-line message: cut at JTEXT_SHOW_MAX bytes on a
 * character boundary (with "…"), '"', '\' and control characters escaped.
 * Returns out. */
const char *jtext_shown(const char *s, char *out, size_t cap);
/* "a string", "an object", "an array", "a number" (or the number itself
 * when show_number), "true", "false", "null". Returns buf. */
const char *jtext_describe(const json_t *v, bool show_number, char *buf, size_t cap);
/* Optimal string alignment distance on bytes (a swap of neighbours costs
 * 1); -1 when clearly far (more than JTEXT_SUGGEST_MAX_DIST apart in length,
 * or longer than 32 bytes). */
int jtext_edit_distance(const char *a, const char *b);

#endif
