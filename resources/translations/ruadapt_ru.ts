<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
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
        <source>LoRA on attention and MLP with embeddings and head still trained; merged into a plain model.</source>
        <translation>LoRA на слоях внимания и MLP, эмбеддинги и выходной слой продолжают обучаться; затем всё сливается в обычную модель.</translation>
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
</TS>
