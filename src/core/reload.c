/* SPDX-License-Identifier: GPL-3.0-or-later */
/* reload.c - see reload.h */
#include "reload.h"

#include <stdlib.h>
#include <string.h>

void reload_init(ReloadPolicy *p)
{
    memset(p, 0, sizeof *p);
}

static void forget_writers(ReloadPolicy *p)
{
    for (int i = 0; i < p->n_writing; i++)
        free(p->writing[i]);
    p->n_writing = 0;
    p->overflow = false;
}

void reload_free(ReloadPolicy *p)
{
    if (p)
        forget_writers(p);
}

bool reload_name_counts(const char *name)
{
    if (!name || !*name || name[0] == '.')
        return false;
    size_t n = strlen(name);
    if (name[n - 1] == '~')
        return false;
    static const char *const backups[] = {".swp", ".swx", ".tmp", ".part", ".crdownload"};
    for (size_t i = 0; i < sizeof backups / sizeof backups[0]; i++) {
        size_t k = strlen(backups[i]);
        if (n > k && strcmp(name + n - k, backups[i]) == 0)
            return false;
    }
    return true;
}

static int find_writer(const ReloadPolicy *p, const char *path)
{
    for (int i = 0; i < p->n_writing; i++)
        if (strcmp(p->writing[i], path) == 0)
            return i;
    return -1;
}

void reload_note(ReloadPolicy *p, ReloadChange c, const char *path, uint64_t now)
{
    if (!path)
        return;
    const char *slash = strrchr(path, '/');
    if (!reload_name_counts(slash ? slash + 1 : path))
        return;
    p->changed = true;
    if (now > p->last)
        p->last = now;
    int i = find_writer(p, path);
    if (c == RELOAD_WRITING) {
        if (i >= 0)
            return;
        char *copy = p->n_writing < RELOAD_MAX_WRITING ? strdup(path) : NULL;
        if (copy)
            p->writing[p->n_writing++] = copy;
        else
            p->overflow = true; /* cannot tell when it ends: wait for the stall limit */
    } else if (c != RELOAD_CREATED && i >= 0) {
        free(p->writing[i]);
        p->writing[i] = p->writing[--p->n_writing];
    }
}

uint64_t reload_next_deadline(const ReloadPolicy *p, uint64_t now)
{
    if (!p->changed || p->loading)
        return RELOAD_NO_DEADLINE;
    uint64_t quiet = p->n_writing > 0 || p->overflow ? RELOAD_STALL_MS : RELOAD_SETTLE_MS;
    uint64_t at = p->last + quiet;
    return at > now ? at - now : 0;
}

bool reload_due(const ReloadPolicy *p, uint64_t now)
{
    return reload_next_deadline(p, now) == 0;
}

void reload_begin(ReloadPolicy *p)
{
    p->changed = false;
    p->loading = true;
    p->loads++;
    forget_writers(p); /* given up on (stalled), or finished: their close reloads again */
}

void reload_end(ReloadPolicy *p)
{
    p->loading = false;
}
