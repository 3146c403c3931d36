/* app.h - the program: window or off-screen target, main loop, replays. */
#ifndef VITRINE_PLATFORM_APP_H
#define VITRINE_PLATFORM_APP_H

#include <stdbool.h>

typedef struct {
    const char *dir;          /* exhibitions folder, or one exhibition */
    const char *exhibition;   /* open this id at start, or NULL for home */
    int slide;                /* 1-based slide for `exhibition`; 0 = first */
    const char *lang;         /* start language, or NULL */
    int w, h;                 /* --size; 0 = the display's (or 1920x1080 headless) */
    bool windowed;            /* a development window instead of fullscreen */
    const char *state_file;   /* keep the state JSON here, rewritten on change */
    const char *settings;     /* settings file; NULL = the default location, if it exists */
    const char *state_dir;    /* lecture records, visitor statistics; NULL = settings' (not in replays) */
    bool lecture;             /* a lecture deck with timer and presenter view */
    int duration_min;         /* --duration; 0 = the manifest's */
    bool preview;             /* --preview: a curator's window on one exhibition; problems on a banner */
} AppOptions;

/* Fullscreen (or windowed) interactive run; the folder is watched and
 * reloaded as it changes (hotreload.h). Returns the exit status. */
int app_run(const AppOptions *opt);
/* Draw one screen headless and write it to out_png. */
int app_render(const AppOptions *opt, const char *out_png);
/* Ask the lecturer to press each clicker button; write the key map into the
 * settings file. */
int app_learn_keys(const AppOptions *opt);
/* Run a replay script on a virtual clock; headless unless opt->windowed. */
int app_replay(const AppOptions *opt, const char *script_path);

#endif
