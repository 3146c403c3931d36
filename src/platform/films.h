/* SPDX-License-Identifier: GPL-3.0-or-later */
/* films.h - the film on the audience's screen: the scene's DRAW_VIDEO item
 * played by one MediaPlayer (media.h), its frames uploaded from shared
 * memory into a streaming texture, one upload per new frame.
 *
 * films_sync() follows the scene: a film appears (opened, in the visitor's
 * language, playing), goes (a page turn, the idle reset: closed, its sound
 * with it) or the language changes (subtitles and audio switched at the
 * same position). On the virtual clock (replays, --render) a film is opened
 * paused at its start and its first frame waited for, so screenshots do not
 * depend on the machine's speed (docs/replay.md).
 *
 * One film at a time, on one renderer: the audience's. Every call to the
 * worker is made on a film thread of its own: these functions only post
 * commands to it and read frames from shared memory, so a stalled worker
 * never holds up the render thread; its film shows as a grey box once a
 * call has gone unanswered for 1.5 s, and a page turn does not wait for it.
 * Only on the virtual clock do they wait for the thread, so replays stay
 * deterministic.
 */
#ifndef VITRINE_PLATFORM_FILMS_H
#define VITRINE_PLATFORM_FILMS_H

#include <SDL.h>
#include <stdbool.h>

#include "core/read_aloud.h"
#include "core/scene.h"

/* true when it opened a slide's film anew (it plays: show_film_opened;
 * not a narration, nor a film taken up again after its narration, nor
 * the attract loop's). A DRAW_VIDEO
 * marked ambient (the attract loop's) plays muted and looped from its
 * clip's start, even where media.autoplay is false, and is no film a
 * visitor watches (films_state). */
bool films_sync(SDL_Renderer *r, const Scene *sc, const char *lang, int w, int h, bool still);

/* The settings' rules for the next film opened (docs/settings.md, "media"):
 * whether it plays by itself, and whether it is quiet hours (no sound). */
void films_set_rules(bool autoplay, bool quiet);

/* Start the media worker (and its mpv) before the first film is needed, on
 * the film thread: a kiosk whose exhibitions have films calls it at start,
 * so the first page turn to a film does not wait for a process to start
 * and FFmpeg's libraries to load (the bench's film-first). Real clock only. */
void films_prepare(void);

/* The film of a slide next to the visitor's (the next, else the previous;
 * NULL: none), before films_sync(): while nothing else plays it is opened
 * paused at its start, so that a page turn to it shows its first frame at
 * once and only has to play it; the film of a slide that is no longer
 * next door is closed (its memory freed). Real clock only. */
void films_preroll(const SlideMedia *m);

/* The narration the visitor asked for (show_narration: the slide's media,
 * NULL: none), before films_sync(): it plays (media_player_open_narration)
 * through the same player and sound output, following the language like a
 * film; NULL stops it. On its film's slide it plays in the film's place:
 * the film is closed where it was, its last frame stays on screen, what
 * the visitor asks of it waits, and it comes back there when the narration
 * stops (media_player_open_at). */
void films_set_narration(const SlideMedia *m);

/* The reading aloud the visitor asked for (show_read_aloud; NULL or no
 * parts: none), before films_sync(): where the scene has no film and no
 * narration plays, it is synthesised and played (media_player_open_speech)
 * through the same player and sound output. Other words (a language
 * switch) start the new ones from their beginning: positions do not map
 * between languages. Copies what it needs. */
void films_set_speech(const ReadAloud *r);

/* What the visitor asked (show_take_film_request: ACT_FILM_PLAY with
 * `paused` as it is now, ACT_FILM_BACK, ACT_FILM_FORWARD). */
void films_command(int action, bool paused);

/* The scrub bar: to ms into the film's file (ACT_FILM_SEEK). */
void films_seek(int ms);

/* The visitor's volume (percent, already within the staff's maximum): this
 * film's and every next one's. Posts only a change. */
void films_volume(int percent);

/* Draw the film's latest frame fitted into it->r; nothing before the first.
 * A film that cannot be played leaves a calm grey box. */
void films_draw(SDL_Renderer *r, const DrawItem *it);

/* render_scene() says whether an item drawn after the film overlaps it
 * (the kiosk's controls over a film). */
void films_covered(bool covered);

/* A new frame and nothing else new: only the film's frame drawn, into the
 * pixels of the frame presented last, where the rest of the scene still
 * is. Only with the software renderer, whose target is the window's own
 * memory, kept from one present to the next (a GPU's back buffer is not),
 * and only when nothing was drawn over the film and it has a frame; false
 * (nothing drawn) otherwise: the whole scene is to be drawn. Saves the
 * clear of the screen and every text at each of the film's frames. */
bool films_draw_alone(SDL_Renderer *r);

/* The same, one copy shorter: the film's new frame copied from the
 * worker's shared memory straight into the window's pixels (which the
 * software renderer draws into) and only its rectangle sent to the
 * display; the texture gets the frame at the next whole draw. True when
 * it put a new frame on the screen; false (nothing done: no new frame, or
 * one that is not made for the box): use films_draw_alone, or draw the
 * whole scene. Software renderer only. */
bool films_present_alone(SDL_Window *win, SDL_Renderer *r);

/* A film is playing: the main loop wakes to show its frames. */
bool films_playing(void);

/* The film on screen (*m, its slide's media; NULL: none), its position and
 * length as last asked (ms, -1: unknown; asked after its opening, every
 * command and every 0.5 s while it plays); true while it plays (not paused
 * by the visitor, not ended, not lost) and is not a loop (a looped film
 * plays on with nobody watching). The core hears it through
 * show_film_state(): the scrub bar, idle, the presenter, statistics. */
bool films_state(const SlideMedia **m, int *position_ms, int *duration_ms);

/* The main loop is to look for frames (films_new_frame) every few ms: a
 * film plays, or the first frame of the film next door (films_preroll) is
 * still to come (while it opens, then for 3 s at most). */
bool films_expecting(void);

/* A narration or a reading aloud plays (true: the main loop looks for
 * its end now and then); *ended once it came to its end by itself (the
 * core hears it through show_sound_ended(): its button shows play again). */
bool films_sound(bool *ended);

/* A frame newer than the one drawn last is there, or the film became
 * unavailable (its worker stalls or is gone): something to draw. */
bool films_new_frame(void);

/* Stop and end the player (at exit). */
void films_free(void);

#endif
