/* SPDX-License-Identifier: GPL-3.0-or-later */
/* imagehead.c - see imagehead.h
 *
 * Every multi-byte read goes through rd16/rd32 after a check that the bytes
 * are there; offsets are compared by subtraction from the length, never by
 * adding to it, so no sum can wrap.
 *
 * The formats are rows of one table (formats[], below the parsers): name,
 * sniffer, header parser. A new format is one row here and one decoder in
 * src/platform/decode.c.
 */
#include "imagehead.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define HEAD_FIRST_READ (64u * 1024u)   /* bytes read first for a header */
#define HEAD_MAX_READ (1024u * 1024u)   /* a header further in is left to the decoder */

static const char cut_short[] = "the file ends before the image does (was it copied completely?)";

static uint32_t be16(const uint8_t *p)
{
    return (uint32_t)p[0] << 8 | p[1];
}

static uint32_t be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint32_t le32(const uint8_t *p)
{
    return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

static ImageHeadResult refuse(char *err, size_t errn, const char *msg)
{
    snprintf(err, errn, "%s", msg);
    return IMAGEHEAD_REFUSED;
}

/* ---- sniffing: the format from the first bytes ---------------------------- */

static bool has_prefix(const unsigned char *h, size_t n, const char *s)
{
    size_t k = strlen(s);
    return n >= k && memcmp(h, s, k) == 0;
}

static bool has_prefix_nocase(const unsigned char *h, size_t n, const char *s)
{
    size_t k = strlen(s);
    if (n < k)
        return false;
    for (size_t i = 0; i < k; i++) {
        unsigned char a = h[i], b = (unsigned char)s[i];
        if (a >= 'a' && a <= 'z')
            a = (unsigned char)(a - 32);
        if (b >= 'a' && b <= 'z')
            b = (unsigned char)(b - 32);
        if (a != b)
            return false;
    }
    return true;
}

static bool is_xml_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Index just past the first `end` at or after i, or n + 1 when absent. */
static size_t skip_past(const unsigned char *h, size_t n, size_t i, const char *end)
{
    size_t k = strlen(end);
    for (; i + k <= n; i++)
        if (memcmp(h + i, end, k) == 0)
            return i + k;
    return n + 1;
}

/* PDF: "%PDF-" first, as PDF 2.0 (ISO 32000-2, 7.5.2) says a file begins.
 * Nothing of it is parsed in vitrine: its pages are the worker's business. */
static bool sniff_pdf(const unsigned char *h, size_t n)
{
    return has_prefix(h, n, "%PDF-");
}

/* SVG: optional BOM, then whitespace, XML declaration, comments and a
 * DOCTYPE in any order, then "<svg". */
static bool sniff_svg(const unsigned char *h, size_t n)
{
    size_t i = 0;
    if (n >= 3 && h[0] == 0xEF && h[1] == 0xBB && h[2] == 0xBF)
        i = 3;
    for (;;) {
        while (i < n && is_xml_space(h[i]))
            i++;
        if (has_prefix(h + i, n - i, "<?xml")) {
            i = skip_past(h, n, i + 5, "?>");
        } else if (has_prefix(h + i, n - i, "<!--")) {
            i = skip_past(h, n, i + 4, "-->");
        } else if (has_prefix_nocase(h + i, n - i, "<!DOCTYPE")) {
            /* an internal subset [ ... ] may hold '>' characters */
            size_t j = i + 9;
            int bracket = 0;
            for (; j < n; j++) {
                if (h[j] == '[')
                    bracket++;
                else if (h[j] == ']' && bracket > 0)
                    bracket--;
                else if (h[j] == '>' && bracket == 0)
                    break;
            }
            i = j < n ? j + 1 : n + 1;
        } else if (has_prefix(h + i, n - i, "<svg")) {
            size_t j = i + 4;
            return j == n || is_xml_space(h[j]) || h[j] == '>' || h[j] == '/';
        } else {
            return false;
        }
        if (i > n)
            return false;
    }
}

static bool sniff_jpeg(const uint8_t *h, size_t n)
{
    return n >= 3 && h[0] == 0xFF && h[1] == 0xD8 && h[2] == 0xFF;
}

static bool sniff_png(const uint8_t *h, size_t n)
{
    return has_prefix(h, n, "\x89PNG\r\n\x1a\n");
}

static bool sniff_webp(const uint8_t *h, size_t n)
{
    return n >= 12 && has_prefix(h, n, "RIFF") && memcmp(h + 8, "WEBP", 4) == 0;
}

bool imagehead_maybe_xml(const uint8_t *h, size_t n)
{
    size_t i = 0;
    if (n >= 3 && h[0] == 0xEF && h[1] == 0xBB && h[2] == 0xBF)
        i = 3;
    while (i < n && is_xml_space(h[i]))
        i++;
    return i < n && h[i] == '<';
}

const char *imagehead_other_format(const uint8_t *h, size_t n)
{
    if (has_prefix(h, n, "GIF87a") || has_prefix(h, n, "GIF89a"))
        return "a GIF image";
    if (n >= 18 && h[0] == 'B' && h[1] == 'M') {
        /* "BM" alone is too weak: also check the DIB header's size */
        uint32_t dib = (uint32_t)h[14] | (uint32_t)h[15] << 8 | (uint32_t)h[16] << 16
                       | (uint32_t)h[17] << 24;
        if (dib == 12 || dib == 40 || dib == 52 || dib == 56 || dib == 64 || dib == 108
            || dib == 124)
            return "a BMP image";
    }
    if (has_prefix(h, n, "II*") && n >= 4 && h[3] == 0)
        return "a TIFF image";
    if (n >= 4 && h[0] == 'M' && h[1] == 'M' && h[2] == 0 && h[3] == '*')
        return "a TIFF image";
    if (n >= 2 && h[0] == 0x0A && h[1] <= 5)
        return "a PCX image";
    if (n >= 4 && h[0] == 0 && h[1] == 0 && h[2] == 1 && h[3] == 0)
        return "an ICO image";
    if (n >= 12 && memcmp(h + 4, "ftyp", 4) == 0) {
        if (memcmp(h + 8, "avif", 4) == 0 || memcmp(h + 8, "avis", 4) == 0)
            return "an AVIF image";
        if (memcmp(h + 8, "heic", 4) == 0 || memcmp(h + 8, "heix", 4) == 0
            || memcmp(h + 8, "mif1", 4) == 0 || memcmp(h + 8, "msf1", 4) == 0)
            return "a HEIC image";
    }
    if ((n >= 2 && h[0] == 0xFF && h[1] == 0x0A)
        || (n >= 8 && memcmp(h, "\0\0\0\x0cJXL ", 8) == 0))
        return "a JPEG XL image";
    return NULL;
}


/* ---- limits -------------------------------------------------------------- */

static bool size_ok(uint64_t w, uint64_t h, char *err, size_t errn)
{
    if (w == 0 || h == 0) {
        snprintf(err, errn, "its header gives a size of %llux%llu pixels (damaged)",
                 (unsigned long long)w, (unsigned long long)h);
        return false;
    }
    if (w > IMAGE_MAX_SIDE || h > IMAGE_MAX_SIDE || w * h > IMAGE_MAX_PIXELS) {
        snprintf(err, errn, "it is %llux%llu pixels; the limit is %d a side and %u megapixels",
                 (unsigned long long)w, (unsigned long long)h, IMAGE_MAX_SIDE,
                 IMAGE_MAX_PIXELS / 1000000u);
        return false;
    }
    return true;
}

bool imagehead_size_ok(int w, int h, char *err, size_t errn)
{
    return size_ok(w < 0 ? 0 : (uint64_t)w, h < 0 ? 0 : (uint64_t)h, err, errn);
}

/* ---- EXIF ------------------------------------------------------------------ */

int imagehead_exif_orientation(const uint8_t *t, size_t n)
{
    if (!t || n < 8)
        return 1;
    bool big;
    if (t[0] == 'M' && t[1] == 'M')
        big = true;
    else if (t[0] == 'I' && t[1] == 'I')
        big = false;
    else
        return 1;
#define RD16(p) (big ? be16(p) : (uint32_t)(p)[1] << 8 | (p)[0])
#define RD32(p) (big ? be32(p) : le32(p))
    if (RD16(t + 2) != 42)
        return 1;
    uint32_t ifd = RD32(t + 4);
    if (ifd < 8 || ifd > n - 2)
        return 1;
    uint32_t count = RD16(t + ifd);
    size_t room = (n - ifd - 2) / 12; /* entries that lie inside the segment */
    if (count > room)
        count = (uint32_t)room;
    for (uint32_t i = 0; i < count; i++) {
        const uint8_t *e = t + ifd + 2 + (size_t)i * 12;
        if (RD16(e) != 0x0112)
            continue;
        uint32_t type = RD16(e + 2), cnt = RD32(e + 4), v = 0;
        if (cnt < 1)
            return 1;
        if (type == 3) /* SHORT, as the standard says */
            v = RD16(e + 8);
        else if (type == 4) /* LONG: seen from a few writers */
            v = RD32(e + 8);
        return v >= 1 && v <= 8 ? (int)v : 1;
    }
    return 1;
#undef RD16
#undef RD32
}

/* ---- JPEG ------------------------------------------------------------------ */

/* Start-of-frame markers: C0-CF except DHT (C4), JPG (C8) and DAC (CC). */
static bool is_sof(uint8_t m)
{
    return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
}

/* Index of the marker that ends the entropy-coded data starting at pos, or
 * n when the data runs to the end of the buffer. Inside the data 0xFF is
 * followed by 0x00 (a stuffed byte), a restart marker (D0-D7) or more 0xFF
 * (fill); anything else is a marker. */
static size_t skip_entropy(const uint8_t *b, size_t n, size_t pos)
{
    while (pos < n) {
        const uint8_t *ff = memchr(b + pos, 0xFF, n - pos);
        if (!ff)
            return n;
        size_t q = (size_t)(ff - b);
        if (q + 1 >= n)
            return n;
        uint8_t m = b[q + 1];
        if (m == 0x00 || (m >= 0xD0 && m <= 0xD7))
            pos = q + 2;
        else if (m == 0xFF)
            pos = q + 1;
        else
            return q;
    }
    return n;
}

static ImageHeadResult parse_jpeg(const uint8_t *b, size_t n, bool whole, ImageHead *h,
                                  char *err, size_t errn)
{
    bool sof = false, exif = false;
    size_t pos = 2; /* past SOI */
    for (;;) {
        /* Bytes that are not a marker between segments: libjpeg skips them
         * with a warning ("extraneous bytes"), and so do we. */
        const uint8_t *ff = pos < n ? memchr(b + pos, 0xFF, n - pos) : NULL;
        if (!ff)
            break;
        pos = (size_t)(ff - b);
        while (pos < n && b[pos] == 0xFF)
            pos++;
        if (pos >= n)
            break;
        uint8_t m = b[pos++];
        if (m == 0x00 || m == 0x01 || (m >= 0xD0 && m <= 0xD8))
            continue; /* not a segment: stray stuffing, TEM, RSTn, SOI */
        if (m == 0xD9) { /* EOI */
            if (!sof)
                return refuse(err, errn, "its JPEG header is damaged (it ends before the image "
                                         "starts)");
            if (h->scans == 0) /* libjpeg: "JPEG datastream contains no image" */
                return refuse(err, errn, "its JPEG is damaged (it holds no image data)");
            return IMAGEHEAD_OK;
        }
        if (n - pos < 2)
            break;
        uint32_t len = be16(b + pos);
        if (len < 2)
            return refuse(err, errn, "its JPEG header is damaged (a segment of length 0)");
        if (len > n - pos)
            break;
        const uint8_t *seg = b + pos + 2;
        size_t sn = len - 2;
        pos += len;
        if (is_sof(m)) {
            if (sof)
                continue; /* libjpeg reads the first frame header only */
            if (sn < 6)
                return refuse(err, errn, "its JPEG header is damaged (a short frame header)");
            sof = true;
            h->w = (int)be16(seg + 3);
            h->h = (int)be16(seg + 1);
            h->components = seg[5];
            h->progressive = m == 0xC2 || m == 0xC6 || m == 0xCA || m == 0xCE;
            if (m == 0xC3 || m == 0xC7 || m == 0xCB || m == 0xCF)
                return refuse(err, errn, "it is a lossless JPEG, which vitrine cannot show; "
                                         "save it as an ordinary JPEG or as PNG");
            if (seg[0] != 8) {
                snprintf(err, errn, "it is a %u-bit JPEG; vitrine shows 8-bit JPEGs (save it "
                         "again as an ordinary JPEG)", seg[0]);
                return IMAGEHEAD_REFUSED;
            }
            if (h->components != 1 && h->components != 3 && h->components != 4) {
                snprintf(err, errn, "it is a JPEG of %d colour components; vitrine shows "
                         "greyscale, colour and CMYK JPEGs", h->components);
                return IMAGEHEAD_REFUSED;
            }
            if (!size_ok((uint64_t)h->w, (uint64_t)h->h, err, errn))
                return IMAGEHEAD_REFUSED;
            if (!whole)
                return IMAGEHEAD_OK; /* the size is what a header check is for */
        } else if (m == 0xE1 && !exif && sn >= 6 && memcmp(seg, "Exif\0\0", 6) == 0) {
            exif = true; /* the first Exif segment counts, as in cameras' files */
            h->orientation = imagehead_exif_orientation(seg + 6, sn - 6);
        } else if (m == 0xEE && sn >= 12 && memcmp(seg, "Adobe", 5) == 0) {
            h->adobe_transform = seg[11];
        } else if (m == 0xDA) { /* SOS: a scan follows */
            if (!sof)
                return refuse(err, errn, "its JPEG header is damaged (a scan before the frame "
                                         "header)");
            if (++h->scans > IMAGE_MAX_SCANS) {
                snprintf(err, errn, "it is a progressive JPEG of more than %d scans; save it "
                         "again as an ordinary (baseline) JPEG", IMAGE_MAX_SCANS);
                return IMAGEHEAD_REFUSED;
            }
            pos = skip_entropy(b, n, pos);
        }
    }
    /* The bytes ran out before EOI. */
    if (!whole)
        return IMAGEHEAD_MORE;
    if (!sof)
        return refuse(err, errn, "its JPEG header is damaged or cut short (no frame header)");
    return refuse(err, errn, cut_short);
}

/* ---- PNG ------------------------------------------------------------------- */

/* Every chunk lies inside the file, up to IEND. SDL_image's PNG reader
 * ignores short reads, so libpng would go on parsing a chunk that runs past
 * the end from stale bytes, and can loop forever on it. */
static bool png_complete(const uint8_t *b, size_t n)
{
    size_t pos = 8;
    while (n - pos >= 12) {
        uint32_t len = be32(b + pos);
        if (len > n - pos - 12)
            return false;
        bool end = memcmp(b + pos + 4, "IEND", 4) == 0;
        pos += 12 + (size_t)len;
        if (end)
            return true;
    }
    return false;
}

static ImageHeadResult parse_png(const uint8_t *b, size_t n, bool whole, ImageHead *h,
                                 char *err, size_t errn)
{
    if (n < 24)
        return whole ? refuse(err, errn, cut_short) : IMAGEHEAD_MORE;
    if (be32(b + 8) != 13 || memcmp(b + 12, "IHDR", 4) != 0)
        return refuse(err, errn, "its PNG header is damaged");
    uint32_t w = be32(b + 16), ht = be32(b + 20);
    if (!size_ok(w, ht, err, errn))
        return IMAGEHEAD_REFUSED;
    h->w = (int)w;
    h->h = (int)ht;
    if (whole && !png_complete(b, n))
        return refuse(err, errn, cut_short);
    return IMAGEHEAD_OK;
}

/* ---- WebP ------------------------------------------------------------------ */

/* Canvas size from the first chunk (simple lossy "VP8 ", lossless "VP8L",
 * extended "VP8X"): SDL_image allocates that much before decoding. */
static ImageHeadResult parse_webp(const uint8_t *b, size_t n, bool whole, ImageHead *h,
                                  char *err, size_t errn)
{
    if (n < 30)
        return whole ? refuse(err, errn, cut_short) : IMAGEHEAD_MORE;
    const uint8_t *p = b + 20; /* the first chunk's payload */
    uint32_t w, ht;
    if (memcmp(b + 12, "VP8 ", 4) == 0) {
        if (p[3] != 0x9d || p[4] != 0x01 || p[5] != 0x2a)
            return refuse(err, errn, "its WebP header is damaged");
        w = (p[6] | (uint32_t)p[7] << 8) & 0x3fff;
        ht = (p[8] | (uint32_t)p[9] << 8) & 0x3fff;
    } else if (memcmp(b + 12, "VP8L", 4) == 0) {
        if (p[0] != 0x2f)
            return refuse(err, errn, "its WebP header is damaged");
        uint32_t bits = le32(p + 1);
        w = (bits & 0x3fff) + 1;
        ht = (bits >> 14 & 0x3fff) + 1;
    } else if (memcmp(b + 12, "VP8X", 4) == 0) {
        w = ((uint32_t)p[4] | (uint32_t)p[5] << 8 | (uint32_t)p[6] << 16) + 1;
        ht = ((uint32_t)p[7] | (uint32_t)p[8] << 8 | (uint32_t)p[9] << 16) + 1;
    } else {
        return refuse(err, errn, "its WebP header is damaged");
    }
    if (!size_ok(w, ht, err, errn))
        return IMAGEHEAD_REFUSED;
    h->w = (int)w;
    h->h = (int)ht;
    /* RIFF's own length: the file is at least that long plus its 8-byte
     * header (more is harmless, libwebp ignores what follows) */
    if (whole && le32(b + 4) > n - 8)
        return refuse(err, errn, cut_short);
    return IMAGEHEAD_OK;
}

/* ---- the table of formats -------------------------------------------------- */

/* One row per format, in the order they are sniffed. A new format: its
 * enum value (imagehead.h), a row here and a decoder in decode.c. */
static const ImageFormatInfo formats[] = {
    {IMG_FMT_JPEG, "JPEG", sniff_jpeg, parse_jpeg},
    {IMG_FMT_PNG, "PNG", sniff_png, parse_png},
    {IMG_FMT_WEBP, "WebP", sniff_webp, parse_webp},
    {IMG_FMT_SVG, "SVG", sniff_svg, NULL}, /* rasterised at the size shown: decode.c */
    {IMG_FMT_PDF, "PDF", sniff_pdf, NULL}, /* read by the vitrine-pdf worker, never here */
};
#define N_FORMATS ((int)(sizeof formats / sizeof formats[0]))

const ImageFormatInfo *imagehead_formats(int *n)
{
    *n = N_FORMATS;
    return formats;
}

static const ImageFormatInfo *format_of(ImageFormat f)
{
    for (int i = 0; i < N_FORMATS; i++)
        if (formats[i].id == f)
            return &formats[i];
    return NULL;
}

ImageFormat imagehead_sniff(const uint8_t *head, size_t n)
{
    for (int i = 0; head && i < N_FORMATS; i++)
        if (formats[i].sniff(head, n))
            return formats[i].id;
    return IMG_FMT_UNKNOWN;
}

const char *imagehead_format_name(ImageFormat f)
{
    const ImageFormatInfo *fi = format_of(f);
    return fi ? fi->name : "unknown";
}

const char *imagehead_format_list(const char *last, char *buf, size_t n)
{
    size_t o = 0;
    buf[0] = '\0';
    for (int i = 0; i < N_FORMATS && o < n; i++) {
        const char *sep = i == 0 ? "" : i == N_FORMATS - 1 ? last : ", ";
        o += (size_t)snprintf(buf + o, n - o, "%s%s", sep, formats[i].name);
    }
    return buf;
}

/* ---- entry ----------------------------------------------------------------- */

ImageHeadResult imagehead_parse(const uint8_t *buf, size_t len, bool whole, ImageHead *h,
                                char *err, size_t errn)
{
    *h = (ImageHead){.format = IMG_FMT_UNKNOWN, .orientation = 1, .adobe_transform = -1};
    if (err && errn)
        err[0] = '\0';
    if (!buf || len == 0)
        return whole ? refuse(err, errn, "the file is empty") : IMAGEHEAD_MORE;
    h->format = imagehead_sniff(buf, len);
    const ImageFormatInfo *fi = format_of(h->format);
    if (fi)
        return fi->parse ? fi->parse(buf, len, whole, h, err, errn) : IMAGEHEAD_OK;
    char list[128], msg[192];
    snprintf(msg, sizeof msg, "it is not an image vitrine can show (%s)",
             imagehead_format_list(", ", list, sizeof list));
    return refuse(err, errn, msg);
}

/* Reads up to want bytes at offset off. -1 on error (errno set). */
static ssize_t read_at(int fd, uint8_t *buf, size_t want, off_t off)
{
    size_t got = 0;
    while (got < want) {
        ssize_t r = pread(fd, buf + got, want - got, off + (off_t)got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return -1;
        if (r == 0)
            break;
        got += (size_t)r;
    }
    return (ssize_t)got;
}

ImageHeadResult imagehead_read_fd(int fd, bool whole, ImageHead *h, char *err, size_t errn)
{
    *h = (ImageHead){.format = IMG_FMT_UNKNOWN, .orientation = 1, .adobe_transform = -1};
    struct stat st;
    if (fstat(fd, &st) != 0) {
        snprintf(err, errn, "it cannot be read: %s", strerror(errno));
        return IMAGEHEAD_REFUSED;
    }
    if (st.st_size > (off_t)IMAGE_MAX_FILE) {
        snprintf(err, errn, "the file is larger than %u MB", IMAGE_MAX_FILE >> 20);
        return IMAGEHEAD_REFUSED;
    }
    size_t size = st.st_size > 0 ? (size_t)st.st_size : 0;
    size_t cap = whole || size <= HEAD_FIRST_READ ? size : HEAD_FIRST_READ;
    for (;;) {
        /* one byte more than the size said: a file that grew since fstat()
         * is then not taken for whole */
        uint8_t *buf = malloc(cap + 1);
        if (!buf)
            return refuse(err, errn, "out of memory while reading it");
        ssize_t got = read_at(fd, buf, cap + 1, 0);
        if (got < 0) {
            snprintf(err, errn, "it cannot be read: %s", strerror(errno));
            free(buf);
            return IMAGEHEAD_REFUSED;
        }
        bool eof = (size_t)got <= cap; /* the end of the file was seen */
        if (!eof)
            got = (ssize_t)cap;
        /* Only what was asked for is checked, also when a small file was
         * read to its end: the kiosk's look at the headers stays the same
         * whatever the file's size, and the decoder checks the rest. */
        ImageHeadResult r = imagehead_parse(buf, (size_t)got, whole, h, err, errn);
        free(buf);
        if (r != IMAGEHEAD_MORE)
            return r;
        if (eof || cap >= HEAD_MAX_READ)
            return IMAGEHEAD_OK; /* left to the decoder */
        cap = cap * 4 > HEAD_MAX_READ ? HEAD_MAX_READ : cap * 4;
    }
}
