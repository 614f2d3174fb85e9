"""The texts a rebuilt tokenizer must tokenize exactly as llama.cpp does before an import accepts it.

Our own texts of the kinds llama.cpp's tokenizer test suite (test-tokenizer-0) uses, plus Russian:
leading, repeated and trailing spaces, tabs, newlines and carriage returns alone and mixed; digit runs
of every length 1-7 (splits group digits by 1, 3 or none); numeric characters that are not ASCII
digits (½, ², Ⅻ: `\\p{N}` splits treat them as numbers); apostrophe contractions in every case;
emoji, flags, combining and rare Unicode; mixed scripts; code with indentation; punctuation runs
after a newline. Each text is short, so the check stays fast (one vocab-only load in llama.cpp).
"""

from __future__ import annotations

PROBE_TEXTS: tuple[str, ...] = (
    "Привет, мир! Как у тебя дела сегодня?",
    "Москва — столица России. В 1147 году её впервые упомянули в летописи…",
    "The quick brown fox jumps over the lazy dog; it's 2024, isn't it?",
    # whitespace: alone, leading, repeated, trailing, mixed with tabs, newlines and CR
    " ", "  ", "   ", "\t", "\n", "\n\n", "\n\n\n", "\t\n", " \n \t ",
    " Привет", "  два  пробела", "   три пробела в начале", "Hello world ", " Hello World",
    "строка\n\nи\tтабуляция\t\tдве, \r\nконец\r\n",
    "\n =", "a\n\n  -> b\n\t- c",
    # digits and other numbers
    "7 42 333 4444 55555 666666 7777777 и 3.14159, 1 000 000, 2,5%",
    "цены 12руб 3ч 45мин; +7 (495) 123-45-67; 2023-12-01",
    "дроби ½ ¾ ⅓, степени x² м³, индексы H₂O, Ⅻ век, ① ② ③, ٣ ٤",
    # apostrophes and case
    "don't you'll I'M WE'VE they'd She'S y'all 'quoted' д'Артаньян O'Reilly",
    "ПРИВЕТ Мир мИр HeLLo WORLD ёЁ Ёжик «ёлки-палки»",
    # emoji and rare Unicode, mixed scripts
    "🦙.cpp 😀👍🏽 🇷🇺🇬🇧 👨‍👩‍👧 ∑ ≠ → © ™ № § °C",
    "naïve café Zürich São Paulo Ελληνικά 中文 日本語 한국어 العربية עברית हिन्दी ไทย",
    "é (e + ◌́), ﬁ ligature, ＡＢＣ fullwidth, \u00a0nbsp\u200bzwsp\u2028ls",
    "Äpfel über Öl; Ünal, ßtraße",
    # code
    "def add(a, b):\n    return a + b  # два пробела\n\tif x == y != z: print(\"ok\")\n",
    "for (int i = 0; i < n; ++i) { s += a[i]; } // C++ && || >>= <<=",
    "!!!???...,,,;;;:::---___===+++***~~~```",
    # longer Russian prose
    "Русский язык богат и выразителен; на нём написаны романы, стихи и научные труды. Модель читает "
    "текст по токенам: чем длиннее токен, тем быстрее генерация.",
)
