/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_cache_policy.c - prefetch order and eviction: a visitor paging
 * forward, turning back, jumping; the cache never holds more than its
 * budget and never drops the slide on screen. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "cache_policy.h"

static void ahead_in_the_direction_of_travel_then_behind(void **state)
{
    (void)state;
    int out[8];
    int n = cache_prefetch_order(10, 4, +1, 2, 1, out, 8);
    assert_int_equal(n, 3);
    assert_int_equal(out[0], 5);
    assert_int_equal(out[1], 6);
    assert_int_equal(out[2], 3);
    n = cache_prefetch_order(10, 4, -1, 2, 1, out, 8);
    assert_int_equal(n, 3);
    assert_int_equal(out[0], 3);
    assert_int_equal(out[1], 2);
    assert_int_equal(out[2], 5);
}

static void the_ends_of_an_exhibition_are_respected(void **state)
{
    (void)state;
    int out[8];
    assert_int_equal(cache_prefetch_order(10, 9, +1, 2, 1, out, 8), 1);
    assert_int_equal(out[0], 8);
    assert_int_equal(cache_prefetch_order(1, 0, +1, 2, 1, out, 8), 0);
    assert_int_equal(cache_prefetch_order(10, 0, 0, 2, 1, out, 2), 2); /* max */
    assert_int_equal(out[0], 1);
}

static void unwanted_go_first_least_recent_first(void **state)
{
    (void)state;
    CacheItem it[] = {
        {100, 5, 0},  /* on screen */
        {100, 1, -1}, /* old and unwanted */
        {100, 3, -1}, /* newer and unwanted */
        {100, 2, 2},  /* prefetched */
    };
    assert_int_equal(cache_pick_victim(it, 4, 400, 500), -1); /* within budget */
    assert_int_equal(cache_pick_victim(it, 4, 400, 300), 1);
    it[1].bytes = 0;
    assert_int_equal(cache_pick_victim(it, 4, 300, 200), 2);
    it[2].bytes = 0;
    assert_int_equal(cache_pick_victim(it, 4, 200, 100), 3);
    it[3].bytes = 0;
    assert_int_equal(cache_pick_victim(it, 4, 100, 50), -1); /* the slide on screen stays */
}

static void of_the_prefetched_the_least_wanted_goes(void **state)
{
    (void)state;
    CacheItem it[] = {{100, 9, 1}, {100, 1, 3}, {100, 5, 2}, {100, 2, 0}};
    assert_int_equal(cache_pick_victim(it, 4, 400, 300), 1);
}

static void unwanted_arrivals_only_into_free_room(void **state)
{
    (void)state;
    assert_true(cache_admit(900, 1000, 200, 0));
    assert_true(cache_admit(900, 1000, 200, 3));
    assert_false(cache_admit(900, 1000, 200, -1));
    assert_true(cache_admit(700, 1000, 200, -1));
}

/* Room is made before a wanted arrival is admitted: unwanted entries
 * first, least recently used; then prefetched ones wanted less than it;
 * never one wanted more, nor for an arrival nobody wants. */
static void room_is_made_before_an_arrival(void **state)
{
    (void)state;
    CacheItem it[] = {
        {300, 5, 0},  /* on screen */
        {300, 9, 1},  /* the next slide */
        {300, 2, 3},  /* prefetched, less wanted */
        {100, 7, -1}, /* unwanted, recent */
        {100, 4, -1}, /* unwanted, older */
    };
    assert_int_equal(cache_pick_room(it, 5, 1100, 2000, 300, 2), -1); /* it fits */
    assert_int_equal(cache_pick_room(it, 5, 1100, 1200, 300, 2), 4);
    it[4].bytes = 0;
    assert_int_equal(cache_pick_room(it, 5, 1000, 1200, 300, 2), 3);
    it[3].bytes = 0;
    assert_int_equal(cache_pick_room(it, 5, 900, 1000, 300, 2), 2);
    it[2].bytes = 0;
    assert_int_equal(cache_pick_room(it, 5, 600, 700, 300, 2), -1); /* only more wanted ones left */
    assert_int_equal(cache_pick_room(it, 5, 600, 700, 300, -1), -1);
}

/* A visitor pages through 200 slides forward and back with the cache
 * bounded: it never holds more than the budget once it has settled, and the
 * slide on screen is always there. */
static void an_afternoon_of_paging_stays_in_budget(void **state)
{
    (void)state;
    enum { N = 200, SLOTS = 16 };
    const size_t slide = 8294400, budget = 6 * slide; /* 1080p ARGB */
    int held[SLOTS];
    CacheItem it[SLOTS];
    int n = 0;
    unsigned clock = 0;
    int cur = 0, dir = 1;
    for (int step = 0; step < 1000; step++) {
        if (step % 97 == 96)
            dir = -dir;
        int next = cur + dir;
        if (next < 0 || next >= N) {
            dir = -dir;
            next = cur + dir;
        }
        cur = next;
        int want[8];
        want[0] = cur;
        int nw = 1 + cache_prefetch_order(N, cur, dir, CACHE_AHEAD, CACHE_BEHIND, want + 1, 7);
        /* rank what is held, bring in what is wanted */
        for (int i = 0; i < n; i++) {
            it[i].rank = -1;
            for (int k = 0; k < nw; k++)
                if (held[i] == want[k])
                    it[i].rank = k;
        }
        for (int k = 0; k < nw; k++) {
            int i;
            for (i = 0; i < n && held[i] != want[k]; i++)
                ;
            if (i == n) {
                assert_true(n < SLOTS);
                held[n] = want[k];
                it[n] = (CacheItem){slide, ++clock, k};
                n++;
            } else {
                it[i].last_use = ++clock;
            }
        }
        size_t used = 0;
        for (int i = 0; i < n; i++)
            used += it[i].bytes;
        int v;
        while ((v = cache_pick_victim(it, n, used, budget)) >= 0) {
            used -= it[v].bytes;
            held[v] = held[n - 1];
            it[v] = it[n - 1];
            n--;
        }
        assert_true(used <= budget);
        bool on_screen = false;
        for (int i = 0; i < n; i++)
            on_screen |= held[i] == cur;
        assert_true(on_screen);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ahead_in_the_direction_of_travel_then_behind),
        cmocka_unit_test(the_ends_of_an_exhibition_are_respected),
        cmocka_unit_test(unwanted_go_first_least_recent_first),
        cmocka_unit_test(of_the_prefetched_the_least_wanted_goes),
        cmocka_unit_test(unwanted_arrivals_only_into_free_room),
        cmocka_unit_test(room_is_made_before_an_arrival),
        cmocka_unit_test(an_afternoon_of_paging_stays_in_budget),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
