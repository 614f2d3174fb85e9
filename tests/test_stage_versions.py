"""A run is reused when its content key matches, and the key hashes only the settings that differ from the
schema's defaults (so a setting added later leaves hours of training current). The price: a changed default
changes what a stage produces under the same key, unless the stage's version moves with it. This test holds
that rule: each stage's version beside a digest of the defaults of the sections it reads."""

from __future__ import annotations

import dataclasses
import hashlib
import json

from core.project.schema import Project
from core.stages import STAGES

# stage → (version, digest of its sections' defaults). When the test fails, read the default you changed:
# - it changes what the stage produces (a new value for an old setting): bump the stage's `version` in
#   core/stages/__init__.py (say why in its comment) and write both here;
# - it keeps the old behaviour (a new setting whose default does what the code did): write the new digest.
RECORDED = {
    "import": (1, "606315739726"),
    "corpus": (2, "b001a34f9ea8"),
    "baseline": (2, "c318a5517a46"),
    "tokenizer": (3, "c8fe4dff7b96"),
    "transplant": (4, "a4f6c9fd9847"),
    "stage1": (3, "cb007110a951"),
    "stage2": (5, "f59bfcdeacd9"),
    "lep": (3, "64c7d8cc9082"),
    "calibration": (4, "9745c35c481b"),
    "export": (1, "b05f53920a7a"),
    "evaluate": (4, "c318a5517a46"),
}


def _defaults_digest(sections: tuple[str, ...]) -> str:
    defaults = dataclasses.asdict(Project())
    text = json.dumps({name: defaults[name] for name in sections}, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def test_a_changed_default_moves_with_its_stage_version():
    now = {s.name: (s.version, _defaults_digest(s.sections)) for s in STAGES}
    changed = {name: (RECORDED.get(name), now[name]) for name in now if RECORDED.get(name) != now[name]}
    assert not changed, (
        "stage defaults or versions changed (recorded → now): "
        + "; ".join(f"{name}: {was} → {is_}" for name, (was, is_) in changed.items())
        + ". If a default now produces something else, bump that stage's version; then write the new pair "
          "in RECORDED (tests/test_stage_versions.py)")

