/* SPDX-License-Identifier: GPL-3.0-or-later */
/* svg_wire.h - what vitrine-svg's requests mean (src/worker/wire.h carries
 * them; src/svg/vitrine-svg.c says what each does). */
#ifndef VITRINE_SVG_WIRE_H
#define VITRINE_SVG_WIRE_H

enum {
    SVG_OP_SIZE = 1,   /* data: the drawing; reply arg[0..1]: its own size */
    SVG_OP_RENDER = 2, /* data: the drawing; arg[0..1] the box, arg[2] SVG_FIT_*; reply: ARGB8888 rows */
};
enum { SVG_FIT_CONTAIN = 0, SVG_FIT_COVER = 1 };

#endif
