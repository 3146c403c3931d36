/* SPDX-License-Identifier: GPL-3.0-or-later */
/* scene_film.h - a film's controls on its slide: back 10 s, play/pause,
 * on 10 s, big enough for a finger (96 px at 1080p), at the top of the
 * film's place (its subtitles take the bottom); the volume at their right
 * (quieter, a meter, louder); under them the scrub bar with the film's
 * position and length (m:ss), once its length is known. Their touch targets come after the slide's page-turning
 * thirds, so a tap on them never turns the page.
 */
#ifndef VITRINE_SCENE_FILM_H
#define VITRINE_SCENE_FILM_H

#include "scene_list.h"
#include "scene_view.h"

/* A film slide with a recorded narration (v->sound SOUND_NARRATION) has
 * its narration's button among them: at the left of the row, or under the
 * scrub bar where the row has no room; never over another control. */
void scene_film_controls(Scene *s, const SceneView *v, Rect film, float u);

/* The narration's button on a slide with a recorded narration and no
 * film (a film's is among its controls): a play triangle, a stop square while it plays; at the top of the
 * picture's place (area), in the middle. A slide without a recording whose
 * title and caption can be read aloud (v->sound SOUND_SPEECH) has the same
 * button with a loudspeaker instead of the triangle. */
void scene_film_narration(Scene *s, const SceneView *v, Rect area, float u);

#endif
