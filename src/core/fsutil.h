/* fsutil.h - folders: made for the files vitrine writes (lecture records,
 * visitor statistics), listed for the ones it reads. */
#ifndef VITRINE_FSUTIL_H
#define VITRINE_FSUTIL_H

#include <stdbool.h>

#include "diag.h"

/* mkdir -p of the folder that holds path (mode 0755). A problem is added to
 * diags as an error about `file`. */
bool fs_make_parents(const char *path, DiagList *diags, const char *file);

/* The names in dir (not "." and ".."), sorted by strcmp, as *n malloc'd
 * strings in a malloc'd array (free with fs_list_free). NULL when dir
 * cannot be read or on out of memory. */
char **fs_list(const char *dir, int *n);
void fs_list_free(char **names, int n);

#endif
