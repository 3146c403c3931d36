/* SPDX-License-Identifier: GPL-3.0-or-later */
/* service.c - see service.h */
#include "service.h"

#include <SDL.h>

#ifdef VITRINE_HAVE_SYSTEMD
#include <stdlib.h>
#include <systemd/sd-daemon.h>
#include <unistd.h>
#endif

static bool ready;
static uint64_t watchdog_ms;   /* half the watchdog interval; 0 = none */
static uint64_t last_ping;
static char status[512] = "showing exhibitions"; /* the latest STATUS=, repeated with READY=1 */

void service_init(void)
{
#ifdef VITRINE_HAVE_SYSTEMD
    uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) <= 0) {
        /* Under a kiosk compositor (cage), systemd's main process is our
         * parent: its watchdog is ours to feed (with NotifyAccess=all). */
        const char *pid = SDL_getenv("WATCHDOG_PID"), *us = SDL_getenv("WATCHDOG_USEC");
        usec = pid && us && strtol(pid, NULL, 10) == (long)getppid() ? strtoull(us, NULL, 10) : 0;
    }
    if (usec >= 2000)
        watchdog_ms = usec / 2000;
    if (watchdog_ms)
        SDL_Log("service: systemd watchdog every %llu ms", (unsigned long long)watchdog_ms * 2);
#else
    if (SDL_getenv("NOTIFY_SOCKET"))
        SDL_Log("service: NOTIFY_SOCKET is set but vitrine was built without libsystemd: "
                "use Type=simple, or rebuild with libsystemd-dev installed");
#endif
}

void service_presented(uint64_t now_ms)
{
#ifdef VITRINE_HAVE_SYSTEMD
    if (!ready) {
        ready = true;
        last_ping = now_ms;
        sd_notifyf(0, "READY=1\nSTATUS=%s", status);
        return;
    }
    if (watchdog_ms && now_ms >= last_ping + watchdog_ms) {
        last_ping = now_ms;
        sd_notify(0, "WATCHDOG=1");
    }
#else
    (void)now_ms;
    ready = true;
    (void)last_ping;
#endif
}

uint64_t service_next_ping(uint64_t now_ms)
{
    if (!watchdog_ms)
        return UINT64_MAX;
    uint64_t at = last_ping + watchdog_ms;
    return at > now_ms ? at - now_ms : 0;
}

void service_status(const char *s)
{
    SDL_snprintf(status, sizeof status, "%s", s ? s : "showing exhibitions");
#ifdef VITRINE_HAVE_SYSTEMD
    if (ready) /* else READY=1 carries it */
        sd_notifyf(0, "STATUS=%s", status);
#endif
}

void service_stopping(void)
{
#ifdef VITRINE_HAVE_SYSTEMD
    sd_notify(0, "STOPPING=1");
#endif
}
