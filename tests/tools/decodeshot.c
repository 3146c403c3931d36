/* SPDX-License-Identifier: GPL-3.0-or-later */
/* decodeshot - one picture through vitrine's decoders, as the kiosk decodes
 * it, saved for a test to measure (tests/render/pictures.sh).
 *
 *   decodeshot FILE BOX_W BOX_H OUT.png [cover] [page=N]
 *
 * Transparency is flattened onto white; $DECODESHOT_DISPLAY_PROFILE is
 * the display_profile setting. Prints the size decoded; exits 1
 * with the reason when the picture is refused.
 */
#include <SDL.h>
#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "platform/decode_internal.h"

int main(int argc, char **argv)
{
    if (argc < 5) {
        fprintf(stderr, "usage: decodeshot FILE BOX_W BOX_H OUT.png [cover] [page=N]\n");
        return 2;
    }
    FitMode fit = FIT_CONTAIN;
    int page = 0;
    for (int i = 5; i < argc; i++) {
        if (strcmp(argv[i], "cover") == 0)
            fit = FIT_COVER;
        else if (strncmp(argv[i], "page=", 5) == 0)
            page = atoi(argv[i] + 5);
    }
    decode_use_display_profile(getenv("DECODESHOT_DISPLAY_PROFILE"));
    Color white = {255, 255, 255, 255};
    char err[512];
    int bw = atoi(argv[2]), bh = atoi(argv[3]);
    SDL_Surface *s = page > 0 ? decode_tiff(argv[1], page, bw, bh, fit, white, err, sizeof err)
                              : decode_image(argv[1], bw, bh, fit, white, err, sizeof err);
    if (!s) {
        printf("refused: %s\n", err);
        return 1;
    }
    printf("%dx%d\n", s->w, s->h);
    int rc = IMG_SavePNG(s, argv[4]) == 0 ? 0 : 2;
    SDL_FreeSurface(s);
    return rc;
}
