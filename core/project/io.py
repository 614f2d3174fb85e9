"""Load, validate and save project files (TOML ⇄ frozen dataclasses).

Validation happens here, once: every problem names the field, the bad value and what is allowed,
and all problems of a file are reported together.
"""

from __future__ import annotations

import dataclasses
import difflib
import math
import tomllib
import typing
from pathlib import Path
from typing import Any

import tomli_w

from core.atomic_files import write_atomic
from core.errors import ProjectError, UserError
from core.paths import resolve_path
from core.project.schema import Project

_TYPE_NAMES = {str: "text", int: "an integer", float: "a number", bool: "true or false"}


def sections() -> list[tuple[str, type]]:
    hints = typing.get_type_hints(Project)
    return [(f.name, hints[f.name]) for f in dataclasses.fields(Project)]


def section_fields(section_type: type) -> list[tuple[dataclasses.Field, Any]]:
    """(field, resolved type) of a section, in declaration order."""
    hints = typing.get_type_hints(section_type)
    return [(f, hints[f.name]) for f in dataclasses.fields(section_type)]


def load_project(path: Path | str, check_files: bool = True) -> Project:
    path = Path(path)
    return project_from_dict(_read_toml(path), base=path.parent if check_files else None, where=str(path))


def load_project_leniently(path: Path | str) -> tuple[Project, list[tuple[str, str]]]:
    """The project and its problems, for an editor that shows each problem beside its setting: every
    setting with a problem (a bad value, an unknown name, a missing file) is left at its default in the
    Project. A file that is not TOML still raises: there is nothing to show."""
    path = Path(path)
    raw = _read_toml(path)
    problems: list[tuple[str, str]] = []
    # Field problems come first; the cross-setting rules speak once the fields are sound, so a second
    # (and third) pass finds theirs. Files are checked on the first pass only: a setting left out then
    # must not come back as "required".
    for base in (path.parent, None, None):
        try:
            return project_from_dict(_without(raw, [s for s, _ in problems]), base=base, where=str(path)), problems
        except ProjectError as exc:
            if not exc.problems:
                raise
            problems += exc.problems
            last = exc
    raise last


def _without(raw: dict[str, Any], settings: list[str]) -> dict[str, Any]:
    """`raw` without the named settings ("stage1.steps", "corpus.russian[0]") or sections ("modles")."""
    out = {name: dict(values) if isinstance(values, dict) else values for name, values in raw.items()}
    for setting in settings:
        section, _, key = setting.partition(".")
        if not key:
            out.pop(section, None)
        elif isinstance(out.get(section), dict):
            out[section].pop(key.split("[", 1)[0], None)
    return out


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ProjectError("the project file does not exist", where=str(path),
                           fix="check the path, or create one with `ruadapt demo init DIR`") from None
    except IsADirectoryError:
        inside = path / "project.toml"
        raise ProjectError("this is a folder, not a project file", where=str(path),
                           fix=f"pass {inside}" if inside.is_file() else "pass the project's .toml file") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ProjectError(f"not valid TOML: {exc}", where=str(path),
                           fix="fix the syntax at the line shown (see https://toml.io)") from None


def project_from_dict(raw: dict[str, Any], base: Path | None = None, where: str = "project") -> Project:
    """Build and validate a Project; `base` (the project's folder) turns on the file-existence checks."""
    problems: list[tuple[str, str]] = []  # (setting, message)
    known = dict(sections())
    for name in raw:
        if name not in known:
            problems.append((name, _unknown(name, known, "section")))
    built = {}
    for name, section_type in known.items():
        values = raw.get(name, {})
        if not isinstance(values, dict):
            problems.append((name, f"[{name}] must be a table of settings, got {values!r}"))
            continue
        built[name] = _build_section(name, section_type, values, base, problems)
    if not problems:
        problems += cross_checks(Project(**built))
    if not problems and base is not None:
        problems += model_checks(Project(**built), base)
    if problems:
        raise ProjectError("invalid settings:\n" + "\n".join(f"  - {m}" for _, m in problems), where=where,
                           problems=problems,
                           fix="correct the settings listed above")
    return Project(**built)


def recorded_settings(settings: dict[str, dict[str, Any]], stage: str) -> Project:
    """A run's settings as its spec recorded them (the sections its stage reads, paths already absolute),
    as the schema's typed sections. The other sections are not in the stage's key, so reading one is a
    bug, and says so."""
    problems: list[tuple[str, str]] = []
    known = dict(sections())
    built = {name: _build_section(name, known[name], values, None, problems)
             for name, values in settings.items() if name in known}
    problems += [(name, _unknown(name, known, "section")) for name in settings if name not in known]
    if problems:
        raise ProjectError("the run's recorded settings do not fit this version's schema:\n"
                           + "\n".join(f"  - {m}" for _, m in problems), where=f"the {stage} run's spec.json",
                           problems=problems, fix="run the stage again from the project")
    return Project(**{name: built.get(name, _Unlisted(name, stage)) for name in known})


class _Unlisted:
    """A section the stage's row does not list: a change to it would not make the stage run again."""

    def __init__(self, section: str, stage: str) -> None:
        self._section, self._stage = section, stage

    def __getattr__(self, name: str):
        raise AttributeError(f"the {self._stage} stage reads {self._section}.{name}, but its row in "
                             f"core/stages/__init__.py does not list {self._section!r} among its sections")


def cross_checks(project: Project) -> list[tuple[str, str]]:
    """Rules that span settings: combinations the method or llama.cpp cannot do."""
    tok, problems = project.tokenizer, []
    if tok.algorithm == "unigram" and tok.mode == "optimized":
        problems.append(("tokenizer.algorithm",
                         f"tokenizer.algorithm = 'unigram' with tokenizer.mode = {tok.mode!r}: optimized appends BPE "
                         "merges to part of the source's vocabulary; a Unigram picks new tokens in 'extend' (its "
                         "Russian pieces become merges) or is the whole vocabulary in 'replace'"))
    if tok.mode == "optimized" and tok.new_tokens >= tok.vocab_size:
        problems.append(("tokenizer.new_tokens",
                         f"tokenizer.new_tokens = {tok.new_tokens} must be smaller than tokenizer.vocab_size = "
                         f"{tok.vocab_size} in optimized mode (the rest are kept source tokens)"))
    for name in ("stage2", "calibration"):
        if not getattr(project, name).lora_targets:
            problems.append((f"{name}.lora_targets", f"{name}.lora_targets is empty: LoRA needs at least one "
                             "projection (the authors adapt all seven: q_proj, k_proj, v_proj, o_proj, gate_proj, "
                             "up_proj, down_proj)"))
    if project.compute.strategy == "fsdp" and project.compute.launcher != "torchrun":
        problems.append(("compute.strategy",
                         "compute.strategy = 'fsdp' shards the model across torchrun processes, and "
                         f"compute.launcher = {project.compute.launcher!r} starts one: set launcher = 'torchrun' "
                         "(with nproc_per_node = the number of GPUs), or strategy = 'ddp'"))
    return problems


def model_checks(project: Project, base: Path) -> list[tuple[str, str]]:
    """What the models' configs allow, read cheaply at load: an LEP pair must be one network, or LEP
    fails hours later, after stage 2."""
    from core.models.model_shape import model_shape

    models = project.models
    if not (project.lep.enabled and models.instruct):
        return []
    base_setting = "models.base" if models.base else "models.source"
    pair = {name: model_shape(resolve_path(getattr(models, name.split(".")[1]), base))
            for name in (base_setting, "models.instruct")}
    base_shape, instruct_shape = pair[base_setting], pair["models.instruct"]
    if base_shape is None or instruct_shape is None:
        return []  # unreadable here: the stages say why
    if (base_shape.hidden_size, base_shape.layers) != (instruct_shape.hidden_size, instruct_shape.layers):
        return [("models.instruct", f"models.instruct ({instruct_shape.describe()}) and {base_setting} "
                 f"({base_shape.describe()}) are not the same network: LEP needs the instruct model tuned from "
                 f"that very base model (or turn lep.enabled off)")]
    return []


def project_warnings(project: Project) -> list[str]:
    """Settings that are allowed but deserve a word every time they are on."""
    out = []
    if project.models.trust_remote_code:
        out.append("models.trust_remote_code is on: Python code shipped inside model folders will run with your "
                   "rights, whatever their architecture. Keep it on only for folders you trust.")
    if project.models.allow_pickle:
        out.append("models.allow_pickle is on: pickle weight files can run code when loaded. Keep it on only for "
                   "files you trust.")
    return out


def _build_section(name: str, section_type: type, values: dict, base: Path | None,
                   problems: list[tuple[str, str]]):
    fields = dict((f.name, (f, t)) for f, t in section_fields(section_type))
    for key in values:
        if key not in fields:
            problems.append((f"{name}.{key}", _unknown(f"{name}.{key}", fields, "setting", prefix=f"{name}.")))
    kwargs = {}
    for key, (fld, typ) in fields.items():
        if key not in values:
            if fld.metadata.get("required") and base is not None:
                problems.append((f"{name}.{key}", f"{name}.{key} is required: {fld.metadata['help']}"))
            continue
        value, problem = _check_value(f"{name}.{key}", values[key], typ, fld.metadata, base)
        if problem:
            problems.append((f"{name}.{key}", problem))
        else:
            kwargs[key] = value
    return section_type(**kwargs)


def _check_value(where: str, value: Any, typ: Any, meta: dict, base: Path | None) -> tuple[Any, str | None]:
    if typing.get_origin(typ) is tuple:
        if not isinstance(value, list):
            return None, f"{where} = {value!r}: expected a list, e.g. [\"a\", \"b\"]"
        items = []
        for i, item in enumerate(value):
            checked, problem = _check_value(f"{where}[{i}]", item, typing.get_args(typ)[0], meta, base)
            if problem:
                return None, problem
            items.append(checked)
        if meta.get("required") and base is not None and not items:
            return None, f"{where} is empty: {meta['help']}"
        return tuple(items), None
    if typ is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if type(value) is not typ:
        return None, f"{where} = {value!r}: expected {_TYPE_NAMES[typ]}"
    if typ is float and not math.isfinite(value):
        return None, f"{where} = {value!r}: must be a finite number"
    if (choices := meta.get("choices")) and value not in choices:
        return None, f"{where} = {value!r}: allowed values are {', '.join(map(repr, choices))}"
    lo, hi = meta.get("min"), meta.get("max")
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        return None, f"{where} = {value!r}: must be between {lo} and {hi}"
    if meta.get("required") and base is not None and value == "":
        return None, f"{where} is empty: {meta['help']}"
    if meta.get("path") and base is not None and value:
        try:
            resolved = resolve_path(value, base)
        except UserError as exc:
            return None, f"{where} = {value!r}: {exc.what}; {exc.fix}"
        if meta["path"] == "dir":  # made when needed, but a file in its place can never become one
            if resolved.exists() and not resolved.is_dir():
                return None, f"{where} = {value!r}: this is a file, not a folder ({resolved})"
        elif not resolved.exists():
            return None, f"{where} = {value!r}: no such file or folder ({resolved})"
    return value, None


def _unknown(name: str, allowed: dict, what: str, prefix: str = "") -> str:
    close = difflib.get_close_matches(name.removeprefix(prefix), list(allowed), n=1)
    hint = f"; did you mean {prefix + close[0]!r}?" if close else f"; allowed: {', '.join(allowed)}"
    return f"unknown {what} {name!r}{hint}"


def project_to_toml(project: Project) -> str:
    """The project as TOML, every setting preceded by its help text as a comment."""
    out = []
    for name, section_type in sections():
        section = getattr(project, name)
        out.append(f"[{name}]")
        for fld, _ in section_fields(section_type):
            value = getattr(section, fld.name)
            out.append(f"# {fld.metadata['help']}")
            out.append(tomli_w.dumps({fld.name: list(value) if isinstance(value, tuple) else value}).strip())
        out.append("")
    return "\n".join(out)


def save_project(project: Project, path: Path | str) -> None:
    """Atomic save: a crash mid-write leaves the old file, never half a new one."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, project_to_toml(project))


def project_to_dict(project: Project) -> dict[str, Any]:
    return tomllib.loads(project_to_toml(project))
