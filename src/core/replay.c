/* SPDX-License-Identifier: GPL-3.0-or-later */
/* replay.c - see replay.h */
#include "replay.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "event.h"
#include "keymap.h"

typedef struct {
    const char *name;
    ReplayOp op;
    bool word;        /* takes one word first */
    int min_nums, max_nums;
    bool fractions;   /* numbers are window fractions, must be in 0..1 */
} CmdSpec;

static const CmdSpec cmd_specs[] = {
    {"open",       RC_OPEN,       true,  0, 1, false},
    {"key",        RC_KEY,        true,  0, 0, false},
    {"hold",       RC_HOLD,       true,  1, 1, false},
    {"tap",        RC_TAP,        false, 2, 2, true},
    {"finger-down", RC_FINGER_DOWN, false, 2, 2, true},
    {"finger-move", RC_FINGER_MOVE, false, 2, 2, true},
    {"finger-up",  RC_FINGER_UP,  false, 2, 2, true},
    {"click",      RC_CLICK,      false, 2, 2, true},
    {"swipe",      RC_SWIPE,      false, 5, 5, false},
    {"drag",       RC_DRAG,       false, 5, 5, false},
    {"pinch",      RC_PINCH,      false, 5, 5, false},
    {"close",      RC_CLOSE,      false, 0, 0, false},
    {"sigterm",    RC_SIGTERM,    false, 0, 0, false},
    {"resize",     RC_RESIZE,     false, 2, 2, false},
    {"lang",       RC_LANG,       true,  0, 0, false},
    {"wait",       RC_WAIT,       false, 1, 1, false},
    {"state",      RC_STATE,      false, 0, 0, false},
    {"screenshot", RC_SCREENSHOT, true,  0, 0, false},
    {"presenter-screenshot", RC_PRESENTER_SCREENSHOT, true, 0, 0, false},
    {"copy",       RC_COPY,       true,  0, 0, false},
    {"write-part", RC_WRITE_PART, true,  1, 1, false},
    {"move",       RC_MOVE,       true,  0, 0, false},
    {"remove",     RC_REMOVE,     true,  0, 0, false},
    {"wheel",      RC_WHEEL,      false, 3, 3, false},
    {"soak",       RC_SOAK,       true,  3, 4, false},
};

#define REPLAY_MAX_PART (64LL * 1024 * 1024) /* bytes one write-part may write */
#define REPLAY_MAX_NOTCHES 100                /* wheel notches in one command */
#define REPLAY_MAX_SOAK_INPUTS 10000000       /* a soak's inputs ... */
#define REPLAY_MAX_SOAK_RELOADS 100000        /* ... and reloads */
#define REPLAY_MAX_SEED 9007199254740991.0    /* 2^53 - 1: every seed a double holds exactly */

static bool is_file_op(ReplayOp op)
{
    return op == RC_COPY || op == RC_WRITE_PART || op == RC_MOVE || op == RC_REMOVE;
}

/* A path inside the exhibitions folder: relative, no "..". */
static bool inside_path(const char *p)
{
    if (p[0] == '/')
        return false;
    for (const char *c = p; *c; c++)
        if (c[0] == '.' && c[1] == '.' && (c == p || c[-1] == '/') && (c[2] == '/' || c[2] == '\0'))
            return false;
    return true;
}

/* The file commands' paths (replay.h): false with a message when one is bad. */
static bool check_file_paths(const ReplayCmd *cmd, const char *file, DiagList *d)
{
    /* SRC (and soak's EDITS): the script's folder */
    bool src_outside = cmd->op == RC_COPY || cmd->op == RC_WRITE_PART || cmd->op == RC_SOAK;
    if (src_outside ? cmd->arg[0] == '/' : !inside_path(cmd->arg)) {
        diag_add(d, DIAG_ERROR, file, cmd->line, cmd->arg_col,
                 "\"%s\" must be a relative path%s", cmd->arg,
                 src_outside ? " (from the script's folder)" : " inside the exhibitions folder, without \"..\"");
        return false;
    }
    if (cmd->arg2 && !inside_path(cmd->arg2)) {
        diag_add(d, DIAG_ERROR, file, cmd->line, cmd->arg2_col,
                 "\"%s\" must be a relative path inside the exhibitions folder, without \"..\"", cmd->arg2);
        return false;
    }
    return true;
}

bool replay_changes_files(const ReplayScript *s)
{
    for (int i = 0; s && i < s->n; i++)
        if (is_file_op(s->cmds[i].op) || (s->cmds[i].op == RC_SOAK && s->cmds[i].num[1] > 0))
            return true;
    return false;
}

/* A number that must be whole, within [lo, hi]. */
static bool whole_in(double v, double lo, double hi)
{
    return v >= lo && v <= hi && v == floor(v);
}

/* The numbers of wheel and soak, each by its place (k: 0-based). */
static bool in_range(ReplayOp op, int k, double v)
{
    switch (op) {
    case RC_WHEEL: /* X, Y as fractions; notches whole, not 0 */
        return k < 2 ? v >= 0.0 && v <= 1.0 : whole_in(v, -REPLAY_MAX_NOTCHES, REPLAY_MAX_NOTCHES) && v != 0;
    case RC_SOAK: /* INPUTS, RELOADS (even: each change is put back), SEED, PIN */
        return k == 0 ? whole_in(v, 1, REPLAY_MAX_SOAK_INPUTS)
             : k == 1 ? whole_in(v, 0, REPLAY_MAX_SOAK_RELOADS) && fmod(v, 2) == 0
             : k == 2 ? whole_in(v, 0, REPLAY_MAX_SEED)
                      : whole_in(v, 1000, 999999999999.0); /* 4 to 12 digits, not starting with 0 */
    default:
        return true;
    }
}

/* What in_range() wants, for its message. */
static const char *range_hint(ReplayOp op, int k)
{
    if (op == RC_WHEEL && k < 2)
        return " (coordinates are fractions of the window, 0..1)";
    if (op == RC_WHEEL)
        return " (notches: a whole number from -100 to 100, not 0)";
    if (op != RC_SOAK)
        return "";
    static const char *const soak[] = {
        " (INPUTS: a whole number from 1 to 10000000)",
        " (RELOADS: an even number from 0 to 100000, as each change is put back)",
        " (SEED: a whole number from 0 to 2^53-1)",
        " (PIN: 4 to 12 digits, the first not 0)",
    };
    return soak[k < 4 ? k : 3];
}

bool replay_split_key(const char *spec, unsigned *mods, const char **name)
{
    return keymap_split_mods(spec, false, mods, name);
}

/* Next whitespace-separated token of line at *pos; NULL at the end. */
static char *token(char *line, size_t *pos, int *col)
{
    size_t i = *pos;
    while (line[i] == ' ' || line[i] == '\t')
        i++;
    if (!line[i])
        return NULL;
    /* Columns are characters (diag.h), not bytes: skip UTF-8 continuation
     * bytes. Earlier tokens' terminating NULs stand for one blank each. */
    int c = 1;
    for (size_t k = 0; k < i; k++)
        c += ((unsigned char)line[k] & 0xC0) != 0x80;
    *col = c;
    char *t = line + i;
    while (line[i] && line[i] != ' ' && line[i] != '\t')
        i++;
    if (line[i])
        line[i++] = '\0';
    *pos = i;
    return t;
}

static bool parse_line(char *line, int lineno, const char *file, ReplayCmd *cmd, DiagList *d)
{
    size_t pos = 0;
    int col = 1;
    char *name = token(line, &pos, &col);
    const CmdSpec *spec = NULL;
    for (size_t i = 0; i < sizeof cmd_specs / sizeof cmd_specs[0]; i++)
        if (strcmp(name, cmd_specs[i].name) == 0)
            spec = &cmd_specs[i];
    if (!spec) {
        diag_add(d, DIAG_ERROR, file, lineno, col, "unknown command \"%s\"", name);
        return false;
    }
    memset(cmd, 0, sizeof *cmd);
    cmd->op = spec->op;
    cmd->line = lineno;
    int cmd_col = col;
    if (spec->word) {
        char *w = token(line, &pos, &col);
        if (!w) {
            diag_add(d, DIAG_ERROR, file, lineno, cmd_col, "\"%s\" needs an argument", spec->name);
            return false;
        }
        cmd->arg_col = col;
        cmd->arg = strdup(w);
        if (!cmd->arg)
            return false;
        if (is_file_op(spec->op) && spec->op != RC_REMOVE) { /* and the destination */
            char *w2 = token(line, &pos, &col);
            if (!w2) {
                diag_add(d, DIAG_ERROR, file, lineno, cmd_col, "\"%s\" needs a source and a destination",
                         spec->name);
                goto fail;
            }
            cmd->arg2_col = col;
            if (!(cmd->arg2 = strdup(w2)))
                goto fail;
        }
        if ((is_file_op(spec->op) || spec->op == RC_SOAK) && !check_file_paths(cmd, file, d))
            goto fail;
        if (spec->op == RC_KEY || spec->op == RC_HOLD) {
            unsigned mods;
            const char *kn;
            if (!replay_split_key(w, &mods, &kn)) {
                diag_add(d, DIAG_ERROR, file, lineno, col,
                         "bad key \"%s\" (modifiers are Ctrl+, Alt+, Shift+, Gui+)", w);
                goto fail;
            }
        }
    }
    char *t;
    while ((t = token(line, &pos, &col)) != NULL) {
        if (cmd->n_num >= spec->max_nums) {
            diag_add(d, DIAG_ERROR, file, lineno, col, "too many arguments for \"%s\"", spec->name);
            goto fail;
        }
        char *end;
        double v = strtod(t, &end);
        if (*end || end == t || !isfinite(v)) {
            diag_add(d, DIAG_ERROR, file, lineno, col, "\"%s\" is not a number", t);
            goto fail;
        }
        if (spec->fractions && (v < 0.0 || v > 1.0)) {
            diag_add(d, DIAG_ERROR, file, lineno, col,
                     "%s is outside 0..1 (coordinates are fractions of the window)", t);
            goto fail;
        }
        if ((spec->op == RC_WAIT && (v < 0 || v > (double)REPLAY_MAX_WAIT_MS)) ||
            ((spec->op == RC_SWIPE || spec->op == RC_DRAG || spec->op == RC_PINCH) &&
             cmd->n_num == 4 && (v < 0 || v > 60000)) ||
            (spec->op == RC_RESIZE && (v < 1 || v > 16384)) ||
            (spec->op == RC_HOLD && (v < 0 || v > 60000)) ||
            (spec->op == RC_WRITE_PART && (v < 1 || v > (double)REPLAY_MAX_PART || v != floor(v))) ||
            (spec->op == RC_OPEN && (v < 1 || v > 1e6)) || !in_range(spec->op, cmd->n_num, v)) {
            diag_add(d, DIAG_ERROR, file, lineno, col, "%s is out of range for \"%s\"%s", t, spec->name,
                     range_hint(spec->op, cmd->n_num));
            goto fail;
        }
        cmd->num[cmd->n_num++] = v;
    }
    if (cmd->n_num < spec->min_nums) {
        diag_add(d, DIAG_ERROR, file, lineno, cmd_col, "\"%s\" needs %d number%s, got %d",
                 spec->name, spec->min_nums, spec->min_nums == 1 ? "" : "s", cmd->n_num);
        goto fail;
    }
    return true;
fail:
    free(cmd->arg);
    free(cmd->arg2);
    cmd->arg = cmd->arg2 = NULL;
    return false;
}

bool replay_parse(const char *text, const char *file, ReplayScript *out, DiagList *diags)
{
    out->cmds = NULL;
    out->n = 0;
    int cap = 0, errors = 0, lineno = 0;
    const char *p = text;
    while (*p) {
        lineno++;
        const char *e = strchr(p, '\n');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        char *line = malloc(len + 1);
        if (!line) {
            errors++;
            break;
        }
        memcpy(line, p, len);
        line[len] = '\0';
        char *hash = strchr(line, '#');
        if (hash)
            *hash = '\0';
        for (char *c = line; *c; c++)
            if (*c == '\r')
                *c = ' ';
        size_t pos = 0;
        int col;
        char *copy = strdup(line);
        bool blank = copy && token(copy, &pos, &col) == NULL;
        free(copy);
        if (!blank) {
            if (out->n == cap) {
                cap = cap ? cap * 2 : 32;
                ReplayCmd *nc = realloc(out->cmds, (size_t)cap * sizeof *nc);
                if (!nc) {
                    free(line);
                    errors++;
                    break;
                }
                out->cmds = nc;
            }
            if (parse_line(line, lineno, file, &out->cmds[out->n], diags))
                out->n++;
            else
                errors++;
        }
        free(line);
        p += len;
        if (*p == '\n')
            p++;
    }
    if (errors) {
        replay_free(out);
        return false;
    }
    return true;
}

void replay_free(ReplayScript *s)
{
    if (!s)
        return;
    for (int i = 0; i < s->n; i++) {
        free(s->cmds[i].arg);
        free(s->cmds[i].arg2);
    }
    free(s->cmds);
    s->cmds = NULL;
    s->n = 0;
}
