#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every shipped language read back from the screen with tesseract.

    languages.py VITRINE OUTDIR

Renders tests/fixtures/languages (one caption in nine languages, and one
mixing Kazakh and Chinese) with --render, and the home screen of a kiosk
offering kk, ru, en, zh, de and kk-Latn, then reads the pictures with
tesseract in each language's model: the caption, the translated interface
words (po/<code>.po) and the language buttons (CLDR names) must read back.
Needs tesseract-ocr and its chi-sim, deu, tur, kat and kaz models.
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "fixtures", "languages")
vitrine, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
env = dict(os.environ, SDL_VIDEODRIVER="offscreen", SDL_RENDER_DRIVER="opengl")
failures = []


def render(name, langs, lang, *args):
    settings = os.path.join(out, name + ".json")
    with open(settings, "w", encoding="utf-8") as f:
        json.dump({"languages": langs}, f)
    png = os.path.join(out, name + ".png")
    subprocess.run([vitrine, "--render", png, "--settings", settings, "--lang", lang,
                    "--size", "1920x1080", *args], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return png


def ocr(png, model, crop=None, threshold=None):
    """The text tesseract reads, light text on dark made dark on light and
    doubled in size (tesseract reads 30-px letters better at 60). With a
    threshold (percent), only the brightest pixels are kept: the white
    words of the buttons without their grey frames, which tesseract would
    otherwise read as letters."""
    big = png[:-4] + "-ocr.png"
    cmd = ["convert", png]
    if crop:
        cmd += ["-crop", crop, "+repage"]
    if threshold:
        cmd += ["-colorspace", "gray", "-threshold", f"{threshold}%"]
    subprocess.run(cmd + ["-negate", "-resize", "200%", big], check=True)
    psm = ["--psm", "11"] if threshold else []  # scattered words, not a page
    r = subprocess.run(["tesseract", big, "-", "-l", model, *psm], capture_output=True, text=True)
    return r.stdout


def expect(what, text, words, squeeze=False):
    seen = text.replace(" ", "").replace("\n", "") if squeeze else " ".join(text.split())
    missing = [w for w in words if w not in seen]
    status = "ok" if not missing else "FAILED"
    print(f"{status}: {what}: {', '.join(words)}" + (f" (read: {seen[:200]!r})" if missing else ""))
    if missing:
        failures.append(what)


SLIDE = ("--exhibition", "polyglot", "--slide")
MIDDLE = "1920x300+0+390"  # the text slide's title and caption
TOP = "1920x110+0+0"       # the buttons
# caption, title and the interface's "Home" button in each language
CASES = [
    ("kk", "kaz", ["Қарағанды", "Суретшілер", "жалғастырды"], "Басты"),
    ("ru", "rus", ["Караганда", "Художники", "лагере"], "Главная"),
    ("en", "eng", ["Karaganda", "artists", "camp"], "Home"),
    ("de", "deu", ["Karaganda", "Künstler", "Lager"], "Start"),
    ("tr", "tur", ["Karaganda", "Sanatçılar", "kampta"], "Ana sayfa"),
    ("zh", "chi_sim", ["卡拉干达", "继续创作", "草原"], "首页"),
    ("ka", "kat", ["ყარაღანდა", "მხატვრები", "ბანაკში"], None),
    ("kk-Latn", "tur", ["Suretşiler", "lagerde", "jalğastyrdy"], "Bastı bet"),
]
for lang, model, words, home in CASES:
    png = render("slide-" + lang, [lang, "en"], lang, FIXTURE, *SLIDE, "1")
    expect(f"{lang} caption ({model})", ocr(png, model, MIDDLE), words, squeeze=lang == "zh")
    if home:
        expect(f"{lang} interface ({model})", ocr(png, model, TOP, 75), [home.replace(" ", "") if lang == "zh" else home],
               squeeze=lang == "zh")

# Arabic: shaped (joined letters), right to left: the first word is on the right
png = render("slide-ar", ["ar", "en"], "ar", FIXTURE, *SLIDE, "1")
expect("ar caption (ara)", ocr(png, "ara", MIDDLE), ["واصل", "العمل", "المخيم"])
expect("ar first word on the right (ara)", ocr(png, "ara", "960x80+960+560"), ["واصل"])
expect("ar last word on the left (ara)", ocr(png, "ara", "960x80+0+560"), ["المخيم"])
right = ocr(png, "ara", "960x80+960+560")
if "المخيم" in right:
    print("FAILED: ar: the last word is on the right")
    failures.append("ar order")

# Kazakh and Chinese in one line: both scripts drawn, neither as boxes
png = render("mixed", ["kk", "zh"], "kk", FIXTURE, *SLIDE, "2")
expect("kk+zh in one caption (kaz+chi_sim)", ocr(png, "kaz+chi_sim", MIDDLE), ["Қарағанды", "Суретшілер", "营地"])

# the six-language kiosk of issue 13: six different, correct buttons
six = ["kk", "ru", "en", "zh", "de", "kk-Latn"]
png = render("home-six", six, "zh", FIXTURE)  # 中文 is the filled one here
expect("kk, ru buttons (kaz)", ocr(png, "kaz", TOP, 75), ["ҚАЗ", "РУС"])
expect("en, de, kk-Latn buttons (eng)", ocr(png, "eng", TOP, 85), ["ENG", "Deutsch", "QAZ"])
expect("zh heading (chi_sim)", ocr(png, "chi_sim", TOP), ["选择展览"], squeeze=True)
png = render("home-six-kk", six, "kk", FIXTURE)
expect("zh button (chi_sim)", ocr(png, "chi_sim", TOP, 75), ["中文"], squeeze=True)

# the visitor statistics chart in Chinese and German: its own words translated
ROOT = os.path.join(HERE, "..", "..")
for lang, model, words in [("zh", "chi_sim", ["访客统计", "每日访问量"]), ("de", "deu", ["Besucherstatistik", "Besuche"])]:
    chart = os.path.join(out, f"chart-{lang}.png")
    subprocess.run([vitrine, "--report", os.path.join(ROOT, "tests", "fixtures", "stats"), "--from", "2026-02-01",
                    "--to", "2026-02-03", "--lang", lang, "--chart", chart, os.path.join(ROOT, "exhibitions")],
                   env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    subprocess.run(["convert", chart, "-resize", "200%", chart[:-4] + "-ocr.png"], check=True)
    text = subprocess.run(["tesseract", chart[:-4] + "-ocr.png", "-", "-l", model], capture_output=True,
                          text=True).stdout
    expect(f"{lang} statistics chart ({model})", text, words, squeeze=lang == "zh")

# --preview's banner over a broken exhibition, in Chinese (and its "and N more")
import shutil
broken = os.path.join(out, "broken")
os.makedirs(broken, exist_ok=True)
shutil.copy(os.path.join(ROOT, "tests", "fixtures", "preview-edits", "many-errors.json"),
            os.path.join(broken, "exhibition.json"))
png = render("banner-zh", ["zh", "en"], "zh", "--preview", broken)
expect("zh preview banner (chi_sim)", ocr(png, "chi_sim", "1920x160+0+0", 75), ["文件有", "请修正并保存", "自动恢复"], squeeze=True)
expect("zh preview 'and N more' (chi_sim)", ocr(png, "chi_sim", "1920x90+0+990"), ["还有"], squeeze=True)

# --missing-strings: nothing for a shipped translation, every entry for one not yet begun
for lang, rc in [("zh", 0), ("kk-Latn", 0), ("ka", 1)]:
    r = subprocess.run([vitrine, "--missing-strings", lang], env=env, capture_output=True, text=True)
    ok = r.returncode == rc and (rc == 0) == (" 0 of " in r.stdout) and (rc == 0 or 'msgid "Home"' in r.stdout)
    print(("ok" if ok else "FAILED") + f": --missing-strings {lang}: {r.stdout.splitlines()[-1] if r.stdout else r.stderr}")
    if not ok:
        failures.append("--missing-strings " + lang)

# --check: no warning for the scripts installed fonts draw (Chinese, Arabic,
# Georgian), one for Toto (Unicode 14), which no Debian 12 font has
tofu = os.path.join(out, "tofu", "tofu")
os.makedirs(tofu, exist_ok=True)
with open(os.path.join(tofu, "exhibition.json"), "w", encoding="utf-8") as f:
    json.dump({"id": "tofu", "title": "Tofu", "languages": ["kk", "zh"],
               "slides": [{"title": {"kk": "Қарағанды", "zh": "卡拉干达"},
                           "text": {"kk": "Тото жазуы: \U0001E290\U0001E291", "zh": "中文 واصل ქართული"}}]},
              f, ensure_ascii=False)
r = subprocess.run([vitrine, "--check", os.path.dirname(tofu)], env=env, capture_output=True, text=True)
warn = [l for l in r.stdout.splitlines() if "no installed font" in l]
ok = len(warn) == 1 and "U+1E290" in warn[0] and "(kk)" in warn[0] and r.returncode == 0
print(("ok" if ok else "FAILED") + ": --check names the one character no font has: " + "; ".join(warn or [r.stdout]))
if not ok:
    failures.append("--check fonts")

if failures:
    print(f"{len(failures)} failed: {', '.join(failures)}")
    sys.exit(1)
print("every language read back")
