/* SPDX-License-Identifier: GPL-3.0-or-later */
/* prevstore.h - small copies of pictures kept in the state folder, so a
 * picture seen once has an instant preview ever after.
 *
 * A preview decoded from the picture itself costs nearly what its full
 * copy does: a 4K JPEG at 1/8 scale still entropy-decodes every byte
 * (20 ms of a 2.3 MB file here, against 24 ms at 1/2). A small copy made
 * once and kept in <state>/previews (about 20 KB, a JPEG written by
 * libturbojpeg) decodes in a millisecond. It is made from the preview or
 * the full copy the first time a large picture is shown, in any format, and
 * counts only while the picture is the same file: its stamp (device,
 * inode, size, mtime and ctime, as the start index's) is written in its
 * head and compared on every read.
 * One file per picture path (named by a hash of the path), so a picture
 * edited a hundred times still has one small copy. Copies of pictures that
 * are gone are not looked for; the folder is kept to 20,000 copies (about
 * 400 MB), the least recently read going first, so years of changing
 * exhibitions never fill a kiosk's disk (docs/settings.md).
 *
 * Never in the exhibitions folder, which Syncthing or rsync own. Without a
 * state folder (--render, replays, --check) nothing is kept or read.
 * Thread-safe: each thread keeps its own buffers for its next copy
 * (prevstore_release_thread); a copy is written to a temporary name and
 * renamed, so a reader never sees half of one.
 */
#ifndef VITRINE_PLATFORM_PREVSTORE_H
#define VITRINE_PLATFORM_PREVSTORE_H

#include <SDL.h>
#include <stdbool.h>

/* The copy of `path` kept under `dir` (the state folder), when there is one
 * and it is of the file as it is now: an ARGB8888 surface and the
 * picture's own upright size. false: none (or a stale or damaged one). */
bool prevstore_get(const char *dir, const char *path, SDL_Surface **out, int *nat_w, int *nat_h);

/* Whether a copy of the file as it is now is kept. */
bool prevstore_has(const char *dir, const char *path);

/* Keep s (ARGB8888, opaque) as the copy of `path`, made smaller first when
 * larger than max_w x max_h; nat_w x nat_h is the picture's own size.
 * Failing (a full disk, a read-only folder) costs nothing but the copy. */
void prevstore_put(const char *dir, const char *path, const SDL_Surface *s, int max_w, int max_h, int nat_w,
                   int nat_h);

/* Free what this thread keeps for its next copy (prevstore_put); at the
 * end of a thread that made copies. */
void prevstore_release_thread(void);

/* Keep at most max_copies copies under `dir`: past that, the least recently
 * read (their date: when written, or read again after a day) are removed
 * down to nine tenths of it. Temporary copies over an hour old (a process
 * ended while writing) go too; no other file is touched. prevstore_put
 * calls it at its first copy and every 1000th with 20,000. */
void prevstore_prune(const char *dir, int max_copies);

#endif
