/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hugemem.h - SDL's large blocks (pictures, textures) on 2 MB pages.
 *
 * A decoded 4K picture is 8 MB, a zoomed 20 MP one 80 MB, and the software
 * renderer keeps each texture in memory of the same size. Each such block
 * is a fresh mapping (malloc maps anything over M_MMAP_THRESHOLD), and every
 * 4 KB page of it faults in when it is first written. Where faults are dear
 * (on this project's development machine, a virtual machine, the zoom of a
 * 20 MP JPEG spent more time faulting in its 80 MB twice than decoding it),
 * asking the kernel for transparent huge pages (madvise(MADV_HUGEPAGE);
 * Linux's default "madvise" mode) makes that 1 fault in 512.
 *
 * Installed as SDL's memory functions before SDL allocates anything: blocks
 * of HUGEMEM_MIN bytes or more are mapped here and remembered; the rest,
 * and anything not mapped here, go to malloc and free as before, so memory
 * SDL hands out and another library frees (or the other way round) stays
 * safe below that size. The block let go last (up to 16 MB) stays mapped
 * and goes to the next request of about its size: a slideshow frees one
 * picture's pixels as it asks for the next one's, and a 4K slide's fresh
 * mapping cost its decoding thread a memset's worth of page faults (perf,
 * 4K cycle). One block at most, let go before a new mapping is made.
 * Off under AddressSanitizer, which must see every
 * pixel buffer to check it.
 */
#ifndef VITRINE_PLATFORM_HUGEMEM_H
#define VITRINE_PLATFORM_HUGEMEM_H

#include <stdbool.h>
#include <stddef.h>

#define HUGEMEM_MIN ((size_t)4 << 20) /* two huge pages: smaller blocks gain little */
#define HUGEMEM_SLOTS 256             /* large blocks alive at once; more go to malloc */

/* Make SDL's allocator this one; first thing in main(). False when it is
 * not (a sanitizer build, or SDL had allocated already). */
bool hugemem_install(void);

/* Large blocks mapped here and alive now, and their bytes (for tests). */
int hugemem_live(size_t *bytes);

#endif
