/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_hugemem.c - SDL's large blocks on 2 MB pages (platform/hugemem.h):
 * blocks of HUGEMEM_MIN or more are mapped and remembered, the rest are
 * malloc's; contents survive realloc across the line both ways; calloc's
 * large blocks are zeros; the block let go last is reused; a surface as the decoders make one lands there;
 * and the kernel gives the mapping huge pages where it has them. Under
 * AddressSanitizer the allocator stays SDL's (the test says so, and checks
 * only that). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "platform/hugemem.h"

static bool installed;

static void test_small_blocks_are_malloc_s(void **state)
{
    (void)state;
    void *p = SDL_malloc(1000);
    assert_non_null(p);
    assert_int_equal(hugemem_live(NULL), 0);
    /* memory from SDL freed by free(), as some libraries do with small
     * strings, stays safe: small blocks are malloc's */
    free(p);
}

static void test_large_blocks_are_mapped_and_freed(void **state)
{
    (void)state;
    size_t n = HUGEMEM_MIN * 3, bytes = 0;
    unsigned char *p = SDL_malloc(n);
    assert_non_null(p);
    memset(p, 0x5a, n);
    if (installed) {
        assert_int_equal(hugemem_live(&bytes), 1);
        assert_int_equal(bytes, n);
    }
    SDL_free(p);
    assert_int_equal(hugemem_live(NULL), 0);
}

static void test_calloc_is_zeros(void **state)
{
    (void)state;
    size_t k = HUGEMEM_MIN / 16 + 3;
    unsigned char *p = SDL_calloc(k, 16);
    assert_non_null(p);
    for (size_t i = 0; i < k * 16; i += 4093)
        assert_int_equal(p[i], 0);
    assert_int_equal(hugemem_live(NULL), installed ? 1 : 0);
    SDL_free(p);
    assert_int_equal(hugemem_live(NULL), 0);
}

/* The block let go last is kept mapped and given to the next one of about
 * its size (no new mapping to fault in); calloc still gets zeros from it;
 * one of another size does not get it, and it is not kept besides. */
static void test_the_last_block_is_reused(void **state)
{
    (void)state;
    size_t n = HUGEMEM_MIN + 4096 * 3;
    unsigned char *p = SDL_malloc(n);
    assert_non_null(p);
    memset(p, 0x5a, n);
    SDL_free(p);
    assert_int_equal(hugemem_live(NULL), 0);
    unsigned char *q = SDL_malloc(n - 100);
    assert_non_null(q);
    if (installed)
        assert_ptr_equal(q, p);
    SDL_free(q);
    unsigned char *z = SDL_calloc(n, 1);
    assert_non_null(z);
    for (size_t i = 0; i < n; i += 997)
        assert_int_equal(z[i], 0);
    SDL_free(z);
    unsigned char *big = SDL_malloc(n * 2); /* too large for the spare: a new mapping */
    assert_non_null(big);
    if (installed)
        assert_ptr_not_equal(big, p);
    memset(big, 1, n * 2);
    SDL_free(big);
    assert_int_equal(hugemem_live(NULL), 0);
}

static void test_realloc_keeps_contents_across_the_line(void **state)
{
    (void)state;
    size_t small = 100000, large = HUGEMEM_MIN + 12345;
    unsigned char *p = SDL_malloc(small);
    assert_non_null(p);
    for (size_t i = 0; i < small; i++)
        p[i] = (unsigned char)(i * 7);
    p = SDL_realloc(p, large); /* small -> large: mapped now */
    assert_non_null(p);
    assert_int_equal(hugemem_live(NULL), installed ? 1 : 0);
    for (size_t i = 0; i < small; i++)
        assert_int_equal(p[i], (unsigned char)(i * 7));
    p[large - 1] = 0xee;
    p = SDL_realloc(p, large * 2); /* large -> larger */
    assert_non_null(p);
    assert_int_equal(p[large - 1], 0xee);
    assert_int_equal(p[small - 1], (unsigned char)((small - 1) * 7));
    p = SDL_realloc(p, 500); /* large -> small: malloc's again */
    assert_non_null(p);
    assert_int_equal(hugemem_live(NULL), 0);
    for (size_t i = 0; i < 500; i++)
        assert_int_equal(p[i], (unsigned char)(i * 7));
    SDL_free(p);
}

/* Is the mapping that holds p marked for huge pages (smaps' THPeligible:
 * madvise was taken), where the kernel offers them at all? -1: cannot tell
 * (THP off, or no smaps). */
static int thp_eligible(const void *p)
{
    char mode[128] = "";
    FILE *f = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r");
    if (!f || !fgets(mode, sizeof mode, f) || strstr(mode, "[never]")) {
        if (f)
            fclose(f);
        return -1;
    }
    fclose(f);
    f = fopen("/proc/self/smaps", "r");
    if (!f)
        return -1;
    char line[256];
    int in = 0, answer = -1;
    uintptr_t a = (uintptr_t)p;
    while (fgets(line, sizeof line, f)) {
        unsigned long lo, hi;
        if (sscanf(line, "%lx-%lx ", &lo, &hi) == 2 && strchr(line, '-') < strchr(line, ' '))
            in = a >= lo && a < hi;
        else if (in && strncmp(line, "THPeligible:", 12) == 0) {
            answer = atoi(line + 12);
            break;
        }
    }
    fclose(f);
    return answer;
}

/* The decoders' output: a 4K picture's surface is a large block. */
static void test_a_surface_lands_there(void **state)
{
    (void)state;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, 3840, 2160, 32, SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(s);
    assert_int_equal(hugemem_live(NULL), installed ? 1 : 0);
    memset(s->pixels, 0xff, (size_t)s->pitch * (size_t)s->h);
    int eligible = thp_eligible(s->pixels);
    if (installed && eligible >= 0)
        assert_int_equal(eligible, 1); /* madvise(MADV_HUGEPAGE) reached the kernel */
    /* Where transparent huge pages are offered ("madvise" or "always"), a
     * block written through is (mostly) on them: say what was seen, since
     * a kernel may be out of free 2 MB pages at the moment. */
    FILE *f = fopen("/proc/self/smaps_rollup", "r");
    char line[256];
    while (installed && f && fgets(line, sizeof line, f))
        if (strncmp(line, "AnonHugePages:", 14) == 0)
            fprintf(stderr, "after a 4K surface: %s", line);
    if (f)
        fclose(f);
    SDL_FreeSurface(s);
    assert_int_equal(hugemem_live(NULL), 0);
}

int main(void)
{
    installed = hugemem_install();
    fprintf(stderr, installed ? "hugemem: installed\n" : "hugemem: not installed (a sanitizer build)\n");
    /* a second install is refused: SDL has allocated by now */
    void *p = SDL_malloc(10);
    assert_false(hugemem_install());
    SDL_free(p);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_small_blocks_are_malloc_s),
        cmocka_unit_test(test_large_blocks_are_mapped_and_freed),
        cmocka_unit_test(test_calloc_is_zeros),
        cmocka_unit_test(test_the_last_block_is_reused),
        cmocka_unit_test(test_realloc_keeps_contents_across_the_line),
        cmocka_unit_test(test_a_surface_lands_there),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
