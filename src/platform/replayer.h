/* SPDX-License-Identifier: GPL-3.0-or-later */
/* replayer.h - vitrine --replay: a script (core/replay.h, docs/replay.md)
 * run on the real program (app.h) with a virtual clock.
 *
 * Each command becomes the SDL events a person would make (key presses
 * with auto-repeat, finger and mouse strokes sampled once a frame, window
 * events) pushed into SDL's queue and pumped through the same path as real
 * input; `wait` moves the virtual clock, so it takes no real time. The soak
 * test (src/harness/) runs as replay commands too.
 */
#ifndef VITRINE_PLATFORM_REPLAYER_H
#define VITRINE_PLATFORM_REPLAYER_H

#include "app.h"

/* Run the script at script_path; headless unless opt->windowed. Returns
 * the exit status: 0, 1 when a command failed, 2 when the script could not
 * be read or parsed or the program not started. */
int replayer_run(const AppOptions *opt, const char *script_path);

#endif
