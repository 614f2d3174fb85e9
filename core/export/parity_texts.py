"""The fixed texts every exported GGUF is checked on. Tokenization texts aim at where a re-implemented
tokenizer goes wrong: digit grouping, apostrophes, runs of spaces and newlines, emoji and other
4-byte characters, mixed scripts, and chat markup (special tokens inside text). Prompts are ordinary
Russian and English prose and chat, for next-token agreement."""

from __future__ import annotations

PARITY_TEXTS: tuple[str, ...] = (
    "Привет, мир! Как у тебя дела сегодня?",
    "Москва — столица России. В 1147 году её впервые упомянули в летописи…",
    "The quick brown fox jumps over the lazy dog; it's 2024, isn't it?",
    "Числа: 0, 7, 42, 3.14159, 1 000 000, 2,5%, +7 (495) 123-45-67 и 12345678901234567890.",
    "  два  пробела\n\nи\tтабуляция,   три пробела,\n\n\nтри перевода строки \n \t \n",
    "Ёжик в тумане: «ёлки-палки», — don't you'll I'M WE'VE д'Артаньян O'Reilly",
    "Эмодзи 😀👍🏽 и флаги 🇷🇺🇬🇧, знаки ©®™ № § ∑ ≠ → ½ °C",
    "ПРИВЕТ Мир мИр HeLLo WORLD ёЁ",
    " пробел в начале и в конце ",
    "naïve café — Zürich, São Paulo, Ελληνικά, 中文, العربية, עברית",
    "URL: https://example.com/путь?q=тест&x=1, почта ivan.petrov@mail.ru",
    "def add(a, b):\n    return a + b  # два пробела, затем комментарий\n",
    "<|im_start|>system\nТы полезный помощник.<|im_end|>\n<|im_start|>user\nСколько будет 2+2?<|im_end|>\n"
    "<|im_start|>assistant\n",
    "<s>[INST] Переведи на английский: «Доброе утро» [/INST]</s>",
    "Русский язык богат и выразителен; на нём написаны романы, стихи и научные труды. Модель читает текст "
    "по токенам: чем длиннее токен, тем быстрее генерация и дешевле обучение. В 2023 году было 365 дней, "
    "а в 2024-м — 366.",
    "\n",
    "!!!???...,,,;;;:::---___===+++***",
)

CHAT_PROBE = (
    {"role": "system", "content": "Ты — полезный ассистент."},
    {"role": "user", "content": "Как дела? Ответь коротко, 2–3 слова 🙂"},
    {"role": "assistant", "content": "Всё хорошо, спасибо!"},
    {"role": "user", "content": "What is 17 × 3?"},
)

PARITY_PROMPTS: tuple[str, ...] = (
    "Москва — столица России, крупнейший по численности населения город страны. Она стоит на реке",
    "Русский язык относится к восточнославянской группе языков. На нём говорят",
    "В 1961 году Юрий Гагарин первым из людей полетел в космос. Его корабль назывался",
    "Чтобы приготовить борщ, нужны свёкла, капуста, картофель и",
    "The capital of France is Paris. The capital of Germany is",
    "Language models read text as tokens; a tokenizer that splits Russian into single bytes makes",
    "def fibonacci(n):\n    if n < 2:\n        return n\n    return",
    "Вопрос: сколько будет 12 умножить на 12?\nОтвет:",
)
