"""Translated names for words that come from `core` (stage labels, job states, section names).

`core` has no UI text of its own beyond English labels; the studio translates them here, keyed by
the English text, so a new stage shows in English until its label is added below (a test lists
the missing ones). Field labels and help of the project schema: `schema_texts`; engine messages:
`engine_text`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from core.stages import STAGE_BY_NAME
from ruadapt_gui import stage_status as st

STAGE_TEXT = (
    QT_TRANSLATE_NOOP("Stages", "Import source model"),
    QT_TRANSLATE_NOOP("Stages", "Open the source model (a Hugging Face folder, or a GGUF file dequantized "
                                "into one) and check it."),
    QT_TRANSLATE_NOOP("Stages", "Prepare corpus"),
    QT_TRANSLATE_NOOP("Stages", "Read the Russian and English text, check it, and split off a held-out "
                                "slice training never sees."),
    QT_TRANSLATE_NOOP("Stages", "Measure the source model"),
    QT_TRANSLATE_NOOP("Stages", "Characters per token and bits per character of the source model on "
                                "held-out text."),
    QT_TRANSLATE_NOOP("Stages", "Train tokenizer"),
    QT_TRANSLATE_NOOP("Stages", "Train a Russian vocabulary that replaces, extends or optimises the source's, "
                                "and measure the savings."),
    QT_TRANSLATE_NOOP("Stages", "Transplant vocabulary"),
    QT_TRANSLATE_NOOP("Stages", "Give the source model embeddings for the new tokenizer: shared tokens copied, "
                                "new ones from their pieces."),
    QT_TRANSLATE_NOOP("Stages", "Stage 1: embeddings"),
    QT_TRANSLATE_NOOP("Stages", "Train the new input embeddings and LM head on the Russian text, the body frozen."),
    QT_TRANSLATE_NOOP("Stages", "Stage 2: LoRA"),
    QT_TRANSLATE_NOOP("Stages", "LoRA on attention and MLP with the LM head trained in full and the input "
                                "embeddings frozen; merged into a plain model."),
    QT_TRANSLATE_NOOP("Stages", "LEP: adapted instruct model"),
    QT_TRANSLATE_NOOP("Stages", "Project the adapted base's embeddings into the original instruct model "
                                "(Learned Embedding Propagation)."),
    QT_TRANSLATE_NOOP("Stages", "Calibration"),
    QT_TRANSLATE_NOOP("Stages", "LoRA SFT of the adapted instruct model on instruction chats plus the copy task."),
    QT_TRANSLATE_NOOP("Stages", "Export to GGUF"),
    QT_TRANSLATE_NOOP("Stages", "The original and the adapted model as GGUF files for llama.cpp, quantized, each "
                                "checked against transformers (identical tokenization, next-token agreement)."),
    QT_TRANSLATE_NOOP("Stages", "Evaluate and report"),
    QT_TRANSLATE_NOOP("Stages", "Original vs adapted: tokens, bits per character, copy task, generation speed; "
                                "a report with charts."),
)

SECTION_TEXT = (
    QT_TRANSLATE_NOOP("Sections", "Project"), QT_TRANSLATE_NOOP("Sections", "Models"),
    QT_TRANSLATE_NOOP("Sections", "Corpus"), QT_TRANSLATE_NOOP("Sections", "Tokenizer"),
    QT_TRANSLATE_NOOP("Sections", "Transplant"), QT_TRANSLATE_NOOP("Sections", "Stage 1: embeddings"),
    QT_TRANSLATE_NOOP("Sections", "Stage 2: LoRA"), QT_TRANSLATE_NOOP("Sections", "LEP"),
    QT_TRANSLATE_NOOP("Sections", "Calibration"), QT_TRANSLATE_NOOP("Sections", "GGUF export"),
    QT_TRANSLATE_NOOP("Sections", "Evaluation"), QT_TRANSLATE_NOOP("Sections", "Compute"),
)

_JOB_STATES = {
    "pending": QT_TRANSLATE_NOOP("JobState", "pending"),
    "running": QT_TRANSLATE_NOOP("JobState", "running"),
    "cancelling": QT_TRANSLATE_NOOP("JobState", "cancelling"),
    "done": QT_TRANSLATE_NOOP("JobState", "done"),
    "failed": QT_TRANSLATE_NOOP("JobState", "failed"),
    "cancelled": QT_TRANSLATE_NOOP("JobState", "cancelled"),
}

_STAGE_STATUSES = {
    st.NOT_RUN: QT_TRANSLATE_NOOP("StageStatus", "not run"),
    st.UP_TO_DATE: QT_TRANSLATE_NOOP("StageStatus", "up to date"),
    st.RUNNING: QT_TRANSLATE_NOOP("StageStatus", "running"),
    st.FAILED: QT_TRANSLATE_NOOP("StageStatus", "failed"),
    st.CANCELLED: QT_TRANSLATE_NOOP("StageStatus", "cancelled"),
    st.STALE: QT_TRANSLATE_NOOP("StageStatus", "stale"),
    st.OFF: QT_TRANSLATE_NOOP("StageStatus", "off"),
}


def stage_text(english: str) -> str:
    """A stage's label or help from core.stages.STAGES, translated when a translation exists."""
    return QCoreApplication.translate("Stages", english)


def stage_label(name: str) -> str:
    """The translated label of the stage called `name` (the name itself for an unknown stage)."""
    stage = STAGE_BY_NAME.get(name)
    return stage_text(stage.label) if stage else name


def section_text(english: str) -> str:
    return QCoreApplication.translate("Sections", english)


def job_state_text(state: str) -> str:
    return QCoreApplication.translate("JobState", _JOB_STATES.get(state, state))


def stage_status_text(status: str) -> str:
    return QCoreApplication.translate("StageStatus", _STAGE_STATUSES.get(status, status))


def rough_duration(seconds: float) -> str:
    """"about 3 min", "about 1 h 20 min": an estimate, so no seconds."""
    minutes = max(1, round(seconds / 60))
    if minutes < 90:
        return QCoreApplication.translate("Duration", "about {n} min").format(n=minutes)
    hours, rest = divmod(minutes, 60)
    return QCoreApplication.translate("Duration", "about {h} h {m} min").format(h=hours, m=rest)


def short_path(path: Path | str) -> str:
    """A path with the home folder as ~ (titles, status lines)."""
    path, home = Path(path), Path.home()
    try:
        return str(Path("~") / path.relative_to(home))
    except ValueError:
        return str(path)


def number(value: float, decimals: int = 0) -> str:
    """A number grouped the interface language's way: 122,880 in English, 122 880 in Russian."""
    return QLocale().toString(float(value), "f", decimals) if decimals else QLocale().toString(int(round(value)))
