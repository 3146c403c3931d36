/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_svg - the SVG worker's request handler (src/svg/vitrine-svg.c), in
 * this process so that libFuzzer sees its paths: a drawing is asked for its
 * own size, then drawn contained in 64x48 and covering 40x40, as vitrine's
 * decode_svg.c asks. Its main() is renamed away: the worker's socket loop is
 * not what is fuzzed (test_worker covers it). librsvg itself is not
 * instrumented; a drawing that crashes or hangs it shows up here as a crash
 * or a timeout all the same. Checks what the wire promises: a drawn reply
 * is w*h*4 bytes of w x h within the box, and its size is positive. */
#define _GNU_SOURCE /* fuzz_common.h: memfd_create, mkstemps, before any system header */
#define main vitrine_svg_main
int vitrine_svg_main(int argc, char **argv);
#include "svg/vitrine-svg.c"
#undef main

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void ask(const uint8_t *data, size_t size, int op, int w, int h, int fit)
{
    WireHead rq = {.magic = WIRE_MAGIC, .op = op, .data_len = size};
    rq.arg[0] = w;
    rq.arg[1] = h;
    rq.arg[2] = fit;
    WireReply rep = {0};
    handle(&rq, NULL, data, &rep, NULL);
    if (rep.head.op == 0 && op == SVG_OP_SIZE && (rep.head.arg[0] < 1 || rep.head.arg[1] < 1))
        abort(); /* a size given is a size */
    if (rep.head.op == 0 && op == SVG_OP_RENDER) {
        int32_t rw = rep.head.arg[0], rh = rep.head.arg[1];
        if (!rep.data || rw < 1 || rh < 1 || rep.head.data_len != (uint64_t)rw * (uint64_t)rh * 4)
            abort();
        if (fit == SVG_FIT_CONTAIN && (rw > w || rh > h))
            abort(); /* contained: never past the box */
        fuzz_read_all(rep.data, rep.head.data_len);
    }
    if (rep.free_data)
        rep.free_data((void *)rep.data);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* the worker reads its data from a buffer the wire filled: an empty one
     * is a drawing of no bytes, never a NULL pointer */
    static const uint8_t none[1];
    const uint8_t *d = size ? data : none;
    ask(d, size, SVG_OP_SIZE, 0, 0, 0);
    ask(d, size, SVG_OP_RENDER, 64, 48, SVG_FIT_CONTAIN);
    ask(d, size, SVG_OP_RENDER, 40, 40, SVG_FIT_COVER);
    return 0;
}
