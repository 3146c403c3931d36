/* SPDX-License-Identifier: GPL-3.0-or-later */
/* learnkeys.h - vitrine --learn-keys: the lecturer presses each of the
 * clicker's buttons in turn (core/learn.h says which and when to skip);
 * the key map is written into the settings file. */
#ifndef VITRINE_PLATFORM_LEARNKEYS_H
#define VITRINE_PLATFORM_LEARNKEYS_H

#include "app.h"

/* Runs in a window (opt as for app_run). Returns the exit status: 0 once
 * the keys are written, 1 when they were not (SIGTERM, a settings file
 * that cannot be written, no window). */
int learnkeys_run(const AppOptions *opt);

#endif
