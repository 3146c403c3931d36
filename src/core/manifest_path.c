/* SPDX-License-Identifier: GPL-3.0-or-later */
/* manifest_path.c - see manifest_path.h */
/* realpath() is XSI, which _POSIX_C_SOURCE alone does not declare */
#define _XOPEN_SOURCE 700

#include "manifest_path.h"

#include "fsutil.h"
#include "jsontext.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The file at `rel` (as written in the manifest, at JSON pointer ptr; a
 * `kind` of file: "image", "film"): dir/rel, malloc'd, when it is a regular
 * file inside the exhibition folder; else NULL after an error diagnostic. */
/* Whether a component of rel is "..". */
static bool has_dotdot(const char *rel)
{
    for (const char *p = rel; *p;) {
        size_t n = strcspn(p, "/");
        if (n == 2 && p[0] == '.' && p[1] == '.')
            return true;
        p += n;
        while (*p == '/')
            p++;
    }
    return false;
}

/* Relative and without a ".." component: the rules that need no file. */
static bool plainly_inside(const char *rel)
{
    return *rel && rel[0] != '/' && !has_dotdot(rel);
}

char *manifest_path_open(int dir_fd, const char *dir, const char *rel, int *fd)
{
    *fd = -1;
    if (dir_fd < 0 || !plainly_inside(rel))
        return NULL;
    /* O_NONBLOCK: a FIFO swapped in must not hang the kiosk (it is refused below) */
    int f = fs_open_beneath(dir_fd, rel, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    char *full = f >= 0 && fstat(f, &st) == 0 && S_ISREG(st.st_mode) ? fs_path_join(dir, rel) : NULL;
    if (!full) {
        if (f >= 0)
            close(f);
        return NULL;
    }
    *fd = f;
    return full;
}

char *manifest_path_resolve(JsonDiag *jd, const char *dir, const char *(*root_of)(void *ctx),
                            void *ctx, const char *rel, const char *ptr, const char *subject,
                            const char *kind)
{
    char s[JTEXT_SHOWN_CAP];
    if (!*rel) {
        jdiag_at_value(jd, DIAG_ERROR, ptr, "%s is empty", subject);
        return NULL;
    }
    if (rel[0] == '/') {
        jdiag_at_value(jd, DIAG_ERROR, ptr,
                       "%s \"%s\" must be a path relative to the exhibition folder, "
                       "not an absolute path", kind, jtext_shown(rel, s, sizeof s));
        return NULL;
    }
    if (has_dotdot(rel)) {
        jdiag_at_value(jd, DIAG_ERROR, ptr,
                       "%s \"%s\" may not leave the exhibition folder (it contains \"..\")",
                       kind, jtext_shown(rel, s, sizeof s));
        return NULL;
    }
    char *full = fs_path_join(dir, rel);
    if (!full)
        return NULL;
    struct stat st;
    if (stat(full, &st) != 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            jdiag_at_value(jd, DIAG_ERROR, ptr,
                           "%s \"%s\" not found%s", kind, jtext_shown(rel, s, sizeof s),
                           strchr(rel, '\\') ? " (use \"/\" between folders, not \"\\\")" : "");
        else
            jdiag_at_value(jd, DIAG_ERROR, ptr, "%s \"%s\" cannot be read: %s",
                           kind, jtext_shown(rel, s, sizeof s), strerror(errno));
        free(full);
        return NULL;
    }
    /* symbolic links may point anywhere inside the folder, but not out */
    const char *root = root_of(ctx);
    char *real = realpath(full, NULL);
    if (!root || !real) {
        jdiag_at_value(jd, DIAG_ERROR, ptr, "%s \"%s\" cannot be read: %s",
                       kind, jtext_shown(rel, s, sizeof s), strerror(errno));
        free(real);
        free(full);
        return NULL;
    }
    size_t rn = strlen(root);
    bool inside = strcmp(root, "/") == 0
                  || (strncmp(real, root, rn) == 0 && real[rn] == '/');
    free(real);
    if (!inside) {
        jdiag_at_value(jd, DIAG_ERROR, ptr,
                       "%s \"%s\" leads outside the exhibition folder through a symbolic link",
                       kind, jtext_shown(rel, s, sizeof s));
        free(full);
        return NULL;
    }
    if (!S_ISREG(st.st_mode)) {
        jdiag_at_value(jd, DIAG_ERROR, ptr, "%s \"%s\" is not a regular file",
                       kind, jtext_shown(rel, s, sizeof s));
        free(full);
        return NULL;
    }
    return full;
}
