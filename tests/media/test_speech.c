/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_speech - reading aloud (MEDIA_SPEAK, media_player_open_speech) as a
 * visitor hears it: the sound mpv played (ao=pcm into a file) is compared
 * with what the espeak-ng program makes of the same words
 * (`espeak-ng -v kk -w ref.wav TEXT`, deterministic), by how long the words
 * sound and by their loudness over time (20 ms windows), never byte for
 * byte (mpv may resample). A Kazakh caption with every Kazakh letter
 * (ә ғ қ ң ө ұ ү һ і), the same caption in Russian, a reading restarted
 * in the other voice, a voice espeak-ng does not have.
 */
#define _GNU_SOURCE
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "platform/media.h"
#include "worker/wire.h"

#define KK_TEXT                                                                                    \
    "Әйелдер лагері Ақмола облысында болған. Мұнда мыңдаған әйел қамалған: олардың өмірі, "     \
    "үміті және қайғысы ұмытылмауы тиіс. Һәм бүгін біз оларды еске аламыз."
#define RU_TEXT                                                                                    \
    "Женский лагерь находился в Акмолинской области. Здесь были заключены тысячи женщин: их "    \
    "жизнь, надежда и горе не должны быть забыты. И сегодня мы их вспоминаем."
#define WINDOW_S 0.02 /* the loudness envelope's step */
#define LOUD 300      /* |sample| above this sounds (of 32767): espeak-ng's pauses are near 0 */

static char dir[64] = "/tmp/vitrine-test-speech-XXXXXX";
static char path[5][320];
enum { REF_KK, REF_RU, OUT_KK, OUT_RU, OUT_SWITCH };

static void sh(const char *fmt, ...)
{
    char cmd[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    assert_int_equal(system(cmd), 0);
}

static int setup(void **state)
{
    (void)state;
    setenv("VITRINE_MEDIA_HELPER", MEDIA_WORKER, 1);
    if (!mkdtemp(dir))
        return 1;
    const char *names[] = {"ref-kk.wav", "ref-ru.wav", "out-kk.wav", "out-ru.wav", "out-switch.wav"};
    for (int i = 0; i < 5; i++)
        snprintf(path[i], sizeof path[i], "%s/%s", dir, names[i]);
    sh("espeak-ng -v kk -w %s \"" KK_TEXT "\"", path[REF_KK]);
    sh("espeak-ng -v ru -w %s \"" RU_TEXT "\"", path[REF_RU]);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    return system(cmd);
}

/* ---- what was heard ------------------------------------------------------------ */

typedef struct {
    int rate;
    size_t n;
    short *s;      /* the first channel */
    double from_s, to_s; /* the first and the last sample that sounds */
    double *env;   /* loudness (RMS) in WINDOW_S windows from from_s */
    size_t n_env;
} Sound;

static uint32_t le(const unsigned char *p, int bytes)
{
    uint32_t v = 0;
    for (int i = bytes - 1; i >= 0; i--)
        v = v << 8 | p[i];
    return v;
}

/* A 16-bit PCM WAV (espeak-ng's, or ao=pcm's), its chunks walked: mpv's
 * format chunk may be the extensible one, longer than 16 bytes. */
static Sound hear(const char *wav)
{
    Sound snd = {0};
    FILE *f = fopen(wav, "rb");
    assert_non_null(f);
    unsigned char h[12], ck[8], fmt[40] = {0};
    assert_int_equal(fread(h, 1, 12, f), 12);
    assert_memory_equal(h + 8, "WAVE", 4);
    int channels = 0, bits = 0;
    while (fread(ck, 1, 8, f) == 8) {
        uint32_t size = le(ck + 4, 4);
        if (memcmp(ck, "fmt ", 4) == 0) {
            assert_true(size >= 16 && size <= sizeof fmt);
            assert_int_equal(fread(fmt, 1, size, f), size);
            channels = (int)le(fmt + 2, 2);
            snd.rate = (int)le(fmt + 4, 4);
            bits = (int)le(fmt + 14, 2);
        } else if (memcmp(ck, "data", 4) == 0) {
            break;
        } else {
            fseek(f, (long)(size + (size & 1)), SEEK_CUR);
        }
    }
    assert_int_equal(bits, 16);
    assert_true(channels >= 1 && channels <= 8 && snd.rate >= 8000);
    /* ao=pcm's head says 0 bytes until mpv ends: read to the end */
    short frame[8];
    size_t cap = 1 << 16;
    snd.s = malloc(cap * sizeof *snd.s);
    while (fread(frame, 2, (size_t)channels, f) == (size_t)channels) {
        if (snd.n == cap)
            snd.s = realloc(snd.s, (cap *= 2) * sizeof *snd.s);
        snd.s[snd.n++] = frame[0];
    }
    fclose(f);
    size_t first = 0, last = 0;
    for (size_t i = 0; i < snd.n; i++)
        if (abs(snd.s[i]) > LOUD) {
            if (!last)
                first = i;
            last = i + 1;
        }
    snd.from_s = (double)first / snd.rate;
    snd.to_s = (double)last / snd.rate;
    size_t w = (size_t)(WINDOW_S * snd.rate);
    snd.n_env = last > first ? (last - first) / w : 0;
    snd.env = calloc(snd.n_env + 1, sizeof *snd.env);
    for (size_t k = 0; k < snd.n_env; k++) {
        double sum = 0;
        for (size_t i = first + k * w; i < first + (k + 1) * w; i++)
            sum += (double)snd.s[i] * snd.s[i];
        snd.env[k] = sqrt(sum / (double)w);
    }
    return snd;
}

static void forget(Sound *s)
{
    free(s->s);
    free(s->env);
}

static double sounding_s(const Sound *s)
{
    return s->to_s - s->from_s;
}

/* How alike two loudness envelopes are (Pearson), b's from its window
 * `at` on, over the shorter of the two. */
static double alike(const Sound *a, const Sound *b, size_t at)
{
    size_t n = a->n_env < b->n_env - at ? a->n_env : b->n_env - at;
    double ma = 0, mb = 0, ab = 0, aa = 0, bb = 0;
    for (size_t i = 0; i < n; i++) {
        ma += a->env[i];
        mb += b->env[at + i];
    }
    ma /= (double)n;
    mb /= (double)n;
    for (size_t i = 0; i < n; i++) {
        double x = a->env[i] - ma, y = b->env[at + i] - mb;
        ab += x * y;
        aa += x * x;
        bb += y * y;
    }
    return aa > 0 && bb > 0 ? ab / sqrt(aa * bb) : 0;
}

/* ---- reading aloud --------------------------------------------------------------- */

static MediaPlayer *player(const char *out)
{
    MediaPlayer *p = media_player_new();
    assert_non_null(p);
    char opt[400];
    snprintf(opt, sizeof opt, "ao-pcm-file=%s", out);
    assert_true(media_player_option(p, "ao=pcm"));
    assert_true(media_player_option(p, opt));
    return p;
}

/* Read voice's text aloud; how long the call took (synthesis and opening). */
static int64_t speak(MediaPlayer *p, const char *voice, const char *text)
{
    ReadAloud r = {1, {{voice, text}}};
    char *speech = media_speech_text(&r);
    char err[256];
    int64_t t0 = wire_now_ms();
    bool ok = media_player_open_speech(p, speech, 320, 180, true, err, sizeof err);
    int64_t took = wire_now_ms() - t0;
    if (!ok)
        fprintf(stderr, "speech: %s\n", err);
    assert_true(ok);
    free(speech);
    return took;
}

static void wait_end(MediaPlayer *p)
{
    MediaState st;
    int64_t give_up = wire_now_ms() + 30000;
    bool asked = true;
    while ((asked = media_player_state(p, &st)) && !st.ended && wire_now_ms() < give_up)
        usleep(20000);
    if (!st.ended)
        fprintf(stderr, "not ended: %s, at %d of %d ms, %s\n", asked ? "answered" : "no answer", st.position_ms,
                st.duration_ms, st.paused ? "paused" : "playing");
    assert_true(st.ended);
}

/* Heard as long as espeak-ng's own reading of the words (±10%), loud, and
 * alike in loudness over time. */
static void test_kazakh_caption_read_aloud(void **state)
{
    (void)state;
    MediaPlayer *p = player(path[OUT_KK]);
    int64_t took = speak(p, "kk", KK_TEXT);
    MediaState st;
    assert_true(media_player_state(p, &st));
    wait_end(p);
    media_player_close(p);
    media_player_free(p); /* mpv ends, and writes the WAV's head */
    Sound ref = hear(path[REF_KK]), out = hear(path[OUT_KK]);
    double r = alike(&ref, &out, 0), loud = 0;
    for (size_t i = 0; i < out.n_env; i++)
        loud += out.env[i] / (double)out.n_env;
    fprintf(stderr, "kk: espeak-ng %.2f s at %d Hz, heard %.2f s at %d Hz (mpv: %d ms); envelope alike %.2f, "
            "mean loudness %.0f; opened in %lld ms with the worker's start\n",
            sounding_s(&ref), ref.rate, sounding_s(&out), out.rate, st.duration_ms, r, loud, (long long)took);
    assert_true(fabs(sounding_s(&out) - sounding_s(&ref)) <= 0.1 * sounding_s(&ref));
    assert_true(fabs(st.duration_ms / 1000.0 - (double)ref.n / ref.rate) <= 0.1 * sounding_s(&ref));
    assert_true(r > 0.8);
    assert_true(loud > 1000); /* not silent: mpv's volume 100 keeps espeak-ng's loudness */
    forget(&ref);
    forget(&out);
}

/* The Russian caption: as long as espeak-ng's Russian reading, and alike
 * to it, more than to the Kazakh. */
static void test_russian_differs(void **state)
{
    (void)state;
    MediaPlayer *p = player(path[OUT_RU]);
    speak(p, "ru", RU_TEXT);
    wait_end(p);
    media_player_free(p);
    Sound kk = hear(path[REF_KK]), ru = hear(path[REF_RU]), out = hear(path[OUT_RU]);
    double to_ru = alike(&ru, &out, 0), to_kk = alike(&kk, &out, 0);
    fprintf(stderr, "ru: espeak-ng %.2f s (kk %.2f s), heard %.2f s; alike ru %.2f, kk %.2f\n", sounding_s(&ru),
            sounding_s(&kk), sounding_s(&out), to_ru, to_kk);
    assert_true(fabs(sounding_s(&out) - sounding_s(&ru)) <= 0.1 * sounding_s(&ru));
    assert_true(to_ru > 0.8);
    assert_true(to_ru > to_kk + 0.2);
    forget(&kk);
    forget(&ru);
    forget(&out);
}

/* A language switch is a new reading, from its start, in the new voice
 * (films.c opens the new words): after the Kazakh, cut or not (ao=pcm
 * races ahead of time), the whole Russian reading from its beginning. */
static void test_switch_restarts_in_the_new_voice(void **state)
{
    (void)state;
    MediaPlayer *p = player(path[OUT_SWITCH]);
    speak(p, "kk", KK_TEXT);
    MediaState st;
    int64_t give_up = wire_now_ms() + 5000;
    while (media_player_state(p, &st) && st.position_ms < 1000 && !st.ended && wire_now_ms() < give_up)
        usleep(20000);
    int kk_ms = st.position_ms;
    speak(p, "ru", RU_TEXT);
    wait_end(p);
    media_player_free(p);
    Sound kk = hear(path[REF_KK]), ru = hear(path[REF_RU]), out = hear(path[OUT_SWITCH]);
    /* the Russian is the capture's end: its envelope from there on */
    assert_true(out.n_env > ru.n_env);
    double r = alike(&ru, &out, out.n_env - ru.n_env);
    fprintf(stderr, "switch: Kazakh to %d ms, heard %.2f s (kk %.2f + ru %.2f at most); the end alike ru %.2f\n",
            kk_ms, sounding_s(&out), sounding_s(&kk), sounding_s(&ru), r);
    assert_true(r > 0.8);
    assert_true(sounding_s(&out) <= 1.1 * (sounding_s(&kk) + sounding_s(&ru)));
    assert_true(sounding_s(&out) >= sounding_s(&ru) + 0.5); /* some Kazakh came first */
    forget(&kk);
    forget(&ru);
    forget(&out);
}

/* A voice espeak-ng does not have is refused in words; the worker stays,
 * and reads the next (timed: the synthesis of a caption and its opening,
 * the worker and espeak-ng started already). */
static void test_unknown_voice_refused(void **state)
{
    (void)state;
    MediaPlayer *p = media_player_new();
    assert_true(media_player_option(p, "ao=null"));
    ReadAloud r = {1, {{"xx-nonesuch", "text"}}};
    char *speech = media_speech_text(&r);
    char err[256] = "";
    assert_false(media_player_open_speech(p, speech, 320, 180, true, err, sizeof err));
    assert_non_null(strstr(err, "no voice"));
    int pid = media_player_pid(p);
    speak(p, "en", "Still here.");
    assert_int_equal(media_player_pid(p), pid);
    int64_t took = speak(p, "kk", KK_TEXT);
    fprintf(stderr, "kk: %zu bytes synthesised and opened in %lld ms\n", strlen(KK_TEXT), (long long)took);
    free(speech);
    media_player_free(p);
}

/* MEDIA_SPEAK's text: parts in their voices; separators in a caption read
 * as spaces; a reading longer than MEDIA_SPEECH_MAX cut between letters. */
static void test_speech_text(void **state)
{
    (void)state;
    ReadAloud r = {2, {{"kk", "Атауы"}, {"ru", "a\x1e" "b\x1f" "c"}}};
    char *t = media_speech_text(&r);
    assert_string_equal(t, "kk\x1f" "Атауы\x1e" "ru\x1f" "a b c");
    free(t);
    assert_null(media_speech_text(&(ReadAloud){0}));
    size_t n = MEDIA_SPEECH_MAX;
    char *big = malloc(n + 1);
    for (size_t i = 0; i + 1 < n; i += 2)
        memcpy(big + i, "ә", 2);
    big[n - (n & 1)] = '\0';
    r = (ReadAloud){1, {{"kk", big}}};
    t = media_speech_text(&r);
    assert_true(strlen(t) < MEDIA_SPEECH_MAX);
    assert_int_equal((strlen(t) - 3) % 2, 0); /* whole letters only */
    free(t);
    free(big);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_speech_text),
        cmocka_unit_test(test_kazakh_caption_read_aloud),
        cmocka_unit_test(test_russian_differs),
        cmocka_unit_test(test_switch_restarts_in_the_new_voice),
        cmocka_unit_test(test_unknown_voice_refused),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
