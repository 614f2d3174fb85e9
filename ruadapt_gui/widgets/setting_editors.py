"""Which editor a project setting gets, from its type and metadata: plain editors (field_editors.py) and
path editors (path_editors.py, built on them), so neither module needs the other."""

from __future__ import annotations

import dataclasses
import typing
from pathlib import Path
from typing import Any

from ruadapt_gui.widgets.field_editors import (
    BoolEditor,
    ChoiceEditor,
    ChoiceListEditor,
    FieldEditor,
    FloatEditor,
    IntEditor,
    TextEditor,
)
from ruadapt_gui.widgets.path_editors import PathEditor, PathListEditor


def editor_for(fld: dataclasses.Field, typ: Any, project_dir: Path) -> FieldEditor:
    """The editor a setting gets, from its type and metadata (one table-like choice, no per-field code)."""
    meta = fld.metadata
    is_list = typing.get_origin(typ) is tuple
    if meta.get("path"):
        return PathListEditor(meta["path"], project_dir) if is_list else PathEditor(meta["path"], project_dir)
    if meta.get("choices"):
        return ChoiceListEditor(meta["choices"]) if is_list else ChoiceEditor(meta["choices"])
    if typ is bool:
        return BoolEditor()
    if typ is int:
        return IntEditor(meta.get("min"), meta.get("max"))
    if typ is float:
        return FloatEditor(meta.get("min"), meta.get("max"))
    if typ is str:
        return TextEditor()
    raise TypeError(f"no editor for a setting of type {typ!r} ({fld.name}); add one in field_editors.py and here")
