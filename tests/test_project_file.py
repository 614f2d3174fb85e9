import dataclasses
import typing

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.errors import ProjectError
from core.project import Project, load_project, project_from_dict, project_to_toml, save_project
from core.project.default import default_project, init_demo
from core.project.io import cross_checks, section_fields, sections


def test_every_setting_has_a_label_and_help_for_the_studio_forms():
    for name, section_type in sections():
        for fld, _typ in section_fields(section_type):
            assert fld.metadata.get("label") and fld.metadata.get("help"), f"{name}.{fld.name}"


def test_default_project_loads_with_its_shipped_model_and_text(tmp_path):
    project = default_project()
    assert project.models.source.endswith(".gguf")
    path = init_demo(tmp_path / "demo")
    assert load_project(path) == project
    with pytest.raises(ProjectError, match="already exists"):
        init_demo(tmp_path / "demo")


def test_saved_file_documents_each_setting(tmp_path):
    text = project_to_toml(Project())
    assert "# Peak learning rate." in text and "[stage2]" in text


def _problems(raw, tmp_path):
    with pytest.raises(ProjectError) as info:
        project_from_dict(raw, base=tmp_path, where="p.toml")
    return str(info.value)


def test_errors_name_the_field_the_value_and_what_is_allowed(tmp_path):
    (tmp_path / "m.gguf").write_bytes(b"x")
    (tmp_path / "ru.txt").write_text("текст")
    ok = {"models": {"source": "m.gguf"}, "corpus": {"russian": ["ru.txt"]}}
    msg = _problems({**ok, "tokenizer": {"mode": "shrink"}}, tmp_path)
    assert "tokenizer.mode = 'shrink'" in msg and "'replace', 'extend', 'optimized'" in msg
    msg = _problems({**ok, "stage1": {"learning_rat": 1e-4}}, tmp_path)
    assert "unknown setting 'stage1.learning_rat'" in msg and "did you mean 'stage1.learning_rate'" in msg
    msg = _problems({**ok, "stage1": {"steps": "many"}}, tmp_path)
    assert "stage1.steps = 'many': expected an integer" in msg
    msg = _problems({**ok, "corpus": {"russian": ["ru.txt"], "heldout_fraction": 0.9}}, tmp_path)
    assert "corpus.heldout_fraction = 0.9: must be between 0.01 and 0.5" in msg
    msg = _problems({**ok, "corpus": {"russian": ["missing.txt"]}}, tmp_path)
    assert "corpus.russian[0] = 'missing.txt': no such file" in msg
    msg = _problems({"models": {}, "corpus": {"russian": ["ru.txt"]}, "modles": {}}, tmp_path)
    assert "models.source is required" in msg and "unknown section 'modles'" in msg
    assert "How to fix" in msg
    with pytest.raises(ProjectError) as info:
        project_from_dict({**ok, "stage1": {"steps": 0, "seed": "x"}}, base=tmp_path)
    assert [field for field, _ in info.value.problems] == ["stage1.steps", "stage1.seed"]


def test_combinations_the_method_cannot_do_are_refused_at_load(tmp_path):
    (tmp_path / "m.gguf").write_bytes(b"x")
    (tmp_path / "ru.txt").write_text("текст")
    ok = {"models": {"source": "m.gguf"}, "corpus": {"russian": ["ru.txt"]}}
    msg = _problems({**ok, "tokenizer": {"algorithm": "unigram", "mode": "optimized"}}, tmp_path)
    assert "a Unigram picks new tokens in 'extend'" in msg
    project_from_dict({**ok, "tokenizer": {"algorithm": "unigram", "mode": "extend"}}, base=tmp_path)
    msg = _problems({**ok, "tokenizer": {"mode": "optimized", "vocab_size": 4000, "new_tokens": 4000}}, tmp_path)
    assert "must be smaller than tokenizer.vocab_size" in msg
    msg = _problems({**ok, "compute": {"strategy": "fsdp"}}, tmp_path)
    assert "compute.strategy = 'fsdp' shards the model across torchrun processes" in msg
    assert "launcher = 'torchrun'" in msg
    project_from_dict({**ok, "compute": {"strategy": "fsdp", "launcher": "torchrun"}}, base=tmp_path)
    msg = _problems({**ok, "calibration": {"lora_targets": []}}, tmp_path)
    assert "calibration.lora_targets is empty" in msg
    msg = _problems({**ok, "stage2": {"full_matrices": ["lm_head", "wte"]}}, tmp_path)
    assert "stage2.full_matrices[1] = 'wte': allowed values are 'lm_head', 'embed_tokens'" in msg


def test_bad_toml_says_where(tmp_path):
    path = tmp_path / "project.toml"
    path.write_text("[models\nsource = 1\n")
    with pytest.raises(ProjectError, match="not valid TOML.*line 1"):
        load_project(path)
    with pytest.raises(ProjectError, match="does not exist"):
        load_project(tmp_path / "nope.toml")


def _value_strategy(fld, typ):
    meta = fld.metadata
    if typing.get_origin(typ) is tuple:
        item = st.sampled_from(meta["choices"]) if meta.get("choices") else st.text(max_size=20)
        return st.lists(item, max_size=4).map(tuple)
    if meta.get("choices"):
        return st.sampled_from(meta["choices"])
    if typ is bool:
        return st.booleans()
    if typ is int:
        return st.integers(meta.get("min", -2**31), meta.get("max", 2**31))
    if typ is float:
        return st.floats(meta.get("min", -1e9), meta.get("max", 1e9), allow_nan=False)
    return st.text(max_size=30)


projects = st.builds(Project, **{
    name: st.builds(section_type, **{f.name: _value_strategy(f, t) for f, t in section_fields(section_type)})
    for name, section_type in sections()
}).filter(lambda p: not cross_checks(p))


@settings(max_examples=60, deadline=None)
@given(projects)
def test_load_save_load_is_identity(tmp_path_factory, project):
    path = tmp_path_factory.mktemp("rt") / "project.toml"
    save_project(project, path)
    loaded = load_project(path, check_files=False)
    assert loaded == project
    save_project(loaded, path)
    assert load_project(path, check_files=False) == project


def test_sections_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        Project().stage1.steps = 5


def test_lenient_loading_keeps_the_good_settings_and_lists_the_bad_ones(tmp_path):
    from core.project.io import load_project_leniently

    (tmp_path / "ru.txt").write_text("текст", encoding="utf-8")
    path = tmp_path / "project.toml"
    path.write_text('[models]\nsource = "gone.gguf"\n[corpus]\nrussian = ["ru.txt", "lost.txt"]\n'
                    '[stage1]\nsteps = -3\nlearning_rate = 0.001\n[compute]\nstrategy = "fsdp"\n[modles]\n',
                    encoding="utf-8")
    project, problems = load_project_leniently(path)
    assert {setting for setting, _ in problems} == {"models.source", "corpus.russian", "stage1.steps", "modles",
                                                    "compute.strategy"}  # a cross-setting rule, found after
    assert project.stage1.learning_rate == 0.001 and project.stage1.steps == 200  # the bad one at its default
    assert project.corpus.russian == ()  # a list with a missing file is left out whole
    path.write_text("[stage1\n", encoding="utf-8")
    with pytest.raises(ProjectError, match="not valid TOML"):
        load_project_leniently(path)
