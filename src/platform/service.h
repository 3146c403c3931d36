/* SPDX-License-Identifier: GPL-3.0-or-later */
/* service.h - telling systemd how vitrine is doing (Type=notify).
 *
 * READY=1 once the first frame is on screen; WATCHDOG=1 only after a frame
 * was actually presented, so a renderer that hangs gets vitrine restarted
 * (dist/vitrine.service: WatchdogSec, Restart=always). With the watchdog
 * on, the loop wakes at half its interval to present a frame even when
 * nothing moves. Without libsystemd at build time, or without systemd at
 * run time (no NOTIFY_SOCKET), every call does nothing.
 */
#ifndef VITRINE_PLATFORM_SERVICE_H
#define VITRINE_PLATFORM_SERVICE_H

#include <stdbool.h>
#include <stdint.h>

/* Read the environment once at start. */
void service_init(void);
/* A frame was presented at `now_ms` (the app's clock). Sends READY=1 the
 * first time, then WATCHDOG=1 at most twice per interval. */
void service_presented(uint64_t now_ms);
/* Milliseconds until a frame must be presented to keep the watchdog fed
 * (UINT64_MAX: no watchdog). */
uint64_t service_next_ping(uint64_t now_ms);
/* What vitrine is doing, for `systemctl status` (STATUS=): sent now, and
 * with READY=1 if that is still to come. NULL: "showing exhibitions". */
void service_status(const char *status);
/* STOPPING=1, before a clean exit. */
void service_stopping(void);

#endif
