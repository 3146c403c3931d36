/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mkjpeg - write a test JPEG with a pattern that shows aliasing at once.
 *
 *   mkjpeg OUT.jpg WIDTH HEIGHT [QUALITY] [PATTERN]
 *
 * PATTERN "stripes" (default): 1-pixel black and white vertical lines, which
 * any good downscale turns into flat grey and a poor one into moire bands.
 * "gradient": smooth colour ramps.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <turbojpeg.h>

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: mkjpeg OUT.jpg WIDTH HEIGHT [QUALITY] [stripes|gradient]\n");
        return 2;
    }
    int w = atoi(argv[2]), h = atoi(argv[3]);
    int q = argc > 4 ? atoi(argv[4]) : 90;
    const char *pattern = argc > 5 ? argv[5] : "stripes";
    if (w < 1 || h < 1 || w > 20000 || h > 20000 || q < 1 || q > 100)
        return 2;
    unsigned char *px = malloc((size_t)w * h * 3);
    if (!px)
        return 1;
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            unsigned char *p = px + ((size_t)y * w + x) * 3;
            if (strcmp(pattern, "gradient") == 0) {
                p[0] = (unsigned char)(255 * x / w);
                p[1] = (unsigned char)(255 * y / h);
                p[2] = (unsigned char)(255 - 255 * x / w);
            } else {
                p[0] = p[1] = p[2] = (x & 1) ? 255 : 0;
            }
        }
    tjhandle tj = tjInitCompress();
    unsigned char *jpg = NULL;
    unsigned long len = 0;
    int subsamp = strcmp(pattern, "stripes") == 0 ? TJSAMP_444 : TJSAMP_420;
    if (!tj || tjCompress2(tj, px, w, 0, h, TJPF_RGB, &jpg, &len, subsamp, q, 0) != 0) {
        fprintf(stderr, "mkjpeg: %s\n", tjGetErrorStr2(tj));
        return 1;
    }
    FILE *f = fopen(argv[1], "wb");
    if (!f || fwrite(jpg, 1, len, f) != len || fclose(f) != 0) {
        perror(argv[1]);
        return 1;
    }
    tjFree(jpg);
    tjDestroy(tj);
    free(px);
    return 0;
}
