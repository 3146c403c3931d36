/* SPDX-License-Identifier: GPL-3.0-or-later */
/* startfile.h - the start index's file (core/startindex.h) in the state
 * folder: <state>/start-index/<16 hex digits: FNV-1a of the exhibitions
 * folder's real path>.json, one a folder, so a kiosk started on two folders
 * keeps two. Never in the exhibitions folder, which Syncthing or rsync own.
 *
 * Nothing here can make a start worse than one without an index: a file
 * that is missing, unreadable, garbage or another folder's is no index (a
 * line in the log unless it is missing), and a state folder that cannot be
 * written to costs one line in the log and the next start's speed.
 */
#ifndef VITRINE_PLATFORM_STARTFILE_H
#define VITRINE_PLATFORM_STARTFILE_H

#include <stdbool.h>

#include "core/library.h"
#include "core/startindex.h"

typedef struct {
    char *path;     /* the index file; NULL: no index this run */
    char *real;     /* the exhibitions folder's real path */
    char *text;     /* the file's text as last read or written: the same is not written again */
    bool warned;    /* a write failed and was logged: the next ones are not */
} StartFile;

/* The index file of the exhibitions folder dir in the folder state. false
 * (f->path NULL) when dir is not a folder there is (a lecturer's PDF). */
bool startfile_open(StartFile *f, const char *state, const char *dir);
/* Read the index into idx. false (idx empty) when there is none to use. */
bool startfile_read(StartFile *f, StartIndex *idx);
/* Write lib's index (lib loaded in full, not partial), unless the file
 * holds it already. */
void startfile_write(StartFile *f, const Library *lib);
void startfile_close(StartFile *f);

#endif
