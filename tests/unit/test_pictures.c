/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_pictures.c - what the show learns about pictures (sizes, failures),
 * and where the visitor lands after a reload (relocate.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "pictures.h"
#include "relocate.h"
#include "unit_support.h"

static void failures_once_and_sizes_remembered(void **state)
{
    (void)state;
    Library *lib = fx_library();
    fx_library_add(lib, fx_exhibition("alpha", "А", "А", "A", 3, true));
    Pictures p = {0};
    assert_true(pictures_reset(&p, lib));
    assert_false(pictures_failed(&p, lib, 0, 1));
    assert_true(pictures_loaded(&p, lib, 0, 1, false, 0, 0));
    assert_false(pictures_loaded(&p, lib, 0, 1, false, 0, 0)); /* news only once */
    assert_true(pictures_failed(&p, lib, 0, 1));
    assert_false(pictures_loaded(&p, lib, 0, 9, false, 0, 0)); /* no such slide */
    int w, h;
    assert_false(pictures_size(&p, 0, 2, &w, &h));
    pictures_loaded(&p, lib, 0, 2, true, 4000, 3000);
    assert_true(pictures_size(&p, 0, 2, &w, &h));
    assert_int_equal(w, 4000);
    for (int i = 0; i < PICTURES_SIZES; i++) /* the oldest make room */
        pictures_loaded(&p, lib, 1, i, true, 10, 10);
    assert_false(pictures_size(&p, 0, 2, &w, &h));
    assert_true(pictures_reset(&p, lib)); /* a reload forgets */
    assert_false(pictures_failed(&p, lib, 0, 1));
    pictures_free(&p);
    fx_library_free(lib);
}

static void relocate_by_image_then_by_number(void **state)
{
    (void)state;
    Exhibition *a = fx_exhibition("alpha", "А", "А", "A", 4, true);
    Exhibition *b = fx_exhibition("alpha", "А", "А", "A", 2, true);
    assert_int_equal(relocate_slide(a, 1, b), 1);  /* images/02.jpg in both */
    assert_int_equal(relocate_slide(a, 3, b), 1);  /* fewer now: the last */
    assert_int_equal(relocate_clamp(5, 0), 0);
    assert_int_equal(relocate_clamp(-1, 3), 0);
    Library *from = fx_library(), *to = fx_library();
    fx_library_add(from, a);
    fx_library_add(to, fx_exhibition("beta", "Б", "Б", "B", 1, false));
    fx_library_add(to, b);
    assert_int_equal(relocate_exhibition(from, 0, to), 1);
    assert_int_equal(relocate_exhibition(from, 1, to), -1);
    fx_library_free(from);
    fx_library_free(to);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(failures_once_and_sizes_remembered),
        cmocka_unit_test(relocate_by_image_then_by_number),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
