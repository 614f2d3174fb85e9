<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AnnotatePage</name>
    <message>
        <source>Vote</source>
        <translation>Голосование</translation>
    </message>
    <message>
        <source>Sessions (owner)</source>
        <translation>Сессии (владелец)</translation>
    </message>
</context>
<context>
    <name>AnnotatorView</name>
    <message>
        <source>Your &amp;name</source>
        <translation>Ваше &amp;имя</translation>
    </message>
    <message>
        <source>e.g. Anna</source>
        <translation>например, Анна</translation>
    </message>
    <message>
        <source>Open session…</source>
        <translation>Открыть сессию…</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Запрос</translation>
    </message>
    <message>
        <source>Voted</source>
        <translation>Оценено</translation>
    </message>
    <message>
        <source>Answer A</source>
        <translation>Ответ A</translation>
    </message>
    <message>
        <source>Answer B</source>
        <translation>Ответ B</translation>
    </message>
    <message>
        <source>A is better</source>
        <translation>A лучше</translation>
    </message>
    <message>
        <source>B is better</source>
        <translation>B лучше</translation>
    </message>
    <message>
        <source>Tie</source>
        <translation>Одинаково</translation>
    </message>
    <message>
        <source>Both bad</source>
        <translation>Оба плохие</translation>
    </message>
    <message>
        <source>&amp;Comment</source>
        <translation>&amp;Комментарий</translation>
    </message>
    <message>
        <source>Optional: why (saved with the vote)</source>
        <translation>Необязательно: почему (сохраняется с оценкой)</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ Назад</translation>
    </message>
    <message>
        <source>Forward ▶</source>
        <translation>Вперёд ▶</translation>
    </message>
    <message>
        <source>Could not open the session: {error}</source>
        <translation>Не удалось открыть сессию: {error}</translation>
    </message>
    <message>
        <source>Open an annotation session</source>
        <translation>Открыть сессию разметки</translation>
    </message>
    <message>
        <source>Annotation sessions (*.sqlite *.db);;All files (*)</source>
        <translation>Сессии разметки (*.sqlite *.db);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Could not save the vote: {error}. Is the session file writable?</source>
        <translation>Не удалось сохранить оценку: {error}. Доступен ли файл сессии для записи?</translation>
    </message>
    <message>
        <source>All {total} items have a vote. Thank you! Go back to change any of them.</source>
        <translation>Все {total} пар оценены. Спасибо! Можно вернуться назад и изменить любую оценку.</translation>
    </message>
    <message>
        <source>Session: {file}</source>
        <translation>Сессия: {file}</translation>
    </message>
    <message>
        <source>No session open</source>
        <translation>Сессия не открыта</translation>
    </message>
    <message>
        <source>Items you have voted on</source>
        <translation>Сколько пар вы уже оценили</translation>
    </message>
    <message>
        <source>Item {number} of {total}</source>
        <translation>Пара {number} из {total}</translation>
    </message>
    <message>
        <source>Enter your name to start: your votes are saved under it.</source>
        <translation>Введите имя, чтобы начать: оценки сохраняются под ним.</translation>
    </message>
    <message>
        <source>Open the session file you were given.</source>
        <translation>Откройте файл сессии, который вам передали.</translation>
    </message>
    <message>
        <source>This session has no answers yet: ask its owner for a finished copy.</source>
        <translation>В этой сессии ещё нет ответов: попросите у владельца готовую копию.</translation>
    </message>
    <message>
        <source>Which answer is better? Vote with the buttons or keys 1–4 (A, B, T, X); ← and → move between items. Every vote is saved at once.</source>
        <translation>Какой ответ лучше? Голосуйте кнопками или клавишами 1–4 (A, B, T, X); ← и → — переход между парами. Каждая оценка сохраняется сразу.</translation>
    </message>
</context>
<context>
    <name>ChatPage</name>
    <message>
        <source>S&amp;ystem prompt</source>
        <translation>С&amp;истемный промпт</translation>
    </message>
    <message>
        <source>Optional: how the models should behave</source>
        <translation>Необязательно: как моделям себя вести</translation>
    </message>
    <message>
        <source>&amp;Context</source>
        <translation>&amp;Контекст</translation>
    </message>
    <message>
        <source>Context size in tokens for models loaded from now on</source>
        <translation>Размер контекста в токенах для моделей, загружаемых после этого</translation>
    </message>
    <message>
        <source>Show t&amp;okens</source>
        <translation>Показать т&amp;окены</translation>
    </message>
    <message>
        <source>Show each prompt and answer cut into the model&apos;s tokens</source>
        <translation>Показать каждый запрос и ответ, разбитые на токены модели</translation>
    </message>
    <message>
        <source>Add model</source>
        <translation>Добавить модель</translation>
    </message>
    <message>
        <source>Save comparison…</source>
        <translation>Сохранить сравнение…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Очистить</translation>
    </message>
    <message>
        <source>Ask every loaded model the same thing (Ctrl+Enter sends)</source>
        <translation>Спросите все загруженные модели об одном и том же (Ctrl+Enter — отправить)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Отправить</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Ask the last prompt again on every side</source>
        <translation>Задать последний запрос заново всем моделям</translation>
    </message>
    <message>
        <source>Stop all</source>
        <translation>Остановить все</translation>
    </message>
    <message>
        <source>Load a model first (or wait for the answers under way).</source>
        <translation>Сначала загрузите модель (или дождитесь текущих ответов).</translation>
    </message>
    <message>
        <source>Save comparison</source>
        <translation>Сохранить сравнение</translation>
    </message>
    <message>
        <source>Markdown and JSON (*.md)</source>
        <translation>Markdown и JSON (*.md)</translation>
    </message>
    <message>
        <source>Saved {files}</source>
        <translation>Сохранено: {files}</translation>
    </message>
    <message>
        <source>Could not save the comparison: {error}</source>
        <translation>Не удалось сохранить сравнение: {error}</translation>
    </message>
</context>
<context>
    <name>ChatProcess</name>
    <message>
        <source>The model&apos;s process crashed (killed by {signal}).</source>
        <translation>Процесс модели аварийно завершился (сигнал {signal}).</translation>
    </message>
    <message>
        <source>The model&apos;s process crashed.</source>
        <translation>Процесс модели аварийно завершился.</translation>
    </message>
    <message>
        <source>The model&apos;s process ended (exit code {code}).</source>
        <translation>Процесс модели завершился (код выхода {code}).</translation>
    </message>
    <message>
        <source>Could not start the model&apos;s process: {error}</source>
        <translation>Не удалось запустить процесс модели: {error}</translation>
    </message>
</context>
<context>
    <name>ChatSide</name>
    <message>
        <source>Model {n}</source>
        <translation>Модель {n}</translation>
    </message>
    <message>
        <source>A GGUF model file</source>
        <translation>Файл модели GGUF</translation>
    </message>
    <message>
        <source>Choose a GGUF file</source>
        <translation>Выбрать файл GGUF</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Загрузить</translation>
    </message>
    <message>
        <source>Remove this model from the comparison</source>
        <translation>Убрать эту модель из сравнения</translation>
    </message>
    <message>
        <source>Own settings</source>
        <translation>Свои настройки</translation>
    </message>
    <message>
        <source>Generate this side with its own temperature, top-p, max tokens and seed instead of the shared ones</source>
        <translation>Генерировать эту сторону со своими температурой, top-p, числом токенов и seed вместо общих</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Остановить</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>There is no file at {path}.</source>
        <translation>Файла {path} не существует.</translation>
    </message>
    <message>
        <source>Choose a GGUF model file first.</source>
        <translation>Сначала выберите файл модели GGUF.</translation>
    </message>
    <message>
        <source>No model loaded.</source>
        <translation>Модель не загружена.</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>Загрузка модели…</translation>
    </message>
    <message>
        <source>Could not load this model: {message}</source>
        <translation>Не удалось загрузить модель: {message}</translation>
    </message>
    <message>
        <source>The model stopped working: {message}
Press Load to start it again.</source>
        <translation>Модель перестала работать: {message}
Нажмите «Загрузить», чтобы запустить её снова.</translation>
    </message>
    <message>
        <source>{name} · {architecture} · vocabulary {vocab} · context {ctx}</source>
        <translation>{name} · {architecture} · словарь {vocab} · контекст {ctx}</translation>
    </message>
    <message>
        <source>Choose a GGUF model</source>
        <translation>Выбрать модель GGUF</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>Модели GGUF (*.gguf);;Все файлы (*)</translation>
    </message>
</context>
<context>
    <name>ComputePage</name>
    <message>
        <source>Run “{stage}” to see the compute plan of the training stages: it needs the source model&apos;s sizes.</source>
        <translation>Запустите «{stage}», чтобы увидеть план вычислений для этапов обучения: для него нужны размеры исходной модели.</translation>
    </message>
    <message>
        <source>The plan counts the new vocabulary&apos;s size.</source>
        <translation>План учитывает размер нового словаря.</translation>
    </message>
    <message>
        <source>The plan counts the source vocabulary; it changes once “{stage}” has run.</source>
        <translation>План считает по исходному словарю; он изменится, когда выполнится «{stage}».</translation>
    </message>
    <message>
        <source>Training FLOPs per token: 6·N for full training; (4·N + 2·N_trainable) when the body is frozen (N: parameters in matrix products; D: training tokens). </source>
        <translation>FLOPs обучения на токен: 6·N при полном обучении; (4·N + 2·N_trainable), когда тело модели заморожено (N — параметры в матричных умножениях; D — токены обучения). </translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Ruadapt Studio hit a bug</source>
        <translation>В Ruadapt Studio произошла ошибка</translation>
    </message>
    <message>
        <source>Something went wrong inside the studio. Your projects and runs are not affected. The details are saved in {path}; please send them to the developers.</source>
        <translation>Внутри студии что-то пошло не так. Ваши проекты и запуски не пострадали. Подробности сохранены в {path}; пожалуйста, отправьте их разработчикам.</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Скопировать подробности</translation>
    </message>
</context>
<context>
    <name>DemoBar</name>
    <message>
        <source>Cancel the demo</source>
        <translation>Отменить демо</translation>
    </message>
    <message>
        <source>Demo: stage {k} of {n}, {stage}</source>
        <translation>Демо: этап {k} из {n}, {stage}</translation>
    </message>
    <message>
        <source>cancelling…</source>
        <translation>отмена…</translation>
    </message>
</context>
<context>
    <name>JobMonitor</name>
    <message>
        <source>Finished.</source>
        <translation>Готово.</translation>
    </message>
    <message>
        <source>Cancelled: the stage stopped and its partial outputs were removed.</source>
        <translation>Отменено: этап остановлен, его незавершённые результаты удалены.</translation>
    </message>
    <message>
        <source>No run shown</source>
        <translation>Запуск не выбран</translation>
    </message>
    <message>
        <source>Choose a stage and press Run, or double-click a run in the Runs tab.</source>
        <translation>Выберите этап и нажмите «Запустить» или дважды щёлкните запуск на вкладке «Запуски».</translation>
    </message>
    <message>
        <source>{stage} — run {run}</source>
        <translation>{stage} — запуск {run}</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} из {total}</translation>
    </message>
    <message>
        <source>about {time} left</source>
        <translation>осталось около {time}</translation>
    </message>
</context>
<context>
    <name>JobState</name>
    <message>
        <source>pending</source>
        <translation>ожидает</translation>
    </message>
    <message>
        <source>running</source>
        <translation>выполняется</translation>
    </message>
    <message>
        <source>cancelling</source>
        <translation>отменяется</translation>
    </message>
    <message>
        <source>done</source>
        <translation>готово</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>отменён</translation>
    </message>
</context>
<context>
    <name>LepPage</name>
    <message>
        <source>LEP &amp; calibration</source>
        <translation>LEP и калибровка</translation>
    </message>
    <message>
        <source>The LEP fit</source>
        <translation>Подгонка LEP</translation>
    </message>
    <message>
        <source>Some of these results are from an earlier run: the project&apos;s settings or inputs changed since. Run the stages again to update them.</source>
        <translation>Часть этих результатов от прежнего запуска: настройки или входные данные проекта с тех пор изменились. Запустите этапы снова, чтобы обновить их.</translation>
    </message>
    <message>
        <source>Run “{lep}” (and “{calibration}”) to compare the original instruct model with the adapted one: the copy task and bits per character on held-out Russian, before and after.</source>
        <translation>Запустите «{lep}» (и «{calibration}»), чтобы сравнить исходную инструктивную модель с адаптированной: задача копирования и биты на символ на отложенном русском тексте, до и после.</translation>
    </message>
    <message>
        <source>Original instruct model</source>
        <translation>Исходная инструктивная модель</translation>
    </message>
    <message>
        <source>After LEP</source>
        <translation>После LEP</translation>
    </message>
    <message>
        <source>Adapted base model, before calibration</source>
        <translation>Адаптированная базовая модель до калибровки</translation>
    </message>
    <message>
        <source>After calibration</source>
        <translation>После калибровки</translation>
    </message>
    <message>
        <source>The default demo has no base/instruct pair: only SmolLM2-135M-Instruct ships offline, so LEP is off there. LEP needs a pair you provide: in Project settings set {models} → “{instruct}” (and “{base}” if the source model is not the instruct model&apos;s base), then turn on {lep} → “{enabled}”.</source>
        <translation>В демо-проекте по умолчанию нет пары из базовой и инструктивной модели: офлайн доступна только SmolLM2-135M-Instruct, поэтому LEP в нём выключен. Для LEP нужна ваша собственная пара: в «Настройках проекта» укажите {models} → «{instruct}» (и «{base}», если инструктивная модель обучена не из исходной модели проекта), затем включите {lep} → «{enabled}».</translation>
    </message>
    <message>
        <source>DaruCopy (llmtf&apos;s copy tasks), held-out texts per task and model: {n}. cp_sent (len) is the mean token-length ratio of copy and source; cp_para (lcs), the share of copies whose matching blocks cover at least 99% of the source.</source>
        <translation>DaruCopy (задачи копирования llmtf), отложенных текстов на задачу и модель: {n}. cp_sent (len) — среднее отношение длин копии и источника в токенах; cp_para (lcs) — доля копий, чьи совпадающие блоки покрывают не меньше 99% источника.</translation>
    </message>
    <message>
        <source>added tokens (chat markers) from the instruct model: {n}</source>
        <translation>добавленных токенов (разметки чата) из инструктивной модели: {n}</translation>
    </message>
    <message>
        <source>Bits per character on held-out Russian, characters: {chars:,}, the same text for every row (lower is better; unlike loss per token, it compares models with different tokenizers).</source>
        <translation>Биты на символ на отложенном русском тексте, символов: {chars:,}, один и тот же текст для всех строк (меньше — лучше; в отличие от потерь на токен, эта мера сравнивает модели с разными токенизаторами).</translation>
    </message>
    <message>
        <source>Projection: {mode}</source>
        <translation>Проекция: {mode}</translation>
    </message>
    <message>
        <source>rows fitted: {rows:,}</source>
        <translation>строк в подгонке: {rows:,}</translation>
    </message>
    <message>
        <source>relative fit residual: {input:.3g} (input embeddings)</source>
        <translation>относительная невязка подгонки: {input:.3g} (входные эмбеддинги)</translation>
    </message>
    <message>
        <source>{head:.3g} (output head)</source>
        <translation>{head:.3g} (выходной слой)</translation>
    </message>
    <message>
        <source>output head tied to the input embeddings</source>
        <translation>выходной слой связан с входными эмбеддингами</translation>
    </message>
    <message>
        <source>layer weights with the stage-2 update merged: {n} (scale {scale:g})</source>
        <translation>весов слоёв с влитым обновлением этапа 2: {n} (масштаб {scale:g})</translation>
    </message>
</context>
<context>
    <name>LiveTokens</name>
    <message>
        <source>Type a sentence to see how each tokenizer cuts it…</source>
        <translation>Введите фразу, чтобы увидеть, как её режет каждый токенизатор…</translation>
    </message>
    <message>
        <source>Price per 1M tokens:</source>
        <translation>Цена за 1 млн токенов:</translation>
    </message>
    <message>
        <source>What a model provider charges per million input tokens; the same price is applied to both tokenizers.</source>
        <translation>Сколько провайдер модели берёт за миллион входных токенов; для обоих токенизаторов цена одна.</translation>
    </message>
    <message>
        <source>Source tokenizer</source>
        <translation>Исходный токенизатор</translation>
    </message>
    <message>
        <source>New tokenizer</source>
        <translation>Новый токенизатор</translation>
    </message>
    <message>
        <source>Each coloured stretch is one token. &lt;span style=&quot;background-color:{color}&quot;&gt;Red&lt;/span&gt;: one character cut into several byte tokens.</source>
        <translation>Каждый цветной отрезок — один токен. &lt;span style=&quot;background-color:{color}&quot;&gt;Красный&lt;/span&gt;: один символ разрезан на несколько байтовых токенов.</translation>
    </message>
    <message>
        <source>Could not load the tokenizers: {error}</source>
        <translation>Не удалось загрузить токенизаторы: {error}</translation>
    </message>
    <message>
        <source>Loading the tokenizers…</source>
        <translation>Загрузка токенизаторов…</translation>
    </message>
    <message>
        <source>Tokens: {n}</source>
        <translation>Токенов: {n}</translation>
    </message>
    <message>
        <source>{price} per prompt · {million} per million such prompts</source>
        <translation>{price} за запрос · {million} за миллион таких запросов</translation>
    </message>
    <message>
        <source>The new tokenizer needs {ratio:.2f}× fewer tokens for this text ({new} instead of {source}): each such prompt costs {saving:.0%} less.</source>
        <translation>Новому токенизатору нужно в {ratio:.2f} раза меньше токенов на этот текст ({new} вместо {source}): каждый такой запрос дешевле на {saving:.0%}.</translation>
    </message>
    <message>
        <source>The new tokenizer needs {ratio:.2f}× more tokens for this text ({new} instead of {source}).</source>
        <translation>Новому токенизатору нужно в {ratio:.2f} раза больше токенов на этот текст ({new} вместо {source}).</translation>
    </message>
    <message>
        <source>Both tokenizers need {n} tokens for this text.</source>
        <translation>Обоим токенизаторам на этот текст нужно одинаково токенов: {n}.</translation>
    </message>
</context>
<context>
    <name>MainMenu</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;New project from default…</source>
        <translation>&amp;Новый проект из демо-шаблона…</translation>
    </message>
    <message>
        <source>Write the embedded demo project into a folder you choose and open it.</source>
        <translation>Записать встроенный демо-проект в выбранную папку и открыть его.</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>&amp;Открыть проект…</translation>
    </message>
    <message>
        <source>Recent projects</source>
        <translation>Недавние проекты</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Сохранить</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Настройки</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Как в системе</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Monitor</source>
        <translation>Монитор</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Запуски</translation>
    </message>
    <message>
        <source>Project settings</source>
        <translation>Настройки проекта</translation>
    </message>
    <message>
        <source>Ruadapt Studio</source>
        <translation>Ruadapt Studio</translation>
    </message>
    <message>
        <source>Opening {path}…</source>
        <translation>Открываю {path}…</translation>
    </message>
    <message>
        <source>Could not open the project</source>
        <translation>Не удалось открыть проект</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Открыть проект</translation>
    </message>
    <message>
        <source>Project files (*.toml)</source>
        <translation>Файлы проектов (*.toml)</translation>
    </message>
    <message>
        <source>Folder for the new project</source>
        <translation>Папка для нового проекта</translation>
    </message>
    <message>
        <source>Could not create the project</source>
        <translation>Не удалось создать проект</translation>
    </message>
    <message>
        <source>Opened {path}</source>
        <translation>Открыт проект {path}</translation>
    </message>
    <message>
        <source>Opened {path}: some settings need fixing (see Project settings)</source>
        <translation>Открыт проект {path}: некоторые настройки нужно исправить (см. «Настройки проекта»)</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Сохранено: {path}</translation>
    </message>
    <message>
        <source>Preparing {stage}…</source>
        <translation>Подготовка этапа «{stage}»…</translation>
    </message>
    <message>
        <source>Cancelling {run}…</source>
        <translation>Отмена запуска {run}…</translation>
    </message>
    <message>
        <source>Started {run}</source>
        <translation>Запущен {run}</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Отменяется…</translation>
    </message>
    <message>
        <source>{stage} is up to date: run {run} already has the result. Use Run again to repeat it.</source>
        <translation>«{stage}»: результат актуален, он уже есть в запуске {run}. Чтобы повторить этап, нажмите «Запустить снова».</translation>
    </message>
    <message>
        <source>Cannot run “{stage}”</source>
        <translation>Нельзя запустить «{stage}»</translation>
    </message>
    <message>
        <source>Unsaved settings</source>
        <translation>Несохранённые настройки</translation>
    </message>
    <message>
        <source>The project settings have unsaved changes. Close anyway?</source>
        <translation>В настройках проекта есть несохранённые изменения. Всё равно закрыть?</translation>
    </message>
    <message>
        <source>Could not create the default project</source>
        <translation>Не удалось создать проект по умолчанию</translation>
    </message>
</context>
<context>
    <name>MetricPlot</name>
    <message>
        <source>step</source>
        <translation>шаг</translation>
    </message>
    <message>
        <source>value</source>
        <translation>значение</translation>
    </message>
</context>
<context>
    <name>OwnerView</name>
    <message>
        <source>Open session…</source>
        <translation>Открыть сессию…</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>Новая сессия</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Сессия</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Результаты</translation>
    </message>
    <message>
        <source>No session open</source>
        <translation>Сессия не открыта</translation>
    </message>
    <message>
        <source>Open a session (the owner&apos;s file)</source>
        <translation>Открыть сессию (файл владельца)</translation>
    </message>
    <message>
        <source>Annotation sessions (*.sqlite *.db);;All files (*)</source>
        <translation>Сессии разметки (*.sqlite *.db);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Creating {path}…</source>
        <translation>Создаётся {path}…</translation>
    </message>
    <message>
        <source>Skipped: {problem}</source>
        <translation>Пропущено: {problem}</translation>
    </message>
    <message>
        <source>Cancelling the answer generation…</source>
        <translation>Генерация ответов отменяется…</translation>
    </message>
    <message>
        <source>Answers ready: {summary}</source>
        <translation>Ответы готовы: {summary}</translation>
    </message>
    <message>
        <source>The answer generation failed: {error}</source>
        <translation>Генерация ответов не удалась: {error}</translation>
    </message>
    <message>
        <source>The answer generation was cancelled; generate the missing answers to resume.</source>
        <translation>Генерация ответов отменена; чтобы продолжить, сгенерируйте недостающие ответы.</translation>
    </message>
    <message>
        <source>{done:.0f} of {total:.0f} answers · {message}</source>
        <translation>{done:.0f} из {total:.0f} ответов · {message}</translation>
    </message>
    <message>
        <source>Wrote {path}: a blind copy for one annotator.</source>
        <translation>Записан {path}: слепая копия для одного разметчика.</translation>
    </message>
    <message>
        <source>Not merged: {error}</source>
        <translation>Не объединено: {error}</translation>
    </message>
    <message numerus="yes">
        <source>Merged %n vote(s) from {path}</source>
        <translation>
            <numerusform>Добавлена %n оценка из {path}</numerusform>
            <numerusform>Добавлены %n оценки из {path}</numerusform>
            <numerusform>Добавлено %n оценок из {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrote {files}</source>
        <translation>Записано: {files}</translation>
    </message>
</context>
<context>
    <name>PathEditor</name>
    <message>
        <source>Choose a file…</source>
        <translation>Выбрать файл…</translation>
    </message>
    <message>
        <source>Choose a folder…</source>
        <translation>Выбрать папку…</translation>
    </message>
    <message>
        <source>Browse</source>
        <translation>Обзор</translation>
    </message>
</context>
<context>
    <name>PathListEditor</name>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Double-click an entry to edit it.</source>
        <translation>Дважды щёлкните запись, чтобы изменить её.</translation>
    </message>
</context>
<context>
    <name>PrepareForm</name>
    <message>
        <source>Prompt file</source>
        <translation>Файл запросов</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Модели</translation>
    </message>
    <message>
        <source>Max tokens per answer</source>
        <translation>Макс. токенов в ответе</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Температура</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Context size</source>
        <translation>Размер контекста</translation>
    </message>
    <message>
        <source>Threads (0: all)</source>
        <translation>Потоки (0 — все)</translation>
    </message>
    <message>
        <source>Session file</source>
        <translation>Файл сессии</translation>
    </message>
    <message>
        <source>One prompt per line (.txt), or a .jsonl / .csv file</source>
        <translation>По запросу в строке (.txt) или файл .jsonl / .csv</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>GGUF file</source>
        <translation>Файл GGUF</translation>
    </message>
    <message>
        <source>Add models…</source>
        <translation>Добавить модели…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Where to write the session (.sqlite)</source>
        <translation>Куда записать сессию (.sqlite)</translation>
    </message>
    <message>
        <source>Create session and generate answers</source>
        <translation>Создать сессию и сгенерировать ответы</translation>
    </message>
    <message>
        <source>Two models are called “{name}”: give each a different name.</source>
        <translation>Две модели названы «{name}»: дайте им разные имена.</translation>
    </message>
    <message>
        <source>Choose a prompt file.</source>
        <translation>Выберите файл запросов.</translation>
    </message>
    <message>
        <source>Add at least two models.</source>
        <translation>Добавьте хотя бы две модели.</translation>
    </message>
    <message>
        <source>Choose where to write the session file.</source>
        <translation>Выберите, куда записать файл сессии.</translation>
    </message>
    <message>
        <source>Prompts (*.txt *.jsonl *.json *.csv);;All files (*)</source>
        <translation>Запросы (*.txt *.jsonl *.json *.csv);;Все файлы (*)</translation>
    </message>
    <message>
        <source>GGUF models</source>
        <translation>Модели GGUF</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>Модели GGUF (*.gguf);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Annotation sessions (*.sqlite)</source>
        <translation>Сессии разметки (*.sqlite)</translation>
    </message>
</context>
<context>
    <name>ProjectPages</name>
    <message>
        <source>Tokenizer</source>
        <translation>Токенизатор</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Обучение</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Результаты</translation>
    </message>
    <message>
        <source>LEP</source>
        <translation>LEP</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Запуск</translation>
    </message>
    <message>
        <source>Run whole &amp;demo</source>
        <translation>Запустить всё &amp;демо</translation>
    </message>
    <message>
        <source>Run every stage of this project in order, ending in the report.</source>
        <translation>Запустить все этапы проекта по порядку, до отчёта.</translation>
    </message>
    <message>
        <source>&amp;Cancel the demo</source>
        <translation>&amp;Отменить демо</translation>
    </message>
    <message>
        <source>The demo finished: all {n} stages are done.</source>
        <translation>Демо завершено: все этапы ({n}) выполнены.</translation>
    </message>
    <message>
        <source>The demo stopped following its runs: another project was opened (“{stage}” goes on running).</source>
        <translation>Демо больше не следит за своими запусками: открыт другой проект (этап «{stage}» продолжает работать).</translation>
    </message>
    <message>
        <source>The demo was cancelled at “{stage}”.</source>
        <translation>Демо отменено на этапе «{stage}».</translation>
    </message>
    <message>
        <source>The demo stopped: “{stage}” failed. {message}</source>
        <translation>Демо остановлено: этап «{stage}» завершился ошибкой. {message}</translation>
    </message>
</context>
<context>
    <name>RatingPlot</name>
    <message>
        <source>rating (Bradley–Terry)</source>
        <translation>рейтинг (Брэдли — Терри)</translation>
    </message>
</context>
<context>
    <name>ReadoutPanel</name>
    <message>
        <source>Prompt tokens</source>
        <translation>Токены запроса</translation>
    </message>
    <message>
        <source>Answer tokens</source>
        <translation>Токены ответа</translation>
    </message>
    <message>
        <source>Chars/token</source>
        <translation>Символов/токен</translation>
    </message>
    <message>
        <source>First token</source>
        <translation>Первый токен</translation>
    </message>
    <message>
        <source>Tokens/s</source>
        <translation>Токенов/с</translation>
    </message>
    <message>
        <source>Chars/s</source>
        <translation>Символов/с</translation>
    </message>
    <message>
        <source>Words/s</source>
        <translation>Слов/с</translation>
    </message>
    <message>
        <source>Tokens of the whole prompt the model read (chat template, system prompt and earlier turns included)</source>
        <translation>Токены всего запроса, прочитанного моделью (с шаблоном чата, системным промптом и прошлыми репликами)</translation>
    </message>
    <message>
        <source>Characters of the answer per answer token: higher means the vocabulary covers the language better</source>
        <translation>Символов ответа на токен ответа: чем больше, тем лучше словарь покрывает язык</translation>
    </message>
    <message>
        <source>Time from sending the prompt to the first answer token</source>
        <translation>Время от отправки запроса до первого токена ответа</translation>
    </message>
    <message>
        <source>{seconds:.2f} s</source>
        <translation>{seconds:.2f} с</translation>
    </message>
    <message>
        <source>llama.cpp&apos;s counts and timings</source>
        <translation>подсчёт и замеры llama.cpp</translation>
    </message>
    <message>
        <source>live, counted as the answer streams</source>
        <translation>на лету, пока идёт ответ</translation>
    </message>
    <message>
        <source>{r:.2f}× fewer prompt tokens</source>
        <translation>в {r:.2f}× меньше токенов запроса</translation>
    </message>
    <message>
        <source>as many prompt tokens</source>
        <translation>столько же токенов запроса</translation>
    </message>
    <message>
        <source>{r:.2f}× more prompt tokens</source>
        <translation>в {r:.2f}× больше токенов запроса</translation>
    </message>
    <message>
        <source>as many characters per token</source>
        <translation>столько же символов на токен</translation>
    </message>
    <message>
        <source>{r:.2f}× more characters per token</source>
        <translation>в {r:.2f}× больше символов на токен</translation>
    </message>
    <message>
        <source>{r:.2f}× fewer characters per token</source>
        <translation>в {r:.2f}× меньше символов на токен</translation>
    </message>
    <message>
        <source>{r:.2f}× faster in characters/s</source>
        <translation>в {r:.2f}× быстрее в символах/с</translation>
    </message>
    <message>
        <source>as fast in characters/s</source>
        <translation>так же быстро в символах/с</translation>
    </message>
    <message>
        <source>{r:.2f}× slower in characters/s</source>
        <translation>в {r:.2f}× медленнее в символах/с</translation>
    </message>
    <message>
        <source>Compared with {name}: waiting for both answers</source>
        <translation>По сравнению с {name}: ждём оба ответа</translation>
    </message>
    <message>
        <source>Compared with {name}: {figures}</source>
        <translation>По сравнению с {name}: {figures}</translation>
    </message>
</context>
<context>
    <name>ReportTables</name>
    <message>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <source>original</source>
        <translation>исходная</translation>
    </message>
    <message>
        <source>adapted</source>
        <translation>адаптированная</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Модель</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Токены</translation>
    </message>
    <message>
        <source>Characters / token</source>
        <translation>Символов на токен</translation>
    </message>
    <message>
        <source>Tokens / word</source>
        <translation>Токенов на слово</translation>
    </message>
    <message>
        <source>Words in 3+ pieces</source>
        <translation>Слов из 3+ частей</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Исходная</translation>
    </message>
    <message>
        <source>Adapted</source>
        <translation>Адаптированная</translation>
    </message>
    <message>
        <source>Characters/s (min–max)</source>
        <translation>Символов/с (мин–макс)</translation>
    </message>
    <message>
        <source>Tokens/s</source>
        <translation>Токенов/с</translation>
    </message>
    <message>
        <source>Cyrillic share</source>
        <translation>Доля кириллицы</translation>
    </message>
    <message>
        <source>Held-out bits per character</source>
        <translation>Бит на символ</translation>
    </message>
</context>
<context>
    <name>ResultsPage</name>
    <message>
        <source>Run every stage of this project in order; stages that are up to date are not run again.</source>
        <translation>Запустить все этапы проекта по порядку; актуальные этапы повторно не запускаются.</translation>
    </message>
    <message>
        <source>Open the HTML report</source>
        <translation>Открыть HTML-отчёт</translation>
    </message>
    <message>
        <source>Every stage of the project, one after another, ending in the report.</source>
        <translation>Все этапы проекта один за другим, до отчёта.</translation>
    </message>
    <message>
        <source>Run “{stage}” (or the whole demo) to see the original and the adapted model side by side: tokens, bits per character, the copy task and generation speed.</source>
        <translation>Запустите «{stage}» (или всё демо), чтобы сравнить исходную и адаптированную модели: токены, биты на символ, задачу копирования и скорость генерации.</translation>
    </message>
    <message>
        <source>This report is from an earlier run: the project&apos;s settings or inputs changed since. Run “{stage}” again to update it.</source>
        <translation>Этот отчёт от прежнего запуска: настройки или входные данные проекта с тех пор изменились. Запустите «{stage}» снова, чтобы обновить его.</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Графики</translation>
    </message>
    <message>
        <source>Cancel the demo</source>
        <translation>Отменить демо</translation>
    </message>
    <message>
        <source>Run whole demo</source>
        <translation>Запустить всё демо</translation>
    </message>
    <message>
        <source>Held-out check: {found} of the {total} held-out Russian paragraphs occur in the training text.</source>
        <translation>Проверка отложенной выборки: {found} из {total} отложенных русских абзацев встречаются в обучающем тексте.</translation>
    </message>
    <message>
        <source>Warning: the held-out figures are contaminated.</source>
        <translation>Внимание: цифры на отложенной выборке загрязнены.</translation>
    </message>
    <message>
        <source>Token efficiency</source>
        <translation>Экономия токенов</translation>
    </message>
    <message>
        <source>Bits per character</source>
        <translation>Биты на символ</translation>
    </message>
    <message>
        <source>Copy task</source>
        <translation>Задача копирования</translation>
    </message>
    <message>
        <source>Generation speed, {lang} prompts ({kind} GGUF in llama.cpp)</source>
        <translation>Скорость генерации, запросы: {lang} ({kind} GGUF в llama.cpp)</translation>
    </message>
    <message>
        <source>fewer tokens on held-out Russian ({before:,} → {after:,})</source>
        <translation>меньше токенов на отложенном русском тексте ({before:,} → {after:,})</translation>
    </message>
    <message>
        <source>characters per second generating Russian ({kind} GGUF in llama.cpp)</source>
        <translation>символов в секунду при генерации на русском ({kind} GGUF в llama.cpp)</translation>
    </message>
    <message>
        <source>bits per character on held-out Russian, original → adapted (lower is better)</source>
        <translation>бит на символ на отложенном русском тексте, исходная → адаптированная (меньше — лучше)</translation>
    </message>
    <message>
        <source>DaruCopy {task} (len), original → adapted</source>
        <translation>DaruCopy {task} (len), исходная → адаптированная</translation>
    </message>
    <message>
        <source>Could not read the chart {name}.png</source>
        <translation>Не удалось прочитать график {name}.png</translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message>
        <source>Compute results</source>
        <translation>Посчитать результаты</translation>
    </message>
    <message>
        <source>Export CSV, JSON, Markdown…</source>
        <translation>Экспорт в CSV, JSON, Markdown…</translation>
    </message>
    <message>
        <source>Leaderboard</source>
        <translation>Рейтинг</translation>
    </message>
    <message>
        <source>Pairs</source>
        <translation>Пары</translation>
    </message>
    <message>
        <source>Annotators</source>
        <translation>Разметчики</translation>
    </message>
    <message>
        <source>Agreement between annotators</source>
        <translation>Согласие разметчиков</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Модель</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Рейтинг</translation>
    </message>
    <message>
        <source>95% CI</source>
        <translation>95% ДИ</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Оценки</translation>
    </message>
    <message>
        <source>Median answer (chars)</source>
        <translation>Медиана ответа (символов)</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>Пара</translation>
    </message>
    <message>
        <source>Wins</source>
        <translation>Победы</translation>
    </message>
    <message>
        <source>Ties</source>
        <translation>Ничьи</translation>
    </message>
    <message>
        <source>Losses</source>
        <translation>Поражения</translation>
    </message>
    <message>
        <source>Both bad</source>
        <translation>Оба плохие</translation>
    </message>
    <message>
        <source>Win rate (95% CI)</source>
        <translation>Доля побед (95% ДИ)</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>Разметчик</translation>
    </message>
    <message>
        <source>Computing (bootstrap intervals)…</source>
        <translation>Считаем (бутстреп-интервалы)…</translation>
    </message>
    <message numerus="yes">
        <source>%n vote(s) in all</source>
        <translation>
            <numerusform>Всего %n оценка</numerusform>
            <numerusform>Всего %n оценки</numerusform>
            <numerusform>Всего %n оценок</numerusform>
        </translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>н/д</translation>
    </message>
    <message>
        <source>Pairwise agreement {pairwise} · Fleiss&apos; κ {fleiss}</source>
        <translation>Попарное согласие {pairwise} · κ Флейса {fleiss}</translation>
    </message>
    <message>
        <source>Cohen&apos;s κ per pair of annotators: {pairs}</source>
        <translation>κ Коэна по парам разметчиков: {pairs}</translation>
    </message>
    <message>
        <source>Needs items voted by two or more annotators.</source>
        <translation>Нужны пары, оценённые двумя и более разметчиками.</translation>
    </message>
    <message>
        <source>Export results</source>
        <translation>Экспорт результатов</translation>
    </message>
    <message>
        <source>Results (*.json *.csv *.md)</source>
        <translation>Результаты (*.json *.csv *.md)</translation>
    </message>
</context>
<context>
    <name>RunsModel</name>
    <message>
        <source>Stage</source>
        <translation>Этап</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Итог</translation>
    </message>
</context>
<context>
    <name>SamplingForm</name>
    <message>
        <source>&amp;Temperature</source>
        <translation>&amp;Температура</translation>
    </message>
    <message>
        <source>Top-&amp;p</source>
        <translation>Top-&amp;p</translation>
    </message>
    <message>
        <source>Max &amp;tokens</source>
        <translation>Макс. т&amp;окенов</translation>
    </message>
    <message>
        <source>S&amp;eed</source>
        <translation>S&amp;eed</translation>
    </message>
    <message>
        <source>0 picks the most likely token every time (greedy)</source>
        <translation>0 — всегда самый вероятный токен (жадный выбор)</translation>
    </message>
    <message>
        <source>The same seed and settings give the same answer again</source>
        <translation>Тот же seed и настройки дают тот же ответ</translation>
    </message>
</context>
<context>
    <name>Sections</name>
    <message>
        <source>Project</source>
        <translation>Проект</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Модели</translation>
    </message>
    <message>
        <source>Corpus</source>
        <translation>Корпус</translation>
    </message>
    <message>
        <source>Tokenizer</source>
        <translation>Токенизатор</translation>
    </message>
    <message>
        <source>Transplant</source>
        <translation>Перенос эмбеддингов</translation>
    </message>
    <message>
        <source>Stage 1: embeddings</source>
        <translation>Этап 1: эмбеддинги</translation>
    </message>
    <message>
        <source>Stage 2: LoRA</source>
        <translation>Этап 2: LoRA</translation>
    </message>
    <message>
        <source>LEP</source>
        <translation>LEP</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>Калибровка</translation>
    </message>
    <message>
        <source>GGUF export</source>
        <translation>Экспорт в GGUF</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>Оценка</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>Вычисления</translation>
    </message>
</context>
<context>
    <name>SessionPanel</name>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Prompts</source>
        <translation>Запросы</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Модели</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Ответы</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Оценки</translation>
    </message>
    <message>
        <source>Generate missing answers</source>
        <translation>Сгенерировать недостающие ответы</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Annotators</source>
        <translation>Разметчики</translation>
    </message>
    <message>
        <source>Export blind copy…</source>
        <translation>Экспорт слепой копии…</translation>
    </message>
    <message>
        <source>A copy for one annotator: no model names, no votes</source>
        <translation>Копия для одного разметчика: без названий моделей и без оценок</translation>
    </message>
    <message>
        <source>Merge returned copies…</source>
        <translation>Объединить вернувшиеся копии…</translation>
    </message>
    <message>
        <source>What happens to this session (copies written, votes merged, answer generation) is listed here.</source>
        <translation>Здесь видно, что происходит с сессией: записанные копии, объединённые оценки, генерация ответов.</translation>
    </message>
    <message>
        <source>Starting the answer generation…</source>
        <translation>Запуск генерации ответов…</translation>
    </message>
    <message>
        <source>owner&apos;s copy (knows the models)</source>
        <translation>копия владельца (знает модели)</translation>
    </message>
    <message>
        <source>an annotator&apos;s copy</source>
        <translation>копия разметчика</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} из {total}</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>пока нет</translation>
    </message>
    <message>
        <source>Export a blind copy</source>
        <translation>Экспорт слепой копии</translation>
    </message>
    <message>
        <source>Annotation sessions (*.sqlite)</source>
        <translation>Сессии разметки (*.sqlite)</translation>
    </message>
    <message>
        <source>Merge returned copies</source>
        <translation>Объединить вернувшиеся копии</translation>
    </message>
    <message>
        <source>Annotation sessions (*.sqlite *.db);;All files (*)</source>
        <translation>Сессии разметки (*.sqlite *.db);;Все файлы (*)</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Вернуть</translation>
    </message>
    <message>
        <source>Forget the unsaved changes.</source>
        <translation>Отбросить несохранённые изменения.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to fix before saving</source>
        <translation>
            <numerusform>Перед сохранением нужно исправить %n проблему</numerusform>
            <numerusform>Перед сохранением нужно исправить %n проблемы</numerusform>
            <numerusform>Перед сохранением нужно исправить %n проблем</numerusform>
        </translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Есть несохранённые изменения</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Сохранено</translation>
    </message>
</context>
<context>
    <name>StageList</name>
    <message>
        <source>Stages</source>
        <translation>Этапы</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Этап</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Settings or inputs changed since the last run.</source>
        <translation>Настройки или входные данные изменились после последнего запуска.</translation>
    </message>
    <message>
        <source>Run again</source>
        <translation>Запустить снова</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Запустить</translation>
    </message>
    <message>
        <source>The result is up to date; run the stage once more anyway.</source>
        <translation>Результат актуален; выполнить этап ещё раз всё равно.</translation>
    </message>
    <message>
        <source>Run this stage (and nothing else).</source>
        <translation>Выполнить этот этап (и только его).</translation>
    </message>
</context>
<context>
    <name>StagePlanBox</name>
    <message>
        <source>{tokens:,} training tokens · {flops:.3g} FLOPs in all</source>
        <translation>{tokens:,} токенов обучения · всего {flops:.3g} FLOPs</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>Time on one GPU ({share:.0%} of bf16 peak)</source>
        <translation>Время на одном GPU ({share:.0%} пика bf16)</translation>
    </message>
    <message>
        <source>{strategy}, {n} processes</source>
        <translation>{strategy}, процессов: {n}</translation>
    </message>
    <message>
        <source>one process</source>
        <translation>один процесс</translation>
    </message>
    <message>
        <source>{gib:.2f} GiB</source>
        <translation>{gib:.2f} ГиБ</translation>
    </message>
    <message>
        <source>Memory per GPU ({how}): weights {weights} + gradients and AdamW {optimizer} + activations ~{activations} ≈ {total}</source>
        <translation>Память на один GPU ({how}): веса {weights} + градиенты и AdamW {optimizer} + активации ~{activations} ≈ {total}</translation>
    </message>
    <message>
        <source>{seconds:.1f} s</source>
        <translation>{seconds:.1f} с</translation>
    </message>
    <message>
        <source>{minutes:.1f} min</source>
        <translation>{minutes:.1f} мин</translation>
    </message>
    <message>
        <source>{hours:.1f} h</source>
        <translation>{hours:.1f} ч</translation>
    </message>
    <message>
        <source>Not run yet: what it achieves shows here once it has run.</source>
        <translation>Ещё не запускался: достигнутые показатели появятся здесь после запуска.</translation>
    </message>
    <message>
        <source>Skipped: the stage is off in the project.</source>
        <translation>Пропущен: этап выключен в проекте.</translation>
    </message>
    <message>
        <source>MFU {mfu:.1%}</source>
        <translation>MFU {mfu:.1%}</translation>
    </message>
    <message>
        <source>MFU n/a (this GPU&apos;s peak is not known)</source>
        <translation>MFU н/д (пик этого GPU неизвестен)</translation>
    </message>
    <message>
        <source>MFU n/a on CPU</source>
        <translation>MFU н/д на CPU</translation>
    </message>
    <message>
        <source>Achieved: {steps:,} steps on {device} in {minutes:.1f} min, {speed:,.0f} tokens/s, {tflops:.3g} TFLOP/s, {mfu}.</source>
        <translation>Достигнуто: {steps:,} шагов на {device} за {minutes:.1f} мин, {speed:,.0f} токенов/с, {tflops:.3g} TFLOP/s, {mfu}.</translation>
    </message>
    <message>
        <source>(an earlier run: settings or inputs changed since)</source>
        <translation>(прежний запуск: настройки или входные данные с тех пор изменились)</translation>
    </message>
</context>
<context>
    <name>StageStatus</name>
    <message>
        <source>not run</source>
        <translation>не запускался</translation>
    </message>
    <message>
        <source>up to date</source>
        <translation>актуален</translation>
    </message>
    <message>
        <source>running</source>
        <translation>выполняется</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>отменён</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>устарел</translation>
    </message>
</context>
<context>
    <name>Stages</name>
    <message>
        <source>Import source model</source>
        <translation>Импорт исходной модели</translation>
    </message>
    <message>
        <source>Open the source model (a Hugging Face folder, or a GGUF file dequantized into one) and check it.</source>
        <translation>Открыть исходную модель (папку Hugging Face или файл GGUF, распакованный в такую папку) и проверить её.</translation>
    </message>
    <message>
        <source>Prepare corpus</source>
        <translation>Подготовка корпуса</translation>
    </message>
    <message>
        <source>Read the Russian and English text, check it, and split off a held-out slice training never sees.</source>
        <translation>Прочитать русский и английский тексты, проверить их и отложить контрольную часть, которую обучение не увидит.</translation>
    </message>
    <message>
        <source>Measure the source model</source>
        <translation>Замер исходной модели</translation>
    </message>
    <message>
        <source>Characters per token and bits per character of the source model on held-out text.</source>
        <translation>Символы на токен и биты на символ исходной модели на контрольном тексте.</translation>
    </message>
    <message>
        <source>Train tokenizer</source>
        <translation>Обучение токенизатора</translation>
    </message>
    <message>
        <source>Train a Russian vocabulary that replaces, extends or optimises the source&apos;s, and measure the savings.</source>
        <translation>Обучить русский словарь, который заменяет, расширяет или оптимизирует словарь исходной модели, и измерить экономию.</translation>
    </message>
    <message>
        <source>Transplant vocabulary</source>
        <translation>Перенос словаря</translation>
    </message>
    <message>
        <source>Give the source model embeddings for the new tokenizer: shared tokens copied, new ones from their pieces.</source>
        <translation>Дать исходной модели эмбеддинги для нового токенизатора: общие токены копируются, новые собираются из их частей.</translation>
    </message>
    <message>
        <source>Stage 1: embeddings</source>
        <translation>Этап 1: эмбеддинги</translation>
    </message>
    <message>
        <source>Train the new input embeddings and LM head on the Russian text, the body frozen.</source>
        <translation>Обучить новые входные эмбеддинги и выходной слой (LM head) на русском тексте при замороженном теле модели.</translation>
    </message>
    <message>
        <source>Stage 2: LoRA</source>
        <translation>Этап 2: LoRA</translation>
    </message>
    <message>
        <source>LoRA on attention and MLP with the LM head trained in full and the input embeddings frozen; merged into a plain model.</source>
        <translation>LoRA на внимании и MLP, выходной слой обучается целиком, входные эмбеддинги заморожены; вливается в обычную модель.</translation>
    </message>
    <message>
        <source>LEP: adapted instruct model</source>
        <translation>LEP: адаптированная инструктивная модель</translation>
    </message>
    <message>
        <source>Project the adapted base&apos;s embeddings into the original instruct model (Learned Embedding Propagation).</source>
        <translation>Перенести эмбеддинги адаптированной базовой модели в исходную инструктивную модель (Learned Embedding Propagation).</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>Калибровка</translation>
    </message>
    <message>
        <source>LoRA SFT of the adapted instruct model on instruction chats plus the copy task.</source>
        <translation>Дообучение (LoRA SFT) адаптированной инструктивной модели на диалогах-инструкциях и задаче копирования.</translation>
    </message>
    <message>
        <source>Export to GGUF</source>
        <translation>Экспорт в GGUF</translation>
    </message>
    <message>
        <source>The original and the adapted model as GGUF files for llama.cpp, quantized, each checked against transformers (identical tokenization, next-token agreement).</source>
        <translation>Исходная и адаптированная модели в виде квантованных GGUF-файлов для llama.cpp, каждая сверена с transformers (одинаковая токенизация, совпадение следующего токена).</translation>
    </message>
    <message>
        <source>Evaluate and report</source>
        <translation>Оценка и отчёт</translation>
    </message>
    <message>
        <source>Original vs adapted: tokens, bits per character, copy task, generation speed; a report with charts.</source>
        <translation>Исходная модель против адаптированной: токены, биты на символ, задача копирования, скорость генерации; отчёт с графиками.</translation>
    </message>
</context>
<context>
    <name>TokenComparisonTable</name>
    <message>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <source>source</source>
        <translation>исходный</translation>
    </message>
    <message>
        <source>new</source>
        <translation>новый</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Токены</translation>
    </message>
    <message>
        <source>Characters per token</source>
        <translation>Символов на токен</translation>
    </message>
    <message>
        <source>Tokens per word</source>
        <translation>Токенов на слово</translation>
    </message>
    <message>
        <source>Words cut into 3+ tokens</source>
        <translation>Слов из 3+ токенов</translation>
    </message>
    <message>
        <source>Tokens vs the source</source>
        <translation>Токенов против исходного</translation>
    </message>
    <message>
        <source>1.00× (the same)</source>
        <translation>1.00× (столько же)</translation>
    </message>
    <message>
        <source>{ratio:.2f}× fewer</source>
        <translation>в {ratio:.2f} раза меньше</translation>
    </message>
    <message>
        <source>{ratio:.2f}× more</source>
        <translation>в {ratio:.2f} раза больше</translation>
    </message>
</context>
<context>
    <name>TokenizerPage</name>
    <message>
        <source>Run “{stage}” to see how many tokens the new vocabulary saves on held-out Russian and English, and to try both tokenizers on your own text.</source>
        <translation>Запустите «{stage}», чтобы увидеть, сколько токенов экономит новый словарь на отложенных русском и английском текстах, и попробовать оба токенизатора на своём тексте.</translation>
    </message>
    <message>
        <source>On held-out text</source>
        <translation>На отложенном тексте</translation>
    </message>
    <message>
        <source>Try it</source>
        <translation>Попробуйте</translation>
    </message>
    <message>
        <source>These results are from an earlier run: the tokenizer&apos;s settings or inputs changed since. Run “{stage}” again to update them.</source>
        <translation>Эти результаты от прежнего запуска: настройки или входные данные токенизатора с тех пор изменились. Запустите «{stage}» снова, чтобы обновить их.</translation>
    </message>
    <message>
        <source>Mode: {mode} · {algorithm} · {size:,} tokens (the source has {source:,}) · {added:,} added, {kept:,} kept, {skipped:,} skipped</source>
        <translation>Режим: {mode} · {algorithm} · {size:,} токенов (в исходном {source:,}) · добавлено {added:,}, сохранено {kept:,}, пропущено {skipped:,}</translation>
    </message>
    <message>
        <source>GGUF export: possible, the vocabulary keeps the source model&apos;s pre-tokenizer.</source>
        <translation>Экспорт в GGUF: возможен, словарь сохраняет претокенизатор исходной модели.</translation>
    </message>
    <message>
        <source>GGUF export: not possible, llama.cpp has no byte-level Unigram tokenizer. Choose the BPE algorithm to run the adapted model in llama.cpp.</source>
        <translation>Экспорт в GGUF: невозможен, в llama.cpp нет байтового токенизатора Unigram. Выберите алгоритм BPE, чтобы запускать адаптированную модель в llama.cpp.</translation>
    </message>
    <message>
        <source>No held-out Russian text to measure on.</source>
        <translation>Нет отложенного русского текста для измерений.</translation>
    </message>
    <message>
        <source>{ratio:.2f}× fewer tokens on Russian</source>
        <translation>В {ratio:.2f} раза меньше токенов на русском</translation>
    </message>
    <message>
        <source>{ratio:.2f}× more tokens on Russian</source>
        <translation>В {ratio:.2f} раза больше токенов на русском</translation>
    </message>
    <message>
        <source>English: 1.00×, the same tokens as the source.</source>
        <translation>Английский: 1.00×, те же токены, что у исходного.</translation>
    </message>
    <message>
        <source>English: {ratio:.2f}× fewer tokens.</source>
        <translation>Английский: в {ratio:.2f} раза меньше токенов.</translation>
    </message>
    <message>
        <source>English: {ratio:.2f}× more tokens.</source>
        <translation>Английский: в {ratio:.2f} раза больше токенов.</translation>
    </message>
    <message>
        <source>A replacing vocabulary is trained on Russian only; extend mode keeps the source&apos;s English tokens.</source>
        <translation>Заменяющий словарь обучен только на русском; режим extend сохраняет английские токены исходного.</translation>
    </message>
    <message>
        <source>{chars:,} characters of Russian ({words:,} words)</source>
        <translation>{chars:,} символов русского текста ({words:,} слов)</translation>
    </message>
    <message>
        <source>{chars:,} characters of English ({words:,} words)</source>
        <translation>{chars:,} символов английского текста ({words:,} слов)</translation>
    </message>
    <message>
        <source>Measured on held-out text the tokenizer never saw: {texts}.</source>
        <translation>Измерено на отложенном тексте, которого токенизатор не видел: {texts}.</translation>
    </message>
</context>
<context>
    <name>TrainingPlots</name>
    <message>
        <source>Loss (nats per token)</source>
        <translation>Потери (нат на токен)</translation>
    </message>
    <message>
        <source>Bits per character, held-out Russian</source>
        <translation>Биты на символ, отложенный русский текст</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Скорость обучения</translation>
    </message>
    <message>
        <source>Tokens per second</source>
        <translation>Токенов в секунду</translation>
    </message>
    <message>
        <source>Other metrics</source>
        <translation>Другие метрики</translation>
    </message>
    <message>
        <source>training</source>
        <translation>обучение</translation>
    </message>
    <message>
        <source>held-out</source>
        <translation>отложенная выборка</translation>
    </message>
    <message>
        <source>this run</source>
        <translation>этот запуск</translation>
    </message>
    <message>
        <source>original model</source>
        <translation>исходная модель</translation>
    </message>
</context>
<context>
    <name>Transcript</name>
    <message>
        <source>System</source>
        <translation>Система</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Вы</translation>
    </message>
    <message>
        <source>(stopped)</source>
        <translation>(остановлено)</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Модель</translation>
    </message>
    <message numerus="yes">
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n токен</numerusform>
            <numerusform>%n токена</numerusform>
            <numerusform>%n токенов</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Workspaces</name>
    <message>
        <source>Project</source>
        <translation>Проект</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Чат</translation>
    </message>
    <message>
        <source>Annotate</source>
        <translation>Разметка</translation>
    </message>
    <message>
        <source>Stages, runs and settings of the open project</source>
        <translation>Этапы, запуски и настройки открытого проекта</translation>
    </message>
    <message>
        <source>Chat with two or more models side by side</source>
        <translation>Чат с двумя и более моделями бок о бок</translation>
    </message>
    <message>
        <source>Blind A/B votes on model answers, and their results</source>
        <translation>Слепое A/B-сравнение ответов моделей и его результаты</translation>
    </message>
</context>
</TS>
