/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icc.h - a picture's embedded ICC colour profile applied with Little CMS 2.
 *
 * A picture is shown as its profile says it means: its colours are
 * converted from the profile to sRGB (what the screen is taken to be), or
 * to the display's own profile when the `display_profile` setting names
 * one (docs/settings.md). Without a profile, sRGB is assumed and nothing is
 * done. Used by vitrine for JPEG, PNG and WebP and by the worker processes
 * for TIFF; plain C and lcms2, no SDL. Thread-safe: a transform per call
 * (lcms2 contexts are not shared).
 */
#ifndef VITRINE_COLOUR_ICC_H
#define VITRINE_COLOUR_ICC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct IccTransform IccTransform;

/* The kind of pixels a transform takes. */
typedef enum {
    ICC_IN_ARGB32, /* ARGB8888 words (SDL's format; cairo's): alpha kept */
    ICC_IN_CMYK8,  /* C, M, Y, K bytes, 0 = no ink */
    ICC_IN_CMYK8_INVERTED, /* the same, 255 = no ink (Photoshop's CMYK JPEGs) */
    ICC_IN_CMYK16, /* C, M, Y, K 16-bit words in host order, 0 = no ink (TIFF) */
} IccInput;

/* A transform from the profile in icc[0..n) to sRGB (or the display
 * profile, icc_set_display_profile), for pixels of `in`. NULL when the
 * profile is damaged, is for other pixels than `in` says (a grey profile
 * on RGB pixels), or is sRGB already; why (if not NULL) then says which,
 * "" when there was nothing to do. */
IccTransform *icc_transform_new(const void *icc, size_t n, IccInput in, char *why, size_t whyn);

/* For a picture without a profile (taken for sRGB): sRGB to the display
 * profile, or NULL when there is none (nothing to do). */
IccTransform *icc_transform_untagged(void);

/* Convert n pixels in place (ARGB32), or from CMYK (bytes or words, as the
 * transform's IccInput says) to ARGB32 words (alpha 255; 8-bit cmyk and
 * out may be the same memory, 16-bit may not). */
void icc_transform_argb(IccTransform *t, uint32_t *px, size_t n);
void icc_transform_cmyk(IccTransform *t, const void *cmyk, uint32_t *out, size_t n);

void icc_transform_free(IccTransform *t);

/* The profile pictures are converted to: a file, or NULL for sRGB. Read
 * when a transform is made; false (and sRGB kept) when it cannot be read
 * or is not an RGB display profile. Not thread-safe: call at start. */
bool icc_set_display_profile(const char *path, char *why, size_t whyn);

#endif
