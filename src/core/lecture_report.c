/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lecture_report.c - see lecture_report.h */
#include "lecture_report.h"

#include "fsutil.h"
#include "rehearsal.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int lecture_report_main(const char *record_path, const char *suggest_out, FILE *out, FILE *err)
{
    DiagList diags = {0};
    Rehearsal r;
    if (!rehearsal_read(&r, record_path, &diags)) {
        diag_print(&diags, err);
        diag_clear(&diags);
        rehearsal_free(&r);
        return 1;
    }
    diag_print(&diags, err); /* warnings */
    diag_clear(&diags);
    rehearsal_report(&r, out);
    int status = 0;
    if (suggest_out) {
        if (rehearsal_suggest(&r, suggest_out, &diags)) {
            fprintf(out, "\nSuggested budgets written to %s\n", suggest_out);
        } else {
            status = 1;
        }
        diag_print(&diags, err);
        diag_clear(&diags);
    }
    fflush(out);
    rehearsal_free(&r);
    return status;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* dir + "/" + name without doubling a trailing slash; false if cut. */
static bool join(char *buf, size_t n, const char *dir, const char *name)
{
    size_t dn = strlen(dir);
    const char *sep = dn > 0 && dir[dn - 1] == '/' ? "" : "/";
    int w = snprintf(buf, n, "%s%s%s", dir, sep, name);
    return w >= 0 && (size_t)w < n;
}

int lecture_report_latest(const char *state_dir, char *buf, size_t n)
{
    char dir[4096];
    if (!state_dir || !buf || n == 0 || !join(dir, sizeof dir, state_dir, LECTURE_RECORDS_DIR))
        return -1;
    int count = 0;
    char **names = fs_list(dir, &count);
    if (!names)
        return -1;
    /* the names sort by their time stamp: the last that is a record wins */
    int rc = -1;
    for (int i = count - 1; i >= 0 && rc != 0; i--) {
        const char *name = names[i];
        char path[4096];
        struct stat st;
        if (name[0] == '.' || !ends_with(name, ".json") || !join(path, sizeof path, dir, name)
            || stat(path, &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        rc = join(buf, n, dir, name) ? 0 : -1;
        break;
    }
    fs_list_free(names, count);
    return rc;
}

void rehearsal_file_name(const char *state_dir, const char *stamp, const char *id, char *buf,
                         size_t n)
{
    if (!buf || n == 0)
        return;
    size_t dn = strlen(state_dir);
    const char *sep = dn > 0 && state_dir[dn - 1] == '/' ? "" : "/";
    int w = snprintf(buf, n, "%s%s" LECTURE_RECORDS_DIR "/%s-", state_dir, sep, stamp);
    if (w < 0 || (size_t)w >= n)
        return;
    size_t o = (size_t)w;
    for (const char *p = id; *p && o + 1 < n; p++)
        buf[o++] = *p == '/' ? '_' : *p;
    buf[o] = '\0';
    snprintf(buf + o, n - o, ".json");
}
