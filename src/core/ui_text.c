/* ui_text.c - see ui_text.h */
#include "ui_text.h"

#include <string.h>

static const char *const ui_table[UI__COUNT][3] = {
    /*                        kk                              ru                           en */
    [UI_CHOOSE_EXHIBITION] = {"Көрмені таңдаңыз",            "Выберите выставку",         "Choose an exhibition"},
    [UI_HOME]              = {"Басты бет",                   "Главная",                   "Home"},
    [UI_NO_EXHIBITIONS]    = {"Қазір көрмелер жоқ",          "Сейчас выставок нет",       "No exhibitions at the moment"},
    [UI_IMAGE_UNAVAILABLE] = {"Сурет уақытша қолжетімсіз",   "Изображение временно недоступно", "Image temporarily unavailable"},
    [UI_LANG_NAME]         = {"ҚАЗ",                         "РУС",                       "ENG"},
    [UI_SLIDES]            = {"слайд",                       "слайдов",                   "slides"},
};

const char *ui_text(UiString s, const char *lang)
{
    int col = 2;
    if (lang && strcmp(lang, "kk") == 0)
        col = 0;
    else if (lang && strcmp(lang, "ru") == 0)
        col = 1;
    if ((unsigned)s >= UI__COUNT)
        return "";
    return ui_table[s][col];
}
