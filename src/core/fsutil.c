/* fsutil.c - see fsutil.h */
#include "fsutil.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* mkdir -p of the folder that holds path. */
bool fs_make_parents(const char *path, DiagList *diags, const char *file)
{
    char *dir = strdup(path);
    if (!dir) {
        diag_add(diags, DIAG_ERROR, file, 0, 0, "cannot write file: %s", strerror(ENOMEM));
        return false;
    }
    char *slash = strrchr(dir, '/');
    bool ok = true;
    if (slash && slash != dir) {
        *slash = '\0';
        for (char *p = dir + 1;; p++) {
            if (*p != '/' && *p != '\0')
                continue;
            char c = *p;
            *p = '\0';
            struct stat st;
            if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
                diag_add(diags, DIAG_ERROR, file, 0, 0, "cannot create folder \"%s\": %s", dir,
                         strerror(errno));
                ok = false;
            } else if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
                diag_add(diags, DIAG_ERROR, file, 0, 0, "cannot create folder \"%s\": %s", dir,
                         strerror(ENOTDIR));
                ok = false;
            }
            *p = c;
            if (!ok || c == '\0')
                break;
        }
    }
    free(dir);
    return ok;
}
