/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c - command line and wiring.
 *
 *   vitrine [DIR]                         kiosk: fullscreen on DIR
 *   vitrine --check [DIR] [--size WxH]    validate, print file:line:col problems
 *   vitrine --new-exhibition DIR          write DIR/exhibition.json for its images
 *   vitrine --preview DIR                 a curator's window that follows edits
 *   vitrine --render OUT.png --exhibition ID [--slide N] [--lang L] [--size WxH]
 *   vitrine --replay SCRIPT [--size WxH]  scripted input on a virtual clock
 *   vitrine --contact-sheet OUT.png --exhibition ID [--lang L]
 *   vitrine --report LOGDIR [--from DATE] [--to DATE] [--chart OUT.png]
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/admin.h"
#include "core/diag.h"
#include "core/lang.h"
#include "core/lecture_report.h"
#include "core/deck.h"
#include "core/scaffold.h"
#include "platform/app.h"
#include "platform/learnkeys.h"
#include "platform/replayer.h"
#include "platform/check.h"
#include "platform/contact.h"
#include "platform/decode_pdf.h"
#include "platform/report.h"
#include "core/stats_log.h"
#include "platform/hugemem.h"
#include "platform/trace.h"

#ifndef VITRINE_DEFAULT_PO_DIR
#define VITRINE_DEFAULT_PO_DIR "po"
#endif
#ifndef VITRINE_DEFAULT_EXHIBITIONS
#define VITRINE_DEFAULT_EXHIBITIONS "exhibitions"
#endif

static void usage(FILE *out)
{
    fputs("Usage: vitrine [OPTIONS] [DIR]\n"
          "A fullscreen exhibition viewer for museum kiosks and lectures.\n"
          "DIR is a folder of exhibitions or one exhibition folder\n"
          "(default: " VITRINE_DEFAULT_EXHIBITIONS ").\n"
          "\n"
          "Modes:\n"
          "      --check              validate every exhibition and print each problem as\n"
          "                           file:line:col: error|warning: message; exit 1 on errors.\n"
          "                           Also warns about captions too long for their panel at\n"
          "                           1920x1080 (and at --size WxH, when given)\n"
          "      --render OUT.png     draw one screen headless to a PNG (with --exhibition,\n"
          "                           --slide; without them, the home screen)\n"
          "      --replay SCRIPT      run a replay script on a virtual clock (headless unless\n"
          "                           --windowed); see docs/replay.md\n"
          "      --preview DIR        a window on the exhibition in DIR that reloads as you\n"
          "                           save the manifest or an image, keeping the slide; while\n"
          "                           the files have errors, a banner lists them (file:line:col)\n"
          "                           instead of the slide. Ctrl+Q or closing the window quits\n"
          "\n"
          "Options:\n"
          "  -e, --exhibition ID      open this exhibition at start; in a kiosk, a missing or\n"
          "                           broken one means the home screen until it loads\n"
          "                           (\"being prepared\" with kiosk.exhibition_only)\n"
          "  -s, --slide N            with --exhibition: start at slide N (1-based)\n"
          "  -l, --lang L             start language: a language code (kk, ru, en, de, zh...)\n"
          "      --size WxH           window or image size in pixels (e.g. 1920x1080)\n"
          "  -w, --windowed           a window instead of fullscreen (development); here\n"
          "                           Ctrl+Q and closing the window quit\n"
          "      --state-file FILE    keep the current state as one JSON line in FILE\n"
          "                           (screen, exhibition, slide, language...) for monitoring\n"
          "      --settings FILE      settings (docs/settings.md); default\n"
          "                           ~/.config/vitrine/settings.json if it exists\n"
          "\n"
          "Lectures:\n"
          "      --lecture            present an exhibition (--exhibition ID, else the first)\n"
          "                           with the clicker keys, a timer and, with two displays,\n"
          "                           the presenter view\n"
          "      --duration MIN       planned length (default: the manifest's lecture.duration_min)\n"
          "      --state-dir DIR      where lecture records and visitor statistics are kept\n"
          "                           (default ~/.local/state/vitrine)\n"
          "      --learn-keys         press each clicker button; writes them to the settings\n"
          "      --lecture-report FILE  print a lecture record against the slides' budgets\n"
          "      --suggest-budgets OUT.json  with --lecture-report: a copy of the manifest\n"
          "                           with lecture_s set to the times spent\n"
          "  -h, --help               show this help\n"
          "  -V, --version            show the version\n"
          "\n"
          "Curators:\n"
          "      --new-exhibition DIR write DIR/exhibition.json for the images in DIR (and in\n"
          "                           DIR/images): one slide each, titles from the file names,\n"
          "                           empty captions to fill in; never overwrites a manifest\n"
          "      --contact-sheet OUT.png  with --exhibition ID [--lang L]: every slide as a\n"
          "                           numbered thumbnail with its title on A4 pages (OUT-1.png,\n"
          "                           OUT-2.png... when there are more), slides with problems\n"
          "                           framed in red and listed; captions fitted at --size and\n"
          "                           the settings' text size\n"
          "\n"
          "Visitor statistics (anonymous, kept in the state folder; docs/statistics.md):\n"
          "      --report LOGDIR      visits, time per exhibition and slide, how far visitors\n"
          "                           get, languages, zoom, visits per day; and a PNG chart.\n"
          "                           LOGDIR: a state folder or its stats/ folder\n"
          "      --from, --to YYYY-MM-DD  with --report: the days to read (both included)\n"
          "      --chart OUT.png      with --report: where the chart goes (default\n"
          "                           visitor-statistics-FROM_TO.png in the current folder)\n"
          "      --preview DIR        see Modes; --exhibition ID picks one when DIR holds several\n"
          "\n"
          "Translators (README: \"Adding a language\"):\n"
          "      --missing-strings L  list vitrine's own words that po/L.po does not translate\n"
          "                           (exit 1 when there are some); VITRINE_PO_DIR=DIR reads\n"
          "                           the translations from DIR instead of po/\n"
          "\n"
          "Administrator:\n"
          "      --hash-pin           read a PIN on standard input, print the settings line\n"
          "                           \"admin_pin_hash\" (the PIN itself is never stored)\n"
          "\n"
          "In fullscreen kiosk mode nothing a visitor can do closes vitrine. The\n"
          "administrator's menu (start or end a lecture, exit) opens with Ctrl+Alt+Shift+Q,\n"
          "or with a 3-second press in the top-left corner of the touchscreen when a PIN\n"
          "is set; the PIN is asked first. Without a PIN the kiosk's menu offers no exit\n"
          "(--windowed and --lecture keep it). SIGTERM/SIGINT end vitrine at any time.\n"
          "\n"
          "vitrine watches DIR while it runs: changed content is loaded once the files are\n"
          "complete (closed or renamed into place, then 0.5 s of quiet). A broken edit keeps\n"
          "the last good version of that exhibition on screen and is logged.\n",
          out);
}

static bool parse_size(const char *s, int *w, int *h)
{
    char x;
    if (sscanf(s, "%d%c%d", w, &x, h) != 3 || (x != 'x' && x != 'X'))
        return false;
    return *w >= 16 && *h >= 16 && *w <= 16384 && *h <= 16384;
}

/* Read a PIN from standard input, print the settings line with its hash. */
static int hash_pin(void)
{
    char line[64];
    if (isatty(0))
        fprintf(stderr, "Administrator PIN (%d to %d digits): ", ADMIN_PIN_MIN, ADMIN_PIN_MAX);
    if (!fgets(line, sizeof line, stdin)) {
        fputs("vitrine: no PIN given\n", stderr);
        return 2;
    }
    line[strcspn(line, "\r\n")] = '\0';
    char hash[256];
    if (!admin_pin_valid(line)) {
        fprintf(stderr, "vitrine: a PIN is %d to %d digits\n", ADMIN_PIN_MIN, ADMIN_PIN_MAX);
        return 2;
    }
    if (!admin_hash_pin(line, hash, sizeof hash)) {
        fputs("vitrine: cannot hash the PIN (no random source?)\n", stderr);
        return 1;
    }
    memset(line, 0, sizeof line);
    printf("\"admin_pin_hash\": \"%s\"\n", hash);
    return 0;
}

int main(int argc, char **argv)
{
    hugemem_install(); /* before SDL allocates anything */
    deck_set_reader(pdf_deck_reader); /* decks are read by the vitrine-pdf worker */
    trace_start(); /* VITRINE_TRACE=FILE: the benchmark's clock starts here */
    enum { OPT_CHECK = 256, OPT_RENDER, OPT_REPLAY, OPT_SIZE, OPT_STATE_FILE, OPT_LECTURE,
           OPT_DURATION, OPT_SETTINGS, OPT_STATE_DIR, OPT_LEARN_KEYS, OPT_REPORT, OPT_SUGGEST,
           OPT_HASH_PIN, OPT_NEW_EXHIBITION, OPT_STATS_REPORT, OPT_FROM, OPT_TO, OPT_CHART,
           OPT_CONTACT_SHEET, OPT_PREVIEW, OPT_MISSING_STRINGS };
    static const struct option longopts[] = {
        {"check", no_argument, NULL, OPT_CHECK},
        {"render", required_argument, NULL, OPT_RENDER},
        {"replay", required_argument, NULL, OPT_REPLAY},
        {"exhibition", required_argument, NULL, 'e'},
        {"slide", required_argument, NULL, 's'},
        {"lang", required_argument, NULL, 'l'},
        {"size", required_argument, NULL, OPT_SIZE},
        {"windowed", no_argument, NULL, 'w'},
        {"state-file", required_argument, NULL, OPT_STATE_FILE},
        {"lecture", no_argument, NULL, OPT_LECTURE},
        {"duration", required_argument, NULL, OPT_DURATION},
        {"settings", required_argument, NULL, OPT_SETTINGS},
        {"state-dir", required_argument, NULL, OPT_STATE_DIR},
        {"learn-keys", no_argument, NULL, OPT_LEARN_KEYS},
        {"lecture-report", required_argument, NULL, OPT_REPORT},
        {"suggest-budgets", required_argument, NULL, OPT_SUGGEST},
        {"hash-pin", no_argument, NULL, OPT_HASH_PIN},
        {"new-exhibition", required_argument, NULL, OPT_NEW_EXHIBITION},
        {"report", required_argument, NULL, OPT_STATS_REPORT},
        {"from", required_argument, NULL, OPT_FROM},
        {"to", required_argument, NULL, OPT_TO},
        {"chart", required_argument, NULL, OPT_CHART},
        {"contact-sheet", required_argument, NULL, OPT_CONTACT_SHEET},
        /* --preview DIR: DIR is the usual operand, so --replay can take it too */
        {"preview", no_argument, NULL, OPT_PREVIEW},
        {"missing-strings", required_argument, NULL, OPT_MISSING_STRINGS},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    AppOptions opt = {.dir = VITRINE_DEFAULT_EXHIBITIONS};
    bool check = false, learn = false;
    const char *render = NULL, *replay = NULL, *report = NULL, *suggest = NULL;
    const char *new_exhibition = NULL;
    ReportOptions stats = {0};
    const char *contact_sheet = NULL, *missing = NULL;
    int c;
    while ((c = getopt_long(argc, argv, "e:s:l:whV", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_CHECK: check = true; break;
        case OPT_RENDER: render = optarg; break;
        case OPT_REPLAY: replay = optarg; break;
        case 'e': opt.exhibition = optarg; break;
        case 's': {
            char *end;
            long n = strtol(optarg, &end, 10);
            if (*end || n < 1 || n > 1000000) {
                fprintf(stderr, "vitrine: --slide takes a slide number from 1, not \"%s\"\n", optarg);
                return 2;
            }
            opt.slide = (int)n;
            break;
        }
        case 'l': opt.lang = optarg; break;
        case OPT_SIZE:
            if (!parse_size(optarg, &opt.w, &opt.h)) {
                fprintf(stderr, "vitrine: --size takes WIDTHxHEIGHT, e.g. 1920x1080, not \"%s\"\n", optarg);
                return 2;
            }
            break;
        case 'w': opt.windowed = true; break;
        case OPT_STATE_FILE: opt.state_file = optarg; break;
        case OPT_LECTURE: opt.lecture = true; break;
        case OPT_DURATION: {
            char *end;
            long n = strtol(optarg, &end, 10);
            if (*end || n < 1 || n > 1440) {
                fprintf(stderr, "vitrine: --duration takes minutes from 1 to 1440, not \"%s\"\n", optarg);
                return 2;
            }
            opt.duration_min = (int)n;
            break;
        }
        case OPT_SETTINGS: opt.settings = optarg; break;
        case OPT_STATE_DIR: opt.state_dir = optarg; break;
        case OPT_LEARN_KEYS: learn = true; break;
        case OPT_REPORT: report = optarg; break;
        case OPT_SUGGEST: suggest = optarg; break;
        case OPT_HASH_PIN: return hash_pin();
        case OPT_NEW_EXHIBITION: new_exhibition = optarg; break;
        case OPT_STATS_REPORT: stats.logdir = optarg; break;
        case OPT_FROM:
        case OPT_TO:
            if (!stats_log_day_ok(optarg)) {
                fprintf(stderr, "vitrine: --%s takes a date, YYYY-MM-DD, not \"%s\"\n",
                        c == OPT_FROM ? "from" : "to", optarg);
                return 2;
            }
            *(c == OPT_FROM ? &stats.from : &stats.to) = optarg;
            break;
        case OPT_CHART: stats.chart = optarg; break;
        case OPT_CONTACT_SHEET: contact_sheet = optarg; break;
        case OPT_PREVIEW: opt.preview = true; break;
        case OPT_MISSING_STRINGS: missing = optarg; break;
        case 'h': usage(stdout); return 0;
        case 'V': printf("vitrine %s\n", VITRINE_VERSION); return 0;
        default: usage(stderr); return 2;
        }
    }
    /* vitrine's own words in other languages than English (lang.h): read
     * before anything names a language; a broken file costs its words */
    {
        const char *po = getenv("VITRINE_PO_DIR");
        DiagList pd = {0};
        lang_load_dir(po && po[0] ? po : VITRINE_DEFAULT_PO_DIR, &pd);
        diag_print(&pd, stderr);
        diag_clear(&pd);
    }
    if (missing)
        return lang_missing_report(missing, stdout) ? 1 : 0;
    bool dir_given = optind < argc;
    if (optind < argc)
        opt.dir = argv[optind++];
    if (optind < argc) {
        fprintf(stderr, "vitrine: one DIR at most (got \"%s\" too)\n", argv[optind]);
        return 2;
    }
    if ((check != 0) + (render != NULL) + (replay != NULL) + (learn != 0) + (report != NULL)
            + (new_exhibition != NULL) + (stats.logdir != NULL) + (contact_sheet != NULL) > 1) {
        fputs("vitrine: --check, --render, --replay, --learn-keys, --lecture-report, "
              "--new-exhibition, --report and --contact-sheet are separate modes; choose one\n",
              stderr);
        return 2;
    }
    if ((stats.from || stats.to || stats.chart) && !stats.logdir) {
        fputs("vitrine: --from, --to and --chart go with --report LOGDIR\n", stderr);
        return 2;
    }
    if (stats.logdir) {
        if (stats.from && stats.to && strcmp(stats.from, stats.to) > 0) {
            fprintf(stderr, "vitrine: --from %s is after --to %s\n", stats.from, stats.to);
            return 2;
        }
        stats.lang = opt.lang;
        stats.settings = opt.settings;
        stats.dir = opt.dir;
        return report_main(&stats);
    }
    if (opt.preview && (check || learn || report || new_exhibition || opt.lecture)) {
        fputs("vitrine: --preview is a mode of its own (it goes with --replay and --render only)\n", stderr);
        return 2;
    }
    if (opt.preview && !dir_given) {
        fputs("vitrine: --preview DIR: name the exhibition folder to preview\n", stderr);
        return 2;
    }
    if (opt.preview && !replay && !render)
        opt.windowed = true; /* a curator's window, never a locked-down fullscreen kiosk */
    if (new_exhibition) {
        if (dir_given) {
            fprintf(stderr, "vitrine: --new-exhibition DIR takes one folder (got \"%s\" too)\n",
                    opt.dir);
            return 2;
        }
        return scaffold_main(new_exhibition, VITRINE_DEFAULT_EXHIBITIONS, stdout, stderr);
    }
    if (contact_sheet) {
        if (!opt.exhibition) {
            fputs("vitrine: --contact-sheet OUT.png needs --exhibition ID\n", stderr);
            return 2;
        }
        ContactOptions co = {contact_sheet, opt.exhibition, opt.lang, opt.settings, opt.dir,
                             opt.w, opt.h};
        return contact_main(&co);
    }
    if (suggest && !report) {
        fputs("vitrine: --suggest-budgets goes with --lecture-report FILE\n", stderr);
        return 2;
    }
    if (report)
        return lecture_report_main(report, suggest, stdout, stderr);
    if (learn)
        return learnkeys_run(&opt);
    if (opt.slide && !opt.exhibition && !opt.preview) { /* a preview opens its one exhibition */
        fputs("vitrine: --slide needs --exhibition ID\n", stderr);
        return 2;
    }
    if (check)
        return check_main(opt.dir, opt.w, opt.h);
    if (render)
        return app_render(&opt, render);
    if (replay)
        return replayer_run(&opt, replay);
    return app_run(&opt);
}
