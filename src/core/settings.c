/* SPDX-License-Identifier: GPL-3.0-or-later */
/* settings.c - see settings.h and docs/settings.md
 *
 * The same order of work as manifest.c: read the file (size limit, BOM),
 * let jansson parse it, let jsonloc find positions, then walk the fields.
 * Every problem goes to the DiagList at its position, and a bad field keeps
 * the value it had (the default). Only a file that cannot be read or parsed
 * at all makes settings_load() return false, and then nothing is changed.
 */
/* realpath(), mkstemp(), fsync() are XSI */
#define _XOPEN_SOURCE 700

#include "settings.h"

#include "cache_policy.h"

#include "fsutil.h"
#include "jsondiag.h"
#include "jsontext.h"
#include "lang.h"
#include "localized.h"
#include "settings_keys.h"

#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SETTINGS_MAX_BYTES (1024u * 1024u) /* larger settings files are refused */
#define SETTINGS_MAX_DEPTH 32     /* objects/arrays; a settings file needs 3 */

/* defaults and ranges (docs/settings.md) */
#define DEF_WARN_MIN 5
#define DEF_ALERT_MIN 1
#define DEF_PRESENTER_DISPLAY -1
#define DEF_REPEAT_HOLD_MS 700
#define DEF_REPEAT_EVERY_MS 300
#define WARN_MIN_MAX 600
#define DISPLAY_MIN -1
#define DISPLAY_MAX 15
#define REPEAT_HOLD_MIN 100
#define REPEAT_HOLD_MAX 5000
#define REPEAT_EVERY_MIN 50
#define REPEAT_EVERY_MAX 5000

#define LANG_CODE_RULE "2-3 lowercase letters like \"kk\", optionally followed by \"-\" and " \
                       "letters or digits"

static const char *const top_keys[] = {"$schema", "languages", "language_labels", "start_language",
                                       "state_dir", "keys", "lecture", "admin_pin_hash", "kiosk",
                                       "images", "display_profile", "media"};
static const char *const image_keys[] = {"cache_mb", "zoom_cache_mb"};
static const char *const media_keys[] = {"autoplay", "quiet_hours", "max_volume", "read_aloud"};
static const char *const lecture_keys[] = {"warn_min", "alert_min", "notes_language",
                                           "presenter_display", "timer_overlay",
                                           "repeat_hold_ms", "repeat_every_ms"};
#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* ---- Defaults and freeing ------------------------------------------------ */

void settings_defaults(Settings *s)
{
    memset(s, 0, sizeof *s);
    const char *defaults[SETTINGS_MAX_LANGS];
    int n_defaults = lang_defaults(defaults, SETTINGS_MAX_LANGS);
    for (int i = 0; i < n_defaults; i++) {
        char *code = strdup(defaults[i]);
        if (code)
            s->langs[s->n_langs++] = code;
    }
    keymap_init_default(&s->keys);
    s->warn_min = DEF_WARN_MIN;
    s->alert_min = DEF_ALERT_MIN;
    s->presenter_display = DEF_PRESENTER_DISPLAY;
    s->timer_overlay = false;
    s->repeat_hold_ms = DEF_REPEAT_HOLD_MS;
    s->repeat_every_ms = DEF_REPEAT_EVERY_MS;
    s->show_arrows = s->show_language = s->show_accessibility = s->show_home = true;
    s->cache_mb = CACHE_DEFAULT_BUDGET_MB;
    s->zoom_cache_mb = 128;
    s->max_volume = 100;
    s->idle_s = 90;
    s->warning_s = 15;
    s->attract_delay_s = 30;
    s->autoplay = true;
    s->read_aloud = true;
    s->attract_films = true;
    s->quiet_from_min = s->quiet_to_min = -1;
}

void settings_free(Settings *s)
{
    if (!s)
        return;
    for (int i = 0; i < s->n_langs; i++) {
        free(s->langs[i]);
        s->langs[i] = NULL;
    }
    s->n_langs = 0;
    free(s->start_lang);
    free(s->state_dir);
    free(s->display_profile);
    s->display_profile = NULL;
    free(s->admin_pin_hash);
    s->admin_pin_hash = NULL;
    for (int i = 0; i < s->n_attract; i++)
        free(s->attract[i]);
    s->n_attract = 0;
    free(s->notes_lang);
    for (int i = 0; i < s->n_labels; i++)
        free(s->label_code[i]), free(s->label_text[i]);
    s->n_labels = 0;
    s->start_lang = s->state_dir = s->notes_lang = NULL;
    keymap_free(&s->keys);
}

/* ---- Reading and parsing ------------------------------------------------- */

/* A diagnostic for an fs_read_file() failure. `then` ends the message. */
static void report_read_error(DiagList *diags, const char *path, int err, long long size,
                              const char *then)
{
    if (err == EFBIG && size < 0) /* it grew past the limit while it was read */
        size = (long long)SETTINGS_MAX_BYTES + 1;
    if (err == EFBIG)
        diag_add(diags, DIAG_ERROR, path, 0, 0,
                 "settings file is too large (%lld bytes; at most %u are allowed)%s", size,
                 SETTINGS_MAX_BYTES, then);
    else
        diag_add(diags, DIAG_ERROR, path, 0, 0, "cannot read settings file: %s%s",
                 err == EINVAL ? "not a regular file" : strerror(err), then);
}

/* The settings file's syntax (jsondiag.h); `then` ends every message. */
static json_t *parse_text(JsonDiag *c, const char *buf, size_t len, const char *then)
{
    const JsonRules rules = {
        SETTINGS_MAX_DEPTH,
        " (a settings file holds one object: it starts with { and ends with })",
        false, false, then,
    };
    json_t *root = jdiag_parse(c, buf, len, &rules);
    if (root && !json_is_object(root)) {
        diag_add(c->diags, DIAG_ERROR, c->file, 1, 1,
                 "the top level must be an object ({...}), not %s%s",
                 json_is_array(root) ? "an array" : "a value", then);
        json_decref(root);
        root = NULL;
    }
    return root;
}

static bool has_bom(const char *buf, size_t len)
{
    return len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0;
}

/* ---- Fields --------------------------------------------------------------- */

/* A whole number (90.0 is as whole as 90) in lo..hi, or an error saying
 * "\"name\" in \"<section>\" must be <what>, not <value>; using <keep>"; the
 * section is the first part of ptr ("/lecture/warn_min" -> lecture). */
static bool get_int(JsonDiag *c, json_t *v, const char *ptr, const char *name, const char *what,
                    int lo, int hi, int keep, int *out)
{
    double d = json_is_number(v) ? json_number_value(v) : NAN;
    if (isfinite(d) && d == floor(d) && d >= lo && d <= hi) {
        *out = (int)d;
        return true;
    }
    char tb[64], section[32];
    const char *end = strchr(ptr + 1, '/');
    size_t sl = end ? (size_t)(end - ptr - 1) : 0;
    snprintf(section, sizeof section, "%.*s", (int)(sl < sizeof section ? sl : sizeof section - 1), ptr + 1);
    jdiag_at_value(c, DIAG_ERROR, ptr,
                   "\"%s\" in \"%s\" must be %s, not %s; using %d", name, section,
                   what, jtext_describe(v, true, tb, sizeof tb), keep);
    return false;
}

/* A member of a section and where it goes in Settings: a whole number
 * (what it may be, as get_int says it) or true/false (what == NULL). */
typedef struct {
    const char *name;
    const char *what;       /* "a whole number of seconds from 10 to 86400"; NULL: a bool */
    int lo, hi;
    size_t offset;          /* of the int or bool in Settings */
} Field;

/* The members f[0..n) of obj (at obj_ptr); `section` names obj in the
 * messages: "\"large_text\" in \"kiosk\" must be true or false". */
static void get_fields(JsonDiag *c, Settings *s, json_t *obj, const char *obj_ptr,
                       const char *section, const Field *f, size_t n)
{
    char tb[32];
    for (size_t i = 0; i < n; i++) {
        json_t *v = json_object_get(obj, f[i].name);
        if (!v)
            continue;
        char ptr[64];
        snprintf(ptr, sizeof ptr, "%s/%s", obj_ptr, f[i].name);
        char *dst = (char *)s + f[i].offset;
        if (f[i].what)
            get_int(c, v, ptr, f[i].name, f[i].what, f[i].lo, f[i].hi, *(int *)dst, (int *)dst);
        else if (json_is_boolean(v))
            *(bool *)dst = json_is_true(v);
        else
            jdiag_at_value(c, DIAG_ERROR, ptr, "\"%s\" in \"%s\" must be true or false, not %s",
                           f[i].name, section, jtext_describe(v, true, tb, sizeof tb));
    }
}

/* The object `name` at the top level; NULL when absent or, after an error
 * ("must be an object like <example>"), not an object. */
static json_t *get_section(JsonDiag *c, json_t *root, const char *name, const char *example)
{
    json_t *v = json_object_get(root, name);
    if (!v || json_is_object(v))
        return v;
    char ptr[32], tb[32];
    snprintf(ptr, sizeof ptr, "/%s", name);
    jdiag_at_value(c, DIAG_ERROR, ptr, "\"%s\" must be an object like %s, not %s", name, example,
                   jtext_describe(v, false, tb, sizeof tb));
    return NULL;
}

/* *dst = a copy of v (the old value freed); on out of memory *dst stays. */
static void set_string(char **dst, const char *v)
{
    char *copy = strdup(v);
    if (copy) {
        free(*dst);
        *dst = copy;
    }
}

#define INT_FIELD(n, what, lo, hi) {#n, what, lo, hi, offsetof(Settings, n)}
#define BOOL_FIELD(key, member) {key, NULL, 0, 0, offsetof(Settings, member)}

static const char *const kiosk_keys[] = {"idle_s", "warning_s", "attract_delay_s", "large_text",
                                         "high_contrast", "attract", "controls", "exhibition_only",
                                         "attract_films"};
static const char *const control_keys[] = {"arrows", "language", "accessibility", "home"};

/* "kiosk": what a visitor's screen does when left alone, and its defaults. */
static void parse_kiosk(JsonDiag *c, Settings *s, json_t *root)
{
    static const Field fields[] = {
        INT_FIELD(idle_s, "a whole number of seconds from 10 to 86400", 10, 86400),
        INT_FIELD(warning_s, "a whole number of seconds from 3 to 300", 3, 300),
        INT_FIELD(attract_delay_s, "a whole number of seconds from 0 to 86400", 0, 86400),
        BOOL_FIELD("large_text", large_text), BOOL_FIELD("high_contrast", high_contrast),
        BOOL_FIELD("exhibition_only", exhibition_only), BOOL_FIELD("attract_films", attract_films),
    };
    json_t *k = get_section(c, root, "kiosk", "{\"idle_s\": 90}");
    if (!k)
        return;
    char tb[32];
    get_fields(c, s, k, "/kiosk", "kiosk", fields, N_OF(fields));
    json_t *v;
    /* the attract loop's playlist */
    if ((v = json_object_get(k, "attract"))) {
        if (!json_is_array(v)) {
            jdiag_at_value(c, DIAG_ERROR,
                           "/kiosk/attract", "\"attract\" in \"kiosk\" must be a list like "
                           "[\"karlag-artists:3\", \"memory-alive\"], not %s",
                           jtext_describe(v, false, tb, sizeof tb));
        } else {
            for (size_t i = 0; i < json_array_size(v); i++) {
                json_t *e = json_array_get(v, i);
                char ptr[64];
                snprintf(ptr, sizeof ptr, "/kiosk/attract/%zu", i);
                if (!json_is_string(e) || !*json_string_value(e)) {
                    jdiag_at_value(c, DIAG_ERROR, ptr,
                                   "entries of \"attract\" are an exhibition id, or an id "
                                   "and a slide number like \"karlag-artists:3\", not %s",
                                   jtext_describe(e, false, tb, sizeof tb));
                    continue;
                }
                if (s->n_attract >= (int)N_OF(s->attract)) {
                    jdiag_at_value(c, DIAG_WARNING, ptr,
                                   "only the first %d entries of \"attract\" are used",
                                   (int)N_OF(s->attract));
                    break;
                }
                char *copy = strdup(json_string_value(e));
                if (copy)
                    s->attract[s->n_attract++] = copy;
            }
        }
    }
    /* which controls visitors see */
    if ((v = json_object_get(k, "controls"))) {
        if (!json_is_object(v)) {
            jdiag_at_value(c, DIAG_ERROR,
                           "/kiosk/controls", "\"controls\" in \"kiosk\" must be an object like "
                           "{\"arrows\": false}, not %s", jtext_describe(v, false, tb, sizeof tb));
        } else {
            static const Field controls[] = {
                BOOL_FIELD("arrows", show_arrows), BOOL_FIELD("language", show_language),
                BOOL_FIELD("accessibility", show_accessibility), BOOL_FIELD("home", show_home),
            };
            get_fields(c, s, v, "/kiosk/controls", "controls", controls, N_OF(controls));
            jdiag_unknown_keys(c, v, "/kiosk/controls", control_keys, N_OF(control_keys),
                               " in \"controls\"", JDIAG_CURATOR);
        }
    }
    jdiag_unknown_keys(c, k, "/kiosk", kiosk_keys, N_OF(kiosk_keys), " in \"kiosk\"",
                       JDIAG_CURATOR);
}

static void parse_languages(JsonDiag *c, Settings *s, json_t *root)
{
    json_t *v = json_object_get(root, "languages");
    if (!v)
        return;
    char tb[32], cur[128], sh[JTEXT_SHOWN_CAP];
    lang_codes_text((const char *const *)s->langs, s->n_langs, cur, sizeof cur);
    if (!json_is_array(v)) {
        jdiag_at_value(c, DIAG_ERROR, "/languages", "\"languages\" must be an array of language "
                       "codes like [\"kk\", \"ru\", \"en\"], not %s; using %s",
                       jtext_describe(v, false, tb, sizeof tb), cur);
        return;
    }
    if (json_array_size(v) == 0) {
        jdiag_at_value(c, DIAG_ERROR, "/languages", "\"languages\" is empty; using %s", cur);
        return;
    }
    char *langs[SETTINGS_MAX_LANGS];
    int n = 0;
    size_t i;
    json_t *e;
    json_array_foreach(v, i, e) {
        char ptr[64];
        snprintf(ptr, sizeof ptr, "/languages/%zu", i);
        if (n == SETTINGS_MAX_LANGS) {
            jdiag_at_value(c, DIAG_ERROR, ptr, "too many languages (%zu); only the first %d are "
                           "used", json_array_size(v), SETTINGS_MAX_LANGS);
            break;
        }
        if (!json_is_string(e)) {
            jdiag_at_value(c, DIAG_ERROR, ptr, "\"languages\" entry must be a string, not %s",
                           jtext_describe(e, false, tb, sizeof tb));
            continue;
        }
        const char *code = json_string_value(e);
        if (!loc_code_ok(code)) {
            jdiag_at_value(c, DIAG_ERROR, ptr, "\"%s\" in \"languages\" is not a language code "
                           "(" LANG_CODE_RULE ")", jtext_shown(code, sh, sizeof sh));
            continue;
        }
        bool twice = false;
        for (int k = 0; k < n && !twice; k++)
            twice = strcmp(langs[k], code) == 0;
        if (twice) {
            jdiag_at_value(c, DIAG_ERROR, ptr, "\"%s\" is listed twice in \"languages\"", code);
            continue;
        }
        char spoken[256];
        if (!lang_has_ui(code))
            jdiag_at_value(c, DIAG_WARNING, ptr, "vitrine's own buttons and messages are translated into "
                           "%s; \"%s\" (no po/%s.po) shows them in the next language listed, else "
                           "in English", lang_list_text(spoken, sizeof spoken), code, code);
        char *copy = strdup(code);
        if (copy)
            langs[n++] = copy;
    }
    if (n == 0) {
        jdiag_at_value(c, DIAG_ERROR, "/languages", "no usable entry in \"languages\"; using %s",
                       cur);
        return;
    }
    for (int k = 0; k < s->n_langs; k++)
        free(s->langs[k]);
    for (int k = 0; k < SETTINGS_MAX_LANGS; k++)
        s->langs[k] = k < n ? langs[k] : NULL;
    s->n_langs = n;
}

/* "language_labels": {"kk-Latn": "Qazaqşa"}, the words on a language's
 * button instead of its own name. */
static void parse_language_labels(JsonDiag *c, Settings *s, json_t *root)
{
    json_t *v = json_object_get(root, "language_labels");
    if (!v)
        return;
    char tb[32], sh[JTEXT_SHOWN_CAP];
    if (!json_is_object(v)) {
        jdiag_at_value(c, DIAG_ERROR, "/language_labels", "\"language_labels\" must be an object "
                       "like {\"kk-Latn\": \"Qazaqşa\"}, not %s", jtext_describe(v, false, tb, sizeof tb));
        return;
    }
    const char *code;
    json_t *e;
    json_object_foreach(v, code, e) {
        char ptr[96];
        snprintf(ptr, sizeof ptr, "/language_labels/%.60s", code);
        if (!loc_code_ok(code)) {
            jdiag_at_key(c, DIAG_ERROR, ptr, "\"%s\" in \"language_labels\" is not a language code "
                         "(" LANG_CODE_RULE ")", jtext_shown(code, sh, sizeof sh));
            continue;
        }
        size_t len = json_is_string(e) ? strlen(json_string_value(e)) : 0;
        if (len == 0 || len >= LANG_LABEL_MAX) {
            jdiag_at_value(c, DIAG_ERROR, ptr, "the label of \"%s\" must be a string of 1 to %d bytes, "
                           "not %s", code, LANG_LABEL_MAX - 1, jtext_describe(e, false, tb, sizeof tb));
            continue;
        }
        if (s->n_labels == SETTINGS_MAX_LANGS) {
            jdiag_at_key(c, DIAG_ERROR, ptr, "too many labels; only the first %d are used",
                         SETTINGS_MAX_LANGS);
            break;
        }
        char *k = strdup(code), *t = strdup(json_string_value(e));
        if (k && t) {
            s->label_code[s->n_labels] = k;
            s->label_text[s->n_labels++] = t;
        } else {
            free(k), free(t);
        }
    }
}

void settings_apply_languages(const Settings *s)
{
    lang_set_order((const char *const *)s->langs, s->n_langs);
    for (int i = 0; i < s->n_labels; i++)
        lang_set_label(s->label_code[i], s->label_text[i]);
}

static void parse_start_language(JsonDiag *c, Settings *s, json_t *root)
{
    json_t *v = json_object_get(root, "start_language");
    if (!v)
        return;
    char tb[32], cur[128], sh[JTEXT_SHOWN_CAP];
    if (!json_is_string(v)) {
        jdiag_at_value(c, DIAG_ERROR, "/start_language", "\"start_language\" must be a string (a "
                       "language code like \"kk\"), not %s",
                       jtext_describe(v, false, tb, sizeof tb));
        return;
    }
    const char *code = json_string_value(v);
    for (int i = 0; i < s->n_langs; i++) {
        if (strcmp(s->langs[i], code) == 0) {
            set_string(&s->start_lang, code);
            return;
        }
    }
    jdiag_at_value(c, DIAG_ERROR, "/start_language", "\"start_language\" \"%s\" is not one of "
                   "\"languages\" %s; the first, \"%s\", is used", jtext_shown(code, sh, sizeof sh),
                   lang_codes_text((const char *const *)s->langs, s->n_langs, cur, sizeof cur),
                   s->n_langs ? s->langs[0] : "");
}

/* "images": how much memory decoded pictures may take. */
static void parse_images(JsonDiag *c, Settings *s, json_t *root)
{
    static const Field ints[] = {
        INT_FIELD(cache_mb, "a whole number of megabytes from 16 to 4096", 16, 4096),
        INT_FIELD(zoom_cache_mb, "a whole number of megabytes from 16 to 4096", 16, 4096),
    };
    json_t *k = get_section(c, root, "images", "{\"cache_mb\": 32}");
    if (!k)
        return;
    jdiag_unknown_keys(c, k, "/images", image_keys, N_OF(image_keys), " in \"images\"",
                       JDIAG_CURATOR);
    get_fields(c, s, k, "/images", "images", ints, N_OF(ints));
}

/* "HH:MM" at text: minutes of the day, or -1. */
static int clock_minutes(const char *text, size_t len)
{
    int h, m;
    char tail;
    char buf[8];
    if (len == 0 || len >= sizeof buf)
        return -1;
    memcpy(buf, text, len);
    buf[len] = '\0';
    if (sscanf(buf, "%2d:%2d%c", &h, &m, &tail) != 2 || h < 0 || h > 23 || m < 0 || m > 59)
        return -1;
    return h * 60 + m;
}

/* "media": films and sound in the kiosk (issue 12). */
static void parse_media(JsonDiag *c, Settings *s, json_t *root)
{
    static const Field fields[] = {
        BOOL_FIELD("autoplay", autoplay),
        BOOL_FIELD("read_aloud", read_aloud),
        INT_FIELD(max_volume, "a whole number of percent from 0 to 100", 0, 100),
    };
    json_t *k = get_section(c, root, "media", "{\"autoplay\": true, \"max_volume\": 80}");
    if (!k)
        return;
    jdiag_unknown_keys(c, k, "/media", media_keys, N_OF(media_keys), " in \"media\"", JDIAG_CURATOR);
    get_fields(c, s, k, "/media", "media", fields, N_OF(fields));
    json_t *v = json_object_get(k, "quiet_hours");
    if (!v || json_is_null(v))
        return;
    const char *t = json_is_string(v) ? json_string_value(v) : NULL;
    const char *dash = t ? strchr(t, '-') : NULL;
    int from = dash ? clock_minutes(t, (size_t)(dash - t)) : -1;
    int to = dash ? clock_minutes(dash + 1, strlen(dash + 1)) : -1;
    if (from < 0 || to < 0 || from == to) {
        char tb[64], shown[64];
        if (t)
            snprintf(tb, sizeof tb, "\"%s\"", jtext_shown(t, shown, sizeof shown));
        else
            jtext_describe(v, false, tb, sizeof tb);
        jdiag_at_value(c, DIAG_ERROR, "/media/quiet_hours",
                       "\"quiet_hours\" in \"media\" must be a start and an end of the day like "
                       "\"22:00-08:00\", not %s; no quiet hours",
                       tb);
        return;
    }
    s->quiet_from_min = from;
    s->quiet_to_min = to;
}

bool settings_quiet_now(const Settings *s, int minute_of_day)
{
    int a = s->quiet_from_min, b = s->quiet_to_min, m = minute_of_day;
    if (a < 0 || b < 0)
        return false;
    return a < b ? m >= a && m < b : m >= a || m < b; /* "22:00-08:00" runs over midnight */
}

/* A path field at the top: "state_dir" (a folder), "display_profile" (a
 * file). kind: "a folder"; empty: what an empty one means. */
static void parse_path(JsonDiag *c, json_t *root, const char *key, const char *kind, const char *empty,
                       char **out)
{
    json_t *v = json_object_get(root, key);
    if (!v)
        return;
    char tb[32], sh[JTEXT_SHOWN_CAP], ptr[64];
    snprintf(ptr, sizeof ptr, "/%s", key);
    if (!json_is_string(v)) {
        jdiag_at_value(c, DIAG_ERROR, ptr, "\"%s\" must be a string (%s), not %s", key, kind,
                       jtext_describe(v, false, tb, sizeof tb));
        return;
    }
    const char *path = json_string_value(v);
    if (!*path) {
        jdiag_at_value(c, DIAG_ERROR, ptr, "\"%s\" is empty; %s", key, empty);
        return;
    }
    if (path[0] != '/')
        jdiag_at_value(c, DIAG_WARNING, ptr, "\"%s\" \"%s\" is a relative path: it "
                       "is taken from the folder vitrine is started in", key,
                       jtext_shown(path, sh, sizeof sh));
    set_string(out, path);
}

/* The administrator's PIN, only ever as crypt(3)'s salted hash. */
static void parse_admin_pin(JsonDiag *c, Settings *s, json_t *root)
{
    json_t *v = json_object_get(root, "admin_pin_hash");
    if (!v)
        return;
    char tb[32];
    if (!json_is_string(v)) {
        jdiag_at_value(c, DIAG_ERROR,
                       "/admin_pin_hash", "\"admin_pin_hash\" must be a string made by "
                       "vitrine --hash-pin, not %s", jtext_describe(v, false, tb, sizeof tb));
        return;
    }
    const char *h = json_string_value(v);
    if (h[0] != '$' || strlen(h) < 20) {
        jdiag_at_value(c, DIAG_ERROR, "/admin_pin_hash", "\"admin_pin_hash\" is not a hash made by "
                       "vitrine --hash-pin (a PIN is never stored in clear text); the admin menu "
                       "opens only from the keyboard");
        return;
    }
    set_string(&s->admin_pin_hash, h);
}

static void parse_lecture(JsonDiag *c, Settings *s, json_t *root)
{
    static const Field warn[] = {
        INT_FIELD(warn_min, "a whole number of minutes from 0 to 600", 0, WARN_MIN_MAX),
    };
    static const Field ints[] = {
        INT_FIELD(presenter_display, "a display number from -1 to 15 (-1: the second display)",
                  DISPLAY_MIN, DISPLAY_MAX),
        INT_FIELD(repeat_hold_ms, "a whole number of milliseconds from 100 to 5000",
                  REPEAT_HOLD_MIN, REPEAT_HOLD_MAX),
        INT_FIELD(repeat_every_ms, "a whole number of milliseconds from 50 to 5000",
                  REPEAT_EVERY_MIN, REPEAT_EVERY_MAX),
    };
    json_t *lec = get_section(c, root, "lecture", "{\"warn_min\": 5}");
    if (!lec)
        return;
    char tb[32], what[96], sh[JTEXT_SHOWN_CAP];
    get_fields(c, s, lec, "/lecture", "lecture", warn, N_OF(warn));
    /* alert_min cannot be more than warn_min: red comes after amber */
    int alert_keep = s->alert_min < s->warn_min ? s->alert_min : s->warn_min;
    json_t *v;
    if ((v = json_object_get(lec, "alert_min"))) {
        snprintf(what, sizeof what, "a whole number of minutes from 0 to \"warn_min\" (%d)",
                 s->warn_min);
        if (!get_int(c, v, "/lecture/alert_min", "alert_min", what, 0, s->warn_min,
                     alert_keep, &s->alert_min))
            s->alert_min = alert_keep;
    } else {
        s->alert_min = alert_keep;
    }
    if ((v = json_object_get(lec, "notes_language"))) {
        if (!json_is_string(v))
            jdiag_at_value(c, DIAG_ERROR, "/lecture/notes_language", "\"notes_language\" in "
                           "\"lecture\" must be a string (a language code like \"ru\"), not %s",
                           jtext_describe(v, false, tb, sizeof tb));
        else if (!loc_code_ok(json_string_value(v)))
            jdiag_at_value(c, DIAG_ERROR, "/lecture/notes_language", "\"notes_language\" \"%s\" "
                           "in \"lecture\" is not a language code (" LANG_CODE_RULE ")",
                           jtext_shown(json_string_value(v), sh, sizeof sh));
        else
            set_string(&s->notes_lang, json_string_value(v));
    }
    get_fields(c, s, lec, "/lecture", "lecture", ints, N_OF(ints));
    if ((v = json_object_get(lec, "timer_overlay"))) {
        if (json_is_boolean(v))
            s->timer_overlay = json_is_true(v);
        else
            jdiag_at_value(c, DIAG_ERROR, "/lecture/timer_overlay", "\"timer_overlay\" in "
                           "\"lecture\" must be true or false, not %s; using %s",
                           jtext_describe(v, true, tb, sizeof tb),
                           s->timer_overlay ? "true" : "false");
    }
    jdiag_unknown_keys(c, lec, "/lecture", lecture_keys, N_OF(lecture_keys),
                       " in \"lecture\"", JDIAG_CURATOR);
}

/* ---- Loading -------------------------------------------------------------- */

bool settings_load(Settings *s, const char *path, bool optional, DiagList *diags)
{
    if (!s || !path)
        return false;
    int start = diags ? diags->n : 0;
    char *buf = NULL;
    size_t len = 0;
    long long size = 0;
    int err = fs_read_file(path, SETTINGS_MAX_BYTES, &buf, &len, &size);
    if (err) {
        if (optional && (err == ENOENT || err == ENOTDIR))
            return true;
        report_read_error(diags, path, err, size, "");
        return false;
    }
    JsonDiag c = {path, diags, NULL, 0};
    json_t *root = parse_text(&c, buf, len, "");
    if (!root) {
        jdiag_free(&c);
        free(buf);
        return false;
    }
    jdiag_duplicates(&c, JDIAG_CURATOR);

    json_t *schema = json_object_get(root, "$schema");
    char tb[32];
    if (schema && !json_is_string(schema))
        jdiag_at_value(&c, DIAG_ERROR, "/$schema", "\"$schema\" must be a string, not %s",
                       jtext_describe(schema, false, tb, sizeof tb));
    parse_languages(&c, s, root);
    parse_language_labels(&c, s, root);
    parse_start_language(&c, s, root);
    parse_path(&c, root, "state_dir", "a folder", "the default folder is used", &s->state_dir);
    parse_path(&c, root, "display_profile", "a file", "the screen is taken for sRGB",
               &s->display_profile);
    parse_images(&c, s, root);
    parse_media(&c, s, root);
    parse_admin_pin(&c, s, root);
    parse_lecture(&c, s, root);
    parse_kiosk(&c, s, root);
    json_t *keys = get_section(&c, root, "keys", "{\"next\": [\"PageDown\", \"Right\"]}");
    if (keys)
        settings_keys_parse(&c, &s->keys, keys);
    jdiag_unknown_keys(&c, root, "", top_keys, N_OF(top_keys), "", JDIAG_CURATOR);

    jdiag_free(&c);
    json_decref(root);
    free(buf);
    diag_sort(diags, start);
    settings_apply_languages(s);
    return true;
}

/* ---- Saving the keys ------------------------------------------------------ */

bool settings_save_keys(const char *path, const KeyMap *km, DiagList *diags)
{
    if (!path || !km)
        return false;
    static const char *const not_saved = "; the keys were not saved and the file is left "
                                         "as it is";
    int start = diags ? diags->n : 0;
    char *buf = NULL;
    size_t len = 0;
    long long size = 0;
    int err = fs_read_file(path, SETTINGS_MAX_BYTES, &buf, &len, &size);
    bool missing = err == ENOENT || err == ENOTDIR;
    if (err && !missing) {
        report_read_error(diags, path, err, size, "; the keys were not saved");
        return false;
    }
    bool bom = false;
    json_t *root;
    if (missing) {
        root = json_object();
    } else {
        bom = has_bom(buf, len);
        JsonDiag c = {path, diags, NULL, 0};
        root = parse_text(&c, buf, len, not_saved);
        jdiag_free(&c);
        if (!root) {
            free(buf);
            return false;
        }
    }
    free(buf);

    bool ok = false;
    char *out = NULL;
    json_t *keys = json_object_get(root, "keys");
    if (!json_is_object(keys)) {
        /* missing, or not an object (which the loader refuses anyway) */
        keys = json_object();
        if (!keys || json_object_set_new(root, "keys", keys) != 0)
            goto done;
    }
    if (!settings_keys_fill(keys, km))
        goto done;
    out = json_dumps(root, JSON_PRESERVE_ORDER | JSON_INDENT(2) | JSON_REAL_PRECISION(15));
    if (!out)
        goto done;
    size_t on = strlen(out);
    char *nl = realloc(out, on + 2);
    if (!nl)
        goto done;
    out = nl;
    memcpy(out + on, "\n", 2);

    /* write through a symbolic link (dotfile managers), keep the mode */
    char *real = realpath(path, NULL);
    const char *target = real ? real : path;
    struct stat st;
    mode_t mode = stat(target, &st) == 0 ? (st.st_mode & 07777) : 0644;
    char failed[4096];
    if ((err = fs_make_parents_err(target, failed, sizeof failed)) != 0)
        diag_add(diags, DIAG_ERROR, path, 0, 0,
                 "cannot create folder \"%s\": %s; the keys were not saved", failed,
                 strerror(err));
    else if ((err = fs_write_atomic(target, bom ? "\xEF\xBB\xBF" : NULL, out, strlen(out),
                                    mode)) != 0)
        diag_add(diags, DIAG_ERROR, path, 0, 0, "cannot write settings file: %s",
                 strerror(err));
    ok = err == 0;
    free(real);
    free(out);
    out = NULL;
done:
    if (!ok && diags && diags->n == start)
        diag_add(diags, DIAG_ERROR, path, 0, 0, "cannot write settings file: %s",
                 strerror(ENOMEM));
    free(out);
    json_decref(root);
    return ok;
}

/* ---- Paths ---------------------------------------------------------------- */

/* An environment variable that holds an absolute path (the XDG spec says to
 * ignore relative ones), or NULL. */
static const char *env_path(const char *name)
{
    const char *v = getenv(name);
    return v && v[0] == '/' ? v : NULL;
}

void settings_default_path(char *buf, size_t n)
{
    if (!buf || n == 0)
        return;
    const char *xdg = env_path("XDG_CONFIG_HOME");
    const char *home = env_path("HOME");
    if (xdg)
        snprintf(buf, n, "%s/vitrine/settings.json", xdg);
    else if (home)
        snprintf(buf, n, "%s/.config/vitrine/settings.json", home);
    else
        snprintf(buf, n, "/etc/vitrine/settings.json");
}

void settings_state_dir(const Settings *s, char *buf, size_t n)
{
    if (!buf || n == 0)
        return;
    const char *xdg = env_path("XDG_STATE_HOME");
    const char *home = env_path("HOME");
    if (s && s->state_dir && *s->state_dir)
        snprintf(buf, n, "%s", s->state_dir);
    else if (xdg)
        snprintf(buf, n, "%s/vitrine", xdg);
    else if (home)
        snprintf(buf, n, "%s/.local/state/vitrine", home);
    else
        snprintf(buf, n, "/var/lib/vitrine");
}
