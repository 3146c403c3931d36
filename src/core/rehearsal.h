/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rehearsal.h - time spent on each slide in a lecture run, written to the
 * state folder, read back by --lecture-report.
 *
 * Recording follows the lecture timer: time counts only while it runs, and
 * is charged to the slide on screen (on the audience display).
 */
#ifndef VITRINE_REHEARSAL_H
#define VITRINE_REHEARSAL_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "diag.h"
#include "manifest.h"

typedef struct {
    int64_t spent_ms;       /* timer-running time with this slide on screen */
    int budget_s;           /* the manifest's lecture_s, 0 = none */
    int visits;             /* how often it was shown */
} RehearsalSlide;

typedef struct {
    char *exhibition;       /* id; owned */
    char *manifest_path;    /* owned; for writing suggestions */
    char started[32];       /* local time, ISO 8601 "2026-11-25T19:03:00" */
    int64_t planned_ms;
    int64_t total_ms;
    RehearsalSlide *slides; /* owned, n entries */
    int n;
    /* recording state */
    int current;            /* slide on screen, -1 none */
    uint64_t since;         /* clock when it started counting */
    bool counting;
} Rehearsal;

/* Start a record for ex (budgets from its slides). started: the wall-clock
 * time as text, passed in so the core reads no clock. false on OOM. */
bool rehearsal_begin(Rehearsal *r, const Exhibition *ex, int64_t planned_ms, const char *started);
/* The slide on screen changed, or the timer started/stopped. */
void rehearsal_update(Rehearsal *r, int slide, bool timer_running, uint64_t now);
void rehearsal_free(Rehearsal *r);

/* JSON file: {"exhibition", "manifest", "started", "planned_ms", "total_ms",
 * "slides": [{"slide", "spent_ms", "budget_s", "visits"}]}. */
bool rehearsal_write(const Rehearsal *r, const char *path, DiagList *diags);
bool rehearsal_read(Rehearsal *r, const char *path, DiagList *diags);
/* A table: slide, budget, spent, difference, cumulative ahead/behind. */
void rehearsal_report(const Rehearsal *r, FILE *out);
/* Write a copy of the exhibition's manifest with each slide's lecture_s set
 * to the time spent (rounded to 5 s; slides not shown keep theirs) to
 * out_path; the curator's file is never overwritten. */
bool rehearsal_suggest(const Rehearsal *r, const char *out_path, DiagList *diags);

#endif
