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
    [UI_NEXT]              = {"Келесі",                      "Далее",                     "Next"},
    [UI_NOTES]             = {"Жазбалар",                    "Заметки",                   "Notes"},
    [UI_NO_NOTES]          = {"Бұл слайдқа жазба жоқ",       "К этому слайду заметок нет", "No notes for this slide"},
    [UI_PAUSED]            = {"КІДІРІС",                     "ПАУЗА",                     "PAUSED"},
    [UI_AHEAD]             = {"жоспардан алда",              "опережение",                "ahead"},
    [UI_BEHIND]            = {"жоспардан артта",             "отставание",                "behind"},
    [UI_ON_TIME]           = {"жоспар бойынша",              "по плану",                  "on time"},
    [UI_LEFT]              = {"қалды",                       "осталось",                  "left"},
    [UI_OVER]              = {"уақыттан асты",               "сверх плана",               "over"},
    [UI_END]               = {"Соңғы слайд",                 "Последний слайд",           "Last slide"},
    [UI_BLACK_SCREEN]      = {"Қара экран",                  "Чёрный экран",              "Black screen"},
    [UI_WHITE_SCREEN]      = {"Ақ экран",                    "Белый экран",               "White screen"},
    [UI_ADMIN]             = {"Әкімші",                      "Администратор",             "Administrator"},
    [UI_ENTER_PIN]         = {"PIN кодын енгізіңіз",         "Введите PIN-код",           "Enter the PIN"},
    [UI_WRONG_PIN]         = {"PIN коды қате",               "Неверный PIN-код",          "Wrong PIN"},
    [UI_LOCKED]            = {"Бір минуттан кейін қайталаңыз", "Повторите через минуту",  "Try again in a minute"},
    [UI_START_LECTURE]     = {"Дәрісті бастау",              "Начать лекцию",             "Start a lecture"},
    [UI_END_LECTURE]       = {"Дәрісті аяқтау",              "Завершить лекцию",          "End the lecture"},
    [UI_EXIT]              = {"vitrine бағдарламасын жабу",  "Закрыть vitrine",           "Exit vitrine"},
    [UI_BACK]              = {"Келушілерге оралу",           "Вернуться к посетителям",   "Back to visitors"},
    [UI_CANCEL]            = {"Болдырмау",                   "Отмена",                    "Cancel"},
    [UI_CHOOSE_LECTURE]    = {"Дәріс үшін көрмені таңдаңыз", "Выберите выставку для лекции", "Choose the exhibition to lecture on"},
    [UI_STILL_THERE]       = {"Сіз әлі осындасыз ба?",       "Вы ещё здесь?",             "Still there?"},
    [UI_TOUCH_TO_CONTINUE] = {"Жалғастыру үшін экранды түртіңіз", "Коснитесь экрана, чтобы продолжить", "Touch the screen to continue"},
    [UI_TOUCH_TO_BEGIN]    = {"Бастау үшін экранды түртіңіз", "Коснитесь экрана, чтобы начать", "Touch the screen to begin"},
    [UI_GOTO]              = {"Слайдқа өту:",                "Перейти к слайду:",         "Go to slide:"},
    [UI_PROBLEMS]          = {"Көрме файлдарында қателер бар", "В файлах выставки есть ошибки", "The exhibition's files have errors"},
    [UI_PROBLEMS_FIX]      = {"Түзетіп, сақтаңыз: слайд өздігінен қайта шығады",
                              "Исправьте и сохраните: слайд вернётся сам",
                              "Fix them and save: the slide comes back by itself"},
    [UI_MORE_BEFORE]       = {"тағы ",                       "и ещё ",                    "and "},
    [UI_MORE_AFTER]        = {" қате",                       "",                          " more"},
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
