/* SPDX-License-Identifier: GPL-3.0-or-later */
/* scripts.c - see scripts.h. The ranges are Unicode's blocks. */
#include "scripts.h"

#include <stddef.h>

static const Script SCRIPTS[] = {
    {0x0000, 0x024F, "Latin", "fonts-noto-core"},
    {0x0370, 0x03FF, "Greek", "fonts-noto-core"},
    {0x0400, 0x052F, "Cyrillic", "fonts-noto-core"},
    {0x0530, 0x058F, "Armenian", "fonts-noto-core"},
    {0x0590, 0x05FF, "Hebrew", "fonts-noto-core"},
    {0x0600, 0x06FF, "Arabic", "fonts-noto-core"},
    {0x0700, 0x074F, "Syriac", "fonts-noto-core"},
    {0x0750, 0x077F, "Arabic", "fonts-noto-core"},
    {0x0900, 0x097F, "Devanagari", "fonts-noto-core"},
    {0x0980, 0x09FF, "Bengali", "fonts-noto-core"},
    {0x0B80, 0x0BFF, "Tamil", "fonts-noto-core"},
    {0x0E00, 0x0E7F, "Thai", "fonts-noto-core"},
    {0x0F00, 0x0FFF, "Tibetan", "fonts-noto-core"},
    {0x10A0, 0x10FF, "Georgian", "fonts-noto-core"},
    {0x1100, 0x11FF, "Hangul", "fonts-noto-cjk"},
    {0x1200, 0x139F, "Ethiopic", "fonts-noto-core"},
    {0x1800, 0x18AF, "Mongolian", "fonts-noto-core"},
    {0x1C90, 0x1CBF, "Georgian", "fonts-noto-core"},
    {0x1E00, 0x1EFF, "Latin", "fonts-noto-core"},
    {0x2E80, 0x2FDF, "Han", "fonts-noto-cjk"},
    {0x3000, 0x303F, "CJK punctuation", "fonts-noto-cjk"},
    {0x3040, 0x30FF, "Japanese kana", "fonts-noto-cjk"},
    {0x3100, 0x31BF, "Bopomofo", "fonts-noto-cjk"},
    {0x3400, 0x4DBF, "Han", "fonts-noto-cjk"},
    {0x4E00, 0x9FFF, "Han", "fonts-noto-cjk"},
    {0xAC00, 0xD7AF, "Hangul", "fonts-noto-cjk"},
    {0xFB50, 0xFDFF, "Arabic", "fonts-noto-core"},
    {0xFE70, 0xFEFF, "Arabic", "fonts-noto-core"},
    {0xFF00, 0xFFEF, "CJK full-width forms", "fonts-noto-cjk"},
    {0x1F300, 0x1FAFF, "emoji", "fonts-noto-color-emoji"},
    {0x20000, 0x2FFFF, "Han", "fonts-noto-cjk"},
};

const Script *script_of(uint32_t cp)
{
    for (size_t i = 0; i < sizeof SCRIPTS / sizeof SCRIPTS[0]; i++)
        if (cp >= SCRIPTS[i].first && cp <= SCRIPTS[i].last)
            return &SCRIPTS[i];
    return NULL;
}
