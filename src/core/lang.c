/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lang.c - see lang.h
 *
 * To add a language, add its entry to LANGS: the code, its own short name,
 * whether kiosks offer it by default, and its words (a word left out shows
 * in English). tests/unit/test_lang.c checks every entry.
 */
#include "lang.h"

#include <stdio.h>
#include <string.h>

static const Lang LANGS[] = {
    {
        .code = "kk",
        .name = "ҚАЗ",
        .offered = true,
        .ui = {
            [UI_CHOOSE_EXHIBITION] = "Көрмені таңдаңыз",
            [UI_HOME] = "Басты бет",
            [UI_NO_EXHIBITIONS] = "Қазір көрмелер жоқ",
            [UI_IMAGE_UNAVAILABLE] = "Сурет уақытша қолжетімсіз",
            [UI_SLIDES] = "слайд",
            [UI_NEXT] = "Келесі",
            [UI_NOTES] = "Жазбалар",
            [UI_NO_NOTES] = "Бұл слайдқа жазба жоқ",
            [UI_PAUSED] = "КІДІРІС",
            [UI_AHEAD] = "жоспардан алда",
            [UI_BEHIND] = "жоспардан артта",
            [UI_ON_TIME] = "жоспар бойынша",
            [UI_LEFT] = "қалды",
            [UI_OVER] = "уақыттан асты",
            [UI_END] = "Соңғы слайд",
            [UI_BLACK_SCREEN] = "Қара экран",
            [UI_WHITE_SCREEN] = "Ақ экран",
            [UI_GOTO] = "Слайдқа өту:",
            [UI_ADMIN] = "Әкімші",
            [UI_ENTER_PIN] = "PIN кодын енгізіңіз",
            [UI_WRONG_PIN] = "PIN коды қате",
            [UI_LOCKED] = "Бір минуттан кейін қайталаңыз",
            [UI_START_LECTURE] = "Дәрісті бастау",
            [UI_END_LECTURE] = "Дәрісті аяқтау",
            [UI_EXIT] = "vitrine бағдарламасын жабу",
            [UI_BACK] = "Келушілерге оралу",
            [UI_CANCEL] = "Болдырмау",
            [UI_CHOOSE_LECTURE] = "Дәріс үшін көрмені таңдаңыз",
            [UI_NO_PIN_NO_EXIT] = "PIN коды орнатылмаған, сондықтан бұл мәзір vitrine бағдарламасын жаппайды. "
                                  "PIN кодын vitrine --hash-pin командасымен орнатыңыз; қызметкерлер бағдарламаны "
                                  "systemctl stop vitrine командасымен тоқтата алады.",
            [UI_STILL_THERE] = "Сіз әлі осындасыз ба?",
            [UI_TOUCH_TO_CONTINUE] = "Жалғастыру үшін экранды түртіңіз",
            [UI_TOUCH_TO_BEGIN] = "Бастау үшін экранды түртіңіз",
            [UI_PROBLEMS] = "Көрме файлдарында қателер бар",
            [UI_PROBLEMS_FIX] = "Түзетіп, сақтаңыз: слайд өздігінен қайта шығады",
            [UI_MORE_BEFORE] = "тағы ",
            [UI_MORE_AFTER] = " қате",
            [UI_CHART_TITLE] = "Келушілер статистикасы",
            [UI_CHART_DWELL] = "Әр слайдқа жұмсалған уақыт (медиана)",
            [UI_CHART_PER_DAY] = "Күн сайынғы келулер, тіл бойынша",
            [UI_CHART_VISITS] = "келу саны",
            [UI_CHART_NO_VISITS] = "келу жоқ",
            [UI_BEING_PREPARED] = "Бұл көрме дайындалып жатыр. Сәл кейінірек келіңіз.",
        },
    },
    {
        .code = "ru",
        .name = "РУС",
        .offered = true,
        .ui = {
            [UI_CHOOSE_EXHIBITION] = "Выберите выставку",
            [UI_HOME] = "Главная",
            [UI_NO_EXHIBITIONS] = "Сейчас выставок нет",
            [UI_IMAGE_UNAVAILABLE] = "Изображение временно недоступно",
            [UI_SLIDES] = "слайдов",
            [UI_NEXT] = "Далее",
            [UI_NOTES] = "Заметки",
            [UI_NO_NOTES] = "К этому слайду заметок нет",
            [UI_PAUSED] = "ПАУЗА",
            [UI_AHEAD] = "опережение",
            [UI_BEHIND] = "отставание",
            [UI_ON_TIME] = "по плану",
            [UI_LEFT] = "осталось",
            [UI_OVER] = "сверх плана",
            [UI_END] = "Последний слайд",
            [UI_BLACK_SCREEN] = "Чёрный экран",
            [UI_WHITE_SCREEN] = "Белый экран",
            [UI_GOTO] = "Перейти к слайду:",
            [UI_ADMIN] = "Администратор",
            [UI_ENTER_PIN] = "Введите PIN-код",
            [UI_WRONG_PIN] = "Неверный PIN-код",
            [UI_LOCKED] = "Повторите через минуту",
            [UI_START_LECTURE] = "Начать лекцию",
            [UI_END_LECTURE] = "Завершить лекцию",
            [UI_EXIT] = "Закрыть vitrine",
            [UI_BACK] = "Вернуться к посетителям",
            [UI_CANCEL] = "Отмена",
            [UI_CHOOSE_LECTURE] = "Выберите выставку для лекции",
            [UI_NO_PIN_NO_EXIT] = "PIN-код не задан, поэтому это меню не закрывает vitrine. "
                                  "Задайте его командой vitrine --hash-pin; персонал может остановить vitrine "
                                  "командой systemctl stop vitrine.",
            [UI_STILL_THERE] = "Вы ещё здесь?",
            [UI_TOUCH_TO_CONTINUE] = "Коснитесь экрана, чтобы продолжить",
            [UI_TOUCH_TO_BEGIN] = "Коснитесь экрана, чтобы начать",
            [UI_PROBLEMS] = "В файлах выставки есть ошибки",
            [UI_PROBLEMS_FIX] = "Исправьте и сохраните: слайд вернётся сам",
            [UI_MORE_BEFORE] = "и ещё ",
            [UI_MORE_AFTER] = "",
            [UI_CHART_TITLE] = "Статистика посещений",
            [UI_CHART_DWELL] = "Время на каждом слайде (медиана)",
            [UI_CHART_PER_DAY] = "Посещения по дням, по языкам",
            [UI_CHART_VISITS] = "посещений",
            [UI_CHART_NO_VISITS] = "посещений нет",
            [UI_BEING_PREPARED] = "Эта выставка готовится. Загляните, пожалуйста, чуть позже.",
        },
    },
    {
        .code = "en",
        .name = "ENG",
        .offered = true,
        .ui = {
            [UI_CHOOSE_EXHIBITION] = "Choose an exhibition",
            [UI_HOME] = "Home",
            [UI_NO_EXHIBITIONS] = "No exhibitions at the moment",
            [UI_IMAGE_UNAVAILABLE] = "Image temporarily unavailable",
            [UI_SLIDES] = "slides",
            [UI_NEXT] = "Next",
            [UI_NOTES] = "Notes",
            [UI_NO_NOTES] = "No notes for this slide",
            [UI_PAUSED] = "PAUSED",
            [UI_AHEAD] = "ahead",
            [UI_BEHIND] = "behind",
            [UI_ON_TIME] = "on time",
            [UI_LEFT] = "left",
            [UI_OVER] = "over",
            [UI_END] = "Last slide",
            [UI_BLACK_SCREEN] = "Black screen",
            [UI_WHITE_SCREEN] = "White screen",
            [UI_GOTO] = "Go to slide:",
            [UI_ADMIN] = "Administrator",
            [UI_ENTER_PIN] = "Enter the PIN",
            [UI_WRONG_PIN] = "Wrong PIN",
            [UI_LOCKED] = "Try again in a minute",
            [UI_START_LECTURE] = "Start a lecture",
            [UI_END_LECTURE] = "End the lecture",
            [UI_EXIT] = "Exit vitrine",
            [UI_BACK] = "Back to visitors",
            [UI_CANCEL] = "Cancel",
            [UI_CHOOSE_LECTURE] = "Choose the exhibition to lecture on",
            [UI_NO_PIN_NO_EXIT] = "No PIN is set, so this menu cannot close vitrine. "
                                  "Set one with vitrine --hash-pin; staff can stop vitrine with systemctl stop vitrine.",
            [UI_STILL_THERE] = "Still there?",
            [UI_TOUCH_TO_CONTINUE] = "Touch the screen to continue",
            [UI_TOUCH_TO_BEGIN] = "Touch the screen to begin",
            [UI_PROBLEMS] = "The exhibition's files have errors",
            [UI_PROBLEMS_FIX] = "Fix them and save: the slide comes back by itself",
            [UI_MORE_BEFORE] = "and ",
            [UI_MORE_AFTER] = " more",
            [UI_CHART_TITLE] = "Visitor statistics",
            [UI_CHART_DWELL] = "Time on each slide (median)",
            [UI_CHART_PER_DAY] = "Visits per day, by language",
            [UI_CHART_VISITS] = "visits",
            [UI_CHART_NO_VISITS] = "no visits",
            [UI_BEING_PREPARED] = "This exhibition is being prepared. Please come back a little later.",
        },
    },
};

#define N_LANGS (int)(sizeof LANGS / sizeof LANGS[0])
_Static_assert(N_LANGS <= LANG_MAX, "raise LANG_MAX");

int lang_count(void)
{
    return N_LANGS;
}

const Lang *lang_at(int i)
{
    return i >= 0 && i < N_LANGS ? &LANGS[i] : NULL;
}

const Lang *lang_find(const char *code)
{
    for (int i = 0; code && i < N_LANGS; i++)
        if (strcmp(LANGS[i].code, code) == 0)
            return &LANGS[i];
    return NULL;
}

const Lang *lang_get(const char *code)
{
    const Lang *l = lang_find(code);
    if (!l)
        l = lang_find(LANG_FALLBACK);
    return l ? l : &LANGS[0];
}

const char *lang_text(UiString s, const char *code)
{
    if ((unsigned)s >= UI__COUNT)
        return "";
    const char *t = lang_get(code)->ui[s];
    if (!t)
        t = lang_get(LANG_FALLBACK)->ui[s];
    return t ? t : "";
}

int lang_defaults(const char **out, int cap)
{
    int n = 0;
    for (int i = 0; i < N_LANGS && n < cap; i++)
        if (LANGS[i].offered)
            out[n++] = LANGS[i].code;
    return n;
}

char *lang_codes_text(const char *const *codes, int n, char *buf, size_t cap)
{
    size_t o = (size_t)snprintf(buf, cap, "[");
    for (int i = 0; i < n && o < cap; i++)
        o += (size_t)snprintf(buf + o, cap - o, "%s\"%s\"", i ? ", " : "", codes[i]);
    if (o < cap)
        snprintf(buf + o, cap - o, "]");
    return buf;
}

char *lang_list_text(char *buf, size_t cap)
{
    size_t o = 0;
    buf[0] = '\0';
    for (int i = 0; i < N_LANGS && o < cap; i++) {
        const char *sep = i == 0 ? "" : i == N_LANGS - 1 ? " and " : ", ";
        int k = snprintf(buf + o, cap - o, "%s%s", sep, LANGS[i].code);
        if (k < 0)
            break;
        o += (size_t)k;
    }
    return buf;
}
