/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_replay.c - libFuzzer target: replay-script text -> commands.
 *
 * The input, NUL-terminated, is one script. A script that parses is checked
 * against what replay.h promises (n_num within bounds, keys split) and
 * everything is freed.
 */
#include "fuzz_common.h"

#include "replay.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    ReplayScript s;
    DiagList diags = {0};
    bool ok = replay_parse(text, "fuzz.script", &s, &diags);
    if (ok) {
        for (int i = 0; i < s.n; i++) {
            const ReplayCmd *c = &s.cmds[i];
            if (c->n_num < 0 || c->n_num > REPLAY_MAX_NUMS || c->line < 1)
                abort();
            if (c->arg) {
                volatile size_t n = strlen(c->arg);
                (void)n;
            }
            if ((c->op == RC_KEY || c->op == RC_HOLD) && c->arg) {
                unsigned mods = 0;
                const char *name = NULL;
                if (replay_split_key(c->arg, &mods, &name) && name) {
                    volatile size_t n = strlen(name);
                    (void)n;
                }
            }
        }
        replay_free(&s);
    } else if (s.cmds || s.n) {
        abort(); /* replay.h: "out is then empty" */
    }
    diag_print(&diags, fuzz_devnull());
    diag_clear(&diags);
    free(text);
    return 0;
}
