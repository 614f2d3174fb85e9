"""scripts/install.sh on a machine that lacks a Debian package: as root (containers, cloud VMs) it runs
apt-get directly, as a user it goes through sudo, and either way it goes on to create the venv and install.
Debian's tools, sudo and Python are stubs that record what they were asked; the script itself is real."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOBODY = 65534

STUBS = {
    # Every package is installed except those named in $MISSING.
    "dpkg": 'echo "dpkg $*" >> "$LOG"\nfor m in $MISSING; do [ "$2" = "$m" ] && exit 1; done\nexit 0\n',
    "apt-get": 'echo "apt-get DEBIAN_FRONTEND=${DEBIAN_FRONTEND:-} uid=$(id -u) $*" >> "$LOG"\n'
               'exit "${APT_EXIT:-0}"\n',
    # Like sudo: leading VAR=value words set the environment of the command.
    "sudo": 'echo "sudo $*" >> "$LOG"\nwhile [ $# -gt 0 ] && [ "${1#*=}" != "$1" ]; do export "$1"; shift; done\n'
            'exec "$@"\n',
    # python3.11 and, once `-m venv` made it, .venv/bin/python: torch is present only when $HAVE_TORCH=1.
    "python3.11": 'echo "python $*" >> "$LOG"\n'
                  'if [ "$1" = -m ] && [ "$2" = venv ]; then mkdir -p "$3/bin" && cp "$0" "$3/bin/python"; fi\n'
                  'if [ "$1" = -c ]; then case "$2" in *torch*) [ "${HAVE_TORCH:-0}" = 1 ]; exit $?;; '
                  '*llama_cpp*) exit 1;; *ensurepip*) [ -z "${NO_ENSUREPIP:-}" ]; exit $?;; esac; fi\nexit 0\n',
}


@pytest.fixture
def sandbox():
    """A copy of the script in a tree every user can read, with stubs first on PATH."""
    root = Path(tempfile.mkdtemp(prefix="ruadapt-install-"))
    try:
        (root / "repo" / "scripts").mkdir(parents=True)
        shutil.copy(ROOT / "scripts" / "install.sh", root / "repo" / "scripts" / "install.sh")
        (root / "bin").mkdir()
        for name, body in STUBS.items():
            (root / "bin" / name).write_text("#!/bin/bash\n" + body)
            (root / "bin" / name).chmod(0o755)
        (root / "log").write_text("")
        for path in [root, *root.rglob("*")]:  # the non-root run must read, write and create here
            path.chmod(path.stat().st_mode | stat.S_IRWXU | stat.S_IRWXG | stat.S_IRWXO)
        yield root
    finally:
        shutil.rmtree(root, ignore_errors=True)


def run_install(root: Path, *args: str, user: int | None = None, **env: str) -> subprocess.CompletedProcess:
    environ = {"PATH": f"{root / 'bin'}:/usr/bin:/bin", "HOME": str(root), "LOG": str(root / "log"),
               "MISSING": "xvfb", **env}
    return subprocess.run(["bash", str(root / "repo" / "scripts" / "install.sh"), *args], env=environ,
                          capture_output=True, text=True, timeout=60, user=user, cwd=root)


def calls(root: Path) -> list[str]:
    return (root / "log").read_text().splitlines()


def assert_installed_then_went_on(root: Path, out: subprocess.CompletedProcess, uid: int) -> list[str]:
    assert out.returncode == 0, out.stdout + out.stderr
    log = calls(root)
    apt = [line for line in log if line.startswith("apt-get")]
    assert apt[0] == f"apt-get DEBIAN_FRONTEND=noninteractive uid={uid} update -qq"
    assert apt[1].startswith(f"apt-get DEBIAN_FRONTEND=noninteractive uid={uid} install -y")
    assert apt[1].split()[-1] == "xvfb"  # only what is missing
    after = log[log.index(apt[1]) + 1:]
    assert "python -m venv .venv" in after
    assert any("install -q -c scripts/constraints.txt -e ." in line for line in after)
    assert "Installing Debian packages: xvfb" in out.stdout and "Installed." in out.stdout
    return log


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root")
def test_as_root_apt_get_runs_without_sudo_and_the_install_goes_on(sandbox):
    log = assert_installed_then_went_on(sandbox, run_install(sandbox, "--dev"), uid=0)
    assert not [line for line in log if line.startswith("sudo")]
    assert any("install -q -c scripts/constraints.txt -e .[dev]" in line for line in log)


def test_as_a_user_apt_get_goes_through_sudo(sandbox):
    uid = NOBODY if os.geteuid() == 0 else os.geteuid()
    out = run_install(sandbox, user=uid if os.geteuid() == 0 else None)
    log = assert_installed_then_went_on(sandbox, out, uid=uid)  # the stub sudo does not change the user
    assert [line for line in log if line.startswith("sudo")][0].startswith(
        "sudo env DEBIAN_FRONTEND=noninteractive apt-get update")


def test_nothing_missing_runs_no_apt_and_a_venv_made_beforehand_keeps_its_torch(sandbox):
    venv_python = sandbox / "repo" / ".venv" / "bin" / "python"
    venv_python.parent.mkdir(parents=True)
    shutil.copy(sandbox / "bin" / "python3.11", venv_python)
    out = run_install(sandbox, MISSING="", HAVE_TORCH="1")
    assert out.returncode == 0, out.stderr
    log = calls(sandbox)
    assert not [line for line in log if line.startswith(("apt-get", "sudo"))]
    assert "python -m venv .venv" not in log  # the user's venv (with their CUDA torch) is kept
    assert not [line for line in log if "torch==" in line]
    assert any("llama-cpp-python==" in line for line in log)


def test_a_failed_step_is_named_with_its_fix(sandbox):
    out = run_install(sandbox, APT_EXIT="100")
    assert out.returncode == 100
    assert "step failed: Installing Debian packages: xvfb" in out.stderr
    assert "How to fix: run 'apt-get install xvfb' as root" in out.stderr
    assert not [line for line in calls(sandbox) if "venv" in line]  # it stopped there


def test_a_python_without_venv_support_gets_its_debian_venv_package(sandbox):
    out = run_install(sandbox, MISSING="", NO_ENSUREPIP="1")
    assert out.returncode == 0, out.stderr
    install = next(line for line in calls(sandbox) if line.startswith("apt-get") and " install " in line)
    assert install.split()[-1] == "python3.11-venv"


def test_the_tested_versions_fall_inside_the_ranges_pyproject_allows():
    # A pin outside a range makes pip refuse the whole install: they must move together.
    import tomllib

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [Requirement(r) for r in project["dependencies"] + project["optional-dependencies"]["dev"]]
    pins = {}
    for line in (ROOT / "scripts" / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, version = line.split("==")
            pins[canonicalize_name(name)] = version
    assert {"transformers", "pyside6-essentials", "peft", "tokenizers"} <= pins.keys()
    checked = [r for r in wanted if canonicalize_name(r.name) in pins]
    for requirement in checked:
        assert requirement.specifier.contains(pins[canonicalize_name(requirement.name)]), requirement
    assert len(checked) >= 15
