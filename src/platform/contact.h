/* SPDX-License-Identifier: GPL-3.0-or-later */
/* contact.h - `vitrine --contact-sheet OUT.png --exhibition ID [--lang L]
 * [--size WxH] [--settings FILE] [DIR]`: the contact sheet (sheet.h) as PNG
 * pages, the pictures decoded through decode_image(), the problems also
 * listed on stdout. One page is OUT.png; more are OUT-1.png, OUT-2.png...
 */
#ifndef VITRINE_PLATFORM_CONTACT_H
#define VITRINE_PLATFORM_CONTACT_H

typedef struct {
    const char *out;            /* OUT.png */
    const char *exhibition;     /* id */
    const char *lang;           /* NULL: the settings' start language */
    const char *settings;       /* NULL: the default settings file, if any */
    const char *dir;            /* the exhibitions */
    int w, h;                   /* the screen the captions are fitted on; 0 = 1920x1080 */
} ContactOptions;

/* Returns the exit status: 0 written (problems or not), 1 when the
 * exhibition is not there or a page cannot be written. */
int contact_main(const ContactOptions *o);

#endif
