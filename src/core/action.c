/* SPDX-License-Identifier: GPL-3.0-or-later */
/* action.c - see action.h */
#include "action.h"

#include <stddef.h>
#include <string.h>

/* The rows of ACTION_LIST without their handlers (those are the show's). */
static const struct {
    const char *name, *description;
    unsigned screens;
} rows[ACT__COUNT] = {
#define ROW_(id, name, screens, handler, desc) [ACT_##id] = {name, desc, screens},
    ACTION_LIST(ROW_)
#undef ROW_
};

const char *action_name(Action a)
{
    return (unsigned)a < ACT__COUNT ? rows[a].name : NULL;
}

Action action_from_name(const char *name)
{
    for (int i = 0; name && i < ACT__COUNT; i++)
        if (rows[i].name && strcmp(rows[i].name, name) == 0)
            return (Action)i;
    return ACT_NONE;
}

const char *action_description(Action a)
{
    return (unsigned)a < ACT__COUNT ? rows[a].description : NULL;
}

unsigned action_screens(Action a)
{
    return (unsigned)a < ACT__COUNT ? rows[a].screens : 0;
}
