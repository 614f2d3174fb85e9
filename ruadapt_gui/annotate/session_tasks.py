"""What the owner's view does to session files, as plain functions run off the GUI thread (no Qt).

Each opens the session itself and closes it before returning: a sqlite connection belongs to the
thread that made it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from core.arena.prompts import load_prompts
from core.arena.results import export, session_results
from core.arena.session import Session, SessionError
from core.cli_arena import generate_missing
from core.jobs.registry import Registry
from core.jobs.rundir import RunDir


@dataclass(frozen=True)
class PrepareSpec:
    prompts: Path
    models: dict[str, str]  # name → GGUF path
    output: Path
    max_tokens: int = 512
    temperature: float = 0.0
    seed: int = 0
    n_ctx: int = 2048
    threads: int = 0


@dataclass(frozen=True)
class Summary:
    path: Path
    is_owner: bool
    prompts: int
    models: list[str]
    answers: int
    answers_total: int
    annotators: dict[str, int] = field(default_factory=dict)  # votes per annotator
    identical: int = 0  # pairs whose two answers are the same text (annotators are told so)

    @property
    def missing(self) -> int:
        return self.answers_total - self.answers


def prepare(spec: PrepareSpec) -> tuple[RunDir, list[str]]:
    """Create the session and start its answer-generation job; returns the run and the skipped prompt rows."""
    prompt_set = load_prompts(spec.prompts)
    if len(spec.models) < 2:
        raise SessionError("a session needs at least two models", where="models", fix="add another model")
    for name, path in spec.models.items():
        if not name.strip():
            raise SessionError("every model needs a name", where=str(path), fix="type a name in the Name column")
        if not Path(path).is_file():
            raise SessionError("the model file does not exist", where=f"{name}: {path}", fix="choose a .gguf file")
    settings = {"max_tokens": spec.max_tokens, "temperature": spec.temperature}
    Session.create(spec.output, prompt_set.prompts, {n: str(Path(p).resolve()) for n, p in spec.models.items()},
                   settings, seed=spec.seed).close()
    return generate_missing(spec.output, spec.n_ctx, spec.threads), prompt_set.problems


def summarize(session_path: Path) -> Summary:
    session = Session.open(session_path)
    try:
        models = session.models()
        prompts = len(session.prompts())
        total = prompts * len(models)
        votes = session.votes_by_annotator()
        return Summary(Path(session_path), session.is_owner, prompts,
                       sorted(name or mid for mid, (name, _) in models.items()),  # ids are random: by name
                       total - len(session.missing_answers()), total, {a: len(v) for a, v in sorted(votes.items())},
                       session.identical_items())
    finally:
        session.close()


def active_generation(session_path: Path, registry: Registry) -> RunDir | None:
    """The session's answer job still running (started here, by the CLI, or by a studio closed since)."""
    registry.reconcile()
    project = str(Path(session_path).resolve())
    return next((r.run for r in registry.list(project=project) if not r.state.is_terminal), None)


def export_copy(session_path: Path, target: Path, annotator: str, force: bool = False) -> Path:
    """`force`: the file dialog already asked before replacing a file (the owner's session is refused anyway)."""
    session = Session.open(session_path)
    try:
        missing = session.missing_answers()
        if missing:
            raise SessionError(f"{len(missing)} answers are still missing", where=str(session_path),
                               fix="let the answer generation finish first")
        return session.export_annotator_copy(target, annotator, force=force)
    finally:
        session.close()


@dataclass(frozen=True)
class MergeOutcome:
    path: Path
    votes: int = 0
    error: str = ""  # why this copy was refused (the others are merged all the same)


def merge_each(session_path: Path, copies: list[Path]) -> list[MergeOutcome]:
    """Merge copies one by one: a foreign or broken file is refused with its reason, the good ones are kept."""
    session = Session.open(session_path)
    outcomes = []
    try:
        for copy in copies:
            try:
                merged = session.merge([copy])
            except SessionError as exc:
                outcomes.append(MergeOutcome(Path(copy), error=str(exc)))
                continue
            outcomes.append(MergeOutcome(Path(copy), votes=sum(merged.values())))
    finally:
        session.close()
    return outcomes


def results(session_path: Path, rounds: int = 200) -> dict:
    session = Session.open(session_path)
    try:
        return session_results(session, rounds=rounds)
    finally:
        session.close()


def export_results(data: dict, stem: Path) -> list[Path]:
    stem = Path(stem)
    return export(data, stem.with_suffix("") if stem.suffix.lower() in (".json", ".csv", ".md") else stem)
