/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_tiff - the TIFF worker's request handler (src/tiff/vitrine-tiff.c),
 * in this process so that libFuzzer sees its paths and libtiff's: a file is
 * asked for its size, then decoded to 64x48 and to its first page's own
 * size reduced, as vitrine asks. Its main() is renamed away: the worker's
 * socket loop is not what is fuzzed (test_worker covers it). */
#define main vitrine_tiff_main
#include "tiff/vitrine-tiff.c"
#undef main

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void ask(const char *path, int op, int w, int h)
{
    WireHead rq = {.magic = WIRE_MAGIC, .op = op};
    rq.arg[0] = 1;
    rq.arg[1] = w;
    rq.arg[2] = h;
    WireReply rep = {0};
    handle(&rq, path, NULL, &rep, NULL);
    if (rep.free_data)
        rep.free_data((void *)rep.data);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FuzzFile *f;
    if (!f) {
        f = fuzz_file(".tif");
        TIFFSetErrorHandler(NULL);
        TIFFSetWarningHandler(NULL);
    }
    const char *path = fuzz_file_write(f, data, size);
    if (tif) { /* the same file name with new bytes: never the last one's handle */
        TIFFClose(tif);
        tif = NULL;
    }
    ask(path, TIFF_OP_INFO, 0, 0);
    ask(path, TIFF_OP_DECODE, 64, 48);
    return 0;
}
