/* fsutil.h - folders for the files vitrine writes (lecture records,
 * visitor statistics). */
#ifndef VITRINE_FSUTIL_H
#define VITRINE_FSUTIL_H

#include <stdbool.h>

#include "diag.h"

/* mkdir -p of the folder that holds path (mode 0755). A problem is added to
 * diags as an error about `file`. */
bool fs_make_parents(const char *path, DiagList *diags, const char *file);

#endif
