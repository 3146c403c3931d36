/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_heic - the HEIC and AVIF worker's request handler
 * (src/heif/vitrine-heif.c), in this process so that libFuzzer sees its
 * paths: a file is asked for its size, then decoded to 64x48 (colour
 * profile applied, averaged down), as vitrine's decode_heif.c asks. Its
 * main() is renamed away: the worker's socket loop is not what is fuzzed
 * (test_worker covers it). libheif and its codecs are not instrumented; a
 * file that crashes or hangs them shows up here as a crash or a timeout
 * all the same. Checks what the wire promises: a decoded reply is w*h*4
 * bytes, never larger than asked nor than the picture's own size. */
#define _GNU_SOURCE /* fuzz_common.h: memfd_create, mkstemps, before any system header */
#define main vitrine_heif_main
int vitrine_heif_main(int argc, char **argv);
#include "heif/vitrine-heif.c"
#undef main

#include "fuzz_common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    heif_init(NULL); /* as the worker's main() does */
    return 0;
}

static WireHead ask(const char *path, int op, int w, int h)
{
    WireHead rq = {.magic = WIRE_MAGIC, .op = op};
    rq.arg[0] = w;
    rq.arg[1] = h;
    WireReply rep = {0};
    handle(&rq, path, NULL, &rep, NULL);
    if (rep.head.op == 0 && op == HEIF_OP_DECODE) {
        int32_t rw = rep.head.arg[0], rh = rep.head.arg[1];
        if (!rep.data || rw < 1 || rh < 1 || rw > w || rh > h ||
            rep.head.data_len != (uint64_t)rw * (uint64_t)rh * 4)
            abort();
        fuzz_read_all(rep.data, rep.head.data_len);
    }
    if (rep.free_data)
        rep.free_data((void *)rep.data);
    return rep.head;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzFile *f = fuzz_file(".heic");
    const char *path = fuzz_file_write(f, data, size);
    WireHead info = ask(path, HEIF_OP_INFO, 0, 0);
    if (info.op == 0 && (info.arg[0] < 1 || info.arg[1] < 1))
        abort(); /* a size given is a size */
    ask(path, HEIF_OP_DECODE, 64, 48);
    return 0;
}
