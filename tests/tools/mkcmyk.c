/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mkcmyk - write a CMYK JPEG the way a given program would, for fixtures.
 *
 *   mkcmyk IN.ppm OUT.jpg adobe|plain|ycck
 *
 * adobe: CMYK with Adobe's APP14 marker (transform 0) and the bytes stored
 *        inverted (255 = no ink), as Photoshop writes them;
 * plain: CMYK without any Adobe marker, 0 = no ink (what the JPEG standard
 *        alone suggests; rare in the wild);
 * ycck:  YCCK (Adobe transform 2) of the inverted bytes, as Photoshop writes
 *        its default CMYK JPEGs.
 * The ink is the naive conversion K = 1 - max(R, G, B), C = (1 - R - K) /
 * (1 - K), ..., so the colours come back exactly with the naive inverse.
 * Built and run by tests/tools/make_bad_content.py only (needs libjpeg's
 * headers); the files it wrote are in tests/fixtures/bad_content.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: mkcmyk IN.ppm OUT.jpg adobe|plain|ycck\n");
        return 2;
    }
    const char *mode = argv[3];
    FILE *in = fopen(argv[1], "rb");
    int w, h, maxv;
    if (!in || fscanf(in, "P6 %d %d %d", &w, &h, &maxv) != 3 || maxv != 255 || fgetc(in) == EOF ||
        w < 1 || h < 1 || w > 10000 || h > 10000) {
        fprintf(stderr, "mkcmyk: %s is not an 8-bit binary PPM\n", argv[1]);
        return 1;
    }
    unsigned char *rgb = malloc((size_t)w * h * 3), *cmyk = malloc((size_t)w * h * 4);
    if (!rgb || !cmyk || fread(rgb, 3, (size_t)w * h, in) != (size_t)w * h)
        return 1;
    fclose(in);
    int inverted = strcmp(mode, "plain") != 0;
    for (size_t i = 0; i < (size_t)w * h; i++) {
        int r = rgb[3 * i], g = rgb[3 * i + 1], b = rgb[3 * i + 2];
        int mx = r > g ? (r > b ? r : b) : (g > b ? g : b);
        int k = 255 - mx;
        int c = mx ? (mx - r) * 255 / mx : 0, m = mx ? (mx - g) * 255 / mx : 0,
            y = mx ? (mx - b) * 255 / mx : 0;
        unsigned char *p = cmyk + 4 * i;
        p[0] = (unsigned char)(inverted ? 255 - c : c);
        p[1] = (unsigned char)(inverted ? 255 - m : m);
        p[2] = (unsigned char)(inverted ? 255 - y : y);
        p[3] = (unsigned char)(inverted ? 255 - k : k);
    }
    FILE *out = fopen(argv[2], "wb");
    if (!out) {
        perror(argv[2]);
        return 1;
    }
    struct jpeg_compress_struct cinfo;
    struct jpeg_error_mgr jerr;
    cinfo.err = jpeg_std_error(&jerr);
    jpeg_create_compress(&cinfo);
    jpeg_stdio_dest(&cinfo, out);
    cinfo.image_width = (JDIMENSION)w;
    cinfo.image_height = (JDIMENSION)h;
    cinfo.input_components = 4;
    cinfo.in_color_space = JCS_CMYK;
    jpeg_set_defaults(&cinfo);
    jpeg_set_colorspace(&cinfo, strcmp(mode, "ycck") == 0 ? JCS_YCCK : JCS_CMYK);
    /* libjpeg writes the Adobe marker for every CMYK file; "plain" has none */
    cinfo.write_Adobe_marker = strcmp(mode, "plain") != 0;
    cinfo.write_JFIF_header = FALSE;
    for (int i = 0; i < cinfo.num_components; i++)
        cinfo.comp_info[i].h_samp_factor = cinfo.comp_info[i].v_samp_factor = 1;
    jpeg_set_quality(&cinfo, 95, TRUE);
    jpeg_start_compress(&cinfo, TRUE);
    while (cinfo.next_scanline < cinfo.image_height) {
        JSAMPROW row = cmyk + (size_t)cinfo.next_scanline * (size_t)w * 4;
        jpeg_write_scanlines(&cinfo, &row, 1);
    }
    jpeg_finish_compress(&cinfo);
    jpeg_destroy_compress(&cinfo);
    fclose(out);
    free(rgb);
    free(cmyk);
    return 0;
}
