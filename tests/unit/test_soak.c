/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_soak.c - the soak test's script (soak.h): the edits it reads, and a
 * script that is the same for the same seed, parses, keeps its changes
 * apart and puts them back, ends the lectures it starts, never types the
 * right PIN by chance, and begins and ends in the same known state.
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

#include "diag_support.h"
#include "replay.h"
#include "soak.h"

#define EDITS FIXTURES "/soak-edits"
#define PIN "2468"

static SoakParams params(long inputs, int reloads, uint64_t seed)
{
    SoakParams p = {
        .edits = "../fixtures/soak-edits", .inputs = inputs, .reloads = reloads, .seed = seed,
        .pin_set = true, .pin = PIN, .idle_ms = 20000, .warning_ms = 5000, .attract_delay_ms = 10000,
        .langs = {"kk", "ru", "en"}, .n_langs = 3,
    };
    return p;
}

static SoakPlan fixture_plan(void)
{
    SoakPlan plan;
    char err[256];
    if (!soak_plan_load(&plan, EDITS, err, sizeof err))
        fail_msg("%s", err);
    return plan;
}

static ReplayScript parsed(const char *text)
{
    ReplayScript s;
    DiagList d = {0};
    bool ok = replay_parse(text, "soak", &s, &d);
    if (!ok || d.n) {
        print_diags(&d);
        fail_msg("the soak's script does not parse");
    }
    diag_clear(&d);
    return s;
}

/* A script written for the fixture's edits, and parsed. */
typedef struct {
    SoakPlan plan;
    SoakCounts c;
    char *text;
    ReplayScript s;
} Generated;

static Generated generate(SoakParams p)
{
    Generated g;
    g.plan = fixture_plan();
    g.text = soak_script(&g.plan, &p, &g.c);
    assert_non_null(g.text);
    g.s = parsed(g.text);
    return g;
}

static void generated_free(Generated *g)
{
    replay_free(&g->s);
    free(g->text);
    soak_plan_free(&g->plan);
}

/* ---- the edits ---------------------------------------------------------------- */

static void the_fixtures_edits_are_read_sorted(void **state)
{
    (void)state;
    SoakPlan p = fixture_plan();
    assert_int_equal(p.n, 3);
    assert_string_equal(p.ex[0].id, "letters");
    assert_string_equal(p.ex[1].id, "photos");
    assert_string_equal(p.ex[2].id, "steppe");
    assert_int_equal(p.ex[1].n_variants, 3);
    assert_string_equal(p.ex[1].variants[0], "added.json");
    assert_string_equal(p.ex[1].variants[1], "broken.json");
    assert_string_equal(p.ex[1].variants[2], "removed.json");
    assert_int_equal(p.ex[1].n_replacements, 2);
    assert_string_equal(p.ex[1].replacements[0], "images/map.png");
    assert_string_equal(p.ex[1].replacements[1], "images/photo.jpg");
    assert_int_equal(p.ex[2].n_replacements, 0);
    soak_plan_free(&p);
    soak_plan_free(&p); /* twice is fine */
}

static void bad_edits_are_refused_with_a_reason(void **state)
{
    (void)state;
    SoakPlan p;
    char err[512];
    assert_false(soak_plan_load(&p, FIXTURES "/no-such-folder", err, sizeof err));
    assert_non_null(strstr(err, "cannot read the soak's edits in"));

    char *tmp = make_tmpdir();
    assert_false(soak_plan_load(&p, tmp, err, sizeof err));
    assert_non_null(strstr(err, "holds no exhibition's edits"));
    write_tree_file(tmp, "steppe/added.json", "{}");
    assert_false(soak_plan_load(&p, tmp, err, sizeof err));
    assert_non_null(strstr(err, "has no exhibition.json"));
    write_tree_file(tmp, "steppe/exhibition.json", "{}");
    write_tree_file(tmp, "steppe/notes.txt", "?");
    assert_false(soak_plan_load(&p, tmp, err, sizeof err));
    assert_non_null(strstr(err, "notes.txt: only manifests"));
    char notes[600];
    snprintf(notes, sizeof notes, "%s/steppe/notes.txt", tmp);
    unlink(notes);
    write_tree_file(tmp, "stray.json", "{}");
    assert_false(soak_plan_load(&p, tmp, err, sizeof err));
    assert_non_null(strstr(err, "stray.json: the edits are one folder per exhibition"));
    rm_rf(tmp);
    free(tmp);
}

/* ---- the script ---------------------------------------------------------------- */

static void the_same_seed_writes_the_same_script(void **state)
{
    (void)state;
    SoakPlan plan = fixture_plan();
    SoakParams p = params(3000, 20, 42);
    SoakCounts c1, c2, c3;
    char *a = soak_script(&plan, &p, &c1), *b = soak_script(&plan, &p, &c2);
    p.seed = 43;
    char *other = soak_script(&plan, &p, &c3);
    assert_non_null(a);
    assert_string_equal(a, b);
    assert_memory_equal(&c1, &c2, sizeof c1);
    assert_string_not_equal(a, other);
    free(a);
    free(b);
    free(other);
    soak_plan_free(&plan);
}

static bool starts(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Virtual time of one command, as the replay runs it (docs/replay.md). */
static uint64_t takes(const ReplayCmd *c)
{
    long ms = c->op == RC_SWIPE || c->op == RC_DRAG || c->op == RC_PINCH ? (long)c->num[4] : 0;
    long steps = ms / 16 < 1 ? 1 : ms / 16;
    switch (c->op) {
    case RC_TAP: case RC_CLICK: return 60;
    case RC_SWIPE: case RC_DRAG: case RC_PINCH: return (uint64_t)((ms / steps) * steps);
    case RC_HOLD: case RC_WAIT: return (uint64_t)c->num[0];
    default: return 0;
    }
}

static bool is_file(ReplayOp op)
{
    return op == RC_COPY || op == RC_WRITE_PART || op == RC_MOVE || op == RC_REMOVE;
}

static void every_input_is_counted_and_the_script_parses(void **state)
{
    (void)state;
    Generated g = generate(params(20000, 40, 7));
    const SoakCounts c = g.c;
    const ReplayScript s = g.s;
    long sum = 0;
    for (int k = 0; k < SOAK_KINDS; k++) {
        sum += c.kind[k];
        assert_true(c.kind[k] > 0 || k == SOAK_CLOSE); /* every kind comes in 20,000 */
        assert_string_not_equal(soak_kind_name((SoakKind)k), "?");
    }
    assert_int_equal(sum, 20000);
    assert_int_equal(c.reloads, 40);
    assert_int_equal(c.kind[SOAK_LECTURE] % 2, 0); /* each start has its end */
    uint64_t t = 0;
    for (int i = 0; i < s.n; i++)
        t += takes(&s.cmds[i]);
    assert_int_equal(t, c.virtual_ms);
    long lines = 0;
    for (const char *q = g.text; *q; q++)
        lines += *q == '\n';
    assert_int_equal(lines, c.lines);
    generated_free(&g);
}

/* Changes: apart enough to load one at a time, each one reload (a slow
 * copy's two parts one, when the second closes it), and put back. */
static void changes_are_apart_and_put_back(void **state)
{
    (void)state;
    Generated g = generate(params(5000, 60, 11));
    const ReplayScript s = g.s;
    uint64_t t = 0, last = 0, part_at = 0;
    int groups = 0, moved_out = 0, replaced = 0, variants = 0, slow = 0;
    bool in_part = false;
    for (int i = 0; i < s.n; i++) {
        const ReplayCmd *cmd = &s.cmds[i];
        t += takes(cmd);
        if (!is_file(cmd->op))
            continue;
        bool follows = i > 0 && is_file(s.cmds[i - 1].op); /* the same moment: one change */
        if (cmd->op == RC_WRITE_PART && cmd->num[0] < 1000) { /* a slow copy's first part */
            assert_false(in_part);
            in_part = true;
            part_at = t;
            slow++;
            assert_true(groups == 0 || t >= last + SOAK_RELOAD_GAP_MS);
            continue;
        }
        if (in_part) { /* its rest, within the watcher's patience */
            assert_int_equal(cmd->op, RC_WRITE_PART);
            assert_true(t - part_at < 30000);
            in_part = false;
        } else if (!follows) {
            assert_true(groups == 0 || t >= last + SOAK_RELOAD_GAP_MS);
        }
        if (!follows) {
            groups++;
            last = t;
        }
        if (cmd->op == RC_MOVE && starts(cmd->arg2, ".soak/"))
            moved_out++;
        if (cmd->op == RC_MOVE && starts(cmd->arg, ".soak/"))
            moved_out--;
        if (cmd->op == RC_MOVE && starts(cmd->arg2, ".soak-images/"))
            replaced++;
        if (cmd->op == RC_MOVE && starts(cmd->arg, ".soak-images/"))
            replaced--;
        if (cmd->op == RC_COPY && strstr(cmd->arg2, "/exhibition.json"))
            variants += strstr(cmd->arg, "/exhibition.json") ? -1 : 1;
        assert_true(moved_out >= 0 && moved_out <= 1 && replaced >= 0 && replaced <= 1);
    }
    assert_false(in_part);
    assert_int_equal(groups, 60);
    assert_int_equal(g.c.reloads, 60);
    assert_int_equal(moved_out, 0);
    assert_int_equal(replaced, 0);
    assert_int_equal(variants + slow, 0); /* every variant put back */
    generated_free(&g);
}

/* The PIN is typed only to start and end lectures; a wrong one never is the
 * right one by chance; every lecture started ends. */
static void the_right_pin_only_for_lectures(void **state)
{
    (void)state;
    SoakParams p = params(20000, 0, 5);
    Generated g = generate(p);
    const ReplayScript s = g.s;
    int opened = 0, right = 0, wrong = 0;
    for (int i = 0; i < s.n; i++) {
        const ReplayCmd *cmd = &s.cmds[i];
        bool chord = cmd->op == RC_KEY && strcmp(cmd->arg, "Ctrl+Alt+Shift+q") == 0;
        bool corner = cmd->op == RC_SWIPE && cmd->num[4] == 3500;
        if (!chord && !corner)
            continue;
        opened++;
        char typed[16] = "";
        int k = i + 1;
        for (; k < s.n && s.cmds[k].op == RC_KEY && strlen(s.cmds[k].arg) == 1; k++)
            strncat(typed, s.cmds[k].arg, sizeof typed - strlen(typed) - 1);
        assert_true(k < s.n && strcmp(s.cmds[k].arg, "Return") == 0);
        if (strcmp(typed, PIN) == 0) {
            right++;
            assert_true(chord);
        } else {
            wrong++;
            assert_true(strlen(typed) >= 4);
            assert_string_equal(s.cmds[k + 1].arg, "Escape"); /* and the pad closed */
        }
    }
    assert_int_equal(wrong, g.c.kind[SOAK_WRONG_PIN]);
    assert_int_equal(right, g.c.kind[SOAK_LECTURE]);
    assert_true(right >= 2 && wrong >= 10);
    assert_int_equal(opened, right + wrong);

    SoakCounts c;
    p.pin = NULL; /* a PIN is set but the soak does not know it: no lectures */
    char *text = soak_script(&g.plan, &p, &c);
    assert_int_equal(c.kind[SOAK_LECTURE], 0);
    assert_true(c.kind[SOAK_WRONG_PIN] > 0);
    free(text);
    p.pin_set = false; /* no PIN: the chord opens the menu, nothing to get wrong */
    text = soak_script(&g.plan, &p, &c);
    assert_int_equal(c.kind[SOAK_WRONG_PIN], 0);
    assert_true(c.kind[SOAK_LECTURE] > 0);
    assert_null(strstr(text, "key 2\nkey 4\nkey 6\nkey 8"));
    free(text);
    generated_free(&g);
}

static void known_state_at_both_ends(void **state)
{
    (void)state;
    Generated g = generate(params(500, 4, 3));
    const ReplayScript s = g.s;
    int k = g.c.known_lines;
    assert_int_equal(k, 4);
    assert_string_equal(s.cmds[0].arg, "Escape");
    assert_int_equal(s.cmds[2].op, RC_WAIT);
    assert_true(s.cmds[2].num[0] > 20000 + 5000 + 10000); /* through the reset, into attract */
    assert_int_equal(s.cmds[3].op, RC_TAP);
    for (int i = 0; i < k; i++) {
        const ReplayCmd *a = &s.cmds[i], *b = &s.cmds[s.n - k + i];
        assert_int_equal(a->op, b->op);
        assert_memory_equal(a->num, b->num, sizeof a->num);
    }
    generated_free(&g);
}

/* ---- into a replay ---------------------------------------------------------------- */

static void the_script_goes_in_after_the_soak_line(void **state)
{
    (void)state;
    Generated g = generate(params(100, 2, 9));
    const SoakCounts c = g.c;
    const ReplayScript gen = g.s;
    ReplayScript s = parsed("state\nsoak ../fixtures/soak-edits 100 2 9 2468\nstate\nkey Escape\n");
    DiagList d = {0};
    assert_true(soak_expand(&s, 1, g.text, &c, "soak", &d));
    assert_int_equal(d.n, 0);
    assert_int_equal(s.n, 4 + gen.n + 2);
    assert_int_equal(s.cmds[0].op, RC_STATE);
    assert_int_equal(s.cmds[1].op, RC_SOAK);
    int k = c.known_lines;
    assert_int_equal(s.cmds[2 + k].op, RC_SOAK_BEGIN);
    assert_int_equal(s.cmds[2 + k].line, gen.cmds[k].line);
    assert_int_equal(s.cmds[2].line, gen.cmds[0].line);
    assert_int_equal(s.cmds[2 + gen.n + 1].op, RC_SOAK_END);
    assert_int_equal(s.cmds[2 + gen.n + 2].op, RC_STATE);
    assert_string_equal(s.cmds[2 + gen.n + 3].arg, "Escape");
    assert_int_equal(s.cmds[2 + gen.n + 3].line, 4);
    replay_free(&s); /* every string freed once (ASan) */

    ReplayScript t = parsed("soak ../fixtures/soak-edits 100 2 9\n");
    assert_false(soak_expand(&t, 0, "tap 2 2\n", &c, "soak seed 9", &d));
    assert_true(has_diag(&d, "soak seed 9:1:5: error"));
    assert_int_equal(t.n, 1); /* unchanged */
    diag_clear(&d);
    replay_free(&t);
    generated_free(&g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_fixtures_edits_are_read_sorted),
        cmocka_unit_test(bad_edits_are_refused_with_a_reason),
        cmocka_unit_test(the_same_seed_writes_the_same_script),
        cmocka_unit_test(every_input_is_counted_and_the_script_parses),
        cmocka_unit_test(changes_are_apart_and_put_back),
        cmocka_unit_test(the_right_pin_only_for_lectures),
        cmocka_unit_test(known_state_at_both_ends),
        cmocka_unit_test(the_script_goes_in_after_the_soak_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
