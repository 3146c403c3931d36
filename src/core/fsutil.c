/* fsutil.c - see fsutil.h */
#include "fsutil.h"

#include <dirent.h>
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

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

char **fs_list(const char *dir, int *n)
{
    *n = 0;
    DIR *d = opendir(dir);
    if (!d)
        return NULL;
    char **names = NULL;
    int cap = 0;
    struct dirent *e;
    bool ok = true;
    while (ok && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            char **nn = realloc(names, (size_t)cap * sizeof *nn);
            ok = nn != NULL;
            if (ok)
                names = nn;
        }
        if (ok && !(names[*n] = strdup(e->d_name)))
            ok = false;
        if (ok)
            (*n)++;
    }
    closedir(d);
    if (!ok) {
        fs_list_free(names, *n);
        *n = 0;
        return NULL;
    }
    if (*n > 1)
        qsort(names, (size_t)*n, sizeof *names, by_name);
    return names ? names : calloc(1, sizeof *names);
}

void fs_list_free(char **names, int n)
{
    for (int i = 0; i < n; i++)
        free(names[i]);
    free(names);
}
