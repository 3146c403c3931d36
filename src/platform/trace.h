/* SPDX-License-Identifier: GPL-3.0-or-later */
/* trace.h - a timing trace for the benchmark (bench/run), off unless asked.
 *
 * With VITRINE_TRACE=FILE in the environment, vitrine appends one line per
 * event to FILE:
 *
 *   <CLOCK_MONOTONIC ns> <event> [key=value ...]
 *
 * start                      as early as possible in main()
 * input kind=key|button|finger [key=NAME] [state=down|up] [repeat=1]
 *                            an input event taken from SDL's queue
 * frame screen=S exhibition=ID slide=N complete=0|1 shown=0|1 previews=K
 *       render_us=U present_us=P
 *                            after each SDL_RenderPresent of the audience
 *                            window; complete=1 when every image of the scene
 *                            was drawn from its full-quality pixels, shown=1
 *                            when every image was drawn at all, K of them
 *                            from their preview (textures.h): the jump's
 *                            first picture is shown=1, its full quality
 *                            complete=1 (a preview never counts as that)
 * decode page=P box=WxH preview=0|1 ok=0|1 probe_us=U decode_us=U
 *                            a decoding thread finished a picture
 * zoom-full ...              a zoomed view first presented at full resolution
 * film-frame serial=N pts_ms=MS
 *                            a film's new frame drawn into the scene, to be
 *                            presented with the next `frame`; pts_ms is its
 *                            place in the film
 * film-preroll open=1|0, film-preroll frame=N
 *                            the film next door opened ahead (films_preroll) or
 *                            closed again; its first frame uploaded before
 *                            the page turn
 *
 * Each line is one write(2) on an O_APPEND descriptor, so lines from several
 * threads never interleave and a reader sees them as soon as they happen.
 * Without the variable every call returns at its first test: no clock is
 * read, nothing is formatted. Docs: bench/README.md.
 */
#ifndef VITRINE_PLATFORM_TRACE_H
#define VITRINE_PLATFORM_TRACE_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/show.h"

/* Read VITRINE_TRACE, open the file and write `start`. Call once, first. */
void trace_start(void);
/* Whether a trace is being written. */
bool trace_enabled(void);
/* CLOCK_MONOTONIC in ns when tracing, else 0 (no clock is read). */
uint64_t trace_clock(void);
/* The calling thread's CPU time in ns when tracing, else 0: what a decode
 * cost, less changed than its wall time by other programs on the cores. */
uint64_t trace_thread_cpu(void);

/* One line: `name` and, unless fmt is NULL, the printf-formatted key=value
 * pairs, e.g. trace_event("zoom-full", "slide=%d", n). Safe from any thread. */
void trace_event(const char *name, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* `input` for a key, mouse button or finger event just taken from SDL's
 * queue; other events are not written. */
void trace_input(const SDL_Event *e);

/* `frame` after the audience's SDL_RenderPresent: what is on screen (from
 * the show's state), whether the scene was complete, and the times spent
 * drawing (from t0 to drawn) and presenting (drawn to now). t0 and drawn
 * come from trace_clock(). */
void trace_frame(const Show *s, bool complete, int previews, bool shown, uint64_t t0, uint64_t drawn);

#endif
