/* SPDX-License-Identifier: GPL-3.0-or-later */
/* filmbar.c - see filmbar.h */
#include "filmbar.h"

#include <stdio.h>

void filmbar_range(int start_ms, int end_ms, int dur_ms, int *lo, int *hi)
{
    *lo = start_ms > 0 ? start_ms : 0;
    *hi = end_ms > 0 && end_ms < dur_ms ? end_ms : dur_ms;
    if (dur_ms <= 0)
        *hi = *lo;
}

int filmbar_ms_at(Rect bar, int lo_ms, int hi_ms, float x)
{
    if (bar.w <= 0 || hi_ms <= lo_ms)
        return lo_ms;
    double f = (x - bar.x) / (double)bar.w;
    f = f < 0 ? 0 : f > 1 ? 1 : f;
    return lo_ms + (int)(f * (hi_ms - lo_ms) + 0.5);
}

int filmbar_x_of(Rect bar, int lo_ms, int hi_ms, int ms)
{
    if (bar.w <= 0 || hi_ms <= lo_ms)
        return 0;
    ms = ms < lo_ms ? lo_ms : ms > hi_ms ? hi_ms : ms;
    return (int)((double)(ms - lo_ms) * bar.w / (hi_ms - lo_ms) + 0.5);
}

bool filmbar_press(FilmBar *b, Rect bar, int lo_ms, int hi_ms, float x, uint64_t now, int *seek_ms)
{
    if (hi_ms <= lo_ms || bar.w <= 0) {
        b->active = false;
        return false;
    }
    *b = (FilmBar){.active = true, .bar = bar, .lo_ms = lo_ms, .hi_ms = hi_ms, .sent_t = now};
    b->at_ms = b->sent_ms = filmbar_ms_at(bar, lo_ms, hi_ms, x);
    *seek_ms = b->at_ms;
    return true;
}

bool filmbar_move(FilmBar *b, float x, uint64_t now, int *seek_ms)
{
    if (!b->active)
        return false;
    b->at_ms = filmbar_ms_at(b->bar, b->lo_ms, b->hi_ms, x);
    if (b->at_ms == b->sent_ms || now < b->sent_t + FILMBAR_SEEK_EVERY_MS)
        return false;
    b->sent_ms = b->at_ms;
    b->sent_t = now;
    *seek_ms = b->at_ms;
    return true;
}

bool filmbar_release(FilmBar *b, float x, int *seek_ms)
{
    if (!b->active)
        return false;
    b->active = false;
    b->at_ms = filmbar_ms_at(b->bar, b->lo_ms, b->hi_ms, x);
    if (b->at_ms == b->sent_ms)
        return false;
    b->sent_ms = b->at_ms;
    *seek_ms = b->at_ms;
    return true;
}

int filmbar_volume_clamp(int volume, int max_volume)
{
    max_volume = max_volume < 0 ? 0 : max_volume > 100 ? 100 : max_volume;
    return volume < 0 ? 0 : volume > max_volume ? max_volume : volume;
}

int filmbar_volume_step(int volume, int dir, int max_volume)
{
    return filmbar_volume_clamp(filmbar_volume_clamp(volume, max_volume) + (dir < 0 ? -1 : 1) * FILMBAR_VOLUME_STEP,
                                max_volume);
}

void filmbar_time_text(int ms, char *out, size_t n)
{
    if (ms < 0) {
        snprintf(out, n, "-:--");
        return;
    }
    int s = ms / 1000;
    if (s >= 3600)
        snprintf(out, n, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    else
        snprintf(out, n, "%d:%02d", s / 60, s % 60);
}
