/* SPDX-License-Identifier: GPL-3.0-or-later */
/* stats_chart.h - the report's chart as a draw list: the median time on
 * each slide as bars (by exhibition, titles in the language asked for), and
 * the visits per day split by language. The platform draws it to a PNG that
 * staff paste into a report: white page, dark text, one colour a language.
 */
#ifndef VITRINE_STATS_CHART_H
#define VITRINE_STATS_CHART_H

#include "layout.h"
#include "library.h"
#include "scene.h"
#include "stats_report.h"

#define STATS_CHART_W 1600      /* px; the height follows the content */

/* Build the chart of r into s (previous contents discarded); *h is the
 * height it needs at STATS_CHART_W. lib (may be NULL) gives the titles in
 * lang (the chart's own words are in it too, lang.h; English for a language
 * vitrine does not speak). */
void stats_chart_build(Scene *s, const StatsReport *r, const Library *lib, const char *lang,
                       const Measure *m, int *h);

#endif
