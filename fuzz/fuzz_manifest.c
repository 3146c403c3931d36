/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_manifest.c - libFuzzer target: exhibition.json text -> Exhibition.
 *
 * The input is the manifest. It is loaded against one exhibition folder made
 * once per process in $TMPDIR, so image paths sometimes resolve: it holds
 * tiny valid images under the names the seed manifests use, a GIF named
 * .jpg, an empty file, a folder and a FIFO named like images, a symbolic
 * link that leads out of the folder, one that stays inside, a dangling one
 * and a loop. Everything is freed, so LeakSanitizer checks the loader too.
 */
#include "fuzz_common.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>

#include "fuzz_images.h"
#include "manifest.h"

static char g_root[4096]; /* holds ex/ (the exhibition) and outside/ */
static char g_dir[4096];

static void put(const char *rel, const unsigned char *data, unsigned len)
{
    char path[8192];
    snprintf(path, sizeof path, "%s/%s", g_root, rel);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0)
        fuzz_die(path);
}

static void sub(const char *rel, int (*make)(const char *))
{
    char path[8192];
    snprintf(path, sizeof path, "%s/%s", g_root, rel);
    if (make(path) != 0)
        fuzz_die(path);
}

static int make_dir(const char *p) { return mkdir(p, 0755); }
static int make_fifo(const char *p) { return mkfifo(p, 0644); }

static void link_to(const char *target, const char *rel)
{
    char path[8192];
    snprintf(path, sizeof path, "%s/%s", g_root, rel);
    if (symlink(target, path) != 0)
        fuzz_die(path);
}

static void remove_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return;
    if (S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        struct dirent *e;
        while (d && (e = readdir(d)) != NULL) {
            if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
                continue;
            char child[8192];
            snprintf(child, sizeof child, "%s/%s", path, e->d_name);
            remove_tree(child);
        }
        if (d)
            closedir(d);
        rmdir(path);
    } else {
        unlink(path);
    }
}

static void cleanup(void)
{
    remove_tree(g_root);
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *tmp = getenv("TMPDIR");
    snprintf(g_root, sizeof g_root, "%s/vitrine-fuzz-manifest-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(g_root))
        fuzz_die("mkdtemp");
    atexit(cleanup);
    snprintf(g_dir, sizeof g_dir, "%s/ex", g_root);
    sub("ex", make_dir);
    sub("ex/images", make_dir);
    sub("outside", make_dir);
    put("outside/secret.png", red_png, red_png_len);
    /* the names the seed manifests use */
    put("ex/images/01.jpg", gray_jpg, gray_jpg_len);
    put("ex/images/02.png", red_png, red_png_len);
    put("ex/images/04.webp", lossy_webp, lossy_webp_len);
    put("ex/images/cover.png", red_png, red_png_len);
    put("ex/images/сурет 03.svg", tiny_svg, tiny_svg_len);
    put("ex/images/photo.jpg", gif_as_jpg, gif_as_jpg_len);
    put("ex/images/ok.svg", tiny_svg, tiny_svg_len);
    put("ex/images/corrupt.jpg", gray_jpg, 30);
    /* short names, easy for the fuzzer to hit */
    put("ex/a.jpg", gray_jpg, gray_jpg_len);
    put("ex/b.png", red_png, red_png_len);
    put("ex/c.webp", lossy_webp, lossy_webp_len);
    put("ex/d.svg", tiny_svg, tiny_svg_len);
    put("ex/e.jpg", gif_as_jpg, gif_as_jpg_len);
    put("ex/empty.png", red_png, 0);
    sub("ex/dir.jpg", make_dir);
    sub("ex/fifo.jpg", make_fifo);
    link_to("../outside/secret.png", "ex/out.png");
    link_to("images/02.png", "ex/in.png");
    link_to("nowhere.png", "ex/dangling.png");
    link_to("loop.png", "ex/loop.png");
    link_to("..", "ex/up");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    DiagList diags = {0};
    Exhibition *ex = manifest_load_buffer(g_dir, "exhibition.json", (const char *)data, size,
                                          &diags);
    if (ex) {
        /* what the viewer reads from it, in every language it offers */
        static const char *langs[] = {"kk", "ru", "en", "de", ""};
        for (size_t l = 0; l < sizeof langs / sizeof *langs; l++) {
            const char *t = loc_get(&ex->title, langs[l], ex);
            size_t sum = t ? strlen(t) : 0;
            for (int i = 0; i < ex->n_slides; i++) {
                const Slide *sl = &ex->slides[i];
                const char *parts[] = {loc_get(&sl->title, langs[l], ex),
                                       loc_get(&sl->caption, langs[l], ex),
                                       loc_get(&sl->text, langs[l], ex),
                                       loc_get(&sl->credit, langs[l], ex),
                                       loc_get(&sl->notes, langs[l], ex)};
                for (size_t k = 0; k < sizeof parts / sizeof *parts; k++)
                    if (parts[k])
                        sum += strlen(parts[k]);
                if (sl->image_ok && (!sl->image_path || sl->image_format == IMG_FMT_UNKNOWN))
                    abort(); /* a usable image has a path and a format */
            }
            (void)sum;
        }
        if (ex->n_slides < 1 || ex->n_languages < 1)
            abort(); /* manifest.h: n_slides >= 1, n_languages >= 1 */
        manifest_free(ex);
    }
    diag_print(&diags, fuzz_devnull());
    diag_clear(&diags);
    return 0;
}
