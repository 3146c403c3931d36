/* action.c - see action.h */
#include "action.h"

#include <string.h>

static const char *const action_names[ACT__COUNT] = {
    [ACT_NEXT] = "next",
    [ACT_PREV] = "prev",
    [ACT_FIRST] = "first",
    [ACT_LAST] = "last",
    [ACT_HOME] = "home",
    [ACT_LANG_NEXT] = "language",
    [ACT_SEL_NEXT] = "select_next",
    [ACT_SEL_PREV] = "select_prev",
    [ACT_SEL_FIRST] = "select_first",
    [ACT_SEL_LAST] = "select_last",
    [ACT_SELECT] = "select",
    [ACT_SEL_UP] = "select_up",
    [ACT_SEL_DOWN] = "select_down",
    [ACT_TOGGLE_CAPTIONS] = "captions",
    [ACT_LARGE_TEXT] = "large_text",
    [ACT_HIGH_CONTRAST] = "high_contrast",
    [ACT_ZOOM_IN] = "zoom_in",
    [ACT_ZOOM_OUT] = "zoom_out",
    [ACT_QUIT] = "quit",
    [ACT_ADMIN] = "admin",
    [ACT_ADMIN_CLOSE] = "admin_close",
    [ACT_BLACK] = "black",
    [ACT_WHITE] = "white",
    [ACT_START_STOP] = "start_stop",
    [ACT_OVERVIEW] = "overview",
    [ACT_TIMER_OVERLAY] = "timer_overlay",
    [ACT_TIMER_PAUSE] = "timer_pause",
    [ACT_TIMER_RESET] = "timer_reset",
    [ACT_SWAP_DISPLAYS] = "swap_displays",
};

const char *action_name(Action a)
{
    return (unsigned)a < ACT__COUNT ? action_names[a] : NULL;
}

Action action_from_name(const char *name)
{
    for (int i = 0; name && i < ACT__COUNT; i++)
        if (action_names[i] && strcmp(action_names[i], name) == 0)
            return (Action)i;
    return ACT_NONE;
}
