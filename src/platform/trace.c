/* SPDX-License-Identifier: GPL-3.0-or-later */
/* trace.c - see trace.h
 *
 * The one piece of process-wide state outside main.c: the trace descriptor,
 * set once by trace_start() before anything else runs and never changed,
 * so that any module (a decode thread, the zoom) can add an event without a
 * handle being threaded through every call.
 */
#include "trace.h"

#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define TRACE_LINE_MAX 512

static int trace_fd = -1;

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void trace_start(void)
{
    const char *path = getenv("VITRINE_TRACE");
    if (!path || !*path || trace_fd >= 0)
        return;
    trace_fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (trace_fd < 0) {
        fprintf(stderr, "vitrine: cannot write the trace %s (VITRINE_TRACE); not tracing\n", path);
        return;
    }
    trace_event("start", "pid=%ld", (long)getpid());
}

bool trace_enabled(void)
{
    return trace_fd >= 0;
}

uint64_t trace_clock(void)
{
    return trace_fd >= 0 ? now_ns() : 0;
}

uint64_t trace_thread_cpu(void)
{
    struct timespec ts;
    if (trace_fd < 0 || clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
        return 0;
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void trace_event(const char *name, const char *fmt, ...)
{
    if (trace_fd < 0)
        return;
    /* Room is kept for the newline; a line too long is cut, still one line. */
    char line[TRACE_LINE_MAX];
    size_t room = sizeof line - 1;
    int k = snprintf(line, room, "%llu %s", (unsigned long long)now_ns(), name);
    size_t n = k < 0 ? 0 : (size_t)k < room ? (size_t)k : room - 1;
    if (fmt && n + 1 < room) {
        line[n++] = ' ';
        va_list ap;
        va_start(ap, fmt);
        k = vsnprintf(line + n, room - n, fmt, ap);
        va_end(ap);
        n += k < 0 ? 0 : (size_t)k < room - n ? (size_t)k : room - n - 1;
    }
    line[n++] = '\n';
    /* One write: a line is never split or mixed with another thread's. */
    if (write(trace_fd, line, n) != (ssize_t)n) {
        close(trace_fd);
        trace_fd = -1; /* a full disk ends the trace, not the kiosk */
    }
}

void trace_input(const SDL_Event *e)
{
    if (trace_fd < 0)
        return;
    switch (e->type) {
    case SDL_KEYDOWN:
        trace_event("input", "kind=key key=%s%s", SDL_GetKeyName(e->key.keysym.sym),
                    e->key.repeat ? " repeat=1" : "");
        break;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        trace_event("input", "kind=button state=%s", e->type == SDL_MOUSEBUTTONDOWN ? "down" : "up");
        break;
    case SDL_FINGERDOWN:
    case SDL_FINGERUP:
        trace_event("input", "kind=finger state=%s", e->type == SDL_FINGERDOWN ? "down" : "up");
        break;
    default:
        break;
    }
}

/* The value of "key": in the state JSON, as one word (quotes dropped,
 * blanks made '_'), or "null". */
static void state_field(const char *json, const char *key, char *out, size_t n)
{
    snprintf(out, n, "null");
    char pat[32];
    snprintf(pat, sizeof pat, "\"%s\":", key);
    const char *p = strstr(json, pat);
    if (!p)
        return;
    p += strlen(pat);
    bool quoted = *p == '"';
    p += quoted;
    size_t i = 0;
    for (; p[i] && i + 1 < n; i++) {
        if (quoted ? p[i] == '"' : (p[i] == ',' || p[i] == '}'))
            break;
        out[i] = (p[i] == ' ' || p[i] == '\t') ? '_' : p[i];
    }
    out[i] = '\0';
}

void trace_frame(const Show *s, bool complete, int previews, bool shown, uint64_t t0, uint64_t drawn)
{
    if (trace_fd < 0)
        return;
    uint64_t now = now_ns();
    /* The state JSON is the stable contract (GUIDE.md section 3): read the
     * screen, exhibition and slide from it rather than reach into the show. */
    char json[1024], screen[32], ex[128], slide[16];
    show_state_json(s, 0, json, sizeof json);
    state_field(json, "screen", screen, sizeof screen);
    state_field(json, "exhibition", ex, sizeof ex);
    state_field(json, "slide", slide, sizeof slide);
    trace_event("frame",
                "screen=%s exhibition=%s slide=%s complete=%d shown=%d previews=%d render_us=%llu present_us=%llu",
                screen, ex, slide, complete ? 1 : 0, shown ? 1 : 0, previews, (unsigned long long)((drawn - t0) / 1000),
                (unsigned long long)((now - drawn) / 1000));
}
