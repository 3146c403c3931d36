/* SPDX-License-Identifier: GPL-3.0-or-later */
/* imagehead.h - what an image file says about itself, read before decoding.
 *
 * Everything a decoder would be asked to trust is checked here first, from
 * the bytes alone: the format (sniffed, never the file name), the size in the
 * header against the limits below, and for JPEG the marker segments: the
 * frame header, the EXIF orientation, Adobe's colour transform marker, and -
 * when the whole file is at hand - the number of scans and whether the file
 * ends where the image does. Decoding and --check share these checks, so the
 * kiosk's log and a curator's --check give the same reason.
 *
 * Plain C, no allocation in the parsers, every read bounds-checked: these
 * functions see hostile bytes first (fuzzed through fuzz_image).
 */
#ifndef VITRINE_IMAGEHEAD_H
#define VITRINE_IMAGEHEAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The documented limits (docs/manifest.md, "Images"). */
#define IMAGE_MAX_SIDE 20000                    /* pixels on either side */
#define IMAGE_MAX_PIXELS (200u * 1000000u)      /* 200 megapixels */
#define IMAGE_MAX_FILE (512u * 1024u * 1024u)   /* bytes */
/* Scans in one JPEG. Encoders write 1 (baseline), 3 (one per component) or
 * about 10 (libjpeg's and mozjpeg's progressive scripts); each scan costs a
 * pass over the whole image, so a few hundred tiny crafted scans make a
 * small file take minutes to decode. libturbojpeg 2.1 has no scan limit of
 * its own (TJPARAM_SCANLIMIT came in 3.0), so the scans are counted here. */
#define IMAGE_MAX_SCANS 100

/* The formats vitrine shows, told by their bytes (imagehead_sniff). Each
 * has one row in the table of formats (imagehead_formats) and one decoder
 * in src/platform/decode.c. */
typedef enum {
    IMG_FMT_UNKNOWN = 0,
    IMG_FMT_JPEG,
    IMG_FMT_PNG,
    IMG_FMT_WEBP,
    IMG_FMT_SVG,
    IMG_FMT_PDF,  /* a document: its pages are drawn by the vitrine-pdf worker */
} ImageFormat;

typedef struct {
    ImageFormat format;
    int w, h;              /* as stored (before orientation); 0 when not known (SVG) */
    int orientation;       /* EXIF orientation 1..8 (JPEG); 1 when absent or invalid */
    int components;        /* JPEG: 1 greyscale, 3 colour, 4 CMYK or YCCK */
    int adobe_transform;   /* JPEG APP14 "Adobe" marker: -1 none, 0 CMYK/RGB, 1 YCbCr, 2 YCCK */
    bool progressive;      /* JPEG */
    int scans;             /* JPEG scans counted (only when the whole file was given) */
} ImageHead;

typedef enum {
    IMAGEHEAD_OK,          /* *h filled; nothing against the limits */
    IMAGEHEAD_MORE,        /* only with whole == false: the header lies past the bytes given */
    IMAGEHEAD_REFUSED,     /* the reason is in err */
} ImageHeadResult;

/* One row of the table of formats: adding a format is a row here (in
 * imagehead.c) and a decoder in src/platform/decode.c. */
typedef struct {
    ImageFormat id;
    const char *name;       /* as curators read it: "JPEG", "WebP" */
    /* Is this the format of a file that begins with head[0..n)? Sees at
     * least the first 64 bytes of a file (fewer when the file is shorter). */
    bool (*sniff)(const uint8_t *head, size_t n);
    /* The header checks (see imagehead_parse) for a file of this format;
     * NULL when there is nothing to check before decoding (SVG is
     * rasterised at the size shown). */
    ImageHeadResult (*parse)(const uint8_t *buf, size_t len, bool whole, ImageHead *h,
                             char *err, size_t errn);
} ImageFormatInfo;

/* The table of formats, in the order they are sniffed; *n rows. Static:
 * never freed. */
const ImageFormatInfo *imagehead_formats(int *n);

/* Format of a file from its first bytes (at least 12 are needed to tell
 * WebP; SVG is text that begins, after an optional BOM, whitespace, XML
 * declaration and comments, with "<svg" or "<?xml ... <svg"). */
ImageFormat imagehead_sniff(const uint8_t *head, size_t n);
/* "JPEG", ...; "unknown" for IMG_FMT_UNKNOWN. Static strings. */
const char *imagehead_format_name(ImageFormat f);
/* The names of all formats in the table, "JPEG, PNG, WebP" + last + "SVG",
 * into buf. Returns buf. */
const char *imagehead_format_list(const char *last, char *buf, size_t n);
/* Formats vitrine refuses, named ("a GIF image") so a curator knows what to
 * convert from; NULL when the bytes mean nothing to us. */
const char *imagehead_other_format(const uint8_t *head, size_t n);
/* Might a file that begins with head[0..n) be an SVG whose "<svg" lies
 * past these bytes (it starts as XML does)? Then read more and sniff again. */
bool imagehead_maybe_xml(const uint8_t *head, size_t n);

/* Reads the header of the image in buf[0..len). `whole` says buf is the
 * entire file: then a file that ends before its image does, or a JPEG with
 * too many scans, is refused too; otherwise buf is the file's beginning and
 * only what lies in it is checked. The reason for a refusal is a clause for
 * after the file's name: "it is 100000x100000 pixels; the limit is ...". */
ImageHeadResult imagehead_parse(const uint8_t *buf, size_t len, bool whole, ImageHead *h,
                                char *err, size_t errn);

/* Reads the file open on fd from its start and parses it: all of it when
 * `whole`, else as much of the beginning as the header needs (at most a
 * megabyte). A file larger than IMAGE_MAX_FILE is refused without reading.
 * IMAGEHEAD_MORE is never returned: a header that is not found in the bytes
 * read is left unchecked, for the decoder. */
ImageHeadResult imagehead_read_fd(int fd, bool whole, ImageHead *h, char *err, size_t errn);

/* The refusal for an image of w x h pixels, or true when it is within the
 * limits. */
bool imagehead_size_ok(int w, int h, char *err, size_t errn);

/* EXIF orientation (1..8) from the TIFF structure of an APP1 "Exif" segment
 * (the bytes after "Exif\0\0": "II*\0" or "MM\0*", IFD0, tag 0x0112).
 * 1 when there is none or the bytes are damaged. */
int imagehead_exif_orientation(const uint8_t *tiff, size_t n);

#endif
