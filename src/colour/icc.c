/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icc.c - see icc.h */
#include "icc.h"

#include <lcms2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ARGB8888 words as they lie in memory */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define ARGB_WORDS TYPE_ARGB_8
#else
#define ARGB_WORDS TYPE_BGRA_8
#endif

struct IccTransform {
    cmsHTRANSFORM t;
    size_t in_bytes; /* of one pixel given to icc_transform_cmyk */
};

/* lcms' name for the pixels of each IccInput */
static cmsUInt32Number input_type(IccInput in)
{
    switch (in) {
    case ICC_IN_CMYK8:
        return TYPE_CMYK_8;
    case ICC_IN_CMYK8_INVERTED:
        return TYPE_CMYK_8_REV;
    case ICC_IN_CMYK16: /* lcms' 16-bit types are in host order */
        return TYPE_CMYK_16;
    case ICC_IN_ARGB32:
        break;
    }
    return ARGB_WORDS;
}

/* The display's profile as bytes (NULL: sRGB), read once at start. */
static void *display_icc;
static size_t display_n;

static cmsHPROFILE display_profile(void)
{
    return display_icc ? cmsOpenProfileFromMem(display_icc, (cmsUInt32Number)display_n)
                       : cmsCreate_sRGBProfile();
}

bool icc_set_display_profile(const char *path, char *why, size_t whyn)
{
    free(display_icc);
    display_icc = NULL;
    display_n = 0;
    if (!path || !*path)
        return true;
    FILE *f = fopen(path, "rb");
    long n = -1;
    if (f && fseek(f, 0, SEEK_END) == 0)
        n = ftell(f);
    void *b = n > 0 && n < (16 << 20) ? malloc((size_t)n) : NULL;
    bool ok = b && fseek(f, 0, SEEK_SET) == 0 && fread(b, 1, (size_t)n, f) == (size_t)n;
    if (f)
        fclose(f);
    cmsHPROFILE p = ok ? cmsOpenProfileFromMem(b, (cmsUInt32Number)n) : NULL;
    ok = p && cmsGetColorSpace(p) == cmsSigRgbData;
    if (p)
        cmsCloseProfile(p);
    if (!ok) {
        snprintf(why, whyn, "%s is not an RGB colour profile that can be read", path);
        free(b);
        return false;
    }
    display_icc = b;
    display_n = (size_t)n;
    return true;
}

IccTransform *icc_transform_new(const void *icc, size_t n, IccInput in, char *why, size_t whyn)
{
    if (why && whyn)
        why[0] = '\0';
    if (!icc || n < 132 || n > (64u << 20)) { /* 128-byte header and a tag count at least */
        if (icc && why)
            snprintf(why, whyn, "its colour profile is damaged");
        return NULL;
    }
    cmsHPROFILE src = cmsOpenProfileFromMem(icc, (cmsUInt32Number)n);
    if (!src) {
        if (why)
            snprintf(why, whyn, "its colour profile is damaged");
        return NULL;
    }
    cmsColorSpaceSignature cs = cmsGetColorSpace(src);
    if ((in == ICC_IN_ARGB32 && cs != cmsSigRgbData) || (in != ICC_IN_ARGB32 && cs != cmsSigCmykData)) {
        if (why)
            snprintf(why, whyn, "its colour profile is for other colours than its pixels");
        cmsCloseProfile(src);
        return NULL;
    }
    cmsHPROFILE dst = display_profile();
    cmsHTRANSFORM t = NULL;
    if (dst)
        t = in == ICC_IN_ARGB32
                ? cmsCreateTransform(src, ARGB_WORDS, dst, ARGB_WORDS, INTENT_PERCEPTUAL, cmsFLAGS_COPY_ALPHA)
                : cmsCreateTransform(src, input_type(in), dst, ARGB_WORDS, INTENT_PERCEPTUAL, 0);
    cmsCloseProfile(src);
    if (dst)
        cmsCloseProfile(dst);
    IccTransform *r = t ? malloc(sizeof *r) : NULL;
    if (!r) {
        if (t)
            cmsDeleteTransform(t);
        if (why)
            snprintf(why, whyn, "its colour profile cannot be applied");
        return NULL;
    }
    r->t = t;
    r->in_bytes = in == ICC_IN_CMYK16 ? 8 : 4;
    return r;
}

IccTransform *icc_transform_untagged(void)
{
    if (!display_icc)
        return NULL;
    cmsHPROFILE src = cmsCreate_sRGBProfile(), dst = display_profile();
    cmsHTRANSFORM t = src && dst ? cmsCreateTransform(src, ARGB_WORDS, dst, ARGB_WORDS, INTENT_PERCEPTUAL,
                                                      cmsFLAGS_COPY_ALPHA)
                                 : NULL;
    if (src)
        cmsCloseProfile(src);
    if (dst)
        cmsCloseProfile(dst);
    IccTransform *r = t ? malloc(sizeof *r) : NULL;
    if (r)
        *r = (IccTransform){t, 4};
    else if (t)
        cmsDeleteTransform(t);
    return r;
}

void icc_transform_argb(IccTransform *t, uint32_t *px, size_t n)
{
    /* in chunks: lcms counts pixels in 32 bits */
    for (size_t i = 0; i < n; i += 1u << 20) {
        size_t k = n - i < (1u << 20) ? n - i : 1u << 20;
        cmsDoTransform(t->t, px + i, px + i, (cmsUInt32Number)k);
    }
}

void icc_transform_cmyk(IccTransform *t, const void *cmyk, uint32_t *out, size_t n)
{
    for (size_t i = 0; i < n; i += 1u << 20) {
        size_t k = n - i < (1u << 20) ? n - i : 1u << 20;
        cmsDoTransform(t->t, (const uint8_t *)cmyk + t->in_bytes * i, out + i, (cmsUInt32Number)k);
        for (size_t j = i; j < i + k; j++)
            out[j] |= 0xFF000000u; /* the output's alpha byte is not written */
    }
}

void icc_transform_free(IccTransform *t)
{
    if (t) {
        cmsDeleteTransform(t->t);
        free(t);
    }
}
