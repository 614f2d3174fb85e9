"""The project schema's labels and help texts, marked for translation ("Schema" context).

`core.project.schema` carries them in English (the CLI's and the project file's comments); the studio
shows them through `field_label` / `field_help`. A test fails when the schema gains a text that is
not listed here: add it (tests/test_gui_i18n.py says how to update the .ts)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from core.project.io import section_fields, sections

SCHEMA_TEXT = (
    # [project]
    QT_TRANSLATE_NOOP("Schema", 'Name'),
    QT_TRANSLATE_NOOP("Schema", 'Shown in the studio and in reports.'),
    QT_TRANSLATE_NOOP("Schema", 'Runs folder'),
    QT_TRANSLATE_NOOP("Schema", 'Where stage runs are written, relative to the project file.'),
    # [models]
    QT_TRANSLATE_NOOP("Schema", 'Source model'),
    QT_TRANSLATE_NOOP("Schema", 'The model to adapt: a Hugging Face folder (config.json + safetensors) or a '
                                '.gguf file, which is imported once and cached.'),
    QT_TRANSLATE_NOOP("Schema", 'Original base model'),
    QT_TRANSLATE_NOOP("Schema", 'For LEP: the base model the source instruct model was tuned from (optional).'),
    QT_TRANSLATE_NOOP("Schema", 'Original instruct model'),
    QT_TRANSLATE_NOOP("Schema", 'For LEP: the instruct model whose tuning is propagated (optional).'),
    QT_TRANSLATE_NOOP("Schema", 'Weights dtype'),
    QT_TRANSLATE_NOOP("Schema", 'Precision to load weights in; auto = fp32 master weights with bf16 autocast '
                                'where the device has native bf16 (a recent GPU, or a CPU with AVX-512 BF16 or '
                                'AMX), else plain fp32; float32 = always plain fp32.'),
    QT_TRANSLATE_NOOP("Schema", 'Device'),
    QT_TRANSLATE_NOOP("Schema", 'Where training and evaluation run; auto = CUDA when present.'),
    QT_TRANSLATE_NOOP("Schema", 'Allow pickle checkpoints'),
    QT_TRANSLATE_NOOP("Schema", 'Load .bin/.pt weights. Pickle files can run code when loaded: only for files '
                                'you trust. Off: safetensors only.'),
    QT_TRANSLATE_NOOP("Schema", 'Trust remote code'),
    QT_TRANSLATE_NOOP("Schema", 'Run Python code shipped inside a model folder. Only for folders you trust.'),
    # [corpus]
    QT_TRANSLATE_NOOP("Schema", 'Russian text'),
    QT_TRANSLATE_NOOP("Schema", 'Plain text (.txt, .txt.gz) or JSONL files, or folders of them.'),
    QT_TRANSLATE_NOOP("Schema", 'English text'),
    QT_TRANSLATE_NOOP("Schema", 'To check that English does not get worse (optional).'),
    QT_TRANSLATE_NOOP("Schema", 'JSONL text field'),
    QT_TRANSLATE_NOOP("Schema", 'The field holding the text in JSONL files.'),
    QT_TRANSLATE_NOOP("Schema", 'Held-out share'),
    QT_TRANSLATE_NOOP("Schema", 'Share of the Russian text kept out of training, for evaluation.'),
    QT_TRANSLATE_NOOP("Schema", 'Held-out size cap'),
    QT_TRANSLATE_NOOP("Schema", 'At most this many characters of held-out text are used for evaluation (keeps '
                                'CPU runs short).'),
    QT_TRANSLATE_NOOP("Schema", 'Split seed'),
    QT_TRANSLATE_NOOP("Schema", 'Seed of the train/held-out split.'),
    QT_TRANSLATE_NOOP("Schema", 'Bad files'),
    QT_TRANSLATE_NOOP("Schema", 'stop: a file that is not UTF-8 text (or a JSONL line without the text field) '
                                'stops the stage with its name and line; skip: such files are skipped, counted '
                                'and listed in the result.'),
    # [tokenizer]
    QT_TRANSLATE_NOOP("Schema", 'Mode'),
    QT_TRANSLATE_NOOP("Schema", 'replace: a new vocabulary; extend: source vocabulary plus new Russian tokens (continued BPE on the '
                                "source's own segmentation, as the method's authors do; English tokenizes exactly as before); "
                                'optimized: part of the source vocabulary (see Keep rule) plus new tokens.'),
    QT_TRANSLATE_NOOP("Schema", 'Algorithm'),
    QT_TRANSLATE_NOOP("Schema", "BPE or Unigram. replace + unigram: a Unigram vocabulary (GGUF export for SentencePiece-style sources, Llama-2, Mistral, Gemma: llama.cpp has no Unigram over bytes); extend + unigram: the new tokens come from a Unigram trained on the Russian corpus, its Russian pieces learnt as BPE merges (how the method's authors extend a vocabulary with a Unigram)."),
    QT_TRANSLATE_NOOP("Schema", 'Vocabulary size'),
    QT_TRANSLATE_NOOP("Schema", 'Size of the new vocabulary (replace, optimized), or of the Unigram the new tokens come from (extend + unigram).'),
    QT_TRANSLATE_NOOP("Schema", 'New tokens'),
    QT_TRANSLATE_NOOP("Schema", 'How many new Russian tokens to add (extend, optimized).'),
    QT_TRANSLATE_NOOP("Schema", 'Minimum frequency'),
    QT_TRANSLATE_NOOP("Schema", 'Ignore pieces seen fewer times in the corpus.'),
    QT_TRANSLATE_NOOP("Schema", 'Keep rule (optimized)'),
    QT_TRANSLATE_NOOP("Schema", "Which source tokens optimized mode keeps. rank (the method's authors): the source "
                                'tokens with the lowest ids, i.e. its earliest, most frequent merges, which English needs; russian_use '
                                '(ours): the tokens the Russian corpus uses most, which can drop tokens English needs.'),
    QT_TRANSLATE_NOOP("Schema", 'Pad vocabulary to a multiple of'),
    QT_TRANSLATE_NOOP("Schema", "The model's embedding matrix gets rows up to a multiple of this (GPU matrix "
                                "products run faster on round sizes; the method's authors pad to 256). Padded rows are never produced by "
                                'the tokenizer and are exported to GGUF as unused tokens; 1 = no padding.'),
    # [transplant]
    QT_TRANSLATE_NOOP("Schema", 'New-token initialisation'),
    QT_TRANSLATE_NOOP("Schema", "How a new token's embedding (input and LM head) starts. The method's authors' variants: mean = the "
                                "mean of the source embeddings of the token's pieces, whitespace-only pieces weighted 0.1, a token "
                                'without pieces gets the mean of all source rows; wmean = the same with weights exp(-mult·i), the first '
                                'piece heaviest; random = every row, shared tokens too, drawn from N(0, initializer_range). Ours: '
                                'mean_unscaled = plain mean, no whitespace scaling, no pieces → random; wmean_linear = linear weights, '
                                'later pieces heavier on the input side and earlier ones on the LM head, no pieces → random; '
                                "random_stats = shared tokens copied, the rest drawn from the source rows' statistics. Every variant but "
                                'random copies tokens both vocabularies share.'),
    QT_TRANSLATE_NOOP("Schema", 'wmean decay'),
    QT_TRANSLATE_NOOP("Schema", 'wmean weighs piece i by exp(-mult·i): 0 = equal weights, larger = the first pieces '
                                "count more (the authors' default is 1)."),
    QT_TRANSLATE_NOOP("Schema", 'Seed'),
    QT_TRANSLATE_NOOP("Schema", 'Seed for rows drawn at random.'),
    QT_TRANSLATE_NOOP("Schema", "Calibrate new tokens' logits"),
    QT_TRANSLATE_NOOP("Schema", "After the init, shift every new token's LM-head row so the model puts as much "
                                "probability on new tokens as they have in the training text (piece means over-predict them). Better "
                                "right after the transplant; on the default project worse after 100 steps of stage 1."),
    # [stage1]
    QT_TRANSLATE_NOOP("Schema", 'Run this stage'),
    QT_TRANSLATE_NOOP("Schema", 'Skip it to go straight to the next one.'),
    QT_TRANSLATE_NOOP("Schema", 'Steps'),
    QT_TRANSLATE_NOOP("Schema", 'Optimizer steps.'),
    QT_TRANSLATE_NOOP("Schema", 'Learning rate'),
    QT_TRANSLATE_NOOP("Schema", 'Peak learning rate.'),
    QT_TRANSLATE_NOOP("Schema", 'Schedule'),
    QT_TRANSLATE_NOOP("Schema", 'cosine with warmup, or WSD (warmup-stable-decay).'),
    QT_TRANSLATE_NOOP("Schema", 'Warmup steps'),
    QT_TRANSLATE_NOOP("Schema", 'Linear warmup length.'),
    QT_TRANSLATE_NOOP("Schema", 'Weight decay'),
    QT_TRANSLATE_NOOP("Schema", 'AdamW weight decay.'),
    QT_TRANSLATE_NOOP("Schema", 'Batch size'),
    QT_TRANSLATE_NOOP("Schema", 'Sequences per step on each device.'),
    QT_TRANSLATE_NOOP("Schema", 'Gradient accumulation'),
    QT_TRANSLATE_NOOP("Schema", 'Micro-batches per optimizer step.'),
    QT_TRANSLATE_NOOP("Schema", 'Block size'),
    QT_TRANSLATE_NOOP("Schema", 'Tokens per packed training sequence.'),
    QT_TRANSLATE_NOOP("Schema", 'Evaluate every'),
    QT_TRANSLATE_NOOP("Schema", 'Steps between held-out evaluations.'),
    QT_TRANSLATE_NOOP("Schema", 'Seed of data order and initialisation.'),
    QT_TRANSLATE_NOOP("Schema", 'Checkpoint every'),
    QT_TRANSLATE_NOOP("Schema", 'Steps between checkpoints; a killed run resumes from the last one.'),
    QT_TRANSLATE_NOOP("Schema", 'Final LR ratio'),
    QT_TRANSLATE_NOOP("Schema", 'The schedule ends at this share of the peak learning rate.'),
    QT_TRANSLATE_NOOP("Schema", 'WSD decay steps'),
    QT_TRANSLATE_NOOP("Schema", 'Length of the WSD annealing phase; 0 = the last 10% of the steps.'),
    QT_TRANSLATE_NOOP("Schema", 'Objective'),
    QT_TRANSLATE_NOOP("Schema", "lm: next-token loss on the Russian text; distill: match the original model's "
                                'likelihood of each aligned chunk of the same text, read on its own '
                                'tokenization (ALM; the original runs without gradients); lm+distill: both.'),
    QT_TRANSLATE_NOOP("Schema", 'Rows that learn'),
    QT_TRANSLATE_NOOP("Schema", 'all: every row of the input embeddings and LM head learns; new: only the new '
                                "tokens' rows, and the rows of tokens the source model had (English, chat "
                                'markers, at the same id) stay exactly as they were (stage 1; keeps English '
                                "with an extended vocabulary); new+cyrillic: as new, but the source's tokens that "
                                'spell Russian learn too: those with a Cyrillic letter or its first byte, and the '
                                'byte tokens the source spelled the training text with that the new vocabulary no '
                                'longer uses (kept, they outscore the new tokens in generation).'),
    # [stage2]
    QT_TRANSLATE_NOOP("Schema", 'LoRA on the inner layers after stage 1.'),
    QT_TRANSLATE_NOOP("Schema", 'LoRA rank'),
    QT_TRANSLATE_NOOP("Schema", 'Rank of the LoRA adapters.'),
    QT_TRANSLATE_NOOP("Schema", 'LoRA alpha'),
    QT_TRANSLATE_NOOP("Schema", 'LoRA scaling numerator.'),
    QT_TRANSLATE_NOOP("Schema", 'LoRA dropout'),
    QT_TRANSLATE_NOOP("Schema", 'Dropout on the adapter input.'),
    QT_TRANSLATE_NOOP("Schema", 'LoRA targets'),
    QT_TRANSLATE_NOOP("Schema", 'The projections that get LoRA adapters (those the model has). The authors adapt all '
                                'seven attention and MLP projections.'),
    QT_TRANSLATE_NOOP("Schema", 'Fully trained matrices'),
    QT_TRANSLATE_NOOP("Schema", 'Vocabulary matrices trained in full beside the adapters (peft modules_to_save) '
                                'after stage 1: lm_head = the LM head, embed_tokens = the input embeddings. The authors train the LM head '
                                'and keep the input embeddings frozen. A model with tied embeddings has one matrix for both: it trains '
                                'when either is listed.'),
    # [lep]
    QT_TRANSLATE_NOOP("Schema", 'Run LEP'),
    QT_TRANSLATE_NOOP("Schema", 'Needs the original base and instruct models.'),
    QT_TRANSLATE_NOOP("Schema", 'Projection'),
    QT_TRANSLATE_NOOP("Schema", "conversion (the paper's best), overlap, or swap."),
    QT_TRANSLATE_NOOP("Schema", 'Stage-2 LoRA scale'),
    QT_TRANSLATE_NOOP("Schema", "Scale of the adapted base's stage-2 update (adapted − original base) added to "
                                "the instruct model's layers; 0 = none."),
    QT_TRANSLATE_NOOP("Schema", 'Rows fitted'),
    QT_TRANSLATE_NOOP("Schema", 'Fit P on a seeded sample of this many vocabulary rows (bounds the cost for '
                                'large vocabularies on a CPU); 0 = every row.'),
    QT_TRANSLATE_NOOP("Schema", 'Copy-task passages'),
    QT_TRANSLATE_NOOP("Schema", 'DaruCopy texts'),
    QT_TRANSLATE_NOOP("Schema", 'Held-out sentences and paragraphs per DaruCopy set (cp_sent/cp_para, Russian and '
                                'English) the original and adapted instruct models are asked to repeat; 0 = skip.'),
    # [calibration]
    QT_TRANSLATE_NOOP("Schema", 'Run calibration'),
    QT_TRANSLATE_NOOP("Schema", 'LoRA instruction SFT plus a copy task after LEP.'),
    QT_TRANSLATE_NOOP("Schema", 'Instruction data'),
    QT_TRANSLATE_NOOP("Schema", 'Local JSONL in chat `messages` format (optional when self-calibration or the '
                                'copy task supply the data).'),
    QT_TRANSLATE_NOOP("Schema", 'Copy-task share'),
    QT_TRANSLATE_NOOP("Schema", "Share of calibration examples that are the 'repeat this text' task (passages of the training text). "
                                'The authors mix in about 3-7%. Without other data every example is a copy task.'),
    QT_TRANSLATE_NOOP("Schema", 'At most this many training-text passages are drawn for the copy task.'),
    QT_TRANSLATE_NOOP("Schema", 'Copy-task documents'),
    QT_TRANSLATE_NOOP("Schema", 'The passages come from the first this many documents of the training text.'),
    QT_TRANSLATE_NOOP("Schema", 'Self-calibration'),
    QT_TRANSLATE_NOOP("Schema", 'The original instruct model answers the prompts below greedily; its answers '
                                'become SFT data.'),
    QT_TRANSLATE_NOOP("Schema", 'Prompts'),
    QT_TRANSLATE_NOOP("Schema", 'Text file, one prompt per line, for self-calibration.'),
    QT_TRANSLATE_NOOP("Schema", 'Epochs'),
    QT_TRANSLATE_NOOP("Schema", 'Passes over the calibration data (used when Steps is 0).'),
    QT_TRANSLATE_NOOP("Schema", 'Optimizer steps; 0 = as many as Epochs passes over the data take.'),
    QT_TRANSLATE_NOOP("Schema", "The schedule ends at this share of the peak learning rate (0: to zero, as the authors' cosine)."),
    QT_TRANSLATE_NOOP("Schema", "Linear warmup length (cut to the run's length when longer)."),
    QT_TRANSLATE_NOOP("Schema", 'Chats per micro-batch.'),
    QT_TRANSLATE_NOOP("Schema", "Micro-batches per optimizer step (4 × 32 = the authors' 128 chats per step)."),
    QT_TRANSLATE_NOOP("Schema", 'Max length'),
    QT_TRANSLATE_NOOP("Schema", 'Tokens per chat (longer ones are cut).'),
    QT_TRANSLATE_NOOP("Schema", 'Rank of the calibration adapters.'),
    QT_TRANSLATE_NOOP("Schema", 'LoRA scaling numerator (the update is scaled by alpha / rank).'),
    QT_TRANSLATE_NOOP("Schema", 'Vocabulary matrices trained in full beside the adapters (peft modules_to_save) during calibration: '
                                'lm_head = the LM head, embed_tokens = the input embeddings. The authors train the LM head and keep the '
                                'input embeddings frozen. A model with tied embeddings has one matrix for both: it trains when either is '
                                'listed.'),
    QT_TRANSLATE_NOOP("Schema", 'Precision of the calibrated weights; empty = as models.dtype (auto: fp32 weights with bf16 autocast on a '
                                'GPU that has it, as the training stages).'),
    QT_TRANSLATE_NOOP("Schema", 'Steps between held-out evaluations (and after the last).'),
    QT_TRANSLATE_NOOP("Schema", 'Evaluation text'),
    QT_TRANSLATE_NOOP("Schema", 'Characters of held-out text for the evaluations during training.'),
    QT_TRANSLATE_NOOP("Schema", 'Held-out sentences and paragraphs per DaruCopy set the model is asked to repeat before and after '
                                'calibration; 0 = skip.'),
    QT_TRANSLATE_NOOP("Schema", 'Seed of data order, the adapters and the copy-task sample.'),
    # [export]
    QT_TRANSLATE_NOOP("Schema", 'GGUF types'),
    QT_TRANSLATE_NOOP("Schema", 'Types to write, each for the original and the adapted model. Quantized types '
                                "are made by llama.cpp from a float export in the weights' own precision."),
    QT_TRANSLATE_NOOP("Schema", 'Parity check'),
    QT_TRANSLATE_NOOP("Schema", 'Check every file against transformers before keeping it: identical token ids on '
                                'a fixed Russian/English test set, and next-token agreement where the model has '
                                'a clear favourite (f16/bf16 at least 99%, q8_0 at least 95%).'),
    # [evaluation]
    QT_TRANSLATE_NOOP("Schema", 'Text per measurement'),
    QT_TRANSLATE_NOOP("Schema", 'Characters of held-out text per model and language.'),
    QT_TRANSLATE_NOOP("Schema", 'Window'),
    QT_TRANSLATE_NOOP("Schema", 'Tokens per evaluation window.'),
    QT_TRANSLATE_NOOP("Schema", 'Threads'),
    QT_TRANSLATE_NOOP("Schema", 'CPU threads for llama.cpp; 0 = all cores.'),
    QT_TRANSLATE_NOOP("Schema", "Held-out sentences and paragraphs per DaruCopy set (llmtf's darumeru/cp_sent and cp_para, Russian and "
                                'English) each model is asked to repeat; 0 = skip the copy task.'),
    QT_TRANSLATE_NOOP("Schema", 'DaruCopy generation cap'),
    QT_TRANSLATE_NOOP("Schema", "At most this many tokens per copy; 0 = llmtf's (128 for a sentence, 1024 for "
                                'a paragraph). A lower cap shortens runaway outputs on a CPU; their length score then reads higher than '
                                "llmtf's."),
    QT_TRANSLATE_NOOP("Schema", 'Outside texts'),
    QT_TRANSLATE_NOOP("Schema", "Russian text from outside the corpus's domain, measured on both models (tokens and bits "
                                "per character) to check that gains generalise: Debian's fortunes-ru and libreoffice-help-ru "
                                '(Writer help), each skipped when its package is not installed. Never part of the corpus.'),
    QT_TRANSLATE_NOOP("Schema", 'Speed: characters'),
    QT_TRANSLATE_NOOP("Schema", 'Characters each model generates per speed prompt.'),
    QT_TRANSLATE_NOOP("Schema", 'Speed: repeats'),
    QT_TRANSLATE_NOOP("Schema", 'Passes over the speed prompts (the median is reported).'),
    QT_TRANSLATE_NOOP("Schema", 'Speed: GGUF type'),
    QT_TRANSLATE_NOOP("Schema", 'Which exported type the speed test runs; empty = q8_0 if exported, else the '
                                'first type.'),
    # [compute]
    QT_TRANSLATE_NOOP("Schema", 'Launcher'),
    QT_TRANSLATE_NOOP("Schema", 'local: one process; torchrun: DDP/FSDP over GPUs.'),
    QT_TRANSLATE_NOOP("Schema", 'GPUs per node'),
    QT_TRANSLATE_NOOP("Schema", 'Processes per node under torchrun.'),
    QT_TRANSLATE_NOOP("Schema", 'Strategy'),
    QT_TRANSLATE_NOOP("Schema", 'Under torchrun. ddp: every GPU holds the whole model; fsdp: the model is '
                                'sharded across the GPUs (FSDP2), for models that do not fit one.'),
    QT_TRANSLATE_NOOP("Schema", 'Gradient checkpointing'),
    QT_TRANSLATE_NOOP("Schema", 'Trade compute for memory.'),
)

_META = {(name, f.name): f.metadata for name, typ in sections() for f, _ in section_fields(typ)}


def field_label(section: str, name: str) -> str:
    return QCoreApplication.translate("Schema", _META[(section, name)]["label"])


def field_help(section: str, name: str) -> str:
    return QCoreApplication.translate("Schema", _META[(section, name)]["help"])
