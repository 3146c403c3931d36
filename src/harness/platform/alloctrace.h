/* SPDX-License-Identifier: GPL-3.0-or-later */
/* alloctrace.h - where SDL's live allocations were made, for the soak test.
 * Test harness (src/harness/README.md).
 *
 * When the soak finds more of SDL's allocations alive after it than before
 * (docs/replay.md), run it again with VITRINE_SOAK_TRACE=1: every
 * allocation SDL, SDL_ttf and SDL_image make is then recorded with its call
 * stack, and the soak lists those made between its two measurements that
 * are still alive at the second (resolve vitrine's frames with
 * addr2line -e vitrine). Without the variable nothing is recorded and
 * nothing costs.
 */
#ifndef VITRINE_HARNESS_ALLOCTRACE_H
#define VITRINE_HARNESS_ALLOCTRACE_H

#include <stdio.h>

/* Before SDL allocates anything (SDL_SetMemoryFunctions). */
void alloctrace_install(void);
/* The first measurement: what is made from now on is listed ... */
void alloctrace_mark(void);
/* ... up to now, when the second begins (it makes allocations of its own). */
void alloctrace_stop(void);
/* Allocations made between mark and stop and alive now, with their stacks. */
void alloctrace_report(FILE *out);

#endif
