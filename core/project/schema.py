"""The project file's schema: frozen dataclasses, one per TOML section.

Each field's metadata carries `label` and `help` (the studio builds its forms and tooltips from
them) and, where it applies, `choices`, `min`/`max`, `path` ("file", "dir", "model", "any") and
`required`. Validation reads the same metadata, so a rule is written once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from core.evaluation.outside_text import OUTSIDE_TEXTS
from core.gguf_types import TYPE_NAMES
from core.lep.modes import MODES
from core.training.schedules import SCHEDULES
from core.transplant.inits import INITS


def setting(default: Any, label: str, help: str, **rules: Any) -> Any:
    """A project setting with its GUI label, tooltip and validation rules."""
    meta = {"label": label, "help": help, **rules}
    if isinstance(default, (list, tuple)):
        return field(default_factory=lambda: tuple(default), metadata=meta)
    return field(default=default, metadata=meta)


@dataclass(frozen=True)
class ProjectInfo:
    name: str = setting("Untitled adaptation", "Name", "Shown in the studio and in reports.")
    runs_dir: str = setting("runs", "Runs folder", "Where stage runs are written, relative to the project file.",
                            path="dir")


@dataclass(frozen=True)
class Models:
    source: str = setting(
        "", "Source model",
        "The model to adapt: a Hugging Face folder (config.json + safetensors) or a .gguf file, "
        "which is imported once and cached.", path="model", required=True)
    base: str = setting("", "Original base model",
                        "For LEP: the base model the source instruct model was tuned from (optional).",
                        path="model")
    instruct: str = setting("", "Original instruct model",
                            "For LEP: the instruct model whose tuning is propagated (optional).", path="model")
    dtype: str = setting("auto", "Weights dtype", "Precision to load weights in; auto = fp32 master weights "
                         "with bf16 autocast where the device has native bf16 (a recent GPU, or a CPU with "
                         "AVX-512 BF16 or AMX), else plain fp32; float32 = always plain fp32.", choices=("auto", "float32", "bfloat16", "float16"))
    device: str = setting("auto", "Device", "Where training and evaluation run; auto = CUDA when present.",
                          choices=("auto", "cpu", "cuda"))
    allow_pickle: bool = setting(False, "Allow pickle checkpoints",
                                 "Load .bin/.pt weights. Pickle files can run code when loaded: only "
                                 "for files you trust. Off: safetensors only.")
    trust_remote_code: bool = setting(False, "Trust remote code",
                                      "Run Python code shipped inside a model folder. Only for folders you trust.")


@dataclass(frozen=True)
class Corpus:
    russian: tuple[str, ...] = setting((), "Russian text", "Plain text (.txt, .txt.gz) or JSONL files, or "
                                       "folders of them.", path="any", required=True)
    english: tuple[str, ...] = setting((), "English text", "To check that English does not get worse "
                                       "(optional).", path="any")
    text_field: str = setting("text", "JSONL text field", "The field holding the text in JSONL files.")
    heldout_fraction: float = setting(0.15, "Held-out share", "Share of the Russian text kept out of "
                                      "training, for evaluation.", min=0.01, max=0.5)
    heldout_max_chars: int = setting(30000, "Held-out size cap", "At most this many characters of held-out "
                                     "text are used for evaluation (keeps CPU runs short).", min=1000,
                                     max=100_000_000)
    seed: int = setting(0, "Split seed", "Seed of the train/held-out split.", min=0, max=2**31 - 1)
    on_bad_file: str = setting("stop", "Bad files", "stop: a file that is not UTF-8 text (or a JSONL line "
                               "without the text field) stops the stage with its name and line; skip: such "
                               "files are skipped, counted and listed in the result.", choices=("stop", "skip"))


@dataclass(frozen=True)
class Tokenizer:
    mode: str = setting("replace", "Mode", "replace: a new vocabulary; extend: source vocabulary plus new "
                        "Russian tokens (continued BPE on the source's own segmentation, as the method's authors "
                        "do; English tokenizes exactly as before); optimized: part of the source vocabulary "
                        "(see Keep rule) plus new tokens.",
                        choices=("replace", "extend", "optimized"))
    algorithm: str = setting("bpe", "Algorithm", "BPE or Unigram. replace + unigram: a Unigram vocabulary (GGUF "
                             "export for SentencePiece-style sources, Llama-2, Mistral, Gemma: llama.cpp has no "
                             "Unigram over bytes); extend + unigram: the new tokens come from a Unigram trained on "
                             "the Russian corpus, its Russian pieces learnt as BPE merges (how the method's authors "
                             "extend a vocabulary with a Unigram).", choices=("bpe", "unigram"))
    vocab_size: int = setting(8000, "Vocabulary size", "Size of the new vocabulary (replace, optimized), or of the "
                              "Unigram the new tokens come from (extend + unigram).", min=256, max=1_000_000)
    new_tokens: int = setting(4000, "New tokens", "How many new Russian tokens to add (extend, optimized).",
                              min=0, max=1_000_000)
    keep_rule: str = setting("rank", "Keep rule (optimized)", "Which source tokens optimized mode keeps. rank "
                             "(the method's authors): the source tokens with the lowest ids, i.e. its earliest, "
                             "most frequent merges, which English needs; russian_use (ours): the tokens the "
                             "Russian corpus uses most, which can drop tokens English needs.",
                             choices=("rank", "russian_use"))
    min_frequency: int = setting(2, "Minimum frequency", "Ignore pieces seen fewer times in the corpus.",
                                 min=1, max=1_000_000)
    pad_to_multiple: int = setting(64, "Pad vocabulary to a multiple of", "The model's embedding matrix gets "
                                   "rows up to a multiple of this (GPU matrix products run faster on round "
                                   "sizes; the method's authors pad to 256). Padded rows are never produced by "
                                   "the tokenizer and are exported to GGUF as unused tokens; 1 = no padding.",
                                   min=1, max=4096)


@dataclass(frozen=True)
class Transplant:
    init: str = setting(
        "mean", "New-token initialisation",
        "How a new token's embedding (input and LM head) starts. The method's authors' variants: mean = the "
        "mean of the source embeddings of the token's pieces, whitespace-only pieces weighted 0.1, a token "
        "without pieces gets the mean of all source rows; wmean = the same with weights exp(-mult·i), the "
        "first piece heaviest; random = every row, shared tokens too, drawn from N(0, initializer_range). "
        "Ours: mean_unscaled = plain mean, no whitespace scaling, no pieces → random; wmean_linear = linear "
        "weights, later pieces heavier on the input side and earlier ones on the LM head, no pieces → "
        "random; random_stats = shared tokens copied, the rest drawn from the source rows' statistics. "
        "Every variant but random copies tokens both vocabularies share.",
        choices=tuple(INITS))
    wmean_mult: float = setting(1.0, "wmean decay", "wmean weighs piece i by exp(-mult·i): 0 = equal weights, "
                                "larger = the first pieces count more (the authors' default is 1).",
                                min=0.0, max=20.0)
    seed: int = setting(0, "Seed", "Seed for rows drawn at random.", min=0, max=2**31 - 1)
    calibrate_logits: bool = setting(False, "Calibrate new tokens' logits", "After the init, shift every new "
                                     "token's LM-head row so the model puts as much probability on new tokens "
                                     "as they have in the training text (piece means over-predict them). Better "
                                     "right after the transplant; on the default project worse after 100 steps "
                                     "of stage 1.")


@dataclass(frozen=True)
class Training:
    enabled: bool = setting(True, "Run this stage", "Skip it to go straight to the next one.")
    steps: int = setting(200, "Steps", "Optimizer steps.", min=1, max=10_000_000)
    learning_rate: float = setting(2e-4, "Learning rate", "Peak learning rate.", min=1e-8, max=1.0)
    scheduler: str = setting("cosine", "Schedule", "cosine with warmup, or WSD (warmup-stable-decay).",
                             choices=SCHEDULES)
    warmup_steps: int = setting(100, "Warmup steps", "Linear warmup length.", min=0, max=10_000_000)
    weight_decay: float = setting(0.1, "Weight decay", "AdamW weight decay.", min=0.0, max=1.0)
    batch_size: int = setting(4, "Batch size", "Sequences per step on each device.", min=1, max=4096)
    grad_accum: int = setting(1, "Gradient accumulation", "Micro-batches per optimizer step.", min=1, max=4096)
    block_size: int = setting(1024, "Block size", "Tokens per packed training sequence.", min=16, max=131072)
    eval_every: int = setting(50, "Evaluate every", "Steps between held-out evaluations.", min=1,
                              max=10_000_000)
    seed: int = setting(0, "Seed", "Seed of data order and initialisation.", min=0, max=2**31 - 1)
    checkpoint_every: int = setting(50, "Checkpoint every", "Steps between checkpoints; a killed run resumes "
                                    "from the last one.", min=1, max=10_000_000)
    min_lr_ratio: float = setting(0.1, "Final LR ratio", "The schedule ends at this share of the peak "
                                  "learning rate.", min=0.0, max=1.0)
    decay_steps: int = setting(0, "WSD decay steps", "Length of the WSD annealing phase; 0 = the last "
                               "10% of the steps.", min=0, max=10_000_000)
    objective: str = setting("lm", "Objective", "lm: next-token loss on the Russian text; distill: match the "
                             "original model's likelihood of each aligned chunk of the same text, read on its "
                             "own tokenization (ALM; the original runs without gradients); lm+distill: both.",
                             choices=("lm", "distill", "lm+distill"))
    train_rows: str = setting("all", "Rows that learn", "all: every row of the input embeddings and LM head "
                              "learns; new: only the new tokens' rows, and the rows of tokens the source model "
                              "had (English, chat markers, at the same id) stay exactly as they were (stage 1; "
                              "keeps English with an extended vocabulary); new+cyrillic: as new, but the source's "
                              "tokens that spell Russian learn too: those with a Cyrillic letter or its first "
                              "byte, and the byte tokens the source spelled the training text with that the new "
                              "vocabulary no longer uses (kept, they outscore the new tokens in generation).",
                              choices=("all", "new", "new+cyrillic"))


LORA_TARGETS = ("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj")
VOCAB_MATRICES = ("lm_head", "embed_tokens")


def lora_targets_setting() -> Any:
    return setting(LORA_TARGETS, "LoRA targets", "The projections that get LoRA adapters (those the model "
                   "has). The authors adapt all seven attention and MLP projections.", choices=LORA_TARGETS)


def full_matrices_setting(what: str) -> Any:
    return setting(("lm_head",), "Fully trained matrices",
                   f"Vocabulary matrices trained in full beside the adapters (peft modules_to_save) {what}: "
                   "lm_head = the LM head, embed_tokens = the input embeddings. The authors train the LM head "
                   "and keep the input embeddings frozen. A model with tied embeddings has one matrix for "
                   "both: it trains when either is listed.", choices=VOCAB_MATRICES)


@dataclass(frozen=True)
class LoraTraining(Training):
    enabled: bool = setting(False, "Run this stage", "LoRA on the inner layers after stage 1.")
    learning_rate: float = setting(1e-4, "Learning rate", "Peak learning rate.", min=1e-8, max=1.0)
    lora_r: int = setting(32, "LoRA rank", "Rank of the LoRA adapters.", min=1, max=4096)
    lora_alpha: int = setting(32, "LoRA alpha", "LoRA scaling numerator.", min=1, max=65536)
    lora_dropout: float = setting(0.05, "LoRA dropout", "Dropout on the adapter input.", min=0.0, max=0.9)
    lora_targets: tuple[str, ...] = lora_targets_setting()
    full_matrices: tuple[str, ...] = full_matrices_setting("after stage 1")


@dataclass(frozen=True)
class Lep:
    enabled: bool = setting(False, "Run LEP", "Needs the original base and instruct models.")
    mode: str = setting("conversion", "Projection", "conversion (the paper's best), overlap, or swap.",
                        choices=MODES)
    lora_scale: float = setting(1.0, "Stage-2 LoRA scale", "Scale of the adapted base's stage-2 update "
                                "(adapted − original base) added to the instruct model's layers; 0 = none.",
                                min=0.0, max=4.0)
    max_rows: int = setting(16384, "Rows fitted", "Fit P on a seeded sample of this many vocabulary rows "
                            "(bounds the cost for large vocabularies on a CPU); 0 = every row.",
                            min=0, max=10_000_000)
    copy_passages: int = setting(4, "DaruCopy texts", "Held-out sentences and paragraphs per DaruCopy set "
                                 "(cp_sent/cp_para, Russian and English) the original and adapted instruct models "
                                 "are asked to repeat; 0 = skip.", min=0, max=1000)


@dataclass(frozen=True)
class Calibration:
    """Defaults are the authors' calibration fine-tune (ruadapt `models_configs/ft_*`): LoRA r 32, alpha 16,
    no dropout, the LM head saved, lr 5e-5 cosine, warmup 16, weight decay 0.05, one epoch, effective
    batch 128, evaluation and checkpoints every 16 steps, about 5% copy-task examples."""
    enabled: bool = setting(False, "Run calibration", "LoRA instruction SFT plus a copy task after LEP.")
    sft_data: str = setting("", "Instruction data", "Local JSONL in chat `messages` format (optional when "
                            "self-calibration or the copy task supply the data).", path="file")
    copy_ratio: float = setting(0.05, "Copy-task share", "Share of calibration examples that are the "
                                "'repeat this text' task (passages of the training text). The authors mix in "
                                "about 3-7%. Without other data every example is a copy task.", min=0.0, max=1.0)
    copy_pool: int = setting(256, "Copy-task passages", "At most this many training-text passages are drawn "
                             "for the copy task.", min=1, max=10_000_000)
    copy_documents: int = setting(2000, "Copy-task documents", "The passages come from the first this many "
                                  "documents of the training text.", min=1, max=100_000_000)
    self_calibration: bool = setting(False, "Self-calibration", "The original instruct model answers the "
                                     "prompts below greedily; its answers become SFT data.")
    prompts: str = setting("", "Prompts", "Text file, one prompt per line, for self-calibration.", path="file")
    epochs: float = setting(1.0, "Epochs", "Passes over the calibration data (used when Steps is 0).",
                            min=0.01, max=1000.0)
    steps: int = setting(0, "Steps", "Optimizer steps; 0 = as many as Epochs passes over the data take.",
                         min=0, max=10_000_000)
    learning_rate: float = setting(5e-5, "Learning rate", "Peak learning rate.", min=1e-8, max=1.0)
    scheduler: str = setting("cosine", "Schedule", "cosine with warmup, or WSD (warmup-stable-decay).",
                             choices=SCHEDULES)
    min_lr_ratio: float = setting(0.0, "Final LR ratio", "The schedule ends at this share of the peak "
                                  "learning rate (0: to zero, as the authors' cosine).", min=0.0, max=1.0)
    warmup_steps: int = setting(16, "Warmup steps", "Linear warmup length (cut to the run's length when "
                                "longer).", min=0, max=10_000_000)
    weight_decay: float = setting(0.05, "Weight decay", "AdamW weight decay.", min=0.0, max=1.0)
    batch_size: int = setting(4, "Batch size", "Chats per micro-batch.", min=1, max=4096)
    grad_accum: int = setting(32, "Gradient accumulation", "Micro-batches per optimizer step (4 × 32 = the "
                              "authors' 128 chats per step).", min=1, max=4096)
    max_length: int = setting(512, "Max length", "Tokens per chat (longer ones are cut).", min=16, max=131072)
    lora_r: int = setting(32, "LoRA rank", "Rank of the calibration adapters.", min=1, max=4096)
    lora_alpha: int = setting(16, "LoRA alpha", "LoRA scaling numerator (the update is scaled by alpha / "
                              "rank).", min=1, max=65536)
    lora_dropout: float = setting(0.0, "LoRA dropout", "Dropout on the adapter input.", min=0.0, max=0.9)
    lora_targets: tuple[str, ...] = lora_targets_setting()
    full_matrices: tuple[str, ...] = full_matrices_setting("during calibration")
    dtype: str = setting("", "Weights dtype", "Precision of the calibrated weights; empty = as models.dtype "
                         "(auto: fp32 weights with bf16 autocast on a GPU that has it, as the training stages).",
                         choices=("", "auto", "float32", "bfloat16", "float16"))
    eval_every: int = setting(16, "Evaluate every", "Steps between held-out evaluations (and after the last).",
                              min=1, max=10_000_000)
    eval_chars: int = setting(4000, "Evaluation text", "Characters of held-out text for the evaluations "
                              "during training.", min=100, max=100_000_000)
    checkpoint_every: int = setting(16, "Checkpoint every", "Steps between checkpoints; a killed run resumes "
                                    "from the last one.", min=1, max=10_000_000)
    probe_passages: int = setting(4, "DaruCopy texts", "Held-out sentences and paragraphs per DaruCopy set the "
                                  "model is asked to repeat before and after calibration; 0 = skip.", min=0, max=1000)
    seed: int = setting(0, "Seed", "Seed of data order, the adapters and the copy-task sample.", min=0,
                        max=2**31 - 1)


@dataclass(frozen=True)
class Export:
    types: tuple[str, ...] = setting(("f16", "q8_0"), "GGUF types", "Types to write, each for the original "
                                     "and the adapted model. Quantized types are made by llama.cpp from a "
                                     "float export in the weights' own precision.",
                                     choices=TYPE_NAMES)
    parity: bool = setting(True, "Parity check", "Check every file against transformers before keeping it: "
                           "identical token ids on a fixed Russian/English test set, and next-token agreement "
                           "where the model has a clear favourite (f16/bf16 at least 99%, q8_0 at least 95%).")


@dataclass(frozen=True)
class Evaluation:
    max_chars: int = setting(20000, "Text per measurement", "Characters of held-out text per model and "
                             "language.", min=100, max=100_000_000)
    batch_tokens: int = setting(512, "Window", "Tokens per evaluation window.", min=16, max=131072)
    threads: int = setting(0, "Threads", "CPU threads for llama.cpp; 0 = all cores.", min=0, max=1024)
    copy_passages: int = setting(4, "DaruCopy texts", "Held-out sentences and paragraphs per DaruCopy set "
                                 "(llmtf's darumeru/cp_sent and cp_para, Russian and English) each model is asked "
                                 "to repeat; 0 = skip the copy task.", min=0, max=1000)
    copy_max_new_tokens: int = setting(0, "DaruCopy generation cap", "At most this many tokens per copy; 0 = "
                                       "llmtf's (128 for a sentence, 1024 for a paragraph). A lower cap shortens "
                                       "runaway outputs on a CPU; their length score then reads higher than "
                                       "llmtf's.", min=0, max=100_000)
    outside_texts: tuple[str, ...] = setting(
        tuple(OUTSIDE_TEXTS), "Outside texts", "Russian text from outside the corpus's domain, measured on both "
        "models (tokens and bits per character) to check that gains generalise: Debian's fortunes-ru and "
        "libreoffice-help-ru (Writer help), each skipped when its package is not installed. Never part of the corpus.",
        choices=tuple(OUTSIDE_TEXTS))
    speed_chars: int = setting(300, "Speed: characters", "Characters each model generates per speed prompt.",
                               min=20, max=100_000)
    speed_repeats: int = setting(2, "Speed: repeats", "Passes over the speed prompts (the median is reported).",
                                 min=1, max=100)
    speed_type: str = setting("", "Speed: GGUF type", "Which exported type the speed test runs; empty = q8_0 "
                              "if exported, else the first type.",
                              choices=("", *TYPE_NAMES))


@dataclass(frozen=True)
class Compute:
    launcher: str = setting("local", "Launcher", "local: one process; torchrun: DDP/FSDP over GPUs.",
                            choices=("local", "torchrun"))
    nproc_per_node: int = setting(1, "GPUs per node", "Processes per node under torchrun.", min=1, max=64)
    strategy: str = setting("ddp", "Strategy", "Under torchrun. ddp: every GPU holds the whole model; fsdp: "
                            "the model is sharded across the GPUs (FSDP2), for models that do not fit one.",
                            choices=("ddp", "fsdp"))
    gradient_checkpointing: bool = setting(False, "Gradient checkpointing", "Trade compute for memory.")


@dataclass(frozen=True)
class Project:
    project: ProjectInfo = field(default_factory=ProjectInfo)
    models: Models = field(default_factory=Models)
    corpus: Corpus = field(default_factory=Corpus)
    tokenizer: Tokenizer = field(default_factory=Tokenizer)
    transplant: Transplant = field(default_factory=Transplant)
    stage1: Training = field(default_factory=Training)
    stage2: LoraTraining = field(default_factory=LoraTraining)
    lep: Lep = field(default_factory=Lep)
    calibration: Calibration = field(default_factory=Calibration)
    export: Export = field(default_factory=Export)
    evaluation: Evaluation = field(default_factory=Evaluation)
    compute: Compute = field(default_factory=Compute)


SECTION_LABELS = {
    "project": "Project", "models": "Models", "corpus": "Corpus", "tokenizer": "Tokenizer",
    "transplant": "Transplant", "stage1": "Stage 1: embeddings", "stage2": "Stage 2: LoRA", "lep": "LEP",
    "calibration": "Calibration", "export": "GGUF export", "evaluation": "Evaluation", "compute": "Compute",
}
