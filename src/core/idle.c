/* SPDX-License-Identifier: GPL-3.0-or-later */
/* idle.c - see idle.h */
#include "idle.h"

static int cfg_or(int v, int def)
{
    return v > 0 ? v : def;
}

void idle_init(Idle *id, const IdleConfig *cfg, uint64_t now)
{
    IdleConfig c = cfg ? *cfg : (IdleConfig){0};
    c.timeout_ms = cfg_or(c.timeout_ms, IDLE_TIMEOUT_MS);
    c.warning_ms = cfg_or(c.warning_ms, IDLE_WARNING_MS);
    c.attract_delay_ms = cfg_or(c.attract_delay_ms, IDLE_ATTRACT_DELAY_MS);
    *id = (Idle){.cfg = c, .phase = IDLE_ACTIVE, .since = now};
}

IdlePhase idle_input(Idle *id, uint64_t now)
{
    IdlePhase was = idle_update(id, now);
    id->phase = IDLE_ACTIVE;
    id->since = now;
    return was;
}

void idle_hold(Idle *id, bool on, uint64_t now)
{
    idle_update(id, now);
    if (on == id->held || (on && id->phase != IDLE_ACTIVE))
        return;
    id->held = on;
    id->since = now; /* playing: held from now; stopped: the timeout from now */
}

static uint64_t phase_length(const Idle *id)
{
    switch (id->phase) {
    case IDLE_ACTIVE: return id->held ? UINT64_MAX : (uint64_t)id->cfg.timeout_ms;
    case IDLE_WARNING: return (uint64_t)id->cfg.warning_ms;
    case IDLE_RESTING: return (uint64_t)id->cfg.attract_delay_ms;
    case IDLE_ATTRACT: break;
    }
    return UINT64_MAX;
}

IdlePhase idle_update(Idle *id, uint64_t now)
{
    /* A long gap (a suspended machine, a replay's long wait) may cross
     * several phases at once. */
    for (;;) {
        uint64_t len = phase_length(id);
        if (len == UINT64_MAX || now < id->since + len)
            return id->phase;
        id->since += len;
        if (id->phase == IDLE_WARNING)
            id->reset_due = true;
        id->phase = id->phase == IDLE_ACTIVE ? IDLE_WARNING : id->phase == IDLE_WARNING ? IDLE_RESTING : IDLE_ATTRACT;
    }
}

bool idle_take_reset(Idle *id)
{
    bool r = id->reset_due;
    id->reset_due = false;
    return r;
}

uint64_t idle_next_deadline(const Idle *id, uint64_t now)
{
    uint64_t len = phase_length(id);
    if (len == UINT64_MAX)
        return UINT64_MAX;
    uint64_t at = id->since + len;
    return at > now ? at - now : 0;
}

uint64_t idle_next_redraw(const Idle *id, uint64_t now)
{
    uint64_t left = idle_next_deadline(id, now);
    uint64_t t = now > id->since ? now - id->since : 0;
    if (id->phase == IDLE_WARNING) /* the countdown's next second */
        left = left < 1000 - t % 1000 ? left : 1000 - t % 1000;
    if (id->phase == IDLE_ATTRACT) { /* next slide or language */
        uint64_t a = IDLE_ATTRACT_STEP_MS - t % IDLE_ATTRACT_STEP_MS;
        uint64_t b = IDLE_LANG_STEP_MS - t % IDLE_LANG_STEP_MS;
        left = a < b ? a : b;
    }
    return left;
}

int idle_seconds_left(const Idle *id, uint64_t now)
{
    if (id->phase != IDLE_WARNING)
        return 0;
    uint64_t at = id->since + (uint64_t)id->cfg.warning_ms;
    uint64_t left = at > now ? at - now : 0;
    return (int)((left + 999) / 1000);
}
