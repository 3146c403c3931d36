/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_rehearsal.c - libFuzzer target: a lecture record (JSON) -> Rehearsal,
 * and the report printed from it (--lecture-report).
 *
 * rehearsal_read() reads a path: the input goes into one in-memory file per
 * process (fuzz_common.h).
 */
#include "fuzz_common.h"

#include "rehearsal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzFile *f = fuzz_file(".json");
    const char *path = fuzz_file_write(f, data, size);
    Rehearsal r;
    DiagList diags = {0};
    if (rehearsal_read(&r, path, &diags)) {
        if (r.n < 0 || (r.n > 0 && !r.slides))
            abort();
        rehearsal_report(&r, fuzz_devnull());
    }
    rehearsal_free(&r);
    diag_print(&diags, fuzz_devnull());
    diag_clear(&diags);
    return 0;
}
