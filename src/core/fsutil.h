/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fsutil.h - files and folders: the one place vitrine reads a whole file,
 * writes one atomically, makes folders, lists them and joins paths.
 *
 * The functions here say what went wrong with an errno value and leave the
 * words to the caller (a settings file, a lecture record and a manifest
 * each word their problems their own way); fs_make_parents is the one that
 * reports into a DiagList itself, as every writer words it the same.
 */
#ifndef VITRINE_FSUTIL_H
#define VITRINE_FSUTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "diag.h"

/* a + "/" + b, without doubling a trailing slash of a. malloc'd (the caller
 * frees it); NULL on out of memory. */
char *fs_path_join(const char *a, const char *b);

/* Open rel (relative) beneath the folder dirfd in one system call: it fails
 * (EXDEV) if the path or a symbolic link on the way leads out of the folder
 * or is absolute, and on a kernel without openat2 (ENOSYS: Linux < 5.6).
 * A fast path only: its failures say nothing about which rule was broken,
 * so a caller that must explain does it the slow way. */
int fs_open_beneath(int dirfd, const char *rel, int flags);

/* The whole regular file at path, at most max bytes, as a malloc'd buffer
 * (one spare byte, not NUL-terminated) the caller frees. Returns 0, or an
 * errno value with *out NULL: EISDIR, EINVAL (not a regular file), EFBIG
 * (*size: the size seen, or -1 when the file grew past max while it was
 * read), ENOMEM, or what open/read said. Opens with O_NONBLOCK: a FIFO in
 * the way never hangs the caller. */
int fs_read_file(const char *path, size_t max, char **out, size_t *len, long long *size);

/* read() from fd into buf until want bytes are there or the file ends
 * (EINTR retried). The bytes read, or -1 (errno set). */
ssize_t fs_read_up_to(int fd, void *buf, size_t want);

/* write() until all of buf[0..len) is written (EINTR retried). */
bool fs_write_all(int fd, const void *buf, size_t len);

/* prefix (may be NULL) then text[0..len) into path, through a hidden
 * temporary file in the same folder, fsync and rename(): a reader or a
 * power cut sees the old file or the new one, never half of one. The
 * temporary name starts with "." and does not end in ".json". The folder
 * is synced after the rename, so the new file is the one a cut leaves.
 * Returns 0 or an errno value (one from syncing the folder means the new
 * file is in place but may not survive a cut). */
int fs_write_atomic(const char *path, const char *prefix, const char *text, size_t len,
                    mode_t mode);

/* fsync() the folder that holds path ("." when path has no "/"): a file
 * created, renamed or removed there is then on the disk, not only in the
 * folder's cached copy. Returns 0 (also where the folder cannot be opened
 * or the file system cannot sync folders) or the errno value of fsync(). */
int fs_sync_folder_of(const char *path);

/* mkdir -p of the folder that holds path (mode 0755); each folder made is
 * synced into its parent, so a power cut does not take it away. Returns 0,
 * or an errno value with the folder that could not be made in failed[0..n). */
int fs_make_parents_err(const char *path, char *failed, size_t n);

/* fs_make_parents_err; a problem is added to diags as an error about
 * `file`: "cannot create folder \"DIR\": REASON". */
bool fs_make_parents(const char *path, DiagList *diags, const char *file);

/* The names in dir (not "." and ".."), sorted by strcmp, as *n malloc'd
 * strings in a malloc'd array (free with fs_list_free). NULL (errno set)
 * when dir cannot be read, or on out of memory. */
char **fs_list(const char *dir, int *n);
void fs_list_free(char **names, int n);

/* The folder's own name ("a/b/" -> "b"; "." or "/" as the file system
 * calls it, else "exhibition"): the manifest's id when it has none.
 * Malloc'd; NULL only when memory runs out. */
char *fs_folder_name(const char *dir);

/* What stat() says of a file that changes whenever it is written, replaced
 * or renamed over: enough to tell "the same file as then" (the start index,
 * startindex.h). rsync and Syncthing rename a finished copy into place (a
 * new inode, a new ctime), and an editor's save changes mtime or ctime. All
 * zero: there was no such file. */
typedef struct {
    long long dev, ino;
    long long size;         /* bytes */
    long long mtime_ns, ctime_ns; /* ns since the epoch */
} FileStamp;

/* path's stamp (follows symbolic links); all zero when it cannot be
 * stat()ed. */
void fs_stamp(const char *path, FileStamp *st);
bool fs_stamp_equal(const FileStamp *a, const FileStamp *b);

#endif
