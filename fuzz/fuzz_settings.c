/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_settings.c - libFuzzer target: settings.json -> Settings.
 *
 * settings_load() reads a path, so the input goes into one in-memory file
 * per process (fuzz_common.h), rewritten for every input. Loaded over the
 * defaults, required (not optional), then freed.
 */
#include "fuzz_common.h"

#include "settings.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzFile *f = fuzz_file(".json");
    const char *path = fuzz_file_write(f, data, size);
    Settings s;
    settings_defaults(&s);
    DiagList diags = {0};
    settings_load(&s, path, false, &diags);
    if (s.n_langs < 0 || s.n_langs > SETTINGS_MAX_LANGS)
        abort();
    for (int i = 0; i < s.n_langs; i++)
        if (!s.langs[i] || strlen(s.langs[i]) > 4096)
            abort();
    char dir[4096];
    settings_state_dir(&s, dir, sizeof dir);
    settings_free(&s);
    diag_print(&diags, fuzz_devnull());
    diag_clear(&diags);
    return 0;
}
