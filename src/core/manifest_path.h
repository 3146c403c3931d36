/* SPDX-License-Identifier: GPL-3.0-or-later */
/* manifest_path.h - a file named in exhibition.json (an image, a film, a
 * subtitle file...), checked the one way for every kind: relative, never
 * out of the exhibition folder (no "..", no symbolic link out), there, and a
 * regular file; each failure an error at the value's position. */
#ifndef VITRINE_MANIFEST_PATH_H
#define VITRINE_MANIFEST_PATH_H

#include "jsondiag.h"

/* dir/rel, malloc'd, or NULL after an error at ptr ("kind" names the file
 * in it: "image \"a.jpg\" not found"; subject names an empty value).
 * root_of(ctx) gives the folder's real path (NULL: unknown), asked only
 * once the file is there. */
char *manifest_path_resolve(JsonDiag *jd, const char *dir, const char *(*root_of)(void *ctx),
                            void *ctx, const char *rel, const char *ptr, const char *subject,
                            const char *kind);

/* The same rules the quick way, for the common case of a file that keeps
 * them: rel opened read-only beneath the folder dir_fd (dir, open) in
 * one call, which refuses a way out as resolve's realpath check does, then
 * checked to be a regular file. Returns dir/rel with *fd open on it, or
 * NULL (nothing said, nothing open) when it could not tell: then
 * manifest_path_resolve() says why. A start with 10,000 images does 4
 * system calls an image here instead of a dozen (realpath reads every
 * component's link). */
char *manifest_path_open(int dir_fd, const char *dir, const char *rel, int *fd);

#endif
