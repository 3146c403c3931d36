/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check.h - vitrine --check: validate exhibitions and measure their captions.
 *
 * The manifests are loaded as the kiosk loads them (library.h); then every
 * slide's caption (a text slide's text) is laid out, in each of the
 * exhibition's languages, with the real fonts (text.h, no window) in the
 * box the scene gives it (scene_caption_fits), at 1920x1080 and at the size
 * asked for. A caption that does not fit even at the smallest text size is a
 * warning at the slide's position. Output: one problem a line
 * ("file:line:col: error|warning: message") in file order, then a summary.
 */
#ifndef VITRINE_PLATFORM_CHECK_H
#define VITRINE_PLATFORM_CHECK_H

#define CHECK_DEFAULT_W 1920   /* the screen every caption is checked on */
#define CHECK_DEFAULT_H 1080

/* Check dir (a folder of exhibitions or one exhibition). w, h: a screen
 * size to check as well (--size), or 0 for the default only. Prints to
 * stdout (problems, summary) and stderr (when the fonts cannot be set up,
 * the fit is not checked and this says so). Returns the exit status: 0 no
 * errors (warnings allowed), 1 errors. */
int check_main(const char *dir, int w, int h);

#endif
