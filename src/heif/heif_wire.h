/* SPDX-License-Identifier: GPL-3.0-or-later */
/* heif_wire.h - what vitrine-heif's requests mean (src/worker/wire.h
 * carries them; src/heif/vitrine-heif.c says what each does). The text of
 * every request is the file's path; the worker opens it itself. */
#ifndef VITRINE_HEIF_WIRE_H
#define VITRINE_HEIF_WIRE_H

enum {
    /* reply arg[0..1]: the primary picture's size as shown (its rotation
     * and mirroring applied) */
    HEIF_OP_INFO = 1,
    /* arg[0..1] the size wanted (at most its own); reply arg[0..1] the
     * size given and its ARGB8888 rows, not premultiplied, in sRGB */
    HEIF_OP_DECODE = 2,
};

#endif
