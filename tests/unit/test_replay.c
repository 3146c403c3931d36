/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_replay.c - the replay-script parser.
 *
 * Decisions documented here (and relied on by scripts):
 *  - `key +` is the plus key; `key Ctrl++` is Ctrl and the plus key;
 *    `key Ctrl+` (a modifier with no key) is an error at parse time.
 *  - Modifier names are case-insensitive; key names are passed on as written
 *    for SDL_GetKeyFromName (which is case-insensitive itself).
 *  - Columns count from 1 and point at the offending word.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "event.h"
#include "replay.h"

/* Parse a script that must be good. */
static ReplayScript parse_ok(const char *text)
{
    ReplayScript s;
    DiagList d = {0};
    bool ok = replay_parse(text, "script", &s, &d);
    if (!ok || d.n) {
        diag_print(&d, stderr);
        fail_msg("script did not parse");
    }
    diag_clear(&d);
    return s;
}

/* Parse a script that must fail; the diagnostics are returned, the script
 * is checked to be empty. */
static DiagList parse_bad(const char *text)
{
    ReplayScript s = {(ReplayCmd *)1, 99};
    DiagList d = {0};
    assert_false(replay_parse(text, "script", &s, &d));
    assert_null(s.cmds);
    assert_int_equal(s.n, 0);
    assert_true(d.n >= 1);
    return d;
}

/* The one error of a bad one-error script, as diag_print writes it. */
static void assert_error(const char *text, const char *expect)
{
    DiagList d = parse_bad(text);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    diag_print(&d, f);
    fclose(f);
    if (d.n != 1 || strcmp(buf, expect) != 0) {
        print_error("got:\n%sexpected:\n%s", buf, expect);
        free(buf);
        diag_clear(&d);
        fail();
    }
    free(buf);
    diag_clear(&d);
}

/* ---- good scripts ----------------------------------------------------------- */

static void every_command_parses_with_its_numbers(void **state)
{
    (void)state;
    ReplayScript s = parse_ok(
        "open karlag-artists 3\n"        /* 1 */
        "open karlag-artists\n"          /* 2 */
        "key PageDown\n"                 /* 3 */
        "tap 0.9 0.5\n"                  /* 4 */
        "click 0 1\n"                    /* 5 */
        "swipe 0.8 0.5 0.2 0.5 250\n"    /* 6 */
        "drag 0.1 0.2 0.3 0.4 500\n"     /* 7 */
        "pinch 0.5 0.5 1.0 2.5 400\n"    /* 8 */
        "close\n"                        /* 9 */
        "sigterm\n"                      /* 10 */
        "resize 1280 720\n"              /* 11 */
        "lang ru\n"                      /* 12 */
        "wait 2000\n"                    /* 13 */
        "state\n"                        /* 14 */
        "screenshot out.png\n");         /* 15 */
    assert_int_equal(s.n, 15);
    const struct {
        ReplayOp op;
        const char *arg;
        int n_num;
        double num[5];
    } want[] = {
        {RC_OPEN, "karlag-artists", 1, {3}},
        {RC_OPEN, "karlag-artists", 0, {0}},
        {RC_KEY, "PageDown", 0, {0}},
        {RC_TAP, NULL, 2, {0.9, 0.5}},
        {RC_CLICK, NULL, 2, {0, 1}},
        {RC_SWIPE, NULL, 5, {0.8, 0.5, 0.2, 0.5, 250}},
        {RC_DRAG, NULL, 5, {0.1, 0.2, 0.3, 0.4, 500}},
        {RC_PINCH, NULL, 5, {0.5, 0.5, 1.0, 2.5, 400}},
        {RC_CLOSE, NULL, 0, {0}},
        {RC_SIGTERM, NULL, 0, {0}},
        {RC_RESIZE, NULL, 2, {1280, 720}},
        {RC_LANG, "ru", 0, {0}},
        {RC_WAIT, NULL, 1, {2000}},
        {RC_STATE, NULL, 0, {0}},
        {RC_SCREENSHOT, "out.png", 0, {0}},
    };
    for (int i = 0; i < 15; i++) {
        const ReplayCmd *c = &s.cmds[i];
        assert_int_equal(c->op, want[i].op);
        assert_int_equal(c->line, i + 1);
        if (want[i].arg)
            assert_string_equal(c->arg, want[i].arg);
        else
            assert_null(c->arg);
        assert_int_equal(c->n_num, want[i].n_num);
        for (int k = 0; k < c->n_num; k++)
            assert_true(c->num[k] == want[i].num[k]);
    }
    replay_free(&s);
}

static void argument_column_is_recorded(void **state)
{
    (void)state;
    ReplayScript s = parse_ok("  open   karlag 2\nkey\tEscape\n");
    assert_int_equal(s.cmds[0].arg_col, 10);
    assert_int_equal(s.cmds[1].arg_col, 5);
    replay_free(&s);
}

static void comments_and_blank_lines_are_skipped(void **state)
{
    (void)state;
    ReplayScript s = parse_ok(
        "# a replay\n"
        "\n"
        "   \t  \n"
        "state   # print it\n"
        "    # indented comment\n"
        "wait 10#no space before the comment\n");
    assert_int_equal(s.n, 2);
    assert_int_equal(s.cmds[0].op, RC_STATE);
    assert_int_equal(s.cmds[0].line, 4);
    assert_int_equal(s.cmds[1].op, RC_WAIT);
    assert_int_equal(s.cmds[1].line, 6);
    assert_true(s.cmds[1].num[0] == 10);
    replay_free(&s);
}

static void crlf_line_endings_and_no_final_newline(void **state)
{
    (void)state;
    ReplayScript s = parse_ok("key Right\r\nwait 5\r\nstate");
    assert_int_equal(s.n, 3);
    assert_string_equal(s.cmds[0].arg, "Right");
    assert_int_equal(s.cmds[2].op, RC_STATE);
    assert_int_equal(s.cmds[2].line, 3);
    replay_free(&s);
}

static void empty_script_is_good_and_empty(void **state)
{
    (void)state;
    ReplayScript s = parse_ok("");
    assert_int_equal(s.n, 0);
    replay_free(&s);
    s = parse_ok("# only a comment\n\n");
    assert_int_equal(s.n, 0);
    replay_free(&s);
}

static void fraction_bounds_are_inclusive(void **state)
{
    (void)state;
    ReplayScript s = parse_ok("tap 0 0\ntap 1 1\nclick 1.0 0.0\n");
    assert_int_equal(s.n, 3);
    replay_free(&s);
}

static void wait_up_to_a_week_is_accepted(void **state)
{
    (void)state;
    ReplayScript s = parse_ok("wait 604800000\nwait 0\n");
    assert_true(s.cmds[0].num[0] == (double)REPLAY_MAX_WAIT_MS);
    replay_free(&s);
}

static void replay_free_is_safe_twice_and_on_empty(void **state)
{
    (void)state;
    ReplayScript s = parse_ok("state\n");
    replay_free(&s);
    replay_free(&s);
    replay_free(NULL);
}

/* ---- errors ----------------------------------------------------------------- */

static void unknown_command_names_line_and_column(void **state)
{
    (void)state;
    assert_error("state\nwait 10\ntapp 0.5 0.5\n", "script:3:1: error: unknown command \"tapp\"\n");
    assert_error("\n\n\n   Key Right\n", "script:4:4: error: unknown command \"Key\"\n");
}

static void tap_outside_the_window_is_rejected(void **state)
{
    (void)state;
    assert_error("tap 1.5 0.5\n",
                 "script:1:5: error: 1.5 is outside 0..1 (coordinates are fractions of the window)\n");
    assert_error("click 0.5 -0.1\n",
                 "script:1:11: error: -0.1 is outside 0..1 (coordinates are fractions of the window)\n");
    assert_error("tap 960 540\n",
                 "script:1:5: error: 960 is outside 0..1 (coordinates are fractions of the window)\n");
}

static void too_few_numbers(void **state)
{
    (void)state;
    assert_error("tap 0.5\n", "script:1:1: error: \"tap\" needs 2 numbers, got 1\n");
    assert_error("swipe 0.8 0.5 0.2 0.5\n", "script:1:1: error: \"swipe\" needs 5 numbers, got 4\n");
    assert_error("wait\n", "script:1:1: error: \"wait\" needs 1 number, got 0\n");
}

static void too_many_arguments(void **state)
{
    (void)state;
    assert_error("tap 0.5 0.5 0.5\n", "script:1:13: error: too many arguments for \"tap\"\n");
    assert_error("state now\n", "script:1:7: error: too many arguments for \"state\"\n");
    assert_error("open x 1 2\n", "script:1:10: error: too many arguments for \"open\"\n");
    assert_error("key Ctrl + Q\n", "script:1:10: error: too many arguments for \"key\"\n");
}

static void missing_word_argument(void **state)
{
    (void)state;
    assert_error("open\n", "script:1:1: error: \"open\" needs an argument\n");
    assert_error("  key   # nothing\n", "script:1:3: error: \"key\" needs an argument\n");
    assert_error("lang\n", "script:1:1: error: \"lang\" needs an argument\n");
    assert_error("screenshot\n", "script:1:1: error: \"screenshot\" needs an argument\n");
}

static void not_a_number(void **state)
{
    (void)state;
    assert_error("wait 10ms\n", "script:1:6: error: \"10ms\" is not a number\n");
    assert_error("tap x 0.5\n", "script:1:5: error: \"x\" is not a number\n");
    assert_error("wait nan\n", "script:1:6: error: \"nan\" is not a number\n");
    assert_error("wait inf\n", "script:1:6: error: \"inf\" is not a number\n");
}

static void huge_or_negative_wait_is_rejected(void **state)
{
    (void)state;
    assert_error("wait 604800001\n", "script:1:6: error: 604800001 is out of range for \"wait\"\n");
    assert_error("wait 1e300\n", "script:1:6: error: 1e300 is out of range for \"wait\"\n");
    assert_error("wait -1\n", "script:1:6: error: -1 is out of range for \"wait\"\n");
}

static void other_ranges_are_checked(void **state)
{
    (void)state;
    assert_error("swipe 0.8 0.5 0.2 0.5 60001\n",
                 "script:1:23: error: 60001 is out of range for \"swipe\"\n");
    assert_error("resize 0 720\n", "script:1:8: error: 0 is out of range for \"resize\"\n");
    assert_error("resize 1920 20000\n", "script:1:13: error: 20000 is out of range for \"resize\"\n");
    assert_error("open karlag 0\n", "script:1:13: error: 0 is out of range for \"open\"\n");
}

static void wheel_takes_a_point_and_whole_notches(void **state)
{
    (void)state;
    ReplayScript s = parse_ok("wheel 0.5 0.25 3\nwheel 0 1 -100\n");
    assert_int_equal(s.cmds[0].op, RC_WHEEL);
    assert_int_equal(s.cmds[0].n_num, 3);
    assert_true(s.cmds[0].num[1] == 0.25 && s.cmds[0].num[2] == 3);
    assert_true(s.cmds[1].num[2] == -100);
    assert_false(replay_changes_files(&s));
    replay_free(&s);
    assert_error("wheel 0.5 0.5 0\n", "script:1:15: error: 0 is out of range for \"wheel\" (notches: a whole "
                 "number from -100 to 100, not 0)\n");
    assert_error("wheel 0.5 0.5 1.5\n", "script:1:15: error: 1.5 is out of range for \"wheel\" (notches: a whole "
                 "number from -100 to 100, not 0)\n");
    assert_error("wheel 1.5 0.5 1\n", "script:1:7: error: 1.5 is out of range for \"wheel\" (coordinates are "
                 "fractions of the window, 0..1)\n");
    assert_error("wheel 0.5 0.5\n", "script:1:1: error: \"wheel\" needs 3 numbers, got 2\n");
}

static void soak_takes_its_edits_counts_seed_and_pin(void **state)
{
    (void)state;
    ReplayScript s = parse_ok("soak ../fixtures/soak-edits 100000 200 20260101 2468\n"
                              "soak edits 10 0 9007199254740991\n");
    assert_int_equal(s.cmds[0].op, RC_SOAK);
    assert_string_equal(s.cmds[0].arg, "../fixtures/soak-edits");
    assert_int_equal(s.cmds[0].n_num, 4);
    assert_true(s.cmds[0].num[0] == 100000 && s.cmds[0].num[1] == 200 && s.cmds[0].num[2] == 20260101 &&
                s.cmds[0].num[3] == 2468);
    assert_int_equal(s.cmds[1].n_num, 3);
    assert_true(replay_changes_files(&s)); /* its reloads: the folder is watched */
    replay_free(&s);
    s = parse_ok("soak edits 10 0 1\n");
    assert_false(replay_changes_files(&s)); /* none */
    replay_free(&s);
    assert_error("soak edits 10 3 1\n", "script:1:15: error: 3 is out of range for \"soak\" (RELOADS: an even "
                 "number from 0 to 100000, as each change is put back)\n");
    assert_error("soak edits 0 2 1\n", "script:1:12: error: 0 is out of range for \"soak\" (INPUTS: a whole "
                 "number from 1 to 10000000)\n");
    assert_error("soak edits 10 2 -1\n", "script:1:17: error: -1 is out of range for \"soak\" (SEED: a whole "
                 "number from 0 to 2^53-1)\n");
    assert_error("soak edits 10 2 1 0123\n", "script:1:19: error: 0123 is out of range for \"soak\" (PIN: 4 to "
                 "12 digits, the first not 0)\n");
    assert_error("soak /abs 10 2 1\n", "script:1:6: error: \"/abs\" must be a relative path (from the "
                 "script's folder)\n");
    assert_error("soak edits 10 2\n", "script:1:1: error: \"soak\" needs 3 numbers, got 2\n");
}

static void columns_count_characters_not_bytes(void **state)
{
    (void)state;
    /* "выставка" is 8 characters in 16 bytes: "0" is in column 15 */
    assert_error("open выставка 0\n", "script:1:15: error: 0 is out of range for \"open\"\n");
    assert_error("lang қаз extra\n", "script:1:10: error: too many arguments for \"lang\"\n");
}

static void bad_key_modifier_is_an_error(void **state)
{
    (void)state;
    assert_error("key Hyper+X\n",
                 "script:1:5: error: bad key \"Hyper+X\" (modifiers are Ctrl+, Alt+, Shift+, Gui+)\n");
    assert_error("key Ctrl+\n",
                 "script:1:5: error: bad key \"Ctrl+\" (modifiers are Ctrl+, Alt+, Shift+, Gui+)\n");
}

static void every_bad_line_is_reported(void **state)
{
    (void)state;
    DiagList d = parse_bad("tapp\nstate\nwait x\nclose\nzoom 2\n");
    assert_int_equal(d.n, 3);
    assert_int_equal(d.items[0].line, 1);
    assert_int_equal(d.items[1].line, 3);
    assert_int_equal(d.items[2].line, 5);
    for (int i = 0; i < d.n; i++) {
        assert_int_equal(d.items[i].level, DIAG_ERROR);
        assert_string_equal(d.items[i].file, "script");
    }
    diag_clear(&d);
}

/* ---- key names ----------------------------------------------------------------- */

static void split_key_with_two_modifiers(void **state)
{
    (void)state;
    unsigned mods = 99;
    const char *name = NULL;
    const char *spec = "Ctrl+Shift+PageDown";
    assert_true(replay_split_key(spec, &mods, &name));
    assert_int_equal(mods, MOD_CTRL | MOD_SHIFT);
    assert_string_equal(name, "PageDown");
    assert_ptr_equal(name, spec + 11); /* points into spec */
}

static void split_key_without_modifiers(void **state)
{
    (void)state;
    unsigned mods = 99;
    const char *name = NULL;
    assert_true(replay_split_key("Escape", &mods, &name));
    assert_int_equal(mods, 0);
    assert_string_equal(name, "Escape");
}

static void split_key_modifiers_are_case_insensitive(void **state)
{
    (void)state;
    unsigned mods;
    const char *name;
    assert_true(replay_split_key("ctrl+ALT+shift+Gui+q", &mods, &name));
    assert_int_equal(mods, MOD_CTRL | MOD_ALT | MOD_SHIFT | MOD_GUI);
    assert_string_equal(name, "q");
    assert_true(replay_split_key("Alt+F4", &mods, &name));
    assert_int_equal(mods, MOD_ALT);
    assert_string_equal(name, "F4");
}

static void split_key_plus_is_the_plus_key(void **state)
{
    (void)state;
    unsigned mods;
    const char *name;
    assert_true(replay_split_key("+", &mods, &name));
    assert_int_equal(mods, 0);
    assert_string_equal(name, "+");
    assert_true(replay_split_key("Ctrl++", &mods, &name));
    assert_int_equal(mods, MOD_CTRL);
    assert_string_equal(name, "+");
    assert_true(replay_split_key("Ctrl+Shift++", &mods, &name));
    assert_int_equal(mods, MOD_CTRL | MOD_SHIFT);
    assert_string_equal(name, "+");
}

static void split_key_rejects_what_is_not_a_key(void **state)
{
    (void)state;
    unsigned mods;
    const char *name;
    assert_false(replay_split_key("", &mods, &name));
    assert_false(replay_split_key("Ctrl+", &mods, &name));       /* a modifier, no key */
    assert_false(replay_split_key("Ctrl+Shift+", &mods, &name));
    assert_false(replay_split_key("Hyper+X", &mods, &name));
    assert_false(replay_split_key("+X", &mods, &name));          /* empty modifier */
    assert_false(replay_split_key("Ctrl++X", &mods, &name));
}

static void key_command_with_plus_parses(void **state)
{
    (void)state;
    ReplayScript s = parse_ok("key +\nkey Ctrl++\nkey Ctrl+Shift+PageDown\n");
    assert_int_equal(s.n, 3);
    assert_string_equal(s.cmds[0].arg, "+");
    assert_string_equal(s.cmds[1].arg, "Ctrl++");
    assert_string_equal(s.cmds[2].arg, "Ctrl+Shift+PageDown");
    replay_free(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_command_parses_with_its_numbers),
        cmocka_unit_test(argument_column_is_recorded),
        cmocka_unit_test(comments_and_blank_lines_are_skipped),
        cmocka_unit_test(crlf_line_endings_and_no_final_newline),
        cmocka_unit_test(empty_script_is_good_and_empty),
        cmocka_unit_test(fraction_bounds_are_inclusive),
        cmocka_unit_test(wait_up_to_a_week_is_accepted),
        cmocka_unit_test(replay_free_is_safe_twice_and_on_empty),
        cmocka_unit_test(unknown_command_names_line_and_column),
        cmocka_unit_test(tap_outside_the_window_is_rejected),
        cmocka_unit_test(too_few_numbers),
        cmocka_unit_test(too_many_arguments),
        cmocka_unit_test(missing_word_argument),
        cmocka_unit_test(not_a_number),
        cmocka_unit_test(huge_or_negative_wait_is_rejected),
        cmocka_unit_test(other_ranges_are_checked),
        cmocka_unit_test(wheel_takes_a_point_and_whole_notches),
        cmocka_unit_test(soak_takes_its_edits_counts_seed_and_pin),
        cmocka_unit_test(columns_count_characters_not_bytes),
        cmocka_unit_test(bad_key_modifier_is_an_error),
        cmocka_unit_test(every_bad_line_is_reported),
        cmocka_unit_test(split_key_with_two_modifiers),
        cmocka_unit_test(split_key_without_modifiers),
        cmocka_unit_test(split_key_modifiers_are_case_insensitive),
        cmocka_unit_test(split_key_plus_is_the_plus_key),
        cmocka_unit_test(split_key_rejects_what_is_not_a_key),
        cmocka_unit_test(key_command_with_plus_parses),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
