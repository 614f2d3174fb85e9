"""The GGUF files a project's export stage wrote: to pre-fill the chat's two sides, and for its model list
(no Qt)."""

from __future__ import annotations

from pathlib import Path

from core.jobs.registry import Registry
from core.jobs.states import JobState
from core.stages.results import ExportResult, parse_result


def _export_runs(project_path: Path, registry: Registry) -> list:
    project = str(Path(project_path).resolve())
    return [r for r in registry.list(project=project) if r.stage == "export" and r.state == JobState.DONE]


def project_model_files(project_path: Path, registry: Registry) -> list[Path]:
    """Every GGUF the project's finished export runs hold, newest run first, each run's files by name."""
    files: list[Path] = []
    for record in _export_runs(project_path, registry):
        files += sorted(p for p in record.run.outputs.glob("*.gguf") if p.is_file() and p not in files)
    return files


def exported_models(project_path: Path, registry: Registry) -> tuple[Path, Path] | None:
    """(original, adapted) of the same type from the newest finished export run, the project's first export
    type preferred; None when the project has no such run or its files are gone."""
    for record in _export_runs(project_path, registry):  # newest first
        outputs = record.run.outputs
        try:
            types = parse_result(ExportResult, record.run.result() or {}, "export").types
        except (OSError, ValueError):  # unreadable JSON, or not an export's result: the files alone decide
            types = []
        found = sorted(p.name[len("adapted-"):-len(".gguf")] for p in outputs.glob("adapted-*.gguf"))
        for kind in [t for t in types if t in found] + found:
            original, adapted = outputs / f"original-{kind}.gguf", outputs / f"adapted-{kind}.gguf"
            if original.is_file() and adapted.is_file():
                return original, adapted
    return None
