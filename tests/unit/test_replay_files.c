/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_replay_files.c - the replay commands that change files (copy,
 * write-part, move, remove): how they parse, which paths they refuse, and
 * what they do on disk.
 */
#define _XOPEN_SOURCE 700 /* mkdtemp() */

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "diag_support.h"
#include "replay.h"
#include "replay_files.h"

/* ---- parsing ------------------------------------------------------------------- */

static void file_commands_parse_with_both_paths(void **state)
{
    (void)state;
    ReplayScript s;
    DiagList d = {0};
    assert_true(replay_parse("copy ../fixtures/a.json steppe/exhibition.json\n"
                             "write-part ../fixtures/big.svg new/images/Сурет-1.svg 4000\n"
                             "move .staging/new new\n"
                             "remove steppe\n"
                             "state\n",
                             "s.script", &s, &d) ||
                (print_diags(&d), false));
    assert_int_equal(s.n, 5);
    assert_int_equal(s.cmds[0].op, RC_COPY);
    assert_string_equal(s.cmds[0].arg, "../fixtures/a.json");
    assert_string_equal(s.cmds[0].arg2, "steppe/exhibition.json");
    assert_int_equal(s.cmds[0].arg2_col, 25);
    assert_int_equal(s.cmds[1].op, RC_WRITE_PART);
    assert_string_equal(s.cmds[1].arg2, "new/images/Сурет-1.svg");
    assert_int_equal(s.cmds[1].n_num, 1);
    replay_free(&s);
    assert_true(replay_changes_files(NULL) == false);
    diag_clear(&d);
}

static void file_commands_in_detail(void **state)
{
    (void)state;
    ReplayScript s;
    DiagList d = {0};
    /* words end at blanks: a file name with a space cannot be written */
    assert_false(replay_parse("write-part ../fixtures/big.svg new/images/Сурет 1.svg 4000\n", "s", &s, &d));
    assert_diag(&d, "s:1:49: error: \"1.svg\" is not a number");
    diag_clear(&d);
    assert_true(replay_parse("write-part ../f/big.svg new/big.svg 4000\nmove a b\nremove x/y\n", "s", &s, &d));
    assert_int_equal(s.cmds[0].n_num, 1);
    assert_true(s.cmds[0].num[0] == 4000.0);
    assert_int_equal(s.cmds[1].op, RC_MOVE);
    assert_int_equal(s.cmds[2].op, RC_REMOVE);
    assert_null(s.cmds[2].arg2);
    assert_true(replay_changes_files(&s));
    replay_free(&s);
    assert_true(replay_parse("state\nwait 10\n", "s", &s, &d));
    assert_false(replay_changes_files(&s));
    replay_free(&s);
    diag_clear(&d);
}

/* What the destination may be: inside the exhibitions folder only. */
static void paths_that_leave_the_folder_are_refused(void **state)
{
    (void)state;
    static const struct { const char *line, *expect; } cases[] = {
        {"copy a.json /etc/passwd\n", "s:1:13: error: \"/etc/passwd\" must be a relative path inside"},
        {"copy a.json ../outside.json\n", "s:1:13: error: \"../outside.json\" must be a relative path"},
        {"copy a.json ex/../../x\n", "s:1:13: error: \"ex/../../x\" must be a relative path"},
        {"copy /etc/passwd ex/x\n", "s:1:6: error: \"/etc/passwd\" must be a relative path (from the script's folder)"},
        {"remove ..\n", "s:1:8: error: \"..\" must be a relative path inside"},
        {"move ../a b\n", "s:1:6: error: \"../a\" must be a relative path inside"},
        {"copy only-one\n", "s:1:1: error: \"copy\" needs a source and a destination"},
        {"remove\n", "s:1:1: error: \"remove\" needs an argument"},
        {"write-part a b\n", "s:1:1: error: \"write-part\" needs 1 number, got 0"},
        {"write-part a b 0\n", "s:1:16: error: 0 is out of range for \"write-part\""},
        {"write-part a b 1.5\n", "s:1:16: error: 1.5 is out of range for \"write-part\""},
        {"remove a b\n", "s:1:10: error: too many arguments for \"remove\""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ReplayScript s;
        DiagList d = {0};
        assert_false(replay_parse(cases[i].line, "s", &s, &d));
        assert_diag(&d, cases[i].expect);
        diag_clear(&d);
    }
    /* names that only look like "..": fine */
    ReplayScript s;
    DiagList d = {0};
    assert_true(replay_parse("copy a ..a/b..\nremove .staging\n", "s", &s, &d));
    replay_free(&s);
}

/* ---- running them ------------------------------------------------------------- */

typedef struct {
    char *tmp;              /* holds scripts/ (sources) and ex/ (the exhibitions folder) */
    char script[1024];
    char ex[1024];
    ReplayFiles files;
} Disk;

static void put(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    static char buf[4096];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    return buf;
}

static Disk *disk_new(void)
{
    Disk *k = calloc(1, sizeof *k);
    assert_non_null(k);
    k->tmp = make_tmpdir();
    char p[1100];
    snprintf(p, sizeof p, "%s/scripts", k->tmp);
    assert_int_equal(mkdir(p, 0755), 0);
    snprintf(p, sizeof p, "%s/scripts/src", k->tmp);
    assert_int_equal(mkdir(p, 0755), 0);
    snprintf(p, sizeof p, "%s/scripts/src/a.txt", k->tmp);
    put(p, "0123456789");
    snprintf(p, sizeof p, "%s/scripts/src/sub", k->tmp);
    assert_int_equal(mkdir(p, 0755), 0);
    snprintf(p, sizeof p, "%s/scripts/src/sub/b.txt", k->tmp);
    put(p, "Бұл файл");
    snprintf(k->script, sizeof k->script, "%s/scripts/test.script", k->tmp);
    snprintf(k->ex, sizeof k->ex, "%s/ex", k->tmp);
    assert_int_equal(mkdir(k->ex, 0755), 0);
    assert_true(replay_files_init(&k->files, k->script, k->ex));
    return k;
}

static void disk_free(Disk *k)
{
    replay_files_free(&k->files);
    rm_rf(k->tmp);
    free(k->tmp);
    free(k);
}

/* Parse one command and run it. */
static bool run(Disk *k, const char *line, char *err, size_t n)
{
    ReplayScript s;
    DiagList d = {0};
    assert_true(replay_parse(line, "s", &s, &d));
    assert_int_equal(s.n, 1);
    bool ok = replay_files_run(&k->files, &s.cmds[0], err, n);
    replay_free(&s);
    return ok;
}

static const char *in_ex(Disk *k, const char *rel)
{
    static char p[1200];
    snprintf(p, sizeof p, "%s/%s", k->ex, rel);
    return p;
}

static void copy_move_and_remove(void **state)
{
    (void)state;
    Disk *k = disk_new();
    char err[512];
    assert_true(run(k, "copy src/a.txt new/deep/a.txt\n", err, sizeof err)); /* folders made */
    assert_string_equal(slurp(in_ex(k, "new/deep/a.txt")), "0123456789");
    assert_true(run(k, "copy src .staging/tree\n", err, sizeof err)); /* a whole folder */
    assert_string_equal(slurp(in_ex(k, ".staging/tree/sub/b.txt")), "Бұл файл");
    assert_true(run(k, "move .staging/tree tree\n", err, sizeof err));
    assert_string_equal(slurp(in_ex(k, "tree/a.txt")), "0123456789");
    assert_null(slurp(in_ex(k, ".staging/tree/a.txt")));
    assert_true(run(k, "remove tree\n", err, sizeof err));
    struct stat st;
    assert_int_not_equal(stat(in_ex(k, "tree"), &st), 0);
    assert_false(run(k, "remove tree\n", err, sizeof err));
    assert_non_null(strstr(err, "cannot remove"));
    assert_false(run(k, "copy src/missing.txt x\n", err, sizeof err));
    assert_non_null(strstr(err, "cannot copy"));
    assert_non_null(strstr(err, "src/missing.txt"));
    disk_free(k);
}

/* A slow copy: each part appends; the file stays open until the end. */
static void write_part_appends_until_the_end(void **state)
{
    (void)state;
    Disk *k = disk_new();
    char err[512];
    assert_true(run(k, "write-part src/a.txt slow/a.txt 4\n", err, sizeof err));
    assert_string_equal(slurp(in_ex(k, "slow/a.txt")), "0123");
    assert_int_equal(k->files.n_parts, 1);
    assert_true(run(k, "write-part src/a.txt slow/a.txt 4\n", err, sizeof err));
    assert_string_equal(slurp(in_ex(k, "slow/a.txt")), "01234567");
    assert_int_equal(k->files.n_parts, 1);
    assert_true(run(k, "write-part src/a.txt slow/a.txt 2\n", err, sizeof err)); /* exactly the end */
    assert_string_equal(slurp(in_ex(k, "slow/a.txt")), "0123456789");
    assert_int_equal(k->files.n_parts, 0); /* closed */
    /* again from the start: a new copy truncates */
    assert_true(run(k, "write-part src/a.txt slow/a.txt 3\n", err, sizeof err));
    assert_string_equal(slurp(in_ex(k, "slow/a.txt")), "012");
    assert_true(run(k, "write-part src/a.txt slow/a.txt 1000\n", err, sizeof err));
    assert_string_equal(slurp(in_ex(k, "slow/a.txt")), "0123456789");
    assert_int_equal(k->files.n_parts, 0);
    /* left open at the end: replay_files_free closes it */
    assert_true(run(k, "write-part src/a.txt other.txt 1\n", err, sizeof err));
    assert_int_equal(k->files.n_parts, 1);
    disk_free(k);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(file_commands_parse_with_both_paths),
        cmocka_unit_test(file_commands_in_detail),
        cmocka_unit_test(paths_that_leave_the_folder_are_refused),
        cmocka_unit_test(copy_move_and_remove),
        cmocka_unit_test(write_part_appends_until_the_end),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
