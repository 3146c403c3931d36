/* SPDX-License-Identifier: GPL-3.0-or-later */
/* read_aloud.c - see read_aloud.h */
#include "read_aloud.h"

#include <string.h>

/* ---- voices ----------------------------------------------------------------- */

/* The languages of Debian 12's espeak-ng-data (1.51, `espeak-ng --voices`)
 * under a name espeak_SetVoiceByName takes, as `espeak-ng -v NAME` does;
 * sorted (strcmp). Voices for scripts or dialects that a plain BCP 47
 * code would not name (cmn-latn-pinyin, en-gb-x-rp ...) are left out. */
static const char *const VOICES[] = {
    "af", "am", "an", "ar", "as", "az", "ba", "be", "bg", "bn", "bpy", "bs", "ca", "cmn", "cs",
    "cv", "cy", "da", "de", "el", "en", "en-029", "en-gb", "en-us", "eo", "es", "es-419", "et",
    "eu", "fa", "fi", "fr", "fr-be", "fr-ch", "ga", "gd", "gn", "grc", "gu", "hak", "haw", "he",
    "hi", "hr", "ht", "hu", "hy", "hyw", "ia", "id", "io", "is", "it", "ja", "jbo", "ka", "kk",
    "kl", "kn", "ko", "kok", "ku", "ky", "la", "lb", "lfn", "lt", "ltg", "lv", "mi", "mk", "ml",
    "mr", "ms", "mt", "my", "nb", "nci", "ne", "nl", "nog", "om", "or", "pa", "pap", "pl", "pt",
    "pt-br", "qu", "quc", "ro", "ru", "ru-lv", "sd", "shn", "si", "sk", "sl", "smj", "sq", "sr",
    "sv", "sw", "ta", "te", "th", "tk", "tn", "tr", "tt", "ug", "uk", "ur", "uz", "vi", "yue",
};

/* Codes that name their language otherwise than espeak-ng does: Chinese
 * written in simplified characters is read as Mandarin, Hong Kong's as
 * Cantonese; the old codes for Norwegian and Hebrew. zh-Hant and zh-TW
 * have none: whether the Mandarin voice reads traditional characters was
 * not checked. */
static const char *const ALIASES[][2] = {
    {"zh", "cmn"}, {"zh-hans", "cmn"}, {"zh-cn", "cmn"}, {"zh-sg", "cmn"}, {"zh-hk", "yue"},
    {"zh-mo", "yue"}, {"zh-hant", NULL}, {"zh-tw", NULL}, {"no", "nb"}, {"iw", "he"},
};

static const char *known_voice(const char *code)
{
    size_t lo = 0, hi = sizeof VOICES / sizeof VOICES[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(code, VOICES[mid]);
        if (c == 0)
            return VOICES[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

/* A subtag of four letters after the language is a script ("Latn"). */
static bool has_script(const char *code)
{
    const char *dash = strchr(code, '-');
    if (!dash)
        return false;
    size_t n = strcspn(dash + 1, "-");
    return n == 4;
}

const char *read_aloud_voice(const char *lang)
{
    char code[LANG_CODE_MAX];
    size_t n = lang ? strlen(lang) : 0;
    if (n == 0 || n >= sizeof code)
        return NULL;
    for (size_t i = 0; i <= n; i++)
        code[i] = (char)(lang[i] >= 'A' && lang[i] <= 'Z' ? lang[i] - 'A' + 'a' : lang[i]);
    for (size_t i = 0; i < sizeof ALIASES / sizeof ALIASES[0]; i++)
        if (strcmp(code, ALIASES[i][0]) == 0)
            return ALIASES[i][1];
    const char *v = known_voice(code);
    if (v || has_script(code))
        return v; /* kk-Latn: espeak-ng's Kazakh reads Cyrillic only */
    /* a region the voices do not tell apart (de-AT, ru-KZ): the language's */
    char *dash = strchr(code, '-');
    if (!dash)
        return NULL;
    *dash = '\0';
    return read_aloud_voice(code);
}

/* ---- what is said ------------------------------------------------------------ */

/* The language the text loc_get() gave is written in: its entry's code, or
 * the visitor's for the one text for every language. */
static const char *text_lang(const Localized *l, const char *text, const char *lang)
{
    for (int i = 0; i < l->n; i++)
        if (l->items[i].text == text)
            return strcmp(l->items[i].code, LOC_ALL) == 0 ? lang : l->items[i].code;
    return lang;
}

static void add_part(ReadAloud *out, const Localized *l, const char *lang, const Exhibition *ex)
{
    const char *text = loc_get(l, lang, ex);
    const char *voice = text && *text ? read_aloud_voice(text_lang(l, text, lang)) : NULL;
    if (voice && out->n < READ_ALOUD_PARTS)
        out->part[out->n++] = (ReadAloudPart){voice, text};
}

bool read_aloud_slide(const Exhibition *ex, int slide, const char *lang, ReadAloud *out)
{
    memset(out, 0, sizeof *out);
    if (!ex || slide < 0 || slide >= ex->n_slides || !read_aloud_voice(lang))
        return false;
    const Slide *sl = &ex->slides[slide];
    add_part(out, &sl->title, lang, ex);
    /* as the screen shows it (slide_geom_text): under a picture or film the
     * caption, else the text; a text slide's text */
    bool pictured = sl->image || slide_media_has_video(&sl->media);
    add_part(out, pictured && loc_get(&sl->caption, lang, ex) ? &sl->caption : &sl->text, lang, ex);
    return out->n > 0;
}
